"""The notification preferences form: one question per category of events."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Frequency
from .services import CATEGORIES, STAFF_CATEGORIES

# What each category means, in plain words, with an example a person recognises.
CATEGORY_TEXTS = {
    "applications": (
        _("Candidatures et invitations"),
        _(
            "Par exemple : une personne propose son aide pour votre mission, "
            "ou votre candidature est acceptée."
        ),
    ),
    "agreements": (
        _("Accords d’engagement"),
        _("Par exemple : l’accord de la mission attend votre confirmation."),
    ),
    "messages": (
        _("Messages"),
        _("Par exemple : quelqu’un vous a écrit au sujet d’une mission."),
    ),
    "missions": (
        _("Missions"),
        _("Par exemple : votre mission est publiée, ou une mission commence."),
    ),
    "suggestions": (
        _("Missions pour vous"),
        _(
            "Un e-mail le lundi avec les nouvelles missions qui correspondent à votre profil, "
            "quel que soit le rythme choisi ici. Choisissez « pas d’e-mail » pour ne plus le "
            "recevoir."
        ),
    ),
    "organizations": (
        _("Votre association"),
        _("Par exemple : votre association est vérifiée, ou l’on vous invite à la rejoindre."),
    ),
    "moderation": (
        _("Modération (équipe A-lasso)"),
        _("Par exemple : quelqu’un signale une mission ou un profil."),
    ),
    "quickhelp": (
        _("Coups de main"),
        _(
            "Par exemple : une association pose une question sur un sujet que vous connaissez, "
            "ou quelqu’un répond à la vôtre. Choisissez « pas d’e-mail » pour qu’on ne vous "
            "demande plus votre aide."
        ),
    ),
}


def categories_for(user) -> list[str]:
    return [c for c in CATEGORIES if c not in STAFF_CATEGORIES or user.is_staff]


class PreferencesForm(forms.Form):
    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for category in categories_for(user):
            label, example = CATEGORY_TEXTS.get(
                category, (category.replace("_", " ").capitalize(), "")
            )
            self.fields[category] = forms.ChoiceField(
                label=label,
                help_text=example,
                choices=Frequency.choices,
                widget=forms.RadioSelect,
            )
