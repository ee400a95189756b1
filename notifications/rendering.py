"""A notification's words, rendered from its stored data in the language of whoever reads it.

A notification keeps what happened as data (`kind` and a JSON `context`); its title and body
are rendered when someone reads them — the list in the reader's language, an e-mail in the
recipient's. Words that must be translated travel in the context as their French source
(`as_data` turns a lazy translation into `{"msgid": …}`); a person whose account was deleted
is replaced by `DELETED_PERSON`, which reads "une personne dont le compte a été supprimé".
"""

from datetime import date, datetime

from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext

# Stands for the name of someone whose account was deleted (notifications.services).
DELETED_PERSON = {"deleted_person": True}
# Stands for words a deleted person wrote (a message, a note…), erased with her account.
ERASED_TEXT = {"erased_text": True}
# The context keys that may hold words someone wrote.
FREE_TEXT = ("message", "note", "excerpt", "details", "reason", "counter")


def as_data(context: dict) -> dict:
    """`context` as JSON data: translatable words keep their source, dates their ISO form."""

    def convert(value):
        if isinstance(value, Promise):
            with translation.override(None):  # no catalogue: the French source itself
                return {"msgid": str(value)}
        if isinstance(value, (date, datetime)):
            return value.isoformat()
        if isinstance(value, dict):
            return {key: convert(item) for key, item in value.items()}
        if isinstance(value, (list, tuple)):
            return [convert(item) for item in value]
        return value

    return convert(context)


def _readable(value):
    # The other way: words in the active language.
    if value == DELETED_PERSON:
        return gettext("une personne dont le compte a été supprimé")
    if value == ERASED_TEXT:
        return gettext("(effacé avec le compte de la personne)")
    if isinstance(value, dict) and set(value) == {"msgid"}:
        return gettext(value["msgid"])
    return value


def render(kind: str, context: dict) -> tuple[str, str]:
    """The title (one line) and body of a `kind` notification, in the active language."""
    readable = {key: _readable(value) for key, value in context.items()}
    if isinstance(context.get("status"), str):
        # A stored state reads as a flag (`is_open`): templates test it, never a string.
        readable[f"is_{context['status']}"] = True
    title = " ".join(render_to_string(f"notifications/{kind}/title.txt", readable).split())
    body = render_to_string(f"notifications/{kind}/body.txt", readable).strip()
    return capfirst(title), body


def render_stored(notification) -> tuple[str, str]:
    """A stored notification's words in the active language; its first wording, kept when
    it was made, for the rows made before contexts were stored (or a kind since removed)."""
    if notification.context is not None:
        try:
            return render(notification.kind, notification.context)
        except TemplateDoesNotExist:
            pass
    return notification.title, notification.body
