"""The jury: invitations, the rubric, assignments, conflicts of interest, scores and the
publication of the results. Every write of the jury goes through here; the guards
(`*_refusal`) are asked by the pages and the services alike.

Conflicts of interest (`conflict_reason`): a juror never scores a team she is in, a team with
a student of her school (a member of a school organisation in one of whose cohorts the
student is or was), nor a team answering the challenge of her association; and never a team
she declared a conflict with. Assignments are refused (or removed) with the reason shown to
the organiser.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

import audit
from accounts.models import User, normalize_email
from core.emails import send_email
from core.errors import ActionRefused
from organizations.models import Membership, Organization
from schools.models import CohortMembership

from . import scoring
from .lifecycle import EVENT, RESULTS, publication_refusal
from .models import (
    Assignment,
    ConflictDeclaration,
    Criterion,
    Event,
    Juror,
    Registration,
    Score,
    Team,
)
from .signals import results_published

MAX_CRITERIA = 10
MAX_PRIZES = 10


# --- Guards -----------------------------------------------------------------------------------
def rubric_refusal(event: Event) -> str:
    """The rubric is stated before judging starts, and then no more changed."""
    if event.status in (Event.Status.JUDGING, Event.Status.RESULTS, Event.Status.CLOSED):
        return gettext("La délibération a commencé : la grille du jury ne peut plus être modifiée.")
    return ""


def scoring_refusal(assignment: Assignment, user) -> str:
    """Why `user` may not score `assignment` now ("" when she may)."""
    juror = assignment.juror
    if not (user.is_authenticated and juror.user_id == user.pk and juror.is_active):
        return gettext("Seul·e la ou le juré·e à qui cette réponse est confiée peut la noter.")
    event = juror.event
    if event.status in (Event.Status.RESULTS, Event.Status.CLOSED):
        return gettext("Les résultats sont publiés : les notes ne peuvent plus changer.")
    if event.status != Event.Status.JUDGING:
        return gettext("Les réponses se notent pendant la délibération du jury.")
    return ""


# --- Conflicts of interest ----------------------------------------------------------------------
def conflict_reason(juror: Juror, team: Team) -> str:
    """Why `juror` must not score `team` ("" when she may)."""
    user_id = juror.user_id
    if user_id is not None:
        if Registration.objects.filter(team=team, student_id=user_id).exists():
            return gettext("Elle ou il fait partie de cette équipe.")
        student_ids = list(team.members.values_list("student_id", flat=True))
        if CohortMembership.objects.filter(
            student_id__in=student_ids,
            cohort__school__kind=Organization.Kind.SCHOOL,
            cohort__school__memberships__user_id=user_id,
        ).exists():
            return gettext("Un·e membre de l’équipe étudie dans son école.")
        challenge = team.challenge
        if (
            challenge is not None
            and Membership.objects.filter(
                organization_id=challenge.association_id, user_id=user_id
            ).exists()
        ):
            return gettext("L’équipe répond au défi de son association.")
    declared = ConflictDeclaration.objects.filter(juror=juror, team=team).first()
    if declared is not None:
        return gettext("Conflit d’intérêts déclaré : %(reason)s") % {"reason": declared.reason}
    return ""


# --- Invitations ---------------------------------------------------------------------------------
class JurorInvitationInvalid(ActionRefused):
    def __init__(self) -> None:
        super().__init__(_("Cette invitation au jury a déjà servi ou a été retirée."))


class JurorInvitationForSomeoneElse(ActionRefused):
    def __init__(self) -> None:
        super().__init__(
            _("Cette invitation a été envoyée à une autre adresse que celle de votre compte.")
        )


@transaction.atomic
def juror_invite(*, event: Event, by: User, email: str, language: str = "fr") -> Juror:
    email = normalize_email(email)
    if event.jurors.filter(email=email).exists():
        raise ActionRefused(_("Cette adresse est déjà invitée dans le jury."))
    juror = Juror.objects.create(event=event, email=email, invited_by=by)
    path = reverse("challenges:juror_invitation", args=[juror.token])
    send_email(
        "jury_invitation",
        to=email,
        language=language,
        context={
            "inviter": by.full_name,
            "event": event.title,
            "link": settings.SITE_URL + path,
        },
    )
    audit.log(actor=by, verb="juror.invited", target=event)
    return juror


@transaction.atomic
def juror_accept(*, juror: Juror, user: User) -> Juror:
    locked = Juror.objects.select_for_update().get(pk=juror.pk)
    if locked.accepted_at is not None or locked.declined_at is not None:
        if locked.user_id == user.pk:
            return locked
        raise JurorInvitationInvalid
    if not locked.is_for(user):
        raise JurorInvitationForSomeoneElse
    locked.user = user
    locked.accepted_at = timezone.now()
    locked.save(update_fields=["user", "accepted_at"])
    audit.log(actor=user, verb="juror.accepted", target=locked.event)
    return locked


@transaction.atomic
def juror_decline(*, juror: Juror, user: User) -> None:
    if juror.accepted_at is not None or juror.declined_at is not None:
        raise JurorInvitationInvalid
    if not juror.is_for(user):
        raise JurorInvitationForSomeoneElse
    juror.declined_at = timezone.now()
    juror.save(update_fields=["declined_at"])
    audit.log(actor=user, verb="juror.declined", target=juror.event)


@transaction.atomic
def juror_remove(*, juror: Juror, by: User) -> None:
    if Score.objects.filter(assignment__juror=juror).exists():
        raise ActionRefused(_("Cette personne a déjà noté des réponses : elle reste au jury."))
    audit.log(actor=by, verb="juror.removed", target=juror.event)
    juror.delete()


# --- Rubric --------------------------------------------------------------------------------------
def _check_rubric(event: Event) -> None:
    if refusal := rubric_refusal(event):
        raise ActionRefused(refusal)


@transaction.atomic
def criterion_save(
    *,
    event: Event,
    by: User,
    name: str,
    description: str = "",
    weight: int = 1,
    criterion: Criterion | None = None,
) -> Criterion:
    locked = Event.objects.select_for_update().get(pk=event.pk)
    _check_rubric(locked)
    if criterion is None:
        count = locked.criteria.count()
        if count >= MAX_CRITERIA:
            raise ActionRefused(
                _("Une grille compte %(max)s critères au plus.") % {"max": MAX_CRITERIA}
            )
        criterion = Criterion(event=locked, order=count)
    if not 1 <= weight <= 10:
        raise ActionRefused(_("Le poids d’un critère va de 1 à 10."))
    criterion.name = name
    criterion.description = description
    criterion.weight = weight
    criterion.save()
    audit.log(actor=by, verb="criterion.saved", target=locked, data={"criterion": criterion.pk})
    return criterion


@transaction.atomic
def criterion_delete(*, criterion: Criterion, by: User) -> None:
    locked = Event.objects.select_for_update().get(pk=criterion.event_id)
    _check_rubric(locked)
    audit.log(actor=by, verb="criterion.deleted", target=locked)
    criterion.delete()


# --- Assignments ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Refused:
    juror: Juror
    team: Team
    reason: str


def scorable_teams(event: Event) -> list[Team]:
    """The teams with a submission: the ones the jury scores."""
    return list(
        event.teams.filter(submission__isnull=False).select_related("challenge").order_by("name")
    )


@transaction.atomic
def assign(
    *,
    event: Event,
    by: User,
    jurors: Iterable[Juror] | None = None,
    teams: Iterable[Team] | None = None,
    round: int = 1,
) -> tuple[list[Assignment], list[Refused]]:
    """Give `teams` (every submitted team by default) to `jurors` (every juror who accepted by
    default) for `round`; the pairs in conflict are refused, with their reason."""
    locked = Event.objects.select_for_update().get(pk=event.pk)
    if locked.status in (Event.Status.RESULTS, Event.Status.CLOSED):
        raise ActionRefused(_("Les résultats sont publiés : le jury est clos."))
    jurors = list(jurors) if jurors is not None else list(locked.jurors.all())
    teams = list(teams) if teams is not None else scorable_teams(locked)
    created, refused = [], []
    for juror in jurors:
        if not juror.is_active or juror.event_id != locked.pk:
            continue
        for team in teams:
            if team.event_id != locked.pk:
                continue
            if reason := conflict_reason(juror, team):
                refused.append(Refused(juror, team, reason))
                continue
            assignment, made = Assignment.objects.get_or_create(juror=juror, team=team, round=round)
            if made:
                created.append(assignment)
    audit.log(
        actor=by,
        verb="jury.assigned",
        target=locked,
        data={"round": round, "count": len(created)},
    )
    return created, refused


@transaction.atomic
def assignment_remove(*, assignment: Assignment, by: User) -> None:
    if assignment.scores.exists():
        raise ActionRefused(_("Cette réponse est déjà notée : marquez-la plutôt comme passée."))
    audit.log(actor=by, verb="jury.unassigned", target=assignment.juror.event)
    assignment.delete()


@transaction.atomic
def assignment_skip(*, assignment: Assignment, by: User) -> Assignment:
    """The organiser lets a juror's assignment go unscored (she fell ill…)."""
    locked = Event.objects.select_for_update().get(pk=assignment.juror.event_id)
    if locked.status != Event.Status.JUDGING:
        raise ActionRefused(_("Une notation se passe pendant la délibération du jury."))
    assignment.skipped = True
    assignment.save(update_fields=["skipped"])
    audit.log(actor=by, verb="jury.skipped", target=locked)
    return assignment


