"""Companies' forms: each field says what it is for, with an example."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from core.fields import ModelMultipleChoiceField
from geo.models import Departement
from taxonomy.models import Cause


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
