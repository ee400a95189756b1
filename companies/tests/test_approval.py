"""An employee applies within her company's programme: a manager approves the time (one
click on the site, or by the link in her e-mail) before the association reads the
application as « soutenue par » the company; the hours count against her yearly budget."""

import re
import time

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone

from companies import services
from companies.models import Sponsorship
from core.errors import ActionRefused
from engagements.models import Application
from engagements.services import application_decline
from notifications.models import Notification

from .factories import EmployeeFactory

APPLY = {"message": "Bonjour, je suis graphiste à l’imprimerie."}


def apply(client, mission, **part):
    data = {**APPLY, **{f"company-{key}": value for key, value in part.items()}}
    return client.post(reverse("engagements:apply", args=[mission.pk]), data)


def test_approved_time_is_what_the_association_reads_as_support(
    client, commit, programme, mission, julie, sandrine, martine
):
    client.force_login(julie)
    page = client.get(reverse("engagements:apply", args=[mission.pk])).text
    assert "Sur mon temps de travail, avec « Mécénat 2026 » (Imprimerie Martin)" in page
    assert "il me reste 40 h cette année" in page

    commit(apply, client, mission, choice=f"{programme.pk}-one_off", hours="15")

    sponsorship = Sponsorship.objects.get()
    assert (sponsorship.status, sponsorship.hours, sponsorship.year) == (
        "requested",
        15,
        timezone.localdate().year,
    )
    to_sandrine = [m for m in mail.outbox if m.to == ["sandrine@imprimerie-martin.fr"]]
    assert len(to_sandrine) == 1
    assert "Julie Garnier demande 15 h" in to_sandrine[0].subject
    applicants = reverse("engagements:applicants", args=[mission.pk])
    client.force_login(martine)
    assert "Soutenue par" not in client.get(applicants).text
    client.force_login(julie)
    detail = reverse("engagements:detail", args=[sponsorship.application_id])
    assert "doivent d’abord approuver ce temps" in client.get(detail).text

    # Sandrine opens the link in her e-mail, not logged in: a GET changes nothing.
    link = re.search(r"https?://\S+/companies/approvals/\S+/", to_sandrine[0].body).group(0)
    anonymous = client.__class__()
    page = anonymous.get(link)
    assert "Approuver le temps de Julie" in page.text
    sponsorship.refresh_from_db()
    assert sponsorship.is_requested
    anonymous.post(link, {"action": "approve"})

    sponsorship.refresh_from_db()
    assert (sponsorship.status, sponsorship.decided_by) == ("approved", sandrine)
    client.force_login(martine)
    text = client.get(applicants).text
    assert "Soutenue par Imprimerie Martin" in text
    assert "mission ponctuelle, 15 h de temps de travail" in text
    assert "Soutenue par Imprimerie Martin" in client.get(detail).text
    assert Notification.objects.filter(user=julie, kind="sponsorship_approved").exists()
    client.force_login(julie)
    assert "Il vous reste 25 heures cette année." in client.get(reverse("companies:mine")).text


def test_more_than_her_budget_is_refused_with_the_reason_on_the_form(
    client, programme, mission, julie
):
    client.force_login(julie)

    response = apply(client, mission, choice=f"{programme.pk}-one_off", hours="41")

    assert "Ce temps dépasserait votre budget : 41 h demandées, il vous reste 40 h" in response.text
    assert not Application.objects.exists()


def test_a_manager_cannot_approve_past_the_budget_even_two_at_a_time(
    client, programme, association, julie, sandrine
):
    from missions.tests.factories import MissionFactory

    client.force_login(julie)
    first, second = MissionFactory.create_batch(2, organization=association)
    apply(client, first, choice=f"{programme.pk}-one_off", hours="30")
    apply(client, second, choice=f"{programme.pk}-one_off", hours="30")
    one, two = Sponsorship.objects.order_by("pk")
    client.force_login(sandrine)
    page = client.get(reverse("companies:requests", args=[programme.company.slug])).text
    assert page.count("Approuver le temps de Julie") == 2

    client.post(reverse("companies:answer", args=[one.pk, "approve"]))
    page = client.get(reverse("companies:requests", args=[programme.company.slug])).text

    # The page says why, instead of a button that would fail; the service says the same.
    assert "Ce temps dépasserait le budget de Julie : 30 h demandées, il lui reste 10 h" in page
    assert page.count("Approuver le temps de Julie") == 0
    response = client.post(reverse("companies:answer", args=[two.pk, "approve"]), follow=True)
    assert "dépasserait le budget de Julie" in response.text
    two.refresh_from_db()
    assert two.is_requested
    with pytest.raises(ActionRefused, match="dépasserait le budget"):
        services.sponsorship_answer(sponsorship=two, action="approve", by=sandrine)


