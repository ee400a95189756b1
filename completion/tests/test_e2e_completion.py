"""The end of the marketplace journey, in Chromium: Léa hands her work over, Martine confirms
the end with the hours, both write their review, Léa downloads her attestation and
publishes her book, which shows the mission to anyone. Every page of the way has no
axe-core violation and no sideways scrolling at 360 and 1280 px."""

import pytest
from django.apps import apps
from playwright.sync_api import expect

from completion.models import Completion, Review
from conftest import WIDTHS, axe_violations
from missions.models import Status
from missions.tests.factories import MissionFactory
from volunteers.tests.factories import VolunteerProfileFactory

from .factories import engagement as make_engagement
from .factories import png_bytes

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def signing_key(settings, tmp_path):
    """A platform key in a temporary file, for the attestation (when that app is there)."""
    if not apps.is_installed("credentials"):
        return None
    from credentials.keys import generate_key_file

    path = tmp_path / "keys" / "credentials-ed25519.pem"
    settings.CREDENTIALS_KEY_FILE = path
    return generate_key_file(path)


@pytest.fixture
def check_pages(new_page):
    """axe-core and the width of a page at both sizes, each on a fresh browser page."""

    def check(user, path: str, what: str, then=None) -> None:
        for width in WIDTHS:
            page = new_page(width, user=user)
            response = page.goto(path)
            assert response.ok, f"{what}: {response.status}"
            if then:
                then(page)
            violations = axe_violations(page)
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert violations == [] and overflow <= 0, f"{what} at {width}: {violations}"

    return check


def rate(page, question: str, mark: str) -> None:
    page.get_by_role("group", name=question).get_by_label(mark).check()


