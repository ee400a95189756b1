"""The fact of `core.roles` that the volunteer profile tells, registered in
`VolunteersConfig.ready()`."""

from core.roles import register_fact
from core.sql import table

from .models import VolunteerProfile


def _has_profile() -> str:
    return f"EXISTS (SELECT 1 FROM {table(VolunteerProfile)} WHERE user_id = %s)"


def register() -> None:
    register_fact("has_profile", sql=_has_profile, params=lambda user: [user.pk])
