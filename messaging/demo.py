"""Demo conversations: a few exchanges on applications and in mission teams.

The named people (Léa, Karim, Martine, Yacine) get their threads first, so that their inbox
shows read and unread conversations; a bounded sample of the crowd's follows, whatever
the size of the demo.
"""

import datetime
from collections import defaultdict
from contextlib import contextmanager

from django.core.files.base import ContentFile
from django.utils import timezone

from core.demo import DemoContext
from engagements.models import Application
from missions.models import Mission
from organizations.models import Membership

from .models import Attachment, Message, ReadMark, Thread

Status = Application.Status
BATCH = 2000
MAX_APPLICATION_THREADS = 60
MAX_TEAM_THREADS = 25

# (side, text): "a" is the association, "v" the volunteer. {first} is the volunteer's
# first name, {name} the association member's.
APPLICATION_TALKS = [
    [
        (
            "a",
            "Bonjour {first}, merci pour votre proposition ! Pouvez-vous nous montrer un ou "
            "deux travaux que vous avez déjà faits ?",
        ),
        (
            "v",
            "Bonjour, bien sûr : je vous joins deux exemples. Je suis disponible le mercredi "
            "après-midi pour en parler.",
        ),
        ("a", "C’est tout à fait ce que nous cherchons. On peut s’appeler mercredi vers 15 h ?"),
        ("v", "Avec plaisir, à mercredi !"),
    ],
    [
        (
            "v",
            "Bonjour, j’ai une petite question avant de commencer : avez-vous déjà des "
            "couleurs ou un logo que je dois garder ?",
        ),
        (
            "a",
            "Bonjour {first}, nous avons un vieux logo mais il ne plaît plus à personne. "
            "Vous pouvez repartir de zéro !",
        ),
        ("v", "Très bien, je vous propose trois pistes d’ici la fin de la semaine."),
    ],
    [
        (
            "a",
            "Bonjour {first}, votre profil nous plaît beaucoup. Combien de temps pensez-vous "
            "y passer chaque semaine ?",
        ),
        (
            "v",
            "Bonjour {name}, je peux y consacrer environ trois heures par semaine, surtout le "
            "soir.",
        ),
    ],
]
TEAM_TALKS = [
    [
        (
            "a",
            "Bienvenue dans l’équipe ! Je vous propose un premier point la semaine prochaine "
            "pour caler le planning.",
        ),
        ("v", "Merci ! Voici une première liste de questions sur vos textes et vos photos."),
        ("a", "J’ai posé la question au bureau, nous vous répondons d’ici vendredi."),
        ("v", "Voici une première version. Dites-moi ce que vous en pensez, tout peut changer."),
    ],
    [
        ("a", "Bonjour à toutes et à tous, la réunion du bureau a validé le projet. Merci !"),
        ("v", "Super nouvelle ! Je m’occupe de préparer les fichiers pour l’imprimeur."),
        ("a", "Parfait. L’imprimeur demande un PDF en haute qualité, est-ce possible ?"),
    ],
]
# A tiny but real PDF, so that the demo shows an attachment that opens.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


@contextmanager
def _dates_as_given(field):
    """Let bulk_create keep the dates we set: a demo's history lies in the past."""
    field.auto_now_add, saved = False, field.auto_now_add
    try:
        yield
    finally:
        field.auto_now_add = saved


def _applications(ctx: DemoContext) -> list[Application]:
    applications = ctx.objects.get("applications")
    if applications is None:
        applications = list(
            Application.objects.filter(
                status__in=[Status.PENDING, Status.INVITED, Status.ACCEPTED]
            ).select_related("mission", "volunteer")[:2000]
        )
    return [a for a in applications if a.pk is not None]


