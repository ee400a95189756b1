"""Reads of the jury. A juror's pages are for her only (404 for anyone else, as for a thing that
does not exist); the jury page is for the organiser; the results, once published, for anyone."""

from django.db.models import Count, Prefetch, Q
from django.http import Http404

from . import jury
from .models import Assignment, ConflictDeclaration, Event, Juror, Score, Team


def get_juror(request, event_pk: int) -> Juror:
    juror = (
        Juror.objects.select_related("event")
        .filter(event_id=event_pk, user=request.user, accepted_at__isnull=False)
        .first()
    )
    if juror is None:
        raise Http404
    return juror


def get_assignment(request, pk: int) -> Assignment:
    assignment = (
        Assignment.objects.select_related("juror__event", "team__challenge__association")
        .filter(pk=pk, juror__user=request.user, juror__accepted_at__isnull=False)
        .first()
    )
    if assignment is None:
        raise Http404
    return assignment


def _with_scored(assignments, criteria_count: int):
    rows = list(assignments.annotate(score_count=Count("scores")))
    for assignment in rows:
        assignment.is_scored = criteria_count > 0 and assignment.score_count >= criteria_count
    return rows


def progress(juror: Juror) -> dict:
    """Her assignments (each with `is_scored`) and « n of m scored »."""
    criteria_count = juror.event.criteria.count()
    rows = _with_scored(
        juror.assignments.filter(skipped=False).select_related("team__challenge"),
        criteria_count,
    )
    return {
        "assignments": rows,
        "scored_count": sum(1 for a in rows if a.is_scored),
        "total": len(rows),
    }


def next_to_score(juror: Juror) -> Assignment | None:
    for assignment in progress(juror)["assignments"]:
        if not assignment.is_scored:
            return assignment
    return None


def jury_overview(event: Event) -> dict:
    """The organiser's jury page: jurors, rubric, assignments with their progress, the pairs
    kept apart by a conflict of interest (with the reason) and, while judging, the ranking."""
    criteria = list(event.criteria.all())
    jurors = list(event.jurors.select_related("user"))
    assignments = _with_scored(
        Assignment.objects.filter(juror__event=event).select_related("juror__user", "team"),
        len(criteria),
    )
    teams = jury.scorable_teams(event)
    assigned = {(a.juror_id, a.team_id) for a in assignments}
    conflicts = [
        jury.Refused(juror, team, reason)
        for juror in jurors
        if juror.is_active
        for team in teams
        if (juror.pk, team.pk) not in assigned and (reason := jury.conflict_reason(juror, team))
    ]
    ranking = []
    if criteria and event.status == Event.Status.JUDGING:
        names = {team.pk: team for team in teams}
        ranking = [(row, names.get(row.team)) for row in jury.compute_ranking(event)]
    return {
        "criteria": criteria,
        "jurors": jurors,
        "assignments": assignments,
        "conflicts": conflicts,
        "ranking": ranking,
        "team_count": len(teams),
        "pending": sum(1 for a in assignments if not a.is_scored and not a.skipped),
    }


def results_of(event: Event) -> list[Team]:
    """The ranked teams, best first, each with `jury_comments` (the comments of the jury,
    without names): a constant number of queries."""
    comments = (
        Score.objects.exclude(comment="")
        .select_related("criterion")
        .order_by("criterion__order", "pk")
    )
    teams = list(
        event.teams.filter(rank__isnull=False)
        .select_related("challenge__association", "submission")
        .prefetch_related(
            Prefetch(
                "assignments",
                queryset=Assignment.objects.prefetch_related(Prefetch("scores", queryset=comments)),
            )
        )
        .order_by("rank", "name")
    )
    for team in teams:
        team.jury_comments = [  # type: ignore[attr-defined]
            score for assignment in team.assignments.all() for score in assignment.scores.all()
        ]
    return teams


def jury_seats(user) -> list[Juror]:
    """The juries `user` sits on (for a link from the event page)."""
    if not user.is_authenticated:
        return []
    return list(Juror.objects.filter(user=user, accepted_at__isnull=False).select_related("event"))


def declared_conflicts(juror: Juror):
    return ConflictDeclaration.objects.filter(juror=juror).select_related("team")


def is_juror(user, event: Event) -> bool:
    return bool(
        user.is_authenticated
        and event.jurors.filter(Q(user=user), accepted_at__isnull=False).exists()
    )
