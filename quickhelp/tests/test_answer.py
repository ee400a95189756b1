"""Slice 2: the volunteers of the topic are asked (their preferences, a daily cap); one or
several answer in writing, or one takes the call: both get an iCalendar invitation, by
e-mail and to download, cancellable; a reminder before the call, sent once."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core import mail
from django.urls import reverse

from accounts.tests.factories import UserFactory
from notifications.models import Frequency, Notification, Preference
from quickhelp import selectors, services
from quickhelp.models import Call, Question, Solicitation
from volunteers.tests.factories import VolunteerProfileFactory

from .factories import QuestionFactory, call_question

pytestmark = pytest.mark.django_db


def ask(association, martine, **fields) -> Question:
    from taxonomy.models import SkillDomain

    return services.question_ask(
        organization=association,
        by=martine,
        title=fields.get("title", "Total d’une colonne"),
        body="Notre tableur des cotisations",
        domain=SkillDomain.objects.get(slug="data-office"),
        mode=fields.get("mode", Question.Mode.WRITTEN),
        slots=fields.get("slots", ()),
    )


def test_nobody_is_asked_more_than_three_times_a_day(association, martine, nina):
    for n in range(4):
        ask(association, martine, title=f"Question {n}")
    assert Solicitation.objects.filter(volunteer=nina).count() == selectors.DAILY_CAP
    assert Notification.objects.filter(user=nina, kind="quickhelp_question").count() == 3


def test_a_volunteer_who_turned_quick_help_off_is_not_asked(association, martine, nina):
    Preference.objects.create(user=nina, category="quickhelp", frequency=Frequency.OFF)
    ask(association, martine)
    assert not Solicitation.objects.filter(volunteer=nina).exists()


def test_a_daily_summary_volunteer_is_asked_without_an_email_at_once(
    association, martine, nina, commit
):
    Preference.objects.create(user=nina, category="quickhelp", frequency=Frequency.DAILY)
    commit(ask, association, martine)
    assert Notification.objects.filter(user=nina, kind="quickhelp_question").exists()
    assert not [m for m in mail.outbox if "nina@example.org" in m.to]


def test_members_of_the_association_are_not_asked_their_own_question(association, martine, yacine):
    VolunteerProfileFactory(user=yacine, skills={"spreadsheets": 3})
    ask(association, martine)
    assert not Solicitation.objects.filter(volunteer=yacine).exists()


def test_several_volunteers_answer_in_writing(client, association, martine, nina):
    question = ask(association, martine)
    other = UserFactory(full_name="Omar Diallo", email="omar@example.org")
    VolunteerProfileFactory(user=other, skills={"accounting-basics": 2})
    for person, words in ((nina, "Utilisez Somme (Σ)."), (other, "Ou tapez =SOMME(B2:B30).")):
        client.force_login(person)
        response = client.post(
            reverse("quickhelp:answer_write", args=[question.pk]), {"body": words}
        )
        assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == Question.Status.ANSWERED
    assert question.answers.count() == 2
    assert Notification.objects.filter(user=martine, kind="quickhelp_answered").count() == 2


def test_a_volunteer_of_another_topic_may_not_answer(client, association, martine, lea_designer):
    question = ask(association, martine)
    client.force_login(lea_designer)
    assert client.get(reverse("quickhelp:question", args=[question.pk])).status_code == 404
    response = client.post(reverse("quickhelp:answer_write", args=[question.pk]), {"body": "x"})
    assert response.status_code == 404
    assert not question.answers.exists()


def test_answering_works_without_javascript(client, association, martine, nina):
    question = ask(association, martine)
    client.force_login(nina)
    page = client.get(reverse("quickhelp:question", args=[question.pk])).content.decode()
    assert f'action="{reverse("quickhelp:answer_write", args=[question.pk])}"' in page
    assert "hx-" not in page.split("<main")[1]


def book(client, question, helper, link="https://meet.jit.si/coup-de-main"):
    client.force_login(helper)
    slot = question.slots.first()
    return client.post(
        reverse("quickhelp:take_call", args=[question.pk]),
        {"slot": slot.pk, "video_link": link},
    )


def test_taking_the_call_sends_both_an_icalendar_invitation(
    client, association, martine, nina, commit
):
    question = call_question(association, martine)
    slot = question.slots.first()
    response = commit(book, client, question, nina)
    assert response.status_code == 302
    call = Call.objects.get()
    assert call.starts_at == slot.starts_at and call.helper == nina
    invited = {m.to[0]: m for m in mail.outbox if m.subject.startswith("Appel de coup de main")}
    assert set(invited) == {"nina@example.org", "martine@example.org"}
    message = invited["martine@example.org"]
    (name, content, mimetype), *_ = message.attachments
    assert name == "coup-de-main.ics" and mimetype.startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(content)
    assert str(calendar["method"]) == "REQUEST"
    event = calendar.walk("VEVENT")[0]
    start = event.decoded("dtstart")
    assert start == slot.starts_at
    assert str(start.tzinfo) == "Europe/Paris"
    assert event["dtstart"].params["TZID"] == "Europe/Paris"
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Europe/Paris"
    assert event.decoded("dtend") - start == timedelta(hours=1)
    assert "https://meet.jit.si/coup-de-main" in str(event["location"])
    attendees = {str(a) for a in event["attendee"]}
    assert attendees == {"mailto:nina@example.org", "mailto:martine@example.org"}
    # The same invitation is offered for download to both sides, to no one else.
    download = client.get(reverse("quickhelp:call_ics", args=[question.pk]))
    assert download["Content-Type"].startswith("text/calendar")
    again = icalendar.Calendar.from_ical(download.content).walk("VEVENT")[0]
    assert str(again["uid"]) == str(event["uid"])


def test_a_second_volunteer_cannot_take_a_taken_call(client, association, martine, nina):
    question = call_question(association, martine)
    book(client, question, nina)
    other = UserFactory(email="omar@example.org")
    VolunteerProfileFactory(user=other, skills={"spreadsheets": 2})
    response = book(client, question, other)
    assert response.status_code == 200
    assert "Quelqu’un a déjà pris cet appel" in response.content.decode()
    assert Call.objects.count() == 1


def test_cancelling_sends_the_cancel_of_the_same_event(client, association, martine, nina, commit):
    question = call_question(association, martine)
    commit(book, client, question, nina)
    invitation = next(m for m in mail.outbox if m.attachments)
    uid = str(icalendar.Calendar.from_ical(invitation.attachments[0][1]).walk("VEVENT")[0]["uid"])
    mail.outbox.clear()
    client.force_login(martine)
    commit(client.post, reverse("quickhelp:cancel_call", args=[question.pk]))
    cancels = [m for m in mail.outbox if m.attachments]
    assert {m.to[0] for m in cancels} == {"nina@example.org", "martine@example.org"}
    calendar = icalendar.Calendar.from_ical(cancels[0].attachments[0][1])
    event = calendar.walk("VEVENT")[0]
    assert str(calendar["method"]) == "CANCEL"
    assert str(event["uid"]) == uid and event["sequence"] == 1
    assert str(event["status"]) == "CANCELLED"
    question.refresh_from_db()
    assert question.status == Question.Status.OPEN  # nothing written: it waits for help again


def test_the_reminder_leaves_once_the_day_before(association, martine, nina):
    question = call_question(association, martine)
    slot = question.slots.first()
    services.call_take(question=question, by=nina, slot=slot, video_link="https://meet.jit.si/x")
    now = slot.starts_at - timedelta(hours=30)
    assert services.calls_remind(now=now) == 0
    now = slot.starts_at - timedelta(hours=20)
    assert services.calls_remind(now=now) == 1
    assert services.calls_remind(now=now) == 0
    reminded = Notification.objects.filter(kind="quickhelp_call_reminder")
    assert {n.user for n in reminded} == {nina, martine}
    paris = slot.starts_at.astimezone(ZoneInfo("Europe/Paris"))
    assert f"{paris.hour}h00" in reminded.first().body


def test_the_hourly_job_is_in_the_cron_table():
    from home.management.commands.cron import HOURLY, JOBS

    job = next(job for job in JOBS if job.name == "quickhelp")
    assert job.every == HOURLY


def test_a_written_answer_moves_the_question_to_answered(association, martine, nina):
    question = QuestionFactory(organization=association, asked_by=martine)
    services.answer_write(question=question, by=nina, body="Voici.")
    question.refresh_from_db()
    assert question.status == Question.Status.ANSWERED
