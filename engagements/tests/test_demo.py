from collections import Counter

from accounts.tests.factories import UserFactory
from core.demo import DemoContext
from engagements import demo
from engagements.models import Agreement, Application

from .factories import MissionFactory


def test_the_demo_shows_lea_and_karim_in_every_state_without_overfilling_a_team(
    association, lea, karim
):
    missions = [MissionFactory(organization=association, team_size=1) for _ in range(8)]
    missions += [MissionFactory(team_size=2) for _ in range(4)]
    missions += [MissionFactory(status="in_progress", team_size=2) for _ in range(3)]
    missions += [MissionFactory(status="draft")]
    ctx = DemoContext(seed=7, quiet=True)
    ctx.objects.update(
        missions=missions,
        users={"lea": lea, "karim": karim},
        crowd=UserFactory.create_batch(12),
    )

    demo.build(ctx)

    assert len(ctx.objects["applications"]) == Application.objects.count()
    for person in (lea, karim):
        statuses = set(
            Application.objects.filter(volunteer=person).values_list("status", flat=True)
        )
        assert statuses == set(Application.Status.values)
    teams = Counter(
        Application.objects.filter(status="accepted").values_list("mission_id", flat=True)
    )
    assert all(teams[m.pk] <= m.team_size for m in missions)
    assert all(teams[m.pk] >= 1 for m in missions if m.status == "in_progress")
    assert not Application.objects.filter(mission__status="draft").exists()
    assert Agreement.objects.count() == sum(teams.values())
    assert Agreement.objects.filter(
        association_confirmed_at__isnull=False, volunteer_confirmed_at__isnull=False
    ).exists()
    assert not Application.objects.filter(
        volunteer__memberships__organization=association, mission__organization=association
    ).exists()


def test_without_missions_the_demo_makes_no_application(db):
    ctx = DemoContext(seed=1, quiet=True)

    demo.build(ctx)

    assert ctx.objects["applications"] == []
