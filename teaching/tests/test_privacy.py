"""Each teacher sees her cohort's work only: what the student did while in the cohort, or
for a mission chosen for it; never her messages; her private profile while she is in it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from completion.tests.factories import engagement
from engagements.models import Application
from engagements.tests.factories import MissionFactory
from messaging.models import Message, Thread
from schools.models import CohortMembership, PinnedMission
from schools.services import cohort_leave, cohort_remove
from schools.tests.factories import CohortMembershipFactory
from volunteers.tests.factories import VolunteerProfileFactory

from .factories import class_project, completed_engagement

pytestmark = pytest.mark.django_db


def dashboard(client, cohort):
    return client.get(reverse("teaching:dashboard", args=[cohort.pk]))


def sent(application, when):
    Application.objects.filter(pk=application.pk).update(created_at=when)


def test_only_the_cohorts_teachers_see_its_dashboard(
    client, cohort, sophie, claire, other_cohort, paul, ines, staff, martine
):
    for person, status in [
        (sophie, 200),
        (claire, 404),  # a teacher of another cohort of the same school
        (paul, 404),  # another school
        (ines, 404),
        (martine, 404),
        (staff, 404),
    ]:
        client.force_login(person)
        assert dashboard(client, cohort).status_code == status, person
        assert client.get(reverse("teaching:export", args=[cohort.pk])).status_code == status, (
            person
        )


def test_a_teacher_named_on_a_cohort_but_no_longer_in_the_school_sees_nothing(
    client, cohort, sophie
):
    sophie.memberships.all().delete()
    client.force_login(sophie)

    assert dashboard(client, cohort).status_code == 404


def test_a_student_in_two_cohorts_is_seen_by_each_teacher_for_that_cohorts_work_only(
    client, cohort, other_cohort, sophie, claire, ines, association
):
    CohortMembership.objects.filter(cohort=cohort).update(
        joined_at=timezone.now() - datetime.timedelta(hours=1)
    )
    design = completed_engagement(ines, association, title="Logo pour le design")
    # Later she joins Claire's cohort too, and works on a website for it.
    CohortMembershipFactory(cohort=other_cohort, student=ines)
    website = completed_engagement(ines, association, title="Site pour le MMI")
    sent(design, timezone.now() - datetime.timedelta(minutes=30))
    CohortMembership.objects.filter(cohort=other_cohort).update(
        joined_at=timezone.now() - datetime.timedelta(minutes=10)
    )

    client.force_login(claire)
    page = dashboard(client, other_cohort).text
    assert "Site pour le MMI" in page
    assert "Logo pour le design" not in page

    client.force_login(sophie)
    page = dashboard(client, cohort).text
    assert "Logo pour le design" in page
    assert "Site pour le MMI" in page  # still in Sophie's cohort when she sent it
    assert website.mission.title in page


def test_a_class_project_of_one_cohort_is_not_the_work_of_her_other_cohort(
    client, cohort, other_cohort, sophie, claire, ines, association
):
    CohortMembershipFactory(cohort=other_cohort, student=ines)
    # In both cohorts when Sophie's class took the mission: it is Sophie's cohort's work.
    team = completed_engagement(ines, association, title="Identité visuelle des jardins")
    class_project(cohort, team, name="Identité des jardins")
    client.force_login(claire)
    assert "Identité visuelle des jardins" not in dashboard(client, other_cohort).text
    url = reverse("teaching:validate", args=[other_cohort.pk, team.pk])
    assert client.get(url).status_code == 404
    client.force_login(sophie)
    assert "Identité des jardins" in dashboard(client, cohort).text


def test_work_from_before_she_joined_is_hers_unless_the_mission_was_chosen_for_the_cohort(
    client, cohort, sophie, ines, association
):
    earlier = completed_engagement(ines, association, title="Un travail d’avant")
    pinned = completed_engagement(ines, association, title="La mission choisie")
    before = CohortMembership.objects.get(student=ines).joined_at - datetime.timedelta(days=30)
    sent(earlier, before)
    sent(pinned, before)
    PinnedMission.objects.create(cohort=cohort, mission=pinned.mission, pinned_at=timezone.now())
    client.force_login(sophie)

    page = dashboard(client, cohort).text

    assert "Un travail d’avant" not in page
    assert "La mission choisie" in page


def test_a_student_who_left_disappears_for_work_after_she_left(
    client, cohort, sophie, ines, association
):
    during = completed_engagement(ines, association, title="Pendant la promotion")
    cohort_leave(membership=CohortMembership.objects.get(student=ines), by=ines)
    after = completed_engagement(ines, association, title="Après son départ")
    # A mission chosen for the cohort does not bring back what she did after leaving.
    PinnedMission.objects.create(cohort=cohort, mission=after.mission, pinned_at=timezone.now())
    client.force_login(sophie)

    page = dashboard(client, cohort).text

    assert during.mission.title in page
    assert "a quitté la promotion" in page
    assert "Après son départ" not in page
    url = reverse("teaching:validate", args=[cohort.pk, after.pk])
    assert client.get(url).status_code == 404


def test_a_removed_student_without_work_for_the_cohort_is_gone(client, cohort, sophie, ines):
    cohort_remove(membership=CohortMembership.objects.get(student=ines), by=sophie)
    client.force_login(sophie)

    assert "Inès Moreau" not in dashboard(client, cohort).text


def test_no_private_message_reaches_the_teacher(client, cohort, sophie, ines, association, martine):
    application = engagement(
        mission=MissionFactory(organization=association, status="in_progress"), volunteer=ines
    )
    thread = Thread.objects.create(mission=application.mission, application=application)
    Message.objects.create(thread=thread, author=martine, body="Mon numéro perso : 06 12 34 56 78")
    client.force_login(sophie)

    assert "06 12 34 56 78" not in dashboard(client, cohort).text
    assert "06 12 34 56 78" not in client.get(reverse("teaching:export", args=[cohort.pk])).text
    assert client.get(reverse("messaging:thread", args=[thread.pk])).status_code in (403, 404)


def test_teachers_read_the_private_profile_of_their_current_students_only(
    client, cohort, sophie, claire, other_cohort, paul, ines
):
    VolunteerProfileFactory(user=ines, is_public=False)
    url = reverse("volunteers:detail", args=[ines.pk])

    client.force_login(sophie)
    assert client.get(url).status_code == 200
    for outsider in (claire, paul, UserFactory()):
        client.force_login(outsider)
        assert client.get(url).status_code == 404, outsider

    cohort_leave(membership=CohortMembership.objects.get(student=ines), by=ines)
    client.force_login(sophie)
    assert client.get(url).status_code == 404
