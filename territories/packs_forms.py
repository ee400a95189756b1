"""The form an authority composes its pack numérique with, and the one-click claim."""

from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import ModelMultipleChoiceField
from missions.models import MissionTemplate
from organizations.models import Organization
from taxonomy.models import Cause

from .models import Pack

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# "A few" missions: enough for a first digital step, few enough to be done in a season.
MAX_TEMPLATES = 5
MAX_PLACES = 1000


class TemplateChoice(ModelMultipleChoiceField):
    def label_from_instance(self, obj: MissionTemplate) -> str:
        return str(
            _("%(title)s (de %(min)s à %(max)s heures)")
            % {"title": obj.title, "min": obj.effort_min, "max": obj.effort_max}
        )


class PackForm(forms.Form):
    title = forms.CharField(
        label=_("Nom du pack"),
        max_length=120,
        help_text=_("Par exemple : « Pack numérique 2026 de la Ville »."),
    )
    presentation = forms.CharField(
        label=_("Présentation"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "En quelques phrases simples, ce que le pack apporte aux associations. Par "
            "exemple : « La Ville offre à ses associations un logo, un petit site et les "
            "adhésions en ligne, réalisés par des étudiant·es bénévoles. »"
        ),
    )
    templates = TemplateChoice(
        label=_("Les missions du pack"),
        queryset=MissionTemplate.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Cochez de une à cinq missions. Chaque association qui prend le pack les reçoit, "
            "prêtes à décrire et à envoyer."
        ),
        error_messages={"required": _("Cochez au moins une mission.")},
    )
    association_type = forms.ChoiceField(
        label=_("Pour quelles associations ?"),
        choices=[("", _("Toutes les associations")), *Organization.AssociationType.choices],
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Toujours celles de votre territoire."),
    )
    causes = ModelMultipleChoiceField(
        label=_("Pour quelles causes ?"),
        queryset=Cause.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Sans case cochée : toutes les causes."),
    )
    sizes = forms.MultipleChoiceField(
        label=_("Pour quelles tailles d’association ?"),
        choices=Organization.Size.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Selon le nombre de personnes actives que l’association a indiqué sur sa page. "
            "Sans case cochée : toutes les tailles."
        ),
    )
    places = forms.IntegerField(
        label=_("Nombre de places"),
        min_value=1,
        max_value=MAX_PLACES,
        help_text=_("Combien d’associations peuvent prendre le pack. Par exemple : 10."),
    )
    opens_on = forms.DateField(label=_("Proposé à partir du"), widget=DATE_INPUT)
    closes_on = forms.DateField(
        label=_("Jusqu’au"),
        widget=DATE_INPUT,
        help_text=_("Après cette date, plus aucune association ne peut le prendre."),
    )
    budget_note = forms.CharField(
        label=_("Ce que la collectivité finance en plus"),
        max_length=300,
        required=False,
        help_text=_("Par exemple : « l’hébergement du site est payé pendant un an »."),
    )

    def __init__(self, *args, pack: Pack | None = None, taken: int = 0, **kwargs):
        self.taken = taken
        if pack is not None:
            kwargs.setdefault(
                "initial",
                {
                    "title": pack.title,
                    "presentation": pack.presentation,
                    "templates": [t.pk for t in pack.templates.all()],
                    "association_type": pack.association_type,
                    "causes": [c.pk for c in pack.causes.all()],
                    "sizes": pack.sizes,
                    "places": pack.places,
                    "opens_on": pack.opens_on,
                    "closes_on": pack.closes_on,
                    "budget_note": pack.budget_note,
                },
            )
        else:
            today = timezone.localdate()
            kwargs.setdefault(
                "initial", {"opens_on": today, "closes_on": today + timedelta(days=90)}
            )
        super().__init__(*args, **kwargs)
        self.fields["templates"].queryset = MissionTemplate.objects.filter(  # type: ignore[attr-defined]
            is_active=True
        ).order_by("order", "slug")

    def clean_templates(self):
        templates = self.cleaned_data["templates"]
        if len(templates) > MAX_TEMPLATES:
            raise ValidationError(
                _("Cochez au plus %(n)s missions : un pack reste un premier pas."),
                params={"n": MAX_TEMPLATES},
            )
        return templates

    def clean_places(self):
        places = self.cleaned_data["places"]
        if places < self.taken:
            raise ValidationError(
                _("%(n)s associations ont déjà pris une place : il en faut au moins autant."),
                params={"n": self.taken},
            )
        return places

    def clean(self):
        data = super().clean() or {}
        opens_on, closes_on = data.get("opens_on"), data.get("closes_on")
        if opens_on and closes_on and closes_on < opens_on:
            self.add_error("closes_on", _("Choisissez une date après celle du début."))
        return data

    def service_fields(self) -> dict:
        return dict(self.cleaned_data)


class ClaimForm(forms.Form):
    """The one button: which of her associations takes the pack (the page knows)."""

    association = forms.SlugField(widget=forms.HiddenInput)
