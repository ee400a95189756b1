"""Demo profiles: Léa and Karim in detail, a crowd built in bulk whatever its size."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts import demo as accounts_demo
from core.demo import DemoContext
from taxonomy.models import Level
from volunteers import demo
from volunteers.models import VolunteerProfile, VolunteerSkill
from volunteers.selectors import profile_summary


def demo_context(size: int) -> DemoContext:
    ctx = DemoContext(seed=2026, options={"volunteers": size}, quiet=True)
    accounts_demo.build(ctx)
    return ctx


def test_lea_and_karim_get_rich_profiles(db):
    ctx = demo_context(5)
    demo.build(ctx)
    lea = VolunteerProfile.objects.get(user=ctx.objects["users"]["lea"])
    assert profile_summary(lea).startswith("Étudiant·e · Design graphique, École de design")
    assert lea.commune.name == "Nantes" and lea.departement_code == "44"
    assert lea.hours_per_week == 6 and lea.work_mode == "both"
    assert set(lea.causes.values_list("slug", flat=True)) == {"culture", "environment"}
    levels = dict(lea.skills.values_list("skill__slug", "level"))
    assert levels["figma"] == levels["logo"] == Level.EXPERT
    assert levels["print-layout"] == Level.COMFORTABLE
    karim = VolunteerProfile.objects.get(user=ctx.objects["users"]["karim"])
    assert karim.commune.name == "Lyon" and karim.work_mode == "remote"
    assert dict(karim.skills.values_list("skill__slug", "level"))["wordpress"] == Level.EXPERT


def test_every_crowd_volunteer_gets_a_plausible_profile(db):
    ctx = demo_context(40)
    demo.build(ctx)
    crowd = ctx.objects["crowd"]
    profiles = VolunteerProfile.objects.filter(user__in=crowd)
    assert profiles.count() == 40
    assert len(ctx.objects["profiles"]) == 42
    assert profiles.filter(kind="student").count() > 20
    for profile in profiles.prefetch_related("skills", "causes"):
        assert 1 <= len(profile.skills.all()) <= 5
        assert 1 <= len(profile.causes.all()) <= 3
        assert 2 <= profile.hours_per_week <= 10
        assert profile.commune_id and profile.departement_code and profile.region_code
        if profile.kind == "student":
            assert profile.school_name and profile.programme and profile.graduation_year
    assert profiles.values("commune").distinct().count() > 10


def test_the_crowd_costs_the_same_queries_whatever_its_size(db):
    ctx = demo_context(60)
    crowd = ctx.objects["crowd"]
    counts = []
    for size in (5, 60):
        VolunteerProfile.objects.all().delete()
        ctx.objects["crowd"] = crowd[:size]
        with CaptureQueriesContext(connection) as queries:
            demo.build(ctx)
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert VolunteerSkill.objects.filter(profile__user__in=crowd).count() >= 60


def test_the_same_seed_gives_the_same_crowd(db):
    ctx = demo_context(20)
    runs = []
    for _ in range(2):
        VolunteerProfile.objects.all().delete()
        ctx.rng.seed(7)
        demo.build(ctx)
        runs.append(
            [
                (
                    p.kind,
                    p.commune_id,
                    p.hours_per_week,
                    sorted(p.skills.values_list("skill_id", "level")),
                )
                for p in ctx.objects["profiles"]
            ]
        )
    assert runs[0] == runs[1]
