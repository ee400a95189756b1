"""Demo missions: for every demo association, missions from the catalogue in every state,
with the history of how they got there. Bulk-created, so it scales to tens of thousands."""

import datetime
from contextlib import contextmanager

from django.utils import timezone

from core.demo import DemoContext
from organizations.models import Membership, Organization
from taxonomy.models import Level

from .models import Mission, MissionEvent, MissionSkill, MissionTemplate, Status, WorkMode

BATCH = 2000

# Realistic titles per template; "{org}" is the association's name.
TITLES = {
    "logo-visual-identity": [
        "Un nouveau logo pour {org}",
        "Moderniser notre logo et nos couleurs",
        "Créer l’identité visuelle de notre festival d’été",
    ],
    "showcase-website": [
        "Un petit site internet pour {org}",
        "Créer notre site avec les horaires et les inscriptions",
        "Un site simple pour présenter nos activités",
    ],
    "website-refresh": [
        "Remettre à neuf le site de {org}",
        "Rendre notre site lisible sur téléphone",
    ],
    "social-media-calendar": [
        "Relancer notre page Facebook",
        "Un calendrier de publications pour la rentrée",
        "Animer notre compte Instagram pendant trois mois",
    ],
    "event-poster": [
        "Affiche de notre fête de quartier",
        "Flyer pour le loto annuel",
        "Affiche du vide-grenier de printemps",
        "Affiche et flyer pour notre concert de Noël",
    ],
    "online-memberships-donations": [
        "Mettre les adhésions en ligne avec HelloAsso",
        "Une page de dons pour {org}",
    ],
    "accounting-spreadsheet": [
        "Un tableau simple pour notre trésorière",
        "Préparer les comptes de l’assemblée générale",
    ],
    "member-file-gdpr": [
        "Un seul fichier des adhérents, en règle avec le RGPD",
        "Ranger notre fichier de bénévoles",
    ],
    "collaborative-tools": [
        "Un agenda partagé pour le bureau",
        "Ranger nos documents dans un espace commun",
    ],
    "digital-workshop": [
        "Atelier « premiers pas sur l’ordinateur » pour nos bénévoles",
        "Apprendre à utiliser les e-mails et le partage de fichiers",
    ],
    "newsletter": [
        "Une lettre d’information mensuelle pour nos adhérents",
        "Lancer la newsletter de {org}",
    ],
    "presentation-video": [
        "Une vidéo de trois minutes sur nos actions",
        "Filmer notre atelier pour les financeurs",
    ],
    "event-photo-report": [
        "Photos de notre tournoi annuel",
        "Reportage photo de la fête de l’association",
    ],
    "accessibility-audit": [
        "Vérifier que notre site est accessible aux malvoyants",
        "Simplifier l’inscription en ligne pour les personnes âgées",
    ],
    "activity-report-layout": [
        "Mettre en page notre rapport d’activité",
        "Un rapport annuel agréable à lire pour nos financeurs",
    ],
    "custom-automation": [
        "Automatiser les confirmations d’inscription",
        "Relier notre formulaire d’inscription à notre tableau",
    ],
    "impact-dashboard": [
        "Un tableau de bord de nos actions pour les financeurs",
        "Suivre le nombre de repas servis chaque mois",
    ],
    "web-writing-seo": [
        "Réécrire les textes de notre site",
        "Être trouvés sur internet par les familles du quartier",
    ],
}

# How often each final state appears: most missions are open, as on a living platform.
WEIGHTS = {
    Status.DRAFT: 2,
    Status.SUBMITTED: 1,
    Status.OPEN: 10,
    Status.IN_PROGRESS: 3,
    Status.DELIVERED: 1,
    Status.COMPLETED: 3,
    Status.CANCELLED: 1,
    Status.EXPIRED: 1,
}

# The states a mission went through after its draft, to reach each final state.
PATHS = {
    Status.DRAFT: [],
    Status.SUBMITTED: [Status.SUBMITTED],
    Status.OPEN: [Status.OPEN],
    Status.IN_PROGRESS: [Status.OPEN, Status.IN_PROGRESS],
    Status.DELIVERED: [Status.OPEN, Status.IN_PROGRESS, Status.DELIVERED],
    Status.COMPLETED: [Status.OPEN, Status.IN_PROGRESS, Status.DELIVERED, Status.COMPLETED],
    Status.CANCELLED: [Status.OPEN, Status.CANCELLED],
    Status.EXPIRED: [Status.OPEN, Status.EXPIRED],
}

CANCEL_REASONS = [
    "Notre événement est reporté à l’année prochaine.",
    "Un bénévole de l’association s’en est finalement chargé.",
    "Le bureau a décidé d’attendre la prochaine assemblée générale.",
]


@contextmanager
def _dates_as_given(*fields):
    """Let bulk_create keep the dates we set: auto_now(_add) would stamp them all with now,
    and a demo's history must lie in the past."""
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def _associations(ctx: DemoContext) -> list[Organization]:
    associations = ctx.objects.get("associations")
    if associations is None:
        associations = list(Organization.objects.filter(kind=Organization.Kind.ASSOCIATION))
    return list(associations)


def _final_states(ctx: DemoContext, count: int, first: bool) -> list[str]:
    states = list(WEIGHTS)
    weights = list(WEIGHTS.values())
    chosen = ctx.rng.choices(states, weights=weights, k=count)
    if first:  # the first association (Martine's) shows every state, then some more
        chosen = states + chosen[len(states) :]
    return chosen


