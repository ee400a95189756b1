"""The whole company journey, in Chromium with JavaScript off, one browser per person:
Sandrine declares her company's e-mail domain and opens a programme; Julie joins by her
work address in one click, Thomas by the invitation link; Julie offers Martine's association
a talent solidaire on her working time; Sandrine approves the time from the link in her
e-mail; Martine reads the application as « soutenue par » the company, accepts it, confirms
the talent solidaire's agreement and, month after month, its hours; Sandrine's yearly
statement shows them, and the association's attestation too (figures checked against the
database).

Set up with factories: only what comes before the story (the verified company and Sandrine,
Julie's and Thomas's accounts, Martine's association and its published mission)."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import formats, timezone, translation
from playwright.sync_api import expect

from accounts.tests.factories import UserFactory
from companies.models import CheckIn, Employee, Programme, RecurringEngagement, Sponsorship
from credentials.tests.test_pdf import pdf_text
from engagements.models import Application
from missions.tests.factories import MissionFactory
from organizations.tests.factories import MembershipFactory
from volunteers.tests.factories import VolunteerProfileFactory

from .factories import CompanyFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def first_of(month_back: int):
    first = timezone.localdate().replace(day=1)
    for _ in range(month_back):
        first = (first - timedelta(days=1)).replace(day=1)
    return first


def month_words(day) -> str:
    with translation.override("fr"):
        return formats.date_format(day, "F Y")


def no_js(page):
    page.context.route("**/*.js", lambda route: route.abort())
    return page


def test_from_a_programme_to_the_yearly_statement(
    new_page, shipped_data, last_link, tmp_path, association, martine
):
    company = CompanyFactory(organization__name="Imprimerie Martin")
    slug = company.organization.slug
    sandrine = UserFactory(full_name="Sandrine Roux", email="sandrine@imprimerie-martin.fr")
    MembershipFactory(organization=company.organization, user=sandrine, role="admin")
    julie = UserFactory(full_name="Julie Garnier", email="julie@imprimerie-martin.fr")
    VolunteerProfileFactory(user=julie, kind="employee", school_name="", programme="")
    thomas = UserFactory(full_name="Thomas Blanc", email="thomas.blanc@example.net")
    mission = MissionFactory(
        organization=association, title="Communication des jardins", team_size=1
    )

    # --- Sandrine declares the domain and opens a programme ------------------------------------
    manager = no_js(new_page("desktop", user=sandrine))
    manager.goto(f"/companies/{slug}/")
    manager.get_by_role("link", name="Inviter et gérer les salarié·es").click()
    manager.get_by_label("Domaine des adresses e-mail de l’entreprise").fill("imprimerie-martin.fr")
    manager.get_by_role("button", name="Déclarer ce domaine").click()
    expect(manager.get_by_role("status")).to_contain_text("Le domaine est déclaré")
    invite_link = manager.locator(".co-link code").inner_text()
    manager.goto(f"/companies/{slug}/")
    manager.get_by_role("link", name="Ouvrir un programme").click()
    manager.get_by_label("Nom du programme").fill("Talents solidaires 2026")
    manager.get_by_label("Heures de travail par salarié·e et par an").fill("200")
    manager.get_by_label("Talents solidaires : un engagement régulier").check()
    manager.get_by_label("Talent solidaire : heures par mois").fill("28")
    manager.get_by_label("Talent solidaire : durée en mois").fill("6")
    manager.get_by_role("button", name="Ouvrir le programme").click()
    expect(manager.get_by_role("heading", level=1)).to_have_text("Talents solidaires 2026")
    programme = Programme.objects.get()
    assert (programme.hours_per_employee, programme.recurring_hours) == (200, 168)

    # --- Julie joins by her work address, Thomas by the link ----------------------------------
    julie_page = no_js(new_page("mobile", user=julie))
    julie_page.goto("/companies/")
    julie_page.get_by_role("button", name="Rejoindre Imprimerie Martin").click()
    expect(julie_page.get_by_role("status")).to_contain_text("Bienvenue")
    thomas_page = no_js(new_page("mobile", user=thomas))
    thomas_page.goto(invite_link)
    thomas_page.get_by_role("button", name="Rejoindre Imprimerie Martin").click()
    expect(thomas_page.get_by_role("status")).to_contain_text("Bienvenue")
    joined = dict(Employee.objects.values_list("user__email", "via"))
    assert joined == {"julie@imprimerie-martin.fr": "domain", "thomas.blanc@example.net": "link"}
    expect(thomas_page.get_by_text("Il vous reste 200 heures cette année.")).to_be_visible()

    # --- Julie offers a talent solidaire on her working time -----------------------------------
    julie_page.goto(f"/missions/{mission.pk}/apply/")
    julie_page.get_by_label("Votre message à l’association").fill(
        "Bonjour, je suis graphiste : je peux venir chaque mardi pendant six mois."
    )
    julie_page.get_by_label("talent solidaire de 28 h par mois pendant 6 mois").check()
    julie_page.get_by_label("Talent solidaire : vos jours et heures").fill(
        "le mardi, de 9 h à 17 h"
    )
    julie_page.get_by_role("button", name="Envoyer ma proposition").click()
    expect(julie_page.get_by_text("doivent d’abord approuver ce temps")).to_be_visible()
    sponsorship = Sponsorship.objects.get()
    assert (sponsorship.format, sponsorship.hours, sponsorship.status) == (
        "recurring",
        168,
        "requested",
    )

    # --- Martine sees the application, not yet supported ---------------------------------------
    member = no_js(new_page("desktop", user=martine))
    member.goto(f"/missions/{mission.pk}/applications/")
    expect(member.get_by_text("Julie Garnier")).to_be_visible()
    expect(member.get_by_text("Soutenue par")).to_have_count(0)

    # --- Sandrine approves from the link in her e-mail, without logging in --------------------
    inbox = no_js(new_page("mobile"))
    inbox.goto(last_link("sandrine@imprimerie-martin.fr"))
    inbox.get_by_role("button", name="Approuver le temps de Julie").click()
    expect(inbox.get_by_role("status")).to_contain_text("Le temps de Julie est approuvé")
    sponsorship.refresh_from_db()
    assert (sponsorship.status, sponsorship.decided_by) == ("approved", sandrine)

    # --- Martine reads « soutenue par », accepts, confirms the talent solidaire's agreement ---
    member.reload()
    expect(member.get_by_text("Soutenue par Imprimerie Martin")).to_be_visible()
    member.get_by_role("button", name="Accepter Julie").click()
    expect(member.get_by_role("status")).to_be_visible()
    assert Application.objects.get().is_accepted
    member.goto(f"/applications/{sponsorship.application_id}/")
    member.get_by_role("link", name="L’accord du talent solidaire").click()
    member.get_by_role("group", name="Qui l’accueille").get_by_label("Martine Lefèvre").check()
    member.get_by_label("Premier mois").fill(f"{first_of(2):%Y-%m}")
    member.get_by_role("button", name="Confirmer l’accord").click()
    expect(member.get_by_role("status")).to_contain_text("L’accord est confirmé")
    recurring = RecurringEngagement.objects.get()
    assert (recurring.status, recurring.tutor, recurring.start_month) == (
        "active",
        martine,
        first_of(2),
    )

    # --- …and, two months running, the hours of the month --------------------------------------
    for back, hours in ((2, "28"), (1, "21")):
        month = member.locator(".co-month", has_text=month_words(first_of(back)))
        month.get_by_label("Heures du mois").fill(hours)
        month.get_by_role("button", name="Confirmer les heures").click()
        expect(member.get_by_role("status")).to_contain_text("sont confirmées")
    assert sorted(CheckIn.objects.values_list("hours", flat=True)) == [21, 28]
    julie_page.goto(recurring.get_absolute_url())
    expect(julie_page.get_by_text("49 heures")).to_be_visible()

    # --- Sandrine's yearly statement shows them, as the database holds them -------------------
    for year in sorted({first_of(2).year, first_of(1).year}):
        hours = sum(CheckIn.objects.filter(month__year=year).values_list("hours", flat=True))
        manager.goto(f"/companies/{slug}/statements/?year={year}")
        card = manager.locator(".co-item", has_text="Les Jardins Partagés de Belleville")
        expect(card).to_contain_text(f"{hours} heures, 1 salarié·e(s)")
        with manager.expect_download() as download:
            card.get_by_role("link", name="Tableur (CSV)").click()
        content = download.value.path().read_text(encoding="utf-8-sig")
        rows = list(csv.reader(io.StringIO(content), delimiter=";"))
        assert [row[2] for row in rows[1:-1]] == ["Julie Garnier"] * len(rows[1:-1])
        assert rows[-1][6] == str(hours)
        with manager.expect_download() as download:
            card.get_by_role("link", name="Relevé PDF").click()
        text = pdf_text(download.value.path().read_bytes(), tmp_path)
        assert f"En {year} : {hours} heures de temps de travail" in text
        assert "ne donne pas de conseil fiscal" in text

    # --- …and the association's attestation the same hours -----------------------------------
    member.goto(association.get_absolute_url())
    member.get_by_role("link", name="Aide reçue des entreprises").click()
    year = first_of(1).year
    member.goto(f"/companies/help/{association.slug}/?year={year}")
    hours = sum(CheckIn.objects.filter(month__year=year).values_list("hours", flat=True))
    expect(member.locator(".co-item", has_text="Imprimerie Martin")).to_contain_text(
        f"{hours} heures, 1 salarié·e(s)"
    )
