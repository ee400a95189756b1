"""Pages that answer htmx with a fragment of themselves say `Vary: HX-Request`, so that no
cache — the browser's on Back first of all — hands the fragment back as the page."""

import pytest
from django.urls import reverse

from engagements.tests.factories import ApplicationFactory
from messaging.services import thread_for_application
from missions.tests.factories import MissionFactory
from volunteers.tests.factories import VolunteerProfileFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


def varies_on_htmx(response) -> bool:
    return "hx-request" in response.get("Vary", "").lower()


@pytest.fixture
def mission(association, martine):
    return MissionFactory(organization=association, created_by=martine, title="Logo du jardin")


@pytest.fixture
def application(mission, lea):
    VolunteerProfileFactory(user=lea)
    return ApplicationFactory(mission=mission, volunteer=lea)


def test_the_mission_search_varies_and_answers_htmx_with_its_results_only(client, mission):
    url = reverse("missions:list") + "?q=logo"

    page = client.get(url)
    fragment = client.get(url, **HTMX)

    assert varies_on_htmx(page) and varies_on_htmx(fragment)
    assert "<header" in page.text
    assert "<header" not in fragment.text and 'id="results"' in fragment.text


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_every_page_that_answers_htmx_varies_on_it(
    client, martine, lea, mission, application, htmx
):
    headers = HTMX if htmx else {}
    thread = thread_for_application(application)
    client.force_login(martine)
    as_martine = [
        client.get(reverse("engagements:applicants", args=[mission.pk]), **headers),
        client.get(reverse("matching:volunteers_for_mission", args=[mission.pk]), **headers),
        client.get(reverse("messaging:thread", args=[thread.pk]), **headers),
        client.post(reverse("messaging:thread", args=[thread.pk]), {"body": "Merci !"}, **headers),
        client.post(
            reverse("engagements:answer", args=[application.pk, "decline"]),
            {"choice": "found"},
            **headers,
        ),
        client.get(reverse("geo:communes") + "?commune=Nant", **headers),
    ]
    client.force_login(lea)
    as_lea = [client.get(reverse("matching:missions_for_you"), **headers)]

    for response in as_martine + as_lea:
        assert response.status_code < 400, response.request["PATH_INFO"]
        assert varies_on_htmx(response), response.request["PATH_INFO"]


def test_a_search_for_the_address_already_shown_is_not_pushed_twice_into_the_history(
    client, mission
):
    url = reverse("missions:list") + "?q=logo&domain="

    shown_elsewhere = client.get(url, HTTP_HX_CURRENT_URL="http://testserver/missions/", **HTMX)
    shown_already = client.get(
        url, HTTP_HX_CURRENT_URL="http://testserver/missions/?domain=&q=logo", **HTMX
    )

    # Typing then clicking sends two requests for one search: the second pushes nothing.
    assert "HX-Push-Url" not in shown_elsewhere
    assert shown_already["HX-Push-Url"] == "false"
    # Both say the answer depends on the address shown, so that the browser never answers a
    # later search with the copy that said "push nothing".
    for response in (shown_elsewhere, shown_already):
        assert "hx-current-url" in response["Vary"].lower()
        assert 'id="results"' in response.text
