"""Every write about the end of an engagement: the delivery, the association's answer
(complete, or changes wanted), the reviews of both sides and their publication.

The mission follows its team: it is "delivered" once every accepted volunteer has handed
their work over, back "in progress" when the association asks for changes, and "completed"
once the association has confirmed every engagement — always through
`missions.lifecycle.mission_transition`.
"""

import hashlib
import logging
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

import audit
from accounts.models import User
from core.errors import ActionRefused
from core.uploads import check_attachments
from engagements.models import Application
from engagements.selectors import Viewer
from engagements.services import lock_application
from missions import lifecycle
from missions.models import Mission, Reason
from missions.models import Status as MissionStatus
from missions.selectors import is_member
from notifications.services import notify
from organizations.selectors import mission_members as members_of
from taxonomy.models import Skill

from .files import make_preview, pdf_page_count
from .lifecycle import (  # noqa: F401  (REVIEW_DELAY, delivery_refusal: read by other apps)
    DELIVERING,
    DELIVERY,
    REVIEW,
    REVIEW_DELAY,
    delivery_refusal,
    not_written,
    nothing_delivered,
)
from .models import Completion, Deliverable, Review
from .signals import engagement_completed, review_published

logger = logging.getLogger(__name__)

# Who has not written their review is reminded once, this long after the end.
REMIND_AFTER = timedelta(days=5)
MAX_DELIVERABLES = 20
MAX_HOURS = 1000

Status = Completion.Status
Direction = Review.Direction


# A refusal the person can act on (core.errors): kept under this name for the app's callers.
CompletionError = ActionRefused


# --- helpers ---------------------------------------------------------------------------------
def completion_url(application: Application) -> str:
    return reverse("completion:detail", args=[application.pk])


def review_url(application: Application) -> str:
    return reverse("completion:review", args=[application.pk])


def _completion_of(application: Application) -> Completion | None:
    return Completion.objects.select_for_update().filter(application=application).first()


def _context(application: Application, mission: Mission, **extra) -> dict:
    return {
        "mission": mission.title,
        "organization": mission.organization.name,
        "volunteer": application.volunteer.full_name,
        "volunteer_first_name": application.volunteer.first_name,
        **extra,
    }


def _follow_team(mission: Mission, *, by: User | None, reason: str | Reason = "") -> None:
    """Move the mission after the state of its team's engagements (mission row locked), as
    far as the mission's table (`missions.lifecycle.MISSION`) allows."""
    states = list(
        Application.objects.filter(mission=mission, status=Application.Status.ACCEPTED)
        .order_by()
        .values_list("completion__status", flat=True)
    )
    if not states:
        return
    moves: list[tuple[str, User | None, str | Reason]] = []
    if all(state in (Status.DELIVERED, Status.COMPLETED) for state in states):
        # The volunteer is not an actor of the lifecycle: the system records the move, the
        # reason says who triggered it.
        moves.append(("deliver", None, reason))
        if all(state == Status.COMPLETED for state in states):
            moves.append(("complete", by, ""))
    elif Status.CHANGES_REQUESTED in states:
        moves.append(("request_changes", by, reason))
    for action, actor, why in moves:
        if lifecycle.MISSION.allows(mission, action, actor):
            lifecycle.mission_transition(mission=mission, action=action, by=actor, reason=why)


def _send_completed(application: Application) -> None:
    def send() -> None:
        for receiver, error in engagement_completed.send_robust(
            sender=Completion, application=application
        ):
            if isinstance(error, Exception):
                logger.error(
                    "engagement_completed receiver %r failed for application %s",
                    receiver,
                    application.pk,
                    exc_info=error,
                )

    transaction.on_commit(send)


def _delete_files_later(names: Iterable[str | None]) -> None:
    files = [name for name in names if name]
    storage = Deliverable._meta.get_field("file").storage

    def delete() -> None:
        for name in files:
            storage.delete(name)

    # Only once the rows are surely gone: a rolled-back removal keeps its files.
    transaction.on_commit(delete)


# --- delivery --------------------------------------------------------------------------------
def _clean_links(links: Iterable[str]) -> list[str]:
    return [link.strip() for link in links if link and link.strip()]


def _digest(file) -> str:
    digest = hashlib.sha256()
    for chunk in file.chunks():
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


