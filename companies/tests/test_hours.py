"""Hours confirmed by the association — at the end of a one-off mission, each month for a
talent solidaire — and the papers made of them: the company's yearly statement per
association (with the valuation at the cost it entered) and the association's attestation
(without it), as PDF and CSV."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from companies import services
from companies.models import CheckIn, Employee, RecurringEngagement, Sponsorship
from completion.models import Completion
from completion.tests.factories import CompletionFactory
from core.errors import ActionRefused
from credentials.tests.test_pdf import pdf_text
from engagements.models import Application
from engagements.services import application_accept


def months_ago(n: int) -> date:
    first = timezone.localdate().replace(day=1)
    for _ in range(n):
        first = (first - timezone.timedelta(days=1)).replace(day=1)
    return first


def ask(client, mission, programme, user, **part):
    client.force_login(user)
    data = {"message": "Bonjour !", **{f"company-{k}": v for k, v in part.items()}}
    client.post(reverse("engagements:apply", args=[mission.pk]), data)
    return Sponsorship.objects.get(application__mission=mission, employee__user=user)


@pytest.fixture
def talent(client, programme, mission, julie, sandrine):
    """Julie's approved talent solidaire at Martine's association (8 h a month, 3 months)."""
    sponsorship = ask(
        client,
        mission,
        programme,
        julie,
        choice=f"{programme.pk}-recurring",
        schedule="le mardi matin",
    )
    services.sponsorship_answer(sponsorship=sponsorship, action="approve", by=sandrine)
    return RecurringEngagement.objects.get(sponsorship=sponsorship)


def test_the_association_confirms_the_agreement_once_it_took_her(client, talent, martine, yacine):
    url = reverse("companies:recurring", args=[talent.pk])
    assert talent.hours_per_month == 8 and talent.months == 3
    assert talent.sponsorship.hours == 24
    client.force_login(martine)
    assert "Acceptez d’abord sa candidature" in client.get(url).text

    application_accept(application=talent.sponsorship.application, by=martine)
    page = client.get(url).text
    assert "Confirmer l’accord" in page
    response = client.post(
        url,
        {
            "step": "confirm",
            "tutor": yacine.pk,
            "start_month": f"{months_ago(2):%Y-%m}",
            "schedule": "le mardi, de 9 h à 13 h",
        },
    )

    talent.refresh_from_db()
    assert response.status_code == 302
    assert (talent.status, talent.tutor, talent.start_month) == ("active", yacine, months_ago(2))
    assert talent.schedule == "le mardi, de 9 h à 13 h"
    assert talent.month_list == [months_ago(2), months_ago(1), months_ago(0)]


def start(talent, martine, yacine, first: date):
    application_accept(application=talent.sponsorship.application, by=martine)
    services.recurring_confirm(
        engagement=talent, by=martine, tutor=yacine, start_month=first, schedule="le mardi"
    )


def test_each_month_that_began_is_confirmed_once_by_the_association(
    client, talent, martine, yacine, julie
):
    start(talent, martine, yacine, months_ago(1))
    url = reverse("companies:recurring", args=[talent.pk])
    client.force_login(yacine)
    page = client.get(url).text
    last_month = months_ago(1)
    assert page.count("Confirmer les heures de") == 2  # last month and this one, not the next

    client.post(url, {"month": f"{last_month:%Y-%m}", "hours": "7", "note": "Bien."})

    check_in = CheckIn.objects.get()
    assert (check_in.month, check_in.hours, check_in.confirmed_by) == (last_month, 7, yacine)
    with pytest.raises(ActionRefused, match="déjà confirmées"):
        services.check_in_confirm(engagement=talent, month=last_month, hours=3, by=yacine)
    next_month = (timezone.localdate().replace(day=28) + timezone.timedelta(days=7)).replace(day=1)
    with pytest.raises(ActionRefused, match="pas encore commencé"):
        services.check_in_confirm(engagement=talent, month=next_month, hours=3, by=yacine)
    with pytest.raises(ActionRefused, match="Seule l’association"):
        services.check_in_confirm(engagement=talent, month=months_ago(0), hours=3, by=julie)
    client.force_login(julie)
    assert "7 heures, confirmées le" in client.get(url).text


def test_a_talent_solidaire_is_seen_by_its_three_sides_only(
    client, talent, martine, julie, sandrine, gilles, lea, bruno
):
    url = reverse("companies:recurring", args=[talent.pk])
    for user in (martine, julie, sandrine):
        client.force_login(user)
        assert client.get(url).status_code == 200, user
    for user in (gilles, lea, bruno):
        client.force_login(user)
        assert client.get(url).status_code == 404, user


def one_off_done(client, mission, programme, julie, sandrine, hours=12):
    sponsorship = ask(
        client, mission, programme, julie, choice=f"{programme.pk}-one_off", hours="15"
    )
    services.sponsorship_answer(sponsorship=sponsorship, action="approve", by=sandrine)
    Application.objects.filter(pk=sponsorship.application_id).update(status="accepted")
    CompletionFactory(
        application=sponsorship.application,
        status=Completion.Status.COMPLETED,
        confirmed_hours=hours,
        completed_at=timezone.now(),
    )
    return sponsorship


def test_the_companys_statement_counts_the_confirmed_hours_at_the_cost_it_entered(
    client, tmp_path, talent, mission, programme, julie, sandrine, martine, yacine, association
):
    from missions.tests.factories import MissionFactory

    start(talent, martine, yacine, months_ago(1))
    services.check_in_confirm(engagement=talent, month=months_ago(1), hours=8, by=yacine)
    services.check_in_confirm(engagement=talent, month=months_ago(0), hours=6, by=yacine)
    other = MissionFactory(organization=association, title="=Affiche du troc")
    one_off_done(client, other, programme, julie, sandrine, hours=12)
    Employee.objects.filter(user=julie).update(hourly_cost=Decimal("42.50"))
    year = timezone.localdate().year
    client.force_login(sandrine)

    page = client.get(reverse("companies:statements", args=[programme.company.slug])).text
    csv_url = reverse(
        "companies:statement_file", args=[programme.company.slug, association.slug, year, "csv"]
    )
    content = client.get(csv_url).content.decode("utf-8")

    lines_this_year = 12 + 6 + (8 if months_ago(1).year == year else 0)
    assert f"{lines_this_year} heures, 1 salarié·e(s)" in page
    assert content.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(content.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:3] == ["Association", "SIREN ou RNA de l’association", "Salarié·e"]
    assert "'=Affiche du troc" in [row[3] for row in rows]
    assert rows[-1][6] == str(lines_this_year)
    assert rows[-1][8] == str(Decimal("42.50") * lines_this_year).replace(".", ",")
    pdf = client.get(csv_url.replace(".csv", ".pdf"))
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content, tmp_path)
    assert "Relevé de mécénat de compétences" in text
    assert "ne donne pas de conseil fiscal" in text
    assert "42,50" in text or "42.50" in text


def test_the_associations_attestation_has_the_same_hours_and_no_cost_nor_name(
    client, tmp_path, mission, programme, julie, sandrine, martine, bruno, association
):
    one_off_done(client, mission, programme, julie, sandrine, hours=12)
    Employee.objects.filter(user=julie).update(hourly_cost=Decimal("42.50"))
    year = timezone.localdate().year
    company = programme.company
    url = reverse("companies:help_received", args=[association.slug])
    client.force_login(bruno)
    assert client.get(url).status_code == 403
    client.force_login(martine)

    assert (
        reverse("companies:help_received", args=[association.slug])
        in client.get(association.get_absolute_url()).text
    )
    page = client.get(url).text
    assert "Imprimerie Martin" in page and "12 heures, 1 salarié·e(s)" in page
    base = reverse("companies:attestation_file", args=[association.slug, company.slug, year, "csv"])
    content = client.get(base).content.decode("utf-8")
    text = pdf_text(client.get(base.replace(".csv", ".pdf")).content, tmp_path)

    assert content.startswith("\ufeff") and content.splitlines()[-1].endswith(";12")
    for paper in (content, text):
        assert "Julie" not in paper
        assert "42" not in paper.replace(str(year), "")
    assert "Attestation d’aide reçue" in text
    assert "pas un reçu fiscal" in text


def test_nobody_else_downloads_the_papers(client, mission, programme, julie, sandrine, gilles, lea):
    one_off_done(client, mission, programme, julie, sandrine)
    year = timezone.localdate().year
    company, association = programme.company, mission.organization
    statement = reverse(
        "companies:statement_file", args=[company.slug, association.slug, year, "pdf"]
    )
    attestation = reverse(
        "companies:attestation_file", args=[association.slug, company.slug, year, "pdf"]
    )
    for user in (julie, gilles, lea):
        client.force_login(user)
        assert client.get(statement).status_code == 403
        assert client.get(attestation).status_code == 403


def test_the_tutor_is_reminded_once_of_a_month_not_confirmed(
    commit, talent, martine, yacine, last_link
):
    from django.core import mail

    start(talent, martine, yacine, months_ago(1))
    mail.outbox.clear()

    assert commit(services.remind_check_ins) == 1
    assert commit(services.remind_check_ins) == 1  # queued again: the key sends it once

    to_yacine = [m for m in mail.outbox if m.to == ["yacine@example.org"]]
    assert len(to_yacine) == 1
    assert "Julie Garnier" in to_yacine[0].subject
    assert last_link("yacine@example.org").endswith(f"/companies/recurring/{talent.pk}/")
    services.check_in_confirm(engagement=talent, month=months_ago(1), hours=8, by=yacine)
    assert services.remind_check_ins() == 0
