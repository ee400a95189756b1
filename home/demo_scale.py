"""Demo data at scale, for benchmarks: `manage.py demo --volunteers N --missions M`.

On top of the hand-written demo, `build` adds N volunteers and M missions with what goes
with them: about M/5 associations all over France, each run by one admin; volunteers with
2 to 5 skills, causes, availability, a way of working and a commune; missions in every
state, their required skills taken from the catalogue's templates, with the history of
their states; about two applications per open mission, the teams (with their agreements)
of the missions under way or done, and conversations about some applications and in the
teams, a few of them not yet read.

Rows are built in memory a chunk at a time and bulk-inserted: one password hash for
everyone, no `save()`, no signals. Each row draws from a generator seeded with its index,
so the same numbers give the same people, associations and missions. Run again with
larger numbers, it adds what is missing: the benchmarks grow one database from 1 000 to
100 000 volunteers this way.
"""

import datetime
import math
import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.db import models
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import User
from completion.models import Completion
from core.demo import DEMO_DOMAIN, DEMO_PASSWORD, DemoContext
from engagements.demo import INVITATIONS, MESSAGES
from engagements.forms import KIND_REASONS
from engagements.models import Agreement, Application
from geo.models import Commune
from messaging.demo import APPLICATION_TALKS, TEAM_TALKS
from messaging.models import Message, ReadMark, Thread
from missions.demo import CANCEL_REASONS, PATHS, TITLES, WEIGHTS
from missions.models import Mission, MissionEvent, MissionSkill, MissionTemplate, Status
from missions.models import WorkMode as MissionWorkMode
from organizations.models import Membership, Organization
from organizations.validators import luhn_ok
from schools.models import Cohort, CohortMembership, new_code
from schools.models import Level as CohortLevel
from taxonomy.models import Cause, Level, Skill
from volunteers.demo import CLOSINGS, COMPANIES, OPENINGS, SCHOOLS
from volunteers.models import VolunteerProfile, VolunteerSkill, WorkMode

# Rows built in memory before they are inserted, and rows per INSERT statement.
CHUNK = 5000
BATCH = 1000
# Scale accounts are told from the hand-written demo's by the start of their address.
VOLUNTEER_PREFIX = "benevole-"
ADMIN_PREFIX = "responsable-"
# The teacher of the scale data's cohort (the bench's `teacher_dashboard`), and its size.
TEACHER_EMAIL = f"enseignante-en-nombre@{DEMO_DOMAIN}"
COHORT_STUDENTS = 40
MISSIONS_PER_ASSOCIATION = 5
# How many applications an open mission has received (two on average).
APPLICATION_COUNTS, APPLICATION_WEIGHTS = [0, 1, 2, 3, 4], [1, 3, 4, 3, 1]
APPLICATION_STATES = [
    Application.Status.PENDING,
    Application.Status.DECLINED,
    Application.Status.WITHDRAWN,
    Application.Status.EXPIRED,
    Application.Status.INVITED,
    Application.Status.ACCEPTED,
]
APPLICATION_STATE_WEIGHTS = [8, 3, 1, 2, 1, 1]
STARTED = {Status.IN_PROGRESS, Status.DELIVERED, Status.COMPLETED}
LEVELS = [Level.LEARNING, Level.COMFORTABLE, Level.EXPERT]

