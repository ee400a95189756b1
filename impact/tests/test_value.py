"""What one engagement, an association's received work and a volunteer's work are worth:
hours × the hourly rate of the mission's main domain (docs/impact.md)."""

from decimal import Decimal

import pytest
from django.db.models import F

from completion.tests.factories import CompletionFactory, engagement
from impact import selectors
from impact.models import HourlyRate
from impact.rates import DEFAULTS
from missions.models import Status
from organizations.tests.factories import AssociationFactory
from taxonomy.models import SkillDomain

from .factories import done, mission_in

pytestmark = pytest.mark.django_db

# The shipped rates (impact/rates.py): day rate ÷ 7, rounded to the euro.
GRAPHIC, WEB, COMMUNICATION, TRAINING = Decimal(46), Decimal(64), Decimal(43), Decimal(43)
AVERAGE = Decimal("49.43")  # (46 + 64 + 43 + 43 + 50 + 57 + 43) / 7


def test_every_shipped_domain_has_a_rate_with_its_source():
    rates = {r.domain.slug: r for r in HourlyRate.objects.select_related("domain")}
    assert set(rates) == set(SkillDomain.objects.values_list("slug", flat=True)) == set(DEFAULTS)
    assert rates["graphic-design"].rate == GRAPHIC
    assert rates["web"].rate == WEB
    for rate in rates.values():
        assert "÷ 7 h" in rate.source and "€" in rate.source


def test_a_mission_from_a_template_is_valued_in_the_templates_domain(association):
    # The showcase-website template is "web", whatever skills were added to the mission.
    mission = mission_in(association, template="showcase-website", skills=["logo", "canva"])
    completion = done(mission, hours=10)
    value = selectors.engagement_value(completion.application)
    assert value.domain.slug == "web"
    assert (value.hours, value.rate, value.euros) == (10, WEB, 640)


def test_a_blank_mission_takes_the_domain_of_most_of_its_skills(association):
    mission = mission_in(association, skills=["social-media", "logo", "canva", "wordpress"])
    value = selectors.engagement_value(done(mission, hours=5).application)
    assert value.domain.slug == "graphic-design"  # two graphic skills out of four
    assert value.euros == 5 * GRAPHIC


def test_a_tie_between_domains_goes_to_the_first_domain_of_the_taxonomy(association):
    mission = mission_in(association, skills=["digital-workshops", "wordpress"])
    value = selectors.engagement_value(done(mission, hours=3).application)
    assert value.domain.slug == "web"  # web comes before training
    assert value.euros == 3 * WEB


def test_a_mission_in_no_domain_is_valued_at_the_average_rate(association):
    mission = mission_in(association, skills=[])
    value = selectors.engagement_value(done(mission, hours=2).application)
    assert value.domain is None
    assert value.rate == AVERAGE
    assert value.euros == 2 * AVERAGE


def test_an_engagement_ended_without_hours_is_worth_nothing(association):
    mission = mission_in(association, template="event-poster")
    value = selectors.engagement_value(done(mission, hours=None).application)
    assert (value.hours, value.euros) == (0, 0)


def test_work_not_confirmed_yet_is_worth_nothing(association):
    mission = mission_in(association, template="event-poster", status=Status.DELIVERED)
    delivered = CompletionFactory(
        application=engagement(mission=mission), status="delivered", proposed_hours=12
    )
    assert selectors.engagement_value(delivered.application).euros == 0
    assert selectors.value_received(association).is_empty


def test_an_association_receives_the_value_of_all_its_confirmed_engagements(association, bruno):
    poster = mission_in(association, template="event-poster")
    done(poster, hours=10)
    done(poster, hours=4)  # a team of two
    done(mission_in(association, template="newsletter"), hours=6)
    other = bruno.memberships.get().organization
    done(mission_in(other, template="showcase-website"), hours=100)

    received = selectors.value_received(association)
    assert received.hours == 20
    assert received.euros == 14 * GRAPHIC + 6 * COMMUNICATION
    assert selectors.values_received([association.pk, other.pk]) == {
        association.pk: received,
        other.pk: selectors.Value(100, 100 * WEB),
    }


