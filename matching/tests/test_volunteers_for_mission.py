"""The "bénévoles à inviter" page of a mission, for the members of its association."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import UserFactory
from engagements.models import Application
from engagements.services import application_create
from matching.selectors import forget_suggestions
from missions.models import Status, WorkMode
from missions.tests.factories import MissionFactory
from organizations.tests.factories import MembershipFactory
from taxonomy.models import Level
from volunteers.models import WorkMode as VolunteerWorkMode
from volunteers.tests.factories import VolunteerProfileFactory


def url(mission) -> str:
    return reverse("matching:volunteers_for_mission", args=[mission.pk])


def volunteer(name: str, **extra):
    defaults = {"skills": {"logo": Level.EXPERT}, "commune_id": "69123"}
    defaults.update(departement_code="69", region_code="84")
    defaults.update(extra)
    return VolunteerProfileFactory(user=UserFactory(full_name=name), **defaults)


def test_anonymous_people_are_sent_to_log_in(client, logo_mission):
    response = client.get(url(logo_mission))

    assert response.status_code == 302
    assert reverse("accounts:login") in response.url


def test_outsiders_may_not_see_who_could_help(client, lea, bruno, logo_mission, association):
    draft = MissionFactory(organization=association, status=Status.DRAFT)
    for outsider in (lea, bruno):
        client.force_login(outsider)
        assert client.get(url(logo_mission)).status_code == 403
        assert client.get(url(draft)).status_code == 404
    assert client.get(reverse("matching:volunteers_for_mission", args=[999999])).status_code == 404


def test_members_see_the_volunteers_who_fit_best_first_with_the_reason(
    client, martine, yacine, logo_mission
):
    volunteer("Inès Expert", skills={"logo": Level.EXPERT, "figma": Level.EXPERT})
    volunteer("Paul Débutant", skills={"logo": Level.LEARNING})
    volunteer("Zoé Vidéo", skills={"video-editing": Level.EXPERT})

    for member in (martine, yacine):
        client.force_login(member)
        text = client.get(url(logo_mission)).text

        assert text.index("Inès") < text.index("Paul")
        assert "Zoé" not in text  # no skill in common
        assert "Logo et identité visuelle, Figma · à distance · 15 h sur 3 semaines" in text
        assert "2 bénévoles suggéré·es" in text


def test_private_profiles_show_a_first_name_and_public_ones_link_to_the_profile(
    client, martine, logo_mission
):
    private = volunteer("Inès Discrète")
    public = volunteer("Paul Visible", is_public=True)
    client.force_login(martine)

    text = client.get(url(logo_mission)).text

    assert "Inès" in text and "Discrète" not in text
    assert reverse("volunteers:detail", args=[private.user_id]) not in text
    assert "Paul Visible" in text
    assert reverse("volunteers:detail", args=[public.user_id]) in text


def test_those_who_cannot_help_are_left_out(client, martine, association, logo_mission):
    volunteer("Inès Sans Temps", hours_per_week=0)
    Application.objects.create(mission=logo_mission, volunteer=volunteer("Paul Candidat").user)
    MembershipFactory(organization=association, user=volunteer("Yves Membre").user)
    gone = volunteer("Inactive Personne").user
    gone.is_active = False
    gone.save(update_fields=["is_active"])
    volunteer("Anne Disponible")
    client.force_login(martine)

    text = client.get(url(logo_mission)).text

    for name in ("Inès", "Paul", "Yves", "Inactive"):
        assert name not in text
    assert "Anne" in text


def test_an_on_site_mission_is_not_offered_to_remote_only_or_far_away_volunteers(
    client, martine, association
):
    on_site = MissionFactory(
        organization=association,
        work_mode=WorkMode.ONSITE,
        commune_id="69123",
        departement_code="69",
        region_code="84",
    )
    volunteer("Inès Lyonnaise")
    volunteer("Paul Distance", work_mode=VolunteerWorkMode.REMOTE)
    volunteer("Zoé Nantaise", commune_id="44109", departement_code="44", region_code="52")
    client.force_login(martine)

    text = client.get(url(on_site)).text

    assert "Inès" in text
    assert "Paul" not in text and "Zoé" not in text
    assert "sur place à Lyon" in text


def test_the_invite_button_posts_to_the_invitation_flow(client, commit, martine, logo_mission):
    ines = volunteer("Inès Expert")
    client.force_login(martine)

    text = client.get(url(logo_mission)).text
    action = reverse("engagements:invite", args=[logo_mission.pk, ines.user_id])
    assert f'action="{action}"' in text
    assert "Bonjour Inès, votre profil correspond à notre mission" in text

    response = commit(client.post, action, {"message": "Bonjour Inès, venez nous aider !"})

    assert response.status_code == 302
    invitation = Application.objects.get(mission=logo_mission, volunteer=ines.user)
    assert invitation.status == Application.Status.INVITED
    assert invitation.invited_by == martine
    # Invited: no longer a suggestion.
    assert "Inviter Inès" not in client.get(url(logo_mission)).text


def test_a_mission_that_no_longer_takes_volunteers_offers_no_one(client, martine, association):
    started = MissionFactory(organization=association, status=Status.IN_PROGRESS)
    volunteer("Inès Expert")
    client.force_login(martine)

    text = client.get(url(started)).text

    assert "ne reçoit plus de candidatures" in text
    assert "Inès" not in text


def test_suggestions_are_paginated_by_twenty(client, martine, logo_mission):
    for index in range(22):
        volunteer(f"Personne Numéro{index}")
    client.force_login(martine)

    first = client.get(url(logo_mission)).text
    second = client.get(url(logo_mission), {"page": 2}).text

    assert first.count('class="card match-volunteer"') == 20
    assert second.count('class="card match-volunteer"') == 2
    assert "22 bénévoles suggéré·es" in first


def test_the_page_costs_the_same_number_of_queries_for_3_or_40_volunteers(
    martine, logo_mission, django_assert_max_num_queries
):
    client = Client()
    client.force_login(martine)
    for index in range(3):
        volunteer(f"Personne Numéro{index}", causes=["culture"], skills={"logo": 2, "figma": 1})
    client.get(url(logo_mission))  # warm the caches
    forget_suggestions(mission_ids=[logo_mission.pk])  # measure the ranking, not the kept list
    with django_assert_max_num_queries(12) as few:
        client.get(url(logo_mission))
    for index in range(37):
        volunteer(f"Autre Personne{index}", causes=["sport", "culture"])
    forget_suggestions(mission_ids=[logo_mission.pk])

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url(logo_mission))

    assert "40 bénévoles suggéré·es" in response.text


@pytest.mark.cache
def test_the_list_is_kept_until_someone_applies_or_the_mission_changes(
    client, martine, logo_mission
):
    first = volunteer("Inès Durand", skills={"logo": 3})
    client.force_login(martine)
    assert "Inès" in client.get(url(logo_mission)).text
    volunteer("Paul Martin", skills={"logo": 3})

    # A newcomer waits for the list to be made again…
    assert "Paul" not in client.get(url(logo_mission)).text

    # …which happens as soon as someone applies (here Inès, who leaves the list).
    application_create(mission=logo_mission, volunteer=first.user, message="")
    text = client.get(url(logo_mission)).text
    assert "Paul" in text and "Inès" not in text


def test_only_volunteers_who_can_be_invited_are_suggested(client, martine, logo_mission):
    # The invitation page answers 404 for A-lasso's team: the list does not offer them.
    volunteer("Inès Expert")
    nadia = volunteer("Nadia Équipe")
    nadia.user.is_staff = True
    nadia.user.save()
    client.force_login(martine)

    text = client.get(url(logo_mission)).text

    assert "Inès" in text
    assert "Nadia" not in text
