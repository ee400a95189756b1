"""Demo follow-up: the hourly rates (shipped by the migration, put back if missing), a few
missions completed months ago (the rest of the demo ended its missions these last weeks,
too recently to ask anything), and the associations' answers to « do you still use it? »
about every completed mission — most answered, some left unanswered, the recent ones still
to come; Martine has one waiting on her dashboard."""

import datetime

from django.apps import apps
from django.db.models import Max
from django.utils import timezone

from completion.models import Completion
from core.demo import DemoContext
from engagements.models import Agreement, Application
from missions.models import Mission, MissionEvent, MissionSkill, MissionTemplate
from missions.models import Status as MissionStatus
from organizations.models import Membership, Organization

from . import rates
from .lifecycle import ANSWER_WINDOW
from .models import AdoptionCheck

S, A = AdoptionCheck.Status, AdoptionCheck.Answer
# How associations answer, most of the time.
ANSWERS = [A.YES] * 12 + [A.PARTLY] * 5 + [A.NO] * 3
ANSWERED = 0.75
# Days since the end of the missions of the past: both questions asked, or the first only.
PAST = [300, 240, 200, 160, 130, 110, 95, 75, 50, 35]


def build(ctx: DemoContext) -> None:
    rates.load(apps)
    rng, now = ctx.rng, timezone.now()
    _past_missions(ctx, now)
    ended = dict(
        Completion.objects.filter(
            status=Completion.Status.COMPLETED,
            application__mission__status=MissionStatus.COMPLETED,
        )
        .values("application__mission")
        .annotate(ended=Max("completed_at"))
        .order_by("application__mission")
        .values_list("application__mission", "ended")
    )
    missions = dict(
        Completion.objects.filter(application__mission_id__in=ended)
        .values_list("application__mission", "application__mission__organization")
        .distinct()
    )
    admins: dict[int, int] = {}
    for organization_id, user_id in (
        Membership.objects.filter(
            organization_id__in=set(missions.values()), role=Membership.Role.ADMIN
        )
        .order_by("pk")
        .values_list("organization_id", "user_id")
    ):
        admins.setdefault(organization_id, user_id)

    checks = []
    for mission_id, at in ended.items():
        if at is None:
            continue
        for day in (30, 90):
            due = at + datetime.timedelta(days=day)
            check = AdoptionCheck(
                mission_id=mission_id, day=day, completed_at=at, due_at=due, status=S.PENDING
            )
            if due <= now:
                check.status, check.asked_at = S.ASKED, due
                if rng.random() < ANSWERED:
                    check.status, check.answer = S.ANSWERED, rng.choice(ANSWERS)
                    check.answered_at = min(
                        now, due + datetime.timedelta(hours=rng.randint(2, 120))
                    )
                    check.answered_by_id = admins.get(missions[mission_id])
                elif now - due > ANSWER_WINDOW:
                    check.status, check.expired_at = S.EXPIRED, due + ANSWER_WINDOW
            checks.append(check)
    AdoptionCheck.objects.bulk_create(checks, batch_size=1000)
    _one_waiting_for(ctx.objects.get("users", {}).get("martine"), now)


def _one_waiting_for(martine, now) -> None:
    """The latest question due to Martine's association waits for her, on her dashboard."""
    if martine is None:
        return
    latest = (
        AdoptionCheck.objects.filter(
            due_at__lte=now,
            mission__organization__memberships__user=martine,
            mission__organization__memberships__role=Membership.Role.ADMIN,
        )
        .order_by("-due_at")
        .first()
    )
    if latest is not None:
        AdoptionCheck.objects.filter(pk=latest.pk).update(
            status=S.ASKED,
            asked_at=max(latest.due_at, now - datetime.timedelta(days=2)),
            answer="",
            answered_at=None,
            answered_by=None,
            expired_at=None,
        )


def _past_missions(ctx: DemoContext, now: datetime.datetime) -> None:
    """Missions completed months ago, Martine's association's first: one volunteer each, the
    end confirmed with its hours (their attestations come with the credentials job)."""
    rng = ctx.rng
    crowd = list(ctx.objects.get("crowd") or [])
    templates = list(MissionTemplate.objects.filter(is_active=True).prefetch_related("skills"))
    martine = ctx.objects.get("users", {}).get("martine")
    admins = {
        m.organization_id: m.user
        for m in Membership.objects.filter(
            role=Membership.Role.ADMIN, organization__kind=Organization.Kind.ASSOCIATION
        )
        .select_related("user", "organization")
        .order_by("-pk")
    }
    hers = set(
        Membership.objects.filter(user=martine, role=Membership.Role.ADMIN).values_list(
            "organization_id", flat=True
        )
        if martine is not None
        else []
    )
    associations = sorted(
        Organization.objects.filter(pk__in=admins, verification="verified"),
        key=lambda o: (o.pk not in hers, o.pk),
    )
    if not (crowd and templates and associations):
        return
    for index, days in enumerate(PAST):
        association = associations[index % min(len(associations), 4)]
        admin, template = admins[association.pk], rng.choice(templates)
        ended = now - datetime.timedelta(days=days, hours=rng.randint(1, 10))
        started = ended - datetime.timedelta(days=rng.randint(20, 45))
        hours = rng.randint(template.effort_min, template.effort_max)
        mission = Mission.objects.create(
            organization=association,
            template=template,
            title=template.title_fr,
            need=template.need_fr,
            deliverables=template.deliverables_fr,
            effort_hours=hours,
            start_date=started.date(),
            end_date=ended.date(),
            work_mode=template.work_mode,
            commune=association.commune,
            departement_code=association.departement_code,
            region_code=association.region_code,
            status=MissionStatus.COMPLETED,
            wizard_step=3,
            created_by=admin,
            published_at=started - datetime.timedelta(days=7),
            last_activity_at=ended,
        )
        MissionSkill.objects.bulk_create(
            MissionSkill(mission=mission, skill=skill) for skill in template.skills.all()
        )
        path = [
            (MissionStatus.DRAFT, MissionStatus.OPEN, started - datetime.timedelta(days=7)),
            (MissionStatus.OPEN, MissionStatus.IN_PROGRESS, started),
            (MissionStatus.IN_PROGRESS, MissionStatus.DELIVERED, ended - datetime.timedelta(2)),
            (MissionStatus.DELIVERED, MissionStatus.COMPLETED, ended),
        ]
        for source, target, at in path:
            event = MissionEvent.objects.create(
                mission=mission, from_status=source, to_status=target, by=admin
            )
            MissionEvent.objects.filter(pk=event.pk).update(at=at)
        application = Application.objects.create(
            mission=mission,
            volunteer=crowd[index % len(crowd)],
            status=Application.Status.ACCEPTED,
            message="Bonjour, je serais heureux·se de vous aider.",
            answered_by=admin,
            answered_at=started - datetime.timedelta(days=3),
        )
        Agreement.objects.create(
            application=application,
            scope=template.need_fr,
            deliverables=template.deliverables_fr,
            start_date=started.date(),
            end_date=ended.date(),
            hours=hours,
            licence=mission.licence,
            association_confirmed_at=started - datetime.timedelta(days=2),
            association_confirmed_by=admin,
            volunteer_confirmed_at=started - datetime.timedelta(days=2),
        )
        Completion.objects.create(
            application=application,
            status=Completion.Status.COMPLETED,
            proposed_hours=hours,
            confirmed_hours=hours,
            delivered_at=ended - datetime.timedelta(days=2),
            completed_at=ended,
            completed_by=admin,
            review_reminded_at=ended,  # these old ends remind nobody now
        )
