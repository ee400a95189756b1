"""Léa is accepted, withdraws, then comes back: the second engagement works like the first.

Each engagement keeps its own application and agreement: the first ones stay as they were
(withdrawn, with the agreement both sides had seen), the second starts afresh.
"""

from django.urls import reverse

from engagements import services
from engagements.models import Agreement, Application

Status = Application.Status


def accepted_then_withdrawn(mission, lea, yacine) -> Application:
    first = services.application_create(mission=mission, volunteer=lea, message="Bonjour")
    agreement = services.application_accept(application=first, by=yacine)
    services.agreement_confirm(agreement=agreement, by=lea)
    services.application_withdraw(application=first, by=lea)
    return first


def test_withdraw_apply_again_and_be_accepted(mission, lea, lea_profile, yacine):
    first = accepted_then_withdrawn(mission, lea, yacine)

    again = services.application_create(mission=mission, volunteer=lea, message="Finalement oui")
    agreement = services.application_accept(application=again, by=yacine)

    again.refresh_from_db()
    assert again.status == Status.ACCEPTED
    assert agreement.application_id == again.pk
    assert agreement.volunteer_confirmed_at is None  # a fresh agreement, to confirm again
    # The first engagement is kept as it ended, with the agreement Léa had confirmed.
    first.refresh_from_db()
    assert first.status == Status.WITHDRAWN
    assert first.agreement.volunteer_confirmed_at is not None
    assert Agreement.objects.count() == 2


def test_withdraw_then_be_invited_and_say_yes(mission, lea, lea_profile, yacine):
    accepted_then_withdrawn(mission, lea, yacine)

    invitation = services.invitation_create(
        mission=mission, volunteer=lea, by=yacine, message="Revenez !"
    )
    services.invitation_answer(application=invitation, by=lea, accept=True)

    invitation.refresh_from_db()
    assert invitation.status == Status.ACCEPTED
    assert invitation.agreement.hours == mission.effort_hours


def test_one_cannot_apply_twice_while_a_second_application_waits(mission, lea, yacine):
    accepted_then_withdrawn(mission, lea, yacine)
    services.application_create(mission=mission, volunteer=lea, message="Finalement oui")

    try:
        services.application_create(mission=mission, volunteer=lea, message="Encore")
    except services.AlreadyApplied:
        pass
    else:
        raise AssertionError("a second waiting application was accepted")
    assert Application.objects.filter(mission=mission, volunteer=lea).count() == 2


def test_through_the_pages_the_second_acceptance_is_not_an_error(
    client, mission, lea, lea_profile, yacine
):
    accepted_then_withdrawn(mission, lea, yacine)
    client.force_login(lea)
    client.post(reverse("engagements:apply", args=[mission.pk]), {"message": "Me revoilà"})
    again = Application.objects.get(mission=mission, volunteer=lea, status=Status.PENDING)
    client.force_login(yacine)

    response = client.post(reverse("engagements:answer", args=[again.pk, "accept"]))

    assert response.status_code == 302
    assert response["Location"] == reverse("engagements:agreement", args=[again.pk])
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Nous voulons un logo simple" in page.text


def test_the_mission_page_leads_to_the_new_application(client, mission, lea, lea_profile, yacine):
    accepted_then_withdrawn(mission, lea, yacine)
    again = services.application_create(mission=mission, volunteer=lea, message="Me revoilà")
    client.force_login(lea)

    response = client.get(reverse("engagements:apply", args=[mission.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse("engagements:detail", args=[again.pk])


def test_the_mission_panel_shows_the_new_application(mission, lea, lea_profile, yacine):
    from engagements.selectors import mission_panel_for

    accepted_then_withdrawn(mission, lea, yacine)
    again = services.application_create(mission=mission, volunteer=lea, message="Me revoilà")

    panel = mission_panel_for(mission, lea)

    assert panel.kind == "applied"
    assert panel.application.pk == again.pk
