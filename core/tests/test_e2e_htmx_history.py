"""Browser Back after an htmx interaction shows the whole page again, never a bare fragment.

htmx asks for a fragment at the address of a page (the mission search pushes that address
into the history). Back must bring the page itself: responses say `Vary: HX-Request`, so
that the browser's cache never serves the fragment for the page, and htmx reloads the page
on a history miss instead of asking the server for it as a fragment (base.html's config).
Chromium under Playwright has no back-forward cache: Back really reloads or reads the cache.
"""

from urllib.parse import quote_plus

import pytest
from playwright.sync_api import expect

from accounts.tests.factories import UserFactory
from engagements.models import Application
from engagements.tests.factories import ApplicationFactory
from missions.models import Status
from missions.tests.factories import MissionFactory
from volunteers.tests.factories import VolunteerProfileFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def open_page(new_page):
    def make(*args, **kwargs):
        page = new_page(*args, **kwargs)
        page.set_default_timeout(30_000)  # the shared test machine is sometimes slow
        return page

    return make


def assert_whole_page(page, heading: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.get_by_role("banner")).to_be_visible()  # the site's header
    expect(page.get_by_role("contentinfo")).to_be_attached()  # and its footer
    assert page.evaluate("document.styleSheets.length") > 0, "the page lost its styles"


@pytest.fixture
def missions(association, martine):
    for title, need in [
        ("Logo du jardin", "Un logo pour les jardiniers."),
        ("Affiche du loto", "Une affiche pour la soirée loto."),
    ]:
        MissionFactory(
            organization=association,
            created_by=martine,
            status=Status.OPEN,
            title=title,
            need=need,
            deliverables="",
        )


SEARCH_TITLE = "Les missions qui attendent des bénévoles"


def test_back_from_a_searched_mission_shows_the_whole_search_page(
    shipped_data, open_page, missions
):
    page = open_page("desktop")
    page.goto("/missions/")
    page.get_by_label("Mots-clés").fill("jardiniers")
    page.get_by_role("button", name="Afficher les missions").click()
    page.wait_for_url("**/missions/?*q=jardiniers*")
    expect(page.get_by_role("heading", name="1 mission proposée")).to_be_visible()

    page.get_by_role("link", name="Logo du jardin").click()
    assert_whole_page(page, "Logo du jardin")
    page.go_back()

    page.wait_for_url("**/missions/?*q=jardiniers*")
    assert_whole_page(page, SEARCH_TITLE)
    expect(page.get_by_role("heading", name="1 mission proposée")).to_be_visible()
    assert page.get_by_label("Mots-clés").input_value() == "jardiniers"


def test_back_between_two_searches_shows_the_whole_page_of_the_first(
    shipped_data, open_page, missions
):
    page = open_page("mobile")
    page.goto("/missions/")
    for words in ("jardiniers", "soirée"):
        page.get_by_label("Mots-clés").fill(words)
        page.get_by_role("button", name="Afficher les missions").click()
        page.wait_for_url(f"**/missions/?*q={quote_plus(words)}*")

    page.go_back()

    page.wait_for_url("**/missions/?*q=jardiniers*")
    assert_whole_page(page, SEARCH_TITLE)
    expect(page.get_by_role("link", name="Logo du jardin")).to_be_visible()
    expect(page.get_by_role("link", name="Affiche du loto")).to_have_count(0)

    # Each search is one step back, though typing then clicking sends `change` and `submit`.
    page.go_back()
    page.wait_for_url("**/missions/")
    expect(page.get_by_role("link", name="Affiche du loto")).to_be_visible()
    assert page.get_by_label("Mots-clés").input_value() == ""


# --- The other htmx pages: what htmx changed is never what Back shows ---------------------
@pytest.fixture
def applications(association, martine, lea):
    mission = MissionFactory(
        organization=association, created_by=martine, title="Logo du jardin", team_size=2
    )
    karim = UserFactory(full_name="Karim Benali", intent="volunteer")
    VolunteerProfileFactory(user=karim)
    return mission, [
        ApplicationFactory(mission=mission, volunteer=karim),
        ApplicationFactory(mission=mission, volunteer=lea, status=Application.Status.ACCEPTED),
    ]


def test_back_to_the_applications_after_saying_no_shows_the_whole_page(
    shipped_data, open_page, martine, applications
):
    mission, (karims, _leas) = applications
    page = open_page("desktop", user=martine)
    page.goto(f"/missions/{mission.pk}/applications/")
    page.get_by_text("Répondre non à Karim").click()
    page.get_by_role("button", name="Envoyer ma réponse à Karim").click()
    expect(page.get_by_text("Votre réponse est envoyée à Karim.")).to_be_visible()

    page.get_by_role("link", name="Mes notifications").or_(
        page.get_by_role("link", name="Notifications")
    ).first.click()
    page.go_back()

    assert_whole_page(page, "Les candidatures")
    karims.refresh_from_db()
    assert karims.status == Application.Status.DECLINED


def test_back_to_a_conversation_after_writing_shows_the_whole_page(
    shipped_data, open_page, lea, applications
):
    _mission, (_karims, leas) = applications
    page = open_page("mobile", user=lea)
    page.goto(f"/messages/application/{leas.pk}/")
    page.get_by_label("Votre message").fill("Voici une première idée de logo.")
    page.get_by_role("button", name="Envoyer").click()
    expect(
        page.locator("#messages").get_by_text("Voici une première idée de logo.")
    ).to_be_visible()

    page.get_by_role("link", name="← Tous mes messages").click()
    page.go_back()

    # The volunteer sees the conversation named after the association, then the mission.
    assert_whole_page(page, "Les Jardins Partagés de Belleville — Logo du jardin")
    expect(page.get_by_text("Voici une première idée de logo.")).to_be_visible()


def test_back_to_the_profile_after_looking_for_a_commune_shows_the_whole_page(
    shipped_data, open_page, lea
):
    page = open_page("desktop", user=lea)
    page.goto("/profile/")
    with page.expect_response(lambda response: "/geo/communes/" in response.url):
        page.get_by_label("Votre commune").press_sequentially("Nant")

    page.get_by_role("link", name="Missions", exact=True).first.click()
    page.go_back()

    assert_whole_page(page, "Mon profil de bénévole")
