"""The facts of `core.roles` that territories tell, registered in `TerritoriesConfig.ready()`."""

from core.roles import register_fact
from core.sql import table
from organizations.models import Organization

from .models import Mediator, TerritorialModerator, Territory


def _appointed(model) -> str:
    # Appointed by an authority the moderators verified: a self-declared one gives no power.
    return (
        f"EXISTS (SELECT 1 FROM {table(model)} a "
        f"JOIN {table(Territory)} t ON t.id = a.territory_id "
        f"JOIN {table(Organization)} o ON o.id = t.authority_id "
        "WHERE a.user_id = %s AND a.ended_at IS NULL AND o.verification = %s)"
    )


def register() -> None:
    verified = Organization.Verification.VERIFIED
    register_fact(
        "territorial_moderator",
        sql=lambda: _appointed(TerritorialModerator),
        params=lambda user: [user.pk, verified],
    )
    register_fact(
        "mediator", sql=lambda: _appointed(Mediator), params=lambda user: [user.pk, verified]
    )