def test_on_her_own_time_nothing_goes_to_the_company(client, commit, programme, mission, julie):
    client.force_login(julie)
    mail.outbox.clear()

    commit(apply, client, mission, choice="")

    assert Application.objects.filter(volunteer=julie).exists()
    assert not Sponsorship.objects.exists()
    assert not [m for m in mail.outbox if "imprimerie-martin.fr" in m.to[0]]


def test_a_mission_outside_the_programme_offers_no_working_time(client, programme, mission, julie):
    from taxonomy.models import Cause

    programme.causes.set([Cause.objects.get(slug="sport")])
    client.force_login(julie)

    page = client.get(reverse("engagements:apply", args=[mission.pk])).text

    assert "Sur mon temps de travail" not in page


def test_only_the_companys_managers_answer_and_never_for_themselves(
    client, programme, mission, julie, sandrine, gilles
):
    client.force_login(julie)
    apply(client, mission, choice=f"{programme.pk}-one_off", hours="10")
    sponsorship = Sponsorship.objects.get()
    url = reverse("companies:answer", args=[sponsorship.pk, "approve"])
    for user in (julie, gilles):
        client.force_login(user)
        assert client.post(url).status_code == 404
    # A manager who is also an employee asks another manager.
    EmployeeFactory(company=programme.company, user=sandrine)
    assert "Une autre personne responsable" in programme_refusal(sponsorship, sandrine)


def programme_refusal(sponsorship, manager):
    from companies.lifecycle import SPONSORSHIP

    sponsorship.employee.user_id = manager.pk
    return SPONSORSHIP.refusal(sponsorship, "approve", manager, is_manager=True)


def test_refused_time_tells_her_why_and_the_application_goes_on(
    client, programme, mission, julie, sandrine, martine
):
    client.force_login(julie)
    apply(client, mission, choice=f"{programme.pk}-one_off", hours="10")
    sponsorship = Sponsorship.objects.get()
    client.force_login(sandrine)

    client.post(
        reverse("companies:answer", args=[sponsorship.pk, "refuse"]),
        {"note": "Pas pendant la clôture des comptes."},
    )

    sponsorship.refresh_from_db()
    assert (sponsorship.status, sponsorship.note) == (
        "refused",
        "Pas pendant la clôture des comptes.",
    )
    client.force_login(julie)
    text = client.get(reverse("engagements:detail", args=[sponsorship.application_id])).text
    assert "Pas pendant la clôture des comptes." in text
    client.force_login(martine)
    assert (
        "Soutenue par" not in client.get(reverse("engagements:applicants", args=[mission.pk])).text
    )


def test_a_declined_application_gives_the_hours_back(
    client, programme, mission, julie, sandrine, martine
):
    client.force_login(julie)
    apply(client, mission, choice=f"{programme.pk}-one_off", hours="30")
    sponsorship = Sponsorship.objects.get()
    services.sponsorship_answer(sponsorship=sponsorship, action="approve", by=sandrine)

    application_decline(application=sponsorship.application, by=martine, reason="Merci !")

    sponsorship.refresh_from_db()
    assert sponsorship.status == "cancelled"
    assert "Il vous reste 40 heures" in client.get(reverse("companies:mine")).text


def test_an_old_or_forged_link_answers_nothing(
    client, programme, mission, julie, sandrine, monkeypatch
):
    client.force_login(julie)
    apply(client, mission, choice=f"{programme.pk}-one_off", hours="10")
    sponsorship = Sponsorship.objects.get()
    token = services.approval_token(sponsorship, sandrine)
    client.logout()

    forged = client.post(reverse("companies:approve_by_link", args=[token + "x"]))
    later = time.time() + (services.APPROVAL_LINK_DAYS + 1) * 24 * 3600
    monkeypatch.setattr(signing.time, "time", lambda: later)
    old = client.post(reverse("companies:approve_by_link", args=[token]), {"action": "approve"})

    assert (forged.status_code, old.status_code) == (404, 410)
    assert "Ce lien ne marche plus" in old.text
    sponsorship.refresh_from_db()
    assert sponsorship.is_requested
