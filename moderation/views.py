"""Moderation pages: the staff queue, the decision pages, and the report-abuse form."""

from contextlib import suppress
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.ratelimit import allow
from core.redirects import safe_next
from missions import lifecycle
from missions.services import mission_approve, mission_send_back
from organizations.lifecycle import ORGANIZATION

from . import selectors, services
from .forms import (
    APPROVE,
    VERIFY,
    ActionForm,
    MissionDecisionForm,
    OrganizationDecisionForm,
    ReportForm,
    ResolveForm,
)

REPORTS_PER_HOUR = 10


def staff_required(view):
    """Anonymous visitors are sent to log in; people who are not staff get a 403."""

    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        selectors.require_staff(request)
        return view(request, *args, **kwargs)

    return wrapped


def moderator_required(view):
    """Staff, or a territorial moderator: the lookups then keep her to her territories."""

    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        selectors.require_moderator(request)
        return view(request, *args, **kwargs)

    return wrapped


@moderator_required
def queue(request):
    board = selectors.moderation_queue(
        user=request.user,
        organizations_page=request.GET.get("organizations_page", 1),
        missions_page=request.GET.get("missions_page", 1),
        reports_page=request.GET.get("reports_page", 1),
    )
    return render(request, "moderation/queue.html", {"queue": board})


@moderator_required
def organization(request, slug: str):
    org = selectors.get_organization_for_staff(request, slug)
    form = OrganizationDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        verified = form.cleaned_data["decision"] == VERIFY
        published = services.organization_decide(
            organization=org, by=request.user, verified=verified, note=form.cleaned_data["note"]
        )
        if verified:
            messages.success(
                request,
                _("« %(name)s » est vérifiée ; ses administrateurs sont prévenus.")
                % {"name": org.name},
            )
            if published:
                messages.success(
                    request,
                    ngettext(
                        "%(count)d mission en attente a été publiée.",
                        "%(count)d missions en attente ont été publiées.",
                        len(published),
                    )
                    % {"count": len(published)},
                )
        else:
            messages.success(
                request,
                _("« %(name)s » est refusée ; ses administrateurs ont reçu votre message.")
                % {"name": org.name},
            )
        return redirect("moderation:queue")
    return render(
        request,
        "moderation/organization.html",
        {
            "organization": org,
            "registry": selectors.registry_numbers(org),
            "missions": selectors.missions_of(org),
            "form": form,
            "can": ORGANIZATION.can(org, request.user),
        },
    )


@moderator_required
def mission(request, pk: int):
    obj = selectors.get_mission_for_staff(request, pk)
    can_decide = lifecycle.MISSION.allows(obj, "approve", request.user)
    form = MissionDecisionForm(request.POST or None)
    if request.method == "POST":
        if not can_decide:
            messages.error(
                request,
                _("Cette mission n’attend plus de décision : quelqu’un s’en est déjà occupé."),
            )
            return redirect("moderation:mission", pk=obj.pk)
        if form.is_valid():
            if form.cleaned_data["decision"] == APPROVE:
                mission_approve(mission=obj, by=request.user)
                messages.success(request, _("« %(title)s » est publiée.") % {"title": obj.title})
            else:
                mission_send_back(mission=obj, by=request.user, reason=form.cleaned_data["reason"])
                messages.success(
                    request,
                    _("« %(title)s » est renvoyée à l’association avec votre message.")
                    % {"title": obj.title},
                )
            return redirect("moderation:queue")
    return render(
        request,
        "moderation/mission.html",
        {
            "mission": obj,
            "can_decide": can_decide,
            "skills": selectors.mission_skills(obj),
            "events": selectors.mission_events(obj),
            "form": form,
        },
    )


@login_required
def report_create(request):
    target = selectors.report_target(request)
    already = services.open_report_exists(reporter=request.user, **target.fields)
    form = ReportForm(request.POST or None)
    context = {"target": target, "form": form, "already": already, "next": safe_next(request)}
    if request.method == "POST" and not already:
        if not allow("report", str(request.user.pk), limit=REPORTS_PER_HOUR, window=3600):
            form.add_error(
                None,
                _(
                    "Vous avez fait beaucoup de signalements en peu de temps. Patientez "
                    "une heure, puis réessayez."
                ),
            )
            return render(request, "moderation/report_form.html", context, status=429)
        if form.is_valid():
            # A double click: the first one went through, and the thanks are the same.
            with suppress(services.AlreadyReported):
                services.report_create(reporter=request.user, **form.cleaned_data, **target.fields)
            messages.success(
                request,
                _("Merci de votre signalement. L’équipe A-lasso va le lire et fera le nécessaire."),
            )
            return redirect(context["next"] or "core:home")
    return render(request, "moderation/report_form.html", context)


@staff_required
def report_detail(request, pk: int):
    report = selectors.get_report_for_staff(request, pk)
    suspendable = services.account_to_suspend(report)
    action = request.POST.get("action") if request.method == "POST" else None
    forms = {
        "resolve": ResolveForm(request.POST if action == "resolve" else None, prefix="resolve"),
        "cancel_mission": ActionForm(
            request.POST if action == "cancel_mission" else None, prefix="cancel"
        ),
        "suspend": ActionForm(request.POST if action == "suspend" else None, prefix="suspend"),
    }
    can_cancel = report.mission is not None and lifecycle.MISSION.allows(
        report.mission, "cancel", request.user
    )
    can_suspend = services.may_suspend(suspendable)
    if action in forms:
        if report.resolved_at is not None:
            messages.error(request, _("Ce signalement a déjà été traité."))
            return redirect("moderation:report_detail", pk=report.pk)
        form = forms[action]
        if form.is_valid():
            try:
                if action == "resolve":
                    services.report_resolve(
                        report=report, by=request.user, resolution=form.cleaned_data["resolution"]
                    )
                    messages.success(request, _("Le signalement est classé."))
                elif action == "cancel_mission":
                    services.report_cancel_mission(
                        report=report, by=request.user, reason=form.cleaned_data["reason"]
                    )
                    messages.success(
                        request,
                        _("La mission est annulée et l’association a reçu votre motif."),
                    )
                else:
                    services.report_suspend_account(
                        report=report, by=request.user, reason=form.cleaned_data["reason"]
                    )
                    messages.success(
                        request, _("Le compte est suspendu : il ne peut plus se connecter.")
                    )
            except services.NotAllowed:
                messages.error(request, _("Cette action n’est plus possible ici."))
                return redirect("moderation:report_detail", pk=report.pk)
            return redirect("moderation:queue")
    return render(
        request,
        "moderation/report_detail.html",
        {
            "report": report,
            "others": selectors.other_reports_on(report),
            "forms": forms,
            "suspendable": suspendable,
            "can_cancel": can_cancel,
            "can_suspend": can_suspend,
        },
    )
