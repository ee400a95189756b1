"""A student in a cohort brings her school to the matching engine: associations that took
students of her school before come first, with the reason said in words."""

import re
from datetime import date

from django.urls import reverse

from accounts.tests.factories import UserFactory
from engagements.models import Application
from engagements.tests.factories import ApplicationFactory
from matching.selectors import missions_for
from missions.models import Status
from missions.tests.factories import MissionFactory
from schools import services
from taxonomy.models import Level
from volunteers.tests.factories import VolunteerProfileFactory

TODAY = date(2026, 12, 7)


def designer(user):
    return VolunteerProfileFactory(
        user=user,
        commune_id="69123",
        departement_code="69",
        region_code="84",
        hours_per_week=5,
        skills={"logo": Level.EXPERT},
    )


def test_a_student_who_joins_a_cohort_meets_the_associations_of_her_schools_alumni(
    client, association, martine, lea, cohort
):
    # Zoé, of the same school, was accepted on one of the association's past missions.
    zoe = UserFactory(full_name="Zoé Lambert")
    designer(zoe)
    services.cohort_join(cohort=cohort, student=zoe)
    past = MissionFactory(organization=association, status=Status.COMPLETED, skills=["logo"])
    ApplicationFactory(mission=past, volunteer=zoe, status=Application.Status.ACCEPTED)
    mission = MissionFactory(organization=association, title="Un logo", skills=["logo"])
    designer(lea)

    before = missions_for(lea, today=TODAY).suggestions
    services.cohort_join(cohort=cohort, student=lea)
    after = missions_for(lea, today=TODAY).suggestions

    [without] = [s for s in before if s.mission_id == mission.pk]
    [with_school] = [s for s in after if s.mission_id == mission.pk]
    assert not any(reason.kind == "school" for reason in without.match.reasons)
    assert any(
        reason.kind == "school" and reason.scope == "alumni" for reason in with_school.match.reasons
    )
    assert with_school.match.score > without.match.score
    # The association, looking for volunteers, reads it in words.
    client.force_login(martine)
    page = client.get(reverse("matching:volunteers_for_mission", args=[mission.pk])).text
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    lea_card = text[text.index("Léa Étudiant·e") : text.index("Inviter Léa")]
    assert "même école qu’un·e de vos bénévoles" in lea_card
