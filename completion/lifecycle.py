"""The end of an engagement, as two tables: the delivery, and each side's review.

Delivery (a Completion; `Completion(application=…)` unsaved stands for "nothing yet"):

    nothing_delivered --deliver--> delivered --confirm--> completed
    delivered --request_changes--> changes_requested --deliver--> delivered
    changes_requested --confirm--> completed

Review (one per side; `Review(application=…, direction=…)` unsaved stands for "not written"):

    not_written --write--> written --write--> written --publish--> published

A review is published when both sides have written theirs, or REVIEW_DELAY after the end:
the services publish as soon as the table allows it.

Guards answer in the words the person reads. Context a caller may pass to spare a query:
`viewer` (engagements.selectors.Viewer), `completion` (for a review), `both_written` and
`now` (for a publication); `whole_mission` when the association confirms the end of the
whole mission, which ends the engagements with nothing handed over too.
"""

from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.lifecycle import Lifecycle, Transition
from engagements.lifecycle import NotYours
from engagements.models import Application
from engagements.selectors import Viewer
from missions.models import Status as MissionStatus
from missions.selectors import is_member

from .models import Completion, Review

Status = Completion.Status
Direction = Review.Direction

# Reviews stay hidden until both are written, or this long after the end.
REVIEW_DELAY = timedelta(days=14)
# The work is handed over while the mission runs (or once it is marked delivered).
DELIVERING = frozenset({MissionStatus.IN_PROGRESS, MissionStatus.DELIVERED})
# `delivery_refusal` asks on the volunteer's behalf, whoever looks.
_THE_VOLUNTEER = Viewer(is_volunteer=True, is_member=False, is_staff=False)


def nothing_delivered(application: Application) -> Completion:
    """The delivery of an engagement where nothing was handed over yet (never saved)."""
    return Completion(application=application)


def not_written(application: Application, direction: str) -> Review:
    """One side's review before it is written (never saved)."""
    return Review(application=application, direction=direction)


# --- who asks --------------------------------------------------------------------------------
def _is_volunteer(application: Application, user, context: dict) -> bool:
    viewer = context.get("viewer")
    if viewer is not None:
        return viewer.is_volunteer
    return user is not None and user.pk == application.volunteer_id


def _is_member(application: Application, user, context: dict) -> bool:
    """A member of the association, on the association's side (not the engagement's
    volunteer, should she also be one)."""
    viewer = context.get("viewer")
    if viewer is not None:
        return viewer.is_member and not viewer.is_volunteer
    return user is not None and is_member(user, application.mission)


# --- delivery guards -------------------------------------------------------------------------
def _volunteer_delivers(completion: Completion, user, **context) -> str:
    application = completion.application
    if not _is_volunteer(application, user, context):
        return str(NotYours.message)
    agreement = getattr(application, "agreement", None)
    if application.status != Application.Status.ACCEPTED:
        return str(_("Cette candidature n’est plus acceptée : il n’y a rien à remettre."))
    if agreement is None or not agreement.is_confirmed:
        return str(
            _(
                "L’accord d’engagement doit d’abord être confirmé des deux côtés : vous pourrez "
                "ensuite remettre votre travail."
            )
        )
    if application.mission.status == MissionStatus.OPEN:
        return str(
            _(
                "La mission n’a pas encore démarré : l’association la démarre depuis sa page. "
                "Vous pourrez ensuite remettre votre travail."
            )
        )
    if application.mission.status not in DELIVERING:
        return str(_("Cette mission est close : il n’est plus possible de remettre un travail."))
    return ""


def _member_confirms(completion: Completion, user, **context) -> str:
    application = completion.application
    if not _is_member(application, user, context):
        return str(NotYours.message)
    if completion.state == Completion.NOTHING_DELIVERED and not context.get("whole_mission"):
        # Only the whole mission's end confirms an engagement with nothing handed over
        # (completion.services.mission_finish passes `whole_mission`).
        return str(_("Le ou la bénévole n’a pas encore remis son travail."))
    if application.status != Application.Status.ACCEPTED:
        return str(_("Cette candidature n’est plus acceptée."))
    return ""


def _member_answers(completion: Completion, user, **context) -> str:
    return "" if _is_member(completion.application, user, context) else str(NotYours.message)


DELIVERY = Lifecycle(
    "delivery",
    [
        Transition(
            "deliver",
            frozenset({Completion.NOTHING_DELIVERED, Status.DELIVERED, Status.CHANGES_REQUESTED}),
            Status.DELIVERED,
            guard=_volunteer_delivers,
            wrong_state=_("L’association a déjà confirmé la fin de cette mission."),
        ),
        Transition(
            "confirm",
            frozenset({Completion.NOTHING_DELIVERED, Status.DELIVERED, Status.CHANGES_REQUESTED}),
            Status.COMPLETED,
            guard=_member_confirms,
            wrong_state=_("La fin de cet engagement est déjà confirmée."),
        ),
        Transition(
            "request_changes",
            frozenset({Status.DELIVERED}),
            Status.CHANGES_REQUESTED,
            guard=_member_answers,
            wrong_state=_("Il n’y a pas de travail remis qui attende votre réponse."),
        ),
    ],
    state_field="state",
)


def delivery_refusal(application: Application, completion: Completion | None = None) -> str:
    """Why the volunteer cannot hand work over now ("" when they can)."""
    return DELIVERY.refusal(
        completion or nothing_delivered(application), "deliver", None, viewer=_THE_VOLUNTEER
    )


# --- review guards ---------------------------------------------------------------------------
def _side_writes(review: Review, user, **context) -> str:
    application = review.application
    mine = (
        _is_volunteer(application, user, context)
        if review.direction == Direction.VOLUNTEER
        else _is_member(application, user, context)
    )
    if not mine:
        return str(NotYours.message)
    completion = context.get("completion") or getattr(application, "completion", None)
    if completion is None or not completion.is_completed:
        return str(
            _("Les avis s’écrivent une fois la fin de la mission confirmée par l’association.")
        )
    return ""


def _publication_due(
    review: Review,
    user,
    *,
    completion: Completion | None = None,
    both_written: bool = False,
    now: datetime | None = None,
    **context,
) -> str:
    if both_written:
        return ""
    completion = completion or getattr(review.application, "completion", None)
    now = now or timezone.now()
    ended = completion.completed_at if completion is not None else None
    if ended is not None and ended <= now - REVIEW_DELAY:
        return ""
    return str(_("Pas encore visible par l’autre côté."))


REVIEW = Lifecycle(
    "review",
    [
        Transition(
            "write",
            frozenset({Review.NOT_WRITTEN, Review.WRITTEN}),
            Review.WRITTEN,
            guard=_side_writes,
        ),
        Transition(
            "publish", frozenset({Review.WRITTEN}), Review.PUBLISHED, guard=_publication_due
        ),
    ],
    wrong_state=_("Cet avis est publié : il ne peut plus être modifié."),
    state_field="state",
)
