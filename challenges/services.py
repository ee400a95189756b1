"""Every write to events, challenges, registrations and teams goes through here."""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import audit
from accounts.models import User
from core.errors import ActionRefused
from core.uploads import check_attachments
from missions.models import MissionTemplate
from notifications.services import notify
from organizations.models import Organization
from schools.models import new_code

from .jury import results_publish
from .lifecycle import CHALLENGE, EVENT, submission_refusal
from .models import (
    ORGANISER_KINDS,
    Challenge,
    Event,
    Registration,
    Submission,
    SubmissionFile,
    Team,
    validate_links,
)
from .signals import challenge_changed, event_changed

EVENT_FIELDS = (
    "title",
    "description",
    "registration_opens",
    "registration_closes",
    "kick_off",
    "submission_deadline",
    "judging_on",
    "results_on",
    "is_online",
    "place",
    "capacity",
    "team_min",
    "team_max",
    "teams_per_challenge",
    "rules",
    "rights",
    "code_of_conduct",
    "tie_break_rule",
    "finalists_count",
)
# What each step of an event writes in the journal.
EVENT_VERBS = {
    "publish": "event.published",
    "start": "event.started",
    "judge": "event.judging",
    "announce": "event.announced",
    "close": "event.closed",
}


class NotAnOrganiser(ActionRefused):
    message = _(
        "Seules les écoles, associations et collectivités vérifiées peuvent organiser un "
        "événement de défis."
    )


class NotAnAssociation(ActionRefused):
    message = _("Seule une association peut proposer un défi.")


class ChallengesClosed(ActionRefused):
    message = _("Les défis ne se proposent plus : les inscriptions de l’événement sont closes.")


class RegistrationClosed(ActionRefused):
    message = _("Les inscriptions à cet événement ne sont pas ouvertes.")


class EventFull(ActionRefused):
    message = _("L’événement est complet : toutes les places sont prises.")


class NotRegistered(ActionRefused):
    message = _("Inscrivez-vous d’abord à l’événement.")


class AlreadyInATeam(ActionRefused):
    message = _("Vous êtes déjà dans une équipe pour cet événement : quittez-la d’abord.")


class TeamFull(ActionRefused):
    message = _("Cette équipe est complète.")


class TeamNameTaken(ActionRefused):
    message = _("Une autre équipe porte déjà ce nom dans cet événement.")


class ChallengeFull(ActionRefused):
    message = _("Ce défi a déjà toutes ses équipes : choisissez-en un autre.")


class NotAvailable(ActionRefused):
    message = _("Ce défi n’est pas proposé aux équipes de cet événement.")


class TeamTooSmall(ActionRefused):
    """A team chooses its challenge once it has the event's minimum number of members."""

    def __init__(self, minimum: int = 2) -> None:
        super().__init__(
            _("Votre équipe doit compter au moins %(n)s personnes pour choisir un défi.")
            % {"n": minimum}
        )


class NotTheLeader(ActionRefused):
    message = _("Seul·e le ou la chef·fe d’équipe peut faire cela.")


class NotATeammate(ActionRefused):
    message = _("Cette personne ne fait pas partie de l’équipe.")


class TeamsFrozen(ActionRefused):
    message = _("Les équipes ne changent plus : l’événement a commencé.")


def _check_organiser(organiser: Organization) -> None:
    if organiser.kind not in ORGANISER_KINDS or not organiser.is_verified:
        raise NotAnOrganiser


@transaction.atomic
def event_create(*, organiser: Organization, by: User, **fields) -> Event:
    """A draft event of `organiser`; `by` (a member) made it."""
    _check_organiser(organiser)
    event = Event(organiser=organiser, created_by=by, **fields)
    event.full_clean()
    event.save()
    audit.log(actor=by, verb="event.created", target=event)
    return event


@transaction.atomic
def event_update(*, event: Event, by: User, **fields) -> Event:
    given = [name for name in EVENT_FIELDS if name in fields]
    for name in given:
        setattr(event, name, fields[name])
    event.full_clean()
    event.save(update_fields=[*given, "updated_at"])
    audit.log(actor=by, verb="event.updated", target=event)
    return event


