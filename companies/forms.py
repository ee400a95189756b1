"""Companies' forms: each field says what it is for, with an example."""

from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from core.fields import ModelMultipleChoiceField
from geo.models import Departement
from taxonomy.models import Cause

from . import services
from .lifecycle import request_refusal
from .models import Employee, Programme, Sponsorship


class DomainForm(forms.Form):
    domain = forms.CharField(
        label=_("Domaine des adresses e-mail de l’entreprise"),
        max_length=253,
        help_text=_(
            "Ce qui suit le @ dans les adresses de vos collègues. Par exemple : "
            "imprimerie-martin.fr. Votre propre adresse doit en faire partie."
        ),
    )


class CostForm(forms.Form):
    hourly_cost = forms.DecimalField(
        label=_("Coût horaire (en euros)"),
        required=False,
        min_value=Decimal("0"),
        max_value=Decimal("9999"),
        decimal_places=2,
        localize=True,
        help_text=_(
            "Salaire et charges pour une heure de travail : sert à valoriser ses heures dans "
            "le relevé annuel. Personne d’autre que les responsables ne le voit. Par exemple : "
            "42,50"
        ),
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )


class VisibilityForm(forms.Form):
    shown = forms.BooleanField(
        label=_("Montrer le nom de mon entreprise sur mon profil public"), required=False
    )