@transaction.atomic
def conflict_declare(*, juror: Juror, team: Team, reason: str, by: User) -> ConflictDeclaration:
    """The juror's own word: the team is taken from her (and its scores with it)."""
    if juror.user_id != by.pk:
        raise ActionRefused(_("Seul·e la ou le juré·e déclare ses conflits d’intérêts."))
    if not reason.strip():
        raise ActionRefused(_("Dites en quelques mots d’où vient le conflit."))
    locked = Event.objects.select_for_update().get(pk=juror.event_id)
    if locked.status in (Event.Status.RESULTS, Event.Status.CLOSED):
        raise ActionRefused(_("Les résultats sont publiés : le jury est clos."))
    try:
        with transaction.atomic():
            declaration = ConflictDeclaration.objects.create(
                juror=juror, team=team, reason=reason.strip()[:300]
            )
    except IntegrityError:
        raise ActionRefused(_("Vous avez déjà déclaré un conflit avec cette équipe.")) from None
    Assignment.objects.filter(juror=juror, team=team).delete()
    audit.log(actor=by, verb="jury.conflict_declared", target=locked, data={"team": team.pk})
    return declaration


# --- Scores --------------------------------------------------------------------------------------
@transaction.atomic
def score_save(
    *, assignment: Assignment, by: User, values: dict[int, int], comments: dict[int, str]
) -> list[Score]:
    """Save the juror's values (1–5) and comments, criterion by criterion."""
    locked_event = Event.objects.select_for_update().get(pk=assignment.juror.event_id)
    assignment.juror.event = locked_event
    if refusal := scoring_refusal(assignment, by):
        raise ActionRefused(refusal)
    if reason := conflict_reason(assignment.juror, assignment.team):
        raise ActionRefused(reason)
    saved = []
    for criterion in locked_event.criteria.all():
        value = values.get(criterion.pk)
        if value is None:
            continue
        if not 1 <= int(value) <= 5:
            raise ActionRefused(_("Une note va de 1 à 5."))
        score, _created = Score.objects.update_or_create(
            assignment=assignment,
            criterion=criterion,
            defaults={"value": int(value), "comment": comments.get(criterion.pk, "").strip()},
        )
        saved.append(score)
    if assignment.skipped and saved:
        assignment.skipped = False
        assignment.save(update_fields=["skipped"])
    audit.log(actor=by, verb="jury.scored", target=locked_event, data={"team": assignment.team_id})
    return saved


