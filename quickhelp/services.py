"""Every write of quick help: asking, answering, calls, closing, and the public answers.

State changes ask the tables of `lifecycle.py` on the row just locked, then write, record
(`audit.log`) and tell people (`notify`). Calls send an iCalendar invitation to both sides.
"""

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

import audit
from accounts.models import User
from core.emails import send_email
from core.errors import ActionRefused
from core.uploads import CheckedFile
from missions.models import Mission, MissionTemplate
from missions.services import mission_create, mission_save_step
from notifications.services import notify
from organizations.models import Organization
from organizations.selectors import members_of
from taxonomy.models import SkillDomain

from . import invitations, lifecycle, selectors
from .lifecycle import PUBLIC_ANSWER, QUESTION
from .models import (
    CALL_HOURS,
    WRITTEN_HOURS,
    Answer,
    Call,
    Credit,
    PublicAnswer,
    Question,
    Slot,
    Solicitation,
    UsefulMark,
)
from .signals import answer_published, question_solved

# An unanswered question is asked to more volunteers after this long, and the association
# is offered to make it a mission after as long again.
RESURFACE_AFTER = timedelta(hours=48)
# The reminder of a call leaves this long before it (the hourly job sends it).
REMIND_BEFORE = timedelta(hours=24)


def when(moment: datetime) -> str:
    """A call's time in words, in Paris time (notifications keep it as it was said)."""
    return date_format(timezone.localtime(moment), "l j F Y, H\\hi")


def _url(question: Question) -> str:
    return reverse("quickhelp:question", args=[question.pk])


def _members(question: Question) -> list[User]:
    return [m.user for m in members_of(question.organization)]


def _lock(question: Question) -> Question:
    locked = Question.objects.select_for_update().get(pk=question.pk)
    locked.__dict__["_members"] = question.__dict__.get("_members", {})
    locked.__dict__["_helpers"] = question.__dict__.get("_helpers", {})
    return locked


# --- Asking -----------------------------------------------------------------------------------
@transaction.atomic
def question_ask(
    *,
    organization: Organization,
    by: User,
    title: str,
    body: str,
    domain: SkillDomain,
    mode: str,
    slots: Iterable[datetime] = (),
    screenshot: CheckedFile | None = None,
) -> Question:
    """An association's question; the volunteers of its topic are asked at once."""
    question = Question(
        organization=organization, asked_by=by, title=title, body=body, domain=domain, mode=mode
    )
    if screenshot is not None:
        question.screenshot_name = screenshot.name
        question.screenshot_type = screenshot.content_type
        question.screenshot.save(screenshot.name, screenshot.file, save=False)  # type: ignore[arg-type]
    question.save()
    if mode == Question.Mode.CALL:
        Slot.objects.bulk_create(
            Slot(question=question, starts_at=moment) for moment in sorted(set(slots))
        )
    audit.log(actor=by, verb="question.asked", target=question)
    solicit(question=question, limit=selectors.FIRST_ROUND, round=1)
    return question


def solicit(*, question: Question, limit: int, round: int, now: datetime | None = None) -> int:
    """Ask `limit` more volunteers of the topic (under their daily cap); how many."""
    now = now or timezone.now()
    volunteers = selectors.volunteers_to_ask(question, limit=limit, now=now)
    Solicitation.objects.bulk_create(
        [
            Solicitation(question=question, volunteer=v, round=round, sent_at=now)
            for v in volunteers
        ],
        ignore_conflicts=True,
    )
    notify(
        users=volunteers,
        kind="quickhelp_question",
        context={
            "association": question.organization.name,
            "title": question.title,
            "call": question.wants_call,
        },
        url=_url(question),
    )
    return len(volunteers)


# --- Answering ---------------------------------------------------------------------------------
@transaction.atomic
def answer_write(*, question: Question, by: User, body: str) -> Answer:
    locked = _lock(question)
    QUESTION.check(locked, "answer", by)
    answer = Answer.objects.create(question=locked, author=by, body=body)
    _answered(locked, by, verb="question.answered")
    notify(
        users=_members(locked),
        kind="quickhelp_answered",
        context={"title": locked.title, "helper": by.full_name},
        url=_url(locked),
    )
    question.status = locked.status
    return answer


def _answered(locked: Question, by: User, *, verb: str) -> None:
    fields = ["status", "updated_at"]
    if locked.answered_at is None:
        locked.answered_at = timezone.now()
        fields.append("answered_at")
    audit.log(actor=by, verb=verb, target=locked, data={"from": locked.status})
    locked.status = Question.Status.ANSWERED
    locked.save(update_fields=fields)


