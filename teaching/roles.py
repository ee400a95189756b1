"""The `teacher` fact of `core.roles` (the header's « Mes promotions »), registered in
`TeachingConfig.ready()`."""

from core.roles import register_fact
from core.sql import table
from organizations.models import Membership
from schools.models import Cohort


def _teaches() -> str:
    teachers = Cohort.teachers.through
    return (
        f"EXISTS (SELECT 1 FROM {table(teachers)} t JOIN {table(Cohort)} c ON c.id = t.cohort_id "
        f"JOIN {table(Membership)} m ON m.organization_id = c.school_id AND m.user_id = t.user_id "
        "WHERE t.user_id = %s)"
    )


def register() -> None:
    register_fact("teacher", sql=_teaches, params=lambda user: [user.pk])


def is_teacher(user) -> bool:
    from core.roles import roles_of

    return user.is_authenticated and roles_of(user).teacher
