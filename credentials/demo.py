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
    ctx.objects["credentials"] = list(Credential.objects.order_by("pk"))