@transaction.atomic
def call_take(*, question: Question, by: User, slot: Slot, video_link: str) -> Call:
    """She takes the call at one of the offered times, with her own video link; both sides
    receive the invitation."""
    locked = _lock(question)
    QUESTION.check(locked, "take_call", by)
    if slot.question_id != locked.pk or slot.starts_at <= timezone.now():
        raise ActionRefused(_("Ce créneau n’est plus proposé : choisissez-en un autre."))
    call = Call.objects.create(
        question=locked, helper=by, starts_at=slot.starts_at, video_link=video_link
    )
    _answered(locked, by, verb="question.call_booked")
    question.status = locked.status
    call.question = locked
    _send_invitations(call)
    notify(
        users=_members(locked),
        kind="quickhelp_call_booked",
        context={"title": locked.title, "helper": by.full_name, "when": when(call.starts_at)},
        url=_url(locked),
    )
    return call


def _send_invitations(call: Call) -> None:
    question = call.question
    attachment = invitations.attachment(call)
    people = [p for p in (call.helper, question.asked_by) if p is not None and p.is_active]
    template = "quickhelp_call_cancelled" if not call.is_booked else "quickhelp_call"
    for person in people:
        send_email(
            template,
            to=person.email,
            language=person.language,
            context={
                "name": person.first_name,
                "title": question.title,
                "starts_at": call.starts_at,
                "video_link": call.video_link,
                "url": reverse("quickhelp:question", args=[question.pk]),
                "ics_url": reverse("quickhelp:call_ics", args=[question.pk]),
            },
            key=f"quickhelp-call-{call.uid}-{call.sequence}-{person.pk}",
            attachments=[attachment],
        )


def may_cancel_call(call: Call, user) -> bool:
    return call.is_booked and (
        call.helper_id == getattr(user, "pk", None) or lifecycle.is_member(user, call.question)
    )


@transaction.atomic
def call_cancel(*, call: Call, by: User) -> Call:
    """Either side cancels: both receive the CANCEL of the invitation; with nothing written,
    the question waits for help again."""
    locked = _lock(call.question)
    call = Call.objects.select_for_update(of=("self",)).select_related("helper").get(pk=call.pk)
    call.question = locked
    if not may_cancel_call(call, by):
        raise ActionRefused(_("Cet appel ne peut plus être annulé."))
    call.status = Call.Status.CANCELLED
    call.cancelled_at = timezone.now()
    call.sequence += 1
    call.save(update_fields=["status", "cancelled_at", "sequence"])
    audit.log(actor=by, verb="question.call_cancelled", target=locked)
    _send_invitations(call)
    if not locked.answers.exists() and QUESTION.allows(locked, "reopen", None):
        locked.status = Question.Status.OPEN
        locked.save(update_fields=["status", "updated_at"])
    return call


def calls_remind(*, now: datetime | None = None) -> int:
    """Remind both sides of the calls starting within REMIND_BEFORE (once: the row is
    claimed by a conditional update)."""
    now = now or timezone.now()
    due = Call.objects.filter(
        status=Call.Status.BOOKED,
        reminded_at__isnull=True,
        starts_at__gt=now,
        starts_at__lte=now + REMIND_BEFORE,
    ).values_list("pk", flat=True)
    sent = 0
    for call_id in list(due):
        with transaction.atomic():
            if not Call.objects.filter(pk=call_id, reminded_at__isnull=True).update(
                reminded_at=now
            ):
                continue
            call = Call.objects.select_related("question__organization", "helper").get(pk=call_id)
            people = [call.helper, *_members(call.question)]
            notify(
                users=list({p.pk: p for p in people if p is not None}.values()),
                kind="quickhelp_call_reminder",
                context={
                    "title": call.question.title,
                    "when": when(call.starts_at),
                    "video_link": call.video_link,
                },
                url=_url(call.question),
            )
            sent += 1
    return sent


# --- Closing -----------------------------------------------------------------------------------
def helpers_of(question: Question) -> dict[int, tuple[User, str]]:
    """Who helped, and how: the call's helper (an hour), those who wrote (half an hour)."""
    helpers: dict[int, tuple[User, str]] = {}
    for answer in question.answers.select_related("author"):
        if answer.author is not None:
            helpers[answer.author.pk] = (answer.author, Credit.Kind.WRITTEN)
    for call in question.calls.filter(status=Call.Status.BOOKED).select_related("helper"):
        if call.helper is not None:
            helpers[call.helper.pk] = (call.helper, Credit.Kind.CALL)
    return helpers


def _attest_after_commit(question_id: int) -> None:
    from .tasks import attest_solved_question

    # After the commit, in the background: signing must never hold up (or undo) the
    # association's thanks; the hourly tick catches up a failed task.
    transaction.on_commit(lambda: attest_solved_question.enqueue(question_id=question_id))


