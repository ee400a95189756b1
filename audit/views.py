"""The staff's journal: every event, filtered; or one object's history."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from . import selectors
from .forms import AuditFilterForm


@login_required
def journal(request):
    if not request.user.is_staff:
        raise PermissionDenied
    form = AuditFilterForm(request.GET or None)
    filters = form.filters() if form.is_bound else {}
    page, lines = selectors.page_of(selectors.events(**filters), request.GET.get("page", 1))
    target = filters.get("target")
    subject = None
    if target is not None:
        model = target[0].model_class()
        subject = model._default_manager.filter(pk=target[1]).first() if model else None
    return render(
        request,
        "audit/journal.html",
        {"form": form, "page": page, "lines": lines, "target": target, "subject": subject},
    )
