"""How the dashboard's cells are shown: "—" for nothing, a change with its sign."""

from django import template
from django.utils.formats import number_format

from ..dashboard import Change

register = template.Library()


@register.filter
def figure(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, Change):
        return str(value).replace("-", "−")  # the minus sign, not a hyphen
    if isinstance(value, int | float) and not isinstance(value, bool):
        return number_format(value, force_grouping=True)
    return value
