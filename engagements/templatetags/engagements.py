"""`{% mission_panel mission %}`: what the viewer can do about a mission (apply, answer…)."""

from django import template
from django.contrib.auth.models import AnonymousUser

from engagements.selectors import mission_panel_for

register = template.Library()


@register.inclusion_tag("engagements/_mission_panel.html", takes_context=True)
def mission_panel(context, mission):
    """Apply / see my application / see the applicants, after who looks (≤ 2 queries)."""
    request = context.get("request")
    user = context.get("user") or getattr(request, "user", None) or AnonymousUser()
    panel = mission_panel_for(mission, user)
    return {"mission": mission, "panel": panel, "request": request}
