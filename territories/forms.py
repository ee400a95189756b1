"""The forms of the territories' pages: a territory, an appointment, a consent."""

import re
from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from geo.models import Commune, Departement, Region
from geo.selectors import resolve_commune

from .models import Consent, Mediator, Territory

# An EPCI counts up to a few hundred communes; beyond, it is a département.
MAX_COMMUNES = 400
_INSEE = re.compile(r"^\d[\dAB]\d{3}$")


def resolve_communes(text: str) -> tuple[list[Commune], list[str]]:
    """The communes named one per line (a name, an INSEE or postal code, or both), and
    for each line that names none or several, the words that say so."""
    found: list[Commune] = []
    problems: list[str] = []
    for line in re.split(r"[\n;]+", text or ""):
        line = line.strip()
        if not line:
            continue
        commune = Commune.objects.filter(insee=line.upper()).first() if _INSEE.match(line) else None
        candidates: list[Commune] = []
        if commune is None:
            commune, candidates = resolve_commune(line)
        if commune is not None:
            if commune not in found:
                found.append(commune)
        elif candidates:
            names = ", ".join(f"{c.name} ({c.insee})" for c in candidates[:5])
            problems.append(
                str(
                    _(
                        "« %(line)s » désigne plusieurs communes (%(names)s) : "
                        "donnez son code INSEE."
                    )
                    % {"line": line, "names": names}
                )
            )
        else:
            problems.append(
                str(
                    _(
                        "« %(line)s » : nous ne connaissons pas cette commune. "
                        "Vérifiez l’orthographe."
                    )
                    % {"line": line}
                )
            )
    return found, problems


class TerritoryForm(forms.Form):
    level = forms.ChoiceField(
        label=_("Votre collectivité est"),
        choices=Territory.Level.choices,
        widget=forms.RadioSelect,
        help_text=_("Par exemple : une intercommunalité pour une communauté de communes."),
    )
    departement = forms.ModelChoiceField(
        label=_("Votre département"),
        queryset=Departement.objects.order_by("code"),
        required=False,
        help_text=_("Pour un département seulement : toutes ses communes en font partie."),
    )
    region = forms.ModelChoiceField(
        label=_("Votre région"),
        queryset=Region.objects.order_by("name"),
        required=False,
        help_text=_("Pour une région seulement : toutes ses communes en font partie."),
    )
    communes = forms.CharField(
        label=_("Vos communes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Pour une commune ou une intercommunalité : une commune par ligne, son nom ou son "
            "code INSEE, par exemple « Vénissieux » ou « 69259 »."
        ),
    )

    def __init__(self, *args, territory: Territory | None = None, communes=(), **kwargs):
        if territory is not None:
            kwargs.setdefault(
                "initial",
                {
                    "level": territory.level,
                    "departement": territory.departement_id,
                    "region": territory.region_id,
                    "communes": "\n".join(f"{c.name} ({c.insee})" for c in communes),
                },
            )
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        level = data.get("level")
        if level == Territory.Level.DEPARTEMENT and not data.get("departement"):
            self.add_error("departement", _("Choisissez votre département."))
        if level == Territory.Level.REGION and not data.get("region"):
            self.add_error("region", _("Choisissez votre région."))
        data["commune_list"] = []
        if level in (Territory.Level.COMMUNE, Territory.Level.EPCI):
            found, problems = resolve_communes(data.get("communes", ""))
            for problem in problems:
                self.add_error("communes", problem)
            if not problems:
                if not found:
                    self.add_error("communes", _("Indiquez au moins une commune."))
                elif level == Territory.Level.COMMUNE and len(found) > 1:
                    self.add_error(
                        "communes",
                        _("Une commune déclare une seule commune : la sienne."),
                    )
                elif len(found) > MAX_COMMUNES:
                    self.add_error(
                        "communes",
                        _("C’est beaucoup de communes : déclarez plutôt votre département."),
                    )
            data["commune_list"] = found
        return data


class AppointForm(forms.Form):
    user = forms.ModelChoiceField(
        label=_("Qui ?"),
        queryset=None,
        help_text=_(
            "Une personne de votre collectivité : invitez-la d’abord parmi les membres si "
            "elle n’y est pas."
        ),
    )

    def __init__(self, *args, agents, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["user"]
        field.queryset = agents  # type: ignore[attr-defined]
        field.label_from_instance = lambda user: user.full_name or user.email  # type: ignore[attr-defined]


class MediatorChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Mediator) -> str:
        return str(
            _("%(name)s, pour %(authority)s")
            % {"name": obj.user.full_name, "authority": obj.territory.authority.name}
        )


def default_until():
    return timezone.localdate() + timedelta(days=90)


# A consent is given for a while: a year at most, renewed if needed.
MAX_DAYS = 366


class ConsentForm(forms.Form):
    mediator = MediatorChoice(
        label=_("Qui vous aide ?"),
        queryset=Mediator.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        help_text=_("Les médiateurs et médiatrices numériques désignés par votre collectivité."),
    )
    purpose = forms.CharField(
        label=_("Pour quoi ?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_(
            "En quelques mots, par exemple : « publier notre besoin d’affiche pour la fête de "
            "quartier et suivre les candidatures »."
        ),
    )
    until = forms.DateField(
        label=_("Jusqu’à quand ?"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Au plus un an. Vous pouvez retirer votre accord à tout moment avant."),
    )
    agree = forms.BooleanField(
        label=_(
            "Je donne mon accord, au nom de l’association, pour que cette personne agisse pour "
            "nous sur A-lasso : créer, modifier et publier nos missions, répondre aux "
            "candidatures et clore les missions. Tout ce qu’elle fait est noté et visible par "
            "nous."
        ),
    )

    def __init__(self, *args, mediators, **kwargs):
        kwargs.setdefault("initial", {"until": default_until()})
        super().__init__(*args, **kwargs)
        self.fields["mediator"].queryset = mediators  # type: ignore[attr-defined]

    def clean_until(self):
        until = self.cleaned_data["until"]
        today = timezone.localdate()
        if until < today:
            raise ValidationError(_("Choisissez une date à venir."))
        if until > today + timedelta(days=MAX_DAYS):
            raise ValidationError(
                _("Un accord dure au plus un an : choisissez une date plus proche.")
            )
        return until


ALLOWS = Consent.Allows
