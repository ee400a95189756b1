"""My conversations and my attestations, behind a personal token.

The same selectors and services as the pages « Mes messages » and « Mes attestations »:
`messaging.selectors` says who reads a conversation and who writes in it, `MessageForm` and
`messaging.services.message_send` check and send a message (the page's length rule and its
limit of messages per person and window), `credentials.selectors.credentials_of` lists the
attestations. Attachments are listed, not sent nor downloaded through the API.
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError, ValidationError
from pydantic import Field

import audit
from accounts.models import User
from core.ratelimit import allow
from credentials import facts as credential_facts
from credentials import selectors as credential_selectors
from credentials.models import Credential
from messaging import selectors as messaging_selectors
from messaging import services as messaging_services
from messaging.forms import MessageForm
from messaging.models import Message, Thread
from messaging.views import MESSAGES_PER_WINDOW, WINDOW_SECONDS

from . import cursor as cursors
from .auth import require_write, token_auth
from .cursor import Id
from .me import Paging
from .problems import responses
from .public import absolute
from .schemas import MissionRef

router = Router(tags=["me"], auth=token_auth)


class LastMessage(Schema):
    author: str
    mine: bool
    excerpt: str
    created_at: datetime


class ConversationOut(Schema):
    id: int
    title: str
    url: str = Field(description="La conversation sur le site")
    kind: str = Field(description="application (une candidature) ou team (l’équipe)")
    mission: MissionRef
    unread: int = Field(description="Messages des autres que je n’ai pas encore lus")
    last_message: LastMessage | None


class ConversationPage(Schema):
    items: list[ConversationOut]
    next_cursor: str | None
    unread: int = Field(description="Messages non lus, toutes conversations comprises")


class AttachmentOut(Schema):
    name: str
    size: int
    content_type: str
    url: str = Field(description="Le fichier sur le site, pour une personne connectée")


class MessageOut(Schema):
    id: int
    author: str
    mine: bool
    body: str
    created_at: datetime
    attachments: list[AttachmentOut]


class ConversationDetail(Schema):
    id: int
    title: str
    url: str
    kind: str
    mission: MissionRef
    can_write: bool = Field(description="Faux quand la candidature est close : lecture seule")
    participants: list[str]
    items: list[MessageOut] = Field(description="Les messages, du plus récent au plus ancien")
    next_cursor: str | None


class MessageIn(Schema):
    body: str


class AttestationOut(Schema):
    public_id: str
    kind: str
    title: str
    association_name: str
    hours: int | None
    issued_at: datetime
    revoked: bool
    revoked_at: datetime | None
    verification_url: str = Field(description="La page publique de vérification")
    pdf_url: str | None = Field(description="L’attestation à imprimer (pas pour un badge)")
    badge_url: str | None = Field(description="Le badge Open Badges 3.0 signé (JSON-LD)")


class AttestationPage(Schema):
    items: list[AttestationOut]
    next_cursor: str | None


def _mission(thread: Thread) -> dict:
    mission = thread.mission
    return {"id": mission.pk, "title": mission.title, "url": absolute(f"/missions/{mission.pk}/")}


def _kind(thread: Thread) -> str:
    return "application" if thread.application_id else "team"


def _conversation(thread: Thread, user: User) -> dict:
    """A row of the inbox, from `messaging.selectors.threads_for_user`'s annotations."""
    last = None
    if thread.last_at is not None:
        author = None
        if thread.last_author_id is not None:
            author = User(full_name=thread.last_author_name or "")
        last = {
            "author": messaging_services.display_name(author),
            "mine": thread.last_author_id == user.pk,
            "excerpt": messaging_services.excerpt(thread.last_body or ""),
            "created_at": thread.last_at,
        }
    return {
        "id": thread.pk,
        "title": messaging_services.thread_title(
            thread,
            viewer_is_member=thread.viewer_is_member,
        ),
        "url": absolute(messaging_services.thread_url(thread)),
        "kind": _kind(thread),
        "mission": _mission(thread),
        "unread": thread.unread,
        "last_message": last,
    }


def _message(message: Message, user: User) -> dict:
    return {
        "id": message.pk,
        "author": messaging_services.display_name(message.author),
        "mine": message.author_id == user.pk,
        "body": message.body,
        "created_at": message.created_at,
        "attachments": [
            {
                "name": attachment.name,
                "size": attachment.size,
                "content_type": attachment.content_type,
                "url": absolute(reverse("messaging:attachment", args=[attachment.pk])),
            }
            for attachment in message.attachments.all()
        ],
    }


def _thread_for(request, pk: int) -> Thread:
    """The conversation if the caller takes part in it (the page's selector); anyone else's
    is a 404, like a wrong number: the API does not say which conversations exist."""
    try:
        return messaging_selectors.get_thread_for_participant(request, pk)
    except PermissionDenied:
        raise Http404 from None


