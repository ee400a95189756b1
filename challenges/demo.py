"""Demo night of challenges: the design school of Nantes opens registration for its
innovation night; two associations' challenges are accepted (Martine's and Yacine's), and
Léa leads a team of three from her cohort."""

import datetime

from django.utils import timezone

from core.demo import DemoContext
from organizations.models import Organization

from . import services
from .models import Event


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
    ctx.objects["challenge_events"] = {"night": Event.objects.get(pk=event.pk)}
