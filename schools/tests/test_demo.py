from accounts import demo as accounts_demo
from core.demo import DemoContext
from organizations import demo as organizations_demo
from organizations.validators import validate_uai
from schools import demo
from volunteers import demo as volunteers_demo
from volunteers.models import VolunteerProfile


def test_the_demo_school_has_two_teachers_and_two_cohorts_with_lea_in_one(db):
    ctx = DemoContext(seed=2026, options={"volunteers": 40}, quiet=True)
    for module in (accounts_demo, organizations_demo, volunteers_demo):
        module.build(ctx)

    demo.build(ctx)

    school = ctx.objects["organizations"]["design_nantes"]
    school.refresh_from_db()
    validate_uai(school.uai)
    assert school.memberships.count() == 2
    design, mmi = ctx.objects["cohorts"]["design"], ctx.objects["cohorts"]["mmi"]
    assert {t.full_name for t in design.teachers.all()} == {"Sophie Garnier", "Thomas Girard"}
    assert design.memberships.filter(student=ctx.objects["users"]["lea"]).exists()
    assert design.memberships.count() >= 3 and mmi.memberships.count() >= 3
    lea = VolunteerProfile.objects.get(user=ctx.objects["users"]["lea"])
    assert lea.school == school
