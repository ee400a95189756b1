"""Challenge answers in a student's book: her opt-in, one answer at a time, after the results.

Reads and writes in one place: who may choose (a member of the team, once the event's
results are out and the team answered), what the book shows (the event, the challenge, the
team's description and links, its rank and prize; the files only if she chose them).
"""

from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext as _

import audit
from accounts.models import User
from challenges.models import Event, SubmissionFile, Team
from core.errors import ActionRefused

from .models import BookAnswer

RESULTS_OUT = (Event.Status.RESULTS, Event.Status.CLOSED)


def get_team_of_member(user, team_pk: int) -> Team:
    """Team `team_pk` with its answer, for one of its members; else 404."""
    team = (
        Team.objects.select_related("event__organiser", "challenge__association", "submission")
        .filter(pk=team_pk, members__student=user, submission__isnull=False)
        .first()
        if user.is_authenticated
        else None
    )
    if team is None:
        raise Http404
    return team


def choice_refusal(team: Team) -> str:
    if team.event.status not in RESULTS_OUT:
        return _(
            "Vous pourrez montrer cette réponse dans votre book une fois les résultats publiés."
        )
    return ""


def choice_of(user, team: Team) -> BookAnswer | None:
    return BookAnswer.objects.filter(user=user, team=team).first()


@transaction.atomic
def book_answer_set(*, user: User, team: Team, shown: bool, show_files: bool) -> None:
    refusal = choice_refusal(team)
    if refusal:
        raise ActionRefused(refusal)
    existing = BookAnswer.objects.select_for_update().filter(user=user, team=team).first()
    if not shown:
        if existing is not None:
            existing.delete()
            audit.log(actor=user, verb="team.book_hidden", target=team, data={"user": user.pk})
        return
    if existing is None:
        BookAnswer.objects.create(user=user, team=team, show_files=show_files)
        audit.log(actor=user, verb="team.book_shown", target=team, data={"user": user.pk})
    elif existing.show_files != show_files:
        existing.show_files = show_files
        existing.save(update_fields=["show_files"])


def answers_to_offer(user) -> list[Team]:
    """Her teams whose answer she may show (results out), each with `book_answer` (or None)."""
    teams = list(
        Team.objects.filter(
            members__student=user, submission__isnull=False, event__status__in=RESULTS_OUT
        )
        .select_related("event", "challenge")
        .order_by("-event__kick_off", "pk")
    )
    chosen = {a.team_id: a for a in BookAnswer.objects.filter(user=user, team__in=teams)}
    for team in teams:
        team.book_answer = chosen.get(team.pk)
    return teams


def shown_answers(user) -> list[BookAnswer]:
    """The answers her book shows, newest event first, with all they display (3 queries)."""
    return list(
        BookAnswer.objects.filter(
            user=user, team__event__status__in=RESULTS_OUT, team__submission__isnull=False
        )
        .select_related(
            "team__event__organiser", "team__challenge__association", "team__submission"
        )
        .prefetch_related(
            Prefetch(
                "team__submission__files",
                queryset=SubmissionFile.objects.order_by("uploaded_at", "pk"),
            )
        )
        .order_by("-team__event__kick_off", "pk")
    )


def get_shown_file(user, team_pk: int, pk: int) -> SubmissionFile:
    """A file of an answer she shows in her book with its files; else 404."""
    if not BookAnswer.objects.filter(
        user=user, team_id=team_pk, show_files=True, team__event__status__in=RESULTS_OUT
    ).exists():
        raise Http404
    file = SubmissionFile.objects.filter(pk=pk, submission__team_id=team_pk).first()
    if file is None:
        raise Http404
    return file