def build(ctx: DemoContext) -> None:
    applications = _applications(ctx)
    if not applications:
        return
    rng, now = ctx.rng, timezone.now()
    users = ctx.objects.get("users", {})
    named = {users[k].pk for k in ("lea", "karim", "martine", "yacine") if k in users}

    missions = {a.mission_id: a.mission for a in applications}
    members: dict[int, list[int]] = defaultdict(list)
    for organization_id, user_id in (
        Membership.objects.filter(
            organization_id__in={m.organization_id for m in missions.values()}
        )
        .order_by("role", "pk")
        .values_list("organization_id", "user_id")
    ):
        members[organization_id].append(user_id)
    names = dict(
        Membership.objects.filter(
            user_id__in={u for ids in members.values() for u in ids}
        ).values_list("user_id", "user__full_name")
    )
    volunteer_names = {a.volunteer_id: a.volunteer.full_name for a in applications}

    def involves_named(application) -> bool:
        org_members = members.get(missions[application.mission_id].organization_id, [])
        return application.volunteer_id in named or bool(named.intersection(org_members))

    # Application threads: those still being discussed, named people first.
    talking = [
        a
        for a in applications
        if a.status in (Status.PENDING, Status.INVITED, Status.ACCEPTED)
        and members.get(missions[a.mission_id].organization_id)
    ]
    talking.sort(key=lambda a: (not involves_named(a), a.pk))
    chosen = talking[:MAX_APPLICATION_THREADS]

    # Team threads: missions with accepted volunteers.
    team: dict[int, list[int]] = defaultdict(list)
    for a in applications:
        if a.status == Status.ACCEPTED and members.get(missions[a.mission_id].organization_id):
            team[a.mission_id].append(a.volunteer_id)
    team_missions = sorted(team, key=lambda pk: (not named.intersection(team[pk]), pk))[
        :MAX_TEAM_THREADS
    ]

    threads = [Thread(mission_id=a.mission_id, application=a) for a in chosen]
    threads += [Thread(mission_id=pk, application=None) for pk in team_missions]
    threads = Thread.objects.bulk_create(threads, batch_size=BATCH)

    messages, plans = [], []
    for thread in ctx.progress(threads, desc="Messages"):
        mission = missions[thread.mission_id]
        association_side = members[mission.organization_id]
        if thread.application is not None:
            talk = rng.choice(APPLICATION_TALKS)
            volunteers = [thread.application.volunteer_id]
            start = thread.application.created_at or now - datetime.timedelta(days=5)
        else:
            talk = rng.choice(TEAM_TALKS)
            volunteers = team[thread.mission_id]
            start = now - datetime.timedelta(days=rng.uniform(3, 20))
        start = min(start, now - datetime.timedelta(hours=len(talk) + 1))
        step = max((now - start) / (len(talk) + 1), datetime.timedelta(minutes=10))
        at = start
        thread_messages = []
        for side, text in talk:
            at = min(at + step * rng.uniform(0.5, 1.0), now - datetime.timedelta(minutes=5))
            author = rng.choice(association_side if side == "a" else volunteers)
            body = text.format(
                first=volunteer_names.get(volunteers[0], "").split(" ")[0],
                name=names.get(association_side[0], "").split(" ")[0],
            )
            thread_messages.append(
                Message(thread=thread, author_id=author, body=body, created_at=at)
            )
        messages += thread_messages
        thread.last_message_at = thread_messages[-1].created_at
        plans.append((thread, thread_messages, association_side, volunteers))

    with _dates_as_given(Message._meta.get_field("created_at")):
        Message.objects.bulk_create(messages, batch_size=BATCH)
    Thread.objects.bulk_update(threads, ["last_message_at"], batch_size=BATCH)

    # Everyone has read all but the last message: each inbox shows a few unread ones.
    marks = []
    for thread, thread_messages, association_side, volunteers in plans:
        last = thread_messages[-1]
        for user_id in {*association_side, *volunteers}:
            if user_id == last.author_id:
                read_at = last.created_at
            else:
                read_at = last.created_at - datetime.timedelta(minutes=1)
            marks.append(ReadMark(thread=thread, user_id=user_id, read_at=read_at))
    ReadMark.objects.bulk_create(marks, batch_size=BATCH)

    latest: dict[int, datetime.datetime] = {}
    for thread in threads:
        latest[thread.mission_id] = max(
            latest.get(thread.mission_id, thread.last_message_at), thread.last_message_at
        )
    touched = []
    for mission in Mission.objects.filter(pk__in=latest).only("pk", "last_activity_at"):
        if mission.last_activity_at is None or mission.last_activity_at < latest[mission.pk]:
            mission.last_activity_at = latest[mission.pk]
            touched.append(mission)
    Mission.objects.bulk_update(touched, ["last_activity_at"], batch_size=BATCH)

    # One real attachment, on the first volunteer message of the first thread.
    first_volunteer_message = next(
        (m for _, msgs, _, vols in plans for m in msgs if m.author_id in vols), None
    )
    if first_volunteer_message is not None:
        Attachment.objects.create(
            message=first_volunteer_message,
            file=ContentFile(DEMO_PDF, name="premieres-idees.pdf"),
            name="premieres-idees.pdf",
            size=len(DEMO_PDF),
            content_type="application/pdf",
        )
    ctx.objects["threads"] = threads
