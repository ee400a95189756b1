"""Demo applications: Léa and Karim in every state, the crowd on every live mission."""

import datetime
from collections import Counter
from contextlib import contextmanager

from django.utils import timezone

from core.demo import DemoContext
from missions.models import Mission
from missions.models import Status as MissionStatus
from organizations.models import Membership

from .forms import KIND_REASONS
from .models import Agreement, Application

Status = Application.Status
BATCH = 2000
# Missions that have applications: open ones receive them, later ones have their team.
WITH_APPLICATIONS = {
    MissionStatus.OPEN,
    MissionStatus.IN_PROGRESS,
    MissionStatus.DELIVERED,
    MissionStatus.COMPLETED,
}
STARTED = WITH_APPLICATIONS - {MissionStatus.OPEN}

MESSAGES = [
    "Bonjour, je suis en deuxième année de design graphique et votre projet me parle "
    "beaucoup. J’ai déjà réalisé le logo d’un club de sport. Je suis libre le mercredi.",
    "Bonjour ! Je débute dans le métier mais j’ai fait un projet très proche en cours. "
    "Je peux vous montrer mon book. Disponible le soir et le week-end.",
    "Bonjour, je travaille dans le web depuis deux ans et j’aimerais donner un peu de temps "
    "à une association. Je peux commencer dès la semaine prochaine.",
    "Bonjour, votre cause me tient à cœur. J’ai quelques heures par semaine et l’habitude "
    "d’expliquer simplement ce que je fais.",
    "Bonjour, je suis étudiante en communication. Je connais bien les réseaux sociaux et "
    "je serais ravie de vous aider à y voir plus clair.",
]
INVITATIONS = [
    "Bonjour, votre profil nous a beaucoup plu. Aimeriez-vous nous aider pour cette mission ?",
    "Bonjour, nous avons vu vos travaux : ce serait formidable de vous avoir avec nous !",
]


