"""`unread_messages` for templates (the header's count), one query at most per request."""

from functools import partial

from notifications.navigation import remember_request

from .selectors import unread_count_for_request


def unread(request) -> dict:
    # Also lets the header's "Messages" and "Notifications" links show their counts.
    remember_request(request)
    # A callable: templates call it only if they use it, and the result is cached.
    return {"unread_messages": partial(unread_count_for_request, request)}
