"""Demo profiles: Léa and Karim in detail, and a varied crowd built in bulk."""

import datetime

from django.utils import timezone
from django.utils.text import slugify

from core.demo import DemoContext
from geo.models import Commune
from taxonomy.models import Cause, Level, Skill

from . import services
from .models import VolunteerProfile, VolunteerSkill, WorkMode

Kind = VolunteerProfile.Kind
BATCH = 2000

# Big cities and small towns all over France, by INSEE code.
COMMUNES = [
    "75056", "13055", "69123", "31555", "06088", "44109", "34172", "67482", "33063",
    "59350", "35238", "51454", "42218", "83137", "76351", "38185", "21231", "49007",
    "30189", "69266", "63113", "72181", "13001", "29019", "37261", "80021", "87085",
    "74010", "66136", "57463", "25056", "45234", "76540", "14118", "54395", "86194",
    "17300", "64445", "56260", "29232", "2A004", "15014", "23096", "12145", "22113",
    "97411", "93066", "92012", "81004", "04070", "48095", "05061",
]  # fmt: skip

# (school, programme, INSEE code of its town, the skill domain it teaches most)
SCHOOLS = [
    ("École de design de Nantes", "Design graphique", "44109", "graphic-design"),
    ("Gobelins Paris", "Motion design et animation", "75056", "audiovisual"),
    ("IUT de Lannion", "BUT Métiers du multimédia et de l’internet", "22113", "web"),
    ("Université Lumière Lyon 2", "Master Communication des organisations", "69123",
     "communication"),
    ("ECV Bordeaux", "Direction artistique", "33063", "graphic-design"),
    ("Epitech Toulouse", "Développement web", "31555", "web"),
    ("IUT de Lille", "BUT Information-communication", "59350", "communication"),
    ("Université Rennes 2", "Licence Cinéma et audiovisuel", "35238", "audiovisual"),
    ("IMT Atlantique", "Ingénierie des données", "29019", "data-office"),
    ("Université Grenoble Alpes", "Master Ergonomie et UX design", "38185", "ux-accessibility"),
    ("École supérieure d’art de Lorraine", "Design de communication", "54395",
     "graphic-design"),
    ("IUT de Montpellier-Sète", "BUT Métiers du multimédia et de l’internet", "34172", "web"),
    ("Université de Strasbourg", "Master Ingénierie pédagogique numérique", "67482", "training"),
    ("IUT d’Aurillac", "BUT Gestion des entreprises et des administrations", "15014",
     "data-office"),
    ("Université de Limoges", "Licence Informatique", "87085", "web"),
    ("Université de Poitiers", "Master Web éditorial", "86194", "communication"),
]  # fmt: skip

COMPANIES = [
    "Banque Coopérative du Centre",
    "Numérik Solutions",
    "Mutuelle des Territoires",
    "Atelier Logiciel Breton",
    "Groupe Arverne Conseil",
    "Transports du Grand Ouest",
]

OPENINGS = [
    "J’aime rendre service et apprendre sur le terrain.",
    "Je cherche des projets concrets pour enrichir mon book.",
    "Bénévole depuis le lycée, je veux mettre mes compétences au service d’une cause.",
    "J’ai un peu de temps libre chaque semaine et l’envie d’être utile.",
    "Je préfère les petits projets bien cadrés, livrés à temps.",
]
CLOSINGS = [
    "Je réponds vite aux messages.",
    "Disponible surtout le soir et le week-end.",
    "J’aime expliquer ce que je fais pour que l’association puisse continuer seule.",
    "Les associations de quartier me tiennent particulièrement à cœur.",
]


