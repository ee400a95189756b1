"""The adoption question's table: who moves it, from which state, and when."""

from datetime import timedelta

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from core.errors import ActionRefused
from impact.lifecycle import ADOPTION, ANSWER_WINDOW, LATE
from impact.models import AdoptionCheck
from impact.services import adoption_answer

from .factories import asked, mission_in

pytestmark = pytest.mark.django_db

S = AdoptionCheck.Status


def test_the_table_has_the_moves_of_the_follow_up():
    assert sorted(ADOPTION.edges()) == [
        ("answered", "answer", "answered"),
        ("asked", "answer", "answered"),
        ("asked", "expire", "expired"),
        ("pending", "ask", "asked"),
        ("pending", "expire", "expired"),
    ]


@pytest.fixture
def pending(association):
    now = timezone.now()
    return AdoptionCheck(
        mission=mission_in(association, template="event-poster"),
        day=30,
        completed_at=now - timedelta(days=30),
        due_at=now,
    )


def test_only_the_system_asks_and_only_from_its_day_to_two_weeks_later(pending, martine):
    due = pending.due_at
    assert ADOPTION.refusal(pending, "ask", martine, now=due) != ""
    assert "pas encore le moment" in ADOPTION.refusal(pending, "ask", None, now=due - timedelta(1))
    assert ADOPTION.allows(pending, "ask", None, now=due)
    assert ADOPTION.allows(pending, "ask", None, now=due + LATE)
    assert not ADOPTION.allows(pending, "ask", None, now=due + LATE + timedelta(hours=1))
    assert ADOPTION.allows(pending, "expire", None, now=due + LATE + timedelta(hours=1))
    assert not ADOPTION.allows(pending, "expire", None, now=due)
    assert not ADOPTION.allows(pending, "answer", martine, now=due)  # not asked yet


def test_only_an_admin_answers_and_only_while_the_question_is_open(
    association, martine, yacine, bruno
):
    now = timezone.now()
    check = asked(mission_in(association, template="event-poster"), at=now)
    assert ADOPTION.allows(check, "answer", martine, now=now)
    for outsider in (yacine, bruno, None):
        assert "administrateurs" in ADOPTION.refusal(check, "answer", outsider, now=now)
    closed = now + ANSWER_WINDOW + timedelta(minutes=1)
    assert "close" in ADOPTION.refusal(check, "answer", martine, now=closed)
    assert ADOPTION.allows(check, "expire", None, now=closed)
    assert not ADOPTION.allows(check, "expire", None, now=now)


def test_answering_records_who_what_and_when_and_a_changed_mind(association, martine):
    check = asked(mission_in(association, template="event-poster"), at=timezone.now())
    adoption_answer(check=check, by=martine, answer="partly")
    check.refresh_from_db()
    assert (check.status, check.answer, check.answered_by) == (S.ANSWERED, "partly", martine)
    adoption_answer(check=check, by=martine, answer="yes")
    check.refresh_from_db()
    assert check.answer == "yes"
    answers = AuditEvent.objects.filter(verb="adoption.answered").order_by("pk")
    assert [event.data["answer"] for event in answers] == ["partly", "yes"]
    assert {event.actor for event in answers} == {martine}


def test_an_expired_question_takes_no_answer(association, martine):
    check = asked(mission_in(association, template="event-poster"), at=timezone.now())
    AdoptionCheck.objects.filter(pk=check.pk).update(status=S.EXPIRED)
    with pytest.raises(ActionRefused):
        adoption_answer(check=check, by=martine, answer="yes")