@contextmanager
def _dates_as_given(*fields):
    """Let bulk_create keep the dates we set: a demo's history lies in the past."""
    saved = [(f, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now_add in saved:
            f.auto_now_add = auto_now_add


def _missions(ctx: DemoContext) -> list[Mission]:
    missions = ctx.objects.get("missions")
    if missions is None:
        missions = Mission.objects.filter(
            status__in=[MissionStatus.OPEN, MissionStatus.IN_PROGRESS]
        )
    return [m for m in missions if m.status in WITH_APPLICATIONS]


class _Plan:
    """The applications to create, keeping every team within its size."""

    def __init__(self, ctx: DemoContext, missions: list[Mission]):
        self.ctx = ctx
        self.now = timezone.now()
        self.applications: list[Application] = []
        self.taken: set[tuple[int, int]] = set()
        self.accepted: Counter = Counter()
        organizations = {m.organization_id for m in missions}
        self.members: set[tuple[int, int]] = set()
        self.first_member: dict[int, int] = {}
        rows = Membership.objects.filter(organization_id__in=organizations).order_by("role", "pk")
        for organization_id, user_id in rows.values_list("organization_id", "user_id"):
            self.members.add((organization_id, user_id))
            self.first_member.setdefault(organization_id, user_id)  # admins first

    def add(self, mission: Mission, volunteer, status: str) -> Application | None:
        if (mission.pk, volunteer.pk) in self.taken:
            return None
        if (mission.organization_id, volunteer.pk) in self.members:
            return None
        if status == Status.ACCEPTED and self.accepted[mission.pk] >= mission.team_size:
            return None
        if status != Status.ACCEPTED and mission.status in STARTED and status != Status.DECLINED:
            status = Status.DECLINED  # a started mission no longer has anything waiting
        rng = self.ctx.rng
        published = mission.published_at or (self.now - datetime.timedelta(days=30))
        if status == Status.PENDING:
            age = rng.uniform(0.2, 9.5)
        elif status == Status.EXPIRED:
            age = rng.uniform(11, 40)
        else:
            age = rng.uniform(1, 30)
        if mission.status in STARTED:
            # The team was chosen in the first days after publication, before the start.
            created = published + datetime.timedelta(days=rng.uniform(0.1, 3))
        else:
            created = max(
                published + datetime.timedelta(hours=2), self.now - datetime.timedelta(days=age)
            )
        created = min(created, self.now - datetime.timedelta(minutes=30))
        application = Application(
            mission=mission,
            volunteer=volunteer,
            status=status,
            message=rng.choice(MESSAGES),
            created_at=created,
        )
        member_id = self.first_member.get(mission.organization_id)
        answered = min(self.now, created + datetime.timedelta(days=rng.uniform(0.5, 4)))
        if status == Status.INVITED:
            application.invited_by_id = member_id
            application.message = rng.choice(INVITATIONS)
        elif status in (Status.ACCEPTED, Status.DECLINED):
            application.answered_by_id = member_id
            application.answered_at = answered
            if status == Status.DECLINED:
                application.answer = str(rng.choice(list(KIND_REASONS.values())))
        elif status == Status.EXPIRED:
            application.answered_at = created + datetime.timedelta(days=10)
        elif status == Status.PENDING and self.now - created > datetime.timedelta(days=5):
            application.reminded_at = created + datetime.timedelta(days=5)
        self.taken.add((mission.pk, volunteer.pk))
        if status == Status.ACCEPTED:
            self.accepted[mission.pk] += 1
        self.applications.append(application)
        return application


def build(ctx: DemoContext) -> None:
    missions = _missions(ctx)
    if not missions:
        ctx.objects["applications"] = []
        return
    plan = _Plan(ctx, missions)
    rng = ctx.rng
    open_missions = [m for m in missions if m.status == MissionStatus.OPEN]
    started = [m for m in missions if m.status in STARTED]
    users = ctx.objects.get("users", {})
    named = [users[key] for key in ("lea", "karim") if key in users]

    # Léa and Karim go through every state, so that their pages show everything.
    for person in named:
        wanted = [Status.PENDING, Status.PENDING, Status.INVITED, Status.DECLINED]
        wanted += [Status.WITHDRAWN, Status.EXPIRED, Status.ACCEPTED]
        for status in wanted:
            for mission in rng.sample(open_missions, len(open_missions)):
                if plan.add(mission, person, status):
                    break
        for mission in rng.sample(started, min(2, len(started))):
            plan.add(mission, person, Status.ACCEPTED)

    crowd = list(ctx.objects.get("crowd") or [])
    if crowd:
        for mission in ctx.progress(missions, desc="Candidatures"):
            if mission.status == MissionStatus.OPEN:
                for volunteer in rng.sample(crowd, min(len(crowd), rng.randint(0, 5))):
                    status = rng.choices(
                        [
                            Status.PENDING,
                            Status.DECLINED,
                            Status.WITHDRAWN,
                            Status.EXPIRED,
                            Status.INVITED,
                            Status.ACCEPTED,
                        ],
                        weights=[8, 3, 1, 2, 1, 1],
                    )[0]
                    plan.add(mission, volunteer, status)
            else:
                for volunteer in rng.sample(crowd, min(len(crowd), mission.team_size + 3)):
                    if plan.accepted[mission.pk] < mission.team_size:
                        plan.add(mission, volunteer, Status.ACCEPTED)
                    elif rng.random() < 0.4:
                        plan.add(mission, volunteer, Status.DECLINED)

    created_at = Application._meta.get_field("created_at")
    with _dates_as_given(created_at, Agreement._meta.get_field("created_at")):
        Application.objects.bulk_create(plan.applications, batch_size=BATCH)
        agreements = []
        for application in plan.applications:
            if application.status != Status.ACCEPTED:
                continue
            mission = application.mission
            agreement = Agreement(
                application=application,
                scope=mission.need,
                deliverables=mission.deliverables,
                start_date=mission.start_date,
                end_date=mission.end_date,
                hours=mission.effort_hours,
                licence=mission.licence,
                created_at=application.answered_at,
            )
            later = application.answered_at + datetime.timedelta(hours=rng.randint(2, 48))
            later = min(later, plan.now)
            # Agreements of delivered work are settled, most of those of missions under way
            # too; on open missions they are still being read.
            if mission.status == MissionStatus.IN_PROGRESS:
                both = rng.random() < 0.85
            else:
                both = mission.status in STARTED
            if both or rng.random() < 0.5:
                agreement.volunteer_confirmed_at = later
            if both:
                agreement.association_confirmed_at = later
                agreement.association_confirmed_by_id = application.answered_by_id
            agreements.append(agreement)
        Agreement.objects.bulk_create(agreements, batch_size=BATCH)
    ctx.objects["applications"] = plan.applications