# (name pattern, causes, description): "{de}" becomes "de Lyon", "d’Annecy", "du Mans"…
# fmt: off
ASSOCIATION_KINDS = [
    ("Comité des fêtes {de}", ["leisure", "citizenship"],
     "Nous organisons la fête de la musique, le marché de Noël et le vide-grenier {de}."),
    ("Club de football {de}", ["sport", "education-youth"],
     "De l’école de foot aux vétérans, nos équipes jouent chaque week-end {de}."),
    ("Les Amis de la bibliothèque {de}", ["culture", "education-youth"],
     "Lectures pour les enfants, club de lecture et braderie de livres au profit de la "
     "bibliothèque {de}."),
    ("Épicerie solidaire {de}", ["social", "social-economy"],
     "Des produits à petit prix pour les familles {de}, et un lieu où l’on parle cuisine et "
     "budget."),
    ("Jardins partagés {de}", ["environment", "citizenship"],
     "Un potager collectif, un compost de quartier et des ateliers pour les enfants {de}."),
    ("Refuge animalier {de}", ["animals"],
     "Nous recueillons chiens et chats abandonnés et leur cherchons une famille près {de}."),
    ("Entraide Seniors {de}", ["social", "health-disability"],
     "Visites aux personnes âgées isolées {de}, accompagnement aux courses et ateliers "
     "tablette."),
    ("Coup de pouce devoirs {de}", ["education-youth"],
     "Aide aux devoirs quatre soirs par semaine pour les écoliers et collégiens {de}."),
    ("Patrimoine et histoire {de}", ["heritage", "culture"],
     "Visites guidées, restauration du petit patrimoine et mémoire des anciens {de}."),
    ("Chorale {de}", ["culture", "leisure"],
     "Trente choristes amateurs et deux concerts par an {de}. Pas besoin de lire la musique !"),
    ("Accueil des exilés {de}", ["humanitarian", "social"],
     "Cours de français, aide aux démarches et repas partagés avec les personnes exilées {de}."),
    ("Atelier vélo {de}", ["environment", "social-economy"],
     "On apprend à réparer son vélo soi-même, et on remet en circulation les vélos oubliés {de}."),
    ("Handisport {de}", ["sport", "health-disability"],
     "Basket fauteuil, natation et tennis de table pour les personnes handicapées {de}."),
    ("Théâtre amateur {de}", ["culture", "leisure"],
     "Une troupe qui joue dans les écoles, les maisons de retraite et les salles des fêtes {de}."),
    ("Ressourcerie {de}", ["environment", "social-economy"],
     "Nous collectons, réparons et revendons objets et meubles, et animons des ateliers {de}."),
    ("Maison des jeunes {de}", ["education-youth", "leisure"],
     "Accueil des 11-17 ans, sorties, chantiers jeunes et aide aux projets {de}."),
    ("Secours alimentaire {de}", ["social", "humanitarian"],
     "Colis alimentaires chaque semaine et vestiaire solidaire, tenus par des bénévoles {de}."),
    ("Randonneurs {de}", ["sport", "leisure"],
     "Randonnées chaque dimanche, entretien des sentiers et sorties pour débutants {de}."),
    ("Conseil citoyen {de}", ["citizenship"],
     "Les habitants donnent leur avis sur les projets du quartier et montent les leurs {de}."),
    ("Association des donneurs de sang {de}", ["health-disability"],
     "Nous faisons connaître le don du sang et accueillons les donneurs aux collectes {de}."),
]
# Why the association asks for help, added to the template's need.
CONTEXTS = [
    "Nous sommes une petite équipe de bénévoles, surtout des retraités.",
    "Notre bureau a changé cette année et veut repartir sur de bonnes bases.",
    "Nos adhérents nous le demandent depuis longtemps.",
    "Nous voulons toucher les familles et les jeunes du quartier.",
    "Nos financeurs nous demandent de mieux présenter nos actions.",
    "",
]
# fmt: on


@dataclass(frozen=True)
class _Association:
    pk: int
    admin_id: int
    admin_first_name: str
    name: str
    commune_id: str | None
    departement_code: str
    region_code: str
    is_verified: bool


@dataclass
class _World:
    """What every chunk draws from: places, skills, causes, templates, dates."""

    communes: list[tuple[str, str, str, str]]  # INSEE code, name, département, région
    commune_weights: list[int]  # cumulated populations: people live where people live
    communes_by_code: dict[str, tuple[str, str, str, str]]
    skills_by_domain: dict[str, list[int]]
    skill_names: dict[int, str]
    skills: list[int]
    causes: dict[str, int]
    templates: list[tuple[MissionTemplate, list[int]]]
    password: str
    moderator_id: int | None
    now: datetime.datetime = field(default_factory=timezone.now)

    @property
    def today(self) -> datetime.date:
        return timezone.localdate(self.now)

    def commune(self, rng: random.Random) -> tuple[str, str, str, str]:
        return rng.choices(self.communes, cum_weights=self.commune_weights)[0]


@dataclass
class ScaleSummary:
    volunteers: int = 0
    associations: int = 0
    missions: int = 0
    applications: int = 0


def build(ctx: DemoContext, *, volunteers: int, missions: int) -> ScaleSummary:
    """Add scale data until there are `volunteers` scale volunteers and `missions` scale
    missions (with ⌈missions/5⌉ associations); never removes anything."""
    world = _world()
    summary = ScaleSummary()
    volunteer_start = _scale_users(VOLUNTEER_PREFIX).count()
    if volunteers > volunteer_start:
        summary.volunteers = _add_volunteers(ctx, world, volunteer_start, volunteers)
    association_target = math.ceil(missions / MISSIONS_PER_ASSOCIATION)
    association_start = _scale_users(ADMIN_PREFIX).count()
    if association_target > association_start:
        summary.associations = _add_associations(ctx, world, association_start, association_target)
    mission_start = Mission.objects.filter(
        created_by__email__startswith=ADMIN_PREFIX, created_by__email__endswith=DEMO_DOMAIN
    ).count()
    if missions > mission_start:
        summary.missions, summary.applications = _add_missions(ctx, world, mission_start, missions)
    _add_cohort(ctx, world)
    first_volunteer = _scale_users(VOLUNTEER_PREFIX).order_by("pk").first()
    first_admin = _scale_users(ADMIN_PREFIX).order_by("pk").first()
    if first_volunteer:
        ctx.add_login("Bénévole (données en nombre)", first_volunteer.email)
    if first_admin:
        ctx.add_login("Association (données en nombre)", first_admin.email)
    return summary


