"""What a person is on the site, asked by the header and the pages on every request.

Real roles come from memberships and the volunteer profile (one person may hold several);
the sign-up intent only counts until they exist; territories tells who moderates a territory
or acts for an association as its mediator. One query, once per request: the
answer is kept on the user object.

`core` imports no app: the apps that hold the rows each register the SQL that tells one
fact (`register_fact`, from their `AppConfig.ready()`): organizations the two membership
facts, volunteers the profile. A fact nobody registered is false.
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_ATTRIBUTE = "_alasso_roles"


@dataclass(frozen=True)
class Roles:
    organization: bool = False  # member of any organisation
    association: bool = False  # member of an association (may create missions)
    has_profile: bool = False  # has a volunteer profile
    volunteer: bool = False  # came to help, or has a profile anyway
    teacher: bool = False  # named teacher of a cohort of a school she is a member of
    territorial_moderator: bool = False  # moderates a local authority's territory
    mediator: bool = False  # may act for an association that consented to it
    employee: bool = False  # an employee of a company on the site, or one of its managers


@dataclass(frozen=True)
class Fact:
    # An SQL boolean expression with %s placeholders, built on first use (table names are
    # known once the apps are loaded), and its parameters for one person.
    sql: Callable[[], str]
    params: Callable[[Any], list]


_FACTS: dict[str, Fact] = {}
# The facts a query can tell: the fields of `Roles` but `volunteer`, derived from them.
FACTS = (
    "organization",
    "association",
    "has_profile",
    "teacher",
    "territorial_moderator",
    "mediator",
    "employee",
)


def register_fact(name: str, *, sql: Callable[[], str], params: Callable[[Any], list]) -> None:
    if name not in FACTS:
        raise ValueError(f"Unknown role fact {name!r}: one of {', '.join(FACTS)}.")
    _FACTS[name] = Fact(sql, params)
    _query.cache_clear()


def roles_of(user) -> Roles:
    if not user.is_authenticated:
        return Roles()
    roles = getattr(user, _ATTRIBUTE, None)
    if roles is None:
        facts = _ask(user)
        roles = Roles(
            **facts,
            volunteer=facts["has_profile"] or user.intent == user.Intent.VOLUNTEER,
        )
        setattr(user, _ATTRIBUTE, roles)
    return roles


def _ask(user) -> dict[str, bool]:
    from django.db import connection

    names = [name for name in FACTS if name in _FACTS]
    answers: dict[str, bool] = dict.fromkeys(FACTS, False)
    if not names:
        return answers
    params = [value for name in names for value in _FACTS[name].params(user)]
    with connection.cursor() as cursor:
        cursor.execute(_query(tuple(names)), params)
        answers.update(zip(names, (bool(v) for v in cursor.fetchone()), strict=True))
    return answers


@functools.cache
def _query(names: tuple[str, ...]) -> str:
    # Written out: every page asks it, and the ORM took longer to build it than the
    # database to answer.
    return "SELECT " + ", ".join(_FACTS[name].sql() for name in names)


def forget_roles(user) -> None:
    """After a change of roles in this request (a profile created, an association joined)."""
    if hasattr(user, _ATTRIBUTE):
        delattr(user, _ATTRIBUTE)
