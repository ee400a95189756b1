"""Who may open each page and press each button, for the whole cast."""

import pytest
from django.urls import reverse

from engagements.models import Application

from .factories import AgreementFactory

CAST = ["anonymous", "lea", "karim", "bruno", "yacine", "martine", "staff"]


def cases(*outcomes) -> list[tuple]:
    """(who, outcome) pairs, one outcome per member of the cast, in CAST order."""
    return list(zip(CAST, outcomes, strict=True))


@pytest.fixture
def lea_application(mission, lea, lea_profile):
    return AgreementFactory(application__mission=mission, application__volunteer=lea).application


def client_for(request, client, who: str):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    return client


def expect(response, outcome: str) -> None:
    if outcome == "login":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    elif outcome == "profile":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("volunteers:edit"))
    elif outcome == "detail":
        assert response.status_code == 302
        assert "/applications/" in response["Location"]
    else:
        assert response.status_code == outcome, response.content[:300]


# Léa has applied and been accepted; Karim is a volunteer with a profile; Bruno and staff
# have none, so the apply page first asks them to describe themselves.
@pytest.mark.parametrize(
    ("who", "outcome"),
    cases("login", "detail", 200, "profile", 200, 200, "profile"),
)
def test_who_may_open_the_apply_page(request, client, lea_application, karim, who, outcome):
    response = client_for(request, client, who).get(
        reverse("engagements:apply", args=[lea_application.mission_id])
    )
    expect(response, outcome)


@pytest.mark.parametrize(("who", "outcome"), cases("login", 403, 403, 403, 200, 200, 403))
def test_who_may_see_the_applicants(request, client, lea_application, karim, who, outcome):
    response = client_for(request, client, who).get(
        reverse("engagements:applicants", args=[lea_application.mission_id])
    )
    expect(response, outcome)


@pytest.mark.parametrize(("who", "outcome"), cases("login", 200, 200, 200, 200, 200, 200))
def test_everyone_logged_in_has_a_page_of_their_own_applications(
    request, client, lea_application, karim, who, outcome
):
    response = client_for(request, client, who).get(reverse("engagements:mine"))
    expect(response, outcome)
    if who == "karim":
        assert lea_application.mission.title not in response.text


@pytest.mark.parametrize("page", ["detail", "agreement"])
@pytest.mark.parametrize(("who", "outcome"), cases("login", 200, 403, 403, 200, 200, 200))
def test_who_may_read_an_application_and_its_agreement(
    request, client, lea_application, karim, page, who, outcome
):
    response = client_for(request, client, who).get(
        reverse(f"engagements:{page}", args=[lea_application.pk])
    )
    expect(response, outcome)


@pytest.mark.parametrize(("who", "outcome"), cases("login", 403, 403, 403, 200, 200, 403))
def test_who_may_invite(request, client, mission, karim, who, outcome):
    response = client_for(request, client, who).get(
        reverse("engagements:invite", args=[mission.pk, karim.pk])
    )
    expect(response, outcome)


@pytest.mark.parametrize(("who", "outcome"), cases("login", 403, 403, 403, 302, 302, 403))
def test_only_members_may_accept(request, client, mission, karim, who, outcome):
    application = Application.objects.create(mission=mission, volunteer=karim, message="Moi")

    response = client_for(request, client, who).post(
        reverse("engagements:answer", args=[application.pk, "accept"])
    )

    expect(response, outcome)
    application.refresh_from_db()
    assert (application.status == "accepted") == (outcome == 302)


@pytest.mark.parametrize(("who", "outcome"), cases("login", 302, 403, 403, 403, 403, 403))
def test_only_the_volunteer_may_withdraw(request, client, mission, lea, who, outcome):
    application = Application.objects.create(mission=mission, volunteer=lea, message="Moi")

    response = client_for(request, client, who).post(
        reverse("engagements:answer", args=[application.pk, "withdraw"])
    )

    expect(response, outcome)
    application.refresh_from_db()
    assert (application.status == "withdrawn") == (outcome == 302)


def test_changes_are_never_made_by_a_get(client, lea_application, martine):
    client.force_login(martine)

    response = client.get(reverse("engagements:answer", args=[lea_application.pk, "decline"]))

    assert response.status_code == 405


def test_an_unknown_action_is_not_found(client, lea_application, martine):
    client.force_login(martine)

    response = client.post(reverse("engagements:answer", args=[lea_application.pk, "delete"]))

    assert response.status_code == 404


def test_a_mission_nobody_may_see_yet_is_not_found(client, mission, karim):
    mission.status = "draft"
    mission.save()
    client.force_login(karim)

    response = client.get(reverse("engagements:apply", args=[mission.pk]))

    assert response.status_code == 404
