"""Moderation forms: a decision always comes with its reason when someone must hear it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Report

VERIFY, REJECT = "verify", "reject"
APPROVE, SEND_BACK = "approve", "send_back"


def _reason_field(label, help_text, *, required: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class OrganizationDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Votre décision"),
        choices=[
            (VERIFY, _("Vérifiée : les informations sont exactes")),
            (REJECT, _("Refusée : quelque chose ne va pas")),
        ],
        help_text=_(
            "Vérifiez que le numéro RNA ou SIREN correspond bien au nom et à la commune "
            "de l’association."
        ),
        widget=forms.RadioSelect,
    )
    note = _reason_field(
        _("Message à l’association"),
        _(
            "Obligatoire en cas de refus : dites simplement ce qui manque ou ce qu’il faut "
            "corriger. Par exemple : « Le numéro RNA ne correspond pas au nom de "
            "l’association, pouvez-vous le vérifier ? »"
        ),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == REJECT and not cleaned.get("note", "").strip():
            self.add_error(
                "note",
                _("Expliquez à l’association pourquoi elle est refusée, pour qu’elle corrige."),
            )
        return cleaned


class MissionDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Votre décision"),
        choices=[
            (APPROVE, _("Publier la mission : elle est claire et bénévole")),
            (SEND_BACK, _("Renvoyer à l’association pour qu’elle la corrige")),
        ],
        help_text=_(
            "Une mission claire dit ce qu’il faut faire, pour quand et en combien de temps."
        ),
        widget=forms.RadioSelect,
    )
    reason = _reason_field(
        _("Ce qu’il faut corriger"),
        _(
            "Obligatoire pour renvoyer la mission. Par exemple : « Précisez ce que vous "
            "attendez à la fin : une affiche imprimée ou un fichier ? »"
        ),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == SEND_BACK and not cleaned.get("reason", "").strip():
            self.add_error(
                "reason", _("Dites à l’association ce qu’elle doit corriger dans sa mission.")
            )
        return cleaned


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Quel est le problème ?"),
        choices=Report.Reason.choices,
        help_text=_("Choisissez ce qui ressemble le plus à ce que vous avez vu."),
        widget=forms.RadioSelect,
    )
    details = forms.CharField(
        label=_("Précisions"),
        help_text=_(
            "Ce que vous avez vu, en quelques mots. Par exemple : « On me demande de "
            "travailler 35 heures par semaine sans être payé. »"
        ),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ResolveForm(forms.Form):
    resolution = _reason_field(
        _("Suite donnée"),
        _(
            "Ce que vous avez fait ou constaté, pour l’équipe. Par exemple : « Vérifié, la "
            "mission est conforme, rien à faire. »"
        ),
        required=True,
    )


class ActionForm(forms.Form):
    """The reason for cancelling a mission or suspending an account; kept in the report."""

    reason = _reason_field(
        _("Motif"),
        _("Obligatoire. Par exemple : « Travail déguisé : 35 heures par semaine demandées. »"),
        required=True,
    )
