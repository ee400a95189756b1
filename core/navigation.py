"""The header's links, after who is looking.

Each app adds its entries with `register`; an entry shows when its `visible(user)` says so,
so a person who is both an association member and a volunteer sees both sets of links.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    visible: Callable
    order: int = 50

    @property
    def url(self) -> str:
        return reverse(self.url_name)


_items: list[NavItem] = []


def register(item: NavItem) -> None:
    _items.append(item)
    _items.sort(key=lambda i: i.order)


def items_for(user) -> list[NavItem]:
    return [item for item in _items if item.visible(user)]


def anonymous(user) -> bool:
    return not user.is_authenticated


def authenticated(user) -> bool:
    return user.is_authenticated


def staff(user) -> bool:
    return user.is_authenticated and user.is_staff
