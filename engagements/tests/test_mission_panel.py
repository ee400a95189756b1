"""The box on the mission page: what the person looking can do, in two queries at most."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from core.navigation import items_for
from engagements.selectors import is_volunteer

from .factories import ApplicationFactory


def render_panel(mission, user) -> str:
    request = RequestFactory().get(f"/missions/{mission.pk}/")
    request.user = user
    template = Template("{% load engagements %}{% mission_panel mission %}")
    return template.render(Context({"mission": mission, "request": request, "user": user}))


def test_an_anonymous_visitor_is_invited_to_log_in_and_come_back_to_apply(
    mission, django_assert_max_num_queries
):
    with django_assert_max_num_queries(0):
        html = render_panel(mission, AnonymousUser())

    apply_url = reverse("engagements:apply", args=[mission.pk])
    assert "Proposer mon aide" in html
    assert f"{reverse('accounts:login')}?next={apply_url}" in html


def test_a_volunteer_who_can_apply_gets_the_button(mission, lea, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        html = render_panel(mission, lea)

    assert reverse("engagements:apply", args=[mission.pk]) in html


def test_a_volunteer_who_applied_sees_where_it_stands(mission, lea, django_assert_max_num_queries):
    application = ApplicationFactory(mission=mission, volunteer=lea)

    with django_assert_max_num_queries(2):
        html = render_panel(mission, lea)

    assert "en attente de réponse" in html
    assert reverse("engagements:detail", args=[application.pk]) in html
    assert reverse("engagements:apply", args=[mission.pk]) not in html


def test_a_member_sees_how_many_applications_wait(
    mission, yacine, karim, lea, django_assert_max_num_queries
):
    ApplicationFactory(mission=mission, volunteer=lea)
    ApplicationFactory(mission=mission, volunteer=karim)

    with django_assert_max_num_queries(2):
        html = render_panel(mission, yacine)

    assert "2 candidatures attendent votre réponse." in html
    assert reverse("engagements:applicants", args=[mission.pk]) in html


@pytest.mark.parametrize("status", ["in_progress", "completed", "cancelled"])
def test_a_closed_mission_only_says_so(mission, karim, status):
    mission.status = status
    mission.save()

    for user in (AnonymousUser(), karim):
        html = render_panel(mission, user)
        assert "ne reçoit plus de candidatures" in html
        assert "Proposer mon aide" not in html


def test_my_applications_are_in_the_header_of_volunteers_only(
    lea, martine, django_assert_max_num_queries
):
    labels = [str(item.label) for item in items_for(lea)]
    assert "Mes candidatures" in labels

    assert not any(item.url_name == "engagements:mine" for item in items_for(martine))
    with django_assert_max_num_queries(0):
        assert not is_volunteer(martine)  # decided once per person, then remembered


def test_an_association_member_who_also_volunteers_sees_the_link(martine):
    from volunteers.tests.factories import VolunteerProfileFactory

    VolunteerProfileFactory(user=martine)

    assert any(item.url_name == "engagements:mine" for item in items_for(martine))


def test_the_mission_page_shows_the_panel(client, mission, lea):
    client.force_login(lea)

    response = client.get(reverse("missions:detail", args=[mission.pk]))

    assert reverse("engagements:apply", args=[mission.pk]) in response.text
