"""What the moderators' page of a local authority shows of its territory (loaded by
`moderation/organization.html`, below this app: a template may load a tag of an app above)."""

from django import template

from organizations.models import Organization

from ..selectors import communes_of, territory_of

register = template.Library()


@register.inclusion_tag("territories/_declared.html")
def declared_territory(organization: Organization) -> dict:
    if organization.kind != Organization.Kind.LOCAL_AUTHORITY:
        return {"shown": False}
    territory = territory_of(organization)
    communes = communes_of(territory) if territory is not None and territory.is_list else []
    return {"shown": True, "territory": territory, "communes": communes}
