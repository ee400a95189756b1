"""schema.org JSON-LD for link previews: serialised safely for a <script> in a page."""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import SafeString, mark_safe

# What JSON inside a <script> must never contain as such (as Django's json_script does).
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def json_ld(data: dict) -> SafeString:
    """The document with its schema.org context, ready for `<script type="application/ld+json">`."""
    document = {"@context": "https://schema.org", **data}
    text = json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(_JSON_ESCAPES))  # noqa: S308 — escaped just above
