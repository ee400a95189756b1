"""Writing the journal: `log(actor=, verb=, target=, data=)`, inside the service's transaction."""

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from .models import AuditEvent
from .verbs import CONTEXT_KEYS, PERSONAL_KEYS, VERBS

# Functions `(actor, verb, target, data) -> dict` that say in which capacity the actor did
# it (on an association's behalf, in a territory), with the keys of `CONTEXT_FIELDS`.
# The apps that know (territories) register them from their AppConfig.ready().
_ANNOTATORS: list = []


def register_annotator(fn) -> None:
    if fn not in _ANNOTATORS:
        _ANNOTATORS.append(fn)


def _context(actor, verb: str, target, data: dict) -> dict:
    found: dict = {}
    if actor is None:
        return found
    for annotate in _ANNOTATORS:
        found.update(annotate(actor, verb, target, data) or {})
    unknown = set(found) - CONTEXT_KEYS
    if unknown:
        raise ValueError(f"Undeclared context for {verb!r}: {sorted(unknown)}")
    return found


def log(*, actor, verb: str, target: models.Model, data: dict | None = None) -> AuditEvent:
    """Record that `actor` (a user, or None for the system) did `verb` to `target`.

    `data` holds codes and numbers declared for the verb in `audit.verbs`, never formatted
    text, names or e-mail addresses.
    """
    declared = VERBS.get(verb)
    if declared is None:
        raise ValueError(f"Unknown audit verb {verb!r}: declare it in audit/verbs.py")
    data = data or {}
    unknown = set(data) - {field.key for field in declared.fields}
    if unknown:
        raise ValueError(f"Undeclared data for {verb!r}: {sorted(unknown)}")
    if actor is not None and not actor.is_authenticated:
        actor = None
    data = {**data, **_context(actor, verb, target, data)}
    return AuditEvent.objects.create(
        actor=actor,
        verb=verb,
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
        data=data,
    )


def target_key(content_type: ContentType, object_id: int) -> str:
    """ "missions.mission:42": how the staff pages name one object."""
    return f"{content_type.app_label}.{content_type.model}:{object_id}"


def events_by(user) -> list[dict]:
    events = AuditEvent.objects.filter(actor=user).select_related("content_type").order_by("at")
    return [
        {
            "action": event.verb,
            "object": target_key(event.content_type, event.object_id),
            "data": event.data,
            "at": event.at.isoformat(),
        }
        for event in events
    ]


@transaction.atomic
def erase_for(user) -> int:
    """The events stay (what happened is history); the words the person wrote go, and so do
    those written about her account (a suspension's reason)."""
    erased = 0
    account = ContentType.objects.get_for_model(user)
    events = AuditEvent.objects.select_for_update().filter(
        models.Q(actor=user) | models.Q(content_type=account, object_id=user.pk)
    )
    for event in events.exclude(data={}):
        kept = {key: value for key, value in event.data.items() if key not in PERSONAL_KEYS}
        if kept != event.data:
            event.data = kept
            event.save(update_fields=["data"])
            erased += 1
    return erased
