"""The first-time journey, counted: at 360 px and through visible French labels only, a new
association goes from the home page to its first mission sent for review in at most 8
screens and 10 fields (sign-up and association included); then a new student signs up,
finds it and offers her help, and the association accepts her."""

import pytest
from playwright.sync_api import expect

from conftest import axe_violations
from engagements.models import Application
from engagements.tests.journeys import (
    assert_emailed,
    fill_in_profile,
    find_and_offer_help,
    heading,
    post_first_mission,
    sign_up,
)
from missions.models import Mission, Status
from organizations.models import Organization

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MAX_SCREENS = 8
MAX_FIELDS = 10
GERARD = "gerard.blanc@laposte.net"
CHLOE = "chloe.martin@etu.example.org"


def test_a_new_association_posts_its_first_mission_in_eight_screens_and_a_student_joins(
    shipped_data, new_page, staff, last_link
):
    # --- Gérard, retired treasurer, from the home page to his first mission sent ---------
    gerard = new_page("mobile")  # 360 px wide
    walk = post_first_mission(
        gerard,
        last_link,
        name="Gérard Blanc",
        email=GERARD,
        association={
            "name": "Les Amis de la Bibliothèque de Bron",
            "commune": "Bron",
            "cause": "Culture",
            "template": "Logo et couleurs de l’association",
        },
        need="Notre association prête des livres depuis 1985 et n’a jamais eu de logo.",
        accessible=True,
    )

    assert len(walk.screens) <= MAX_SCREENS, walk.screens
    assert len(walk.fields) <= MAX_FIELDS, walk.fields
    association = Organization.objects.get(name="Les Amis de la Bibliothèque de Bron")
    assert association.commune.name == "Bron"
    mission = Mission.objects.get(organization=association)
    assert mission.status == Status.SUBMITTED
    assert mission.need.startswith("Notre association prête des livres")
    assert mission.end_date is not None  # filled in for him, changeable on the last screen

    # His home page says the mission waits for review, what happens next and how long.
    gerard.goto("/")
    pending = gerard.get_by_text("1 mission en attente de validation.")
    expect(pending).to_be_visible()
    expect(gerard.get_by_text("en général sous deux jours ouvrés")).to_be_visible()
    assert axe_violations(gerard) == []

    # --- A moderator publishes it; Gérard is told ------------------------------------------
    moderator = new_page("desktop", user=staff)
    moderator.goto("/moderation/")
    moderator.get_by_role("link", name=mission.title).click()
    moderator.get_by_label("Publier la mission : elle est claire et bénévole").check()
    moderator.get_by_role("button", name="Enregistrer la décision").click()
    expect(moderator.get_by_role("status")).to_be_visible()
    mission.refresh_from_db()
    assert mission.status == Status.OPEN
    assert_emailed(GERARD, "est en ligne")

    # --- Chloé, design student, signs up, finds it and offers her help ---------------------
    chloe = new_page("mobile")
    sign_up(chloe, last_link, start="Proposer mes compétences", name="Chloé Martin", email=CHLOE)
    expect(heading(chloe)).to_have_text("Bonjour Chloé !")
    fill_in_profile(chloe, commune="Lyon 69007")  # a name and a postal code, as people write
    find_and_offer_help(
        chloe,
        title=mission.title,
        message="Bonjour, je suis en 3e année de design graphique à Lyon : ce logo me plairait.",
    )
    assert_emailed(GERARD, "Chloé")

    # --- Gérard follows the e-mail's link and accepts her ----------------------------------
    gerard.goto(last_link(GERARD))  # the mission's applicants
    expect(gerard.get_by_text("ce logo me plairait")).to_be_visible()
    gerard.get_by_role("button", name="Accepter Chloé").click()
    expect(heading(gerard)).to_have_text("Accord d’engagement")
    gerard.get_by_role("button", name="Je confirme cet accord").click()
    expect(gerard.get_by_role("status")).to_contain_text("votre confirmation est enregistrée")
    application = Application.objects.get(mission=mission)
    assert application.status == Application.Status.ACCEPTED
    assert_emailed(CHLOE, "Accord d’engagement à confirmer")


def test_without_javascript_a_shared_postal_code_offers_its_communes_to_tick(
    shipped_data, new_page, last_link
):
    page = new_page("mobile")
    page.context.route("**/*.js", lambda route: route.abort())  # no JavaScript at all
    sign_up(page, last_link, start="Inscrire mon association", name="Odette Perrin", email=GERARD)

    page.get_by_label("Nom de l’association").fill("Le Sou des Écoles")
    page.get_by_label("Éducation et jeunesse").check()
    page.get_by_label("Commune").fill("01330")
    page.get_by_role("button", name="Inscrire", exact=True).click()

    choices = page.get_by_role("group", name="Laquelle est la bonne ?")
    expect(choices.get_by_role("radio")).to_have_count(8)
    assert axe_violations(page) == []
    choices.get_by_label("Ambérieux-en-Dombes (01330) · Ain").check()
    page.get_by_role("button", name="Inscrire", exact=True).click()

    expect(heading(page)).to_have_text("Proposer une mission")
    assert Organization.objects.get().commune.name == "Ambérieux-en-Dombes"