def _new_files(checked: list, delivered: list[Deliverable]) -> list:
    """The files of `checked` that are not already among `delivered` (same name, same
    bytes), each once."""
    kept, seen = [], set()
    stored = [d for d in delivered if d.kind == Deliverable.Kind.FILE]
    for item in checked:
        twins = [d for d in stored if d.name == item.name and d.size == item.size]
        key = (item.name, _digest(item.file))
        if key in seen:
            continue
        seen.add(key)
        if any(_stored_digest(d) == key[1] for d in twins):
            continue
        kept.append(item)
    return kept


def _stored_digest(deliverable: Deliverable) -> str | None:
    try:
        with deliverable.file.open("rb") as file:
            return _digest(file)
    except OSError:  # a file gone from the storage is no twin
        return None


@transaction.atomic
def work_deliver(
    *,
    application: Application,
    by: User,
    hours: int,
    files: Iterable = (),
    links: Iterable[str] = (),
    note: str = "",
) -> Completion:
    """The volunteer hands the work over: files, links, the hours spent and a word.

    Handing over again (after the association asked for changes, or to add something)
    adds to what was already there. Raises ValidationError when a file is refused, and
    CompletionError when the engagement does not take deliveries (any more).
    """
    locked, mission = lock_application(application)
    if by is None or by.pk != locked.volunteer_id:
        raise PermissionDenied("only the engagement's volunteer hands the work over")
    completion = _completion_of(locked)
    DELIVERY.check(completion or nothing_delivered(locked), "deliver", by)
    files = [f for f in files if f]
    note = (note or "").strip()
    if hours is None or not 0 < hours <= MAX_HOURS:
        raise ValidationError(_("Indiquez un nombre d’heures entre 1 et 1000."))
    checked = [item for file in files for item in check_attachments([file])]
    delivered = list(completion.deliverables.all()) if completion else []
    already = len(delivered)
    # Sent again (a double click, the page sent twice): what is already there is not added.
    known_links = {d.url for d in delivered if d.kind == Deliverable.Kind.LINK}
    links = [link for link in dict.fromkeys(_clean_links(links)) if link not in known_links]
    checked = _new_files(checked, delivered)
    if (
        completion is not None
        and completion.status == Status.DELIVERED
        and not (checked or links)
        and note in ("", completion.note)
        and hours == completion.proposed_hours
    ):
        # Nothing new since the work was handed over: the same delivery, told once.
        return completion
    if already + len(checked) + len(links) > MAX_DELIVERABLES:
        raise ValidationError(
            _("Une mission compte %(max)s fichiers et liens au plus."),
            params={"max": MAX_DELIVERABLES},
        )
    if not (already or checked or links or note):
        raise ValidationError(
            _(
                "Joignez un fichier, donnez un lien ou décrivez en quelques mots ce que vous "
                "avez fait."
            )
        )

    now = timezone.now()
    if completion is None:
        completion = Completion(application=locked)
    completion.status = Status.DELIVERED
    completion.proposed_hours = hours
    if note:
        completion.note = note
    completion.delivered_at = now
    completion.save()
    audit.log(
        actor=by, verb="work.delivered", target=locked, data={"mission": mission.pk, "hours": hours}
    )
    for item in checked:
        deliverable = Deliverable(
            completion=completion,
            kind=Deliverable.Kind.FILE,
            file=item.file,
            name=item.name,
            size=item.size,
            content_type=item.content_type,
        )
        preview = make_preview(item.file, item.content_type)
        if preview is not None:
            deliverable.preview, deliverable.preview_width, deliverable.preview_height = preview
        if item.content_type == "application/pdf":
            deliverable.page_count = pdf_page_count(item.file)
        deliverable.save()
    for link in links:
        Deliverable.objects.create(
            completion=completion, kind=Deliverable.Kind.LINK, url=link, name=link[:200]
        )

    mission.last_activity_at = now
    mission.save(update_fields=["last_activity_at"])
    _follow_team(
        mission,
        by=None,
        reason=Reason(
            "work_delivered", {"name": locked.volunteer.full_name, "person": locked.volunteer_id}
        ),
    )
    notify(
        users=members_of(mission),
        kind="work_delivered",
        context=_context(
            locked,
            mission,
            hours=hours,
            note=note,
            count=len(checked) + len(links),
        ),
        url=completion_url(locked),
    )
    return completion


