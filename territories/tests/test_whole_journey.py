"""The whole journey of issue 16, on phones and a desktop with JavaScript off: the Ville de
Vénissieux publishes its pack numérique; the Judo club (citizen, in Vénissieux: eligible)
takes it in one click, a professional association of the city does not even see it; Nora,
the city's mediator, posts and follows a mission for the Jardins des Minguettes, which
gave her its consent; a student completes one of the Judo club's sponsored missions; the
city's dashboard and its CSV files show the mission, its hours and value, and the pack's
places taken and missions done.

Steps a browser adds nothing to (the student's work, which other apps' journeys walk
through screen by screen) go through the services."""

import csv
import io
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.tests.factories import UserFactory
from completion import services as completion
from completion.tests.factories import engagement
from impact.models import HourlyRate
from missions.models import Mission, Status
from organizations.models import Organization
from organizations.tests.factories import AssociationFactory, MembershipFactory
from territories import packs
from territories.models import Pack, PackClaim

from .packs_scene import pack_data
from .scene import build

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

VENISSIEUX = {"commune_id": "69259", "departement_code": "69", "region_code": "84"}


def _csv(download) -> list[list[str]]:
    with open(download.path(), encoding="utf-8-sig") as file:
        text = file.read()
    return list(csv.reader(io.StringIO(text), delimiter=";" if ";" in text else ","))


