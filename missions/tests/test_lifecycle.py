"""The mission lifecycle: who may move a mission where, what is recorded, who is told."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from engagements.models import Agreement, Application
from missions import lifecycle, services
from missions.models import Licence, MissionEvent, Status
from missions.tests.factories import DraftFactory, MissionFactory
from notifications.models import Notification
from organizations.tests.factories import AssociationFactory, MembershipFactory

S = Status


@pytest.mark.parametrize(
    ("source", "target", "who", "allowed"),
    [
        (S.DRAFT, S.SUBMITTED, "member", True),
        (S.DRAFT, S.OPEN, "member", True),
        (S.DRAFT, S.OPEN, "staff", False),
        (S.DRAFT, S.COMPLETED, "member", False),
        (S.SUBMITTED, S.OPEN, "staff", True),
        (S.SUBMITTED, S.OPEN, "member", False),
        (S.SUBMITTED, S.DRAFT, "member", True),
        (S.SUBMITTED, S.DRAFT, "staff", True),
        (S.OPEN, S.IN_PROGRESS, "member", True),
        (S.OPEN, S.IN_PROGRESS, "staff", False),
        (S.OPEN, S.IN_PROGRESS, "outsider", False),
        (S.OPEN, S.EXPIRED, "system", True),
        (S.OPEN, S.EXPIRED, "member", False),
        (S.OPEN, S.CANCELLED, "staff", True),
        (S.OPEN, S.CANCELLED, "outsider", False),
        (S.IN_PROGRESS, S.DELIVERED, "member", True),
        (S.IN_PROGRESS, S.DELIVERED, "system", True),
        (S.IN_PROGRESS, S.COMPLETED, "member", False),
        (S.DELIVERED, S.COMPLETED, "member", True),
        (S.DELIVERED, S.IN_PROGRESS, "member", True),
        (S.DELIVERED, S.CANCELLED, "member", False),
        (S.COMPLETED, S.OPEN, "member", False),
        (S.CANCELLED, S.OPEN, "member", False),
        (S.EXPIRED, S.OPEN, "member", False),
    ],
)
def test_the_table_allows_only_the_listed_moves(source, target, who, allowed, association, yacine):
    mission = MissionFactory(organization=association, status=source)
    by = {
        "member": yacine,
        "staff": UserFactory(is_staff=True),
        "outsider": UserFactory(),
        "system": None,
    }[who]

    action = lifecycle.action_to(mission, target, by)
    assert (action is not None and not lifecycle.who_refusal(mission, action, by)) is allowed
    if allowed:
        # What the callers know and the table's guards read (start: a confirmed agreement).
        event = lifecycle.mission_transition(
            mission=mission, target=target, by=by, reason="test", confirmed_agreement=True
        )
        mission.refresh_from_db()
        assert mission.status == target
        assert (event.from_status, event.to_status, event.by, event.reason) == (
            source,
            target,
            by,
            "test",
        )
    else:
        with pytest.raises(lifecycle.TransitionNotAllowed):
            lifecycle.mission_transition(mission=mission, target=target, by=by)
        mission.refresh_from_db()
        assert mission.status == source
        assert not MissionEvent.objects.exists()


def test_sending_a_draft_of_a_verified_association_publishes_it(commit, martine, yacine, draft):
    commit(services.mission_submit, mission=draft, by=martine)

    draft.refresh_from_db()
    assert draft.status == Status.OPEN
    assert draft.published_at is not None
    assert MissionEvent.objects.get().by == martine
    published = Notification.objects.filter(kind="mission_published")
    assert {n.user for n in published} == {martine, yacine}
    assert "est en ligne" in published.first().title
    assert not Notification.objects.filter(kind="mission_submitted").exists()
    assert {m.to[0] for m in mail.outbox} == {martine.email, yacine.email}


def test_sending_a_draft_of_an_unverified_association_waits_for_moderation(commit, bruno, staff):
    association = bruno.memberships.get().organization
    draft = DraftFactory(organization=association)

    commit(services.mission_submit, mission=draft, by=bruno)

    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED
    assert draft.published_at is None
    to_members = Notification.objects.get(kind="mission_submitted", user=bruno)
    assert "est envoyée" in to_members.title
    to_staff = Notification.objects.get(kind="mission_submitted", user=staff)
    assert "Mission à vérifier" in to_staff.title
    assert association.name in to_staff.body


def test_an_incomplete_draft_cannot_be_sent(martine, association):
    draft = DraftFactory(organization=association, end_date=None)

    with pytest.raises(services.MissionNotReady):
        services.mission_submit(mission=draft, by=martine)

    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_a_moderator_approves_and_the_association_hears_of_it(staff, martine, submitted):
    services.mission_approve(mission=submitted, by=staff)

    submitted.refresh_from_db()
    assert submitted.status == Status.OPEN
    assert Notification.objects.get(kind="mission_published").user == martine
    assert MissionEvent.objects.get().by == staff


def test_a_moderator_sends_back_with_advice_that_reaches_the_members(staff, martine, submitted):
    services.mission_send_back(mission=submitted, by=staff, reason="Précisez les dates.")

    submitted.refresh_from_db()
    assert submitted.status == Status.DRAFT
    notification = Notification.objects.get(kind="mission_sent_back", user=martine)
    assert "Précisez les dates." in notification.body
    assert MissionEvent.objects.get().reason == "Précisez les dates."


def confirmed_agreement(mission, *, volunteer_confirms: bool = True) -> Agreement:
    application = Application.objects.create(
        mission=mission, volunteer=UserFactory(), status=Application.Status.ACCEPTED
    )
    now = timezone.now()
    return Agreement.objects.create(
        application=application,
        scope=mission.need,
        licence=Licence.FREE_USE,
        association_confirmed_at=now,
        volunteer_confirmed_at=now if volunteer_confirms else None,
    )


def test_a_mission_starts_only_once_an_agreement_is_confirmed_by_both_sides(martine, mission):
    agreement = confirmed_agreement(mission, volunteer_confirms=False)

    with pytest.raises(services.MissionNotReady):
        services.mission_start(mission=mission, by=martine)
    mission.refresh_from_db()
    assert mission.status == Status.OPEN

    agreement.volunteer_confirmed_at = timezone.now()
    agreement.save()
    services.mission_start(mission=mission, by=martine)

    mission.refresh_from_db()
    assert mission.status == Status.IN_PROGRESS
    volunteer = agreement.application.volunteer
    assert Notification.objects.get(kind="mission_started", user=volunteer)


def test_the_start_button_explains_what_is_missing(client, martine, mission):
    client.force_login(martine)

    response = client.get(reverse("missions:detail", args=[mission.pk]))
    assert "auront confirmé l’accord d’engagement" in response.text
    assert ">Démarrer la mission<" not in response.text

    response = client.post(
        reverse("missions:transition", args=[mission.pk]), {"target": "in_progress"}, follow=True
    )
    assert "accord d’engagement aura été confirmé" in response.text
    mission.refresh_from_db()
    assert mission.status == Status.OPEN

    confirmed_agreement(mission)
    response = client.get(reverse("missions:detail", args=[mission.pk]))
    assert ">Démarrer la mission<" in response.text


def test_members_move_a_mission_to_its_end_with_the_buttons(client, martine, yacine, mission):
    confirmed_agreement(mission)
    client.force_login(yacine)
    url = reverse("missions:transition", args=[mission.pk])

    for target, label in [
        ("in_progress", "Marquer comme livrée"),
        ("delivered", "Confirmer la fin de la mission"),
        ("completed", None),
    ]:
        response = client.post(url, {"target": target}, follow=True)
        assert response.status_code == 200
        if label:
            assert label in response.text

    mission.refresh_from_db()
    assert mission.status == Status.COMPLETED
    assert list(MissionEvent.objects.values_list("to_status", "by")) == [
        ("in_progress", yacine.pk),
        ("delivered", yacine.pk),
        ("completed", yacine.pk),
    ]


def test_cancelling_tells_the_volunteers_and_the_other_members_why(
    client, martine, yacine, mission
):
    agreement = confirmed_agreement(mission)
    client.force_login(martine)

    client.post(
        reverse("missions:transition", args=[mission.pk]),
        {"target": "cancelled", "reason": "Le festival est annulé."},
    )

    mission.refresh_from_db()
    assert mission.status == Status.CANCELLED
    told = Notification.objects.filter(kind="mission_cancelled")
    assert {n.user for n in told} == {yacine, agreement.application.volunteer}
    assert "Le festival est annulé." in told.first().body
    assert MissionEvent.objects.get().reason == "Le festival est annulé."


def test_a_forbidden_move_is_refused_with_403(client, martine, mission):
    client.force_login(martine)

    url = reverse("missions:transition", args=[mission.pk])
    response = client.post(url, {"target": "completed"})

    assert response.status_code == 403
    mission.refresh_from_db()
    assert mission.status == Status.OPEN


def test_an_unknown_target_is_a_bad_request(client, martine, mission):
    client.force_login(martine)

    response = client.post(reverse("missions:transition", args=[mission.pk]), {"target": "gone"})

    assert response.status_code == 400


def test_open_missions_past_their_end_date_expire_once(association):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    overdue = MissionFactory(organization=association, end_date=yesterday)
    current = MissionFactory(organization=association)
    started = MissionFactory(
        organization=association, status=Status.IN_PROGRESS, end_date=yesterday
    )

    assert services.missions_expire() == 1
    assert services.missions_expire() == 0

    overdue.refresh_from_db()
    current.refresh_from_db()
    started.refresh_from_db()
    assert overdue.status == Status.EXPIRED
    assert current.status == Status.OPEN
    assert started.status == Status.IN_PROGRESS
    event = MissionEvent.objects.get()
    assert event.by is None and event.to_status == "expired"


def test_the_expiry_command_runs_for_the_scheduler(association):
    three_days_ago = timezone.localdate() - datetime.timedelta(days=3)
    MissionFactory(organization=association, end_date=three_days_ago)

    call_command("missions_expire", verbosity=0)

    assert association.missions.get().status == Status.EXPIRED


def test_a_member_of_another_association_cannot_act_even_through_the_service(bruno, mission):
    MembershipFactory(organization=AssociationFactory(), user=bruno)

    with pytest.raises(lifecycle.TransitionNotAllowed):
        services.mission_change_state(mission=mission, target=Status.CANCELLED, by=bruno)
