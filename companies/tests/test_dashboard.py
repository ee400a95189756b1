"""The company's dashboard: totals of what the associations confirmed, reviews once
published, in a handful of queries whatever the company's size; nothing private shows."""

import zoneinfo
from datetime import datetime

from django.urls import reverse
from django.utils import timezone

from companies.dashboard import dashboard_of
from completion.models import Completion
from completion.tests.factories import CompletionFactory, ReviewFactory
from messaging import services as messaging
from messaging.tests.factories import MessageFactory
from missions.tests.factories import MissionFactory
from organizations.tests.factories import AssociationFactory
from taxonomy.models import Cause

from .factories import SponsorshipFactory


def done(programme, association, *, hours: int, departement: str = "75"):
    """An employee's one-off mission, its time approved and its end confirmed."""
    mission = MissionFactory(organization=association, departement_code=departement)
    sponsorship = SponsorshipFactory(programme=programme, application__mission=mission)
    CompletionFactory(
        application=sponsorship.application,
        status=Completion.Status.COMPLETED,
        confirmed_hours=hours,
        completed_at=timezone.now(),
    )
    return sponsorship


def test_the_figures_are_those_of_the_database(client, company, programme, sandrine, association):
    association.causes.set([Cause.objects.get(slug="environment")])
    sport = AssociationFactory(name="Club de judo", departement_code="69")
    sport.causes.set([Cause.objects.get(slug="sport")])
    garden = done(programme, association, hours=12)
    done(programme, association, hours=8)
    done(programme, sport, hours=5, departement="69")
    SponsorshipFactory(programme=programme, status="requested")  # not approved: not engaged
    ReviewFactory(application=garden.application, quality=5, communication=4, deadlines=3)
    hidden = done(programme, sport, hours=0, departement="69")
    ReviewFactory(
        application=hidden.application, published_at=None, testimonial="Un avis pas encore public"
    )
    thread = messaging.thread_for_application(garden.application)
    MessageFactory(thread=thread, author=garden.employee.user, body="Mon numéro : 06 11 22 33 44")
    year = timezone.localdate().year
    client.force_login(sandrine)

    page = client.get(reverse("companies:dashboard", args=[company.slug])).text

    board = dashboard_of(company, year)
    assert (board.engaged, board.hours, board.missions_completed) == (4, 25, 4)
    assert board.associations == [("Les Jardins Partagés de Belleville", 20), ("Club de judo", 5)]
    assert dict(board.by_cause) == {"Environnement": 20, "Sport": 5}
    assert dict(board.by_territory) == {"Paris (75)": 20, "Rhône (69)": 5}
    assert (board.reviews, board.rating) == (1, 4.0)
    month = dict(board.by_month)
    assert sum(month.values()) == 25
    assert "<strong>4</strong> salarié·es engagé·es" in page
    assert "<strong>25</strong> heures confirmées" in page
    assert "4.0 sur 5" in page or "4,0 sur 5" in page
    for private in ("Un avis pas encore public", "06 11 22 33 44", "Un travail soigné"):
        assert private not in page


def test_the_dashboard_asks_the_same_few_queries_for_any_number_of_employees(
    client, company, programme, sandrine, association, django_assert_max_num_queries
):
    client.force_login(sandrine)
    url = reverse("companies:dashboard", args=[company.slug])
    done(programme, association, hours=3)
    client.get(url)  # the first request warms what every page reads once (sessions, roles)
    with django_assert_max_num_queries(16) as few:
        client.get(url)
    for _ in range(6):
        done(programme, AssociationFactory(), hours=2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert "<strong>15</strong> heures confirmées" in response.text


def test_only_its_managers_see_the_dashboard(client, company, julie, gilles, staff):
    url = reverse("companies:dashboard", args=[company.slug])
    for user in (julie, gilles, staff):
        client.force_login(user)
        assert client.get(url).status_code == 403


def test_an_end_confirmed_just_after_local_midnight_counts_in_its_local_month(
    company, programme, association
):
    """The month of an end is the one of Paris, not of UTC: 1 March at 00:30 in Paris is
    still 28 February in UTC, 31 January at 23:30 in Paris is 31 January in UTC too."""
    year = timezone.localdate().year - 1
    paris = zoneinfo.ZoneInfo("Europe/Paris")
    for hours, moment in (
        (4, datetime(year, 3, 1, 0, 30, tzinfo=paris)),
        (2, datetime(year, 1, 31, 23, 30, tzinfo=paris)),
        (1, datetime(year, 1, 1, 0, 15, tzinfo=paris)),
    ):
        done(programme, association, hours=hours)
        Completion.objects.filter(confirmed_hours=hours).update(completed_at=moment)

    board = dashboard_of(company, year)

    months = [hours for _name, hours in board.by_month]
    assert months[:3] == [3, 0, 4]
    assert board.hours == 7