def _scale_users(prefix: str) -> models.QuerySet[User]:
    return User.objects.filter(email__startswith=prefix, email__endswith=f"@{DEMO_DOMAIN}")


def _world() -> _World:
    communes, weights, total = [], [], 0
    rows = Commune.objects.order_by("insee").values_list(
        "insee", "name", "departement_id", "region_id", "population"
    )
    for insee, name, departement, region, population in rows:
        communes.append((insee, name, departement, region))
        total += population + 1
        weights.append(total)
    skills_by_domain: dict[str, list[int]] = {}
    skill_names = {}
    for pk, domain, name in Skill.objects.values_list("pk", "domain__slug", "name_fr"):
        skills_by_domain.setdefault(domain, []).append(pk)
        skill_names[pk] = name
    templates = [
        (template, [skill.pk for skill in template.skills.all()])
        for template in MissionTemplate.objects.filter(is_active=True)
        .prefetch_related("skills")
        .order_by("order", "slug")
    ]
    moderator = User.objects.filter(email=f"nadia@{DEMO_DOMAIN}").values_list("pk", flat=True)
    return _World(
        communes=communes,
        commune_weights=weights,
        communes_by_code={c[0]: c for c in communes},
        skills_by_domain=skills_by_domain,
        skill_names=skill_names,
        skills=sorted(skill_names),
        causes=dict(Cause.objects.values_list("slug", "pk")),
        templates=templates,
        password=make_password(DEMO_PASSWORD),  # hashed once: hashing is slow on purpose
        moderator_id=moderator.first(),
    )


def _chunks(ctx: DemoContext, start: int, stop: int, *, desc: str) -> Iterator[range]:
    """Index ranges of at most CHUNK rows; the bar counts rows as each chunk is written."""
    bar = ctx.progress(range(start, stop), desc=desc, total=stop - start)
    for position in range(start, stop, CHUNK):
        chunk = range(position, min(stop, position + CHUNK))
        yield chunk
        for _ in chunk:
            next(bar)
    next(bar, None)  # lets the bar close


def _seeded(ctx: DemoContext, what: str, index: int) -> random.Random:
    """The generator of one row, and Faker seeded alike: a row depends on its index only,
    not on the chunk or the run that made it."""
    seed = f"{ctx.seed}:{what}:{index}"
    ctx.fake.seed_instance(seed)
    return random.Random(seed)


