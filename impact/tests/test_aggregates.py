"""The territory dashboard's figures, against sums made by hand: hours and value of a set of
organisations over a period, split by domain, organisation, commune and month; adoption."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.db.models import Q
from django.utils import timezone

from completion.tests.factories import CompletionFactory, engagement
from impact import selectors
from impact.models import AdoptionCheck
from impact.selectors import Adoption, Value
from missions.models import Status
from organizations.models import Organization
from organizations.tests.factories import AssociationFactory

from .factories import asked, done, mission_in

pytestmark = pytest.mark.django_db

LYON = {"commune_id": "69123", "departement_code": "69", "region_code": "84"}
VENISSIEUX = {"commune_id": "69259", "departement_code": "69", "region_code": "84"}
RHONE = Q(departement_code="69")
JANUARY, FEBRUARY = date(2026, 1, 1), date(2026, 2, 28)


def local(*args) -> datetime:
    return timezone.make_aware(datetime(*args))


@pytest.fixture
def scene():
    """Two associations of the Rhône, one of Paris; work ended over three months."""
    lyon = AssociationFactory(name="Lyon Solidaire", **LYON)
    venissieux = AssociationFactory(name="Judo Vénissieux", **VENISSIEUX)
    paris = AssociationFactory(name="Paris Jardins")
    missions = {
        "poster": mission_in(lyon, template="event-poster"),  # 46 €/h
        "site": mission_in(lyon, template="showcase-website"),  # 64 €/h
        "blank": mission_in(lyon, skills=[]),  # the average, 49.43 €/h
        "newsletter": mission_in(venissieux, template="newsletter"),  # 43 €/h
        "workshop": mission_in(venissieux, template="digital-workshop"),  # 43 €/h
        "paris": mission_in(paris, template="showcase-website"),
    }
    done(missions["poster"], hours=10, at=local(2026, 1, 15, 10))
    done(missions["site"], hours=20, at=local(2026, 2, 1, 9))
    # The last evening of February, Paris time (already the 28th at 22:30 UTC).
    done(missions["blank"], hours=2, at=local(2026, 2, 28, 23, 30))
    # Ten minutes into March, Paris time (still the 28th in UTC): out of the period.
    done(missions["newsletter"], hours=5, at=local(2026, 3, 1, 0, 10))
    done(missions["workshop"], hours=None, at=local(2026, 2, 10, 12))
    done(missions["paris"], hours=100, at=local(2026, 2, 10, 12))
    # Handed over but not confirmed: not counted.
    waiting = mission_in(lyon, template="event-poster", status=Status.DELIVERED)
    CompletionFactory(application=engagement(mission=waiting), status="delivered", proposed_hours=7)
    return {"lyon": lyon, "venissieux": venissieux, "paris": paris, **missions}


def test_hours_and_value_of_a_territory_over_a_period(scene):
    total = selectors.hours_and_value(RHONE, JANUARY, FEBRUARY)
    assert total.hours == 10 + 20 + 2
    assert total.euros == 10 * 46 + 20 * 64 + 2 * Decimal("49.43") == Decimal("1838.86")
    assert [(p.domain and p.domain.slug, p.hours, p.euros) for p in total.by_domain] == [
        ("graphic-design", 10, 460),
        ("web", 20, 1280),
        (None, 2, Decimal("98.86")),
    ]


def test_a_queryset_and_a_condition_give_the_same_figures(scene):
    as_queryset = Organization.objects.filter(departement_code="69")
    assert selectors.hours_and_value(as_queryset, JANUARY, FEBRUARY) == selectors.hours_and_value(
        RHONE, JANUARY, FEBRUARY
    )


def test_without_a_period_everything_ever_ended_counts(scene):
    total = selectors.hours_and_value(RHONE)
    assert (total.hours, total.euros) == (37, Decimal("1838.86") + 5 * 43)
    assert selectors.hours_and_value(RHONE, start=date(2026, 3, 1)).hours == 5


def test_hours_and_value_by_organisation_commune_and_month(scene):
    lyon, venissieux = scene["lyon"], scene["venissieux"]
    lyon_value = Value(32, Decimal("1838.86"))
    assert selectors.hours_and_value_by(RHONE, JANUARY, FEBRUARY, by="organization") == {
        lyon.pk: lyon_value,
        venissieux.pk: Value(0, Decimal(0)),  # a workshop ended without hours
    }
    assert selectors.hours_and_value_by(RHONE, JANUARY, FEBRUARY, by="commune") == {
        "69123": lyon_value,
        "69259": Value(0, Decimal(0)),
    }
    assert selectors.hours_and_value_by(RHONE, by="month") == {
        date(2026, 1, 1): Value(10, Decimal(460)),
        date(2026, 2, 1): Value(22, Decimal("1378.86")),
        date(2026, 3, 1): Value(5, Decimal(215)),
    }
    assert selectors.hours_and_value_by(Q(pk__in=[]), by="departement") == {}
    with pytest.raises(ValueError):
        selectors.hours_and_value_by(RHONE, by="cause")


def test_the_figures_cost_a_constant_number_of_queries(scene, django_assert_num_queries):
    for _ in range(3):
        done(mission_in(scene["lyon"], skills=["logo", "seo"]), hours=1, at=local(2026, 2, 3))
    with django_assert_num_queries(2):  # the sums, the rates
        selectors.hours_and_value(RHONE, JANUARY, FEBRUARY)
    with django_assert_num_queries(1):  # the rates are kept in the cache now
        selectors.hours_and_value_by(RHONE, JANUARY, FEBRUARY, by="commune")
    with django_assert_num_queries(1):
        selectors.adoption_rate(RHONE, start=JANUARY, end=FEBRUARY)
    with django_assert_num_queries(1):
        selectors.adoption_by(RHONE, by="month")


@pytest.fixture
def answers(scene):
    """The 90-day question about each mission, as the associations answered it."""
    yes, partly, no = (AdoptionCheck.Answer.YES, AdoptionCheck.Answer.PARTLY, "no")
    asked(scene["poster"], day=90, at=local(2026, 2, 10, 8), answer=yes)
    asked(scene["site"], day=90, at=local(2026, 2, 20, 8), answer=partly)
    asked(scene["blank"], day=90, at=local(2026, 1, 20, 8), answer=no)
    asked(scene["newsletter"], day=90, at=local(2026, 2, 15, 8))  # waiting
    expired = asked(scene["workshop"], day=90, at=local(2026, 2, 1, 8))
    AdoptionCheck.objects.filter(pk=expired.pk).update(status="expired")
    asked(scene["paris"], day=90, at=local(2026, 2, 10, 8), answer=yes)  # not the Rhône
    asked(scene["poster"], day=30, at=local(2026, 1, 14, 8), answer=no)  # another day
    # Not asked yet: not counted.
    AdoptionCheck.objects.create(
        mission=mission_in(scene["lyon"], template="newsletter"),
        day=90,
        completed_at=local(2025, 11, 1),
        due_at=local(2026, 2, 25),
    )


def test_adoption_at_90_days_of_a_territory(answers):
    adoption = selectors.adoption_rate(RHONE, day=90, start=JANUARY, end=FEBRUARY)
    assert adoption == Adoption(asked=5, answered=3, yes=1, partly=1, no=1)
    assert adoption.rate == pytest.approx(2 / 3)
    assert adoption.full_rate == pytest.approx(1 / 3)
    assert adoption.response_rate == pytest.approx(3 / 5)
    assert selectors.adoption_rate(RHONE, day=30) == Adoption(asked=1, answered=1, no=1)
    assert selectors.adoption_rate(RHONE, start=date(2026, 2, 16)) == Adoption(
        asked=1, answered=1, partly=1
    )
    assert selectors.adoption_rate(Q(pk__in=[])).rate is None


def test_adoption_by_organisation_and_month(answers, scene):
    assert selectors.adoption_by(RHONE, by="organization") == {
        scene["lyon"].pk: Adoption(asked=3, answered=3, yes=1, partly=1, no=1),
        scene["venissieux"].pk: Adoption(asked=2),
    }
    assert selectors.adoption_by(RHONE, by="month") == {
        date(2026, 1, 1): Adoption(asked=1, answered=1, no=1),
        date(2026, 2, 1): Adoption(asked=4, answered=2, yes=1, partly=1),
    }


def test_the_report_gives_the_same_figures_from_one_aggregate(scene, django_assert_num_queries):
    with django_assert_num_queries(2):
        report = selectors.value_report(RHONE, JANUARY, FEBRUARY)
    assert report.total == selectors.hours_and_value(RHONE, JANUARY, FEBRUARY)
    assert report.by_commune == selectors.hours_and_value_by(RHONE, JANUARY, FEBRUARY, by="commune")
    assert report.by_month == {
        date(2026, 1, 1): Value(10, Decimal(460)),
        date(2026, 2, 1): Value(22, Decimal("1378.86")),
    }
