"""Only a school's members manage its cohorts; a student sees only her own place."""

import pytest
from django.urls import reverse

from schools.models import CohortMembership


def teacher_pages(cohort, membership) -> list[str]:
    return [
        reverse("schools:cohort", args=[cohort.pk]),
        reverse("schools:cohort_edit", args=[cohort.pk]),
        reverse("schools:student_remove", args=[cohort.pk, membership.pk]),
        reverse("schools:cohort_create", args=[cohort.school.slug]),
    ]


def test_a_teacher_of_another_school_sees_nothing_of_it(client, paul, ines, cohort):
    membership = CohortMembership.objects.get(student=ines)
    client.force_login(paul)

    for url in teacher_pages(cohort, membership):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("schools:cohort_new_code", args=[cohort.pk])).status_code == 404
    assert client.post(teacher_pages(cohort, membership)[2]).status_code == 404
    membership.refresh_from_db()
    assert membership.status == "joined"
    assert "Master 1 Design graphique" not in client.get(reverse("schools:mine")).text


def test_a_student_cannot_manage_her_cohort(client, ines, cohort):
    membership = CohortMembership.objects.get(student=ines)
    old = cohort.code
    client.force_login(ines)

    for url in teacher_pages(cohort, membership):
        assert client.get(url).status_code == 404, url
    client.post(reverse("schools:cohort_new_code", args=[cohort.pk]))
    client.post(reverse("schools:student_readmit", args=[cohort.pk, membership.pk]))
    cohort.refresh_from_db()
    assert cohort.code == old


def test_a_student_sees_only_her_own_place(client, lea, ines, cohort):
    client.force_login(lea)

    # Léa is not in the cohort: leaving it is no page for her.
    assert client.get(reverse("schools:leave", args=[cohort.pk])).status_code == 404
    client.post(reverse("schools:leave", args=[cohort.pk]))
    assert CohortMembership.objects.get(student=ines).status == "joined"


@pytest.mark.parametrize("name", ["schools:mine", "schools:join_by_code"])
def test_pages_ask_anonymous_visitors_to_log_in_or_answer_them(client, db, name):
    response = client.get(reverse(name))

    if name == "schools:mine":
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))
    else:
        assert response.status_code == 200


def test_a_school_refused_by_the_moderators_invites_nobody(client, lea, cohort):
    cohort.school.verification = "rejected"
    cohort.school.save()
    client.force_login(lea)

    assert client.get(reverse("schools:join", args=[cohort.code])).status_code == 404


def test_a_public_profile_shows_each_cohort_to_the_student_staff_and_its_own_teachers(
    client, ines, cohort, lea, staff, sophie, paul
):
    from organizations.models import Organization
    from volunteers.tests.factories import VolunteerProfileFactory

    from .factories import CohortFactory, CohortMembershipFactory

    VolunteerProfileFactory(user=ines, is_public=True, school_name="")
    other_school = Organization.objects.get(name="Lycée Jules-Verne")
    CohortMembershipFactory(
        cohort=CohortFactory(school=other_school, name="Terminale STD2A"), student=ines
    )
    mine = "École de design de Nantes · Master 1 Design graphique"
    pauls = "Lycée Jules-Verne · Terminale STD2A"
    url = reverse("volunteers:detail", args=[ines.pk])

    def seen_by(user) -> str:
        client.logout()
        if user is not None:
            client.force_login(user)
        return client.get(url).text

    for outsider in (None, lea):
        page = seen_by(outsider)
        assert "Inès Moreau" in page
        assert mine not in page and pauls not in page
    for everything in (ines, staff):
        page = seen_by(everything)
        assert mine in page and pauls in page
    by_sophie, by_paul = seen_by(sophie), seen_by(paul)
    assert mine in by_sophie and pauls not in by_sophie
    assert pauls in by_paul and mine not in by_paul