def build(ctx: DemoContext) -> None:
    associations = _associations(ctx)
    templates = list(MissionTemplate.objects.prefetch_related("skills").order_by("order"))
    if not associations or not templates:
        ctx.objects["missions"] = []
        return
    per_association = int(ctx.options.get("missions_per_association") or 6)
    creators: dict[int, int] = {}
    for organization_id, user_id in (
        Membership.objects.filter(organization__in=[a.pk for a in associations])
        .order_by("role", "pk")
        .values_list("organization_id", "user_id")
    ):
        creators.setdefault(organization_id, user_id)  # admins first ("admin" < "member")
    moderator = ctx.objects.get("users", {}).get("nadia")
    now = timezone.now()
    today = timezone.localdate()

    missions: list[Mission] = []
    plans: list[tuple[MissionTemplate, list[tuple[str, datetime.datetime]]]] = []
    for index, association in enumerate(ctx.progress(associations, desc="Missions")):
        count = len(WEIGHTS) + per_association if index == 0 else per_association
        for final in _final_states(ctx, count, first=index == 0):
            template = ctx.rng.choice(templates)
            title = ctx.rng.choice(TITLES.get(template.slug, [template.title_fr]))
            age = ctx.rng.randint(3, 120)  # days since the draft was started
            created = now - datetime.timedelta(days=age, minutes=ctx.rng.randint(0, 600))
            path = list(PATHS[final])
            if final != Status.DRAFT and final != Status.SUBMITTED and not association.is_verified:
                path.insert(0, Status.SUBMITTED)  # unverified: a moderator approved it
            # Spread the changes between the draft and today (or the end date's passing).
            steps = []
            for position, state in enumerate(path, start=1):
                at = created + datetime.timedelta(days=age * position / (len(path) + 1))
                steps.append((state, at))
            work_mode = template.work_mode if association.commune_id else WorkMode.REMOTE
            start = (created + datetime.timedelta(days=ctx.rng.randint(7, 21))).date()
            end = start + datetime.timedelta(days=ctx.rng.randint(30, 90))
            if final == Status.EXPIRED:
                end = today - datetime.timedelta(days=ctx.rng.randint(1, 20))
                start = min(start, end - datetime.timedelta(days=14))
                # The nightly job expired it the night after its end date.
                expired_at = timezone.make_aware(
                    datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time(3))
                )
                steps[-1] = (Status.EXPIRED, max(expired_at, steps[-2][1]))
            elif final == Status.OPEN:
                end = max(end, today + datetime.timedelta(days=ctx.rng.randint(14, 90)))
            published = next((at for state, at in steps if state == Status.OPEN), None)
            last = steps[-1][1] if steps else created
            missions.append(
                Mission(
                    organization=association,
                    template=template,
                    title=title.format(org=association.name)[:200],
                    need=template.need_fr,
                    deliverables=template.deliverables_fr,
                    effort_hours=ctx.rng.randint(template.effort_min, template.effort_max),
                    start_date=start,
                    end_date=end,
                    work_mode=work_mode,
                    commune_id=association.commune_id if work_mode != WorkMode.REMOTE else None,
                    departement_code=association.departement_code,
                    region_code=association.region_code,
                    team_size=ctx.rng.choices([1, 2, 3], weights=[8, 3, 1])[0],
                    status=final,
                    wizard_step=ctx.rng.randint(0, 2) if final == Status.DRAFT else 3,
                    created_by_id=creators.get(association.pk),
                    created_at=created,
                    updated_at=last,
                    published_at=published,
                    last_activity_at=last,
                )
            )
            plans.append((template, steps))

    mission_fields = [Mission._meta.get_field(name) for name in ("created_at", "updated_at")]
    event_field = MissionEvent._meta.get_field("at")
    with _dates_as_given(*mission_fields, event_field):
        Mission.objects.bulk_create(missions, batch_size=BATCH)
        requirements, events = [], []
        levels, level_weights = [Level.LEARNING, Level.COMFORTABLE, Level.EXPERT], [5, 4, 1]
        for mission, (template, steps) in zip(missions, plans, strict=True):
            for skill in template.skills.all():
                level = ctx.rng.choices(levels, level_weights)[0]
                requirements.append(MissionSkill(mission=mission, skill=skill, min_level=level))
            source = Status.DRAFT
            for state, at in steps:
                by_id, reason, code = mission.created_by_id, "", ""
                if source == Status.SUBMITTED and state == Status.OPEN:
                    by_id = moderator.pk if moderator else None
                elif state == Status.EXPIRED:
                    by_id, code = None, "end_date_passed"
                    reason = "La date de fin souhaitée est passée."
                elif state == Status.CANCELLED:
                    reason = ctx.rng.choice(CANCEL_REASONS)
                events.append(
                    MissionEvent(
                        mission=mission,
                        from_status=source,
                        to_status=state,
                        by_id=by_id,
                        at=at,
                        reason=reason,
                        reason_code=code,
                    )
                )
                source = state
        MissionSkill.objects.bulk_create(requirements, batch_size=BATCH)
        MissionEvent.objects.bulk_create(events, batch_size=BATCH)
    ctx.objects["missions"] = missions
