"""The demo gives the moderators' queue a few open reports, and never fails for lack of data."""

from accounts.tests.factories import UserFactory
from core.demo import DemoContext
from missions.models import Status
from moderation import demo
from moderation.models import Report
from moderation.tests.factories import MissionFactory


def test_the_demo_reports_public_missions_and_an_association(db):
    ctx = DemoContext(seed=1, quiet=True)
    ctx.objects["crowd"] = UserFactory.create_batch(3)
    ctx.objects["missions"] = MissionFactory.create_batch(3, status=Status.OPEN)

    demo.build(ctx)

    reports = Report.objects.all()
    assert len(reports) == 3
    assert all(r.resolved_at is None and r.reporter in ctx.objects["crowd"] for r in reports)
    assert sum(1 for r in reports if r.mission_id) == 2
    assert sum(1 for r in reports if r.organization_id) == 1


def test_the_demo_finds_missions_itself_and_skips_when_there_is_nothing(db):
    ctx = DemoContext(seed=1, quiet=True)
    demo.build(ctx)
    assert not Report.objects.exists()

    ctx.objects["crowd"] = UserFactory.create_batch(2)
    MissionFactory(status=Status.OPEN)
    demo.build(ctx)
    assert Report.objects.filter(mission__isnull=False).count() == 1
