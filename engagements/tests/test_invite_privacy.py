"""Inviting names only volunteers an association could find, and opens no private profile.

The invitation page answers 404 alike for an unknown number and for anyone who is not a
findable volunteer, so that trying numbers tells a member nothing about who has an account.
An invitation alone does not show the volunteer's private profile to the association: she
has not chosen to show it until she says yes (applying herself does show it).
"""

import re

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from engagements import services
from engagements.models import Application
from volunteers.tests.factories import VolunteerProfileFactory

Status = Application.Status


def invite_url(mission, user_id) -> str:
    return reverse("engagements:invite", args=[mission.pk, user_id])


def profile_url(user) -> str:
    return reverse("volunteers:detail", args=[user.pk])


@pytest.fixture
def private_karim(db):
    """A volunteer whose profile is not public, with a surname and employer to keep."""
    user = UserFactory(full_name="Karim Benali", email="karim@example.org", intent="volunteer")
    VolunteerProfileFactory(
        user=user,
        is_public=False,
        kind="employee",
        company_name="Boulangerie Secrète",
        bio="Comptable le jour, graphiste la nuit.",
    )
    return user


def test_a_findable_volunteer_can_be_invited(client, mission, private_karim, yacine):
    client.force_login(yacine)

    page = client.get(invite_url(mission, private_karim.pk))

    assert page.status_code == 200
    assert "Karim" in page.text
    # The suggestion list shows a private profile by its first name only: so does this page.
    assert "Benali" not in page.text


def make_staff(db):
    return UserFactory(full_name="Nadia Morel", email="nadia@example.org", is_staff=True)


def make_staff_with_a_profile(db):
    user = UserFactory(full_name="Odile Staff", email="odile@example.org", is_staff=True)
    VolunteerProfileFactory(user=user)
    return user


def make_member_of_another_association(db):
    from organizations.tests.factories import AssociationFactory, MembershipFactory

    user = UserFactory(full_name="Bruno Petit", email="bruno@example.org", intent="association")
    MembershipFactory(organization=AssociationFactory(), user=user, role="admin")
    return user


def make_closed_account(db):
    user = UserFactory(full_name="Paul Ferme", email="paul@example.org", is_active=False)
    VolunteerProfileFactory(user=user)
    return user


def make_hidden_profile(db):
    # No hour to give: the suggestion lists never show such a profile.
    user = UserFactory(full_name="Zoé Cachée", email="zoe@example.org")
    VolunteerProfileFactory(user=user, hours_per_week=0)
    return user


def make_account_without_profile(db):
    return UserFactory(full_name="Sans Profil", email="sans@example.org", intent="volunteer")


NOT_FINDABLE = {
    "staff": make_staff,
    "staff with a volunteer profile": make_staff_with_a_profile,
    "member of another association": make_member_of_another_association,
    "closed account": make_closed_account,
    "hidden profile": make_hidden_profile,
    "account without a profile": make_account_without_profile,
}


@pytest.mark.parametrize("who", list(NOT_FINDABLE))
def test_only_findable_volunteers_can_be_named_or_invited(client, db, mission, yacine, who):
    person = NOT_FINDABLE[who](db)
    client.force_login(yacine)

    page = client.get(invite_url(mission, person.pk))
    sent = client.post(invite_url(mission, person.pk), {"message": "Venez nous aider !"})

    assert page.status_code == 404
    assert person.full_name not in page.text
    assert person.first_name not in page.text
    assert sent.status_code == 404
    assert not Application.objects.filter(volunteer=person).exists()


def test_an_unknown_number_and_a_hidden_person_get_the_same_answer(client, mission, yacine, staff):
    client.force_login(yacine)

    unknown = client.get(invite_url(mission, 999_999))
    hidden = client.get(invite_url(mission, staff.pk))

    assert unknown.status_code == hidden.status_code == 404
    assert main_of(unknown.text) == main_of(hidden.text)


def main_of(page: str) -> str:
    # The rest differs by the tokens of each response and the address itself.
    return re.search(r"<main.*</main>", page, re.S).group(0)


def test_an_invitation_alone_does_not_open_a_private_profile(
    client, mission, private_karim, yacine
):
    services.invitation_create(
        mission=mission, volunteer=private_karim, by=yacine, message="Venez !"
    )
    client.force_login(yacine)

    response = client.get(profile_url(private_karim))

    assert response.status_code == 404
    assert "Boulangerie Secrète" not in response.text
    assert "graphiste la nuit" not in response.text


def test_a_refused_invitation_does_not_open_it_either(client, mission, private_karim, yacine):
    invitation = services.invitation_create(
        mission=mission, volunteer=private_karim, by=yacine, message="Venez !"
    )
    services.invitation_answer(application=invitation, by=private_karim, accept=False)
    client.force_login(yacine)

    assert client.get(profile_url(private_karim)).status_code == 404


def test_saying_yes_to_an_invitation_shows_the_profile(client, mission, private_karim, yacine):
    invitation = services.invitation_create(
        mission=mission, volunteer=private_karim, by=yacine, message="Venez !"
    )
    services.invitation_answer(application=invitation, by=private_karim, accept=True)
    client.force_login(yacine)

    response = client.get(profile_url(private_karim))

    assert response.status_code == 200
    assert "Boulangerie Secrète" in response.text


def test_applying_shows_the_profile_to_the_association(client, mission, private_karim, yacine):
    services.application_create(mission=mission, volunteer=private_karim, message="Bonjour")
    client.force_login(yacine)

    response = client.get(profile_url(private_karim))

    assert response.status_code == 200
    assert "Comptable le jour" in response.text


def test_the_association_s_pages_name_an_invited_private_profile_by_first_name(
    client, mission, private_karim, yacine
):
    invitation = services.invitation_create(
        mission=mission, volunteer=private_karim, by=yacine, message="Venez !"
    )
    client.force_login(yacine)
    applicants = reverse("engagements:applicants", args=[mission.pk])

    before = client.get(applicants).text
    detail = client.get(reverse("engagements:detail", args=[invitation.pk])).text
    assert "Benali" not in detail
    services.invitation_answer(application=invitation, by=private_karim, accept=True)
    after = client.get(applicants).text

    assert "Karim" in before
    assert "Benali" not in before
    assert profile_url(private_karim) not in before
    assert "Karim Benali" in after
    assert profile_url(private_karim) in after