# --- Ranking and publication ---------------------------------------------------------------------
def compute_ranking(event: Event) -> list[scoring.Ranked]:
    """The pure ranking (`challenges.scoring.rank`) fed from the database."""
    criteria = [
        scoring.CriterionSpec(id=c.pk, weight=c.weight, order=c.order) for c in event.criteria.all()
    ]
    scores = [
        scoring.ScoreValue(team=team, criterion=criterion, value=value, round=round_)
        for team, criterion, value, round_ in Score.objects.filter(
            assignment__juror__event=event, assignment__skipped=False
        ).values_list("assignment__team_id", "criterion_id", "value", "assignment__round")
    ]
    return scoring.rank(
        scores,
        criteria,
        rounds=2 if event.finalists_count else 1,
        tie_break=event.tie_break_rule,
        teams=scorable_teams_ids(event),
    )


def scorable_teams_ids(event: Event) -> list[int]:
    return list(event.teams.filter(submission__isnull=False).values_list("pk", flat=True))


@transaction.atomic
def finalists_select(*, event: Event, by: User) -> list[Team]:
    """Round 2: the top `finalists_count` teams of round 1, given to every juror again."""
    locked = Event.objects.select_for_update().get(pk=event.pk)
    if not locked.finalists_count:
        raise ActionRefused(_("Cet événement n’a pas de second tour."))
    if locked.status != Event.Status.JUDGING:
        raise ActionRefused(_("Le second tour se prépare pendant la délibération du jury."))
    first_round = Assignment.objects.filter(juror__event=locked, round=1, skipped=False)
    if not first_round.exists():
        raise ActionRefused(_("Le premier tour n’a pas encore de notes."))
    criteria = [
        scoring.CriterionSpec(id=c.pk, weight=c.weight, order=c.order)
        for c in locked.criteria.all()
    ]
    scores = [
        scoring.ScoreValue(team=team, criterion=criterion, value=value, round=1)
        for team, criterion, value in Score.objects.filter(assignment__in=first_round).values_list(
            "assignment__team_id", "criterion_id", "value"
        )
    ]
    ranking = scoring.rank(scores, criteria, rounds=1, tie_break=locked.tie_break_rule)
    team_ids = scoring.finalists(ranking, locked.finalists_count)
    teams = list(Team.objects.filter(pk__in=team_ids))
    assign(event=locked, by=by, teams=teams, round=2)
    audit.log(actor=by, verb="jury.finalists_selected", target=locked, data={"count": len(teams)})
    return teams


