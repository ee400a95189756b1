"""Demo attestations: every completed engagement whose attestation is due gets one (Léa's and
Karim's first), and one is revoked, so that each state of the verification page shows."""

from core.demo import DemoContext
from engagements.models import Application
from missions.models import Status as MissionStatus

from .models import Credential
from .services import credential_revoke, due_applications, issue_for

# Signing takes a few hundredths of a second: a large demo attests a sample, not everyone.
LIMIT = 150
REVOCATION_REASON = (
    "L’association nous a signalé que la mission n’a finalement pas été réalisée par cette "
    "personne."
)


def _candidates(ctx: DemoContext) -> list[Application]:
    completed = list(due_applications())
    if not completed:
        # Without the completion app's demo: the teams of the missions marked completed.
        completed = list(
            Application.objects.filter(
                status=Application.Status.ACCEPTED, mission__status=MissionStatus.COMPLETED
            )
        )
    named = {user.pk for user in ctx.objects.get("users", {}).values()}
    completed.sort(key=lambda a: (a.volunteer_id not in named, a.pk))
    return completed[:LIMIT]


def build(ctx: DemoContext) -> None:
    credentials = [
        issue_for(application)
        for application in ctx.progress(_candidates(ctx), desc="Attestations signées")
    ]
    moderator = ctx.objects.get("users", {}).get("nadia")
    named = {user.pk for user in ctx.objects.get("users", {}).values()}
    others = [c for c in credentials if c.application.volunteer_id not in named]
    if others and moderator is not None:
        credential_revoke(credential=ctx.rng.choice(others), by=moderator, reason=REVOCATION_REASON)
    _challenge_night_results(ctx)
    ctx.objects["credentials"] = list(Credential.objects.order_by("pk"))


def _challenge_night_results(ctx: DemoContext) -> None:
    """The autumn night of challenges: its badges, and one answer turned into a mission.

    If the results were not published by the jury's demo (no team ranked yet), they are
    here, as the results slice does: ranks and a prize, then the `results` status."""
    from challenges.followup import answer_to_mission
    from challenges.models import Event, Team
    from organizations.models import Membership

    from .badges import issue_event_badges

    event = ctx.objects.get("challenge_events", {}).get("autumn")
    if event is None:
        return
    event = Event.objects.get(pk=event.pk)
    teams = list(Team.objects.filter(event=event, submission__isnull=False).order_by("pk"))
    if not teams:
        return
    if not Team.objects.filter(event=event, rank__isnull=False).exists():
        for rank, team in enumerate(teams, start=1):
            team.rank = rank
            team.prize = "Prix du jury" if rank == 1 else ""
            team.save(update_fields=["rank", "prize"])
        Event.objects.filter(pk=event.pk).update(status=Event.Status.RESULTS)
        event.refresh_from_db()
    if event.status not in (Event.Status.RESULTS, Event.Status.CLOSED):
        return
    issue_event_badges(event)
    winner = (
        Team.objects.filter(event=event, submission__isnull=False)
        .order_by("rank", "pk")
        .select_related("challenge__association")
        .first()
    )
    if winner is None or winner.challenge is None or winner.mission_id is not None:
        return
    admin = (
        Membership.objects.filter(
            organization=winner.challenge.association, role=Membership.Role.ADMIN
        )
        .select_related("user")
        .order_by("pk")
        .first()
    )
    if admin is not None:
        answer_to_mission(team=winner, by=admin.user)
