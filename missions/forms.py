"""Forms of the mission wizard, the list's filters and the state-change buttons.

Every field says what it is for and gives an example, in words a retired volunteer uses.
"""

from django import forms
from django.core.cache import cache
from django.db import models
from django.db.models import CharField, IntegerField, Value
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from geo.forms import CommuneField
from geo.models import Departement
from organizations.models import Organization
from taxonomy.models import Cause, Level, SkillDomain
from taxonomy.selectors import association_name, domains_for_associations

from .models import Licence, MissionTemplate, WorkMode

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ChooseTemplateForm(forms.Form):
    """The first screen: a template (or a blank page), and the association when one has
    several. The template comes from the button pressed, so each card is one click."""

    organization = forms.TypedChoiceField(
        label=_("Pour quelle association ?"),
        help_text=_(
            "Vous faites partie de plusieurs associations : choisissez celle qui a ce besoin."
        ),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez l’association qui a ce besoin.")},
    )
    template = forms.ModelChoiceField(
        queryset=MissionTemplate.objects.filter(is_active=True),
        to_field_name="slug",
        required=False,
        widget=forms.HiddenInput,
    )

    def __init__(self, *args, associations, **kwargs):
        super().__init__(*args, **kwargs)
        self.associations = {a.pk: a for a in associations}
        if len(associations) > 1:
            self.fields["organization"].choices = [(a.pk, a.name) for a in associations]
        else:
            del self.fields["organization"]

    def clean(self):
        cleaned = super().clean()
        if "organization" in self.fields:
            cleaned["organization"] = self.associations.get(cleaned.get("organization"))
        else:
            cleaned["organization"] = next(iter(self.associations.values()))
        return cleaned


