from django.core import mail

from core.demo import DemoContext
from matching import demo
from notifications.models import WeeklyDigest


def test_the_demo_records_the_weeks_digests_and_sends_leas(designer, logo_mission, lea):
    ctx = DemoContext(seed=3, quiet=True)
    ctx.objects["users"] = {"lea": lea}

    demo.build(ctx)

    assert ctx.objects["weekly_digests"] == 1
    assert WeeklyDigest.objects.get(user=lea).sent_at is not None
    assert [m.to for m in mail.outbox] == [[lea.email]]
