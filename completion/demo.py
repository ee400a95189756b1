"""Demo ends of missions: work handed over (pictures drawn with Pillow, links), hours, and
the reviews of both sides — some published, some still waiting for the other side.

Completed missions end every engagement of their team; delivered ones wait for the
association's answer. Léa and Karim get completed missions of their own, so that their
books have something to show. Credentials are not issued here: the credentials app issues
them from what this builds (its job catches up on completions made without signals).
"""

import datetime
import io
import unicodedata

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from core.demo import DemoContext
from engagements.models import Agreement, Application
from missions.models import Mission, MissionEvent, MissionSkill
from missions.models import Status as MissionStatus
from organizations.models import Membership

from .files import make_preview
from .models import Completion, Deliverable, Review
from .services import REVIEW_DELAY

# What each kind of mission leaves behind: pictures (file name, caption) and a link path.
WORK = {
    "logo-visual-identity": ([("logo-couleur.png", "Logo"), ("logo-noir-et-blanc.png", "N&B")], ""),
    "event-poster": ([("affiche.png", "Affiche"), ("flyer.png", "Flyer")], ""),
    "showcase-website": ([("page-accueil.png", "Accueil")], "/"),
    "website-refresh": ([("nouvelle-page-accueil.png", "Accueil")], "/"),
    "social-media-calendar": ([("visuel-publication.png", "Publication")], "/calendrier"),
    "newsletter": ([("modele-lettre.png", "Lettre")], "/lettre"),
    "presentation-video": ([("vignette-video.png", "Vidéo")], "/video"),
    "event-photo-report": ([("photo-fete.png", "Photo"), ("photo-atelier.png", "Atelier")], ""),
    "activity-report-layout": ([("rapport-couverture.png", "Rapport")], ""),
    "impact-dashboard": ([("tableau-de-bord.png", "Tableau")], "/tableau-de-bord"),
    "web-writing-seo": ([], "/"),
    "online-memberships-donations": ([], "/adherer"),
    "accessibility-audit": ([], "/audit"),
    "custom-automation": ([], "/outil"),
    "collaborative-tools": ([], "/espace-partage"),
}
# Colours of the demo pictures: background, ink (contrasted, in the site's palette).
PALETTE = [
    ((122, 46, 14), (246, 244, 239)),
    ((11, 92, 173), (255, 244, 229)),
    ((26, 107, 52), (240, 248, 240)),
    ((246, 244, 239), (90, 31, 8)),
    ((255, 244, 229), (11, 92, 173)),
]
# Pictures are drawn for this many completions at most; later ones get links only.
PICTURES_FOR = 80

NOTES = [
    "Voici le travail terminé. Les fichiers sont prêts à être utilisés ; je reste "
    "disponible si vous avez une question.",
    "Tout est là ! J’ai ajouté une version plus légère pour les réseaux sociaux.",
    "Merci pour votre accueil. Vous trouverez ci-joint la version finale, comme convenu.",
    "C’est prêt. J’ai suivi vos remarques de la dernière réunion.",
]
DONE = [
    "{name} a réalisé « {title} » pour notre association, de la première idée à la version finale.",
    "{name} a pris en main « {title} » et nous a remis un travail complet et soigné.",
    "Pour « {title} », {name} a proposé plusieurs pistes, puis finalisé celle que nous avions "
    "choisie.",
]
HOW = [
    "Très à l’écoute, {name} a pris le temps de comprendre notre association et de nous "
    "expliquer chaque choix simplement.",
    "Les échanges ont été simples et réguliers ; {name} nous tenait au courant à chaque étape.",
    "{name} a su s’adapter à nos contraintes de bénévoles, avec patience et bonne humeur.",
]
RECOMMEND = [
    "Oui, sans hésiter : nous referons appel à {name}.",
    "Nous recommandons chaleureusement {name} pour tout projet de ce type.",
    "Oui, pour son sérieux et sa créativité.",
]
COMMENTS = [
    "Merci pour votre accueil, c’était un plaisir de travailler avec vous !",
    "Une équipe très disponible, qui savait ce qu’elle voulait.",
    "",
    "Merci pour votre confiance.",
]


def _initials(name: str) -> str:
    words = [w for w in name.replace("’", " ").replace("-", " ").split() if w[:1].isupper()]
    return "".join(w[0] for w in words[:3]) or name[:2].upper()


# Pillow's own font has no accented letters: DejaVu (installed with the test tools) has them.
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def _font(size: int):
    try:
        return ImageFont.truetype(DEJAVU, size)
    except OSError:
        return None