@transaction.atomic
def question_solve(
    *, question: Question, by: User, thanked: User | None = None, thanks: str = ""
) -> Question:
    """The association marks it solved and thanks a helper; each helper's hours count."""
    locked = _lock(question)
    QUESTION.check(locked, "solve", by)
    helpers = helpers_of(locked)
    if thanked is not None and thanked.pk not in helpers:
        thanked = None
    now = timezone.now()
    audit.log(actor=by, verb="question.solved", target=locked, data={"from": locked.status})
    locked.status = Question.Status.SOLVED
    locked.solved_at = now
    locked.thanked = thanked
    locked.thanks = thanks
    locked.save(update_fields=["status", "solved_at", "thanked", "thanks", "updated_at"])
    Credit.objects.bulk_create(
        [
            Credit(
                question=locked,
                helper=helper,
                kind=kind,
                hours=CALL_HOURS if kind == Credit.Kind.CALL else WRITTEN_HOURS,
                credited_at=now,
            )
            for helper, kind in helpers.values()
        ],
        ignore_conflicts=True,
    )
    notify(
        users=[helper for helper, _kind in helpers.values()],
        kind="quickhelp_solved",
        context={
            "association": locked.organization.name,
            "title": locked.title,
            "message": thanks,
        },
        url=_url(locked),
    )
    question_solved.send(sender=Question, question=locked)
    _attest_after_commit(locked.pk)
    question.status, question.solved_at = locked.status, locked.solved_at
    return locked


@transaction.atomic
def question_close(*, question: Question, by: User) -> Question:
    locked = _lock(question)
    QUESTION.check(locked, "close", by)
    audit.log(actor=by, verb="question.closed", target=locked, data={"from": locked.status})
    locked.status = Question.Status.CLOSED
    locked.save(update_fields=["status", "updated_at"])
    question.status = locked.status
    return locked


def template_for(question: Question) -> MissionTemplate | None:
    return (
        MissionTemplate.objects.filter(domain_id=question.domain_id, is_active=True)
        .order_by("order", "slug")
        .first()
    )


@transaction.atomic
def question_to_mission(*, question: Question, by: User) -> Mission:
    """A draft mission made from the question, for the association to finish and send."""
    locked = _lock(question)
    QUESTION.check(locked, "to_mission", by)
    mission = mission_create(
        organization=locked.organization, template=template_for(locked), by=by, need=locked.body
    )
    mission_save_step(
        mission=mission,
        step=1,
        data={
            "title": locked.title[:200],
            "need": locked.body,
            "deliverables": mission.deliverables or locked.title,
        },
        by=by,
        complete=False,
    )
    audit.log(actor=by, verb="question.to_mission", target=locked, data={"mission": mission.pk})
    locked.status = Question.Status.MISSION
    locked.mission = mission
    locked.save(update_fields=["status", "mission", "updated_at"])
    question.status, question.mission = locked.status, mission
    return mission


def questions_resurface(*, now: datetime | None = None) -> dict[str, int]:
    """Unanswered questions: after 48 h asked to more volunteers; 48 h later still
    unanswered, the association is offered to make it a mission. Each row is claimed by a
    conditional update, so a job run twice does nothing twice."""
    now = now or timezone.now()
    done = {"resurfaced": 0, "offered": 0}
    waiting = Question.objects.filter(status=Question.Status.OPEN)
    for pk in list(
        waiting.filter(resurfaced_at__isnull=True, created_at__lte=now - RESURFACE_AFTER)
        .order_by("pk")
        .values_list("pk", flat=True)
    ):
        with transaction.atomic():
            if not Question.objects.filter(pk=pk, resurfaced_at__isnull=True).update(
                resurfaced_at=now
            ):
                continue
            question = Question.objects.select_related("organization").get(pk=pk)
            solicit(question=question, limit=selectors.SECOND_ROUND, round=2, now=now)
            done["resurfaced"] += 1
    for pk in list(
        waiting.filter(mission_offered_at__isnull=True, resurfaced_at__lte=now - RESURFACE_AFTER)
        .order_by("pk")
        .values_list("pk", flat=True)
    ):
        with transaction.atomic():
            if not Question.objects.filter(pk=pk, mission_offered_at__isnull=True).update(
                mission_offered_at=now
            ):
                continue
            question = Question.objects.select_related("organization").get(pk=pk)
            notify(
                users=_members(question),
                kind="quickhelp_to_mission",
                context={"title": question.title},
                url=_url(question),
            )
            done["offered"] += 1
    return done


