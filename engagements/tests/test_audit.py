"""Applications, invitations and agreements write who answered and when in the journal."""

import datetime

from django.utils import timezone

from audit.tests.helpers import journal
from engagements import services
from engagements.models import Application


def test_an_application_from_sending_to_agreement_is_journaled(mission, lea, lea_profile, martine):
    application = services.application_create(mission=mission, volunteer=lea, message="Bonjour")
    agreement = services.application_accept(application=application, by=martine)
    services.agreement_confirm(agreement=agreement, by=lea)
    services.agreement_confirm(agreement=agreement, by=martine)

    m = {"mission": mission.pk}
    assert journal(application) == [
        ("application.created", lea, application, m),
        ("application.accepted", martine, application, m),
    ]
    assert journal(agreement) == [
        ("agreement.confirmed", lea, agreement, {**m, "side": "volunteer"}),
        ("agreement.confirmed", martine, agreement, {**m, "side": "organization"}),
    ]


def test_declines_withdrawals_and_re_applying_keep_every_answer(mission, lea, lea_profile, martine):
    first = services.application_create(mission=mission, volunteer=lea, message="Bonjour")
    services.application_withdraw(application=first, by=lea)
    second = services.application_create(mission=mission, volunteer=lea, message="Encore moi")
    services.application_decline(application=second, by=martine, reason="Équipe complète")

    m = {"mission": mission.pk}
    assert [(verb, actor, target) for verb, actor, target, _ in journal()] == [
        ("application.created", lea, first),
        ("application.withdrawn", lea, first),
        ("application.created", lea, second),
        ("application.declined", martine, second),
    ]
    # The decline's reason is the association's own words: not in the journal.
    assert all(data == m for *_, data in journal())


def test_invitations_and_their_answers_are_journaled(mission, karim, martine, lea, lea_profile):
    invited = services.invitation_create(mission=mission, volunteer=karim, by=martine, message="")
    services.invitation_answer(application=invited, by=karim, accept=False)
    again = services.invitation_create(mission=mission, volunteer=lea, by=martine, message="")
    services.invitation_answer(application=again, by=lea, accept=True)

    m = {"mission": mission.pk}
    assert journal() == [
        ("application.invited", martine, invited, {**m, "user": karim.pk}),
        ("invitation.declined", karim, invited, m),
        ("application.invited", martine, again, {**m, "user": lea.pk}),
        ("invitation.accepted", lea, again, m),
    ]


def test_an_expired_application_is_the_system(mission, lea, lea_profile):
    application = services.application_create(mission=mission, volunteer=lea, message="Bonjour")
    Application.objects.filter(pk=application.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=11)
    )

    services.applications_remind_and_expire()

    assert journal(application)[-1] == (
        "application.expired",
        None,
        application,
        {"mission": mission.pk},
    )