@contextmanager
def _dates_as_given(*model_classes):
    """Let bulk_create keep the dates we set: auto_now(_add) would stamp every row with
    now, and a demo's history lies in the past."""
    fields = [
        f
        for model in model_classes
        for f in model._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def _ago(world: _World, rng: random.Random, low_days: float, high_days: float):
    return world.now - datetime.timedelta(days=rng.uniform(low_days, high_days))


def _of(town: str) -> str:
    """ "de Lyon", "d’Annecy", "du Mans", "des Sables-d’Olonne", "de la Rochelle"."""
    for article, contracted in (("Le ", "du "), ("Les ", "des "), ("La ", "de la ")):
        if town.startswith(article):
            return contracted + town[len(article) :]
    if town.startswith(("L'", "L’")):
        return "de l’" + town[2:]
    if town[:1].lower() in "aeiouyéèêâîôh":
        return "d’" + town
    return "de " + town


# --- Volunteers ------------------------------------------------------------------------------
def _add_volunteers(ctx: DemoContext, world: _World, start: int, stop: int) -> int:
    Through = VolunteerProfile.causes.through
    domains = sorted(world.skills_by_domain)
    causes = sorted(world.causes.values())
    with _dates_as_given(VolunteerProfile):
        for chunk in _chunks(ctx, start, stop, desc="Bénévoles (en nombre)"):
            users, plans = [], []
            for index in chunk:
                rng = _seeded(ctx, "volunteers", index)
                user, plan = _volunteer(ctx, world, rng, index, domains, causes)
                users.append(user)
                plans.append(plan)
            User.objects.bulk_create(users, batch_size=BATCH)
            profiles = []
            for user, (profile, _, _) in zip(users, plans, strict=True):
                profile.user_id = user.pk
                profiles.append(profile)
            VolunteerProfile.objects.bulk_create(profiles, batch_size=BATCH)
            skill_rows, cause_rows = [], []
            for profile, (_, levels, chosen) in zip(profiles, plans, strict=True):
                skill_rows += [
                    VolunteerSkill(profile_id=profile.pk, skill_id=skill_id, level=level)
                    for skill_id, level in levels.items()
                ]
                cause_rows += [
                    Through(volunteerprofile_id=profile.pk, cause_id=cause_id)
                    for cause_id in chosen
                ]
            VolunteerSkill.objects.bulk_create(skill_rows, batch_size=BATCH)
            Through.objects.bulk_create(cause_rows, batch_size=BATCH)
    return stop - start


def _volunteer(ctx, world: _World, rng: random.Random, index: int, domains, causes):
    first, last = ctx.fake.first_name(), ctx.fake.last_name()
    joined = _ago(world, rng, 1, 720)
    user = User(
        email=f"{VOLUNTEER_PREFIX}{index + 1:06d}@{DEMO_DOMAIN}",
        full_name=f"{first} {last}",
        intent=User.Intent.VOLUNTEER,
        language="en" if rng.random() < 0.04 else "fr",
        password=world.password,
        date_joined=joined,
        email_verified_at=joined + datetime.timedelta(minutes=rng.randint(2, 600)),
    )
    Kind = VolunteerProfile.Kind
    kind = rng.choices([Kind.STUDENT, Kind.PROFESSIONAL, Kind.EMPLOYEE], weights=[70, 20, 10])[0]
    profile = VolunteerProfile(kind=kind)
    domain = rng.choice(domains)
    commune = world.commune(rng)
    if kind == Kind.STUDENT:
        school, programme, school_town, domain = rng.choice(SCHOOLS)
        profile.school_name, profile.programme = school, programme
        profile.graduation_year = world.today.year + rng.randint(0, 3)
        if rng.random() < 0.5 and school_town in world.communes_by_code:
            commune = world.communes_by_code[school_town]  # many live where they study
    elif kind == Kind.EMPLOYEE:
        profile.company_name = rng.choice(COMPANIES)
    profile.commune_id, _, profile.departement_code, profile.region_code = commune
    profile.work_mode = rng.choices(
        [WorkMode.REMOTE, WorkMode.ONSITE, WorkMode.BOTH], weights=[4, 2, 4]
    )[0]
    profile.hours_per_week = rng.randint(2, 10)
    if rng.random() < 0.2:
        profile.available_from = world.today + datetime.timedelta(days=rng.randint(0, 60))
    if rng.random() < 0.3:
        profile.available_until = world.today + datetime.timedelta(days=rng.randint(90, 300))
    profile.is_public = rng.random() < 0.3
    profile.created_at = joined + datetime.timedelta(minutes=rng.randint(5, 60 * 24 * 3))
    profile.updated_at = max(profile.created_at, _ago(world, rng, 0, 180))

    # Two to five skills, mostly of their main domain, sometimes one from elsewhere.
    count = rng.randint(2, 5)
    main = world.skills_by_domain.get(domain) or world.skills
    picked = rng.sample(main, k=min(count, len(main)))
    while len(picked) < count:
        extra = rng.choice(world.skills)
        if extra not in picked:
            picked.append(extra)
    levels = {skill: rng.choices(LEVELS, weights=[3, 4, 2])[0] for skill in picked}
    chosen_causes = rng.sample(causes, k=rng.randint(1, 3))
    names = ", ".join(world.skill_names[skill] for skill in picked[:3])
    profile.bio = f"{rng.choice(OPENINGS)} Je peux aider pour : {names}. {rng.choice(CLOSINGS)}"
    return user, (profile, levels, chosen_causes)


# --- Associations ----------------------------------------------------------------------------
def _siren(rng: random.Random) -> str:
    """A made-up SIREN that passes the Luhn check, like a real one."""
    while True:
        number = f"{rng.randrange(10**8, 10**9)}"
        if luhn_ok(number):
            return number


def _add_associations(ctx: DemoContext, world: _World, start: int, stop: int) -> int:
    Through = Organization.causes.through
    Size, AssociationType = Organization.Size, Organization.AssociationType
    with _dates_as_given(Organization, Membership):
        for chunk in _chunks(ctx, start, stop, desc="Associations (en nombre)"):
            admins, organizations, cause_slugs = [], [], []
            for index in chunk:
                rng = _seeded(ctx, "associations", index)
                pattern, slugs, description = rng.choice(ASSOCIATION_KINDS)
                insee, town, departement, region = world.commune(rng)
                name = pattern.format(de=_of(town))
                created = _ago(world, rng, 30, 1500)
                first, last = ctx.fake.first_name(), ctx.fake.last_name()
                admins.append(
                    User(
                        email=f"{ADMIN_PREFIX}{index + 1:05d}@{DEMO_DOMAIN}",
                        full_name=f"{first} {last}",
                        intent=User.Intent.ASSOCIATION,
                        password=world.password,
                        date_joined=created,
                        email_verified_at=created + datetime.timedelta(minutes=10),
                    )
                )
                kind_of = rng.choices(list(AssociationType), weights=[65, 35])[0]
                verified = rng.random() < 0.9
                organization = Organization(
                    kind=Organization.Kind.ASSOCIATION,
                    name=name,
                    slug=f"{slugify(name)[:200]}-{index + 1}",
                    description=description.format(de=_of(town)),
                    association_type=kind_of,
                    size=rng.choices(list(Size), weights=[3, 5, 2, 1])[0],
                    commune_id=insee,
                    departement_code=departement,
                    region_code=region,
                    rna=f"W{departement[:2]}{rng.randrange(10**7):07d}"
                    if rng.random() < 0.8
                    else "",
                    siren=_siren(rng) if kind_of == AssociationType.PROFESSIONAL else "",
                    created_at=created,
                    updated_at=created,
                )
                if verified:
                    organization.verification = Organization.Verification.VERIFIED
                    organization.verified_at = created + datetime.timedelta(days=rng.randint(1, 9))
                    organization.verified_by_id = world.moderator_id
                organizations.append(organization)
                cause_slugs.append(slugs)
            User.objects.bulk_create(admins, batch_size=BATCH)
            Organization.objects.bulk_create(organizations, batch_size=BATCH)
            Membership.objects.bulk_create(
                [
                    Membership(
                        organization_id=organization.pk,
                        user_id=admin.pk,
                        role=Membership.Role.ADMIN,
                        created_at=organization.created_at,
                    )
                    for admin, organization in zip(admins, organizations, strict=True)
                ],
                batch_size=BATCH,
            )
            Through.objects.bulk_create(
                [
                    Through(organization_id=organization.pk, cause_id=world.causes[slug])
                    for organization, slugs in zip(organizations, cause_slugs, strict=True)
                    for slug in slugs
                    if slug in world.causes
                ],
                batch_size=BATCH,
            )
    return stop - start


def _scale_associations() -> list[_Association]:
    rows = (
        Membership.objects.filter(
            role=Membership.Role.ADMIN,
            user__email__startswith=ADMIN_PREFIX,
            user__email__endswith=DEMO_DOMAIN,
        )
        .order_by("organization_id")
        .values_list(
            "organization_id",
            "user_id",
            "user__full_name",
            "organization__name",
            "organization__commune_id",
            "organization__departement_code",
            "organization__region_code",
            "organization__verification",
        )
    )
    return [
        _Association(
            pk, admin, full_name.split(" ")[0], name, commune, dep, region, state == "verified"
        )
        for pk, admin, full_name, name, commune, dep, region, state in rows
    ]


# --- Missions, applications, conversations ---------------------------------------------------
@dataclass
class _Pool:
    """The scale volunteers, by skill, for applicants who can do what a mission asks."""

    everyone: list[int]
    by_skill: dict[int, list[int]]
    first_names: dict[int, str]

    @classmethod
    def load(cls) -> "_Pool":
        by_skill: dict[int, list[int]] = {}
        rows = (
            VolunteerSkill.objects.filter(
                profile__user__email__startswith=VOLUNTEER_PREFIX,
                profile__user__email__endswith=DEMO_DOMAIN,
            )
            .order_by("pk")
            .values_list("skill_id", "profile__user_id")
        )
        for skill_id, user_id in rows.iterator(chunk_size=20000):
            by_skill.setdefault(skill_id, []).append(user_id)
        first_names = {
            pk: name.split(" ")[0]
            for pk, name in _scale_users(VOLUNTEER_PREFIX)
            .filter(volunteer_profile__isnull=False)
            .values_list("pk", "full_name")
            .iterator(chunk_size=20000)
        }
        return cls(everyone=sorted(first_names), by_skill=by_skill, first_names=first_names)

    def pick(self, rng: random.Random, skills: list[int]) -> int:
        if skills and rng.random() < 0.8:
            candidates = self.by_skill.get(rng.choice(skills))
            if candidates:
                return rng.choice(candidates)
        return rng.choice(self.everyone)


@dataclass
class _MissionRows:
    """One mission and every row that hangs from it, drawn before anything is inserted
    (foreign keys to rows not yet inserted are filled in when they are)."""

    mission: Mission
    requirements: list[MissionSkill] = field(default_factory=list)
    events: list[MissionEvent] = field(default_factory=list)
    applications: list[Application] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    threads: list[Thread] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    read_marks: list[ReadMark] = field(default_factory=list)

    @property
    def missions(self) -> list[Mission]:
        return [self.mission]


INSERT_ORDER = [
    ("missions", Mission),
    ("requirements", MissionSkill),
    ("events", MissionEvent),
    ("applications", Application),
    ("agreements", Agreement),
    ("threads", Thread),
    ("messages", Message),
    ("read_marks", ReadMark),
]


def _add_missions(ctx: DemoContext, world: _World, start: int, stop: int) -> tuple[int, int]:
    associations = _scale_associations()
    if not associations or not world.templates:
        return 0, 0
    pool = _Pool.load()
    applications = 0
    with _dates_as_given(*(model for _, model in INSERT_ORDER)):
        for chunk in _chunks(ctx, start, stop, desc="Missions (en nombre)"):
            plans = []
            for index in chunk:
                rng = _seeded(ctx, "missions", index)
                # Five missions per association, give or take: some post more than others.
                position = index // MISSIONS_PER_ASSOCIATION + rng.randint(-2, 2)
                association = associations[min(max(position, 0), len(associations) - 1)]
                plans.append(_mission(world, rng, association, pool))
            for name, model in INSERT_ORDER:
                rows = [row for plan in plans for row in getattr(plan, name)]
                model.objects.bulk_create(rows, batch_size=BATCH)
            applications += sum(len(plan.applications) for plan in plans)
    return stop - start, applications


def _mission(world: _World, rng: random.Random, association: _Association, pool: _Pool):
    template, skills = rng.choice(world.templates)
    final = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
    title = rng.choice(TITLES.get(template.slug, [template.title_fr]))
    age = rng.randint(3, 120)  # days since the draft was started
    created = world.now - datetime.timedelta(days=age, minutes=rng.randint(0, 600))
    path = list(PATHS[final])
    if path and path[0] != Status.SUBMITTED and not association.is_verified:
        path.insert(0, Status.SUBMITTED)  # unverified: a moderator approved it
    steps = [
        (state, created + datetime.timedelta(days=age * position / (len(path) + 1)))
        for position, state in enumerate(path, start=1)
    ]
    work_mode = template.work_mode if association.commune_id else MissionWorkMode.REMOTE
    start = (created + datetime.timedelta(days=rng.randint(7, 21))).date()
    end = start + datetime.timedelta(days=rng.randint(30, 90))
    if final == Status.EXPIRED:
        end = world.today - datetime.timedelta(days=rng.randint(1, 20))
        start = min(start, end - datetime.timedelta(days=14))
        # The nightly job expired it the night after its end date.
        expired_at = timezone.make_aware(
            datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time(3))
        )
        steps[-1] = (Status.EXPIRED, min(world.now, max(expired_at, steps[-2][1])))
    elif final == Status.OPEN:
        end = max(end, world.today + datetime.timedelta(days=rng.randint(14, 90)))
    published = next((at for state, at in steps if state == Status.OPEN), None)
    last = steps[-1][1] if steps else created
    need = f"{template.need_fr} {rng.choice(CONTEXTS)}".strip()
    mission = Mission(
        organization_id=association.pk,
        template=template,
        title=title.format(org=association.name)[:200],
        need=need,
        deliverables=template.deliverables_fr,
        effort_hours=rng.randint(template.effort_min, template.effort_max),
        start_date=start,
        end_date=end,
        work_mode=work_mode,
        commune_id=association.commune_id if work_mode != MissionWorkMode.REMOTE else None,
        departement_code=association.departement_code,
        region_code=association.region_code,
        team_size=rng.choices([1, 2, 3], weights=[8, 3, 1])[0],
        status=final,
        wizard_step=rng.randint(0, 2) if final == Status.DRAFT else 3,
        created_by_id=association.admin_id,
        created_at=created,
        updated_at=last,
        published_at=published,
        last_activity_at=last,
    )
    rows = _MissionRows(mission)
    rows.requirements = [
        MissionSkill(mission=mission, skill_id=skill, min_level=rng.choices(LEVELS, [5, 4, 1])[0])
        for skill in skills
    ]
    rows.events = _events(world, rng, mission, steps)
    if pool.everyone:
        _applications(world, rng, rows, skills, pool)
        _conversations(world, rng, rows, association, pool)
        moments = [m.created_at for m in rows.messages] + [a.created_at for a in rows.applications]
        mission.last_activity_at = max([last, *moments])
    return rows


