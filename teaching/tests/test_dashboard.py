"""A cohort's dashboard: each student's missions for the cohort, hours, reviews, deliveries,
what is late, charts with their tables; the same queries for 5 students as for 40."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from completion.models import Completion
from completion.tests.factories import (
    CompletionFactory,
    DeliverableLinkFactory,
    ReviewFactory,
    engagement,
)
from engagements.tests.factories import ApplicationFactory, MissionFactory
from schools.tests.factories import CohortFactory, CohortMembershipFactory

from .factories import ValidationFactory, class_project, completed_engagement

pytestmark = pytest.mark.django_db


def dashboard(client, cohort):
    return client.get(reverse("teaching:dashboard", args=[cohort.pk]))


def test_the_teacher_sees_each_student_with_her_missions_hours_and_review(
    client, sophie, cohort, ines, ines_logo, martine
):
    DeliverableLinkFactory(completion=ines_logo.completion)
    ReviewFactory(
        application=ines_logo,
        author=martine,
        quality=5,
        communication=4,
        deadlines=4,
        published_at=timezone.now(),
    )
    other = UserFactory(full_name="Hugo Lambert")
    CohortMembershipFactory(cohort=cohort, student=other)
    client.force_login(sophie)

    page = dashboard(client, cohort).text

    assert "Inès Moreau" in page and "Hugo Lambert" in page
    assert "Un logo pour la fête des jardins" in page
    assert "Terminée" in page
    assert "4.3 sur 5" in page or "4,3 sur 5" in page
    assert "1 livrable" in page
    assert "14 heures confirmées" in page
    assert "Pas encore de mission pour la promotion." in page  # Hugo


def test_a_review_not_yet_published_is_not_shown(client, sophie, cohort, ines_logo, martine):
    ReviewFactory(application=ines_logo, author=martine, quality=1, communication=1, deadlines=1)
    client.force_login(sophie)

    assert "1 sur 5" not in dashboard(client, cohort).text


def test_it_says_what_is_late(client, sophie, cohort, ines, association):
    past = timezone.localdate() - datetime.timedelta(days=3)
    late = engagement(
        mission=MissionFactory(
            organization=association, title="Un site en retard", status="in_progress", end_date=past
        ),
        volunteer=ines,
    )
    waiting = engagement(
        mission=MissionFactory(
            organization=association, title="Une affiche remise", status="delivered", end_date=past
        ),
        volunteer=ines,
    )
    CompletionFactory(application=waiting, status=Completion.Status.DELIVERED)
    engagement(
        mission=MissionFactory(organization=association, status="in_progress"), volunteer=ines
    )
    client.force_login(sophie)

    page = dashboard(client, cohort).text

    assert "2 en retard" in page
    assert "date de fin passée : travail pas encore remis" in page
    assert "le travail remis attend la réponse de l’association" in page
    assert late.mission.title in page


def test_charts_are_svg_pictures_with_their_numbers_in_a_table(client, sophie, cohort, ines_logo):
    client.force_login(sophie)

    page = dashboard(client, cohort).text

    assert page.count('role="img"') == 2
    assert '<title id="tch-states-title">Missions par état</title>' in page
    assert '<caption class="m-visually-hidden">Heures confirmées par élève</caption>' in page
    assert '<th scope="row">Inès Moreau</th><td>14</td>' in page
    assert '<th scope="row">Terminée</th><td>1</td>' in page
    assert "<script" not in page.split("<main", 1)[-1].split("</main>")[0]


def test_each_engagement_names_its_class_project_and_the_students_role(
    client, sophie, cohort, ines, ines_logo, association, martine
):
    class_project(cohort, ines_logo, name="Identité des jardins", role="direction artistique")
    # A team the association declined took her nowhere: her own application names none.
    alone = completed_engagement(ines, association, title="Une affiche pour la brocante")
    declined = class_project(cohort, alone, name="Affiches")
    declined.status = declined.Status.DECLINED
    declined.save(update_fields=["status"])
    client.force_login(sophie)

    page = dashboard(client, cohort).text

    assert "Identité des jardins · direction artistique" in page
    assert page.count("Projet de classe</dt>") == 1


def _cohort_of(size: int, sophie, school, association):
    cohort = CohortFactory(school=school, teachers=[sophie])
    for index in range(size):
        student = UserFactory()
        CohortMembershipFactory(cohort=cohort, student=student)
        application = completed_engagement(student, association, title=f"Mission {index}")
        DeliverableLinkFactory(completion=application.completion)
        ReviewFactory(application=application, published_at=timezone.now())
        ValidationFactory(application=application, cohort=cohort, teacher=sophie)
        class_project(cohort, application, name=f"Projet {index}")
        ApplicationFactory(volunteer=student, mission__organization=association)
    return cohort


def test_the_dashboard_costs_the_same_queries_for_5_students_as_for_40(
    client, sophie, school, association, django_assert_num_queries, django_assert_max_num_queries
):
    small = _cohort_of(5, sophie, school, association)
    large = _cohort_of(40, sophie, school, association)
    client.force_login(sophie)
    dashboard(client, small)  # the session and the caches, warmed once

    with CaptureQueriesContext(connection) as five:
        assert dashboard(client, small).status_code == 200
    with django_assert_num_queries(len(five.captured_queries)):
        response = dashboard(client, large)
    assert response.text.count('tch-engagement"') == 80
    assert response.text.count("Projet de classe</dt>") == 40
    with django_assert_max_num_queries(len(five.captured_queries)):
        client.get(reverse("teaching:export", args=[large.pk]))


def test_the_cohort_list_leads_to_the_dashboards_of_the_cohorts_she_teaches(
    client, sophie, cohort, other_cohort
):
    client.force_login(sophie)

    page = client.get(reverse("teaching:cohorts")).text

    assert reverse("teaching:dashboard", args=[cohort.pk]) in page
    assert reverse("teaching:dashboard", args=[other_cohort.pk]) not in page


def test_the_header_offers_my_cohorts_to_teachers_only(client, sophie, cohort, ines, claire):
    client.force_login(sophie)
    assert reverse("teaching:cohorts") in client.get(reverse("core:home")).text
    client.force_login(ines)
    assert reverse("teaching:cohorts") not in client.get(reverse("core:home")).text
    # Claire is a member of the school but teaches no cohort yet.
    client.force_login(claire)
    assert reverse("teaching:cohorts") not in client.get(reverse("core:home")).text


def test_the_name_leads_to_the_profile_only_when_there_is_one(client, sophie, cohort, ines):
    from volunteers.tests.factories import VolunteerProfileFactory

    profile_url = reverse("volunteers:detail", args=[ines.pk])
    client.force_login(sophie)
    assert profile_url not in dashboard(client, cohort).text

    VolunteerProfileFactory(user=ines, is_public=False)

    assert profile_url in dashboard(client, cohort).text
    assert client.get(profile_url).status_code == 200


def test_what_students_and_associations_typed_is_shown_as_text(
    client, sophie, cohort, ines, association
):
    # The students' rows are written in Python (teaching.rendering), not by the template:
    # each value is escaped all the same.
    ines.full_name = "Inès <b>Moreau</b>"
    ines.save(update_fields=["full_name"])
    application = completed_engagement(
        ines, association, title='Un logo <script>alert("x")</script>'
    )
    class_project(cohort, application, name="Jardins & <i>cie</i>", role="<u>lead</u>")
    ValidationFactory(application=application, cohort=cohort, teacher=sophie, comment="<img src=x>")
    client.force_login(sophie)

    page = dashboard(client, cohort).text

    assert "<script>" not in page and "<b>Moreau" not in page and "<img src=x>" not in page
    assert "Un logo &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "Inès &lt;b&gt;Moreau&lt;/b&gt;" in page
    assert "Jardins &amp; &lt;i&gt;cie&lt;/i&gt; · &lt;u&gt;lead&lt;/u&gt;" in page
    assert "« &lt;img src=x&gt; »" in page


@pytest.mark.cache
def test_the_kept_html_of_the_board_never_hides_a_change(client, sophie, cohort, ines_logo):
    """The board's HTML is kept under a digest of what it was written from: a change made
    behind every service's back (a plain UPDATE) still shows on the next view."""
    client.force_login(sophie)
    assert "14 heures confirmées" in dashboard(client, cohort).text
    assert "14 heures confirmées" in dashboard(client, cohort).text  # read from the cache

    Completion.objects.filter(pk=ines_logo.completion.pk).update(confirmed_hours=9)
    page = dashboard(client, cohort).text
    assert "9 heures confirmées" in page and "14 heures confirmées" not in page

    other = UserFactory(full_name="Hugo Lambert")
    CohortMembershipFactory(cohort=cohort, student=other)
    assert "Hugo Lambert" in dashboard(client, cohort).text