def test_from_the_work_handed_over_to_the_public_book(
    shipped_data, signing_key, new_page, check_pages, association, martine, lea, tmp_path
):
    mission = MissionFactory(
        organization=association,
        title="Un logo pour la fête des jardins",
        status=Status.IN_PROGRESS,
        skills=["logo", "figma"],
    )
    VolunteerProfileFactory(user=lea, skills={"logo": 3}, bio="J’aime créer des affiches.")
    application = make_engagement(mission=mission, volunteer=lea, hours=15)
    completion_url = f"/applications/{application.pk}/completion/"
    logo = tmp_path / "logo.png"
    logo.write_bytes(png_bytes(size=(480, 320)))

    # --- Léa hands her work over ------------------------------------------------------------
    volunteer = new_page("mobile", user=lea)
    volunteer.goto(f"/applications/{application.pk}/")
    volunteer.get_by_role("link", name="Remettre mon travail").click()
    expect(volunteer.get_by_role("heading", level=1)).to_have_text("Remettre mon travail")
    check_pages(lea, f"/applications/{application.pk}/delivery/", "delivery form")
    volunteer.get_by_label("Vos fichiers").set_input_files(str(logo))
    volunteer.get_by_label("Vos liens").fill("https://jardins-belleville.example.org")
    expect(volunteer.get_by_label("Heures passées sur la mission")).to_have_value("15")
    volunteer.get_by_label("Heures passées sur la mission").fill("12")
    volunteer.get_by_label("Un mot pour l’association").fill("Voici le logo en couleur.")
    volunteer.get_by_role("button", name="Remettre mon travail").click()
    expect(volunteer.get_by_role("status")).to_contain_text("Votre travail est remis")
    expect(volunteer.get_by_role("img", name="Aperçu de l’image logo.png")).to_be_visible()
    check_pages(lea, completion_url, "completion page (volunteer, delivered)")

    # --- Martine looks at it and confirms the end with the hours ----------------------------
    member = new_page("desktop", user=martine)
    member.goto(f"/applications/{application.pk}/")
    member.get_by_role("link", name="Voir le travail remis").click()
    expect(member.get_by_text("Voici le logo en couleur.")).to_be_visible()
    check_pages(martine, completion_url, "completion page (association)")
    check_pages(
        martine,
        completion_url,
        "completion page with the changes form open",
        lambda page: page.get_by_text("Demander des retouches").click(),
    )
    member.get_by_label("Heures reconnues").fill("14")
    member.get_by_role("button", name="Confirmer la fin de la mission").click()
    expect(member.get_by_role("heading", level=1)).to_have_text("La recommandation de Léa")
    completion = Completion.objects.get()
    assert (completion.status, completion.confirmed_hours) == ("completed", 14)
    mission.refresh_from_db()
    assert mission.status == Status.COMPLETED

    # --- …and writes the reference, in two minutes -----------------------------------------
    review_url = f"/applications/{application.pk}/review/"
    check_pages(martine, review_url, "reference form")
    check_pages(
        martine,
        review_url,
        "reference form with errors",
        lambda page: (
            page.get_by_role("button", name="Envoyer la recommandation").click(),
            page.get_by_role("alert").wait_for(),
        ),
    )
    rate(member, "La qualité du travail", "5 sur 5 : excellent")
    rate(member, "La communication", "4 sur 5 : bien")
    rate(member, "Le respect des délais", "5 sur 5 : excellent")
    member.get_by_label("Qu’a réalisé Léa pour votre association ?").fill(
        "Léa a créé le logo de nos dix ans."
    )
    member.get_by_label("Comment s’est passée la collaboration ?").fill(
        "Elle nous a écoutés et a proposé trois pistes."
    )
    member.get_by_label("Recommanderiez-vous Léa, et pour quoi ?").fill(
        "Oui, sans hésiter, pour tout travail graphique."
    )
    member.get_by_label("Logo et identité visuelle").check()
    member.get_by_role("button", name="Envoyer la recommandation").click()
    expect(member.get_by_role("status")).to_contain_text("Votre avis est enregistré")

    # --- Léa gives her review of the association: both appear --------------------------------
    volunteer.goto(completion_url)
    volunteer.get_by_role("link", name="Donner mon avis").click()
    check_pages(lea, review_url, "review of the association")
    rate(volunteer, "La clarté du besoin", "4 sur 5 : bien")
    rate(volunteer, "La disponibilité", "5 sur 5 : excellent")
    rate(volunteer, "Le respect", "5 sur 5 : excellent")
    volunteer.get_by_role("button", name="Envoyer mon avis").click()
    expect(volunteer.get_by_role("status")).to_contain_text("Les deux avis sont écrits")
    expect(volunteer.get_by_text("Léa a créé le logo de nos dix ans.")).to_be_visible()
    assert Review.objects.filter(published_at__isnull=False).count() == 2
    check_pages(lea, completion_url, "completion page with both reviews")

    # --- The attestation ---------------------------------------------------------------------
    if apps.is_installed("credentials"):
        volunteer.reload()
        link = volunteer.get_by_role("link", name="Télécharger mon attestation (PDF)")
        response = volunteer.request.get(link.get_attribute("href"))
        assert response.ok and response.headers["content-type"] == "application/pdf"
        assert response.body().startswith(b"%PDF")

    # --- Léa publishes her book -------------------------------------------------------------
    volunteer.get_by_role("link", name="Mon book public").click()
    check_pages(lea, "/book/settings/", "book settings")
    volunteer.get_by_label("Publier mon book").check()
    expect(volunteer.get_by_label("Adresse de votre book")).to_have_value("lea-martin")
    volunteer.get_by_role("button", name="Enregistrer").click()
    expect(volunteer.get_by_role("status")).to_contain_text("Votre book est publié")

    # Anyone sees it, with the mission, the picture and the reference.
    visitor = new_page("desktop")
    visitor.goto("/book/lea-martin/")
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Léa Martin")
    expect(visitor.get_by_role("heading", name="Un logo pour la fête des jardins")).to_be_visible()
    expect(visitor.get_by_text("Léa a créé le logo de nos dix ans.")).to_be_visible()
    picture = visitor.get_by_role("img", name="Travail réalisé pour « Un logo pour la fête")
    expect(picture).to_be_visible()
    # The picture itself is served (a broken one has no width): once it has loaded.
    image = picture.element_handle()
    visitor.wait_for_function("img => img.complete", arg=image)
    assert visitor.evaluate("img => img.naturalWidth", image) == 480
    expect(visitor.get_by_text("recommandée par une association")).to_be_visible()
    check_pages(None, "/book/lea-martin/", "public book")
    check_pages(lea, "/book/lea-martin/", "book seen by its owner")

    # On paper: the book alone, one column.
    visitor.emulate_media(media="print")
    expect(visitor.locator(".site-header")).to_be_hidden()
    layout = visitor.locator(".book-layout")
    assert layout.evaluate("el => getComputedStyle(el).display") == "block"