@transaction.atomic
def event_transition(*, event: Event, action: str, by: User, now=None) -> Event:
    """Move `event` one step on (see `challenges.lifecycle`); only its organiser does.
    Announcing the results ranks the teams: `challenges.jury.results_publish`."""
    if action == "announce":
        return results_publish(event=event, by=by)
    locked = Event.objects.select_for_update().get(pk=event.pk)
    is_organiser = locked.organiser.memberships.filter(user=by).exists()
    transition = EVENT.check(locked, action, by, is_organiser=is_organiser, now=now)
    locked.status = transition.target
    locked.save(update_fields=["status", "updated_at"])
    audit.log(actor=by, verb=EVENT_VERBS[action], target=locked)
    transaction.on_commit(
        lambda: event_changed.send(sender=Event, event_id=locked.pk, action=action)
    )
    event.status = locked.status
    return locked


# --- Challenges -----------------------------------------------------------------------------
@transaction.atomic
def challenge_submit(
    *,
    event: Event,
    association: Organization,
    by: User,
    title: str,
    context: str,
    good_answer: str,
    template: MissionTemplate | None = None,
) -> Challenge:
    """`association` (whose member `by` is) brings a need to `event`, before registration
    closes."""
    if association.kind != Organization.Kind.ASSOCIATION:
        raise NotAnAssociation
    if event.status != Event.Status.PUBLISHED or timezone.localdate() > event.registration_closes:
        raise ChallengesClosed
    challenge = Challenge.objects.create(
        event=event,
        association=association,
        template=template,
        title=title,
        context=context,
        good_answer=good_answer,
        submitted_by=by,
        submitted_at=timezone.now(),
    )
    audit.log(actor=by, verb="challenge.submitted", target=challenge)
    notify(
        users=[m.user for m in event.organiser.memberships.select_related("user")],
        kind="challenge_submitted",
        context={"event": event.title, "challenge": title, "association": association.name},
        url=reverse("challenges:review", args=[event.pk]),
    )
    return challenge


@transaction.atomic
def challenge_decide(
    *, challenge: Challenge, action: str, by: User, reason: str = "", is_organiser: bool
) -> Challenge:
    """The organiser accepts or declines (with a reason) a challenge; its association
    withdraws it."""
    locked = Challenge.objects.select_for_update().select_related("event").get(pk=challenge.pk)
    is_proposer = locked.association.memberships.filter(user=by).exists()
    transition = CHALLENGE.check(
        locked, action, by, is_organiser=is_organiser, is_proposer=is_proposer
    )
    locked.status = transition.target
    fields = ["status"]
    if action in ("accept", "decline"):
        locked.decided_at = timezone.now()
        locked.decline_reason = reason if action == "decline" else ""
        fields += ["decided_at", "decline_reason"]
    if action == "withdraw":
        # The teams that had picked it choose again.
        Team.objects.filter(challenge=locked).update(challenge=None)
    locked.save(update_fields=fields)
    verb = {"accept": "challenge.accepted", "decline": "challenge.declined"}.get(
        action, "challenge.withdrawn"
    )
    audit.log(
        actor=by, verb=verb, target=locked, data={"reason": reason} if action == "decline" else None
    )
    if action in ("accept", "decline"):
        notify(
            users=[m.user for m in locked.association.memberships.select_related("user")],
            kind={"accept": "challenge_accepted", "decline": "challenge_declined"}[action],
            context={"event": locked.event.title, "challenge": locked.title, "reason": reason},
            url=locked.event.get_absolute_url(),
        )
    transaction.on_commit(
        lambda: challenge_changed.send(sender=Challenge, challenge_id=locked.pk, action=action)
    )
    challenge.status = locked.status
    return locked


# --- Registration and teams -----------------------------------------------------------------
def _unique_code() -> str:
    while True:
        code = new_code()
        if not Team.objects.filter(code=code).exists():
            return code


@transaction.atomic
def register(*, event: Event, student: User) -> Registration:
    """`student` takes a place at `event`, while registration is open and places remain."""
    locked = Event.objects.select_for_update().get(pk=event.pk)
    existing = Registration.objects.filter(event=locked, student=student).first()
    if existing is not None:
        return existing
    if not locked.registration_open_on(timezone.localdate()):
        raise RegistrationClosed
    if Registration.objects.filter(event=locked).count() >= locked.capacity:
        raise EventFull
    try:
        with transaction.atomic():
            registration = Registration.objects.create(
                event=locked, student=student, registered_at=timezone.now()
            )
    except IntegrityError:  # pressed twice: the other request made the row
        return Registration.objects.get(event=locked, student=student)
    audit.log(actor=student, verb="event.registered", target=locked, data={"user": student.pk})
    return registration


