"""The Open Badges 3.0 credential (a W3C Verifiable Credential 2.0) of one engagement.

Choices where the standard leaves room, explained in docs/credentials.md:
- the volunteer is named in clear (`identifier`, identityType "name", not hashed): the
  attestation exists so that the person can show it to an employer under their name;
- the achievement is the mission (its page's address as id, the association as `creator`
  with its RNA and SIREN as `otherIdentifier`, achievementType "CommunityService");
- the hours confirmed by the association are a `result` described by the achievement;
- the skills the association endorsed and its testimonial are `evidence`;
- every term is defined by the two bundled contexts: Digital Bazaar's verifier, which
  refuses undefined terms, checks it in the tests.
"""

import datetime

from django.conf import settings
from django.urls import reverse

from .facts import CLASS_PROJECT_GENRE, SKILLS_GENRE, SKILLS_SEPARATOR, TESTIMONIAL_GENRE, Facts
from .jsonld import OB_V3, VC_V2
from .keys import platform_did
from .signing import w3c_datetime


def verification_url(public_id: str) -> str:
    return settings.SITE_URL + reverse("credentials:verify", args=[public_id])


def status_list_url(number: int) -> str:
    return settings.SITE_URL + reverse("credentials:status_list", args=[number])


def issuer_profile() -> dict:
    return {
        "id": platform_did(),
        "type": ["Profile"],
        "name": settings.SITE_NAME,
        "url": settings.SITE_URL + "/",
    }


def _french_date(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


def _description(facts: Facts) -> str:
    text = f"{facts.volunteer_name} a réalisé bénévolement la mission « {facts.mission_title} »"
    text += f" pour l’association {facts.association_name}"
    if facts.start_date and facts.end_date:
        text += f", du {_french_date(facts.start_date)} au {_french_date(facts.end_date)}"
    if facts.hours:
        text += f", soit {facts.hours} heures confirmées par l’association"
    if facts.company_name:
        text += (
            f", en tant que salarié·e de {facts.company_name} "
            "dans le cadre du mécénat de compétences"
        )
    if facts.class_project:
        text += f", dans le cadre du projet de classe « {facts.class_project} »"
        if facts.school_name:
            text += f" ({facts.school_name})"
        if facts.role:
            text += f", avec le rôle « {facts.role} »"
    return text + "."


def build(facts: Facts, *, public_id: str, issued_at: datetime.datetime, status: dict) -> dict:
    """The unsigned credential; `status` is its BitstringStatusListEntry."""
    hours_id = facts.mission_url + "#heures"
    identifiers = [
        {"type": ["IdentifierEntry"], "identifier": value, "identifierType": kind}
        for kind, value in (("ext:RNA", facts.rna), ("ext:SIREN", facts.siren))
        if value
    ]
    creator = {"id": facts.association_url, "type": ["Profile"], "name": facts.association_name}
    if identifiers:
        creator["otherIdentifier"] = identifiers
    achievement = {
        "id": facts.mission_url,
        "type": ["Achievement"],
        "achievementType": "CommunityService",
        "name": facts.mission_title,
        "description": facts.mission_need,
        "criteria": {
            "narrative": (
                f"L’association {facts.association_name} a confirmé sur {settings.SITE_NAME} "
                "que la mission a été réalisée."
            )
        },
        "creator": creator,
        "inLanguage": "fr",
        "resultDescription": [
            {
                "id": hours_id,
                "type": ["ResultDescription"],
                "name": "Heures de bénévolat confirmées par l’association",
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
                "identityHash": facts.volunteer_name,
                "identityType": "name",
            }
        ],
        "achievement": achievement,
    }
    if facts.start_date:
        subject["activityStartDate"] = facts.start_date.isoformat()
    if facts.end_date:
        subject["activityEndDate"] = facts.end_date.isoformat()
    if facts.hours:
        subject["result"] = [
            {"type": ["Result"], "resultDescription": hours_id, "value": str(facts.hours)}
        ]
    evidence = []
    if facts.endorsed_skills:
        evidence.append(
            {
                "type": ["Evidence"],
                "name": "Compétences reconnues par l’association",
                "description": SKILLS_SEPARATOR.join(facts.endorsed_skills),
                "genre": SKILLS_GENRE,
            }
        )
    if facts.class_project:
        evidence.append(
            {
                "type": ["Evidence"],
                "name": facts.class_project,
                "description": facts.role,
                "narrative": facts.school_name,
                "genre": CLASS_PROJECT_GENRE,
            }
        )
    if facts.testimonial:
        evidence.append(
            {
                "type": ["Evidence"],
                "name": "Témoignage de l’association",
                "narrative": facts.testimonial,
                "genre": TESTIMONIAL_GENRE,
            }
        )
    document = {
        "@context": [VC_V2, OB_V3],
        "id": verification_url(public_id),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"Mission bénévole : {facts.mission_title}",
        "description": _description(facts),
        "issuer": issuer_profile(),
        "validFrom": w3c_datetime(issued_at),
        "credentialSubject": subject,
        "credentialStatus": status,
    }
    if evidence:
        document["evidence"] = evidence
    return document


def status_entry(*, list_number: int, index: int) -> dict:
    url = status_list_url(list_number)
    return {
        "id": f"{url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(index),
        "statusListCredential": url,
    }


def status_list_credential(*, number: int, encoded_list: str, valid_from: datetime.datetime):
    url = status_list_url(number)
    return {
        "@context": [VC_V2],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        # Only the VC context here: the Open Badges `Profile` term would be undefined.
        "issuer": platform_did(),
        "validFrom": w3c_datetime(valid_from),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encoded_list,
        },
    }


# Without the holder (account deleted): what stays is what the association did, not who.
PERSONAL_KEYS = ("description", "evidence", "proof")


def redact(document: dict) -> dict:
    kept = {key: value for key, value in document.items() if key not in PERSONAL_KEYS}
    subject = {
        key: value
        for key, value in document.get("credentialSubject", {}).items()
        if key != "identifier"
    }
    return {**kept, "credentialSubject": subject}
