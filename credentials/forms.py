"""The staff's revocation form."""

from django import forms
from django.utils.translation import gettext_lazy as _


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Pourquoi révoquer cette attestation ?"),
        max_length=500,
        help_text=_(
            "Cette raison sera affichée publiquement sur la page de l’attestation. "
            "Par exemple : « L’association nous a signalé que la mission n’a pas été réalisée. »"
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Écrivez la raison : elle sera lue par qui vérifie.")},
    )
