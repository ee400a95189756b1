"""What territories adds to other apps' pages (through the signals they declare)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from organizations.models import Organization
from organizations.selectors import membership_of


def on_organization_page(sender, organization: Organization, user, **kwargs) -> dict:
    """Links for the members of a local authority (its territory, moderators, mediators)
    and of an association (help from a mediator)."""
    if organization.kind not in (Organization.Kind.LOCAL_AUTHORITY, Organization.Kind.ASSOCIATION):
        return {}
    membership = membership_of(user, organization)
    if membership is None:
        return {}
    slug = organization.slug
    if organization.kind == Organization.Kind.LOCAL_AUTHORITY:
        links = [
            (_("Tableau de bord du territoire"), "territories:dashboard"),
            (_("Notre territoire"), "territories:territory"),
            (_("Modérateurs et modératrices du territoire"), "territories:moderators"),
            (_("Médiateurs et médiatrices numériques"), "territories:mediators"),
            (_("Packs numériques"), "territories:packs"),
        ]
    else:
        links = [
            (_("Se faire aider par un·e médiateur·rice numérique"), "territories:help"),
            (_("Ce qui a été fait pour vous"), "territories:done_for"),
        ]
    return {
        "territory_links": [
            {"label": label, "url": reverse(name, args=[slug])} for label, name in links
        ]
    }