# --- The public answer -------------------------------------------------------------------------
def _unique_slug(title: str) -> str:
    base = slugify(title)[:200] or "reponse"
    slug, n = base, 2
    while PublicAnswer.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def publication_consent(*, question: Question, by: User) -> PublicAnswer:
    """The association agrees to publish: a draft, prefilled with the question and the
    thanked helper's answer, for the helper or a moderator to make impersonal."""
    locked = _lock(question)
    refusal = lifecycle.publication_refusal(locked, by)
    if refusal:
        raise ActionRefused(refusal)
    helper = locked.thanked
    answers = list(locked.answers.all())
    if helper is None and answers:
        helper = answers[0].author
    if helper is None:
        call = locked.calls.filter(status=Call.Status.BOOKED).first()
        helper = call.helper if call else None
    chosen = [a.body for a in answers if helper is not None and a.author_id == helper.pk]
    text = "\n\n".join(chosen or [a.body for a in answers[:1]])
    public = PublicAnswer.objects.create(
        question=locked,
        slug=_unique_slug(locked.title),
        domain_id=locked.domain_id,
        title=locked.title,
        situation=locked.body,
        answer=text,
        helper=helper,
        consented_by=by,
    )
    audit.log(actor=by, verb="public_answer.consented", target=public)
    if helper is not None:
        notify(
            users=[helper],
            kind="quickhelp_publication_draft",
            context={"title": locked.title},
            url=reverse("quickhelp:public_edit", args=[public.pk]),
        )
    return public


def _lock_public(public: PublicAnswer) -> PublicAnswer:
    locked = PublicAnswer.objects.select_for_update().get(pk=public.pk)
    locked.question = public.question
    return locked


@transaction.atomic
def public_answer_edit(
    *, public: PublicAnswer, by: User, title: str, situation: str, answer: str, submit: bool
) -> PublicAnswer:
    locked = _lock_public(public)
    PUBLIC_ANSWER.check(locked, "submit" if submit else "edit", by)
    locked.title, locked.situation, locked.answer = title, situation, answer
    fields = ["title", "situation", "answer"]
    if submit:
        locked.status = PublicAnswer.Status.SUBMITTED
        locked.submitted_at = timezone.now()
        fields += ["status", "submitted_at"]
        audit.log(actor=by, verb="public_answer.submitted", target=locked)
    locked.save(update_fields=fields)
    return locked


@transaction.atomic
def public_answer_review(
    *, public: PublicAnswer, by: User, approve: bool, note: str = ""
) -> PublicAnswer:
    """A moderator publishes the answer, or sends it back with a note."""
    locked = _lock_public(public)
    PUBLIC_ANSWER.check(locked, "publish" if approve else "send_back", by)
    locked.reviewed_by = by
    locked.review_note = note
    fields = ["status", "reviewed_by", "review_note"]
    if approve:
        locked.status = PublicAnswer.Status.PUBLISHED
        locked.published_at = timezone.now()
        fields.append("published_at")
        audit.log(actor=by, verb="public_answer.published", target=locked)
    else:
        locked.status = PublicAnswer.Status.DRAFT
        audit.log(actor=by, verb="public_answer.sent_back", target=locked, data={"reason": note})
    locked.save(update_fields=fields)
    people = [p for p in (locked.helper, locked.consented_by) if p is not None]
    notify(
        users=people,
        kind="quickhelp_published" if approve else "quickhelp_sent_back",
        context={"title": locked.title, "note": note},
        url=reverse("quickhelp:answer", args=[locked.slug])
        if approve
        else reverse("quickhelp:public_edit", args=[locked.pk]),
    )
    if approve:
        answer_published.send(sender=PublicAnswer, public_answer=locked)
    return locked


@transaction.atomic
def public_answer_withdraw(*, public: PublicAnswer, by: User) -> PublicAnswer:
    locked = _lock_public(public)
    PUBLIC_ANSWER.check(locked, "withdraw", by)
    locked.status = PublicAnswer.Status.WITHDRAWN
    locked.save(update_fields=["status"])
    audit.log(actor=by, verb="public_answer.withdrawn", target=locked)
    return locked


@transaction.atomic
def mark_useful(*, public: PublicAnswer, user: User | None, session_key: str) -> bool:
    """One mark per person (or per browser session for a visitor); True when counted."""
    owner = {"user": user} if user is not None else {"user": None, "session_key": session_key}
    _mark, created = UsefulMark.objects.get_or_create(public_answer=public, **owner)
    if created:
        from django.db.models import F

        PublicAnswer.objects.filter(pk=public.pk).update(useful_count=F("useful_count") + 1)
    return created
