"""What the audit journal adds to an entry written by a mediator or a territorial
moderator (registered with `audit.services.register_annotator`): on whose behalf, through
which consent; in which territory."""

from organizations.models import Organization

from . import selectors

# The decisions a territorial moderator takes (the mission's from "submitted").
_ORGANIZATION_DECISIONS = {"organization.verified", "organization.refused"}
_MISSION_DECISIONS = {"mission.open", "mission.draft"}


def organization_of(target) -> int | None:
    """The organisation an audited object belongs to: itself, its mission's, its
    application's mission's."""
    if isinstance(target, Organization):
        return target.pk
    for path in ("organization_id", "mission", "application"):
        value = getattr(target, path, None)
        if value is None:
            continue
        if isinstance(value, int):
            return value
        return organization_of(value)
    return None


def annotate(actor, verb: str, target, data: dict) -> dict:
    if actor.is_staff:
        return {}
    from core.roles import roles_of

    roles = roles_of(actor)
    if not (roles.mediator or roles.territorial_moderator):
        return {}
    organization_id = organization_of(target)
    if organization_id is None:
        return {}
    found: dict = {}
    moderating = verb in _ORGANIZATION_DECISIONS or (
        verb in _MISSION_DECISIONS and data.get("from") == "submitted"
    )
    if roles.territorial_moderator and moderating:
        territory = selectors.territory_of_decision(actor, organization_id)
        if territory is not None:
            found["territory"] = territory.pk
    if roles.mediator and not found:
        from organizations.models import Membership

        if not Membership.objects.filter(user=actor, organization_id=organization_id).exists():
            consent = selectors.consent_for(actor, organization_id)
            if consent is not None:
                found = {"on_behalf": organization_id, "consent": consent.pk}
    return found
