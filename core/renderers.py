"""The form renderer: Django's, with its most common widgets written out in Python.

Django renders each widget through templates, and each option of a <select> through one
more: the search form's ten fields (one of them a hundred départements) took half the
time of the search page. The same HTML written out here takes a few microseconds per
option. Any other widget, or one given its own template, goes through Django's templates.
"""

import html

from django.forms.renderers import DjangoTemplates
from django.utils.functional import Promise
from django.utils.safestring import mark_safe


def escape(value) -> str:
    """Django's `conditional_escape`, without its lazy wrapper around `escape`: the same
    text, a third of the time (it runs twice for each of a select's hundred options)."""
    if isinstance(value, Promise):
        value = str(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


_WIDGETS = "django/forms/widgets/"
_OPTION = _WIDGETS + "select_option.html"


def _attrs(attrs: dict) -> str:
    # django/forms/widgets/attrs.html: True as a bare name, False left out.
    return "".join(
        f" {escape(name)}" if value is True else f' {escape(name)}="{escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _input(widget: dict) -> str:
    value = "" if widget["value"] is None else f' value="{escape(widget["value"])}"'
    kind, name = escape(widget["type"]), escape(widget["name"])
    return f'<input type="{kind}" name="{name}"{value}{_attrs(widget["attrs"])}>'


def _textarea(widget: dict) -> str:
    value = escape(widget["value"]) if widget["value"] else ""
    name = escape(widget["name"])
    return f'<textarea name="{name}"{_attrs(widget["attrs"])}>\n{value}</textarea>'


def _select(widget: dict) -> str | None:
    parts = [f'<select name="{escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{escape(group_name)}">')
        for option in options:
            if option["template_name"] != _OPTION:
                return None  # an option of its own: the templates know it
            parts.append(
                f'\n  <option value="{escape(option["value"])}"{_attrs(option["attrs"])}>'
                f"{escape(option['label'])}</option>"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


_WRITERS = {
    **{
        _WIDGETS + name: _input
        for name in (
            "input.html",
            "text.html",
            "email.html",
            "url.html",
            "number.html",
            "password.html",
            "hidden.html",
            "date.html",
            "search.html",
            "tel.html",
            "time.html",
            "datetime.html",
            "color.html",
            "checkbox.html",
        )
    },
    _WIDGETS + "textarea.html": _textarea,
    _WIDGETS + "select.html": _select,
}


class FormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        write = _WRITERS.get(template_name)
        html = write(context["widget"]) if write is not None else None
        if html is None:
            return super().render(template_name, context, request)
        return mark_safe(html)
