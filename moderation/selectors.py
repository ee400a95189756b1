"""Reads for the moderators' pages, and the lookups that check who is asking."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import Count, Max, Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.models import User
from core.roles import roles_of
from missions import lifecycle
from missions.models import Mission, Status
from organizations.delegation import moderated_organizations
from organizations.models import Organization
from organizations.validators import (
    normalize_rna,
    normalize_siren,
    normalize_siret,
    normalize_uai,
    validate_rna,
    validate_siren,
    validate_siret,
    validate_uai,
)

from .models import Report

PER_PAGE = 20
DIRECTORY_URL = "https://annuaire-entreprises.data.gouv.fr/entreprise/{siren}"


def require_staff(request) -> None:
    """Reports are the A-lasso team's work: anyone else gets a 403."""
    if not (request.user.is_authenticated and request.user.is_staff):
        raise PermissionDenied


def is_moderator(user) -> bool:
    """National staff, or a moderator a local authority appointed for its territory."""
    return user.is_authenticated and (user.is_staff or roles_of(user).territorial_moderator)


def require_moderator(request) -> None:
    if not is_moderator(request.user):
        raise PermissionDenied


def scope_of(user) -> QuerySet[Organization] | None:
    """The organisations `user` moderates: None for every one (staff), else her
    territories' associations (`organizations.delegation`)."""
    return moderated_organizations(user)


# --- Registry numbers ----------------------------------------------------------------------
@dataclass(frozen=True)
class RegistryNumber:
    label: str  # "RNA", "SIREN", "UAI" (schools) or "SIRET"
    value: str
    valid: bool
    error: str
    directory_url: str  # the public directory's page, for SIREN numbers of the right form


def registry_numbers(organization: Organization) -> list[RegistryNumber]:
    """The organisation's RNA, SIREN, UAI and SIRET, with the software's format check on each."""
    numbers = []
    for label, raw, normalize, validate in (
        ("RNA", organization.rna, normalize_rna, validate_rna),
        ("SIREN", organization.siren, normalize_siren, validate_siren),
        ("UAI", organization.uai, normalize_uai, validate_uai),
        ("SIRET", organization.siret, normalize_siret, validate_siret),
    ):
        if not raw:
            continue
        value = normalize(raw)
        try:
            validate(value)
        except ValidationError as error:
            valid, message = False, " ".join(str(m) for m in error.messages)
        else:
            valid, message = True, ""
        url = DIRECTORY_URL.format(siren=value) if label == "SIREN" and valid else ""
        numbers.append(RegistryNumber(label, value, valid, message, url))
    return numbers


# --- The queue -----------------------------------------------------------------------------
def pending_organizations(scope: QuerySet[Organization] | None = None) -> QuerySet[Organization]:
    organizations = Organization.objects.filter(verification=Organization.Verification.PENDING)
    if scope is not None:
        organizations = organizations.filter(pk__in=scope.values("pk"))
    return organizations.select_related("commune").order_by("created_at", "pk")


def submitted_missions(scope: QuerySet[Organization] | None = None) -> QuerySet[Mission]:
    missions = Mission.objects.filter(status=Status.SUBMITTED)
    if scope is not None:
        missions = missions.filter(organization_id__in=scope.values("pk"))
    # Missions made directly in the database (imports, tests) have no event: use creation.
    return (
        missions.select_related("organization")
        .annotate(
            submitted_at=Coalesce(
                Max("events__at", filter=Q(events__to_status=Status.SUBMITTED)), "created_at"
            )
        )
        .order_by("submitted_at", "pk")
    )


def open_reports() -> QuerySet[Report]:
    return (
        Report.objects.filter(resolved_at__isnull=True)
        .select_related("reporter", "mission", "organization", "profile_user")
        .order_by("created_at", "pk")
    )


@dataclass
class Queue:
    organizations: Page
    missions: Page
    reports: Page | None  # None for a territorial moderator: reports are the staff's


def _page(queryset: QuerySet, number) -> Page:
    return Paginator(queryset, PER_PAGE).get_page(number)


