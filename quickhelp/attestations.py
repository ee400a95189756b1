"""The attestation of a coup de main: one signed credential per helper and solved question.

When the association marks a question solved, each helper's hours are credited (`Credit`:
an hour for the call, half an hour for a written answer); each credit is then attested by
an Open Badges 3.0 credential signed, published and revoked like the mission attestations
(`credentials.services.issue_signed`: same key, same status lists, same verification page,
same PDF). It names the association, the topic and the hours, never the question's words
nor the thanks (written to her, not for the public).

One per solved question rather than a yearly statement: what it attests is final when it
is issued (the question solved, its hours fixed), so it is issued once and never changes,
like a mission's. The document keeps the attestation's shape (the association as the
achievement's `creator`, the hours as a `result`) so that `credentials.facts.read` reads
it back for the verification page, the PDF and her list of attestations.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from credentials import document as documents
from credentials.jsonld import OB_V3, VC_V2
from credentials.models import Credential
from credentials.services import issue_signed
from credentials.signing import w3c_datetime

from .models import Credit


def _hours(credit: Credit) -> str:
    """ "1" or "0.5": the hours as the signed document states them."""
    hours = credit.hours.normalize()
    return f"{hours:f}"


def _french(hours: str) -> str:
    return hours.replace(".", ",")


def build(credit: Credit, *, public_id: str, issued_at, status: dict) -> dict:
    """The unsigned credential of `credit` (the signed text is French, whatever language
    the worker that signs it runs in)."""
    question = credit.question
    organization = question.organization
    helper = credit.helper
    question_url = settings.SITE_URL + reverse("quickhelp:question", args=[question.pk])
    hours_id = question_url + "#heures"
    hours = _hours(credit)
    # The topic, never the question's own words: they may say something personal (the
    # public answer base has them edited and reviewed first), the attestation is public.
    topic = question.domain.name_fr
    how = "un appel d’une heure" if credit.kind == Credit.Kind.CALL else "une réponse écrite"
    identifiers = [
        {"type": ["IdentifierEntry"], "identifier": value, "identifierType": kind}
        for kind, value in (("ext:RNA", organization.rna), ("ext:SIREN", organization.siren))
        if value
    ]
    creator = {
        "id": settings.SITE_URL + organization.get_absolute_url(),
        "type": ["Profile"],
        "name": organization.name,
    }
    if identifiers:
        creator["otherIdentifier"] = identifiers
    day = timezone.localdate(question.solved_at or credit.credited_at).isoformat()
    achievement = {
        "id": question_url,
        "type": ["Achievement"],
        "achievementType": "CommunityService",
        "name": topic,
        "description": f"Coup de main bénévole : {how}.",
        "criteria": {
            "narrative": (
                f"L’association {organization.name} a marqué la question résolue sur "
                f"{settings.SITE_NAME} ; un appel compte une heure, une réponse écrite une "
                "demi-heure."
            )
        },
        "creator": creator,
        "inLanguage": "fr",
        "resultDescription": [
            {
                "id": hours_id,
                "type": ["ResultDescription"],
                "name": "Heures de coup de main comptées sur la question résolue",
                "resultType": "ext:VolunteerHours",
            }
        ],
    }
    subject = {
        "type": ["AchievementSubject"],
        "identifier": [
            {
                "type": "IdentityObject",
                "hashed": False,
                "identityHash": helper.full_name,
                "identityType": "name",
            }
        ],
        "achievement": achievement,
        "activityStartDate": day,
        "activityEndDate": day,
        "result": [{"type": ["Result"], "resultDescription": hours_id, "value": hours}],
    }
    document = {
        "@context": [VC_V2, OB_V3],
        "id": documents.verification_url(public_id),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"Coup de main bénévole : {topic}",
        "description": (
            f"{helper.full_name} a donné bénévolement un coup de main ({how}) à "
            f"l’association {organization.name} sur une question de « {topic} » que "
            f"l’association a marquée résolue, soit {_french(hours)} h."
        ),
        "issuer": documents.issuer_profile(),
        "validFrom": w3c_datetime(issued_at),
        "credentialSubject": subject,
        "credentialStatus": status,
    }
    return document


@transaction.atomic
def attest(credit: Credit) -> Credential:
    """The signed attestation of `credit`: issued once, then always the same."""
    # The lock makes two simultaneous calls for one credit issue one credential.
    credit = (
        Credit.objects.select_for_update(of=("self",))
        .select_related("question__organization", "question__domain", "helper", "credential")
        .get(pk=credit.pk)
    )
    if credit.credential is not None:
        return credit.credential
    credential = issue_signed(
        kind=Credential.Kind.QUICKHELP,
        holder=credit.helper,
        build=lambda **slot: build(credit, **slot),
        verb="credential.quickhelp_issued",
        audit_data={"question": credit.question_id},
    )
    credit.credential = credential
    credit.save(update_fields=["credential"])
    return credential


def attest_question(question_id: int) -> list[Credential]:
    """The attestations of every helper of a solved question."""
    return [attest(credit) for credit in Credit.objects.filter(question_id=question_id)]


def attest_due() -> int:
    """Every credit still without its attestation (a failed task): the hourly catch-up."""
    due = list(Credit.objects.filter(credential__isnull=True).order_by("pk"))
    for credit in due:
        attest(credit)
    return len(due)
