"""Demo nights of challenges: the design school of Nantes opens registration for its
innovation night; two associations' challenges are accepted (Martine's and Yacine's), and
Léa leads a team of three from her cohort. Its autumn night is over: two teams handed in
their answers before the deadline, a jury of three scored them (one conflict of interest
kept apart) and the ranked results are published."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from core.demo import DemoContext
from organizations.models import Organization

from . import jury, services
from .models import Event, Team


def build(ctx: DemoContext) -> None:
    users = ctx.objects["users"]
    organisations = ctx.objects["organizations"]
    school: Organization = organisations["design_nantes"]
    sophie, lea = users["sophie"], users["lea"]
    today = timezone.localdate()
    evening = timezone.now().replace(hour=18, minute=0, second=0, microsecond=0)
    event = services.event_create(
        organiser=school,
        by=sophie,
        title="Nuit de l’innovation solidaire",
        description=(
            "Une soirée pour répondre, en équipes, aux besoins d’associations : une affiche, "
            "un site, un outil. Un jury d’enseignant·es et de bénévoles remet trois prix."
        ),
        registration_opens=today - datetime.timedelta(days=7),
        registration_closes=today + datetime.timedelta(days=21),
        kick_off=evening + datetime.timedelta(days=28),
        submission_deadline=evening + datetime.timedelta(days=29, hours=-10),
        judging_on=today + datetime.timedelta(days=29),
        results_on=today + datetime.timedelta(days=29),
        is_online=False,
        place="École de design de Nantes, 2 rue Stalingrad, Nantes",
        capacity=150,
        team_min=2,
        team_max=5,
        teams_per_challenge=3,
        rules=(
            "Ouvert aux étudiant·es de toutes les écoles. Équipes de 2 à 5 personnes. Chaque "
            "équipe choisit un défi et rend sa réponse le lendemain matin. Le jury note la "
            "réponse au besoin, la clarté et la facilité de reprise par l’association."
        ),
    )
    services.event_transition(event=event, action="publish", by=sophie)
    event.refresh_from_db()
    needs = [
        (
            "belleville",
            users["martine"],
            "Donner envie de jardiner avec nous",
            "Notre jardin partagé de Belleville cherche des jardinier·es de tous âges, mais "
            "nos affiches datent de dix ans.",
            "Une affiche et trois messages courts pour nos réseaux, faciles à modifier.",
        ),
        (
            "venissieux",
            users["yacine"],
            "Un planning des cours lisible sur téléphone",
            "Les familles du club ne trouvent pas les horaires : ils sont dans un tableau "
            "envoyé par courriel.",
            "Une page simple, lisible sur un téléphone, que nos bénévoles mettent à jour.",
        ),
    ]
    chosen = []
    for key, member, title, context, good_answer in needs:
        challenge = services.challenge_submit(
            event=event,
            association=organisations[key],
            by=member,
            title=title,
            context=context,
            good_answer=good_answer,
        )
        services.challenge_decide(
            challenge=challenge, action="accept", by=sophie, is_organiser=True
        )
        chosen.append(challenge)
    # Léa and two classmates of her cohort form a team for the garden's challenge.
    cohort = ctx.objects["cohorts"]["design"]
    classmates = [
        m.student
        for m in cohort.memberships.exclude(student=lea)
        .select_related("student")
        .order_by("pk")[:2]
    ]
    services.register(event=event, student=lea)
    team = services.team_create(event=event, by=lea, name="Les Colibris")
    for classmate in classmates:
        services.team_join(team=team, by=classmate)
    chosen[0].refresh_from_db()
    services.team_choose(team=team, by=lea, challenge=chosen[0])
    ctx.objects["challenge_events"] = {
        "night": Event.objects.get(pk=event.pk),
        "autumn": _autumn_night(ctx, needs, [lea, *classmates]),
    }


# A one-page PDF: what the demo teams hand in.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
ANSWERS = [
    (
        "Les Martinets",
        "Une affiche A3 « Venez semer avec nous » et trois messages courts pour Instagram et "
        "Facebook. Les textes se modifient dans le fichier LibreOffice joint ; les couleurs "
        "reprennent celles du jardin.",
        "https://example.org/martinets/maquette",
    ),
    (
        "Les Hérons",
        "Une page d’horaires lisible sur téléphone, un tableau par jour, que les bénévoles "
        "mettent à jour depuis un tableur partagé. Mode d’emploi en une page joint.",
        "https://example.org/herons/planning\nhttps://example.org/herons/video",
    ),
]


def _autumn_night(ctx: DemoContext, needs, students) -> Event:
    """Last autumn's night: registered and formed while open, then moved to its past dates;
    both teams answered before the deadline; the jury now deliberates."""
    users = ctx.objects["users"]
    organisations = ctx.objects["organizations"]
    sophie = users["sophie"]
    today = timezone.localdate()
    evening = timezone.now().replace(hour=18, minute=0, second=0, microsecond=0)
    event = services.event_create(
        organiser=organisations["design_nantes"],
        by=sophie,
        title="Nuit de l’innovation solidaire d’automne",
        description="La première nuit de l’école : deux défis, deux équipes, un jury.",
        registration_opens=today - datetime.timedelta(days=1),
        registration_closes=today + datetime.timedelta(days=1),
        kick_off=evening + datetime.timedelta(days=2),
        submission_deadline=evening + datetime.timedelta(days=3, hours=-10),
        judging_on=today + datetime.timedelta(days=3),
        results_on=today + datetime.timedelta(days=4),
        place="École de design de Nantes, 2 rue Stalingrad, Nantes",
        capacity=60,
        rules="Équipes de 2 à 5 personnes, une réponse par équipe, remise le lendemain matin.",
    )
    services.event_transition(event=event, action="publish", by=sophie)
    event.refresh_from_db()
    challenges = [
        services.challenge_submit(
            event=event,
            association=organisations[key],
            by=member,
            title=title,
            context=context,
            good_answer=good_answer,
        )
        for key, member, title, context, good_answer in needs
    ]
    for challenge in challenges:
        services.challenge_decide(
            challenge=challenge, action="accept", by=sophie, is_organiser=True
        )
    teams = []
    groups = [students[: len(students) - 1], students[len(students) - 1 :]]
    for (name, _description, _links), group, challenge in zip(
        ANSWERS, groups, challenges, strict=True
    ):
        services.register(event=event, student=group[0])
        team = services.team_create(event=event, by=group[0], name=name)
        for student in group[1:]:
            services.team_join(team=team, by=student)
        challenge.refresh_from_db()
        event.refresh_from_db()
        # A team of one may not choose; the demo's small second team is given its challenge.
        Team.objects.filter(pk=team.pk).update(challenge=challenge)
        teams.append(team)
    # The night took place three weeks ago.
    past = datetime.timedelta(days=24)
    Event.objects.filter(pk=event.pk).update(
        registration_opens=event.registration_opens - past,
        registration_closes=event.registration_closes - past,
        kick_off=event.kick_off - past,
        submission_deadline=event.submission_deadline - past,
        judging_on=event.judging_on - past,
        results_on=event.results_on - past,
    )
    event.refresh_from_db()
    services.event_transition(event=event, action="start", by=sophie)
    for (_name, description, links), team in zip(ANSWERS, teams, strict=True):
        team.refresh_from_db()
        services.submission_save(
            team=team,
            by=team.leader,
            description=description,
            links=links,
            files=[ContentFile(DEMO_PDF, name="reponse.pdf")],
            now=event.submission_deadline - datetime.timedelta(hours=3),
        )
    _jury(ctx, event, teams)
    return Event.objects.get(pk=event.pk)


RUBRIC = [
    ("Utilité pour l’association", "La réponse règle-t-elle le besoin dit dans le défi ?", 3),
    ("Clarté", "Se comprend-elle en un coup d’œil, sur un téléphone aussi ?", 2),
    ("Facilité à reprendre", "Les bénévoles pourront-ils la mettre à jour seuls ?", 1),
]
# (juror, team index) → a value per criterion and what the jury says of it.
SCORES = {
    ("karim", 0): (
        (5, 4, 4),
        "Le besoin est bien compris ; la typographie gagnerait en contraste.",
    ),
    ("paul", 0): ((4, 5, 4), "Très lisible, les couleurs du jardin donnent envie."),
    ("karim", 1): ((4, 4, 3), "Clair sur téléphone ; prévoir une mise à jour sans développeur."),
    ("paul", 1): ((4, 3, 3), "Utile aux familles, le tableau mérite encore une simplification."),
    ("martine", 1): ((5, 4, 3), "Une vraie réponse au besoin du club."),
}


def _jury(ctx: DemoContext, event: Event, teams: list[Team]) -> None:
    """The rubric stated before judging; Karim, Paul and Martine on the jury (Martine kept
    from the answer to her own association's challenge); every answer scored; the results
    published with two prizes, which tells the badges."""
    users = ctx.objects["users"]
    sophie = users["sophie"]
    for name, description, weight in RUBRIC:
        jury.criterion_save(
            event=event, by=sophie, name=name, description=description, weight=weight
        )
    services.event_transition(event=event, action="judge", by=sophie)
    event.refresh_from_db()
    for key in ("karim", "paul", "martine"):
        juror = jury.juror_invite(event=event, by=sophie, email=users[key].email)
        jury.juror_accept(juror=juror, user=users[key])
    created, _refused = jury.assign(event=event, by=sophie)
    criteria = list(event.criteria.all())
    index = {team.pk: position for position, team in enumerate(teams)}
    for assignment in created:
        juror_user = assignment.juror.user
        key = next(k for k in ("karim", "paul", "martine") if users[k] == juror_user)
        values, comment = SCORES[(key, index[assignment.team_id])]
        jury.score_save(
            assignment=assignment,
            by=juror_user,
            values={c.pk: v for c, v in zip(criteria, values, strict=True)},
            comments={criteria[0].pk: comment},
        )
    jury.results_publish(
        event=event, by=sophie, prizes={1: "Prix du jury", 2: "Prix de l’engagement"}
    )
