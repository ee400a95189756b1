"""Who takes part in a conversation, who may read it, and what is still unread.

An application's thread is between the association's members and the applicant; a
mission's team thread is between the association's members and the volunteers it accepted.
Nobody else reads them — not even the A-lasso team: private messages stay private.
"""

from datetime import UTC, datetime

from django.core.exceptions import PermissionDenied
from django.db.models import (
    Count,
    DateTimeField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from accounts.models import User
from engagements.models import Application
from organizations.models import Membership

from .models import Attachment, Message, ReadMark, Thread

# An application whose thread can still receive messages; afterwards it is kept to be read.
OPEN_APPLICATION_STATUSES = frozenset(
    {Application.Status.PENDING, Application.Status.INVITED, Application.Status.ACCEPTED}
)
_NEVER = Value(datetime(1970, 1, 1, tzinfo=UTC), output_field=DateTimeField())


def _visible_to(user, thread_ref: str = "pk") -> Q:
    """Condition on Thread rows (or rows with a `thread` relation) that `user` may read."""
    prefix = "" if thread_ref == "pk" else f"{thread_ref}__"
    is_member = Membership.objects.filter(
        user=user, organization=OuterRef(f"{prefix}mission__organization")
    )
    accepted = Application.objects.filter(
        mission=OuterRef(f"{prefix}mission"), volunteer=user, status=Application.Status.ACCEPTED
    )
    return (
        Q(Exists(is_member))
        | Q(**{f"{prefix}application__volunteer": user})
        | (Q(**{f"{prefix}application__isnull": True}) & Q(Exists(accepted)))
    )


def participants(thread: Thread) -> list[User]:
    """Everyone who takes part in the thread (active accounts), by name."""
    in_association = Membership.objects.filter(
        user=OuterRef("pk"), organization_id=thread.mission.organization_id
    )
    if thread.application_id:
        volunteers = Application.objects.filter(pk=thread.application_id, volunteer=OuterRef("pk"))
    else:
        volunteers = Application.objects.filter(
            mission_id=thread.mission_id,
            volunteer=OuterRef("pk"),
            status=Application.Status.ACCEPTED,
        )
    return list(
        User.objects.filter(
            Q(Exists(in_association)) | Q(Exists(volunteers)), is_active=True
        ).order_by("full_name", "pk")
    )


def can_access(user, thread: Thread) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return Thread.objects.filter(_visible_to(user), pk=thread.pk).exists()


def can_write(user, thread: Thread) -> bool:
    """May `user` add a message? A closed application's thread can only be read."""
    if not can_access(user, thread):
        return False
    if thread.application_id is None:
        return True
    return thread.application.status in OPEN_APPLICATION_STATUSES


def is_member_of_thread_association(user, thread: Thread) -> bool:
    return Membership.objects.filter(
        user=user, organization_id=thread.mission.organization_id
    ).exists()


def get_thread_for_participant(request, pk: int) -> Thread:
    """The thread `pk` if the requester takes part in it; 404 if absent, 403 otherwise."""
    thread = get_object_or_404(
        Thread.objects.select_related("mission__organization", "application__volunteer"), pk=pk
    )
    if not can_access(request.user, thread):
        raise PermissionDenied
    return thread


def get_attachment_for_participant(request, pk: int) -> Attachment:
    attachment = get_object_or_404(
        Attachment.objects.select_related("message__thread__mission"), pk=pk
    )
    if not can_access(request.user, attachment.message.thread):
        raise PermissionDenied
    return attachment


def thread_messages(thread: Thread) -> QuerySet[Message]:
    """The thread's messages, oldest first, with their authors and attachments."""
    return (
        thread.messages.select_related("author")
        .prefetch_related("attachments")
        .order_by("created_at", "pk")
    )


def threads_for_user(user) -> QuerySet[Thread]:
    """The person's threads, latest activity first, each with its last message and the
    number of messages they have not read yet — in one query whatever their number."""
    last = Message.objects.filter(thread=OuterRef("pk")).order_by("-created_at", "-pk")
    read_until = ReadMark.objects.filter(thread=OuterRef("pk"), user=user).values("read_at")[:1]
    unread = (
        Message.objects.filter(thread=OuterRef("pk"), created_at__gt=OuterRef("read_until"))
        .exclude(author=user)
        .order_by()
        .values("thread")
        .annotate(n=Count("pk"))
        .values("n")
    )
    is_member = Membership.objects.filter(user=user, organization=OuterRef("mission__organization"))
    return (
        Thread.objects.filter(_visible_to(user))
        .select_related("mission__organization", "application__volunteer")
        .annotate(
            read_until=Coalesce(Subquery(read_until), _NEVER),
            unread=Coalesce(Subquery(unread, output_field=IntegerField()), 0),
            last_at=Subquery(last.values("created_at")[:1]),
            last_body=Subquery(last.values("body")[:1]),
            last_author_id=Subquery(last.values("author_id")[:1]),
            last_author_name=Subquery(last.values("author__full_name")[:1]),
            last_author_active=Subquery(last.values("author__is_active")[:1]),
            viewer_is_member=Exists(is_member),
        )
        .order_by(F("last_message_at").desc(nulls_last=True), "-created_at", "-pk")
    )


def _visible_thread_ids(user) -> QuerySet:
    """The ids of the threads `user` may read, as a subquery that every database answers
    from indexes: the union of three small sets rather than a condition on every thread."""
    accepted = Application.objects.filter(
        volunteer=user, status=Application.Status.ACCEPTED
    ).values("mission_id")
    as_member = Thread.objects.filter(
        mission__organization__in=Membership.objects.filter(user=user).values("organization")
    ).values("pk")
    as_applicant = Thread.objects.filter(application__volunteer=user).values("pk")
    as_team = Thread.objects.filter(application__isnull=True, mission__in=accepted).values("pk")
    return as_member.union(as_applicant, as_team)


def unread_count(user) -> int:
    """Messages written by others that `user` has not read yet, in all threads: one query."""
    if not user.is_authenticated:
        return 0
    read_until = ReadMark.objects.filter(thread=OuterRef("thread"), user=user).values("read_at")[:1]
    return (
        Message.objects.filter(thread__in=_visible_thread_ids(user))
        .exclude(author=user)
        .alias(read_until=Coalesce(Subquery(read_until), _NEVER))
        .filter(created_at__gt=F("read_until"))
        .count()
    )


def unread_count_for_request(request) -> int:
    """`unread_count` of the logged-in person, computed once per request."""
    if not hasattr(request, "_unread_messages"):
        user = getattr(request, "user", None)
        request._unread_messages = unread_count(user) if user is not None else 0
    return request._unread_messages
