"""What a person may do for organisations she does not belong to: moderate them (a
territorial moderator) or act for them (a mediator with an association's consent).

The rules live higher up (`territories`), which fills these two registries from its
`AppConfig.ready()`; the apps below it (moderation, missions, engagements, completion) ask
here and never import it. A registry nobody filled answers "nothing": only staff moderate,
only members act.

- a moderation scope: `fn(user)` → the organisations `user` may moderate, as a QuerySet of
  `Organization` (maybe empty);
- an "acting for" provider: `fn(user)` → the ids of the organisations `user` may act for
  now, as a `values("pk")`-like QuerySet usable in `__in` (one SQL condition).
"""

from collections.abc import Callable

from django.db.models import Q, QuerySet

from .models import Organization

type ModerationScope = Callable[..., QuerySet[Organization]]
type ActingFor = Callable[..., QuerySet]

_SCOPES: list[ModerationScope] = []
_ACTING_FOR: list[ActingFor] = []


def register_moderation_scope(fn: ModerationScope) -> None:
    if fn not in _SCOPES:
        _SCOPES.append(fn)


def register_acting_for(fn: ActingFor) -> None:
    if fn not in _ACTING_FOR:
        _ACTING_FOR.append(fn)


def moderated_organizations(user) -> QuerySet[Organization] | None:
    """None: every organisation (national staff). Otherwise those `user` may moderate,
    perhaps none."""
    if not user.is_authenticated:
        return Organization.objects.none()
    if user.is_staff:
        return None
    condition = Q(pk__in=[])
    for scope in _SCOPES:
        condition |= Q(pk__in=scope(user).values("pk"))
    return Organization.objects.filter(condition)


def may_moderate(user, organization_id: int) -> bool:
    scope = moderated_organizations(user)
    return scope is None or scope.filter(pk=organization_id).exists()


def acted_for(user) -> Q:
    """A condition on `Organization` (prefix it with `organization__` elsewhere through
    `acted_for_ids`): the organisations `user` may act for without being a member."""
    condition = Q(pk__in=[])
    if not user.is_authenticated:
        return condition
    for provider in _ACTING_FOR:
        condition |= Q(pk__in=provider(user))
    return condition


def acted_for_ids(user) -> QuerySet:
    """The ids of the organisations `user` may act for, as a subquery."""
    return Organization.objects.filter(acted_for(user)).values("pk")


def acts_for(user, organization_id: int) -> bool:
    if not (user.is_authenticated and _ACTING_FOR):
        return False
    return Organization.objects.filter(acted_for(user), pk=organization_id).exists()
