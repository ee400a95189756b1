"""Forms to invite and to answer: each field says what to write, with an example.

The form to apply sits with its view (engagements/views.py), so that applying reads in six
files.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

# Pre-written answers, so that saying no is quick and never curt.
KIND_REASONS = {
    "found": _("Nous avons déjà trouvé quelqu’un, merci beaucoup pour votre proposition !"),
    "changed": _(
        "Notre projet a changé et nous ne pouvons pas y donner suite pour le moment. "
        "Merci beaucoup pour votre proposition !"
    ),
    "profile": _(
        "Nous cherchons un profil un peu différent pour cette mission. Merci beaucoup, "
        "et au plaisir de vous retrouver sur une autre mission !"
    ),
}
OTHER = "other"


class InviteForm(forms.Form):
    message = forms.CharField(
        label=_("Votre message à la personne invitée"),
        max_length=3000,
        help_text=_(
            "Dites pourquoi vous pensez à elle. Par exemple : « Bonjour, votre travail sur les "
            "affiches nous a plu. Aimeriez-vous nous aider pour notre fête de quartier ? »"
        ),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Écrivez quelques mots à la personne invitée.")},
    )


class DeclineForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("Votre réponse"),
        help_text=_("Choisissez une réponse toute prête, ou écrivez la vôtre."),
        choices=[*KIND_REASONS.items(), (OTHER, _("J’écris ma propre réponse"))],
        initial="found",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Un mot de plus"),
        required=False,
        max_length=2000,
        help_text=_(
            "Ajouté à la réponse choisie, ou à sa place si vous écrivez la vôtre. "
            "Par exemple : « Votre book est très réussi ! »"
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        cleaned = super().clean()
        choice, note = cleaned.get("choice"), (cleaned.get("note") or "").strip()
        if choice == OTHER and not note:
            self.add_error(
                "note", _("Écrivez votre réponse, ou choisissez une réponse toute prête.")
            )
        return cleaned

    @property
    def reason(self) -> str:
        """The text the volunteer will read."""
        choice, note = self.cleaned_data["choice"], self.cleaned_data["note"].strip()
        parts = [str(KIND_REASONS[choice])] if choice in KIND_REASONS else []
        if note:
            parts.append(note)
        return "\n\n".join(parts)
