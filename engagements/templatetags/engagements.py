"""`{% mission_panel mission %}`: what the viewer can do about a mission (apply, answer…)."""

from django import template

register = template.Library()


@register.inclusion_tag("engagements/_mission_panel.html", takes_context=True)
def mission_panel(context, mission):
    # Filled in by the engagements app: apply / withdraw / applicants link, after who looks.
    return {"mission": mission, "request": context.get("request"), "user": context.get("user")}
