"""The one error type for an action the site refuses to a person."""

from django.utils.translation import gettext_lazy


class ActionRefused(Exception):
    """A refusal the person can act on: `str(error)` is shown to them as is.

    Subclasses name the reason and carry their own `message`; a service may also raise it
    with a message of its own.
    """

    message = gettext_lazy("Cette action n’est plus possible.")

    def __init__(self, message=None):
        super().__init__(message or self.message)

    def __str__(self) -> str:
        return str(self.args[0])
