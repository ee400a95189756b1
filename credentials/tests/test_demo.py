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
