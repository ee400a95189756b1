from django.conf import settings

from . import navigation


def site(request):
    user = getattr(request, "user", None)
    return {
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "nav_items": navigation.items_for(user) if user is not None else [],
        "debug_mailbox": settings.DEBUG,
    }
