"""The public list of missions, a mission's page and "Mes missions"."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import UserFactory
from engagements.models import Application
from missions.models import Status, WorkMode
from missions.tests.factories import DraftFactory, MissionFactory
from organizations.tests.factories import AssociationFactory
from taxonomy.models import Cause


def test_the_list_shows_open_missions_only_with_what_a_volunteer_needs(client, association):
    open_one = MissionFactory(organization=association, title="Affiche du loto", skills=["canva"])
    DraftFactory(organization=association, title="Brouillon secret")
    MissionFactory(organization=association, status=Status.SUBMITTED, title="En attente")
    MissionFactory(organization=association, status=Status.COMPLETED, title="Déjà finie")

    response = client.get(reverse("missions:list"))

    assert "Affiche du loto" in response.text
    assert reverse("missions:detail", args=[open_one.pk]) in response.text
    assert association.name in response.text
    assert "Canva" in response.text
    assert "environ 15 heures" in response.text
    assert "à distance" in response.text
    for hidden in ("Brouillon secret", "En attente", "Déjà finie"):
        assert hidden not in response.text


def test_an_on_site_mission_shows_its_commune(client, association):
    MissionFactory(organization=association, work_mode=WorkMode.HYBRID, commune_id="69123")

    response = client.get(reverse("missions:list"))

    assert "Lyon (en partie à distance)" in response.text


def test_filters_narrow_the_list_and_stay_in_the_address(client, association):
    sport = Cause.objects.get(slug="sport")
    judo = AssociationFactory(name="Judo Club", departement_code="69", region_code="84")
    judo.causes.add(sport)
    MissionFactory(organization=association, title="Logo des jardins", skills=["logo"])
    MissionFactory(
        organization=judo,
        title="Vidéo du tournoi",
        skills=["video-editing"],
        work_mode=WorkMode.ONSITE,
        commune_id="69123",
        departement_code="69",
    )

    def titles(**params):
        text = client.get(reverse("missions:list"), params).text
        return {t for t in ("Logo des jardins", "Vidéo du tournoi") if t in text}

    assert titles() == {"Logo des jardins", "Vidéo du tournoi"}
    assert titles(domain="audiovisual") == {"Vidéo du tournoi"}
    assert titles(domain="graphic-design") == {"Logo des jardins"}
    assert titles(cause="sport") == {"Vidéo du tournoi"}
    assert titles(remote="on") == {"Logo des jardins"}
    assert titles(departement="69") == {"Vidéo du tournoi"}
    assert titles(departement="75", domain="audiovisual") == set()
    # A value that does not exist is ignored rather than emptying the list.
    assert titles(domain="n-importe-quoi") == {"Logo des jardins", "Vidéo du tournoi"}


def test_the_list_pages_by_twenty_and_keeps_the_filters_in_the_links(client, association):
    for _ in range(25):
        MissionFactory(organization=association)

    first = client.get(reverse("missions:list"), {"remote": "on"})
    second = client.get(reverse("missions:list"), {"remote": "on", "page": 2})

    assert first.text.count('class="card mission-card"') == 20
    assert second.text.count('class="card mission-card"') == 5
    assert "?remote=on&amp;page=2" in first.text
    assert "25 missions proposées" in first.text


def test_htmx_gets_only_the_results(client, association):
    MissionFactory(organization=association, title="Une mission")

    response = client.get(reverse("missions:list"), headers={"HX-Request": "true"})

    assert "Une mission" in response.text
    assert "<html" not in response.text
    assert 'id="results"' in response.text


@pytest.mark.parametrize("user", [None, "lea"])
def test_the_list_costs_the_same_number_of_queries_for_5_or_30_missions(
    user, request, association, django_assert_max_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # the list's own queries, not the page cache's answer
    client = Client()
    if user:
        client.force_login(request.getfixturevalue(user))
    organizations = [AssociationFactory() for _ in range(5)]
    for index in range(5):
        MissionFactory(organization=organizations[index], skills=["logo", "figma"])
    client.get(reverse("missions:list"))  # warm the caches (session, content types)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("missions:list"))
    for index in range(25):
        MissionFactory(organization=organizations[index % 5], skills=["logo", "canva", "seo"])

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("missions:list"), {"domain": "graphic-design"})

    assert response.status_code == 200


def test_the_mission_page_shows_everything_needed_to_decide(client, mission):
    response = client.get(reverse("missions:detail", args=[mission.pk]))

    text = response.text
    assert mission.title in text
    assert mission.need in text
    assert "<li>Un logo en couleur</li>" in text
    assert "Logo et identité visuelle" in text and "niveau minimum : j’apprends" in text
    assert "environ 15 heures" in text
    assert "1 bénévole" in text
    assert "L’association utilise librement les livrables" in text
    assert reverse("organizations:detail", args=[mission.organization.slug]) in text
    assert f'href="/moderation/report/?mission={mission.pk}"' in text
    assert "Participer à cette mission" in text  # the engagements panel
    assert f'<meta property="og:title" content="{mission.title}' in text
    assert '<meta property="og:url" content="http://testserver/missions/' in text


def test_a_draft_page_offers_to_resume_and_is_not_indexed(client, martine, draft):
    client.force_login(martine)

    response = client.get(reverse("missions:detail", args=[draft.pk]))

    assert "Reprendre la rédaction" in response.text
    assert reverse("missions:wizard", args=[draft.pk, 1]) in response.text
    assert 'name="robots" content="noindex"' in response.text
    assert "og:title" not in response.text
    assert "Abandonner ce brouillon" in response.text


def test_members_see_the_history_with_who_did_what(client, martine, yacine, submitted):
    from missions import lifecycle

    lifecycle.mission_transition(mission=submitted, target=Status.DRAFT, by=yacine, reason="Oubli")
    client.force_login(martine)

    response = client.get(reverse("missions:detail", args=[submitted.pk]))

    assert "Historique" in response.text
    assert "par Yacine Haddad" in response.text
    assert "Oubli" in response.text


def test_visitors_see_no_buttons_and_no_history(client, lea, mission):
    client.force_login(lea)

    response = client.get(reverse("missions:detail", args=[mission.pk]))

    assert "Faire avancer la mission" not in response.text
    assert "Historique" not in response.text


def test_staff_see_the_moderation_buttons_on_a_submitted_mission(client, staff, submitted):
    client.force_login(staff)

    response = client.get(reverse("missions:detail", args=[submitted.pk]))

    assert "Publier la mission" in response.text
    assert "Renvoyer à l’association" in response.text


def test_my_missions_groups_by_state_with_the_applications_waiting(client, martine, association):
    DraftFactory(organization=association, title="Brouillon du loto")
    MissionFactory(organization=association, status=Status.SUBMITTED, title="Mission relue")
    waiting = MissionFactory(organization=association, title="Mission ouverte")
    MissionFactory(organization=association, status=Status.IN_PROGRESS, title="Mission en cours")
    MissionFactory(organization=association, status=Status.COMPLETED, title="Mission finie")
    for status in ("pending", "pending", "declined"):
        Application.objects.create(mission=waiting, volunteer=UserFactory(), status=status)
    client.force_login(martine)

    text = client.get(reverse("missions:mine")).text

    order = [
        "Brouillons à terminer",
        "Brouillon du loto",
        "En attente de relecture",
        "Mission relue",
        "En ligne, ouvertes aux candidatures",
        "Mission ouverte",
        "2 candidatures à regarder",
        "En cours",
        "Mission en cours",
        "Terminées",
        "Mission finie",
    ]
    positions = [text.index(piece) for piece in order]
    assert positions == sorted(positions)
    assert "Reprendre" in text


def test_my_missions_costs_the_same_number_of_queries_for_5_or_30_missions(
    client, martine, association, django_assert_max_num_queries
):
    client.force_login(martine)
    states = [Status.DRAFT, Status.SUBMITTED, Status.OPEN, Status.IN_PROGRESS, Status.COMPLETED]
    for status in states:
        MissionFactory(organization=association, status=status)
    client.get(reverse("missions:mine"))
    with django_assert_max_num_queries(10) as few:
        client.get(reverse("missions:mine"))
    for index in range(25):
        mission = MissionFactory(organization=association, status=states[index % 5])
        Application.objects.create(mission=mission, volunteer=UserFactory())

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("missions:mine"))

    assert response.text.count("/missions/") > 30


def test_a_volunteer_without_association_is_invited_to_create_one(client, lea):
    client.force_login(lea)

    response = client.get(reverse("missions:mine"))

    assert "Inscrivez la vôtre" in response.text
    assert reverse("organizations:create") in response.text
