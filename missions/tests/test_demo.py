"""Demo missions: every state, with their history, in a constant number of queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.demo import DemoContext
from missions import demo
from missions.models import Mission, MissionEvent, Status
from organizations.tests.factories import AssociationFactory, MembershipFactory


def associations(count: int) -> list:
    made = []
    for index in range(count):
        association = AssociationFactory(verified=index % 2 == 0)
        MembershipFactory(organization=association, role="admin")
        made.append(association)
    return made


def run(orgs, **options) -> DemoContext:
    ctx = DemoContext(seed=7, options=options, quiet=True)
    if orgs is not None:
        ctx.objects["associations"] = orgs
    demo.build(ctx)
    return ctx


def test_demo_missions_exist_in_every_state_with_their_history(db):
    orgs = associations(3)

    ctx = run(orgs)

    missions = Mission.objects.all()
    assert len(ctx.objects["missions"]) == missions.count() >= 3 * 6
    assert set(missions.filter(organization=orgs[0]).values_list("status", flat=True)) == set(
        Status.values
    )
    today = timezone.localdate()
    for mission in missions.prefetch_related("events", "required_skills"):
        events = list(mission.events.all())
        assert mission.required_skills.all(), mission.title
        assert mission.created_by is not None
        if mission.status == Status.DRAFT:
            assert events == []
            continue
        assert events[-1].to_status == mission.status
        assert events[0].from_status == Status.DRAFT
        for before, after in zip(events, events[1:], strict=False):
            assert before.to_status == after.from_status
            assert before.at <= after.at
        assert all(event.at < timezone.now() for event in events)
        went_online = Status.OPEN in [event.to_status for event in events]
        assert (mission.published_at is not None) is went_online
        assert went_online is (mission.status != Status.SUBMITTED)
        if mission.status == Status.OPEN:
            assert mission.end_date >= today
        if mission.status == Status.EXPIRED:
            assert mission.end_date < today
            assert events[-1].by is None
        if not mission.organization.is_verified:
            assert Status.SUBMITTED in [event.to_status for event in events]


def test_demo_missions_fall_back_to_the_associations_in_the_database(db):
    associations(2)

    run(None)

    assert Mission.objects.values("organization").distinct().count() == 2


def test_demo_missions_take_the_same_number_of_queries_for_more_associations(db):
    few, many = associations(2), associations(12)

    with CaptureQueriesContext(connection) as small:
        run(few)
    with CaptureQueriesContext(connection) as large:
        run(many, missions_per_association=10)

    assert len(large.captured_queries) == len(small.captured_queries)
    assert MissionEvent.objects.exists()
