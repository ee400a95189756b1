"""A volunteer's profile is in their data export, and goes with their account."""

import json

from django.urls import reverse

from accounts.services import user_delete
from accounts.tests.factories import PASSWORD
from taxonomy.models import Level
from volunteers.models import VolunteerProfile, VolunteerSkill

from .factories import VolunteerProfileFactory


def test_the_export_holds_the_profile_and_its_skills(client, lea):
    VolunteerProfileFactory(
        user=lea,
        causes=["culture"],
        skills={"figma": Level.EXPERT},
        portfolio_links="https://www.behance.net/lea-martin",
    )
    client.force_login(lea)
    data = json.loads(client.get(reverse("accounts:export")).content)
    profile = data["volunteers"]
    assert profile["school_name"] == "École de design de Nantes"
    assert profile["commune_insee"] == "44109"
    assert profile["causes"] == ["Culture"]
    assert profile["portfolio_links"] == ["https://www.behance.net/lea-martin"]
    assert profile["skills"] == [
        {"skill": "Figma", "domain": "Graphisme", "level": 3, "level_label": "expert·e"}
    ]


def test_the_export_of_someone_without_a_profile_says_so(client, martine):
    client.force_login(martine)
    data = json.loads(client.get(reverse("accounts:export")).content)
    assert data["volunteers"] is None


def test_deleting_the_account_deletes_the_profile(client, lea):
    VolunteerProfileFactory(user=lea, causes=["culture"], skills={"figma": Level.EXPERT})
    client.force_login(lea)
    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert response.status_code == 302
    assert not VolunteerProfile.objects.filter(user=lea).exists()
    assert not VolunteerSkill.objects.exists()


def test_deleting_an_account_leaves_other_profiles_alone(lea, db):
    VolunteerProfileFactory(user=lea)
    other = VolunteerProfileFactory(skills={"logo": Level.COMFORTABLE})
    user_delete(user=lea)
    assert list(VolunteerProfile.objects.all()) == [other]
    assert VolunteerSkill.objects.filter(profile=other).count() == 1
