"""The attestation's lifecycle: issued once the engagement is complete, revoked by staff.

    not_issued --issue--> issued --revoke--> revoked

`Credential(application=…)` unsaved stands for "not issued". When an attestation is due
(the end confirmed, the association's review public or its time over) is
`credentials.services.is_ready`, asked by the scheduled job and the event receivers before
they issue.
"""

from django.utils.translation import gettext_lazy as _

from core.lifecycle import Lifecycle, Transition
from engagements.models import Application

from .models import Credential


def not_issued(application: Application) -> Credential:
    """The attestation of an engagement before it is issued (never saved)."""
    return Credential(application=application)


def _accepted_engagement(credential: Credential, user, **context) -> str:
    if credential.application is None:
        return ""  # a challenge badge: issued by its own service (credentials.badges)
    if credential.application.status != Application.Status.ACCEPTED:
        return str(_("Seul un engagement accepté peut être attesté."))
    return ""


def _staff_only(credential: Credential, user, **context) -> str:
    if user is None or not user.is_staff:
        return str(_("Seule l’équipe d’A-lasso peut révoquer une attestation."))
    return ""


CREDENTIAL = Lifecycle(
    "credential",
    [
        Transition(
            "issue",
            frozenset({Credential.NOT_ISSUED}),
            Credential.ISSUED,
            guard=_accepted_engagement,
            wrong_state=_("Cette attestation est déjà émise."),
        ),
        Transition(
            "revoke",
            frozenset({Credential.ISSUED}),
            Credential.REVOKED,
            guard=_staff_only,
            wrong_state=_("Cette attestation est déjà révoquée."),
        ),
    ],
    state_field="state",
)
