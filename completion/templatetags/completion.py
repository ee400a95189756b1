"""Tags other apps' pages use to show the end of a mission and what volunteers say."""

from django import template

from completion import selectors, services
from completion.models import Completion
from core.uploads import human_size

register = template.Library()


@register.inclusion_tag("completion/_panel.html")
def completion_panel(application, viewer):
    """On an application's page: hand the work over, see it, confirm it, review (1 query)."""
    completion = (
        Completion.objects.filter(application=application).only("pk", "status").first()
        if application.is_accepted
        else None
    )
    refusal = (
        services.delivery_refusal(application, completion)
        if application.is_accepted and viewer.is_volunteer
        else "-"
    )
    return {
        "application": application,
        "viewer": viewer,
        "completion": completion,
        "can_deliver": not refusal,
    }


@register.inclusion_tag("completion/_ratings.html")
def association_reviews(organization, heading_level=2):
    """What volunteers said of the association, averaged (1 query)."""
    return {
        "organization": organization,
        "ratings": selectors.association_ratings(organization),
        "heading": f"h{heading_level}",
        "min_reviews": selectors.MIN_REVIEWS,
    }


@register.filter
def file_size(size: int) -> str:
    return human_size(size or 0)