def _plain(text: str) -> str:
    """Without accents, for the fallback font that cannot draw them."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def picture(organization: str, caption: str, colours) -> bytes:
    """A flat "design" the size of a screen: the association's initials and a caption."""
    background, ink = colours
    image = Image.new("RGB", (800, 560), background)
    draw = ImageDraw.Draw(image)
    draw.ellipse((250, 60, 550, 360), outline=ink, width=14)
    big, name_font, small = _font(100), _font(34), _font(28)
    if big is None:  # no DejaVu: Pillow's font, at its sizes, without accents
        big = name_font = small = ImageFont.load_default()
        organization, caption = _plain(organization), _plain(caption)
    draw.text((400, 210), _initials(organization), fill=ink, font=big, anchor="mm")
    draw.text((400, 430), organization[:36], fill=ink, font=name_font, anchor="mm")
    draw.text((400, 490), caption, fill=ink, font=small, anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _add_picture(completion: Completion, name: str, data: bytes) -> None:
    deliverable = Deliverable(
        completion=completion,
        kind=Deliverable.Kind.FILE,
        file=ContentFile(data, name=name),
        name=name,
        size=len(data),
        content_type="image/png",
    )
    preview = make_preview(io.BytesIO(data), "image/png")
    if preview is not None:
        deliverable.preview, deliverable.preview_width, deliverable.preview_height = preview
    deliverable.save()


def _give_completed_missions(ctx: DemoContext, person, count: int, now) -> None:
    """Put `person` on `count` completed missions (their team grows by one if it was full)."""
    if person is None:
        return
    done = Application.objects.filter(
        volunteer=person,
        status=Application.Status.ACCEPTED,
        mission__status=MissionStatus.COMPLETED,
    ).count()
    if done >= count:
        return
    members = Membership.objects.filter(user=person).values("organization")
    candidates = list(
        Mission.objects.filter(status=MissionStatus.COMPLETED)
        .exclude(applications__volunteer=person)
        .exclude(organization__in=members)
        .order_by("pk")
    )
    graphic = [
        m for m in candidates if m.template and m.template.slug in WORK and WORK[m.template.slug][0]
    ]
    chosen = (graphic or candidates)[: count - done]
    for mission in chosen:
        accepted = mission.applications.filter(status=Application.Status.ACCEPTED).count()
        if accepted >= mission.team_size:
            mission.team_size = accepted + 1
            mission.save(update_fields=["team_size"])
        started = mission.published_at or now - datetime.timedelta(days=60)
        answered_by = (
            Membership.objects.filter(organization=mission.organization)
            .order_by("role", "pk")
            .values_list("user_id", flat=True)
            .first()
        )
        application = Application.objects.create(
            mission=mission,
            volunteer=person,
            status=Application.Status.ACCEPTED,
            message="Bonjour, votre projet me plaît beaucoup : je serais ravie de vous aider.",
            answered_by_id=answered_by,
            answered_at=started + datetime.timedelta(days=2),
        )
        Application.objects.filter(pk=application.pk).update(
            created_at=started + datetime.timedelta(days=1)
        )
        confirmed = started + datetime.timedelta(days=3)
        Agreement.objects.create(
            application=application,
            scope=mission.need,
            deliverables=mission.deliverables,
            start_date=mission.start_date,
            end_date=mission.end_date,
            hours=mission.effort_hours,
            licence=mission.licence,
            association_confirmed_at=confirmed,
            association_confirmed_by_id=answered_by,
            volunteer_confirmed_at=confirmed,
        )


def build(ctx: DemoContext) -> None:
    rng = ctx.rng
    now = timezone.now()
    users = ctx.objects.get("users", {})
    _give_completed_missions(ctx, users.get("lea"), 2, now)
    _give_completed_missions(ctx, users.get("karim"), 1, now)

    ending = (
        Application.objects.filter(
            status=Application.Status.ACCEPTED,
            mission__status__in=[MissionStatus.DELIVERED, MissionStatus.COMPLETED],
        )
        .select_related("mission__organization", "mission__template", "volunteer", "agreement")
        .order_by("mission_id", "pk")
    )
    ending = list(ending)
    if not ending:
        return
    mission_ids = {a.mission_id for a in ending}
    moved = {
        (mission_id, status): at
        for mission_id, status, at in MissionEvent.objects.filter(
            mission_id__in=mission_ids,
            to_status__in=[MissionStatus.DELIVERED, MissionStatus.COMPLETED],
        ).values_list("mission_id", "to_status", "at")
    }
    skills_of_mission: dict[int, list[int]] = {}
    for mission_id, skill_id in MissionSkill.objects.filter(mission_id__in=mission_ids).values_list(
        "mission_id", "skill_id"
    ):
        skills_of_mission.setdefault(mission_id, []).append(skill_id)
    named = {u.pk for u in users.values()}

    for index, application in enumerate(ctx.progress(ending, desc="Fins de mission")):
        mission = application.mission
        agreement = getattr(application, "agreement", None)
        finished = mission.status == MissionStatus.COMPLETED
        delivered_at = moved.get((mission.pk, MissionStatus.DELIVERED)) or now - datetime.timedelta(
            days=rng.randint(2, 20)
        )
        delivered_at -= datetime.timedelta(hours=rng.randint(1, 30))
        completed_at = moved.get((mission.pk, MissionStatus.COMPLETED)) if finished else None
        if finished and completed_at is None:
            completed_at = delivered_at + datetime.timedelta(days=rng.randint(1, 5))
        planned = (agreement.hours if agreement else None) or mission.effort_hours or 10
        proposed = max(1, planned + rng.randint(-3, 4))
        completion = Completion.objects.create(
            application=application,
            status=Completion.Status.COMPLETED if finished else Completion.Status.DELIVERED,
            note=rng.choice(NOTES),
            proposed_hours=proposed,
            confirmed_hours=(proposed if rng.random() < 0.8 else planned) if finished else None,
            delivered_at=delivered_at,
            completed_at=completed_at,
            completed_by_id=application.answered_by_id if finished else None,
            # The reminders of these old ends are not worth sending now.
            review_reminded_at=completed_at,
        )
        Completion.objects.filter(pk=completion.pk).update(created_at=delivered_at)

        slug = mission.template.slug if mission.template else ""
        pictures, path = WORK.get(slug, ([], "/"))
        draw = index < PICTURES_FOR or application.volunteer_id in named
        if draw:
            colours = rng.choice(PALETTE)
            for name, caption in pictures:
                _add_picture(completion, name, picture(mission.organization.name, caption, colours))
        if path or not pictures:
            url = f"https://{mission.organization.slug}.exemple.org{path or '/'}"
            Deliverable.objects.create(
                completion=completion, kind=Deliverable.Kind.LINK, url=url, name=url
            )
        if finished:
            _reviews(
                ctx,
                application,
                completion,
                skills_of_mission.get(mission.pk, []),
                now,
                always=application.volunteer_id in named,
            )


def _reviews(
    ctx: DemoContext, application, completion: Completion, skill_ids, now, *, always: bool
) -> None:
    """Both sides most of the time; recent ends may still wait for one side, or both."""
    rng = ctx.rng
    ended = completion.completed_at
    old = ended <= now - REVIEW_DELAY
    roll = rng.random()
    if always or roll < 0.6:
        sides = ["association", "volunteer"]
    elif roll < 0.8:
        sides = ["association"]
    elif roll < 0.9:
        sides = ["volunteer"]
    else:
        sides = []
    rng.shuffle(sides)
    first = ended + datetime.timedelta(hours=rng.randint(2, 96))
    second = first + datetime.timedelta(hours=rng.randint(2, 96))
    times = [min(first, now), min(second, now)]
    if len(sides) == 2:
        published = times[1]
    elif old:
        published = ended + REVIEW_DELAY
    else:
        published = None
    name = application.volunteer.first_name
    title = application.mission.title
    for side, written in zip(sides, times, strict=False):
        if side == "association":
            answers = [
                rng.choice(DONE).format(name=name, title=title),
                rng.choice(HOW).format(name=name),
                rng.choice(RECOMMEND).format(name=name),
            ]
            review = Review.objects.create(
                application=application,
                direction=Review.Direction.ASSOCIATION,
                author_id=application.answered_by_id,
                quality=rng.choice([4, 5, 5, 5]),
                communication=rng.choice([3, 4, 5, 5]),
                deadlines=rng.choice([3, 4, 5, 5]),
                answer_done=answers[0],
                answer_how=answers[1],
                answer_recommend=answers[2],
                testimonial="\n\n".join(answers),
                written_at=written,
                published_at=published,
            )
            endorsed = rng.sample(skill_ids, min(len(skill_ids), rng.randint(1, 2)))
            review.endorsed_skills.set(endorsed)
        else:
            Review.objects.create(
                application=application,
                direction=Review.Direction.VOLUNTEER,
                author_id=application.volunteer_id,
                clarity=rng.choice([3, 4, 4, 5, 5]),
                availability=rng.choice([2, 3, 4, 5, 5]),
                respect=rng.choice([4, 5, 5, 5]),
                comment=rng.choice(COMMENTS),
                written_at=written,
                published_at=published,
            )
