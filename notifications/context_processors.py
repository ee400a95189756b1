"""`unread_notifications` for templates (the header's count), one query at most per request."""

from functools import partial

from .navigation import remember_request
from .selectors import unread_count_for_request


def unread(request) -> dict:
    remember_request(request)
    # A callable: templates call it only if they use it, and the result is cached.
    return {"unread_notifications": partial(unread_count_for_request, request)}
