from django import forms
from django.utils.translation import gettext_lazy as _

from . import selectors
from .verbs import verb_choices


class AuditFilterForm(forms.Form):
    """The journal's filters (GET): every field is optional."""

    verb = forms.ChoiceField(
        label=_("Action"),
        required=False,
        help_text=_("Par exemple : Mission publiée."),
    )
    actor = forms.CharField(
        label=_("Auteur (adresse e-mail)"),
        required=False,
        max_length=254,
        help_text=_("Tout ou partie de l’adresse, par exemple : martine@"),
    )
    target_type = forms.ChoiceField(
        label=_("Type d’objet"),
        required=False,
        help_text=_("Par exemple : Organisation."),
    )
    since = forms.DateField(
        label=_("Depuis le"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Par exemple : 01/03/2026."),
    )
    until = forms.DateField(
        label=_("Jusqu’au"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Inclus. Par exemple : 31/03/2026."),
    )
    target = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("Toutes"))]
        self.fields["verb"].choices = everything + verb_choices()
        self.fields["target_type"].choices = [("", _("Tous"))] + selectors.target_types()

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            self.add_error("until", _("Cette date doit venir après « Depuis le »."))
        return data

    def filters(self) -> dict:
        """What the selectors need; an invalid form filters nothing it could not read."""
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "verb": data.get("verb", ""),
            "actor": data.get("actor", ""),
            "target_type": selectors.parse_type(data.get("target_type", "")),
            "target": selectors.parse_target(data.get("target", "")),
            "since": data.get("since"),
            "until": data.get("until"),
        }
