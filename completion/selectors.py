"""Reads about completions and reviews, and the lookups that check who is asking.

`volunteer_review(application)` is read by the credentials (attestation, verification
page); `association_ratings` and `with_ratings` by the pages that help volunteers choose.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from engagements.models import Application
from engagements.selectors import get_application_for_viewer
from missions.selectors import is_member
from organizations.models import Organization
from schools.selectors import teammates_of

from .models import Completion, Deliverable, Review

# Fewer published reviews than this and an average would point at one person's opinion.
MIN_REVIEWS = 3
ASSOCIATION_CRITERIA = ("clarity", "availability", "respect")
VOLUNTEER_CRITERIA = ("quality", "communication", "deadlines")


def completion_of(application: Application) -> Completion | None:
    return (
        Completion.objects.filter(application=application)
        .select_related("completed_by", "changes_requested_by")
        .prefetch_related("deliverables")
        .first()
    )


def volunteer_review(application: Application) -> Review | None:
    """The association's review of the volunteer, published or not, with endorsed skills."""
    return (
        Review.objects.filter(application=application, direction=Review.Direction.ASSOCIATION)
        .select_related("author")
        .prefetch_related("endorsed_skills")
        .first()
    )


def reviews_of(application: Application) -> dict[str, Review]:
    """Both sides' reviews of an engagement, by direction (one query, skills prefetched)."""
    reviews = (
        Review.objects.filter(application=application)
        .select_related("author")
        .prefetch_related("endorsed_skills")
    )
    return {review.direction: review for review in reviews}


@dataclass(frozen=True)
class Ratings:
    """What volunteers say of an association: averages out of 5 and how many said it."""

    count: int
    clarity: float | None = None
    availability: float | None = None
    respect: float | None = None

    @property
    def enough(self) -> bool:
        return self.count >= MIN_REVIEWS

    @property
    def overall(self) -> float | None:
        values = [v for v in (self.clarity, self.availability, self.respect) if v is not None]
        return round(sum(values) / len(values), 1) if values else None


def _published_about_association(prefix: str = "") -> Q:
    return Q(
        **{
            f"{prefix}direction": Review.Direction.VOLUNTEER,
            f"{prefix}published_at__isnull": False,
        }
    )


def association_ratings(organization: Organization) -> Ratings:
    """The published volunteers' reviews of `organization`, averaged (one query)."""
    row = Review.objects.filter(
        _published_about_association(), application__mission__organization=organization
    ).aggregate(
        count=Count("pk"),
        clarity=Avg("clarity"),
        availability=Avg("availability"),
        respect=Avg("respect"),
    )
    return Ratings(
        count=row["count"],
        **{
            name: round(row[name], 1) if row[name] is not None else None
            for name in ASSOCIATION_CRITERIA
        },
    )


def with_ratings(organizations: QuerySet[Organization]) -> QuerySet[Organization]:
    """Organisations annotated with `review_count`, `rating_clarity`, `rating_availability`
    and `rating_respect`, from published volunteers' reviews, in the same single query."""
    about = _published_about_association("missions__applications__reviews__")
    return organizations.annotate(
        review_count=Count("missions__applications__reviews", filter=about),
        **{
            f"rating_{name}": Avg(f"missions__applications__reviews__{name}", filter=about)
            for name in ASSOCIATION_CRITERIA
        },
    )


def ratings_from(organization: Organization) -> Ratings:
    """`Ratings` from an organisation read through `with_ratings`."""
    return Ratings(
        count=organization.review_count,  # type: ignore[attr-defined]  # with_ratings
        **{
            name: (
                round(getattr(organization, f"rating_{name}"), 1)
                if getattr(organization, f"rating_{name}") is not None
                else None
            )
            for name in ASSOCIATION_CRITERIA
        },
    )


def volunteer_ratings(user_ids) -> dict[int, float]:
    """Average of the published association reviews of each volunteer (one query), for
    matching's track record: user id → average of quality, communication and deadlines."""
    rows = (
        Review.objects.filter(
            direction=Review.Direction.ASSOCIATION,
            published_at__isnull=False,
            application__volunteer_id__in=list(user_ids),
        )
        .values("application__volunteer_id")
        .annotate(q=Avg("quality"), c=Avg("communication"), d=Avg("deadlines"))
        .order_by()
    )
    return {
        row["application__volunteer_id"]: round((row["q"] + row["c"] + row["d"]) / 3, 2)
        for row in rows
    }


# --- access ----------------------------------------------------------------------------------
def get_engagement_for_viewer(request, pk: int):
    """The accepted application `pk`, for its volunteer, the association's members or staff.

    Returns (application, viewer) like `engagements.selectors.get_application_for_viewer`;
    404 for an application that never became an engagement.
    """
    application, viewer = get_application_for_viewer(request, pk)
    if application.status != Application.Status.ACCEPTED:
        raise Http404
    return application, viewer


def get_deliverable_for_viewer(request, pk: int) -> Deliverable:
    """A deliverable for the volunteer who handed it over, her teammates of a class project,
    the association's members, or staff; 403 for anyone else."""
    deliverable = get_object_or_404(
        Deliverable.objects.select_related("completion__application__mission__organization"),
        pk=pk,
    )
    user = request.user
    application = deliverable.completion.application
    if not (
        user.pk == application.volunteer_id
        or user.is_staff
        or is_member(user, application.mission)
        or application.volunteer_id in teammates_of(user, application.mission)
    ):
        raise PermissionDenied
    return deliverable


# --- the book --------------------------------------------------------------------------------
def completed_engagements_of(user) -> QuerySet[Completion]:
    """The volunteer's completed engagements, most recent first, with their mission."""
    return (
        Completion.objects.filter(application__volunteer=user, status=Completion.Status.COMPLETED)
        .select_related("application__mission__organization")
        .order_by("-completed_at", "-pk")
    )
