"""Template helpers of the messaging app."""

from django import template

from core.uploads import human_size

from .. import selectors, services

register = template.Library()


@register.filter
def author_name(user) -> str:
    """A message author's name, never their e-mail ("Compte supprimé" once erased)."""
    return services.display_name(user)


@register.filter
def file_size(size: int) -> str:
    return human_size(size or 0)


@register.simple_tag(takes_context=True)
def unread_messages_count(context) -> int:
    """`{% unread_messages_count as n %}`: works with or without the context processor."""
    request = context.get("request")
    if request is None:
        return 0
    return selectors.unread_count_for_request(request)


@register.simple_tag
def thread_title(thread, viewer_is_member) -> str:
    """`{% thread_title thread viewer_is_member %}`: « Léa Martin — Logo pour la fête »."""
    return services.thread_title(thread, viewer_is_member=bool(viewer_is_member))