@transaction.atomic
def results_publish(*, event: Event, by: User, prizes: dict[int, str] | None = None) -> Event:
    """judging → results: ranks and prizes written on the teams, then `results_published`.

    `prizes` maps a rank (1, 2…) to its label (« Prix du jury »); teams sharing a rank share
    its prize."""
    locked = Event.objects.select_for_update().get(pk=event.pk)
    is_organiser = locked.organiser.memberships.filter(user=by).exists()
    EVENT.check(locked, "announce", by, is_organiser=is_organiser)
    if refusal := publication_refusal(locked):
        raise ActionRefused(refusal)
    prizes = {int(k): v.strip()[:120] for k, v in (prizes or {}).items() if v and v.strip()}
    ranking = compute_ranking(locked)
    by_team = {row.team: row for row in ranking}
    teams = list(locked.teams.all())
    for team in teams:
        row = by_team.get(team.pk)
        team.rank = row.rank if row is not None else None
        team.prize = prizes.get(team.rank, "") if team.rank is not None else ""
    Team.objects.bulk_update(teams, ["rank", "prize"])
    locked.status = RESULTS
    locked.save(update_fields=["status", "updated_at"])
    audit.log(actor=by, verb="event.announced", target=locked, data={"teams": len(ranking)})
    transaction.on_commit(lambda: results_published.send(sender=Event, event=locked))
    event.status = locked.status
    return locked


# --- Personal data -------------------------------------------------------------------------------
def jury_export(user: User) -> dict:
    """A juror's seats and scores, for her personal-data export."""
    seats = []
    for juror in Juror.objects.filter(user=user).select_related("event"):
        scores = Score.objects.filter(assignment__juror=juror).select_related(
            "criterion", "assignment__team"
        )
        seats.append(
            {
                "event": juror.event.title,
                "accepted_at": juror.accepted_at.isoformat() if juror.accepted_at else None,
                "conflicts": list(juror.conflicts.values_list("team__name", "reason")),
                "scores": [
                    {
                        "team": score.assignment.team.name,
                        "round": score.assignment.round,
                        "criterion": score.criterion.name,
                        "value": score.value,
                        "comment": score.comment,
                    }
                    for score in scores
                ],
            }
        )
    return {"jury": seats}


@transaction.atomic
def jury_erase(*, user: User) -> None:
    """`user` deleted her account: her seats stay, anonymous (the scores count in results
    already published); her address and conflict reasons go."""
    for juror in Juror.objects.filter(user=user) | Juror.objects.filter(
        email=normalize_email(user.email)
    ):
        juror.conflicts.update(reason="")
        juror.user = None
        juror.email = ""
        juror.save(update_fields=["user", "email"])
