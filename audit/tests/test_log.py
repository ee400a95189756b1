"""The journal itself: what `audit.log` accepts, the export and the erasure of an account."""

import pytest
from django.contrib.auth.models import AnonymousUser

import audit
from accounts.services import user_delete, user_personal_data
from audit.models import AuditEvent
from missions.tests.factories import MissionFactory


def test_an_event_records_who_did_what_to_which_object(staff, association):
    event = audit.log(
        actor=staff, verb="organization.verified", target=association, data={"reason": "RNA vu"}
    )

    event = AuditEvent.objects.get(pk=event.pk)
    assert (event.actor, event.verb, event.target) == (staff, "organization.verified", association)
    assert event.data == {"reason": "RNA vu"}
    assert event.at is not None


def test_unknown_verbs_and_undeclared_data_are_refused(staff, association):
    with pytest.raises(ValueError, match="Unknown audit verb"):
        audit.log(actor=staff, verb="organization.frobbed", target=association)
    with pytest.raises(ValueError, match="Undeclared data"):
        audit.log(
            actor=staff, verb="organization.verified", target=association, data={"email": "x"}
        )
    assert not AuditEvent.objects.exists()


def test_an_anonymous_actor_is_recorded_as_the_system(association):
    event = audit.log(actor=AnonymousUser(), verb="mission.expired", target=association)

    assert event.actor is None


def test_the_export_holds_the_events_the_person_did(lea, staff, association):
    mission = MissionFactory(organization=association)
    audit.log(actor=lea, verb="application.created", target=mission, data={"mission": mission.pk})
    audit.log(actor=staff, verb="organization.verified", target=association)

    exported = user_personal_data(user=lea)["audit"]

    assert [(e["action"], e["object"], e["data"]) for e in exported] == [
        ("application.created", f"missions.mission:{mission.pk}", {"mission": mission.pk})
    ]


def test_deleting_an_account_keeps_its_events_but_erases_the_words_written(staff, lea, association):
    mission = MissionFactory(organization=association)
    written = audit.log(
        actor=staff,
        verb="report.mission_cancelled",
        target=mission,
        data={"mission": mission.pk, "reason": "Arnaque : Léa Martin a écrit"},
    )
    about_lea = audit.log(
        actor=None, verb="account.suspended", target=lea, data={"report": 3, "reason": "Insultes"}
    )
    other = audit.log(
        actor=lea, verb="report.resolved", target=association, data={"reason": "Vu avec elle"}
    )

    user_delete(user=staff)

    written.refresh_from_db()
    assert written.actor == staff  # the account stays, anonymised: « — »
    assert written.actor.full_name == "—"
    assert written.data == {"mission": mission.pk}
    other.refresh_from_db()
    assert other.data == {"reason": "Vu avec elle"}  # someone else's words

    user_delete(user=lea)

    about_lea.refresh_from_db()
    other.refresh_from_db()
    assert about_lea.data == {"report": 3}
    assert other.data == {}
    assert AuditEvent.objects.count() == 3
