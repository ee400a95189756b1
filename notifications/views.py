"""Notification pages: the list, opening one, and how each person wants to be told."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.redirects import is_safe_url

from . import selectors, services
from .forms import PreferencesForm


@login_required
def notification_list(request):
    page = Paginator(selectors.notifications_for(request.user), 20).get_page(
        request.GET.get("page")
    )
    return render(request, "notifications/list.html", {"page": page})


@login_required
@require_POST
def mark_all_read(request):
    services.notifications_mark_read(user=request.user)
    messages.success(request, _("Toutes vos notifications sont marquées comme lues."))
    return redirect("notifications:list")


@login_required
@require_POST
def notification_open(request, pk: int):
    notification = selectors.get_notification_for_owner(request, pk)
    services.notification_open(notification=notification)
    target = notification.url
    if is_safe_url(request, target):
        return redirect(target)
    return redirect("notifications:list")


@login_required
def preferences(request):
    form = PreferencesForm(
        request.POST or None,
        user=request.user,
        initial=services.preferences_of(request.user),
    )
    if request.method == "POST" and form.is_valid():
        services.preferences_set(user=request.user, frequencies=form.cleaned_data)
        messages.success(request, _("Vos choix sont enregistrés."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})
