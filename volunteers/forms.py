"""The volunteer profile form: one screen in fieldsets, skill levels editable without JavaScript."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import ModelMultipleChoiceField
from core.links import parse_links
from geo.forms import CommuneField
from taxonomy.models import Cause, Level, SkillDomain
from taxonomy.selectors import domains_with_skills

from .models import VolunteerProfile, WorkMode
from .services import PROFILE_FIELDS

Kind = VolunteerProfile.Kind

# The empty choice first: "—" means "I don't have this skill" (see the template's hidden text).
LEVEL_CHOICES = [("", "—"), *((str(value), label) for value, label in Level.choices)]
MAX_LINKS = 10
SKILL_PREFIX = "skill_"
GRADUATION_YEARS_AHEAD = 8
STUDENT_FIELDS = ("school_name", "programme", "graduation_year")


class SkillLevelField(forms.TypedChoiceField):
    widget = forms.RadioSelect

    def __init__(self, skill, **kwargs):
        super().__init__(
            choices=LEVEL_CHOICES,
            coerce=int,
            empty_value=None,
            required=False,
            label=skill.name,
            **kwargs,
        )
        self.skill = skill


class VolunteerProfileForm(forms.Form):
    # Who you are
    kind = forms.ChoiceField(
        label=_("Vous êtes"),
        choices=Kind.choices,
        initial=Kind.STUDENT,
        widget=forms.RadioSelect,
        help_text=_("Les associations voient cette information sur votre profil."),
    )
    school_name = forms.CharField(
        label=_("École ou université"),
        max_length=200,
        required=False,
        help_text=_("Pour les étudiant·es. Par exemple : École de design de Nantes"),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        error_messages={"required": _("Indiquez le nom de votre école ou université.")},
    )
    programme = forms.CharField(
        label=_("Formation"),
        max_length=200,
        required=False,
        help_text=_("Pour les étudiant·es. Par exemple : Design graphique, BUT MMI, Master UX"),
        error_messages={"required": _("Indiquez votre formation, par exemple Design graphique.")},
    )
    graduation_year = forms.IntegerField(
        label=_("Année de diplôme prévue"),
        required=False,
        help_text=_("Pour les étudiant·es. Par exemple : 2027"),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"invalid": _("Indiquez une année en chiffres, par exemple 2027.")},
    )
    company_name = forms.CharField(
        label=_("Votre entreprise"),
        max_length=200,
        required=False,
        help_text=_(
            "Pour les salarié·es en mécénat de compétences. Par exemple : Crédit Coopératif"
        ),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        error_messages={"required": _("Indiquez le nom de votre entreprise.")},
    )
    # When and where
    hours_per_week = forms.IntegerField(
        label=_("Heures disponibles par semaine"),
        min_value=1,
        max_value=40,
        initial=3,
        help_text=_("Entre 1 et 40. Par exemple : 4"),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": _("Indiquez un nombre d’heures en chiffres, par exemple 4."),
            "min_value": _("Indiquez au moins 1 heure par semaine."),
            "max_value": _("Indiquez au plus 40 heures par semaine."),
            "required": _("Indiquez combien d’heures par semaine vous pouvez donner."),
        },
    )
    available_from = forms.DateField(
        label=_("Disponible à partir du"),
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        help_text=_(
            "Laissez vide si vous êtes disponible dès maintenant. Par exemple : 15/09/2026"
        ),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Indiquez une date, par exemple 15/09/2026.")},
    )
    available_until = forms.DateField(
        label=_("Disponible jusqu’au"),
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        help_text=_("Laissez vide si vous n’avez pas de date de fin. Par exemple : 30/06/2027"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Indiquez une date, par exemple 30/06/2027.")},
    )
    work_mode = forms.ChoiceField(
        label=_("Vous préférez aider"),
        choices=WorkMode.choices,
        initial=WorkMode.BOTH,
        widget=forms.RadioSelect,
        help_text=_("« Sur place » : vous vous déplacez dans les locaux de l’association."),
    )
    commune = CommuneField(
        label=_("Votre commune"),
        required=False,
        help_text=_(
            "Pour vous proposer des missions près de chez vous. Nom ou code postal, par exemple : "
            "Nantes ou 44000"
        ),
        error_messages={
            "required": _(
                "Pour aider sur place, indiquez votre commune, par exemple Nantes ou 44000."
            )
        },
    )
    # What matters to you
    causes = ModelMultipleChoiceField(
        label=_("Les causes qui vous tiennent à cœur"),
        queryset=Cause.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Cochez-en autant que vous voulez. Par exemple : Culture et Environnement"),
    )
    # About you
    bio = forms.CharField(
        label=_("Quelques mots sur vous"),
        max_length=2000,
        required=False,
        help_text=_(
            "Ce que vous aimez faire, ce que vous voulez apprendre. Par exemple : « J’adore "
            "créer des affiches et je veux aider une association de mon quartier. »"
        ),
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    portfolio_links = forms.CharField(
        label=_("Liens vers vos travaux"),
        required=False,
        help_text=_(
            "Une adresse par ligne, 10 au plus. Par exemple : https://www.behance.net/lea-martin"
        ),
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "url"}),
    )
    is_public = forms.BooleanField(
        label=_("Rendre mon profil visible par tout le monde"),
        required=False,
        help_text=_(
            "Sinon, seules les associations auxquelles vous proposez votre aide le voient. "
            "Votre adresse e-mail n’est jamais montrée."
        ),
    )

    # What services.profile_save takes, and the causes.
    PROFILE_FIELDS = [*PROFILE_FIELDS, "causes"]

    def __init__(self, *args, profile: VolunteerProfile | None = None, **kwargs):
        if profile is not None:
            kwargs.setdefault("initial", initial_for(profile))
        super().__init__(*args, **kwargs)
        self.domains: list[SkillDomain] = domains_with_skills()
        for domain in self.domains:
            for skill in domain.skills.all():
                self.fields[f"{SKILL_PREFIX}{skill.pk}"] = SkillLevelField(skill)
        # The student's and the employee's fields are only required for them; the label's
        # "(facultatif)" must say so for the kind being filled in.
        kind = self._current("kind")
        for name in STUDENT_FIELDS[:2]:
            self.fields[name].required = kind == Kind.STUDENT
        self.fields["company_name"].required = kind == Kind.EMPLOYEE
        work_mode = self._current("work_mode")
        self.fields["commune"].required = work_mode != WorkMode.REMOTE

    def _current(self, name: str):
        """The value being filled in: what was posted, else the initial value."""
        if self.is_bound:
            return self.data.get(name)
        return self.get_initial_for_field(self.fields[name], name)

    # --- Rendering ----------------------------------------------------------------------
    def skill_groups(self) -> list[dict]:
        """The skill fields by domain, with how many have a level, for the template."""
        groups = []
        for domain in self.domains:
            fields = [self[f"{SKILL_PREFIX}{skill.pk}"] for skill in domain.skills.all()]
            chosen = sum(1 for field in fields if field.value() not in (None, ""))
            errors = any(field.errors for field in fields)
            groups.append(
                {"domain": domain, "fields": fields, "chosen": chosen, "open": chosen or errors}
            )
        return groups

    # --- Validation ---------------------------------------------------------------------
    def clean_graduation_year(self):
        year = self.cleaned_data.get("graduation_year")
        if year is None:
            return None
        this_year = timezone.localdate().year
        first, last = this_year - 1, this_year + GRADUATION_YEARS_AHEAD
        if not first <= year <= last:
            raise ValidationError(
                _("Indiquez une année entre %(first)s et %(last)s."),
                code="graduation_year",
                params={"first": first, "last": last},
            )
        return year

    def clean_available_until(self):
        until = self.cleaned_data.get("available_until")
        if until is not None and until < timezone.localdate():
            raise ValidationError(
                _("Cette date est déjà passée : changez-la, ou laissez la case vide."),
                code="past",
            )
        return until

    def clean_portfolio_links(self) -> str:
        links = parse_links(self.cleaned_data.get("portfolio_links", ""), max_length=300)
        if len(links) > MAX_LINKS:
            raise ValidationError(
                _("Donnez 10 liens au plus : gardez vos plus beaux travaux."), code="too_many"
            )
        return "\n".join(links)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("available_from"), cleaned.get("available_until")
        if start and end and end < start:
            self.add_error(
                "available_until",
                ValidationError(
                    _("La date de fin doit être après la date de début."), code="date_order"
                ),
            )
        # What belongs to another kind of volunteer is not kept: a profile says one thing.
        # Those fields are hidden for the kind chosen, so their errors could not be seen.
        kind = cleaned.get("kind")
        if kind and kind != Kind.STUDENT:
            cleaned.update(school_name="", programme="", graduation_year=None)
            for name in STUDENT_FIELDS:
                self._errors.pop(name, None)
        if kind and kind != Kind.EMPLOYEE:
            cleaned["company_name"] = ""
            self._errors.pop("company_name", None)
        return cleaned

    # --- Results ------------------------------------------------------------------------
    def profile_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.PROFILE_FIELDS}

    def skill_levels(self) -> dict[int, int]:
        levels = {}
        for name, field in self.fields.items():
            if isinstance(field, SkillLevelField) and self.cleaned_data.get(name):
                levels[field.skill.pk] = self.cleaned_data[name]
        return levels


def initial_for(profile: VolunteerProfile) -> dict:
    """The form's initial values from a saved profile, skill levels included."""
    initial = {
        name: getattr(profile, name)
        for name in VolunteerProfileForm.PROFILE_FIELDS
        if name not in ("causes", "commune")
    }
    initial["commune"] = profile.commune
    initial["causes"] = [cause.pk for cause in profile.causes.all()]
    for skill_id, level in profile.skills.values_list("skill_id", "level"):
        initial[f"{SKILL_PREFIX}{skill_id}"] = str(level)
    return initial