# --- The wizard ----------------------------------------------------------------------------
class NeedForm(forms.Form):
    """Screen 1, "Votre besoin"."""

    title = forms.CharField(
        label=_("Titre de la mission"),
        max_length=200,
        help_text=_(
            "Une phrase courte qui dit ce que vous voulez. Par exemple : Un logo pour le club "
            "de judo"
        ),
        error_messages={"required": _("Donnez un titre à votre mission, même très simple.")},
    )
    need = forms.CharField(
        label=_("Votre besoin en quelques mots"),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Expliquez votre besoin en quelques phrases, avec vos mots à vous.")
        },
    )
    deliverables = forms.CharField(
        label=_("Ce que vous aimeriez avoir à la fin"),
        help_text=_(
            "Une chose par ligne. Par exemple : un logo en couleur, puis à la ligne : les "
            "fichiers pour l’imprimeur"
        ),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Écrivez au moins une chose que vous aimeriez recevoir.")},
    )

    def __init__(self, *args, template: MissionTemplate | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        example = (
            template.need
            if template is not None
            else _(
                "Notre association de quartier n’a pas de logo. Nous aimerions une image simple "
                "à mettre sur nos affiches et notre page Facebook."
            )
        )
        self.fields["need"].help_text = _(
            "Qui vous êtes, ce qui vous manque aujourd’hui, ce que vous aimeriez. Par exemple : "
            "« %(example)s »"
        ) % {"example": example}


class SkillLevelsWidget(forms.Widget):
    """Checkboxes grouped by domain; each checked skill shows a "minimum level" menu.

    The menus are in the page for every skill, so it works without JavaScript; the
    stylesheet hides those of unchecked skills where the browser can tell (`:has`).
    """

    template_name = "missions/widgets/skill_levels.html"

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.domains: list[SkillDomain] = []

    def value_from_datadict(self, data, files, name):
        chosen = data.getlist(name) if hasattr(data, "getlist") else data.get(name) or []
        return {value: data.get(f"{name}_level_{value}", "") for value in chosen}

    def value_omitted_from_data(self, data, files, name):
        return False  # no box checked is an answer too

    def format_value(self, value):
        return {str(skill): str(level) for skill, level in (value or {}).items()}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        chosen = context["widget"]["value"]
        base_id = context["widget"]["attrs"].get("id") or f"id_{name}"
        context["widget"]["levels"] = [(str(value), label) for value, label in Level.choices]
        context["widget"]["domains"] = [
            {
                "name": domain.name,
                "id": f"{base_id}_{domain.slug}",
                "checked": sum(str(skill.pk) in chosen for skill in domain.skills.all()),
                "skills": [
                    {
                        "id": f"{base_id}_{skill.pk}",
                        "value": str(skill.pk),
                        "name": association_name(skill),
                        "checked": str(skill.pk) in chosen,
                        "level": chosen.get(str(skill.pk)) or str(Level.LEARNING),
                    }
                    for skill in domain.skills.all()
                ],
            }
            for domain in self.domains
        ]
        return context

    def _render(self, template_name, context, renderer=None):
        # The project's engine, so the template lives in templates/missions/ with the others.
        return mark_safe(render_to_string(template_name, context))


class SkillLevelsField(forms.Field):
    """The skills a mission needs, each with a minimum level: a list of (Skill, level)."""

    widget = SkillLevelsWidget
    default_error_messages = {
        "required": _(
            "Cochez au moins une compétence : celle qui se rapproche le plus de votre besoin."
        ),
        "invalid": _("Cette compétence n’existe pas : cochez-en une de la liste."),
    }

    def set_domains(self, domains: list[SkillDomain]) -> None:
        self.widget.domains = domains
        self.skills = {skill.pk: skill for domain in domains for skill in domain.skills.all()}

    def to_python(self, value):
        pairs = []
        for key, level in (value or {}).items():
            try:
                skill = self.skills[int(key)]
            except (KeyError, ValueError):
                error = self.error_messages["invalid"]
                raise forms.ValidationError(error, code="invalid") from None
            try:
                level = Level(int(level))
            except ValueError:
                level = Level.LEARNING
            pairs.append((skill, level))
        return pairs

    def prepare_value(self, value):
        # From the mission: [(Skill, level)]; from the request: {"12": "2"} already.
        if isinstance(value, list):
            return {skill.pk: level for skill, level in value}
        return value


class TeamForm(forms.Form):
    """Screen 2, "Qui et combien"."""

    skills = SkillLevelsField(
        label=_("Les compétences recherchées"),
        help_text=_(
            "Cochez ce dont vous avez besoin, puis choisissez le niveau minimum. « J’apprends » "
            "convient très bien aux étudiant·es. Par exemple : Logo et couleurs de l’association, "
            "niveau « à l’aise »."
        ),
    )
    effort_hours = forms.IntegerField(
        label=_("Temps de travail estimé, en heures"),
        min_value=1,
        max_value=300,
        error_messages={
            "required": _("Donnez une estimation en heures, même approximative, par exemple 20."),
            "invalid": _("Écrivez un nombre d’heures, par exemple 20."),
            "min_value": _("Il faut au moins une heure."),
            "max_value": _(
                "C’est beaucoup pour une mission bénévole : découpez votre besoin en plusieurs "
                "petites missions de moins de 300 heures."
            ),
        },
    )
    team_size = forms.IntegerField(
        label=_("Nombre de bénévoles"),
        min_value=1,
        max_value=10,
        help_text=_(
            "Combien de personnes peuvent travailler ensemble sur cette mission. Par exemple : 1"
        ),
        error_messages={
            "required": _("Indiquez combien de bénévoles, par exemple 1."),
            "invalid": _("Écrivez un nombre, par exemple 1."),
            "min_value": _("Il faut au moins une personne."),
            "max_value": _("Dix bénévoles au plus par mission."),
        },
    )

    def __init__(self, *args, template: MissionTemplate | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skills"].set_domains(domains_for_associations())
        if template is not None:
            self.fields["effort_hours"].help_text = _(
                "Le temps total de travail des bénévoles. Pour ce genre de mission, comptez "
                "entre %(min)s et %(max)s heures. Par exemple : %(mid)s"
            ) % {
                "min": template.effort_min,
                "max": template.effort_max,
                "mid": (template.effort_min + template.effort_max) // 2,
            }
        else:
            self.fields["effort_hours"].help_text = _(
                "Le temps total de travail des bénévoles. Une petite mission dure souvent de 10 "
                "à 30 heures. Par exemple : 20"
            )


# The licences in plain words first, the technical name in brackets for those who know it.
PLAIN_LICENCES = [
    (
        Licence.FREE_USE,
        _(
            "Votre association utilise librement ce qui est réalisé ; le ou la bénévole peut "
            "le montrer comme exemple de son travail"
        ),
    ),
    (
        Licence.CC_BY,
        _(
            "Tout le monde peut le réutiliser, à condition de citer son auteur ou autrice "
            "(licence libre « Creative Commons CC BY 4.0 »)"
        ),
    ),
    (
        Licence.CC_BY_SA,
        _(
            "Tout le monde peut le réutiliser en citant son auteur ou autrice, et doit "
            "partager de la même façon ce qu’il en fait (licence libre « Creative Commons "
            "CC BY-SA 4.0 »)"
        ),
    ),
]


class PlaceForm(forms.Form):
    """Screen 3, "Quand et où"."""

    start_date = forms.DateField(
        label=_("Début souhaité"),
        required=False,
        widget=DATE_INPUT,
        help_text=_(
            "Laissez vide si la mission peut commencer dès que possible. Par exemple : 5 janvier"
        ),
        error_messages={"invalid": _("Écrivez une date, par exemple 05/01/2027.")},
    )
    end_date = forms.DateField(
        label=_("Fin souhaitée"),
        widget=DATE_INPUT,
        help_text=_(
            "La date à laquelle vous aimeriez avoir le résultat. Après cette date, la mission "
            "n’est plus proposée. Par exemple : 31 mars"
        ),
        error_messages={
            "required": _("Indiquez une date de fin, même approximative."),
            "invalid": _("Écrivez une date, par exemple 31/03/2027."),
        },
    )
    work_mode = forms.ChoiceField(
        label=_("Où se passe la mission ?"),
        choices=WorkMode.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "« À distance » : chacun travaille de chez soi et vous échangez par messages. Par "
            "exemple, un logo se fait très bien à distance."
        ),
    )
    commune = CommuneField(
        label=_("Commune où se passe la mission"),
        required=False,
        help_text=_(
            "Seulement si la mission se passe sur place, même en partie. Son nom ou son code "
            "postal, par exemple : Lyon, 69003 ou Saint-Denis (93200)"
        ),
    )
    licence = forms.ChoiceField(
        label=_("Droits sur ce qui sera réalisé"),
        choices=PLAIN_LICENCES,
        widget=forms.RadioSelect,
        help_text=_(
            "Le premier choix convient presque toujours : votre association utilise ce qui "
            "est réalisé comme elle veut, pour toujours et sans rien payer, et le ou la "
            "bénévole peut le montrer comme exemple de son travail."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if end and end < timezone.localdate():
            self.add_error(
                "end_date", _("Cette date est déjà passée : choisissez une date à venir.")
            )
        elif start and end and end < start:
            self.add_error(
                "end_date", _("La fin doit venir après le début : vérifiez les deux dates.")
            )
        mode = cleaned.get("work_mode")
        on_site = mode and mode != WorkMode.REMOTE
        if on_site and not cleaned.get("commune") and "commune" not in self.errors:
            self.add_error(
                "commune",
                _("Indiquez la commune, puisque la mission se passe en partie sur place."),
            )
        if mode == WorkMode.REMOTE:
            cleaned["commune"] = None
        return cleaned


STEP_FORMS = {1: NeedForm, 2: TeamForm, 3: PlaceForm}


# --- The list's filters --------------------------------------------------------------------
_CHOICES_KEY = "missions:filter-choices:v1"


def _filter_choices() -> dict[str, list[tuple]]:
    """Skill domains, causes and départements for the filters: one query, then ten minutes
    in the cache (staff rarely edit them). Names stay in both languages until displayed."""
    choices = cache.get(_CHOICES_KEY)
    if choices is None:
        text = CharField()
        domains = SkillDomain.objects.order_by().values_list(
            Value("domain", output_field=text), "slug", "name_fr", "name_en", "order"
        )
        causes = Cause.objects.order_by().values_list(
            Value("cause", output_field=text), "slug", "name_fr", "name_en", "order"
        )
        departements = Departement.objects.order_by().values_list(
            Value("departement", output_field=text),
            "code",
            "name",
            "name",
            Value(0, output_field=IntegerField()),
        )
        choices = {"domain": [], "cause": [], "departement": []}
        rows = domains.union(causes, departements, all=True).order_by()
        for kind, key, fr, en, _order in sorted(rows, key=lambda row: (row[4], row[1])):
            choices[kind].append((key, fr, en))
        cache.set(_CHOICES_KEY, choices, 600)
    return choices


def _localized(fr: str, en: str) -> str:
    return en if (translation.get_language() or "fr")[:2] == "en" and en else fr


class Effort(models.TextChoices):
    SHORT = "short", _("moins de 10 heures")
    MEDIUM = "medium", _("de 10 à 30 heures")
    LONG = "long", _("de 30 à 60 heures")
    VERY_LONG = "very_long", _("plus de 60 heures")


# Bounds of each effort range, in hours (the upper one included).
EFFORT_RANGES = {
    Effort.SHORT: (None, 9),
    Effort.MEDIUM: (10, 30),
    Effort.LONG: (31, 60),
    Effort.VERY_LONG: (61, None),
}


class Sort(models.TextChoices):
    RELEVANCE = "relevance", _("les plus proches de vos mots-clés")
    DATE = "date", _("les plus récentes")
    MATCH = "match", _("celles qui vous correspondent le mieux")


class MissionFilterForm(forms.Form):
    """The search of open missions. Every value lives in the address, so a search can be
    bookmarked, shared, and paged through."""

    q = forms.CharField(
        label=_("Mots-clés"),
        required=False,
        max_length=200,
        help_text=_("Ce que vous aimeriez faire. Par exemple : logo, site internet, vidéo"),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    domain = forms.ChoiceField(
        label=_("Type de compétence"),
        required=False,
        help_text=_("Par exemple : Graphisme"),
    )
    cause = forms.ChoiceField(
        label=_("Cause de l’association"),
        required=False,
        help_text=_("Par exemple : Environnement"),
    )
    departement = forms.ChoiceField(
        label=_("Département"),
        required=False,
        help_text=_("Celui de l’association ou du lieu de la mission. Par exemple : Rhône (69)"),
    )
    remote = forms.BooleanField(
        label=_("Seulement les missions à distance"),
        required=False,
    )
    effort = forms.ChoiceField(
        label=_("Temps de travail"),
        required=False,
        choices=[("", _("Peu importe"))] + Effort.choices,
        help_text=_("Le temps total que demande la mission. Par exemple : de 10 à 30 heures"),
    )
    date_from = forms.DateField(
        label=_("Je suis disponible à partir du"),
        required=False,
        widget=DATE_INPUT,
        help_text=_("Par exemple : 05/01/2027"),
        error_messages={"invalid": _("Écrivez une date, par exemple 05/01/2027.")},
    )
    date_until = forms.DateField(
        label=_("Jusqu’au"),
        required=False,
        widget=DATE_INPUT,
        help_text=_("Par exemple : 31/03/2027"),
        error_messages={"invalid": _("Écrivez une date, par exemple 31/03/2027.")},
    )
    kind = forms.ChoiceField(
        label=_("Type d’association"),
        required=False,
        choices=[("", _("Toutes"))] + Organization.AssociationType.choices,
        help_text=_("Citoyenne : uniquement des bénévoles. Professionnelle : avec des salarié·es."),
    )
    sort = forms.ChoiceField(
        label=_("Afficher d’abord"),
        required=False,
        choices=Sort.choices,
    )

    def __init__(self, data=None, *args, can_match: bool = False, **kwargs):
        if data is not None and not data.get("sort"):
            # Show the order actually used: by relevance with keywords, else newest first.
            data = data.copy()
            data["sort"] = Sort.RELEVANCE if data.get("q", "").strip() else Sort.DATE
        super().__init__(data, *args, **kwargs)
        choices = _filter_choices()
        anything = [("", _("Tous"))]
        self.fields["domain"].choices = anything + [
            (slug, _localized(fr, en)) for slug, fr, en in choices["domain"]
        ]
        self.fields["cause"].choices = [("", _("Toutes"))] + [
            (slug, _localized(fr, en)) for slug, fr, en in choices["cause"]
        ]
        self.fields["departement"].choices = anything + [
            (code, f"{name} ({code})") for code, name, _en in choices["departement"]
        ]
        if not can_match:
            self.fields["sort"].choices = [c for c in Sort.choices if c[0] != Sort.MATCH]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_until")
        if start and end and end < start:
            self.add_error("date_until", _("Cette date vient avant la première : vérifiez-les."))
            cleaned.pop("date_until", None)
        return cleaned

    @property
    def filters(self) -> dict:
        self.is_valid()  # a wrong value is dropped; the valid ones still filter
        return self.cleaned_data


class TransitionForm(forms.Form):
    """What a button of the mission page posts (the page writes the reason box itself)."""

    target = forms.CharField()
    reason = forms.CharField(required=False, max_length=2000)
