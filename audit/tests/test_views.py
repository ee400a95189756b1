"""The staff's journal pages: filters, one object's history, who may read them."""

import datetime

import pytest
from django.utils import timezone

import audit
from audit.models import AuditEvent
from missions.tests.factories import MissionFactory
from organizations.tests.factories import AssociationFactory

URL = "/staff/audit/"


@pytest.fixture
def events(staff, martine, lea, association):
    mission = MissionFactory(organization=association, title="Un logo pour la fête")
    other = MissionFactory(organization=association, title="Une affiche")
    published = audit.log(
        actor=martine, verb="mission.open", target=mission, data={"from": "draft"}
    )
    sent_back = audit.log(
        actor=staff,
        verb="mission.draft",
        target=other,
        data={"from": "submitted", "reason": "Il manque la date"},
    )
    verified = audit.log(actor=staff, verb="organization.verified", target=association)
    applied = audit.log(
        actor=lea, verb="application.created", target=mission, data={"mission": mission.pk}
    )
    AuditEvent.objects.filter(pk=published.pk).update(
        at=timezone.now() - datetime.timedelta(days=30)
    )
    return {
        "mission": mission,
        "other": other,
        "published": published,
        "sent_back": sent_back,
        "verified": verified,
        "applied": applied,
    }


def shown(response) -> list[int]:
    return [line.event.pk for line in response.context["lines"]]


def test_staff_read_every_event_newest_first_in_words(client, staff, events):
    client.force_login(staff)

    response = client.get(URL)

    assert shown(response) == [
        events[name].pk for name in ("applied", "verified", "sent_back", "published")
    ]
    page = response.content.decode()
    assert "Mission remise en brouillon" in page
    assert "en attente de validation" in page  # the former state, in words
    assert "Il manque la date" in page
    assert "martine@example.org" in page


def test_the_journal_speaks_the_reader_s_language(client, staff, events):
    staff.language = "en"
    staff.save(update_fields=["language"])
    client.force_login(staff)

    page = client.get(URL).content.decode()

    assert "Mission sent back to draft" in page
    assert "awaiting approval" in page


def test_filters_by_action_author_type_and_dates(client, staff, events, association):
    client.force_login(staff)

    def found(**params):
        return shown(client.get(URL, params))

    assert found(verb="mission.open") == [events["published"].pk]
    assert found(actor="LEA@") == [events["applied"].pk]
    assert found(target_type="organizations.organization") == [events["verified"].pk]
    month_ago = (timezone.localdate() - datetime.timedelta(days=30)).isoformat()
    assert found(until=month_ago) == [events["published"].pk]
    assert events["published"].pk not in found(since=timezone.localdate().isoformat())


def test_one_object_s_history(client, staff, events):
    client.force_login(staff)
    mission = events["mission"]

    response = client.get(URL, {"target": f"missions.mission:{mission.pk}"})

    assert shown(response) == [events["applied"].pk, events["published"].pk]
    assert "Journal de « Un logo pour la fête »" in response.content.decode()


def test_the_moderation_pages_link_to_the_object_s_journal(client, staff, events, association):
    client.force_login(staff)
    mission = events["mission"]

    page = client.get(f"/moderation/missions/{mission.pk}/").content.decode()
    assert f"/staff/audit/?target=missions.mission%3A{mission.pk}" in page
    page = client.get(f"/moderation/organizations/{association.slug}/").content.decode()
    assert f"/staff/audit/?target=organizations.organization%3A{association.pk}" in page


def test_only_staff_read_the_journal(client, martine, events):
    assert client.get(URL).status_code == 302  # to the login page
    client.force_login(martine)
    assert client.get(URL).status_code == 403


def test_fifty_events_a_page_with_a_constant_number_of_queries(
    client, staff, martine, django_assert_max_num_queries
):
    for _ in range(60):
        org = AssociationFactory()
        audit.log(
            actor=martine, verb="membership.added", target=org, data={"user": 1, "role": "admin"}
        )
        mission = MissionFactory(organization=org)
        audit.log(actor=staff, verb="mission.cancelled", target=mission, data={"from": "open"})
    client.force_login(staff)

    with django_assert_max_num_queries(12):
        response = client.get(URL)
    assert len(response.context["lines"]) == 50
    with django_assert_max_num_queries(12):
        response = client.get(URL, {"page": 3})
    assert len(response.context["lines"]) == 20


def test_a_person_s_page_links_staff_to_her_journal_only(client, staff, lea):
    from volunteers.tests.factories import VolunteerProfileFactory

    VolunteerProfileFactory(user=lea)
    link = f"/staff/audit/?target=accounts.user%3A{lea.pk}"

    client.force_login(lea)
    assert link not in client.get(f"/volunteers/{lea.pk}/").content.decode()
    client.force_login(staff)
    assert link in client.get(f"/volunteers/{lea.pk}/").content.decode()


def test_the_next_page_of_a_filtered_journal_stays_filtered(client, staff, association):
    for _ in range(51):
        audit.log(actor=staff, verb="organization.verified", target=association)
    client.force_login(staff)

    first = client.get(URL, {"verb": "organization.verified"})
    assert 'href="?verb=organization.verified&amp;page=2"' in first.text
    second = client.get(URL, {"verb": "organization.verified", "page": 2})
    assert len(shown(second)) == 1
    assert 'href="?verb=organization.verified&amp;page=1"' in second.text


def test_an_english_reader_reads_the_events_date_in_english(client, staff, events):
    staff.language = "en"
    staff.save(update_fields=["language"])
    client.force_login(staff)
    client.cookies["django_language"] = "en"

    page = client.get(URL).content.decode()

    when = timezone.localtime(events["applied"].at)
    assert f"{when.day} {when:%B} {when.year} at {when:%H:%M}" in page
    assert " à " not in page