def _events(world: _World, rng: random.Random, mission: Mission, steps) -> list[MissionEvent]:
    events, source = [], Status.DRAFT
    for state, at in steps:
        by_id, reason, code = mission.created_by_id, "", ""
        if source == Status.SUBMITTED and state == Status.OPEN:
            by_id = world.moderator_id
        elif state == Status.EXPIRED:
            by_id, reason, code = None, "La date de fin souhaitée est passée.", "end_date_passed"
        elif state == Status.CANCELLED:
            reason = rng.choice(CANCEL_REASONS)
        events.append(
            MissionEvent(
                mission=mission, from_status=source, to_status=state, by_id=by_id, at=at,
                reason=reason, reason_code=code,
            )
        )  # fmt: skip
        source = state
    return events


def _applications(world: _World, rng, rows: _MissionRows, skills: list[int], pool: _Pool):
    mission = rows.mission
    if mission.status == Status.OPEN:
        wanted = [
            rng.choices(APPLICATION_STATES, weights=APPLICATION_STATE_WEIGHTS)[0]
            for _ in range(rng.choices(APPLICATION_COUNTS, APPLICATION_WEIGHTS)[0])
        ]
    elif mission.status in STARTED:
        wanted = [Application.Status.ACCEPTED] * mission.team_size
        wanted += [Application.Status.DECLINED] * rng.randint(0, 2)
    else:
        return
    taken, accepted = set(), 0
    for status in wanted:
        volunteer_id = pool.pick(rng, skills)
        if volunteer_id in taken:
            continue
        if status == Application.Status.ACCEPTED:
            if accepted >= mission.team_size:
                continue
            accepted += 1
        taken.add(volunteer_id)
        application = _application(world, rng, mission, volunteer_id, status)
        rows.applications.append(application)
        if status == Application.Status.ACCEPTED:
            rows.agreements.append(_agreement(world, rng, application))