class ProgrammeForm(forms.Form):
    name = forms.CharField(
        label=_("Nom du programme"),
        max_length=120,
        help_text=_("Par exemple : Mécénat de compétences 2026"),
    )
    description = forms.CharField(
        label=_("Présentation pour les salarié·es"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Ce que l’entreprise souhaite soutenir, et comment demander du temps. Par exemple : "
            "« Chaque salarié·e peut donner jusqu’à trois jours par an à une association de "
            "la métropole. »"
        ),
    )
    hours_per_employee = forms.IntegerField(
        label=_("Heures de travail par salarié·e et par an"),
        min_value=1,
        max_value=2000,
        help_text=_(
            "Le temps que chaque salarié·e peut donner sur son temps de travail, par année "
            "civile. Par exemple : 21 (trois jours)"
        ),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    causes = ModelMultipleChoiceField(
        label=_("Causes soutenues"),
        queryset=Cause.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Ne cochez rien pour soutenir toutes les causes."),
    )
    departements = forms.CharField(
        label=_("Départements soutenus (numéros)"),
        required=False,
        max_length=400,
        help_text=_(
            "Les numéros des départements, séparés par des virgules. Par exemple : 69, 01, 38. "
            "Laissez vide pour toute la France."
        ),
    )
    one_off = forms.BooleanField(
        label=_("Missions ponctuelles (un logo, un site, un atelier…)"), required=False
    )
    recurring = forms.BooleanField(
        label=_("Talents solidaires : un engagement régulier auprès d’une association"),
        required=False,
    )
    recurring_hours_per_month = forms.IntegerField(
        label=_("Talent solidaire : heures par mois"),
        min_value=1,
        max_value=200,
        initial=28,
        help_text=_("Par exemple : 28 pour un jour par semaine"),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    recurring_months = forms.IntegerField(
        label=_("Talent solidaire : durée en mois"),
        min_value=1,
        max_value=24,
        initial=6,
        help_text=_("Par exemple : 6"),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def clean_departements(self) -> list[Departement]:
        codes = [
            code.strip().upper()
            for code in self.cleaned_data["departements"].replace(";", ",").split(",")
            if code.strip()
        ]
        codes = [code.zfill(2) if code.isdigit() else code for code in codes]
        found = {d.code: d for d in Departement.objects.filter(code__in=codes)}
        unknown = [code for code in codes if code not in found]
        if unknown:
            raise forms.ValidationError(
                _("Nous ne connaissons pas ce département : %(codes)s. Par exemple : 69, 2A"),
                params={"codes": ", ".join(unknown)},
            )
        return list(found.values())

    def clean(self):
        data = super().clean()
        if not (data.get("one_off") or data.get("recurring")):
            raise forms.ValidationError(
                _(
                    "Cochez au moins une forme d’engagement : missions ponctuelles ou talents "
                    "solidaires."
                )
            )
        return data

    def service_fields(self) -> dict:
        """What `programme_create`/`programme_update` take."""
        return dict(self.cleaned_data)


def programme_initial(programme) -> dict:
    return {
        "name": programme.name,
        "description": programme.description,
        "hours_per_employee": programme.hours_per_employee,
        "causes": [cause.pk for cause in programme.causes.all()],
        "departements": ", ".join(d.code for d in programme.departements.all()),
        "one_off": programme.one_off,
        "recurring": programme.recurring,
        "recurring_hours_per_month": programme.recurring_hours_per_month,
        "recurring_months": programme.recurring_months,
    }


@dataclass(frozen=True)
class TimeOption:
    """One way to give her time to the mission: a programme of her company, in one format."""

    value: str
    label: str
    programme: Programme
    employee: Employee
    format: str
    used: int


PERSONAL = ""


class ApplyWithProgrammeForm(forms.Form):
    """Under the apply form (`engagements.signals.apply_form_parts`): on her own time, or on
    working time within her company's programme, which a manager approves before the
    association reads the application as « soutenue par » the company."""

    template_name = "companies/_apply_part.html"
    prefix = "company"

    choice = forms.ChoiceField(
        label=_("Sur quel temps proposez-vous votre aide ?"),
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "Sur votre temps de travail, vos responsables approuvent d’abord le temps ; "
            "l’association voit ensuite votre candidature comme soutenue par votre entreprise."
        ),
    )
    hours = forms.IntegerField(
        label=_("Mission ponctuelle : heures de travail demandées"),
        required=False,
        min_value=1,
        max_value=1000,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    schedule = forms.CharField(
        label=_("Talent solidaire : vos jours et heures"),
        required=False,
        max_length=200,
        help_text=_("Par exemple : le mardi, de 9 h à 17 h"),
    )

    def __init__(self, data=None, *, options: list[TimeOption], mission, user, cause_ids):
        super().__init__(data)
        self.options = {option.value: option for option in options}
        self.mission, self.user, self.cause_ids = mission, user, cause_ids
        self.fields["choice"].choices = [
            (PERSONAL, _("Sur mon temps personnel, sans passer par mon entreprise")),
            *((option.value, option.label) for option in options),
        ]
        self.fields["choice"].initial = PERSONAL
        hours = self.fields["hours"]
        hours.initial = mission.effort_hours
        if mission.effort_hours:
            hours.help_text = _(
                "L’association estime cette mission à %(hours)s h. Par exemple : %(hours)s"
            ) % {"hours": mission.effort_hours}
        else:
            hours.help_text = _("Par exemple : 20")
        if not any(o.format == Sponsorship.Format.ONE_OFF for o in options):
            del self.fields["hours"]
        if not any(o.format == Sponsorship.Format.RECURRING for o in options):
            del self.fields["schedule"]

    def render(self, template_name=None, context=None, renderer=None):
        # Drawn by the site's templates (form_field.html), as the page's own fields are.
        return mark_safe(render_to_string(self.template_name, {"form": self}))

    __str__ = render
    __html__ = render

    @property
    def option(self) -> TimeOption | None:
        return self.options.get(self.cleaned_data.get("choice") or PERSONAL)

    def clean(self):
        data = super().clean()
        option = self.options.get(data.get("choice") or PERSONAL)
        if option is None:
            return data
        if option.format == Sponsorship.Format.RECURRING:
            hours = option.programme.recurring_hours
            if not (data.get("schedule") or "").strip():
                self.add_error(
                    "schedule", _("Dites quels jours et à quelles heures vous viendrez.")
                )
        else:
            hours = data.get("hours")
            if not hours:
                self.add_error("hours", _("Indiquez le nombre d’heures de travail demandées."))
                return data
        data["time"] = hours
        refusal = request_refusal(
            option.programme,
            option.employee,
            self.mission,
            format=option.format,
            hours=hours,
            used=option.used,
            cause_ids=self.cause_ids,
        )
        if refusal:
            self.add_error("choice", refusal)
        return data

    def save(self, *, application) -> Sponsorship | None:
        option = self.option
        if option is None:
            return None
        return services.sponsorship_request(
            application=application,
            employee=option.employee,
            programme=option.programme,
            format=option.format,
            hours=self.cleaned_data["time"],
            schedule=self.cleaned_data.get("schedule", ""),
            by=self.user,
        )


class AnswerForm(forms.Form):
    note = forms.CharField(
        label=_("Un mot pour la personne"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Facultatif, surtout utile si vous n’approuvez pas. Par exemple : « Pas pendant la "
            "clôture des comptes, reparlons-en en février. »"
        ),
    )


class RecurringConfirmForm(forms.Form):
    tutor = forms.ModelChoiceField(
        label=_("Qui l’accueille et la suit à l’association (tuteur ou tutrice) ?"),
        queryset=None,
        empty_label=None,
        widget=forms.RadioSelect,
        help_text=_(
            "La personne de l’association à qui elle s’adresse, et qui confirme ses heures chaque "
            "mois."
        ),
    )
    start_month = forms.DateField(
        label=_("Premier mois"),
        input_formats=["%Y-%m", "%m/%Y", "%d/%m/%Y"],
        widget=forms.DateInput(format="%Y-%m", attrs={"type": "month"}),
        help_text=_("Le mois où elle commence, par exemple : 03/2026"),
        error_messages={"invalid": _("Écrivez le mois ainsi : 03/2026")},
    )
    schedule = forms.CharField(
        label=_("Jours et heures"),
        max_length=200,
        help_text=_("Par exemple : le mardi, de 9 h à 17 h"),
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tutor"].queryset = members
        self.fields["tutor"].label_from_instance = lambda user: user.full_name


class CheckInForm(forms.Form):
    hours = forms.IntegerField(
        label=_("Heures du mois"),
        min_value=1,
        max_value=200,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        help_text=_("Les heures qu’elle a passées avec vous ce mois-là. Par exemple : 28"),
    )
    note = forms.CharField(
        label=_("Un mot sur le mois"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Facultatif. Par exemple : « La nouvelle affiche est prête. »"),
    )