def _registration_for(event: Event, student: User) -> Registration:
    registration = (
        Registration.objects.select_for_update().filter(event=event, student=student).first()
    )
    if registration is None:
        raise NotRegistered
    return registration


def _check_teams_open(event: Event) -> None:
    if event.status != Event.Status.PUBLISHED:
        raise TeamsFrozen


@transaction.atomic
def team_create(*, event: Event, by: User, name: str) -> Team:
    """A new team of `by` (registered, in no team yet), who leads it."""
    _check_teams_open(event)
    registration = _registration_for(event, by)
    if registration.team_id is not None:
        raise AlreadyInATeam
    if Team.objects.filter(event=event, name__iexact=name.strip()).exists():
        raise TeamNameTaken
    team = Team.objects.create(event=event, name=name.strip(), code=_unique_code(), leader=by)
    registration.team = team
    registration.save(update_fields=["team"])
    audit.log(actor=by, verb="team.created", target=team)
    return team


@transaction.atomic
def team_join(*, team: Team, by: User) -> Team:
    """`by` joins `team` with its code; registering for the event on the way if needed."""
    event = team.event
    _check_teams_open(event)
    register(event=event, student=by)
    locked = Team.objects.select_for_update().get(pk=team.pk)
    registration = _registration_for(event, by)
    if registration.team_id == locked.pk:
        return locked
    if registration.team_id is not None:
        raise AlreadyInATeam
    if locked.members.count() >= event.team_max:
        raise TeamFull
    registration.team = locked
    registration.save(update_fields=["team"])
    audit.log(actor=by, verb="team.joined", target=locked, data={"user": by.pk})
    return locked


@transaction.atomic
def team_leave(*, team: Team, by: User) -> None:
    """`by` leaves `team`; if she led it, the longest-registered teammate leads; an empty
    team is deleted (the journal keeps its trace)."""
    _check_teams_open(team.event)
    locked = Team.objects.select_for_update().get(pk=team.pk)
    registration = _registration_for(team.event, by)
    if registration.team_id != locked.pk:
        raise NotATeammate
    registration.team = None
    registration.save(update_fields=["team"])
    audit.log(actor=by, verb="team.left", target=locked, data={"user": by.pk})
    others = locked.members.order_by("registered_at", "pk").select_related("student")
    successor = others.first()
    if successor is None:
        locked.delete()
    elif locked.leader_id == by.pk:
        locked.leader = successor.student
        locked.save(update_fields=["leader"])
        audit.log(
            actor=by, verb="team.leader_changed", target=locked, data={"user": successor.student_id}
        )


@transaction.atomic
def team_hand_over(*, team: Team, by: User, to: User) -> Team:
    """The leader names another member leader."""
    locked = Team.objects.select_for_update().get(pk=team.pk)
    if locked.leader_id != by.pk:
        raise NotTheLeader
    if not locked.members.filter(student=to).exists():
        raise NotATeammate
    locked.leader = to
    locked.save(update_fields=["leader"])
    audit.log(actor=by, verb="team.leader_changed", target=locked, data={"user": to.pk})
    return locked


@transaction.atomic
def team_choose(*, team: Team, by: User, challenge: Challenge) -> Team:
    """The leader picks an accepted challenge of the event that still has room."""
    _check_teams_open(team.event)
    locked = Team.objects.select_for_update().get(pk=team.pk)
    if locked.leader_id != by.pk:
        raise NotTheLeader
    # Lock the challenge so that two teams do not take its last place at once.
    chosen = Challenge.objects.select_for_update().filter(pk=challenge.pk).first()
    if (
        chosen is None
        or chosen.event_id != locked.event_id
        or chosen.status != Challenge.Status.ACCEPTED
    ):
        raise NotAvailable
    if locked.challenge_id == chosen.pk:
        return locked
    if locked.members.count() < team.event.team_min:
        raise TeamTooSmall(team.event.team_min)
    taken = Team.objects.filter(challenge=chosen).exclude(pk=locked.pk).count()
    if taken >= team.event.teams_per_challenge:
        raise ChallengeFull
    locked.challenge = chosen
    locked.save(update_fields=["challenge"])
    audit.log(actor=by, verb="team.challenge_chosen", target=locked, data={"challenge": chosen.pk})
    return locked


