"""The delivery and review tables, walked: every action from every state, for each side,
with the words the person reads when it is refused."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from completion.lifecycle import (
    DELIVERY,
    REVIEW,
    delivery_refusal,
    not_written,
    nothing_delivered,
)
from completion.models import Completion, Review
from engagements.models import Agreement, Application
from engagements.selectors import Viewer
from missions.models import Mission

Status = Completion.Status
VOLUNTEER = Viewer(is_volunteer=True, is_member=False, is_staff=False)
MEMBER = Viewer(is_volunteer=False, is_member=True, is_staff=False)
SIDES = {"volunteer": VOLUNTEER, "member": MEMBER}
SOMEONE = SimpleNamespace(pk=7)
NOT_YOURS = "Seules les personnes concernées par cette candidature peuvent le faire."

DELIVERY_STATES = [Completion.NOTHING_DELIVERED, *Status.values]
DELIVERY_ALLOWED = {
    ("deliver", Completion.NOTHING_DELIVERED, "volunteer"),
    ("deliver", Status.DELIVERED, "volunteer"),
    ("deliver", Status.CHANGES_REQUESTED, "volunteer"),
    ("confirm", Status.DELIVERED, "member"),
    ("confirm", Status.CHANGES_REQUESTED, "member"),
    ("request_changes", Status.DELIVERED, "member"),
}
DELIVERY_WRONG_STATE = {
    "deliver": "L’association a déjà confirmé la fin de cette mission.",
    "confirm": "La fin de cet engagement est déjà confirmée.",
    "request_changes": "Il n’y a pas de travail remis qui attende votre réponse.",
}


def _engagement(*, mission_status="in_progress", confirmed=True, status=None) -> Application:
    application = Application(
        status=status or Application.Status.ACCEPTED,
        mission=Mission(status=mission_status),
        volunteer_id=SOMEONE.pk,
    )
    now = timezone.now() if confirmed else None
    application.agreement = Agreement(association_confirmed_at=now, volunteer_confirmed_at=now)
    return application


def _delivery(state, application=None) -> Completion:
    application = application or _engagement()
    if state == Completion.NOTHING_DELIVERED:
        return nothing_delivered(application)
    return Completion(pk=1, application=application, status=state)


@pytest.mark.parametrize("action", sorted(DELIVERY_WRONG_STATE))
@pytest.mark.parametrize("state", DELIVERY_STATES)
@pytest.mark.parametrize("side", sorted(SIDES))
def test_every_delivery_action_from_every_state(action, state, side):
    refusal = DELIVERY.refusal(_delivery(state), action, SOMEONE, viewer=SIDES[side])
    if (action, state, side) in DELIVERY_ALLOWED:
        assert refusal == ""
    elif state not in DELIVERY[action].sources:
        assert refusal == DELIVERY_WRONG_STATE[action]
    elif side == "member" and action == "confirm":
        assert refusal == "Le ou la bénévole n’a pas encore remis son travail."
    else:
        assert refusal == NOT_YOURS


@pytest.mark.parametrize(
    "application, words",
    [
        (
            _engagement(status=Application.Status.WITHDRAWN),
            "Cette candidature n’est plus acceptée : il n’y a rien à remettre.",
        ),
        (
            _engagement(confirmed=False),
            "L’accord d’engagement doit d’abord être confirmé des deux côtés : vous pourrez "
            "ensuite remettre votre travail.",
        ),
        (
            _engagement(mission_status="open"),
            "La mission n’a pas encore démarré : l’association la démarre depuis sa page. "
            "Vous pourrez ensuite remettre votre travail.",
        ),
        (
            _engagement(mission_status="cancelled"),
            "Cette mission est close : il n’est plus possible de remettre un travail.",
        ),
        (_engagement(mission_status="delivered"), ""),
    ],
)
def test_delivery_refusal_is_the_guard_of_deliver(application, words):
    assert delivery_refusal(application) == words
    assert delivery_refusal(application, _delivery(Status.DELIVERED, application)) == words


def test_delivery_refusal_after_the_end():
    application = _engagement()
    completed = _delivery(Status.COMPLETED, application)
    assert delivery_refusal(application, completed) == (
        "L’association a déjà confirmé la fin de cette mission."
    )


def test_confirming_needs_an_accepted_application():
    delivered = _delivery(Status.DELIVERED, _engagement(status=Application.Status.WITHDRAWN))
    assert DELIVERY.refusal(delivered, "confirm", SOMEONE, viewer=MEMBER) == (
        "Cette candidature n’est plus acceptée."
    )


# --- reviews ---------------------------------------------------------------------------------
REVIEW_STATES = [Review.NOT_WRITTEN, Review.WRITTEN, Review.PUBLISHED]
DIRECTION_OF = {"volunteer": Review.Direction.VOLUNTEER, "member": Review.Direction.ASSOCIATION}


def _review(state, direction, application) -> Review:
    if state == Review.NOT_WRITTEN:
        return not_written(application, direction)
    published = timezone.now() if state == Review.PUBLISHED else None
    return Review(pk=1, application=application, direction=direction, published_at=published)


def _ended(days_ago=1) -> Completion:
    return Completion(
        pk=1, status=Status.COMPLETED, completed_at=timezone.now() - timedelta(days=days_ago)
    )


@pytest.mark.parametrize("state", REVIEW_STATES)
@pytest.mark.parametrize("side", sorted(SIDES))
@pytest.mark.parametrize("direction", Review.Direction.values)
def test_writing_from_every_state(state, side, direction):
    review = _review(state, direction, _engagement())
    refusal = REVIEW.refusal(review, "write", SOMEONE, viewer=SIDES[side], completion=_ended())
    if state == Review.PUBLISHED:
        assert refusal == "Cet avis est publié : il ne peut plus être modifié."
    elif DIRECTION_OF[side] != direction:
        assert refusal == NOT_YOURS
    else:
        assert refusal == ""


def test_reviews_are_written_once_the_end_is_confirmed():
    review = not_written(_engagement(), Review.Direction.VOLUNTEER)
    for completion in (None, Completion(pk=1, status=Status.DELIVERED)):
        assert REVIEW.refusal(
            review, "write", SOMEONE, viewer=VOLUNTEER, completion=completion
        ) == ("Les avis s’écrivent une fois la fin de la mission confirmée par l’association.")


@pytest.mark.parametrize("state", REVIEW_STATES)
def test_publishing_from_every_state(state):
    review = _review(state, Review.Direction.VOLUNTEER, _engagement())
    early = REVIEW.refusal(review, "publish", None, completion=_ended(days_ago=1))
    both = REVIEW.refusal(review, "publish", None, completion=_ended(), both_written=True)
    late = REVIEW.refusal(review, "publish", None, completion=_ended(days_ago=14))
    if state == Review.WRITTEN:
        assert (early, both, late) == ("Pas encore visible par l’autre côté.", "", "")
    else:
        assert early == both == late == "Cet avis est publié : il ne peut plus être modifié."


def test_can_reads_both_tables_for_templates():
    can = DELIVERY.can(_delivery(Status.DELIVERED), SOMEONE, viewer=MEMBER)
    assert can.confirm and can.request_changes and not can.deliver
    review = not_written(_engagement(), Review.Direction.ASSOCIATION)
    assert REVIEW.can(review, SOMEONE, viewer=MEMBER, completion=_ended()).write
