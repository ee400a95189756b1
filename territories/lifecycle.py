"""An association's consent to a mediator, as a table: it is given (the row is created),
then it ends, by revocation (the association, at any time) or by reaching its date.

    active → revoked;  active → expired (its date passed: nothing to do, it is read)
"""

from django.utils.translation import gettext_lazy as _

from core.lifecycle import Lifecycle, Transition
from organizations.selectors import is_admin

from .models import Consent

S = Consent.State


def _association_admin(consent: Consent, user, **context) -> str:
    # `is_admin`: what the page already knows of the person, so a list asks no more.
    admin = context.get("is_admin")
    if admin is None:
        admin = user is not None and user.is_authenticated and is_admin(user, consent.association)
    if admin:
        return ""
    return str(_("Seuls les administrateurs de l’association peuvent retirer cet accord."))


CONSENT = Lifecycle(
    "consent",
    [Transition("revoke", frozenset({S.ACTIVE.value}), S.REVOKED, guard=_association_admin)],
    wrong_state=_("Cet accord ne permet déjà plus d’agir pour l’association."),
    state_field="state",
)
