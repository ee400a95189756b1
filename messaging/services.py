"""Every write to conversations goes through here."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core.storage import StorageFull
from core.uploads import check_attachments
from engagements.models import Application
from missions.models import Mission
from notifications.models import Notification
from notifications.services import notifications_mark_read, notify

from . import selectors
from .models import Attachment, Message, ReadMark, Thread

EXCERPT_LENGTH = 300
MAX_BODY_LENGTH = 10_000
DELETED_NAME = "—"  # the name accounts.services.user_delete leaves on an erased account


def display_name(user: User | None) -> str:
    """How a person appears in conversations: their name, never their e-mail address."""
    if user is None or user.full_name in ("", DELETED_NAME):
        return str(_("Compte supprimé"))
    return user.full_name


def thread_url(thread: Thread) -> str:
    return reverse("messaging:thread", args=[thread.pk])


def thread_for_application(application: Application) -> Thread:
    """The private conversation about `application` (created the first time)."""
    thread, _created = Thread.objects.get_or_create(
        application=application, defaults={"mission_id": application.mission_id}
    )
    return thread


def team_thread(mission: Mission) -> Thread:
    """The conversation of the mission's association with its accepted volunteers."""
    thread, _created = Thread.objects.get_or_create(mission=mission, application=None)
    return thread


def thread_for_mission(mission: Mission) -> Thread:
    """The conversation the mission's "discussion" link opens.

    One conversation per person and mission: with a single accepted volunteer it is the
    conversation about her application, the very one "Écrire à Léa" opens (a team thread
    beside it would have the same title and the same people). The team's own conversation
    only makes sense, and only opens, once the team has several volunteers (or none yet:
    then it is the association's own).
    """
    accepted = list(
        Application.objects.filter(mission=mission, status=Application.Status.ACCEPTED)
        .order_by("pk")
        .values_list("pk", flat=True)[:2]
    )
    if len(accepted) == 1:
        return thread_for_application(Application.objects.get(pk=accepted[0]))
    return team_thread(mission)


def thread_title(thread: Thread, *, viewer_is_member: bool) -> str:
    """A conversation's name: who it is with, then the mission.

    « Léa Martin — Logo pour la fête du lavoir » for the association, « Les Amis du lavoir —
    Logo pour la fête du lavoir » for Léa, « Toute l’équipe — … » for the team's.
    """
    mission = thread.mission.title
    if thread.application_id is None:
        who = str(_("Toute l’équipe"))
    elif viewer_is_member:
        who = display_name(thread.application.volunteer)  # type: ignore[union-attr]  # set
    else:
        who = thread.mission.organization.name
    return str(_("%(who)s — %(mission)s")) % {"who": who, "mission": mission}


def excerpt(body: str, length: int = EXCERPT_LENGTH) -> str:
    body = body.strip()
    return body if len(body) <= length else body[:length].rstrip() + "…"


@transaction.atomic
def message_send(*, thread: Thread, author: User, body: str, files: Iterable = ()) -> Message:
    """Add a message (and its checked attachments) and tell the other participants.

    Raises ValidationError with plain French sentences when the message or a file is refused.
    A participant who already has an unread notification about this thread is not told
    again: one e-mail says "X wrote to you", the thread then shows everything new.
    """
    body = (body or "").strip()
    files = [f for f in files if f]
    if len(body) > MAX_BODY_LENGTH:
        raise ValidationError(
            _("Votre message est trop long : %(max)s caractères au plus."),
            params={"max": MAX_BODY_LENGTH},
        )
    checked = check_attachments(files)
    if not body and not checked:
        raise ValidationError(_("Écrivez un message ou joignez un fichier."))

    message = Message.objects.create(thread=thread, author=author, body=body)
    saved: list[Attachment] = []
    try:
        for file in checked:
            saved.append(
                Attachment.objects.create(
                    message=message,
                    file=file.file,
                    name=file.name,
                    size=file.size,
                    content_type=file.content_type,
                )
            )
    except StorageFull:
        # The rows roll back with the transaction; the files already written go too.
        for attachment in saved:
            if attachment.file.name:
                attachment.file.storage.delete(attachment.file.name)
        raise
    at = message.created_at
    Thread.objects.filter(pk=thread.pk).update(last_message_at=at)
    thread.last_message_at = at
    # update(): a message is activity on the mission, not an edit of it (updated_at stays).
    Mission.objects.filter(pk=thread.mission_id).update(last_activity_at=at)
    ReadMark.objects.update_or_create(thread=thread, user=author, defaults={"read_at": at})

    url = thread_url(thread)
    recipients = [u for u in selectors.participants(thread) if u.pk != author.pk]
    already_told = set(
        Notification.objects.filter(
            user__in=recipients, kind="message_received", url=url, read_at__isnull=True
        ).values_list("user_id", flat=True)
    )
    notify(
        users=[u for u in recipients if u.pk not in already_told],
        kind="message_received",
        context={
            "author": display_name(author),
            "mission": thread.mission.title,
            "excerpt": excerpt(body),
            "attachments": len(checked),
        },
        url=url,
    )
    return message


@transaction.atomic
def thread_mark_read(*, thread: Thread, user: User) -> None:
    ReadMark.objects.update_or_create(
        thread=thread, user=user, defaults={"read_at": timezone.now()}
    )
    notifications_mark_read(user=user, url=thread_url(thread), kind="message_received")


# --- Personal data -------------------------------------------------------------------------
def personal_data(user: User) -> dict:
    """The messages the person wrote (others' messages are theirs, not this person's)."""
    messages = (
        Message.objects.filter(author=user)
        .select_related("thread__mission")
        .prefetch_related("attachments")
        .order_by("created_at", "pk")
    )
    return {
        "messages": [
            {
                "thread": m.thread_id,
                "mission": m.thread.mission.title,
                "created_at": m.created_at.isoformat(),
                "body": m.body,
                "attachments": [
                    {"name": a.name, "size": a.size, "content_type": a.content_type}
                    for a in m.attachments.all()
                ],
            }
            for m in messages
        ]
    }


@transaction.atomic
def erase_personal_data(user: User) -> None:
    """Erase what only this person brought to conversations.

    The text of their messages stays, so the conversation still makes sense to the others;
    it shows as written by "Compte supprimé" once the account is anonymised. The files they
    attached are deleted: attachments are where personal documents (CV, photos, scans) end
    up, and the work itself is delivered through the mission, not the messages.
    """
    attachments = list(Attachment.objects.filter(message__author=user))
    names = [a.file.name for a in attachments if a.file]
    Attachment.objects.filter(pk__in=[a.pk for a in attachments]).delete()
    ReadMark.objects.filter(user=user).delete()
    storage = Attachment._meta.get_field("file").storage

    def delete_files() -> None:
        for name in filter(None, names):
            storage.delete(name)

    transaction.on_commit(delete_files)
