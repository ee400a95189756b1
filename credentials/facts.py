"""What an attestation states, gathered from the engagement, and read back from the credential.

`gather(application)` collects the facts when the credential is issued; `read(document)`
reads them back from the signed document, so that the verification page and the PDF say
exactly what the signature covers, even if the mission or the association changes later.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils import timezone

from completion.selectors import volunteer_review
from completion.services import REVIEW_DELAY
from engagements.models import Application
from schools.selectors import project_of_student
from volunteers.models import VolunteerProfile


@dataclass
class Facts:
    volunteer_name: str
    association_name: str
    association_url: str
    rna: str
    siren: str
    mission_title: str
    mission_need: str
    mission_url: str
    start_date: datetime.date | None
    end_date: datetime.date | None
    # Whole hours; a coup de main may count a half hour (quickhelp): then a Decimal.
    hours: int | Decimal | None
    endorsed_skills: list[str] = field(default_factory=list)
    testimonial: str = ""
    # Set for a company's employee: the hours count as mécénat de compétences.
    company_name: str = ""
    # Set when the mission was a school's class project: its name, the school, her role.
    class_project: str = ""
    school_name: str = ""
    role: str = ""


def association_review(application: Application, *, now: datetime.datetime | None = None):
    """The association's review of the volunteer once it is public: published, or past the
    delay after which completion publishes it anyway. Before that, the volunteer may not
    read it, so neither may the attestation."""
    review = volunteer_review(application)
    if review is None:
        return None
    completion = getattr(application, "completion", None)
    now = now or timezone.now()
    past_delay = bool(
        completion and completion.completed_at and completion.completed_at <= now - REVIEW_DELAY
    )
    return review if review.is_published or past_delay else None


def gather(application: Application) -> Facts:
    mission = application.mission
    organization = mission.organization
    agreement = getattr(application, "agreement", None)
    completion = getattr(application, "completion", None)
    hours = completion and completion.confirmed_hours
    if not hours:
        hours = (agreement and agreement.hours) or mission.effort_hours
    start = (agreement and agreement.start_date) or mission.start_date
    if start is None and application.answered_at:
        start = timezone.localdate(application.answered_at)
    if completion and completion.completed_at:
        end = timezone.localdate(completion.completed_at)
    else:
        end = (agreement and agreement.end_date) or mission.end_date
    if start and end and start > end:
        start = end  # finished before the planned start: the work happened by the end
    review = association_review(application)
    # The signed text is French, whatever language the worker that signs it runs in.
    skills = [skill.name_fr for skill in review.endorsed_skills.all()] if review else []
    profile = VolunteerProfile.objects.filter(user_id=application.volunteer_id).first()
    company = ""
    if profile and profile.kind == VolunteerProfile.Kind.EMPLOYEE:
        company = profile.company_name
    place = project_of_student(application)
    return Facts(
        class_project=place.project.name if place else "",
        school_name=place.project.cohort.school.name if place else "",
        role=place.role if place else "",
        volunteer_name=application.volunteer.full_name,
        association_name=organization.name,
        association_url=settings.SITE_URL + organization.get_absolute_url(),
        rna=organization.rna,
        siren=organization.siren,
        mission_title=mission.title,
        mission_need=mission.need,
        mission_url=f"{settings.SITE_URL}/missions/{mission.pk}/",
        start_date=start,
        end_date=end,
        hours=hours,
        endorsed_skills=skills,
        testimonial=review.testimonial if review else "",
        company_name=company,
    )


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _hours(value) -> int | Decimal | None:
    try:
        hours = Decimal(str(value)) if value else None
    except InvalidOperation:
        return None
    if hours is None:
        return None
    return int(hours) if hours == hours.to_integral_value() else hours


def read(document: dict, *, company_name: str = "") -> Facts:
    """The facts a (possibly erased) credential document states."""
    subject = document.get("credentialSubject", {})
    achievement = subject.get("achievement", {})
    creator = achievement.get("creator", {})
    identifiers = {
        entry.get("identifierType"): entry.get("identifier")
        for entry in creator.get("otherIdentifier", [])
    }
    names = [
        entry.get("identityHash", "")
        for entry in subject.get("identifier", [])
        if entry.get("identityType") == "name"
    ]
    hours = next((r.get("value") for r in subject.get("result", [])), None)
    evidence = {item.get("genre"): item for item in document.get("evidence", [])}
    skills = evidence.get(SKILLS_GENRE, {}).get("description", "")
    return Facts(
        volunteer_name=names[0] if names else "",
        association_name=creator.get("name", ""),
        association_url=creator.get("id", ""),
        rna=identifiers.get("ext:RNA", ""),
        siren=identifiers.get("ext:SIREN", ""),
        mission_title=achievement.get("name", ""),
        mission_need=achievement.get("description", ""),
        mission_url=achievement.get("id", ""),
        start_date=_date(subject.get("activityStartDate")),
        end_date=_date(subject.get("activityEndDate")),
        hours=_hours(hours),
        endorsed_skills=[s for s in skills.split(SKILLS_SEPARATOR) if s],
        testimonial=evidence.get(TESTIMONIAL_GENRE, {}).get("narrative", ""),
        company_name=company_name,
        class_project=evidence.get(CLASS_PROJECT_GENRE, {}).get("name", ""),
        school_name=evidence.get(CLASS_PROJECT_GENRE, {}).get("narrative", ""),
        role=evidence.get(CLASS_PROJECT_GENRE, {}).get("description", ""),
    )


# How the association's words are filed as Open Badges `evidence` (see document.py).
SKILLS_GENRE = "Compétences reconnues"
TESTIMONIAL_GENRE = "Témoignage"
CLASS_PROJECT_GENRE = "Projet de classe"
SKILLS_SEPARATOR = " ; "
