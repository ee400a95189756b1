import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from engagements import services
from engagements.models import Agreement, Application
from engagements.tests.factories import AgreementFactory, ApplicationFactory, MissionFactory
from missions.models import Licence
from notifications.models import Notification

Status = Application.Status


def kinds_for(user) -> list[str]:
    return list(Notification.objects.filter(user=user).values_list("kind", flat=True))


# --- applying --------------------------------------------------------------------------------
def test_applying_tells_every_member_of_the_association(mission, lea, martine, yacine):
    application = services.application_create(
        mission=mission, volunteer=lea, message="Je connais bien Figma."
    )

    assert application.status == Status.PENDING
    assert kinds_for(martine) == ["application_received"]
    assert kinds_for(yacine) == ["application_received"]
    notification = Notification.objects.get(user=martine)
    assert "Léa Martin" in notification.title
    assert "Je connais bien Figma." in notification.body
    mission.refresh_from_db()
    assert mission.last_activity_at is not None


def test_the_members_get_an_email_once_the_application_is_saved(
    mission, lea, martine, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.application_create(mission=mission, volunteer=lea, message="Bonjour !")

    assert [m.to for m in mail.outbox] == [["martine@example.org"]]
    assert "Léa Martin" in mail.outbox[0].subject


@pytest.mark.parametrize("status", ["draft", "submitted", "in_progress", "completed", "cancelled"])
def test_nobody_can_apply_to_a_mission_that_is_not_open(mission, lea, status):
    mission.status = status
    mission.save()

    with pytest.raises(services.MissionClosed):
        services.application_create(mission=mission, volunteer=lea, message="Bonjour")

    assert not Application.objects.exists()


def test_a_member_cannot_apply_to_their_own_associations_mission(mission, yacine):
    with pytest.raises(services.MemberCannotApply):
        services.application_create(mission=mission, volunteer=yacine, message="Moi !")


def test_one_cannot_apply_twice(mission, lea):
    services.application_create(mission=mission, volunteer=lea, message="Bonjour")

    with pytest.raises(services.AlreadyApplied):
        services.application_create(mission=mission, volunteer=lea, message="Encore moi")


def test_someone_who_withdrew_may_apply_again(mission, lea):
    first = ApplicationFactory(mission=mission, volunteer=lea, status=Status.WITHDRAWN)

    again = services.application_create(mission=mission, volunteer=lea, message="Finalement oui")

    assert again.pk != first.pk  # the withdrawn one stays as it ended
    assert again.status == Status.PENDING
    assert again.message == "Finalement oui"
    first.refresh_from_db()
    assert first.status == Status.WITHDRAWN


# --- accepting -------------------------------------------------------------------------------
def test_accepting_drafts_the_agreement_from_the_mission_and_tells_the_volunteer(
    mission, lea, yacine
):
    mission.licence = Licence.CC_BY
    mission.save()
    application = ApplicationFactory(mission=mission, volunteer=lea)

    agreement = services.application_accept(application=application, by=yacine)

    application.refresh_from_db()
    assert application.status == Status.ACCEPTED
    assert application.answered_by == yacine
    assert agreement.scope == mission.need
    assert agreement.deliverables == mission.deliverables
    assert (agreement.start_date, agreement.end_date) == (mission.start_date, mission.end_date)
    assert agreement.hours == mission.effort_hours
    assert agreement.licence == Licence.CC_BY
    assert not agreement.is_confirmed
    assert set(kinds_for(lea)) == {"application_accepted", "agreement_to_confirm"}


def test_only_members_of_the_association_may_accept(mission, lea, bruno, staff):
    application = ApplicationFactory(mission=mission, volunteer=lea)

    for outsider in (bruno, staff, lea):
        with pytest.raises(PermissionDenied):
            services.application_accept(application=application, by=outsider)

    application.refresh_from_db()
    assert application.status == Status.PENDING


def test_it_refuses_a_second_volunteer_when_the_team_size_is_one(mission, lea, karim, martine):
    first = ApplicationFactory(mission=mission, volunteer=lea)
    second = ApplicationFactory(mission=mission, volunteer=karim)
    services.application_accept(application=first, by=martine)

    with pytest.raises(services.TeamFull):
        services.application_accept(application=second, by=martine)

    second.refresh_from_db()
    assert second.status == Status.PENDING
    assert Agreement.objects.count() == 1


def test_a_team_of_two_takes_two_volunteers(mission, lea, karim, martine):
    mission.team_size = 2
    mission.save()
    for volunteer in (lea, karim):
        application = ApplicationFactory(mission=mission, volunteer=volunteer)
        services.application_accept(application=application, by=martine)

    assert Application.objects.filter(status=Status.ACCEPTED).count() == 2


def test_an_answered_application_cannot_be_accepted_again(mission, lea, martine):
    application = ApplicationFactory(mission=mission, volunteer=lea, status=Status.DECLINED)

    with pytest.raises(services.WrongStatus):
        services.application_accept(application=application, by=martine)


# --- declining and withdrawing ---------------------------------------------------------------
def test_declining_sends_the_kind_reason_to_the_volunteer(mission, lea, martine):
    application = ApplicationFactory(mission=mission, volunteer=lea)

    services.application_decline(
        application=application, by=martine, reason="Nous avons déjà trouvé quelqu’un, merci !"
    )

    application.refresh_from_db()
    assert application.status == Status.DECLINED
    assert application.answer == "Nous avons déjà trouvé quelqu’un, merci !"
    notification = Notification.objects.get(user=lea)
    assert notification.kind == "application_declined"
    assert "Nous avons déjà trouvé quelqu’un, merci !" in notification.body


def test_an_outsider_cannot_decline(mission, lea, bruno):
    application = ApplicationFactory(mission=mission, volunteer=lea)

    with pytest.raises(PermissionDenied):
        services.application_decline(application=application, by=bruno, reason="Non")


def test_the_volunteer_withdraws_a_pending_application_and_the_association_is_told(
    mission, lea, martine
):
    application = ApplicationFactory(mission=mission, volunteer=lea)

    services.application_withdraw(application=application, by=lea)

    assert application.status == Status.WITHDRAWN
    assert kinds_for(martine) == ["application_withdrawn"]


def test_an_accepted_volunteer_may_withdraw_before_the_mission_starts(mission, lea, martine):
    application = AgreementFactory(
        application__mission=mission, application__volunteer=lea
    ).application

    services.application_withdraw(application=application, by=lea)

    application.refresh_from_db()
    assert application.status == Status.WITHDRAWN
    assert "place se libère" in Notification.objects.get(user=martine).body


def test_once_the_mission_has_started_withdrawing_is_a_conversation(mission, lea):
    application = ApplicationFactory(mission=mission, volunteer=lea, status=Status.ACCEPTED)
    mission.status = "in_progress"
    mission.save()

    with pytest.raises(services.WrongStatus):
        services.application_withdraw(application=application, by=lea)


def test_only_the_volunteer_may_withdraw(mission, lea, martine):
    application = ApplicationFactory(mission=mission, volunteer=lea)

    with pytest.raises(PermissionDenied):
        services.application_withdraw(application=application, by=martine)


# --- invitations -----------------------------------------------------------------------------
def test_an_invitation_reaches_the_volunteer(mission, lea, lea_profile, martine):
    invitation = services.invitation_create(
        mission=mission, volunteer=lea, by=martine, message="Votre book nous a plu !"
    )

    assert invitation.status == Status.INVITED
    assert invitation.invited_by == martine
    notification = Notification.objects.get(user=lea)
    assert notification.kind == "invitation_received"
    assert "Votre book nous a plu !" in notification.body


def test_only_members_may_invite_and_not_their_own_members(mission, lea, bruno, yacine, martine):
    with pytest.raises(PermissionDenied):
        services.invitation_create(mission=mission, volunteer=lea, by=bruno, message="Venez")
    with pytest.raises(services.MemberCannotApply):
        services.invitation_create(mission=mission, volunteer=yacine, by=martine, message="Toi")


def test_one_cannot_invite_someone_who_already_applied(mission, lea, lea_profile, martine):
    ApplicationFactory(mission=mission, volunteer=lea)

    with pytest.raises(services.AlreadyApplied):
        services.invitation_create(mission=mission, volunteer=lea, by=martine, message="Venez")


def test_accepting_an_invitation_joins_the_team_and_tells_the_association(mission, lea, martine):
    invitation = ApplicationFactory(
        mission=mission, volunteer=lea, status=Status.INVITED, invited_by=martine
    )

    services.invitation_answer(application=invitation, by=lea, accept=True)

    invitation.refresh_from_db()
    assert invitation.status == Status.ACCEPTED
    assert invitation.agreement.hours == mission.effort_hours
    assert kinds_for(martine) == ["invitation_answered"]


def test_an_invitation_cannot_overfill_the_team(mission, lea, karim, martine):
    ApplicationFactory(mission=mission, volunteer=karim, status=Status.ACCEPTED)
    invitation = ApplicationFactory(mission=mission, volunteer=lea, status=Status.INVITED)

    with pytest.raises(services.TeamFull):
        services.invitation_answer(application=invitation, by=lea, accept=True)


def test_declining_an_invitation_tells_the_association(mission, lea, martine):
    invitation = ApplicationFactory(mission=mission, volunteer=lea, status=Status.INVITED)

    services.invitation_answer(application=invitation, by=lea, accept=False)

    assert invitation.status == Status.DECLINED
    notification = Notification.objects.get(user=martine)
    assert notification.kind == "invitation_answered"
    assert "ne peut pas participer" in notification.title


def test_only_the_invited_person_answers_an_invitation(mission, lea, karim, martine):
    invitation = ApplicationFactory(mission=mission, volunteer=lea, status=Status.INVITED)

    for other in (karim, martine):
        with pytest.raises(PermissionDenied):
            services.invitation_answer(application=invitation, by=other, accept=True)


# --- the agreement ---------------------------------------------------------------------------
def test_both_sides_confirm_once_and_then_both_are_told(mission, lea, martine, yacine):
    agreement = AgreementFactory(application__mission=mission, application__volunteer=lea)

    services.agreement_confirm(agreement=agreement, by=lea)
    assert Notification.objects.filter(kind="agreement_confirmed").count() == 0
    with pytest.raises(services.AlreadyConfirmed):
        services.agreement_confirm(agreement=agreement, by=lea)

    services.agreement_confirm(agreement=agreement, by=yacine)

    agreement.refresh_from_db()
    assert agreement.is_confirmed
    assert agreement.association_confirmed_by == yacine
    confirmed = Notification.objects.filter(kind="agreement_confirmed")
    assert sorted(n.user.email for n in confirmed) == [
        "lea@example.org",
        "martine@example.org",
        "yacine@example.org",
    ]
    with pytest.raises(services.AlreadyConfirmed):
        services.agreement_confirm(agreement=agreement, by=martine)


def test_outsiders_cannot_confirm_an_agreement(mission, lea, bruno, staff):
    agreement = AgreementFactory(application__mission=mission, application__volunteer=lea)

    for outsider in (bruno, staff):
        with pytest.raises(PermissionDenied):
            services.agreement_confirm(agreement=agreement, by=outsider)


def test_a_withdrawn_application_leaves_an_agreement_nobody_can_confirm(mission, lea):
    agreement = AgreementFactory(
        application__mission=mission,
        application__volunteer=lea,
        application__status=Status.WITHDRAWN,
    )

    with pytest.raises(services.WrongStatus):
        services.agreement_confirm(agreement=agreement, by=lea)


def test_missions_of_other_associations_are_not_touched(lea, martine):
    other = MissionFactory()
    application = ApplicationFactory(mission=other, volunteer=lea)

    with pytest.raises(PermissionDenied):
        services.application_accept(application=application, by=martine)
