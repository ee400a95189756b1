"""Slice 3: the association marks the question solved and thanks; the hours count (a call
an hour, a written answer half an hour); unanswered questions go to more volunteers after
48 h, then the association is offered a mission made from the question."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from missions.models import Mission
from notifications.models import Notification
from organizations.models import Organization
from quickhelp import selectors, services
from quickhelp.models import Question, Solicitation
from volunteers.tests.factories import VolunteerProfileFactory

from .factories import QuestionFactory, call_question

pytestmark = pytest.mark.django_db


def test_solving_thanks_the_helper_and_counts_her_hours(client, association, martine, nina):
    question = QuestionFactory(organization=association, asked_by=martine)
    services.answer_write(question=question, by=nina, body="Somme (Σ), puis Entrée.")
    client.force_login(martine)
    page = client.get(reverse("quickhelp:question", args=[question.pk])).content.decode()
    assert "Ma question est résolue" in page
    response = client.post(
        reverse("quickhelp:solve", args=[question.pk]),
        {"thanked": nina.pk, "thanks": "Merci, le total s’affiche !"},
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == Question.Status.SOLVED and question.thanked == nina
    thanks = Notification.objects.get(user=nina, kind="quickhelp_solved")
    assert "le total s’affiche" in thanks.body
    assert selectors.helper_hours(nina) == Decimal("0.5")


def test_a_call_counts_its_hour(association, martine, nina):
    question = call_question(association, martine)
    services.call_take(
        question=question, by=nina, slot=question.slots.first(), video_link="https://x.example"
    )
    services.question_solve(question=question, by=martine, thanked=nina)
    assert selectors.helper_hours(nina) == Decimal("1.0")


def test_hours_for_organizations_count_the_period(association, martine, nina):
    question = QuestionFactory(organization=association, asked_by=martine)
    services.answer_write(question=question, by=nina, body="Voici.")
    services.question_solve(question=question, by=martine)
    everything = Organization.objects.filter(pk=association.pk)
    now = timezone.now()
    assert selectors.hours_for_organizations(
        everything, now - timedelta(days=1), now + timedelta(minutes=1)
    ) == Decimal("0.5")
    assert selectors.hours_for_organizations(everything, now + timedelta(days=1), None) == 0
    assert selectors.hours_for_organizations(Organization.objects.none(), None, None) == 0


def test_only_a_member_solves_and_not_before_an_answer(client, association, martine, nina):
    question = QuestionFactory(organization=association, asked_by=martine)
    client.force_login(martine)
    client.post(reverse("quickhelp:solve", args=[question.pk]), {"thanked": nina.pk})
    question.refresh_from_db()
    assert question.status == Question.Status.OPEN
    services.answer_write(question=question, by=nina, body="Voici.")
    client.force_login(nina)
    response = client.post(reverse("quickhelp:solve", args=[question.pk]), {"thanked": nina.pk})
    assert response.status_code == 404
    question.refresh_from_db()
    assert question.status == Question.Status.ANSWERED


def test_an_unanswered_question_goes_to_more_volunteers_then_to_a_mission(
    client, association, martine, nina
):
    from taxonomy.models import SkillDomain

    question = services.question_ask(
        organization=association,
        by=martine,
        title="Un tableau de bord des adhésions",
        body="Nous voudrions suivre les adhésions de l’année.",
        domain=SkillDomain.objects.get(slug="data-office"),
        mode=Question.Mode.WRITTEN,
    )
    assert Solicitation.objects.filter(question=question).count() == 1  # Nina only
    late = [UserFactory(email=f"late{n}@example.org") for n in range(2)]
    for person in late:
        VolunteerProfileFactory(user=person, skills={"dashboards": 2})
    start = question.created_at
    assert services.questions_resurface(now=start + timedelta(hours=47)) == {
        "resurfaced": 0,
        "offered": 0,
    }
    done = services.questions_resurface(now=start + timedelta(hours=49))
    assert done == {"resurfaced": 1, "offered": 0}
    asked = set(
        Solicitation.objects.filter(question=question, round=2).values_list("volunteer", flat=True)
    )
    assert asked == {p.pk for p in late}
    assert services.questions_resurface(now=start + timedelta(hours=50))["resurfaced"] == 0
    done = services.questions_resurface(now=start + timedelta(hours=98))
    assert done == {"resurfaced": 0, "offered": 1}
    assert Notification.objects.filter(user=martine, kind="quickhelp_to_mission").count() == 1
    # One click: a prefilled draft, in the mission wizard.
    client.force_login(martine)
    page = client.get(reverse("quickhelp:question", args=[question.pk])).content.decode()
    assert "faites-en une mission" in page
    response = client.post(reverse("quickhelp:to_mission", args=[question.pk]))
    mission = Mission.objects.get()
    assert response.url == reverse("missions:wizard", args=[mission.pk, 1])
    assert mission.status == "draft"
    assert mission.title == "Un tableau de bord des adhésions"
    assert mission.need == "Nous voudrions suivre les adhésions de l’année."
    assert mission.organization == association and mission.template is not None
    question.refresh_from_db()
    assert question.status == Question.Status.MISSION and question.mission == mission


def test_an_answered_question_never_resurfaces(association, martine, nina):
    question = QuestionFactory(organization=association, asked_by=martine)
    services.answer_write(question=question, by=nina, body="Voici.")
    later = question.created_at + timedelta(days=10)
    assert services.questions_resurface(now=later) == {"resurfaced": 0, "offered": 0}


def test_a_member_closes_her_question(client, association, martine):
    question = QuestionFactory(organization=association, asked_by=martine)
    client.force_login(martine)
    client.post(reverse("quickhelp:close", args=[question.pk]))
    question.refresh_from_db()
    assert question.status == Question.Status.CLOSED
