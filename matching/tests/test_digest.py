"""Which new missions the weekly digest offers each volunteer (matching's section of
`notifications.weekly.prepare_weekly_digests`)."""

import datetime

import pytest
from django.utils import timezone

from matching import digest
from missions.models import WorkMode
from missions.tests.factories import MissionFactory
from notifications import weekly
from notifications.models import WeeklyDigest
from taxonomy.models import Level
from volunteers.models import WorkMode as VolunteerWorkMode
from volunteers.tests.factories import VolunteerProfileFactory

pytestmark = pytest.mark.django_db


def offered(volunteer) -> list[int]:
    """The missions of the volunteer's digest this week, in the e-mail's order."""
    record = WeeklyDigest.objects.filter(user=volunteer.user).first()
    return [item["mission"] for item in record.items] if record else []


def test_a_remote_only_volunteer_gets_remote_missions_and_hybrid_ones_of_their_departement(
    lea, bruno
):
    volunteer = VolunteerProfileFactory(
        user=lea,
        work_mode=VolunteerWorkMode.REMOTE,
        commune_id="69123",
        departement_code="69",
        region_code="84",
        skills={"logo": Level.EXPERT},
    )
    organization = bruno.memberships.get().organization
    place = {"commune_id": "69123", "departement_code": "69", "region_code": "84"}
    remote = MissionFactory(organization=organization, skills=["logo"])
    hybrid_here = MissionFactory(
        organization=organization, skills=["logo"], work_mode=WorkMode.HYBRID, **place
    )
    on_site_here = MissionFactory(
        organization=organization, skills=["logo"], work_mode=WorkMode.ONSITE, **place
    )
    hybrid_far = MissionFactory(
        organization=organization,
        skills=["logo"],
        work_mode=WorkMode.HYBRID,
        commune_id="44109",
        departement_code="44",
        region_code="52",
    )

    weekly.prepare_weekly_digests()

    assert set(offered(volunteer)) == {remote.pk, hybrid_here.pk}
    assert on_site_here.pk not in offered(volunteer) and hybrid_far.pk not in offered(volunteer)


def test_of_many_new_missions_the_digest_keeps_the_five_that_fit_best(designer, association):
    # Twelve new logo missions: the designer's best suit is the one asking for both of
    # their skills; dates that never meet theirs keep a mission out whatever its rank.
    designer.available_until = timezone.localdate() + datetime.timedelta(days=60)
    designer.save(update_fields=["available_until"])
    logos = [MissionFactory(organization=association, skills=["logo"]) for _ in range(10)]
    both = MissionFactory(organization=association, skills=["logo", "figma"])
    too_late = MissionFactory(
        organization=association,
        skills=["logo"],
        start_date=timezone.localdate() + datetime.timedelta(days=90),
    )

    weekly.prepare_weekly_digests()

    shown = offered(designer)
    assert len(shown) == digest.SHOWN
    assert shown[0] == both.pk
    assert too_late.pk not in shown
    assert set(shown[1:]) <= {mission.pk for mission in logos}


def test_a_volunteer_without_hours_or_whose_availability_has_ended_gets_nothing(
    designer, logo_mission
):
    designer.available_until = timezone.localdate() - datetime.timedelta(days=1)
    designer.save(update_fields=["available_until"])

    assert weekly.prepare_weekly_digests() == 0
    assert offered(designer) == []
