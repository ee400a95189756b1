"""The message form: a text and up to five files."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.uploads import ACCEPT, ACCEPTED_TEXT, check_attachments, human_size, max_count, max_size

from .services import MAX_BODY_LENGTH


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None) -> list:
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(f, initial) for f in files if f]


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