@transaction.atomic
def deliverable_remove(*, deliverable: Deliverable, by: User) -> None:
    """The volunteer takes back a file or link, until the association confirms the end."""
    completion = Completion.objects.select_for_update().get(pk=deliverable.completion_id)
    application = Application.objects.get(pk=completion.application_id)
    if by is None or by.pk != application.volunteer_id:
        raise PermissionDenied("only the engagement's volunteer removes a deliverable")
    if completion.is_completed:
        raise CompletionError(_("L’association a déjà confirmé la fin : le travail remis reste."))
    _delete_files_later([deliverable.file.name, deliverable.preview.name])
    deliverable.delete()


# --- the association's answer ----------------------------------------------------------------
def _complete(
    completion: Completion, *, application: Application, by: User, hours: int | None, now: datetime
) -> None:
    completion.status = Status.COMPLETED
    completion.confirmed_hours = hours
    completion.completed_at = now
    completion.completed_by = by
    completion.save()
    data = {"mission": application.mission_id, "hours": hours}
    audit.log(actor=by, verb="completion.confirmed", target=application, data=data)
    notify(
        users=[application.volunteer],
        kind="engagement_completed",
        context=_context(application, application.mission, hours=hours),
        url=review_url(application),
    )
    _send_completed(application)


@transaction.atomic
def completion_confirm(*, application: Application, by: User, hours: int) -> Completion:
    """A member confirms the work is complete and how many hours it took."""
    locked, mission = lock_application(application)
    if by is None or not is_member(by, mission):
        raise PermissionDenied("only the association's members confirm the end")
    completion = _completion_of(locked) or nothing_delivered(locked)
    DELIVERY.check(completion, "confirm", by)
    if hours is None or not 0 < hours <= MAX_HOURS:
        raise ValidationError(_("Indiquez un nombre d’heures entre 1 et 1000."))
    _complete(completion, application=locked, by=by, hours=hours, now=timezone.now())
    _follow_team(
        mission,
        by=by,
        reason=Reason(
            "completion_confirmed",
            {"name": locked.volunteer.full_name, "person": locked.volunteer_id},
        ),
    )
    return completion


@transaction.atomic
def changes_request(*, application: Application, by: User, reason: str) -> Completion:
    """A member asks for changes; the volunteer reads why and hands the work over again."""
    locked, mission = lock_application(application)
    if by is None or not is_member(by, mission):
        raise PermissionDenied("only the association's members ask for changes")
    completion = _completion_of(locked) or nothing_delivered(locked)
    transition = DELIVERY.check(completion, "request_changes", by)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Dites ce qu’il faudrait changer."))
    now = timezone.now()
    completion.status = transition.target
    completion.changes_requested = reason
    completion.changes_requested_at = now
    completion.changes_requested_by = by
    completion.save()
    data = {"mission": mission.pk}
    audit.log(actor=by, verb="completion.changes_requested", target=locked, data=data)
    _follow_team(mission, by=by, reason=reason)
    notify(
        users=[locked.volunteer],
        kind="changes_requested",
        context=_context(locked, mission, reason=reason, by=by.full_name),
        url=completion_url(locked),
    )
    return completion


