"""Who may see and do what on every missions page, for the whole cast."""

import pytest
from django.urls import reverse

from missions.models import Mission, Status

CAST = ["anonymous", "lea", "bruno", "yacine", "martine", "staff"]


@pytest.fixture
def as_(client, request):
    def log_in(who: str):
        if who != "anonymous":
            client.force_login(request.getfixturevalue(who))
        return client

    return log_in


def login_redirect(response) -> bool:
    return response.status_code == 302 and response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("who", CAST)
def test_everyone_sees_the_list_and_an_open_mission(as_, who, mission):
    client = as_(who)

    assert client.get(reverse("missions:list")).status_code == 200
    assert client.get(reverse("missions:detail", args=[mission.pk])).status_code == 200


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("anonymous", 404),
        ("lea", 404),
        ("bruno", 404),
        ("yacine", 200),
        ("martine", 200),
        ("staff", 200),
    ],
)
def test_a_draft_is_seen_only_by_its_association_and_staff(as_, who, expected, draft):
    response = as_(who).get(reverse("missions:detail", args=[draft.pk]))

    assert response.status_code == expected


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("anonymous", "login"),
        ("lea", "create_association"),
        ("bruno", 200),
        ("yacine", 200),
        ("martine", 200),
        ("staff", "create_association"),
    ],
)
def test_only_association_members_reach_the_template_page(as_, who, expected, association, bruno):
    response = as_(who).get(reverse("missions:new"))

    if expected == "login":
        assert login_redirect(response)
    elif expected == "create_association":
        assert response.url == reverse("organizations:create")
    else:
        assert response.status_code == expected


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("anonymous", "login"),
        ("lea", 404),
        ("bruno", 404),
        ("yacine", 200),
        ("martine", 200),
        ("staff", 403),
    ],
)
@pytest.mark.parametrize("step", [1, 2, 3])
def test_only_members_open_the_wizard_of_their_draft(as_, who, expected, step, draft):
    url = reverse("missions:wizard", args=[draft.pk, step])
    client = as_(who)

    response = client.get(url)
    posted = client.post(url, {"title": "Piraté", "need": "Piraté", "deliverables": "Piraté"})
    # Members edit (screen 1 holds the title); nobody else changes anything.

    if expected == "login":
        assert login_redirect(response) and login_redirect(posted)
    else:
        assert response.status_code == expected
        if expected != 200:
            assert posted.status_code == expected
    draft.refresh_from_db()
    assert (draft.title == "Piraté") is (expected == 200 and step == 1)


@pytest.mark.parametrize(("who", "expected"), [("lea", 403), ("bruno", 403), ("staff", 403)])
def test_outsiders_get_a_403_on_the_wizard_of_a_public_mission(as_, who, expected, mission):
    response = as_(who).get(reverse("missions:wizard", args=[mission.pk, 1]))

    assert response.status_code == expected


@pytest.mark.parametrize(
    ("who", "expected", "status"),
    [
        ("anonymous", "login", Status.OPEN),
        ("lea", 403, Status.OPEN),
        ("bruno", 403, Status.OPEN),
        ("yacine", 302, Status.CANCELLED),
        ("martine", 302, Status.CANCELLED),
        ("staff", 302, Status.CANCELLED),
    ],
)
def test_only_members_and_staff_cancel_a_mission(as_, who, expected, status, mission):
    response = as_(who).post(
        reverse("missions:transition", args=[mission.pk]), {"target": "cancelled"}
    )

    if expected == "login":
        assert login_redirect(response)
    else:
        assert response.status_code == expected
    mission.refresh_from_db()
    assert mission.status == status


@pytest.mark.parametrize(
    ("who", "expected"),
    [("anonymous", "login"), ("lea", 404), ("bruno", 404), ("yacine", 302), ("staff", 403)],
)
def test_a_draft_is_abandoned_only_by_its_association(as_, who, expected, draft):
    url = reverse("missions:transition", args=[draft.pk])
    response = as_(who).post(url, {"target": "cancelled"})

    if expected == "login":
        assert login_redirect(response)
    else:
        assert response.status_code == expected


def test_the_transition_page_only_answers_posts(client, martine, mission):
    client.force_login(martine)

    assert client.get(reverse("missions:transition", args=[mission.pk])).status_code == 405


@pytest.mark.parametrize("who", CAST)
def test_my_missions_shows_only_the_missions_of_my_associations(as_, who, mission, draft, bruno):
    bruno_mission = Mission.objects.create(
        organization=bruno.memberships.get().organization, title="Mission de Bruno", need="…"
    )
    response = as_(who).get(reverse("missions:mine"))

    if who == "anonymous":
        assert login_redirect(response)
        return
    assert response.status_code == 200
    sees_martines = who in ("yacine", "martine")
    assert (mission.title in response.text) is sees_martines
    assert (draft.title in response.text) is sees_martines
    assert (bruno_mission.title in response.text) is (who == "bruno")


@pytest.mark.parametrize(
    ("who", "shown"),
    [
        ("anonymous", False),
        ("lea", False),
        ("bruno", True),
        ("yacine", True),
        ("martine", True),
        ("staff", False),
    ],
)
def test_the_header_links_to_my_missions_only_for_association_members(
    as_, who, shown, association, bruno
):
    response = as_(who).get(reverse("missions:list"))

    assert 'href="/missions/"' in response.text
    assert ('href="/missions/mine/"' in response.text) is shown