def _application(world, rng, mission: Mission, volunteer_id: int, status: str) -> Application:
    State = Application.Status
    published = mission.published_at or (world.now - datetime.timedelta(days=30))
    if mission.status in STARTED:
        # The team was chosen in the first days after publication, before the start.
        created = published + datetime.timedelta(days=rng.uniform(0.1, 3))
    else:
        age = {State.PENDING: (0.2, 9.5), State.EXPIRED: (11, 40)}.get(status, (1, 30))
        created = max(published + datetime.timedelta(hours=2), _ago(world, rng, *age))
    created = min(created, world.now - datetime.timedelta(minutes=30))
    application = Application(
        mission=mission,
        volunteer_id=volunteer_id,
        status=status,
        message=rng.choice(MESSAGES),
        created_at=created,
    )
    answered = min(world.now, created + datetime.timedelta(days=rng.uniform(0.5, 4)))
    if status == State.INVITED:
        application.invited_by_id = mission.created_by_id
        application.message = rng.choice(INVITATIONS)
    elif status in (State.ACCEPTED, State.DECLINED):
        application.answered_by_id = mission.created_by_id
        application.answered_at = answered
        if status == State.DECLINED:
            application.answer = str(rng.choice(list(KIND_REASONS.values())))
    elif status == State.EXPIRED:
        application.answered_at = created + datetime.timedelta(days=10)
    elif status == State.PENDING and world.now - created > datetime.timedelta(days=5):
        application.reminded_at = created + datetime.timedelta(days=5)
    return application