@transaction.atomic
def mission_finish(*, mission: Mission, action: str, by: User, reason: str = "") -> Mission:
    """The mission page's "confirm the end" or "ask for changes", for the whole team.

    Confirming the end of the mission confirms every engagement not confirmed yet, with the
    hours the volunteer proposed (or those of the agreement); asking for changes sends back
    every delivery still waiting for an answer. Then the mission moves, once.

    `action`: "complete" or "request_changes", asked of the mission's table first.
    """
    mission = Mission.objects.select_for_update().get(pk=mission.pk)
    target = lifecycle.check(mission, action, by).target
    now = timezone.now()
    team = list(
        Application.objects.filter(mission=mission, status=Application.Status.ACCEPTED)
        .select_related("volunteer", "agreement", "completion")
        .order_by("pk")
    )
    for application in team:
        application.mission = mission
        completion = getattr(application, "completion", None) or nothing_delivered(application)
        viewer = Viewer(
            is_volunteer=application.volunteer_id == by.pk, is_member=True, is_staff=by.is_staff
        )
        if target == MissionStatus.COMPLETED:
            if completion.is_completed:
                continue
            DELIVERY.check(completion, "confirm", by, viewer=viewer, whole_mission=True)
            agreement = getattr(application, "agreement", None)
            hours = completion.proposed_hours or (agreement.hours if agreement else None)
            _complete(completion, application=application, by=by, hours=hours, now=now)
        elif completion.is_delivered:
            transition = DELIVERY.check(completion, "request_changes", by, viewer=viewer)
            completion.status = transition.target
            completion.changes_requested = reason.strip()
            completion.changes_requested_at = now
            completion.changes_requested_by = by
            completion.save()
            data = {"mission": mission.pk}
            audit.log(actor=by, verb="completion.changes_requested", target=application, data=data)
            notify(
                users=[application.volunteer],
                kind="changes_requested",
                context=_context(application, mission, reason=reason.strip(), by=by.full_name),
                url=completion_url(application),
            )
    lifecycle.mission_transition(mission=mission, action=action, by=by, reason=reason)
    return mission


# --- reviews ---------------------------------------------------------------------------------
ASSOCIATION_FIELDS = ("quality", "communication", "deadlines")
VOLUNTEER_FIELDS = ("clarity", "availability", "respect")
ANSWERS = ("answer_done", "answer_how", "answer_recommend")


def direction_for(user, application: Application) -> str | None:
    """Which review `user` writes about this engagement, if any."""
    if not user.is_authenticated:
        return None
    if user.pk == application.volunteer_id:
        return Direction.VOLUNTEER
    if is_member(user, application.mission):
        return Direction.ASSOCIATION
    return None


def _subjects(application: Application, review: Review) -> list[User]:
    """The people a review is about: the volunteer, or the association's members."""
    if review.direction == Direction.ASSOCIATION:
        return [application.volunteer]
    return members_of(application.mission)


def _tell_published(application: Application, review: Review, *, except_user=None) -> None:
    kind = (
        "reference_published"
        if review.direction == Direction.ASSOCIATION
        else "association_review_published"
    )
    users = [u for u in _subjects(application, review) if u.pk != getattr(except_user, "pk", None)]
    data = {"mission": application.mission_id, "direction": review.direction}
    audit.log(actor=except_user, verb="review.published", target=review, data=data)
    review_published.send(sender=Review, review=review)
    notify(
        users=users,
        kind=kind,
        context=_context(application, application.mission),
        url=completion_url(application),
    )


@transaction.atomic
def review_write(
    *,
    application: Application,
    by: User,
    ratings: dict,
    answers: dict | None = None,
    comment: str = "",
    skills: Iterable[Skill] = (),
) -> Review:
    """Write (or rewrite, until it is published) one side's review.

    `ratings` holds the three 1–5 marks of the writer's side; `answers` the association's
    three short answers, joined into the testimonial; `skills` the skills it endorses;
    `comment` the volunteer's word to the association. Both reviews are published as soon
    as both are written; a review written after the 14 days is published at once.
    """
    locked, mission = lock_application(application)
    direction = direction_for(by, locked)
    if direction is None:
        raise PermissionDenied("only the volunteer and the association's members review")
    completion = _completion_of(locked)
    review = (
        Review.objects.select_for_update().filter(application=locked, direction=direction).first()
    )
    REVIEW.check(review or not_written(locked, direction), "write", by, completion=completion)
    assert completion is not None  # the guard wants the end confirmed
    fields = ASSOCIATION_FIELDS if direction == Direction.ASSOCIATION else VOLUNTEER_FIELDS
    for name in fields:
        value = ratings.get(name)
        if value is None or not 1 <= int(value) <= 5:
            raise ValidationError(_("Donnez une note de 1 à 5 à chaque question."))
    now = timezone.now()
    if review is None:
        review = Review(application=locked, direction=direction, written_at=now)
    review.author = by
    for name in fields:
        setattr(review, name, int(ratings[name]))
    if direction == Direction.ASSOCIATION:
        answers = answers or {}
        for name in ANSWERS:
            setattr(review, name, (answers.get(name) or "").strip())
        review.testimonial = "\n\n".join(
            getattr(review, name) for name in ANSWERS if getattr(review, name)
        )
    else:
        review.comment = (comment or "").strip()
    first_time = review.pk is None
    review.save()
    if direction == Direction.ASSOCIATION:
        review.endorsed_skills.set(list(skills))

    other = (
        Review.objects.select_for_update()
        .filter(application=locked)
        .exclude(direction=direction)
        .first()
    )
    # Both written: both appear, whatever their age; one alone appears after the delay.
    due = [
        item
        for item in ([review] if other is None else [review, other])
        if REVIEW.allows(
            item, "publish", None, completion=completion, both_written=other is not None, now=now
        )
    ]
    for item in due:
        item.published_at = now
        item.save(update_fields=["published_at"])
        _tell_published(locked, item, except_user=by)
    if not due and first_time:
        # The other side learns there is a review waiting for theirs.
        readers = members_of(mission) if direction == Direction.VOLUNTEER else [locked.volunteer]
        notify(
            users=[u for u in readers if u.pk != by.pk],
            kind="review_written",
            context=_context(locked, mission, by_volunteer=direction == Direction.VOLUNTEER),
            url=review_url(locked),
        )
    return review


