"""Who takes part in a conversation, who may read it, and what is still unread.

An application's thread is between the association's members and the applicant; a
mission's team thread is between the association's members and the volunteers it accepted.
Nobody else reads them — not even the A-lasso team: private messages stay private.
"""

import functools
from datetime import UTC, datetime

from django.core.exceptions import PermissionDenied
from django.db import connection
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
from core.sql import table
from engagements.models import Application
from missions.models import Mission
from notifications.models import Notification
from organizations.models import Membership

from .models import Attachment, Message, ReadMark, Thread

# An application whose thread can still receive messages; afterwards it is kept to be read.
OPEN_APPLICATION_STATUSES: frozenset[str] = frozenset(
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
    if thread.application is None:  # no query when there is no application
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


@functools.cache
def _unread_sql() -> str:
    # The threads `user` may read, as the union of three small sets that every database
    # answers from indexes (their own association's, their applications', the teams they
    # joined) rather than a condition on every thread; then the messages of others after
    # the person's read mark. CROSS JOIN: SQLite, which keeps no statistics, would
    # otherwise start from every team thread rather than from the person's applications.
    return f"""
    SELECT COUNT(*) FROM {table(Message)} m
    LEFT JOIN {table(ReadMark)} r ON r.thread_id = m.thread_id AND r.user_id = %s
    WHERE m.thread_id IN (
        SELECT t.id FROM {table(Thread)} t
        JOIN {table(Mission)} mission ON mission.id = t.mission_id
        JOIN {table(Membership)} member ON member.organization_id = mission.organization_id
        WHERE member.user_id = %s
        UNION
        SELECT t.id FROM {table(Thread)} t
        JOIN {table(Application)} a ON a.id = t.application_id
        WHERE a.volunteer_id = %s
        UNION
        SELECT t.id FROM {table(Application)} a
        CROSS JOIN {table(Thread)} t
        WHERE t.mission_id = a.mission_id AND t.application_id IS NULL
          AND a.volunteer_id = %s AND a.status = %s
    )
    AND (m.author_id IS NULL OR m.author_id <> %s)
    AND (r.read_at IS NULL OR m.created_at > r.read_at)
    """


def unread_count(user) -> int:
    """Messages written by others that `user` has not read yet, in all threads: one query.

    Written out in SQL: the header asks it on every page, and building it with the ORM took
    several times longer than the database takes to answer it.
    """
    if not user.is_authenticated:
        return 0
    pk = user.pk
    with connection.cursor() as cursor:
        cursor.execute(_unread_sql(), [pk, pk, pk, pk, Application.Status.ACCEPTED, pk])
        return cursor.fetchone()[0]


@functools.cache
def _unread_both_sql() -> str:
    # The header shows both counts on every page: one round trip for the two.
    return (
        f"SELECT ({_unread_sql()}), (SELECT COUNT(*) FROM {table(Notification)}"
        " WHERE user_id = %s AND read_at IS NULL)"
    )


def unread_count_for_request(request) -> int:
    """`unread_count` of the logged-in person, computed once per request; with the unread
    notifications' count (`notifications.selectors.unread_count_for_request`) in the same
    query when that is not known yet, as the header asks both."""
    if not hasattr(request, "_unread_messages"):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            request._unread_messages = 0
        elif hasattr(request, "_unread_notifications"):
            request._unread_messages = unread_count(user)
        else:
            pk = user.pk
            with connection.cursor() as cursor:
                cursor.execute(
                    _unread_both_sql(), [pk, pk, pk, pk, Application.Status.ACCEPTED, pk, pk]
                )
                request._unread_messages, request._unread_notifications = cursor.fetchone()
    return request._unread_messages
