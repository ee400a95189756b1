"""Reads of a book: who may see it, and what it shows, in a fixed number of queries."""

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404

from completion.models import Completion, Deliverable, Review
from engagements.models import Application
from taxonomy.models import Skill
from volunteers.models import VolunteerProfile, VolunteerSkill

from .models import Portfolio

PER_PAGE = 20


def get_portfolio_for_viewer(request, slug: str) -> tuple[Portfolio, bool]:
    """The book `slug` and whether its owner is looking. A book that is not public (or
    whose owner left) is a 404 for everyone but its owner: it must not reveal it exists."""
    portfolio = get_object_or_404(
        Portfolio.objects.select_related("user__volunteer_profile__school"), slug=slug
    )
    is_owner = request.user.is_authenticated and request.user.pk == portfolio.user_id
    if not is_owner and not (portfolio.is_public and portfolio.user.is_active):
        raise Http404
    return portfolio, is_owner


def portfolio_of(user) -> Portfolio | None:
    if not user.is_authenticated:
        return None
    return Portfolio.objects.filter(user=user).first()


def public_portfolio_slug(user_id: int) -> str | None:
    return (
        Portfolio.objects.filter(user_id=user_id, is_public=True)
        .values_list("slug", flat=True)
        .first()
    )


@dataclass(frozen=True)
class SkillLine:
    skill: Skill
    level_label: str = ""  # the volunteer's own level, when they declare the skill
    endorsements: int = 0


@dataclass
class Book:
    profile: VolunteerProfile | None
    skills: list[SkillLine]
    page: Page
    mission_count: int = 0
    hours: int = 0
    images: list[Deliverable] = field(default_factory=list)


def _has_credentials() -> bool:
    # The credentials app adds Application.credential; the book works without it.
    return hasattr(Application, "credential")


def shown_completions(user):
    """The completed engagements a book shows, newest first, with all they display."""
    related = ["application__mission__organization"]
    if _has_credentials():
        related.append("application__credential")
    public_deliverables = Deliverable.objects.filter(
        Q(kind=Deliverable.Kind.LINK) | ~Q(preview="")
    ).order_by("created_at", "pk")
    published_reference = Review.objects.filter(
        direction=Review.Direction.ASSOCIATION, published_at__isnull=False
    )
    return (
        Completion.objects.filter(
            application__volunteer=user,
            status=Completion.Status.COMPLETED,
            shown_in_portfolio=True,
        )
        .select_related(*related)
        .prefetch_related(
            Prefetch("deliverables", queryset=public_deliverables, to_attr="public_deliverables"),
            Prefetch("application__reviews", queryset=published_reference, to_attr="references"),
        )
        .order_by("-completed_at", "-pk")
    )


def _skills(profile: VolunteerProfile | None, user) -> list[SkillLine]:
    """Declared skills, then those only endorsed, each with its endorsements (≤ 3 queries)."""
    endorsed = dict(
        Review.endorsed_skills.through.objects.filter(
            review__application__volunteer=user,
            review__direction=Review.Direction.ASSOCIATION,
            review__published_at__isnull=False,
        )
        .values("skill_id")
        .annotate(n=Count("pk"))
        .values_list("skill_id", "n")  # type: ignore[misc]  # django-stubs misses `n`
        .order_by()
    )
    lines = []
    declared = set()
    if profile is not None:
        rows = (
            VolunteerSkill.objects.filter(profile=profile)
            .select_related("skill__domain")
            .order_by("-level", "skill__domain__order", "skill__order")
        )
        for row in rows:
            declared.add(row.skill_id)
            lines.append(
                SkillLine(row.skill, row.get_level_display(), endorsed.get(row.skill_id, 0))
            )
    others = [pk for pk in endorsed if pk not in declared]
    if others:
        for skill in Skill.objects.filter(pk__in=others).select_related("domain"):
            lines.append(SkillLine(skill, "", endorsed[skill.pk]))
    # The skills others vouch for come first: they are what an employer trusts most.
    return sorted(lines, key=lambda line: -line.endorsements)


def book_of(portfolio: Portfolio, *, page_number=None) -> Book:
    user = portfolio.user
    profile = getattr(user, "volunteer_profile", None)
    completions = shown_completions(user)
    totals = Completion.objects.filter(
        application__volunteer=user, status=Completion.Status.COMPLETED, shown_in_portfolio=True
    ).aggregate(count=Count("pk"), hours=Sum("confirmed_hours"))
    page = Paginator(completions, PER_PAGE).get_page(page_number)
    images = [d for c in page for d in c.public_deliverables if d.preview]
    return Book(
        profile=profile,
        skills=_skills(profile, user),
        page=page,
        mission_count=totals["count"],
        hours=totals["hours"] or 0,
        images=images,
    )


def credential_of(completion: Completion):
    """The engagement's credential if one was issued and not revoked, else None."""
    if not _has_credentials():
        return None
    credential = getattr(completion.application, "credential", None)
    if credential is None or getattr(credential, "revoked_at", None):
        return None
    return credential


def get_public_image(portfolio: Portfolio, pk: int) -> Deliverable:
    """An image of the book: from a shown, completed engagement of its owner, else 404."""
    return get_object_or_404(
        Deliverable.objects.exclude(preview=""),
        pk=pk,
        completion__application__volunteer=portfolio.user_id,
        completion__status=Completion.Status.COMPLETED,
        completion__shown_in_portfolio=True,
    )
