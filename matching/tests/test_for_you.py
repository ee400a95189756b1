"""The "missions pour vous" page and the home page's three suggestions."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import UserFactory
from engagements.models import Application
from engagements.services import EXPIRE_AFTER, application_create, applications_remind_and_expire
from matching.selectors import _for_you_key as for_you_key
from matching.selectors import forget_suggestions
from missions.models import Status, WorkMode
from missions.tests.factories import MissionFactory
from organizations.tests.factories import AssociationFactory
from taxonomy.models import Level, Skill
from volunteers.models import WorkMode as VolunteerWorkMode
from volunteers.services import profile_save
from volunteers.tests.factories import VolunteerProfileFactory

URL = reverse("matching:missions_for_you")


def test_anonymous_people_are_sent_to_log_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert reverse("accounts:login") in response.url


def test_a_designer_sees_the_logo_mission_first_with_its_reasons(
    client, designer, logo_mission, sheet_mission, far_mission
):
    client.force_login(designer.user)

    text = client.get(URL).text

    assert "Un logo pour les jardins" in text
    assert "Logo et identité visuelle, Figma · à distance · 15 h sur 3 semaines" in text
    # No skill in common: not suggested. Far away and on site: never.
    assert "Un tableau des adhérents" not in text
    assert "Un logo à dessiner sur place à Nantes" not in text
    assert "1 mission vous correspond" in text


def test_closed_missions_and_those_already_applied_to_are_left_out(client, designer, association):
    MissionFactory(organization=association, title="Logo déjà demandé", skills=["logo"])
    Application.objects.create(
        mission=MissionFactory(organization=association, title="Logo candidaté", skills=["logo"]),
        volunteer=designer.user,
    )
    for status in (Status.DRAFT, Status.IN_PROGRESS, Status.COMPLETED, Status.CANCELLED):
        MissionFactory(
            organization=association, title=f"Logo {status}", skills=["logo"], status=status
        )
    client.force_login(designer.user)

    text = client.get(URL).text

    assert "Logo déjà demandé" in text
    assert "Logo candidaté" not in text
    for status in (Status.DRAFT, Status.IN_PROGRESS, Status.COMPLETED, Status.CANCELLED):
        assert f"Logo {status}" not in text


def test_a_mission_of_the_volunteers_own_association_is_not_suggested(
    client, designer, association
):
    from organizations.tests.factories import MembershipFactory

    MembershipFactory(organization=association, user=designer.user)
    MissionFactory(organization=association, title="Logo de ma propre association")
    client.force_login(designer.user)

    assert "Logo de ma propre association" not in client.get(URL).text


def test_a_full_team_is_not_suggested(client, designer, association):
    full = MissionFactory(organization=association, title="Logo à l’équipe complète")
    Application.objects.create(mission=full, volunteer=UserFactory(), status="accepted")
    client.force_login(designer.user)

    assert "Logo à l’équipe complète" not in client.get(URL).text


def test_a_remote_only_volunteer_never_sees_on_site_missions_far_away(client, lea, bruno):
    VolunteerProfileFactory(
        user=lea, work_mode=VolunteerWorkMode.REMOTE, skills={"logo": Level.EXPERT}
    )
    organization = bruno.memberships.get().organization
    MissionFactory(organization=organization, title="Logo à distance")
    MissionFactory(
        organization=organization,
        title="Logo sur place à Lyon",
        work_mode=WorkMode.ONSITE,
        commune_id="69123",
        departement_code="69",
        region_code="84",
    )
    client.force_login(lea)

    text = client.get(URL).text

    assert "Logo à distance" in text
    assert "Logo sur place à Lyon" not in text


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        (None, "Remplir mon profil"),
        ({"hours_per_week": 0, "skills": {"logo": Level.EXPERT}}, "zéro heure par semaine"),
        ({"skills": {}}, "Ajoutez vos compétences"),
    ],
)
def test_without_what_matching_needs_the_page_says_what_to_do(client, lea, profile, expected):
    if profile is not None:
        VolunteerProfileFactory(user=lea, **profile)
    MissionFactory()
    client.force_login(lea)

    text = client.get(URL).text

    assert expected in text
    assert reverse("volunteers:edit") in text


def test_suggestions_are_paginated_by_twenty(client, designer):
    organization = AssociationFactory(verified=True)
    for _ in range(23):
        MissionFactory(organization=organization, skills=["logo"])
    client.force_login(designer.user)

    first = client.get(URL).text
    second = client.get(URL, {"page": 2}).text

    assert first.count('class="card mission-card"') == 20
    assert second.count('class="card mission-card"') == 3
    assert "23 missions vous correspondent" in first
    assert "?page=2" in first


def test_htmx_gets_only_the_suggestions(client, designer, logo_mission):
    client.force_login(designer.user)

    response = client.get(URL, headers={"HX-Request": "true"})

    assert "Un logo pour les jardins" in response.text
    assert "<html" not in response.text
    assert 'id="suggestions"' in response.text


def _many_missions(count: int) -> None:
    organizations = [AssociationFactory(verified=True) for _ in range(3)]
    for index in range(count):
        MissionFactory(
            organization=organizations[index % 3],
            skills=["logo", "figma", "canva"][: 1 + index % 3],
            work_mode=[WorkMode.REMOTE, WorkMode.HYBRID][index % 2],
            commune_id="69123",
            departement_code="69",
            region_code="84",
        )


def test_the_page_costs_the_same_number_of_queries_for_3_or_40_missions(
    designer, django_assert_max_num_queries
):
    client = Client()
    client.force_login(designer.user)
    _many_missions(3)
    client.get(URL)  # warm the caches (session, content types, names)
    forget_suggestions(user_ids=[designer.user_id])  # measure the ranking, not the kept list
    with django_assert_max_num_queries(12) as few:
        client.get(URL)
    _many_missions(37)
    forget_suggestions(user_ids=[designer.user_id])

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(URL)

    assert "40 missions vous correspondent" in response.text


def test_the_home_page_shows_the_three_best_with_their_reasons(
    client, designer, logo_mission, association, django_assert_max_num_queries
):
    for index in range(4):
        MissionFactory(organization=association, title=f"Affiche n°{index}", skills=["canva"])
    MissionFactory(organization=association, title="Encore un logo", skills=["logo"])
    MissionFactory(organization=association, title="Un autre logo", skills=["logo", "canva"])
    client.force_login(designer.user)

    text = client.get(reverse("core:home")).text

    assert "Missions pour vous" in text
    assert text.count("Un logo pour les jardins") == 1
    assert "Encore un logo" in text and "Un autre logo" in text
    assert "Logo et identité visuelle, Figma · à distance" in text
    assert reverse("matching:missions_for_you") in text
    assert "Affiche n°" not in text  # no skill in common


@pytest.mark.cache
def test_the_list_is_kept_until_the_volunteer_applies_or_changes_their_skills(
    client, designer, logo_mission, association
):
    client.force_login(designer.user)
    assert "Un logo pour les jardins" in client.get(URL).text
    MissionFactory(organization=association, title="Un tableau à refaire", skills=["spreadsheets"])
    closing = MissionFactory(organization=association, title="Un logo pressé", skills=["logo"])
    forget_suggestions(user_ids=[designer.user_id])
    assert "Un logo pressé" in client.get(URL).text  # kept from now on
    closing.status = Status.CANCELLED
    closing.save(update_fields=["status"])

    # A mission that closed is left out at once, without making the list again.
    assert "Un logo pressé" not in client.get(URL).text

    # Applying takes the mission out at once.
    application_create(mission=logo_mission, volunteer=designer.user, message="")
    assert "Un logo pour les jardins" not in client.get(URL).text

    # So does a change of skills: the spreadsheet mission now fits.
    skills = dict(designer.skills.values_list("skill_id", "level"))
    skills[Skill.objects.get(slug="spreadsheets").pk] = Level.EXPERT
    profile_save(user=designer.user, data={}, skills=skills)
    assert "Un tableau à refaire" in client.get(URL).text


@pytest.mark.cache
def test_an_application_expired_by_the_hourly_job_makes_the_list_again(
    client, designer, logo_mission
):
    # The expiry is a conditional `.update()`: no model signal would have told the list.
    application = application_create(mission=logo_mission, volunteer=designer.user, message="")
    client.force_login(designer.user)
    client.get(URL)
    assert cache.get(for_you_key(designer.user_id)) is not None

    later = application.created_at + EXPIRE_AFTER + timedelta(minutes=1)
    assert applications_remind_and_expire(now=later)["expired"] == 1

    assert cache.get(for_you_key(designer.user_id)) is None
    assert "Un logo pour les jardins" not in client.get(URL).text  # still applied to
