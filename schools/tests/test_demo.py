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


def test_the_demo_has_a_mission_chosen_for_leas_cohort_and_a_call_martine_sees(db):
    from home.dashboard import dashboard_for
    from missions import demo as missions_demo
    from schools.models import CallForNeeds, PinnedMission
    from schools.selectors import pinned_for_student

    ctx = DemoContext(seed=2026, options={"volunteers": 40}, quiet=True)
    for module in (accounts_demo, organizations_demo, volunteers_demo, missions_demo):
        module.build(ctx)

    demo.build(ctx)

    design = ctx.objects["cohorts"]["design"]
    assert PinnedMission.objects.filter(cohort=design).count() == 1
    assert len(pinned_for_student(ctx.objects["users"]["lea"])) == 1
    call = CallForNeeds.objects.get()
    assert call.cohort == design and call.skills.count() == 3
    assert dashboard_for(ctx.objects["users"]["martine"]).calls == [call]


def test_the_demo_has_a_class_project_at_work_and_one_completed_with_attestations(db):
    from completion import demo as completion_demo
    from credentials import demo as credentials_demo
    from credentials.models import Credential
    from engagements import demo as engagements_demo
    from missions import demo as missions_demo
    from schools.models import ClassProject

    ctx = DemoContext(seed=2026, options={"volunteers": 40}, quiet=True)
    for module in (accounts_demo, organizations_demo, volunteers_demo, missions_demo):
        module.build(ctx)
    engagements_demo.build(ctx)
    demo.build(ctx)
    completion_demo.build(ctx)
    credentials_demo.build(ctx)

    at_work = ctx.objects["class_projects"]["in_progress"]
    at_work.refresh_from_db()
    assert at_work.is_accepted and at_work.agreement.is_confirmed
    assert at_work.mission.status == "in_progress"
    done = ClassProject.objects.get(pk=ctx.objects["class_projects"]["completed"].pk)
    assert done.is_completed
    for member in done.members.all():
        credential = Credential.objects.get(
            application__mission=done.mission, application__volunteer=member.student
        )
        assert f"rôle « {member.role} »" in credential.document["description"]
