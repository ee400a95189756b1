"""`{% diagnosis_offer organization %}`: the diagnosis offer on an association's page,
for its members (one query)."""

from django import template

from ..selectors import offers_for

register = template.Library()


@register.inclusion_tag("diagnosis/_offer.html", takes_context=True)
def diagnosis_offer(context, organization) -> dict:
    request = context["request"]
    return {
        "offer": offers_for([organization]).get(organization.pk),
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }
