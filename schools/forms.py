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


class TeamForm(forms.Form):
    """A teacher's team for a mission: the project's name, the whole cohort or some of its
    students, a role for each, and the lead. One checkbox, one role box and one « lead »
    button per student: it works without JavaScript."""

    name = forms.CharField(
        label=_("Nom du projet"),
        max_length=120,
        help_text=_(
            "Il figurera sur l’attestation de chaque élève. Par exemple : Identité visuelle du club"
        ),
    )
    message = forms.CharField(
        label=_("Message à l’association"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Présentez la classe et comment vous l’encadrez. Par exemple : « Mes élèves de "
            "master 1 travailleront en atelier le jeudi, je relis chaque étape. »"
        ),
    )
    whole = forms.BooleanField(
        label=_("Toute la promotion"),
        required=False,
        help_text=_(
            "Cochez pour proposer tous les élèves ; sinon, cochez ceux de l’équipe ci-dessous."
        ),
    )

    def __init__(self, *args, students: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.students = students
        for student in students:
            self.fields[f"in_{student.pk}"] = forms.BooleanField(
                label=_("Dans l’équipe"), required=False
            )
            self.fields[f"role_{student.pk}"] = forms.CharField(
                label=_("Rôle"),
                max_length=80,
                required=False,
                help_text=_("Par exemple : direction artistique"),
            )
        self.fields["lead"] = forms.TypedChoiceField(
            label=_("Élève responsable"),
            coerce=int,
            choices=[(student.pk, student.full_name) for student in students],
            widget=forms.RadioSelect,
            error_messages={"required": _("Choisissez l’élève responsable de l’équipe.")},
        )

    def rows(self) -> list[dict]:
        """What the template shows for each student: her boxes and the lead's button."""
        lead = {choice.data["value"]: choice for choice in self["lead"]}
        return [
            {
                "student": student,
                "include": self[f"in_{student.pk}"],
                "role": self[f"role_{student.pk}"],
                "lead": lead.get(student.pk),
            }
            for student in self.students
        ]

    def clean(self):
        data = super().clean()
        whole = data.get("whole")
        team = [s for s in self.students if whole or data.get(f"in_{s.pk}")]
        if not team:
            raise forms.ValidationError(_("Cochez au moins un·e élève, ou toute la promotion."))
        for student in team:
            if not (data.get(f"role_{student.pk}") or "").strip():
                self.add_error(
                    f"role_{student.pk}",
                    _("Donnez un rôle à %(name)s. Par exemple : mise en page")
                    % {"name": student.full_name},
                )
        lead = data.get("lead")
        if lead is not None and lead not in {student.pk for student in team}:
            self.add_error("lead", _("L’élève responsable doit faire partie de l’équipe."))
        self.team = team
        return data

    def service_fields(self) -> dict:
        data = self.cleaned_data
        lead = next(student for student in self.team if student.pk == data["lead"])
        return {
            "name": data["name"],
            "message": data["message"],
            "roles": {student: data[f"role_{student.pk}"] for student in self.team},
            "lead": lead,
        }


class DeclineTeamForm(forms.Form):
    reason = forms.CharField(
        label=_("Un mot pour l’enseignant·e et les élèves"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Par exemple : « Merci ! Nous avons déjà trouvé quelqu’un pour ce logo. »"),
    )
