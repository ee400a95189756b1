"""Cursor pagination over (a date, newest first; then id): stable while rows are added."""

import base64
import json
from datetime import datetime
from typing import Annotated

from django.db.models import F, Q, QuerySet
from django.utils.dateparse import parse_datetime
from ninja import Path
from ninja.errors import HttpError

MAX_LIMIT = 100

# Path parameters as the description states them.
Id = Annotated[int, Path(ge=1, le=2**63 - 1)]
Slug = Annotated[str, Path(pattern=r"^[-a-zA-Z0-9_]+$", max_length=220)]


def encode(moment: datetime | None, pk: int) -> str:
    raw = json.dumps([moment.isoformat() if moment else None, pk])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode(cursor: str) -> tuple[datetime | None, int]:
    from django.utils.translation import gettext

    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        text, pk = json.loads(raw)
        moment = parse_datetime(text) if text is not None else None
        if (text is not None and moment is None) or not isinstance(pk, int):
            raise ValueError
    except (ValueError, TypeError, UnicodeDecodeError):
        message = gettext("Ce curseur n’est pas valide : reprenez celui d’une réponse.")
        raise HttpError(400, message) from None
    return moment, pk


def page(queryset: QuerySet, field: str, cursor: str | None, limit: int) -> tuple[list, str | None]:
    """One page of `queryset`, ordered by `field` (newest first, empty last) then id."""
    queryset = queryset.order_by(F(field).desc(nulls_last=True), "-pk")
    if cursor:
        moment, pk = decode(cursor)
        if moment is None:
            after = Q(**{f"{field}__isnull": True, "pk__lt": pk})
        else:
            after = (
                Q(**{f"{field}__lt": moment})
                | Q(**{field: moment, "pk__lt": pk})
                | Q(**{f"{field}__isnull": True})
            )
        queryset = queryset.filter(after)
    rows = list(queryset[: limit + 1])
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        next_cursor = encode(getattr(last, field), last.pk)
    return rows, next_cursor
