"""Reading the journal for the staff pages: filters, and each event put into words."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from importlib import import_module

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils import timezone

from .models import AuditEvent
from .services import target_key
from .verbs import CONTEXT_FIELDS, VERBS, Field

PER_PAGE = 50


def parse_target(value: str) -> tuple[ContentType, int] | None:
    """ "missions.mission:42" → (the ContentType, 42); None when it names nothing."""
    label, _, pk = (value or "").partition(":")
    app_label, _, model = label.partition(".")
    if not (app_label and model and pk.isdigit()):
        return None
    try:
        return ContentType.objects.get_by_natural_key(app_label, model), int(pk)
    except ContentType.DoesNotExist:
        return None


def parse_type(value: str) -> ContentType | None:
    app_label, _, model = (value or "").partition(".")
    try:
        return ContentType.objects.get_by_natural_key(app_label, model)
    except ContentType.DoesNotExist:
        return None


def _start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def events(
    *,
    verb: str = "",
    actor: str = "",
    target_type: ContentType | None = None,
    target: tuple[ContentType, int] | None = None,
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[AuditEvent]:
    found = AuditEvent.objects.select_related("actor", "content_type")
    if verb:
        found = found.filter(verb=verb)
    if actor:
        found = found.filter(actor__email__icontains=actor.strip())
    if target_type is not None:
        found = found.filter(content_type=target_type)
    if target is not None:
        found = found.filter(content_type=target[0], object_id=target[1])
    if since:
        found = found.filter(at__gte=_start(since))
    if until:
        found = found.filter(at__lt=_start(until) + timedelta(days=1))
    return found.order_by("-at", "-pk")


@dataclass(frozen=True)
class Detail:
    label: str
    value: str


@dataclass(frozen=True)
class Line:
    event: AuditEvent
    label: str
    target_key: str
    target_type: str
    details: list[Detail]


def _choices(path: str) -> dict:
    """ "organizations.models.Membership.Role" → its codes and labels (nested classes too)."""
    module, _, names = path.partition(".models.")
    found = import_module(f"{module}.models")
    for name in names.split("."):
        found = getattr(found, name)
    return dict(found.choices)


def _names(events) -> dict[str, dict]:
    """The names of the rows the events' fields point to (`Field.model`): one query per
    kind of row, however many events."""
    from django.apps import apps

    wanted: dict[str, set] = {}
    for event in events:
        verb = VERBS.get(event.verb)
        for field in (*(verb.fields if verb else ()), *CONTEXT_FIELDS):
            if field.model and field.key in event.data:
                wanted.setdefault(field.model, set()).add(event.data[field.key])
    return {
        label: {pk: str(row) for pk, row in apps.get_model(label).objects.in_bulk(ids).items()}
        for label, ids in wanted.items()
    }


def _word(field: Field, value, names: dict | None = None) -> str:
    if isinstance(value, list):  # several ids or names: one after the other
        return ", ".join(_word(field, item, names) for item in value)
    if field.model:
        named = (names if names is not None else _names_of(field, value)).get(field.model, {})
        return named.get(value, str(value))
    choices = field.choices
    if isinstance(choices, str) and choices:
        choices = _choices(choices)
    if isinstance(choices, dict) and value in choices:
        return str(choices[value])
    return str(value)


def _names_of(field: Field, value) -> dict[str, dict]:
    from django.apps import apps

    row = apps.get_model(field.model).objects.filter(pk=value).first()
    return {field.model: {value: str(row)}} if row is not None else {}


def describe(event: AuditEvent, names: dict | None = None) -> Line:
    """The event in the reader's language: nothing formatted is stored. `names`: those of
    `_names(events)`, for a page of events."""
    verb = VERBS.get(event.verb)
    fields = (*(verb.fields if verb else ()), *CONTEXT_FIELDS)
    details = [
        Detail(str(field.label), _word(field, event.data[field.key], names))
        for field in fields
        if field.key in event.data
    ]
    model = event.content_type.model_class()
    return Line(
        event=event,
        label=str(verb.label) if verb else event.verb,
        target_key=target_key(event.content_type, event.object_id),
        target_type=str(model._meta.verbose_name) if model else event.content_type.model,
        details=details,
    )


def page_of(queryset: QuerySet[AuditEvent], number) -> tuple[Page, list[Line]]:
    page = Paginator(queryset, PER_PAGE).get_page(number)
    events = list(page.object_list)
    names = _names(events)
    return page, [describe(event, names) for event in events]


def target_types() -> list[tuple[str, str]]:
    """The kinds of objects the journal speaks of, for the filter's list."""
    from .verbs import TARGET_MODELS

    choices = []
    for label in TARGET_MODELS:
        content_type = parse_type(label)
        model = content_type and content_type.model_class()
        if model is not None:
            choices.append((label, str(model._meta.verbose_name).capitalize()))
    return choices