@transaction.atomic
def registrations_erase(*, user: User) -> None:
    """`user` deleted her account: her places go; a team she led passes to its next member,
    and a team left empty goes too (teams never show a person who left the site)."""
    registrations = Registration.objects.filter(student=user)
    team_ids = [pk for pk in registrations.values_list("team_id", flat=True) if pk]
    registrations.delete()
    for team in Team.objects.filter(pk__in=team_ids):
        successor = team.members.order_by("registered_at", "pk").first()
        if successor is None:
            _delete_files(SubmissionFile.objects.filter(submission__team=team))
            team.delete()
        elif team.leader_id == user.pk:
            team.leader_id = successor.student_id
            team.save(update_fields=["leader"])


# --- Submissions ----------------------------------------------------------------------------
# A submission holds this many files at most (each checked as deliveries are).
MAX_SUBMISSION_FILES = 10


class TooManyFiles(ActionRefused):
    def __init__(self) -> None:
        super().__init__(
            _("Une réponse compte %(max)s fichiers au plus : retirez-en avant d’en ajouter.")
            % {"max": MAX_SUBMISSION_FILES}
        )


def _check_submitter(team: Team, by: User, now) -> None:
    if refusal := submission_refusal(team, by, now):
        raise ActionRefused(refusal)


def _delete_files(files) -> None:
    """Delete the rows now and their files from the private storage once committed."""
    files = list(files)
    names = [f.file.name for f in files if f.file]
    SubmissionFile.objects.filter(pk__in=[f.pk for f in files]).delete()
    storage = SubmissionFile._meta.get_field("file").storage

    def remove() -> None:
        for name in names:
            storage.delete(name)

    transaction.on_commit(remove)


@transaction.atomic
def submission_save(
    *,
    team: Team,
    by: User,
    description: str,
    links: str = "",
    files=(),
    now=None,
) -> Submission:
    """`by` (a member of `team`) hands in or revises the team's answer before the deadline:
    the description and links are replaced, `files` added (checked as deliveries are)."""
    now = now or timezone.now()
    locked = Team.objects.select_for_update().select_related("event").get(pk=team.pk)
    _check_submitter(locked, by, now)
    validate_links(links)
    checked = [item for file in files for item in check_attachments([file])]
    submission = Submission.objects.filter(team=locked).first()
    existing = submission.files.count() if submission else 0
    if existing + len(checked) > MAX_SUBMISSION_FILES:
        raise TooManyFiles
    if submission is None:
        submission = Submission.objects.create(
            team=locked,
            description=description.strip(),
            links=links.strip(),
            submitted_at=now,
            updated_at=now,
        )
        audit.log(actor=by, verb="submission.submitted", target=locked)
    else:
        submission.description = description.strip()
        submission.links = links.strip()
        submission.updated_at = now
        submission.save(update_fields=["description", "links", "updated_at"])
        audit.log(actor=by, verb="submission.revised", target=locked)
    for item in checked:
        added = SubmissionFile.objects.create(
            submission=submission,
            file=item.file,
            name=item.name,
            size=item.size,
            content_type=item.content_type,
            uploaded_at=now,
        )
        audit.log(actor=by, verb="submission.file_added", target=locked, data={"file": added.pk})
    return submission


@transaction.atomic
def submission_file_remove(*, file: SubmissionFile, by: User, now=None) -> None:
    """`by` (a member) takes a file out of her team's answer, before the deadline."""
    now = now or timezone.now()
    locked = (
        Team.objects.select_for_update().select_related("event").get(pk=file.submission.team_id)
    )
    _check_submitter(locked, by, now)
    Submission.objects.filter(pk=file.submission_id).update(updated_at=now)
    _delete_files([file])
    audit.log(actor=by, verb="submission.file_removed", target=locked, data={"file": file.pk})
