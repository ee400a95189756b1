"""Reads about notifications that pages share."""

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from core.sql import table

from .models import Notification


def notifications_for(user) -> QuerySet[Notification]:
    """The person's notifications, newest first."""
    return Notification.objects.filter(user=user).order_by("-created_at", "-pk")


def unread_count(user) -> int:
    if not user.is_authenticated:
        return 0
    # Written out: the header asks it on every page (the ORM took longer to build it).
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM {table(Notification)} WHERE user_id = %s AND read_at IS NULL",
            [user.pk],
        )
        return cursor.fetchone()[0]


def unread_count_for_request(request) -> int:
    """`unread_count` of the logged-in person, computed once per request."""
    if not hasattr(request, "_unread_notifications"):
        user = getattr(request, "user", None)
        request._unread_notifications = unread_count(user) if user is not None else 0
    return request._unread_notifications


def get_notification_for_owner(request, pk: int) -> Notification:
    """The notification `pk` if it is addressed to the requester; 404 if absent, 403 if not."""
    notification = get_object_or_404(Notification, pk=pk)
    if notification.user_id != request.user.pk:
        raise PermissionDenied
    return notification
