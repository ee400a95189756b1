"""Header links that carry a count ("Messages (2)"), computed at most once per request.

The registered `NavItem`s are shared by every request, so their label cannot hold a
number. `CountedLabel` reads the request that a context processor remembered for the
current render; with no such processor installed the label is just its text.
"""

from collections.abc import Callable
from contextvars import ContextVar

from django.utils.translation import gettext

_request: ContextVar = ContextVar("alasso_nav_request", default=None)


def remember_request(request) -> None:
    _request.set(request)


def forget_request(**kwargs) -> None:
    # Connected to request_finished: a later render in this thread must never count for
    # the person of an earlier request.
    _request.set(None)


class CountedLabel:
    def __init__(self, text, count: Callable) -> None:
        self.text = text
        self.count = count  # count(request) -> int, cached on the request by the caller

    def __str__(self) -> str:
        request = _request.get()
        user = getattr(request, "user", None)
        number = self.count(request) if user is not None and user.is_authenticated else 0
        if not number:
            return str(self.text)
        return gettext("%(label)s (%(count)s)") % {"label": self.text, "count": number}
