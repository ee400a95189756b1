"""Reads of quick help that pages share: who may see or answer a question, who is asked,
the hours helpers gave, the published answers."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.models import User
from impact.selectors import Rates, current_rates
from notifications.models import Frequency, Preference
from organizations.delegation import acted_for_ids
from organizations.models import Membership, Organization
from volunteers.models import VolunteerSkill

from . import lifecycle
from .models import Answer, Call, Credit, PublicAnswer, Question, Solicitation

# Nobody is asked about more than this many questions in a day.
DAILY_CAP = 3
# How many volunteers each round asks.
FIRST_ROUND = 5
SECOND_ROUND = 10
CATEGORY = "quickhelp"


def _skilled_in(domain_id: int) -> Q:
    """A condition on `User`: she has one of the domain's skills on her profile."""
    return Q(
        Exists(
            VolunteerSkill.objects.filter(profile__user=OuterRef("pk"), skill__domain_id=domain_id)
        )
    )


def may_help(user, question: Question) -> bool:
    """A volunteer of the question's topic, one who was asked, or one who already helped."""
    if not user.is_authenticated:
        return False
    known = question.__dict__.setdefault("_helpers", {})
    if user.pk not in known:
        known[user.pk] = User.objects.filter(
            _skilled_in(question.domain_id)
            | Q(Exists(Solicitation.objects.filter(question=question, volunteer=OuterRef("pk"))))
            | Q(Exists(Answer.objects.filter(question=question, author=OuterRef("pk"))))
            | Q(Exists(Call.objects.filter(question=question, helper=OuterRef("pk")))),
            pk=user.pk,
        ).exists()
    return known[user.pk]


def _questions() -> QuerySet[Question]:
    return Question.objects.select_related("organization", "domain", "asked_by")


def get_question_for_viewer(request, pk: int) -> Question:
    """The question, for the association's members, the volunteers who may help, and
    moderators of the association; a 404 for anyone else (its existence is private)."""
    question = get_object_or_404(_questions(), pk=pk)
    user = request.user
    if (
        lifecycle.is_member(user, question)
        or may_help(user, question)
        or lifecycle.is_moderator(user, question.organization_id)
    ):
        return question
    raise Http404


def get_question_for_member(request, pk: int) -> Question:
    question = get_object_or_404(_questions(), pk=pk)
    if not lifecycle.is_member(request.user, question):
        raise Http404
    return question


def associations_of(user) -> list[Organization]:
    """The associations `user` may ask for, by name."""
    if not user.is_authenticated:
        return []
    mine = Q(pk__in=Membership.objects.filter(user=user).values("organization")) | Q(
        pk__in=acted_for_ids(user)
    )
    return list(
        Organization.objects.filter(mine, kind=Organization.Kind.ASSOCIATION).order_by("name")
    )


def questions_of_associations(user) -> QuerySet[Question]:
    organizations = [o.pk for o in associations_of(user)]
    return _questions().filter(organization_id__in=organizations)


def questions_for_helper(user) -> QuerySet[Question]:
    """Open or answered questions she may help with, newest first (not her associations')."""
    if not user.is_authenticated:
        return Question.objects.none()
    domains = VolunteerSkill.objects.filter(profile__user=user).values("skill__domain_id")
    asked = Solicitation.objects.filter(volunteer=user).values("question_id")
    return (
        _questions()
        .filter(Q(domain_id__in=domains) | Q(pk__in=asked))
        .filter(status__in=[Question.Status.OPEN, Question.Status.ANSWERED])
        .exclude(organization__memberships__user=user)
    )


def questions_helped(user) -> QuerySet[Question]:
    if not user.is_authenticated:
        return Question.objects.none()
    return _questions().filter(
        Q(Exists(Answer.objects.filter(question=OuterRef("pk"), author=user)))
        | Q(Exists(Call.objects.filter(question=OuterRef("pk"), helper=user)))
    )


def volunteers_to_ask(question: Question, *, limit: int, now: datetime) -> list[User]:
    """Volunteers of the question's topic not asked yet, under the daily cap, who did not
    turn quick help off, members of the association left out; the most skilled first."""
    since = now - timedelta(days=1)
    recent = Solicitation.objects.filter(volunteer=OuterRef("pk"), sent_at__gte=since)

    asked_today = Subquery(
        recent.order_by().values("volunteer").annotate(n=Count("pk")).values("n")[:1]
    )
    level = Subquery(
        VolunteerSkill.objects.filter(
            profile__user=OuterRef("pk"), skill__domain_id=question.domain_id
        )
        .order_by()
        .values("profile")
        .annotate(best=Max("level"))
        .values("best")[:1]
    )
    turned_off = Preference.objects.filter(
        user=OuterRef("pk"), category=CATEGORY, frequency=Frequency.OFF
    )
    return list(
        User.objects.filter(_skilled_in(question.domain_id), is_active=True)
        .exclude(Exists(Solicitation.objects.filter(question=question, volunteer=OuterRef("pk"))))
        .exclude(memberships__organization_id=question.organization_id)
        .exclude(Exists(turned_off))
        .annotate(asked_today=Coalesce(asked_today, 0), level=level)
        .filter(asked_today__lt=DAILY_CAP)
        .order_by("-level", "pk")[:limit]
    )


