"""The message form: a text and up to five files."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.fields import MultipleFileField, MultipleFileInput  # noqa: F401  (older imports)
from core.uploads import ACCEPTED_TEXT, check_attachments, human_size, max_count, max_size

from .services import MAX_BODY_LENGTH


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Votre message"),
        help_text=_(
            "Par exemple : « Bonjour, voici une première version de l’affiche. "
            "Qu’en pensez-vous ? » Votre adresse e-mail n’est jamais montrée."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=MAX_BODY_LENGTH,
        required=False,
    )
    files = MultipleFileField(label=_("Joindre des fichiers"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = _(
            "Jusqu’à %(count)s fichiers de %(size)s chacun : %(types)s. "
            "Par exemple : affiche.pdf ou logo.png."
        ) % {"count": max_count(), "size": human_size(max_size()), "types": ACCEPTED_TEXT}

    def clean_files(self) -> list:
        files = self.cleaned_data.get("files") or []
        check_attachments(files)
        return files

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not (cleaned.get("body") or "").strip() and not cleaned.get("files"):
            self.add_error("body", _("Écrivez un message ou joignez un fichier."))
        return cleaned