def test_a_pack_from_its_publication_to_the_territorys_dashboard(shipped_data, new_page):
    scene = build()
    users, venissieux, garden = scene["users"], scene["venissieux"], scene["garden"]
    jeanne = UserFactory(full_name="Jeanne Judo", email="jeanne@example.org")
    judo = AssociationFactory(
        name="Judo de Vénissieux",
        association_type=Organization.AssociationType.CITIZEN,
        **VENISSIEUX,
    )
    MembershipFactory(organization=judo, user=jeanne, role="admin")
    paula = UserFactory(full_name="Paula Directrice", email="paula@example.org")
    pro = AssociationFactory(
        name="Insertion Pro Vénissieux",
        association_type=Organization.AssociationType.PROFESSIONAL,
        **VENISSIEUX,
    )
    MembershipFactory(organization=pro, user=paula, role="admin")
    pack = packs.pack_compose(authority=venissieux, by=users["hugo"], **pack_data())

    # --- Hugo, for the city, proposes the pack it prepared ------------------------------
    hugo = new_page("desktop", user=users["hugo"])
    hugo.context.route("**/*.js", lambda route: route.abort())
    hugo.goto(f"/territories/{venissieux.slug}/packs/{pack.pk}/")
    hugo.get_by_role("button", name="Proposer le pack aux associations").click()
    pack.refresh_from_db()
    assert pack.status == Pack.Status.PUBLISHED

    # --- Jeanne takes it for her club in one click; Paula's association does not see it --
    judoka = new_page("mobile", user=jeanne)
    judoka.context.route("**/*.js", lambda route: route.abort())
    judoka.goto("/")
    judoka.get_by_role("button", name=f"Prendre le pack « {pack.title} »").click()
    expect(judoka.get_by_text("Votre association a pris ce pack le")).to_be_visible()
    claim = PackClaim.objects.get(pack=pack, association=judo)
    sponsored = list(claim.missions.order_by("pk"))
    assert len(sponsored) == 3
    assert all(m.sponsor_id == venissieux.pk and m.status == Status.DRAFT for m in sponsored)

    director = new_page("mobile", user=paula)
    director.context.route("**/*.js", lambda route: route.abort())
    director.goto("/")
    expect(director.get_by_role("heading", level=1)).to_be_visible()
    expect(director.get_by_text(pack.title)).to_have_count(0)
    assert not PackClaim.objects.filter(association=pro).exists()

    # --- Nora, with the garden's consent, posts its need and follows it ------------------
    nora = new_page("mobile", user=users["nora"])
    nora.context.route("**/*.js", lambda route: route.abort())
    nora.goto("/territories/helping/")
    expect(nora.get_by_role("heading", level=2)).to_have_text(garden.name)
    nora.get_by_role("link", name="Décrire un besoin pour elle").click()
    nora.get_by_role("button", name=re.compile("^Choisir ce modèle")).first.click()
    nora.get_by_label("Votre besoin en quelques mots").fill(
        "Une affiche pour la fête des jardins, à imprimer et à afficher dans le quartier."
    )
    nora.get_by_role("button", name="Continuer", exact=True).click()
    nora.get_by_role("button", name="Envoyer ma mission").click()
    expect(nora.get_by_role("status")).to_contain_text("Notre équipe la relit")
    posted = Mission.objects.get(organization=garden, created_by=users["nora"])
    assert posted.status == Status.SUBMITTED
    nora.goto("/territories/helping/")
    nora.get_by_role("link", name="Suivre ses missions").click()
    expect(nora.get_by_role("link", name=posted.title).first).to_be_visible()
    odette = new_page("mobile", user=users["odette"])
    odette.context.route("**/*.js", lambda route: route.abort())
    odette.goto(f"/territories/associations/{garden.slug}/done-for-you/")
    expect(odette.get_by_text("Mission envoyée pour validation")).to_be_visible()

    # --- A student completes one sponsored mission (the services, as the screens do) -----
    done = sponsored[0]
    Mission.objects.filter(pk=done.pk).update(
        status=Status.IN_PROGRESS, published_at=timezone.now()
    )
    student = UserFactory(full_name="Inès Étudiante", email="ines@example.org")
    application = engagement(mission=Mission.objects.get(pk=done.pk), volunteer=student, hours=6)
    completion.work_deliver(application=application, by=student, hours=6, note="Le logo.")
    completion.mission_finish(mission=Mission.objects.get(pk=done.pk), action="complete", by=jeanne)
    assert Mission.objects.get(pk=done.pk).status == Status.COMPLETED
    rate = HourlyRate.objects.get(domain=done.template.domain).rate
    euros = int((6 * rate).quantize(Decimal(1), rounding=ROUND_HALF_UP))

    # --- Hugo reads the city's dashboard and downloads its tables ------------------------
    hugo.goto(f"/territories/{venissieux.slug}/dashboard/")
    expect(hugo.get_by_role("heading", level=1)).to_have_text("Tableau de bord du territoire")
    rates = hugo.get_by_role("region", name=re.compile("^Réponse des bénévoles.*: le tableau"))
    expect(rates.get_by_role("row", name="Taux de réalisation")).to_be_visible()
    value = hugo.get_by_role("region", name="Heures de bénévolat et valeur du travail", exact=True)
    expect(value.get_by_role("row", name="Total")).to_contain_text("6")
    expect(value.get_by_role("row", name=done.template.domain.name)).to_contain_text(str(euros))
    pack_table = hugo.get_by_role("region", name="Packs numériques", exact=True)
    pack_row = pack_table.get_by_role("row", name=pack.title)
    for cell, number in zip(pack_row.get_by_role("cell").all(), ["2", "1", "3", "1"], strict=True):
        expect(cell).to_have_text(number)

    with hugo.expect_download() as download:
        hugo.get_by_role(
            "link", name="Télécharger ce tableau (CSV, pour un tableur) : Packs numériques"
        ).click()
    rows = _csv(download.value)
    assert [pack.title, "2", "1", "3", "1"] in rows
    with hugo.expect_download() as download:
        hugo.get_by_role(
            "link",
            name="Télécharger ce tableau (CSV, pour un tableur) : "
            "Heures de bénévolat et valeur du travail",
        ).click()
    rows = _csv(download.value)
    assert [
        done.template.domain.name,
        "6",
        str(int(rate.quantize(Decimal(1), rounding=ROUND_HALF_UP))),
        str(euros),
    ] in rows
    with hugo.expect_download() as download:
        hugo.get_by_role(
            "link",
            name=re.compile(r"^Télécharger ce tableau \(CSV, pour un tableur\) : Réponse des"),
        ).click()
    completed = next(row for row in _csv(download.value) if row[0] == "Taux de réalisation")
    assert completed[2] == "1"