def _agreement(world, rng, application: Application) -> Agreement:
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
    later = min(world.now, application.answered_at + datetime.timedelta(hours=rng.randint(2, 48)))
    # Work under way or done was agreed by both; on open missions it is still being read.
    both = mission.status in STARTED
    if both or rng.random() < 0.5:
        agreement.volunteer_confirmed_at = later
    if both:
        agreement.association_confirmed_at = later
        agreement.association_confirmed_by_id = application.answered_by_id
    return agreement


# How likely an application of each state was talked about in its thread.
TALKED_ABOUT = {
    Application.Status.PENDING: 0.5,
    Application.Status.INVITED: 0.3,
    Application.Status.ACCEPTED: 0.8,
    Application.Status.DECLINED: 0.3,
}


def _conversations(world: _World, rng, rows: _MissionRows, association: _Association, pool):
    """Threads about some applications, and the team's thread of a mission under way."""
    mission, admin = rows.mission, association.admin_id
    team = [a.volunteer_id for a in rows.applications if a.status == Application.Status.ACCEPTED]
    talks = [
        (application, rng.choice(APPLICATION_TALKS), [application.volunteer_id])
        for application in rows.applications
        if rng.random() < TALKED_ABOUT.get(application.status, 0)
    ]
    if mission.status in STARTED and team:
        talks.append((None, rng.choice(TEAM_TALKS), team))
    for application, talk, volunteers in talks:
        begin = application.created_at if application else rows.applications[0].created_at
        talk = talk[: rng.randint(1, len(talk))]
        thread = Thread(mission=mission, application=application, created_at=begin)
        at, messages = begin, []
        for side, text in talk:
            at = min(at + datetime.timedelta(hours=rng.uniform(1, 30)), world.now)
            body = text.format(
                first=pool.first_names.get(volunteers[0], ""), name=association.admin_first_name
            )
            author = admin if side == "a" else rng.choice(volunteers)
            messages.append(Message(thread=thread, author_id=author, body=body, created_at=at))
        thread.last_message_at = at
        last = messages[-1]
        for reader in {admin, *volunteers}:
            # Now and then the last message waits to be read.
            unread = reader != last.author_id and rng.random() < 0.3
            read_at = last.created_at - datetime.timedelta(minutes=1) if unread else at
            rows.read_marks.append(ReadMark(thread=thread, user_id=reader, read_at=read_at))
        rows.threads.append(thread)
        rows.messages += messages


