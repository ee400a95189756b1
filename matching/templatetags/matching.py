"""`{{ match.reasons|reasons_line }}`: a match's reasons on one line, in the page's language."""

from django import template

from matching import phrasing

register = template.Library()


@register.filter
def reasons_line(reasons, viewpoint: str = phrasing.VOLUNTEER) -> str:
    """`viewpoint` is "volunteer" (a mission suggested to me) or "association"."""
    return phrasing.reasons_line(reasons or (), viewpoint)
