from core.demo import DemoContext
from credentials import demo
from credentials.models import Credential
from engagements.tests.factories import AgreementFactory, MissionFactory


def test_the_demo_attests_completed_engagements_and_revokes_one(association, lea, staff):
    missions = [MissionFactory(organization=association, status="completed") for _ in range(3)]
    for mission in missions[1:]:
        AgreementFactory(application__mission=mission)
    AgreementFactory(application__mission=missions[0], application__volunteer=lea)
    AgreementFactory(application__mission=MissionFactory(status="in_progress"))
    ctx = DemoContext(seed=3, quiet=True)
    ctx.objects["users"] = {"lea": lea, "nadia": staff}

    demo.build(ctx)

    assert Credential.objects.count() == 3
    assert Credential.objects.filter(application__volunteer=lea, revoked_at__isnull=True).exists()
    revoked = Credential.objects.get(revoked_at__isnull=False)
    assert revoked.application.volunteer != lea
    assert revoked.revoked_by == staff


def test_the_demo_autumn_night_has_its_badges_and_one_answer_became_a_mission(db, client):
    from accounts import demo as accounts_demo
    from challenges import demo as challenges_demo
    from challenges.models import Team
    from organizations import demo as organizations_demo
    from schools import demo as schools_demo
    from volunteers import demo as volunteers_demo

    ctx = DemoContext(seed=2026, options={"volunteers": 40}, quiet=True)
    for module in (
        accounts_demo,
        organizations_demo,
        volunteers_demo,
        schools_demo,
        challenges_demo,
    ):
        module.build(ctx)

    demo.build(ctx)
    demo.build(ctx)  # twice: nothing new

    event = ctx.objects["challenge_events"]["autumn"]
    event.refresh_from_db()
    assert event.status == "results"
    members = sum(team.members.count() for team in event.teams.all())
    winners = Team.objects.get(event=event, rank=1)
    assert Credential.objects.filter(kind="participation").count() == members
    prized = sum(team.members.count() for team in event.teams.exclude(prize=""))
    assert Credential.objects.filter(kind="prize").count() == prized
    assert winners.mission is not None
    assert winners.mission.applications.filter(status="invited").count() == (
        winners.members.count()
    )
    prize = Credential.objects.filter(kind="prize", team=winners).first()
    page = client.get(prize.get_absolute_url())
    assert "Prix du jury" in page.content.decode()