# --- A school and its cohort -----------------------------------------------------------------
def _add_cohort(ctx: DemoContext, world: _World) -> None:
    """A school with one teacher and a cohort of COHORT_STUDENTS scale volunteers who
    applied to missions, in it since before their first application (so all their work is
    the cohort's); the engagements of finished missions get their end. Made once."""
    if User.objects.filter(email=TEACHER_EMAIL).exists():
        return
    students = list(
        _scale_users(VOLUNTEER_PREFIX)
        .filter(applications__status__in=[Application.Status.ACCEPTED, Application.Status.PENDING])
        .annotate(first=models.Min("applications__created_at"))
        .order_by("pk")
        .values_list("pk", "first")[:COHORT_STUDENTS]
    )
    if not students:
        return
    insee, town, departement, region = world.communes_by_code.get("44109") or world.communes[0]
    teacher = User.objects.create(
        email=TEACHER_EMAIL,
        full_name="Hélène Martin",
        intent=User.Intent.OTHER,
        password=world.password,
        email_verified_at=world.now,
    )
    school = Organization.objects.create(
        kind=Organization.Kind.SCHOOL,
        name="Campus numérique (données en nombre)",
        slug="campus-numerique-en-nombre",
        commune_id=insee,
        departement_code=departement,
        region_code=region,
        verification=Organization.Verification.VERIFIED,
        verified_at=world.now,
    )
    Membership.objects.create(organization=school, user=teacher, role=Membership.Role.ADMIN)
    year = world.today.year if world.today.month >= 8 else world.today.year - 1
    cohort = Cohort.objects.create(
        school=school,
        name="Licence pro communication numérique",
        programme="Communication numérique",
        level=CohortLevel.BAC_3,
        year=year,
        code=new_code(),
        created_by=teacher,
    )
    cohort.teachers.set([teacher])
    CohortMembership.objects.bulk_create(
        [
            CohortMembership(
                cohort=cohort, student_id=pk, joined_at=first - datetime.timedelta(days=1)
            )
            for pk, first in students
        ]
    )
    _finish_engagements([pk for pk, _first in students], world)
    ctx.add_login("Enseignante (données en nombre)", TEACHER_EMAIL)


def _finish_engagements(student_ids: list[int], world: _World) -> None:
    """The students' engagements on delivered or completed missions, with their delivery
    (and the hours confirmed, when the mission is completed)."""

    done = Application.objects.filter(
        volunteer_id__in=student_ids,
        status=Application.Status.ACCEPTED,
        mission__status__in=[Status.DELIVERED, Status.COMPLETED],
        completion__isnull=True,
    ).select_related("mission", "agreement")
    completions = []
    for application in done:
        completed = application.mission.status == Status.COMPLETED
        hours = getattr(application, "agreement", None) and application.agreement.hours
        hours = hours or application.mission.effort_hours or 10
        when = min(world.now, (application.answered_at or world.now) + datetime.timedelta(days=20))
        completions.append(
            Completion(
                application=application,
                status=Completion.Status.COMPLETED if completed else Completion.Status.DELIVERED,
                proposed_hours=hours,
                confirmed_hours=hours if completed else None,
                delivered_at=when,
                completed_at=when if completed else None,
                review_reminded_at=when if completed else None,
            )
        )
    Completion.objects.bulk_create(completions, batch_size=BATCH)
