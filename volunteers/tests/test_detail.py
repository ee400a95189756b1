"""Who may see a volunteer's profile: the volunteer, staff, associations they offered help to,
and everybody when the profile is public. Anyone else gets a 404, never a 403."""

import pytest
from django.urls import reverse

from engagements.models import Application
from missions.models import Mission
from taxonomy.models import Level, Skill
from volunteers.models import VolunteerSkill

from .factories import VolunteerProfileFactory


@pytest.fixture
def profile(lea):
    return VolunteerProfileFactory(
        user=lea,
        causes=["culture", "environment"],
        skills={"figma": Level.EXPERT, "logo": Level.COMFORTABLE, "wordpress": Level.LEARNING},
        portfolio_links="https://www.behance.net/lea-martin",
        bio="J’adore les affiches.",
    )


def url(profile) -> str:
    return reverse("volunteers:detail", args=[profile.user_id])


def apply(volunteer, association, status=Application.Status.PENDING) -> Application:
    mission = Mission.objects.create(
        organization=association, title="Un logo pour le jardin", need="Un logo simple."
    )
    return Application.objects.create(mission=mission, volunteer=volunteer, status=status)


def test_anonymous_visitors_do_not_see_a_private_profile(client, profile):
    assert client.get(url(profile)).status_code == 404


def test_the_volunteer_sees_their_own_profile_with_a_link_to_edit_it(client, lea, profile):
    client.force_login(lea)
    response = client.get(url(profile))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Voici votre profil tel que les associations le voient." in html
    assert reverse("volunteers:edit") in html
    assert "Signaler ce profil" not in html


def test_an_association_member_cannot_see_a_volunteer_who_never_offered_help(
    client, martine, association, profile
):
    client.force_login(martine)
    assert client.get(url(profile)).status_code == 404


@pytest.mark.parametrize("status", [Application.Status.PENDING, Application.Status.INVITED])
def test_members_of_an_association_the_volunteer_applied_or_was_invited_to_see_the_profile(
    client, martine, yacine, association, lea, profile, status
):
    apply(lea, association, status)
    for member in (martine, yacine):
        client.force_login(member)
        response = client.get(url(profile))
        assert response.status_code == 200


def test_another_association_does_not_see_the_profile(client, bruno, association, lea, profile):
    apply(lea, association)
    client.force_login(bruno)
    assert client.get(url(profile)).status_code == 404


def test_another_volunteer_does_not_see_a_private_profile(client, profile):
    other = VolunteerProfileFactory()
    client.force_login(other.user)
    assert client.get(url(profile)).status_code == 404


def test_staff_see_every_profile(client, staff, profile):
    client.force_login(staff)
    assert client.get(url(profile)).status_code == 200


def test_a_public_profile_is_seen_by_anybody(client, bruno, profile):
    profile.is_public = True
    profile.save(update_fields=["is_public"])
    assert client.get(url(profile)).status_code == 200
    client.force_login(bruno)
    assert client.get(url(profile)).status_code == 200


def test_a_deactivated_account_shows_no_profile_to_others(client, lea, profile):
    profile.is_public = True
    profile.save(update_fields=["is_public"])
    lea.is_active = False
    lea.save(update_fields=["is_active"])
    assert client.get(url(profile)).status_code == 404


def test_someone_without_a_profile_is_a_404_even_for_staff(client, staff, martine):
    client.force_login(staff)
    response = client.get(reverse("volunteers:detail", args=[martine.pk]))
    assert response.status_code == 404


def test_the_profile_shows_what_an_association_needs_and_never_the_email(
    client, martine, association, lea, profile
):
    apply(lea, association)
    client.force_login(martine)
    html = client.get(url(profile)).content.decode()
    assert "Léa Martin" in html
    assert "Étudiant·e · Design graphique, École de design de Nantes · " in html
    assert "Graphisme" in html and "Web" in html
    assert "Figma" in html and "expert·e" in html
    assert "Logo et identité visuelle" in html and "à l’aise" in html
    assert "WordPress" in html and "j’apprends" in html
    assert "Culture" in html and "Environnement" in html
    assert "6 heures par semaine" in html
    assert "Nantes (Loire-Atlantique, 44)" in html
    assert "J’adore les affiches." in html
    assert 'href="https://www.behance.net/lea-martin"' in html
    assert lea.email not in html
    assert "@" not in html.split("<main", 1)[1].split("</main>", 1)[0]
    assert f'href="/moderation/report/?profile={lea.pk}&amp;next=/volunteers/{lea.pk}/"' in html


def test_the_profile_page_costs_a_fixed_number_of_queries(
    client, staff, profile, django_assert_max_num_queries
):
    client.force_login(staff)
    with django_assert_max_num_queries(10) as few:
        client.get(url(profile))
    VolunteerSkill.objects.bulk_create(
        VolunteerSkill(profile=profile, skill=skill, level=2)
        for skill in Skill.objects.exclude(slug__in=["figma", "logo", "wordpress"])
    )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url(profile))
