"""An organisation's verification, as a table: moderators verify or reject it, and a
checked one goes back to them when its admins correct it.

    pending → verified | rejected;  rejected | verified → pending (re-submitted)

A moderator may reconsider a decision at any time: every decision is kept in the audit log.
"""

from django.utils.translation import gettext_lazy as _

from core.lifecycle import Lifecycle, Transition

from .delegation import may_moderate
from .models import Organization

V = Organization.Verification
EVERY_STATE = frozenset(V.values)


def _moderator(organization: Organization, user, **context) -> str:
    # National staff, or the moderator a local authority appointed for its territory.
    if user is not None and user.is_authenticated and may_moderate(user, organization.pk):
        return ""
    return str(_("Seule l’équipe de modération vérifie les organisations."))


ORGANIZATION = Lifecycle(
    "organization",
    [
        Transition("verify", EVERY_STATE, V.VERIFIED, guard=_moderator),
        Transition("reject", EVERY_STATE, V.REJECTED, guard=_moderator),
        # The admins corrected a refused organisation, or changed the name or registry
        # number a moderator checked (`services.organization_update` says when).
        Transition("resubmit", frozenset({V.REJECTED, V.VERIFIED}), V.PENDING),
    ],
    wrong_state=_("Cette organisation attend déjà sa vérification."),
    state_field="verification",
)
