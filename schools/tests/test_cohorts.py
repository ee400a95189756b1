"""A teacher's pages: her cohorts, a new cohort with its code, its students."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.tests.factories import UserFactory
from audit.models import AuditEvent
from organizations.tests.factories import MembershipFactory
from schools.models import CODE_ALPHABET, Cohort
from schools.tests.factories import CohortFactory, CohortMembershipFactory


def cohort_data(**overrides) -> dict:
    data = {
        "name": "BUT MMI 2e année",
        "programme": "Métiers du multimédia et de l’internet",
        "level": "bac+2",
        "year": "",
        "teachers": [],
    }
    data.update(overrides)
    return data


def test_a_teacher_creates_a_cohort_and_gets_its_code_link_and_qr_code(
    client, sophie, school, settings
):
    colleague = UserFactory(full_name="Marc Lemoine")
    MembershipFactory(organization=school, user=colleague)
    client.force_login(sophie)
    url = reverse("schools:cohort_create", args=[school.slug])
    form = client.get(url)
    year = re.search(r'name="year" id="id_year">\s*<option value="(\d+)"', form.text)

    response = client.post(url, cohort_data(year=year.group(1), teachers=[sophie.pk, colleague.pk]))

    cohort = Cohort.objects.get()
    assert response.status_code == 302
    assert response.url == cohort.get_absolute_url()
    assert cohort.school == school
    assert set(cohort.teachers.all()) == {sophie, colleague}
    assert len(cohort.code) == 6 and set(cohort.code) <= set(CODE_ALPHABET)
    page = client.get(response.url).text
    assert cohort.code in page
    assert f"{settings.SITE_URL}/schools/join/{cohort.code}/" in page
    assert "<svg" in page and "Code QR du lien pour rejoindre la promotion" in page
    assert AuditEvent.objects.filter(verb="cohort.created", object_id=cohort.pk).exists()


def test_only_members_of_the_school_may_be_named_teachers(client, sophie, school, paul):
    client.force_login(sophie)
    url = reverse("schools:cohort_create", args=[school.slug])

    response = client.post(url, cohort_data(year="2026", teachers=[paul.pk]))

    assert response.status_code == 200
    assert not Cohort.objects.exists()


def test_a_teacher_edits_a_cohort(client, sophie, cohort):
    client.force_login(sophie)
    url = reverse("schools:cohort_edit", args=[cohort.pk])

    response = client.post(
        url, cohort_data(name="M1 Design", year=str(cohort.year), teachers=[sophie.pk])
    )

    assert response.status_code == 302
    cohort.refresh_from_db()
    assert (cohort.name, cohort.level) == ("M1 Design", "bac+2")


def test_a_cohort_edit_is_journaled_with_the_fields_and_teachers_changed(client, sophie, cohort):
    from audit.selectors import describe

    thomas = UserFactory(full_name="Thomas Girard")
    MembershipFactory(organization=cohort.school, user=thomas)
    client.force_login(sophie)
    url = reverse("schools:cohort_edit", args=[cohort.pk])
    same = {"programme": cohort.programme, "level": cohort.level, "year": str(cohort.year)}

    client.post(url, cohort_data(**same, name=cohort.name, teachers=[sophie.pk]))
    client.post(url, cohort_data(**same, name="M1 Design", teachers=[thomas.pk]))

    event = AuditEvent.objects.get(verb="cohort.updated")
    assert event.data == {
        "fields": ["name"],
        "teachers_added": [thomas.pk],
        "teachers_removed": [sophie.pk],
    }
    assert (event.actor, event.object_id) == (sophie, cohort.pk)
    details = [(detail.label, detail.value) for detail in describe(event).details]
    assert details[0] == ("champs modifiés", "nom de la promotion")


def test_a_new_code_replaces_the_old_one_and_students_stay(client, sophie, ines, cohort):
    old = cohort.code
    client.force_login(sophie)

    client.post(reverse("schools:cohort_new_code", args=[cohort.pk]))

    cohort.refresh_from_db()
    assert cohort.code != old
    assert client.get(reverse("schools:join", args=[old])).status_code == 404
    assert cohort.memberships.get().student == ines
    assert AuditEvent.objects.filter(verb="cohort.code_changed").count() == 1


def test_the_cohort_page_lists_the_students_with_their_arrival_date_only(
    client, sophie, ines, cohort
):
    ines.email = "ines.private@example.org"
    ines.save()
    client.force_login(sophie)

    page = client.get(cohort.get_absolute_url()).text

    assert "Inès Moreau" in page
    assert "1 élève dans la promotion" in page
    assert "ines.private@example.org" not in page


def test_my_cohorts_lists_those_of_my_schools_with_their_students(
    client, sophie, ines, cohort, paul
):
    CohortFactory(school=paul.memberships.get().organization, name="Terminale STD2A")
    client.force_login(sophie)

    page = client.get(reverse("schools:mine")).text

    assert "Master 1 Design graphique" in page
    assert "1 élève" in page
    assert "Sophie Bernard" in page
    assert "Terminale STD2A" not in page


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("page", ["cohort", "mine"])
def test_the_teachers_pages_make_as_many_queries_for_5_students_as_for_30(
    client, sophie, school, page
):
    small = CohortFactory(school=school, teachers=[sophie])
    big = CohortFactory(school=school, teachers=[sophie])
    for _ in range(5):
        CohortMembershipFactory(cohort=small)
    client.force_login(sophie)
    url = small.get_absolute_url() if page == "cohort" else reverse("schools:mine")
    few = queries_for(client, url)

    for _ in range(30):
        CohortMembershipFactory(cohort=big if page == "mine" else small)
    for _ in range(3):
        CohortFactory(school=school, teachers=[sophie])

    assert queries_for(client, url) == few


def test_a_teacher_finds_her_cohorts_from_her_dashboard(client, sophie, cohort):
    client.force_login(sophie)

    page = client.get(reverse("core:home")).text

    assert f'href="{reverse("schools:mine")}"' in page


def test_only_a_school_offers_cohorts_from_the_dashboard(client, sophie, school, association):
    MembershipFactory(organization=association, user=sophie)
    client.force_login(sophie)

    page = client.get(reverse("core:home")).text

    assert (school.is_school, association.is_school) == (True, False)
    assert page.count(f'href="{reverse("schools:mine")}"') == 1
