"""The cohort form (create and edit) and the box where a student types her code."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import ModelMultipleChoiceField
from geo.models import Departement
from missions.models import Mission
from taxonomy.models import Skill

from .models import CODE_LENGTH, Cohort, Level, normalize_code
from .selectors import is_code_shaped, members_of_school


def school_years() -> list[tuple[int, str]]:
    # A school year starts in September: from the year before to the year after.
    today = timezone.localdate()
    current = today.year if today.month >= 8 else today.year - 1
    return [(year, f"{year}-{year + 1}") for year in range(current - 1, current + 2)]


class CohortForm(forms.Form):
    name = forms.CharField(
        label=_("Nom de la promotion"),
        max_length=120,
        help_text=_("Le nom que vos élèves reconnaîtront. Par exemple : Master 1 Design graphique"),
    )
    programme = forms.CharField(
        label=_("Formation"),
        max_length=200,
        help_text=_("Par exemple : Design graphique, BUT Métiers du multimédia et de l’internet"),
    )
    level = forms.ChoiceField(label=_("Niveau"), choices=Level.choices, widget=forms.RadioSelect)
    year = forms.TypedChoiceField(label=_("Année scolaire"), coerce=int, choices=())
    teachers = ModelMultipleChoiceField(
        label=_("Enseignant·es qui suivent la promotion"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Parmi les membres de l’école sur A-lasso. Pour en ajouter un, invitez-le depuis "
            "la page des membres de l’école."
        ),
        error_messages={"required": _("Cochez au moins un·e enseignant·e.")},
    )

    def __init__(self, *args, school, user, instance: Cohort | None = None, **kwargs):
        if instance is not None:
            kwargs.setdefault(
                "initial",
                {
                    "name": instance.name,
                    "programme": instance.programme,
                    "level": instance.level,
                    "year": instance.year,
                    "teachers": [t.pk for t in instance.teachers.all()],
                },
            )
        else:
            kwargs.setdefault("initial", {"teachers": [user.pk], "year": school_years()[1][0]})
        super().__init__(*args, **kwargs)
        years = school_years()
        if instance is not None and instance.year not in dict(years):
            years.insert(0, (instance.year, instance.school_year))
        self.fields["year"].choices = years
        self.fields["teachers"].queryset = members_of_school(school)
        self.fields["teachers"].label_from_instance = lambda user: user.full_name

    def service_fields(self) -> dict:
        return dict(self.cleaned_data)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code de la promotion"),
        max_length=20,
        help_text=_(
            "Les 6 lettres et chiffres donnés par votre enseignant·e. Par exemple : K7MP3X"
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
        error_messages={"required": _("Tapez le code donné par votre enseignant·e.")},
    )

    def clean_code(self):
        code = normalize_code(self.cleaned_data["code"])
        if not is_code_shaped(code):
            raise forms.ValidationError(
                _(
                    "Ce code n’a pas la bonne forme : il compte %(count)s lettres et chiffres, "
                    "par exemple K7MP3X."
                ),
                code="shape",
                params={"count": CODE_LENGTH},
            )
        return code


DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CallForm(forms.Form):
    """A call for needs (« appel à missions »): what the cohort could do, when, where."""

    theme = forms.CharField(
        label=_("Programme ou thème"),
        max_length=200,
        help_text=_(
            "En quelques mots, ce que vos élèves étudient. Par exemple : identité visuelle "
            "et communication imprimée"
        ),
    )
    description = forms.CharField(
        label=_("Ce que vos élèves peuvent faire"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Par exemple : refaire le logo et les affiches d’une association, en groupes de "
            "trois, encadrés par leur enseignante."
        ),
    )
    skills = ModelMultipleChoiceField(
        label=_("Compétences"),
        queryset=Skill.objects.select_related("domain").order_by("domain__order", "order"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Celles que les associations chercheront. Par exemple : Graphisme"),
    )
    starts_on = forms.DateField(
        label=_("À partir du"),
        widget=DATE_INPUT,
        help_text=_("Le premier jour où vos élèves peuvent commencer. Par exemple : 05/01/2027"),
    )
    ends_on = forms.DateField(
        label=_("Jusqu’au"),
        widget=DATE_INPUT,
        help_text=_(
            "Après cette date, l’appel n’est plus montré aux associations. Par exemple : 30/04/2027"
        ),
    )
    departement = forms.ModelChoiceField(
        label=_("Département des associations"),
        queryset=Departement.objects.order_by("code"),
        help_text=_(
            "Les associations de ce département verront votre appel. Par défaut, celui de l’école."
        ),
    )

    def __init__(self, *args, school, **kwargs):
        kwargs.setdefault("initial", {"departement": school.departement_code or None})
        super().__init__(*args, **kwargs)
        self.fields["skills"].label_from_instance = lambda skill: skill.name

    def clean(self):
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("La date de fin vient avant la date de début."))
        if ends_on and ends_on < timezone.localdate():
            self.add_error("ends_on", _("Cette date est passée."))
        return data


class PinForm(forms.Form):
    """On a mission's page: the cohort a teacher chooses it for."""

    cohort = forms.ModelChoiceField(label=_("Promotion"), queryset=Cohort.objects.none())

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = Cohort.objects.filter(
            school__memberships__user=user
        ).distinct()


class ProposeForm(forms.Form):
    mission = forms.ModelChoiceField(
        label=_("La mission à proposer"),
        queryset=Mission.objects.none(),
        widget=forms.RadioSelect,
        help_text=_("Une mission ouverte, en attente de validation ou un brouillon."),
        error_messages={"required": _("Choisissez une mission.")},
    )

    def __init__(self, *args, missions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mission"].queryset = missions
        self.fields["mission"].label_from_instance = lambda mission: (
            f"{mission.title} ({mission.get_status_display()})"
        )
