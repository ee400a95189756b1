"""`{{ mission|place }}`: where a mission happens, in a few words.

A filter rather than an included template: the search page writes it on each of its twenty
cards, and an `{% include %}` costs a template lookup and a context of its own each time.
"""

from django import template
from django.utils.translation import gettext

from missions.models import WorkMode

register = template.Library()


@register.filter
def place(mission) -> str:
    """« à distance », the commune (« (en partie à distance) » when hybrid), or else the
    way of working. Plain text: the template escapes it."""
    if mission.work_mode == WorkMode.REMOTE:
        return gettext("à distance")
    if mission.commune:
        if mission.work_mode == WorkMode.HYBRID:
            return f"{mission.commune.name} {gettext('(en partie à distance)')}"
        return mission.commune.name
    return str(mission.get_work_mode_display())
