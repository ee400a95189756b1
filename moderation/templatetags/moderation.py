"""`{% report_url mission=mission %}`: the link to report something, back to this page after."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag(takes_context=True)
def report_url(context, *, mission=None, organization=None, profile_user=None) -> str:
    # Variables an include leaves out arrive as "", hence the truthiness tests.
    if mission:
        params = {"mission": mission.pk}
    elif organization:
        params = {"organization": organization.slug}
    elif profile_user:
        params = {"profile": profile_user.pk}
    else:
        return ""
    request = context.get("request")
    if request is not None:
        params["next"] = request.get_full_path()
    return f"{reverse('moderation:report')}?{urlencode(params)}"
