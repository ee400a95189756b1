"""Open Badges 3.0 of challenge events: one for taking part, one for a prize.

Issued when the organiser publishes the results (`challenges.signals.results_published`),
to each member of each team that submitted an answer; signed, published and revoked like
the attestations (same key, same status lists, same verification page). The document keeps
the attestation's shape (holder named in clear, the achievement created by the organiser)
so that `facts.read` reads it back for the verification page and the holder's list.
"""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from challenges.models import Event, Registration, Team

from . import document as documents
from .jsonld import OB_V3, VC_V2
from .models import Credential
from .services import issue_signed
from .signing import w3c_datetime


def badge_name(kind: str, team: Team) -> str:
    # The signed text is French, whatever language the worker that signs it runs in.
    if kind == Credential.Kind.PRIZE:
        return f"{team.prize} — {team.event.title}"
    return f"Participation à {team.event.title}"


def _description(kind: str, *, name: str, team: Team) -> str:
    event = team.event
    text = f"{name} a participé à « {event.title} », organisé par {event.organiser.name}"
    text += f", au sein de l’équipe « {team.name} »"
    if team.challenge:
        text += (
            f", en répondant au défi « {team.challenge.title} » "
            f"de l’association {team.challenge.association.name}"
        )
    if kind == Credential.Kind.PRIZE:
        text += f". L’équipe a reçu le prix « {team.prize} »"
    return text + "."


def build(kind: str, *, team: Team, holder, public_id: str, issued_at, status: dict) -> dict:
    event = team.event
    organiser = event.organiser
    event_url = settings.SITE_URL + event.get_absolute_url()
    name = badge_name(kind, team)
    criteria = (
        f"Membre d’une équipe qui a remis une réponse à un défi de « {event.title} »."
        if kind == Credential.Kind.PARTICIPATION
        else f"Membre de l’équipe à qui le jury de « {event.title} » a décerné ce prix."
    )
    achievement = {
        "id": f"{event_url}#{kind}-{team.pk}" if kind == Credential.Kind.PRIZE else event_url,
        "type": ["Achievement"],
        "achievementType": "Award" if kind == Credential.Kind.PRIZE else "Badge",
        "name": name,
        "description": event.description or event.title,
        "criteria": {"narrative": criteria},
        "creator": {
            "id": settings.SITE_URL + organiser.get_absolute_url(),
            "type": ["Profile"],
            "name": organiser.name,
        },
        "inLanguage": "fr",
    }
    subject = {
        "type": ["AchievementSubject"],
        "identifier": [
            {
                "type": "IdentityObject",
                "hashed": False,
                "identityHash": holder.full_name,
                "identityType": "name",
            }
        ],
        "achievement": achievement,
        "activityStartDate": timezone.localdate(event.kick_off).isoformat(),
        "activityEndDate": timezone.localdate(event.submission_deadline).isoformat(),
    }
    return {
        "@context": [VC_V2, OB_V3],
        "id": documents.verification_url(public_id),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": name,
        "description": _description(kind, name=holder.full_name, team=team),
        "issuer": documents.issuer_profile(),
        "validFrom": w3c_datetime(issued_at),
        "credentialSubject": subject,
        "credentialStatus": status,
    }


def _issue(kind: str, *, team: Team, holder) -> Credential | None:
    if Credential.objects.filter(team=team, holder=holder, kind=kind).exists():
        return None
    return issue_signed(
        build=partial(build, kind, team=team, holder=holder),
        verb="credential.badge_issued",
        audit_data={"kind": kind, "team": team.pk},
        kind=kind,
        holder=holder,
        team=team,
    )


@transaction.atomic
def issue_event_badges(event: Event) -> list[Credential]:
    """Every participant's badge, and the prize winners' ones; publishing twice issues
    nothing new (one badge per holder, team and kind)."""
    event = Event.objects.select_for_update().select_related("organiser").get(pk=event.pk)
    if event.status not in (Event.Status.RESULTS, Event.Status.CLOSED):
        return []
    teams = (
        Team.objects.filter(event=event, submission__isnull=False)
        .select_related("challenge__association", "event__organiser")
        .order_by("pk")
    )
    registrations = (
        Registration.objects.filter(team__in=teams)
        .select_related("student")
        .order_by("team_id", "student_id")
    )
    members: dict[int, list] = {}
    for registration in registrations:
        members.setdefault(registration.team_id, []).append(registration.student)
    issued = []
    for team in teams:
        for student in members.get(team.pk, []):
            kinds = [Credential.Kind.PARTICIPATION]
            if team.prize.strip():
                kinds.append(Credential.Kind.PRIZE)
            for kind in kinds:
                credential = _issue(kind, team=team, holder=student)
                if credential is not None:
                    issued.append(credential)
    return issued