def _invalid(field: str, messages) -> ValidationError:
    return ValidationError(
        [{"loc": ["body", field], "msg": " ".join(str(m) for m in messages), "type": "form"}]
    )


@router.get(
    "/me/conversations",
    response={200: ConversationPage, **responses(400, 401, 422, 429)},
    summary="Mes conversations",
)
def my_conversations(request, paging: Query[Paging]):
    """As « Mes messages »: latest activity first, each with its number of unread messages."""
    user = request.user
    found = messaging_selectors.threads_for_user(user)
    rows, next_cursor = cursors.page(found, "last_message_at", paging.cursor, paging.limit)
    return {
        "items": [_conversation(thread, user) for thread in rows],
        "next_cursor": next_cursor,
        "unread": messaging_selectors.unread_count(user),
    }


@router.get(
    "/me/conversations/{int:thread_id}",
    response={200: ConversationDetail, **responses(400, 401, 404, 422, 429)},
    summary="Lire une conversation",
)
def conversation(request, thread_id: Id, paging: Query[Paging]):
    """Its messages, newest first; reading it marks it read, as opening the page does."""
    user = request.user
    thread = _thread_for(request, thread_id)
    messages = messaging_selectors.thread_messages(thread)
    rows, next_cursor = cursors.page(messages, "created_at", paging.cursor, paging.limit)
    messaging_services.thread_mark_read(thread=thread, user=user)
    is_member = messaging_selectors.is_member_of_thread_association(user, thread)
    return {
        "id": thread.pk,
        "title": messaging_services.thread_title(thread, viewer_is_member=is_member),
        "url": absolute(messaging_services.thread_url(thread)),
        "kind": _kind(thread),
        "mission": _mission(thread),
        "can_write": messaging_selectors.can_write(user, thread),
        "participants": [
            messaging_services.display_name(person)
            for person in messaging_selectors.participants(thread)
        ],
        "items": [_message(message, user) for message in rows],
        "next_cursor": next_cursor,
    }


@router.post(
    "/me/conversations/{int:thread_id}/messages",
    response={201: MessageOut, **responses(401, 403, 404, 422, 429)},
    summary="Écrire dans une conversation",
)
def write(request, thread_id: Id, payload: MessageIn):
    """As the conversation's form: the same checks, the same limit of messages per person
    and window (shared with the page); the others are told as when writing on the site."""
    require_write(request)
    user = request.user
    thread = _thread_for(request, thread_id)
    if not messaging_selectors.can_write(user, thread):
        # The page's words, under its form.
        raise PermissionDenied(
            _(
                "Cette candidature est close : vous pouvez relire la conversation, mais "
                "plus y écrire."
            )
        )
    form = MessageForm({"body": payload.body})
    if not form.is_valid():
        raise _invalid("body", [m for messages in form.errors.values() for m in messages])
    if not allow("message", str(user.pk), limit=MESSAGES_PER_WINDOW, window=WINDOW_SECONDS):
        raise HttpError(
            429,
            gettext(
                "Vous avez envoyé beaucoup de messages en peu de temps. "
                "Patientez quelques minutes, puis réessayez."
            ),
        )
    try:
        with transaction.atomic():
            message = messaging_services.message_send(
                thread=thread, author=user, body=form.cleaned_data["body"]
            )
            audit.log(
                actor=user, verb="message.sent", target=thread, data={"mission": thread.mission_id}
            )
    except DjangoValidationError as error:
        raise _invalid("body", error.messages) from None
    return Status(201, _message(message, user))


def _attestation(credential: Credential) -> dict:
    facts = credential_facts.read(credential.document)
    public_id = credential.public_id
    return {
        "public_id": public_id,
        "kind": credential.kind,
        "title": facts.mission_title,
        "association_name": facts.association_name,
        "hours": facts.hours,
        "issued_at": credential.issued_at,
        "revoked": credential.is_revoked,
        "revoked_at": credential.revoked_at,
        "verification_url": absolute(credential.get_absolute_url()),
        "pdf_url": (
            None
            if credential.is_badge or credential.is_erased
            else absolute(reverse("credentials:attestation", args=[public_id]))
        ),
        "badge_url": (
            None
            if credential.is_erased
            else absolute(reverse("credentials:verify_json", args=[public_id]))
        ),
    }


@router.get(
    "/me/attestations",
    response={200: AttestationPage, **responses(400, 401, 422, 429)},
    summary="Mes attestations",
)
def my_attestations(request, paging: Query[Paging]):
    """As « Mes attestations »: each with its verification page, its PDF and its signed badge."""
    found = credential_selectors.credentials_of(request.user)
    rows, next_cursor = cursors.page(found, "issued_at", paging.cursor, paging.limit)
    return {"items": [_attestation(c) for c in rows], "next_cursor": next_cursor}
