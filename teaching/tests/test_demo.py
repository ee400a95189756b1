from accounts import demo as accounts_demo
from completion import demo as completion_demo
from core.demo import DemoContext
from engagements import demo as engagements_demo
from missions import demo as missions_demo
from organizations import demo as organizations_demo
from schools import demo as schools_demo
from teaching import demo
from teaching.models import Validation
from teaching.selectors import dashboard_of
from volunteers import demo as volunteers_demo


def test_sophie_validates_one_mission_of_her_cohort_and_asks_to_improve_another(db):
    from django.utils import timezone

    ctx = DemoContext(seed=2026, options={"volunteers": 40}, quiet=True)
    for module in (
        accounts_demo,
        organizations_demo,
        volunteers_demo,
        missions_demo,
        engagements_demo,
        schools_demo,
        completion_demo,
    ):
        module.build(ctx)

    demo.build(ctx)

    design = ctx.objects["cohorts"]["design"]
    verdicts = sorted(Validation.objects.filter(cohort=design).values_list("verdict", flat=True))
    assert verdicts == ["to_improve", "validated"]
    board = dashboard_of(design, today=timezone.localdate())
    shown = [row.validation for student in board.students for row in student.engagements]
    assert sum(1 for validation in shown if validation) == 2