# --- Hours ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class QuickValue:
    """Hours of quick help (half hours count) and what they would have cost (euros)."""

    hours: Decimal = Decimal(0)
    euros: Decimal = Decimal(0)


def helper_hours(user) -> Decimal:
    """The hours `user` gave through quick help: an hour per call, half an hour per question
    answered in writing, on solved questions (`models.CALL_HOURS`, `WRITTEN_HOURS`)."""
    total = Credit.objects.filter(helper=user).aggregate(total=Sum("hours"))["total"]
    return total or Decimal("0")


def value_given_by(user, rates: Rates | None = None) -> QuickValue:
    """The hours `user` gave through quick help and their value in euros, each question's
    hours at its topic's rate (`value_for_organizations`, from the helper's side): her own
    « Valeur de votre engagement » counts them beside her missions. One query (two without
    `rates`)."""
    rows = (
        Credit.objects.filter(helper=user)
        .order_by()
        .values("question__domain")
        .annotate(hours=Sum("hours"))
        .values_list("question__domain", "hours")
    )
    total = QuickValue()
    for domain_id, hours in rows:
        rates = rates or current_rates()
        total = QuickValue(
            hours=total.hours + hours, euros=total.euros + hours * rates.of(domain_id)
        )
    return total


def hours_for_organizations(
    organizations: QuerySet[Organization], start: datetime | None, end: datetime | None
) -> Decimal:
    """The hours of quick help `organizations` received, credited in [start, end)."""
    credits = Credit.objects.filter(question__organization__in=organizations)
    if start is not None:
        credits = credits.filter(credited_at__gte=start)
    if end is not None:
        credits = credits.filter(credited_at__lt=end)
    return credits.aggregate(total=Sum("hours"))["total"] or Decimal("0")


def value_for_organizations(
    organizations: QuerySet[Organization] | Iterable[int],
    start: datetime | None = None,
    end: datetime | None = None,
    rates: Rates | None = None,
) -> dict[int, QuickValue]:
    """The hours of quick help each organisation received, credited in [start, end), and
    their value in euros: each question's hours at the hourly rate of its topic, as the
    impact app values a mission's hours at its domain's (`impact.selectors.current_rates`).
    By organisation id; two queries (one with `rates` already read)."""
    credits = Credit.objects.filter(question__organization__in=organizations)
    if start is not None:
        credits = credits.filter(credited_at__gte=start)
    if end is not None:
        credits = credits.filter(credited_at__lt=end)
    rows = (
        credits.order_by()
        .values("question__organization", "question__domain")
        .annotate(hours=Sum("hours"))
        .values_list("question__organization", "question__domain", "hours")
    )
    rates = rates or current_rates()
    found: dict[int, QuickValue] = {}
    for organization_id, domain_id, hours in rows:
        before = found.get(organization_id, QuickValue())
        found[organization_id] = QuickValue(
            hours=before.hours + hours, euros=before.euros + hours * rates.of(domain_id)
        )
    return found


def value_in_total(
    organizations: QuerySet[Organization], start: datetime | None, end: datetime | None
) -> QuickValue:
    """`value_for_organizations` summed over them all (the territory's dashboard)."""
    total = QuickValue()
    for value in value_for_organizations(organizations, start, end).values():
        total = QuickValue(hours=total.hours + value.hours, euros=total.euros + value.euros)
    return total


def attested_credits(user) -> QuerySet[Credit]:
    """Her coups de main whose signed attestation is issued and valid (her book)."""
    return (
        Credit.objects.filter(
            helper=user, credential__isnull=False, credential__revoked_at__isnull=True
        )
        .select_related("credential", "question__organization", "question__domain")
        .order_by("-credited_at", "-pk")
    )


# --- Public answers ---------------------------------------------------------------------------
def published_answers() -> QuerySet[PublicAnswer]:
    return PublicAnswer.objects.filter(status=PublicAnswer.Status.PUBLISHED).select_related(
        "domain"
    )


def get_public_answer(slug: str) -> PublicAnswer:
    return get_object_or_404(published_answers(), slug=slug)


def answers_to_review(user) -> QuerySet[PublicAnswer]:
    """The answers waiting for a moderator's review that `user` may review."""
    from organizations.delegation import moderated_organizations

    rows = PublicAnswer.objects.filter(status=PublicAnswer.Status.SUBMITTED).select_related(
        "question__organization", "domain"
    )
    scope = moderated_organizations(user)
    if scope is not None:
        rows = rows.filter(question__organization__in=scope)
    return rows.order_by("submitted_at", "pk")


def get_public_answer_for_editor(request, pk: int) -> PublicAnswer:
    """An answer being prepared, for its helper and its moderators (404 for others)."""
    public = get_object_or_404(
        PublicAnswer.objects.select_related("question__organization", "domain"), pk=pk
    )
    user = request.user
    if (
        public.helper_id == user.pk
        or lifecycle.is_moderator(user, public.question.organization_id)
        or lifecycle.is_member(user, public.question)
    ):
        return public
    raise Http404


def answered_by_domain(domain_ids, *, limit: int = 3) -> list[PublicAnswer]:
    return list(
        published_answers()
        .filter(domain_id__in=domain_ids)
        .order_by("-useful_count", "-published_at")[:limit]
    )