def moderation_queue(*, user=None, organizations_page=1, missions_page=1, reports_page=1) -> Queue:
    """The three lists moderators work through, oldest first; each page costs 2 queries.
    A territorial moderator (`user`) sees her territories' part, and no reports."""
    scope = scope_of(user) if user is not None else None
    queue = Queue(
        organizations=_page(pending_organizations(scope), organizations_page),
        missions=_page(submitted_missions(scope), missions_page),
        reports=_page(open_reports(), reports_page) if scope is None else None,
    )
    for organization in queue.organizations:
        organization.registry = registry_numbers(organization)
    return queue


def queue_counts() -> dict[str, int]:
    """How much waits for the moderators, in one query per list (for dashboards)."""
    return {
        "organizations": pending_organizations().count(),
        "missions": submitted_missions().count(),
        "reports": open_reports().count(),
    }


# --- Decision pages ------------------------------------------------------------------------
def get_organization_for_staff(request, slug: str) -> Organization:
    """An organisation to decide on: any for staff, her territories' associations for a
    territorial moderator (404 for the others), 403 for everyone else."""
    require_moderator(request)
    organizations = Organization.objects.select_related("commune", "verified_by")
    scope = scope_of(request.user)
    if scope is not None:
        organizations = organizations.filter(pk__in=scope.values("pk"))
    return get_object_or_404(
        organizations.annotate(member_count=Count("memberships", distinct=True)), slug=slug
    )


def missions_of(organization: Organization) -> list[Mission]:
    return list(organization.missions.order_by("-created_at", "-pk")[:50])


def get_mission_for_staff(request, pk: int) -> Mission:
    """A mission to decide on, within the requester's territories as for organisations."""
    require_moderator(request)
    missions = Mission.objects.select_related("organization", "commune", "created_by")
    scope = scope_of(request.user)
    if scope is not None:
        missions = missions.filter(organization_id__in=scope.values("pk"))
    return get_object_or_404(missions, pk=pk)


def mission_events(mission: Mission) -> list:
    return list(mission.events.select_related("by"))


def mission_skills(mission: Mission) -> list:
    return list(mission.required_skills.select_related("skill"))


def get_report_for_staff(request, pk: int) -> Report:
    require_staff(request)
    return get_object_or_404(
        Report.objects.select_related(
            "reporter",
            "resolved_by",
            "mission__organization",
            "mission__created_by",
            "organization",
            "profile_user",
        ),
        pk=pk,
    )


def other_reports_on(report: Report) -> list[Report]:
    """Earlier or later reports on the same thing: a pattern matters more than one report."""
    same = Q(
        mission_id=report.mission_id,
        organization_id=report.organization_id,
        profile_user_id=report.profile_user_id,
    )
    return list(Report.objects.filter(same).exclude(pk=report.pk).select_related("reporter")[:20])


# --- What can be reported ------------------------------------------------------------------
@dataclass(frozen=True)
class Target:
    mission: Mission | None = None
    organization: Organization | None = None
    profile_user: User | None = None

    @property
    def fields(self) -> dict:
        return {
            "mission": self.mission,
            "organization": self.organization,
            "profile_user": self.profile_user,
        }

    @property
    def name(self) -> str:
        thing = self.mission or self.organization or self.profile_user
        return str(thing)

    @property
    def query(self) -> str:
        if self.mission:
            return f"mission={self.mission.pk}"
        if self.organization:
            return f"organization={self.organization.slug}"
        return f"profile={self.profile_user.pk}"  # type: ignore[union-attr]  # one is set


def report_target(request) -> Target:
    """The thing `?mission=`, `?organization=` or `?profile=` names, if one may report it."""
    params = request.GET
    if params.get("mission", "").isdigit():
        # Only what people can see can be reported: public missions.
        mission = get_object_or_404(
            Mission.objects.select_related("organization"),
            pk=int(params["mission"]),
            status__in=lifecycle.PUBLIC,
        )
        return Target(mission=mission)
    if params.get("organization"):
        return Target(organization=get_object_or_404(Organization, slug=params["organization"]))
    if params.get("profile", "").isdigit():
        profile_user = get_object_or_404(User, pk=int(params["profile"]), is_active=True)
        if profile_user.pk == request.user.pk:
            raise PermissionDenied
        return Target(profile_user=profile_user)
    raise Http404("nothing to report")