def test_a_volunteer_sees_the_value_of_her_work_and_of_what_her_book_shows(association, lea):
    done(mission_in(association, template="event-poster"), hours=10, volunteer=lea)
    hidden = done(mission_in(association, template="showcase-website"), hours=5, volunteer=lea)
    hidden.shown_in_portfolio = False
    hidden.save()
    done(mission_in(association, template="showcase-website"), hours=50)  # someone else's

    given = selectors.value_given(lea)
    assert (given.hours, given.euros) == (15, 10 * GRAPHIC + 5 * WEB)
    assert [(part.domain.slug, part.hours) for part in given.by_domain] == [
        ("graphic-design", 10),
        ("web", 5),
    ]
    assert selectors.value_given(lea, only_shown=True).euros == 10 * GRAPHIC


def test_a_changed_rate_changes_the_value_at_once(association):
    done(mission_in(association, template="event-poster"), hours=10)
    HourlyRate.objects.filter(domain__slug="graphic-design").update(rate=Decimal("50.50"))
    assert selectors.value_received(association).euros == Decimal("505.00")


def test_a_domain_without_a_rate_is_valued_at_the_average(association):
    HourlyRate.objects.filter(domain__slug="training").delete()
    done(mission_in(association, template="digital-workshop"), hours=6)
    average = (46 + 64 + 43 + 43 + 50 + 57) / Decimal(6)
    assert selectors.value_received(association).euros == 6 * average.quantize(Decimal("0.01"))


def test_the_value_costs_two_queries_whatever_the_number_of_engagements(
    association, django_assert_num_queries
):
    for _ in range(5):
        done(mission_in(association, skills=["logo", "wordpress", "seo"]), hours=3)
    with django_assert_num_queries(2):  # the sums, the rates
        selectors.value_received(association)
    other = AssociationFactory()
    with django_assert_num_queries(1):  # the rates are kept in the cache now
        selectors.values_received([association.pk, other.pk])


def test_values_received_matches_the_orm(association, bruno):
    # values_received is written in SQL: the same figures as the ORM's `_grouped`, for
    # every way a mission finds its domain (template, most skills, a tie, none, no hours).
    other = bruno.memberships.get().organization
    done(mission_in(association, template="showcase-website", skills=["logo"]), hours=10)
    done(mission_in(association, skills=["social-media", "logo", "canva"]), hours=5)
    done(mission_in(association, skills=["digital-workshops", "wordpress"]), hours=3)
    done(mission_in(other, skills=[]), hours=2)
    done(mission_in(other, template="event-poster"), hours=None)
    done(mission_in(other, template="newsletter"), hours=7)
    ids = [association.pk, other.pk, AssociationFactory().pk]
    completions = selectors.completed_engagements().filter(
        application__mission__organization_id__in=ids
    )
    orm = selectors._grouped(completions, F("application__mission__organization_id"))
    assert selectors.values_received(ids) == orm
    assert orm[association.pk] == selectors.Value(18, 10 * WEB + 5 * GRAPHIC + 3 * WEB)
    assert orm[other.pk] == selectors.Value(9, 2 * AVERAGE + 7 * COMMUNICATION)


def test_the_rates_are_kept_and_a_changed_rate_is_seen_at_once(
    association, staff, django_assert_num_queries
):
    """The rates are kept in the cache (the association's home page reads them on every
    visit): read once, then forgotten as soon as staff change one."""
    from impact.services import rate_update

    done(mission_in(association, template="event-poster"), hours=10)
    assert selectors.value_received(association).euros == 10 * GRAPHIC
    with django_assert_num_queries(0):
        selectors.current_rates()

    rate = HourlyRate.objects.get(domain__slug="graphic-design")
    rate_update(rate=rate, by=staff, value=Decimal("50.50"), source=rate.source)
    assert selectors.value_received(association).euros == Decimal("505.00")

    HourlyRate.objects.filter(domain__slug="training").delete()
    # The average of the six left: (50.50 + 64 + 43 + 50 + 57 + 43) / 6
    assert selectors.current_rates().fallback == Decimal("51.25")
    domain = SkillDomain.objects.get(slug="web")
    domain.name_fr = "Sites et applications"
    domain.save()
    assert selectors.current_rates().domains[domain.pk].name_fr == "Sites et applications"
