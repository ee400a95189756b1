from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ApiToken


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Nom du jeton"),
        max_length=80,
        help_text=_("Pour le reconnaître plus tard. Par exemple : site de mon association"),
        error_messages={"required": _("Donnez un nom à ce jeton.")},
    )
    scope = forms.ChoiceField(
        label=_("Droits"),
        choices=ApiToken.Scope.choices,
        initial=ApiToken.Scope.READ,
        widget=forms.RadioSelect,
        help_text=_("En écriture, le jeton peut proposer votre aide et retirer une candidature."),
    )