def build(ctx: DemoContext) -> None:
    skills = {skill.slug: skill for skill in Skill.objects.select_related("domain")}
    causes = {cause.slug: cause for cause in Cause.objects.all()}
    communes = Commune.objects.in_bulk(COMMUNES)
    users = ctx.objects["users"]
    today = timezone.localdate()

    lea = services.profile_save(
        user=users["lea"],
        data={
            "kind": Kind.STUDENT,
            "school_name": "École de design de Nantes",
            "programme": "Design graphique",
            "graduation_year": today.year + 1,
            "hours_per_week": 6,
            "work_mode": WorkMode.BOTH,
            "commune": communes["44109"],
            "causes": [causes["culture"], causes["environment"]],
            "bio": (
                "Étudiante en design graphique, j’aime créer des identités visuelles qui "
                "ressemblent aux gens qui les portent. J’aimerais aider une association "
                "culturelle ou écologique près de Nantes, ou à distance."
            ),
            "portfolio_links": "https://www.behance.net/lea-martin-design",
            "is_public": True,
        },
        skills={
            skills["figma"].pk: Level.EXPERT,
            skills["logo"].pk: Level.EXPERT,
            skills["print-layout"].pk: Level.COMFORTABLE,
            skills["illustration"].pk: Level.COMFORTABLE,
            skills["canva"].pk: Level.LEARNING,
        },
    )
    karim = services.profile_save(
        user=users["karim"],
        data={
            "kind": Kind.PROFESSIONAL,
            "hours_per_week": 4,
            "work_mode": WorkMode.REMOTE,
            "commune": communes["69123"],
            "available_from": today,
            "causes": [causes["social"], causes["education-youth"], causes["sport"]],
            "bio": (
                "Développeur web depuis deux ans, je construis des sites WordPress simples "
                "à mettre à jour. Je donne quelques heures par semaine, à distance."
            ),
            "portfolio_links": "https://github.com/karim-benali\nhttps://karim-benali.fr",
            "is_public": True,
        },
        skills={
            skills["wordpress"].pk: Level.EXPERT,
            skills["html-css"].pk: Level.EXPERT,
            skills["javascript"].pk: Level.EXPERT,
            skills["php"].pk: Level.COMFORTABLE,
            skills["seo"].pk: Level.LEARNING,
        },
    )
    profiles = [lea, karim]

    by_domain: dict[str, list[Skill]] = {}
    for skill in skills.values():
        by_domain.setdefault(skill.domain.slug, []).append(skill)
    crowd = ctx.objects.get("crowd", [])
    chunks = range(0, len(crowd), BATCH)
    Through = VolunteerProfile.causes.through
    for start in ctx.progress(chunks, desc="Profils de bénévoles", total=len(chunks)):
        batch = crowd[start : start + BATCH]
        plans = [_plan(ctx, user, today, communes, by_domain, skills, causes) for user in batch]
        created = VolunteerProfile.objects.bulk_create([p for p, _, _ in plans], batch_size=BATCH)
        skill_rows, cause_rows = [], []
        for profile, (_, levels, chosen_causes) in zip(created, plans, strict=True):
            skill_rows += [
                VolunteerSkill(profile_id=profile.pk, skill_id=skill_id, level=level)
                for skill_id, level in levels.items()
            ]
            cause_rows += [
                Through(volunteerprofile_id=profile.pk, cause_id=cause.pk)
                for cause in chosen_causes
            ]
        VolunteerSkill.objects.bulk_create(skill_rows, batch_size=BATCH)
        Through.objects.bulk_create(cause_rows, batch_size=BATCH)
        profiles += created
    ctx.objects["profiles"] = profiles


def _plan(ctx, user, today, communes, by_domain, skills, causes):
    """One crowd volunteer's profile (unsaved), skill levels and causes, drawn from ctx.rng."""
    rng = ctx.rng
    kind = rng.choices([Kind.STUDENT, Kind.PROFESSIONAL, Kind.EMPLOYEE], weights=[75, 18, 7])[0]
    profile = VolunteerProfile(user=user, kind=kind)
    home = rng.choice(COMMUNES)
    domain = rng.choice(list(by_domain))
    if kind == Kind.STUDENT:
        school, programme, school_town, domain = rng.choice(SCHOOLS)
        profile.school_name, profile.programme = school, programme
        profile.graduation_year = today.year + rng.randint(0, 3)
        if rng.random() < 0.7:
            home = school_town  # most students live where they study
    elif kind == Kind.EMPLOYEE:
        profile.company_name = rng.choice(COMPANIES)
    commune = communes[home]
    profile.commune = commune
    profile.departement_code = commune.departement_id
    profile.region_code = commune.region_id
    profile.work_mode = rng.choices(
        [WorkMode.REMOTE, WorkMode.ONSITE, WorkMode.BOTH], weights=[4, 2, 4]
    )[0]
    profile.hours_per_week = rng.randint(2, 10)
    if rng.random() < 0.2:
        profile.available_from = today + datetime.timedelta(days=rng.randint(0, 60))
    if rng.random() < 0.3:
        profile.available_until = today + datetime.timedelta(days=rng.randint(90, 300))
    profile.is_public = rng.random() < 0.3

    # Mostly skills of their main domain, sometimes one from elsewhere.
    count = rng.randint(1, 5)
    main = by_domain[domain]
    picked = rng.sample(main, k=min(count, len(main)))
    while len(picked) < count:
        extra = rng.choice(list(skills.values()))
        if extra not in picked:
            picked.append(extra)
    levels = {
        skill.pk: rng.choices([Level.LEARNING, Level.COMFORTABLE, Level.EXPERT], [3, 4, 2])[0]
        for skill in picked
    }
    chosen_causes = rng.sample(list(causes.values()), k=rng.randint(1, 3))

    skill_names = ", ".join(skill.name_fr for skill in picked[:3])
    opening, closing = rng.choice(OPENINGS), rng.choice(CLOSINGS)
    profile.bio = f"{opening} Je peux aider pour : {skill_names}. {closing}"
    if domain in ("graphic-design", "audiovisual") and rng.random() < 0.5:
        profile.portfolio_links = f"https://www.behance.net/{slugify(user.full_name)}"
    elif domain == "web" and rng.random() < 0.5:
        profile.portfolio_links = f"https://github.com/{slugify(user.full_name)}"
    return profile, levels, chosen_causes