# --- scheduled -------------------------------------------------------------------------------
def publish_due_reviews(now: datetime | None = None) -> int:
    """Publish the reviews whose engagement ended 14 days ago or more; returns how many.

    Each review is claimed with a conditional update before anyone is told, so two runs at
    once never publish (nor announce) the same review twice.
    """
    now = now or timezone.now()
    due = Review.objects.filter(
        published_at__isnull=True,
        application__completion__completed_at__lte=now - REVIEW_DELAY,
    ).values_list("pk", flat=True)
    published = 0
    for pk in list(due):
        with transaction.atomic():
            if not Review.objects.filter(pk=pk, published_at__isnull=True).update(published_at=now):
                continue
            review = Review.objects.select_related(
                "application__volunteer", "application__mission__organization"
            ).get(pk=pk)
            _tell_published(review.application, review)
            published += 1
    return published


def remind_missing_reviews(now: datetime | None = None) -> int:
    """Remind, once, whoever has not written their review 5 days after the end."""
    now = now or timezone.now()
    due = Completion.objects.filter(
        status=Status.COMPLETED,
        review_reminded_at__isnull=True,
        completed_at__lte=now - REMIND_AFTER,
        completed_at__gt=now - REVIEW_DELAY,
    ).values_list("pk", flat=True)
    reminded = 0
    for pk in list(due):
        with transaction.atomic():
            if not Completion.objects.filter(pk=pk, review_reminded_at__isnull=True).update(
                review_reminded_at=now
            ):
                continue
            completion = Completion.objects.select_related(
                "application__volunteer", "application__mission__organization"
            ).get(pk=pk)
            application = completion.application
            written = set(application.reviews.values_list("direction", flat=True))
            for direction in Direction.values:
                if direction in written:
                    continue
                users = (
                    [application.volunteer]
                    if direction == Direction.VOLUNTEER
                    else members_of(application.mission)
                )
                notify(
                    users=users,
                    kind="review_reminder",
                    context=_context(
                        application,
                        application.mission,
                        as_volunteer=direction == Direction.VOLUNTEER,
                        days=(completion.completed_at + REVIEW_DELAY - now).days,  # type: ignore[operator]
                    ),
                    url=review_url(application),
                )
                reminded += 1
    return reminded


def completion_tick(now: datetime | None = None) -> dict[str, int]:
    """The periodic work of this app: run it every hour."""
    now = now or timezone.now()
    return {
        "reminded": remind_missing_reviews(now),
        "published": publish_due_reviews(now),
    }


# --- the book --------------------------------------------------------------------------------
@transaction.atomic
def portfolio_missions_set(*, user: User, shown: Iterable[int]) -> None:
    """Which of the volunteer's completed engagements their public book shows."""
    shown = set(shown)
    mine = Completion.objects.filter(application__volunteer=user, status=Status.COMPLETED)
    mine.filter(pk__in=shown).update(shown_in_portfolio=True)
    mine.exclude(pk__in=shown).update(shown_in_portfolio=False)
