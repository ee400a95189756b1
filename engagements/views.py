"""Applying, answering, inviting and confirming the agreement: thin views over services."""

from itertools import groupby
from operator import attrgetter
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from core.redirects import safe_next
from missions.selectors import get_mission_for_member, get_mission_for_viewer
from volunteers.selectors import get_findable_volunteer

from . import selectors, services
from .forms import DeclineForm, InviteForm
from .lifecycle import APPLICATION, AlreadyApplied, application_refused
from .models import Application
from .signals import apply_form_parts

PER_PAGE = 20
# Who looks at the lists: the volunteer at her own applications, a member at the applicants.
AS_VOLUNTEER = selectors.Viewer(is_volunteer=True, is_member=False, is_staff=False)
AS_MEMBER = selectors.Viewer(is_volunteer=False, is_member=True, is_staff=False)


class ApplyForm(forms.Form):
    """The volunteer's word to the association: what to write, with an example."""

    message = forms.CharField(
        label=gettext_lazy("Votre message à l’association"),
        max_length=3000,
        help_text=gettext_lazy(
            "En quelques lignes : pourquoi cette mission vous intéresse, ce que vous avez déjà "
            "fait d’approchant (un lien vers un travail, c’est parfait) et quand vous êtes "
            "disponible. Par exemple : « Bonjour, je suis en 2e année de design graphique. "
            "J’ai déjà créé le logo d’un club de sport. Je suis libre le mercredi après-midi. »"
        ),
        widget=forms.Textarea(attrs={"rows": 7}),
        error_messages={"required": gettext_lazy("Écrivez quelques mots à l’association.")},
    )


def _decline_form(application: Application, data=None) -> DeclineForm:
    # Several of these sit on one page: ids must not collide.
    return DeclineForm(data, auto_id=f"decline-{application.pk}-%s")


# --- volunteers ------------------------------------------------------------------------------
@login_required
def apply(request, pk: int):
    mission, member = get_mission_for_viewer(request, pk)
    user = request.user
    # Asked once, shown on the page; the service asks the same guard again, under its lock.
    refused = application_refused(mission, user, member=member)
    refusal = "" if refused is None else str(refused)
    if isinstance(refused, AlreadyApplied):
        existing = services.live_applications(mission, user).first()
        if existing is not None:
            messages.info(request, _("Vous avez déjà proposé votre aide pour cette mission."))
            return redirect("engagements:detail", existing.pk)
    elif not refusal and not selectors.has_volunteer_profile(user):
        messages.info(
            request,
            _(
                "Avant de proposer votre aide, présentez-vous en quelques mots : "
                "l’association choisit d’après votre profil. Vous reviendrez ensuite ici."
            ),
        )
        query = urlencode({"next": reverse("engagements:apply", args=[mission.pk])})
        return redirect(f"{reverse('volunteers:edit')}?{query}")
    data = request.POST if request.method == "POST" else None
    form = ApplyForm(data)
    # What the apps above add to the form (a company's programme), validated with it.
    parts = [
        answer
        for _receiver, answer in apply_form_parts.send(
            sender=Application, mission=mission, user=user, data=data
        )
        if answer is not None
    ]
    valid = [part.is_valid() for part in [form, *parts]]
    if request.method == "POST" and not refusal and all(valid):
        try:
            application = services.application_create(
                mission=mission, volunteer=user, message=form.cleaned_data["message"], parts=parts
            )
        except services.EngagementError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _(
                    "Votre proposition est envoyée à l’association. Vous recevrez un e-mail "
                    "dès qu’elle vous répond."
                ),
            )
            return redirect("engagements:detail", application.pk)
    context = {
        "mission": mission,
        "form": form,
        "parts": parts,
        "refusal": refusal,
        "response_rate": selectors.response_rate(mission.organization),
    }
    return render(request, "engagements/apply.html", context)


@login_required
def mine(request):
    page = Paginator(selectors.applications_of(request.user), PER_PAGE).get_page(
        request.GET.get("page")
    )
    for application in page:
        application.can = APPLICATION.can(application, request.user, viewer=AS_VOLUNTEER)
    # In the order of selectors.GROUP_ORDER, then the finished ones.
    headings = [
        _("Invitations à répondre"),
        _("Acceptées"),
        _("En attente de réponse"),
        _("Terminées"),
    ]
    groups = [
        (number, headings[number], list(applications))
        for number, applications in groupby(page, key=attrgetter("group"))
    ]
    return render(request, "engagements/mine.html", {"page": page, "groups": groups})


# --- associations ----------------------------------------------------------------------------
def _applicants_context(request, mission, *, bound: dict | None = None, notice: str = "") -> dict:
    page = Paginator(selectors.applicants_of(mission), PER_PAGE).get_page(request.GET.get("page"))
    bound = bound or {}
    team = selectors.team_count(mission)
    for application in page:
        application.mission = mission  # what the guards read, loaded once for the page
        application.can = APPLICATION.can(application, request.user, viewer=AS_MEMBER, team=team)
        if application.can.decline:
            # Why not (a full team, a mission that no longer takes volunteers), instead of a
            # button that would fail.
            application.accept_refusal = APPLICATION.refusal(
                application, "accept", request.user, viewer=AS_MEMBER, team=team
            )
            application.decline_form = bound.get(application.pk) or _decline_form(application)
        profile = getattr(application.volunteer, "volunteer_profile", None)
        application.profile = profile
        application.profile_shown = selectors.profile_shown(application)
        application.skills = list(profile.skills.all()) if profile else []
    return {
        "mission": mission,
        # The list may be drawn by the answer endpoint (htmx): forms come back here.
        "list_url": reverse("engagements:applicants", args=[mission.pk]),
        "page": page,
        "team": team,
        "team_full": team >= mission.team_size,
        "notice": notice,
    }


@login_required
def applicants(request, pk: int):
    mission = get_mission_for_member(request, pk)
    context = _applicants_context(request, mission)
    template = "engagements/applicants.html"
    if request.htmx:
        template += "#applicants"
    return render(request, template, context)


@login_required
def invite(request, pk: int, user_id: int):
    mission = get_mission_for_member(request, pk)
    # Only someone the association could find: anyone else is a 404, like a wrong number.
    profile = get_findable_volunteer(user_id)
    volunteer = profile.user
    # As in the suggestion list: a private profile is named by its first name only.
    name = volunteer.full_name if profile.is_public else volunteer.first_name
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_create(
                mission=mission,
                volunteer=volunteer,
                by=request.user,
                message=form.cleaned_data["message"],
            )
        except services.EngagementError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Votre invitation est envoyée à %(name)s.") % {"name": name},
            )
            return redirect("engagements:applicants", mission.pk)
    return render(
        request,
        "engagements/invite.html",
        {"mission": mission, "volunteer": volunteer, "name": name, "form": form},
    )


# --- one application -------------------------------------------------------------------------
@login_required
def detail(request, pk: int):
    application, viewer = selectors.get_application_for_viewer(request, pk)
    mission = application.mission
    # The association sees an invited private profile as the suggestion did: a first name.
    shown = viewer.is_volunteer or viewer.is_staff or selectors.profile_shown(application)
    volunteer = application.volunteer
    context = {
        "application": application,
        "mission": mission,
        "viewer": viewer,
        "volunteer_name": volunteer.full_name if shown else volunteer.first_name,
        "profile_link": shown and not viewer.is_volunteer,
        "agreement": getattr(application, "agreement", None),
        "can": APPLICATION.can(application, request.user, viewer=viewer),
    }
    if context["can"].decline:
        context["decline_form"] = _decline_form(application)
    return render(request, "engagements/detail.html", context)


@login_required
def agreement(request, pk: int):
    application, viewer = selectors.get_agreement_application_for_reader(request, pk)
    agreement = getattr(application, "agreement", None)
    if agreement is None:
        raise Http404
    if request.method == "POST":
        try:
            services.agreement_confirm(agreement=agreement, by=request.user)
        except services.EngagementError as error:
            messages.error(request, str(error))
        else:
            if agreement.is_confirmed:
                messages.success(
                    request, _("L’accord est confirmé des deux côtés. Bonne mission !")
                )
            else:
                messages.success(
                    request,
                    _("Merci, votre confirmation est enregistrée. L’autre partie va confirmer."),
                )
        return redirect("engagements:agreement", application.pk)
    context = {
        "application": application,
        "mission": application.mission,
        "agreement": agreement,
        "viewer": viewer,
        "can": APPLICATION.can(application, request.user, viewer=viewer, agreement=agreement),
    }
    return render(request, "engagements/agreement.html", context)


ACTIONS = {"accept", "decline", "withdraw", "join", "refuse"}


@require_POST
@login_required
def answer(request, pk: int, action: str):
    """Every change of an application's state: accept, decline, withdraw, answer an invitation."""
    if action not in ACTIONS:
        raise Http404
    application, viewer = selectors.get_application_for_viewer(request, pk)
    mission, user = application.mission, request.user
    name = application.volunteer.first_name
    next_url = safe_next(request)
    try:
        if action == "accept":
            services.application_accept(application=application, by=user)
            messages.success(
                request,
                _(
                    "%(name)s fait partie de l’équipe ! Relisez l’accord d’engagement, puis "
                    "confirmez-le."
                )
                % {"name": name},
            )
            target = reverse("engagements:agreement", args=[application.pk])
            if request.htmx:
                return HttpResponseClientRedirect(target)
            return redirect(target)
        if action == "decline":
            form = _decline_form(application, request.POST)
            if not form.is_valid():
                if request.htmx and viewer.is_member:
                    context = _applicants_context(request, mission, bound={application.pk: form})
                    return render(request, "engagements/applicants.html#applicants", context)
                return render(
                    request,
                    "engagements/decline.html",
                    {"application": application, "mission": mission, "form": form},
                )
            services.application_decline(application=application, by=user, reason=form.reason)
            notice = _("Votre réponse est envoyée à %(name)s.") % {"name": name}
            if request.htmx:
                context = _applicants_context(request, mission, notice=notice)
                return render(request, "engagements/applicants.html#applicants", context)
            messages.success(request, notice)
            return redirect(next_url or reverse("engagements:applicants", args=[mission.pk]))
        if action == "withdraw":
            services.application_withdraw(application=application, by=user)
            messages.success(
                request, _("Votre candidature est retirée. L’association est prévenue.")
            )
            return redirect(next_url or reverse("engagements:mine"))
        accept = action == "join"
        services.invitation_answer(application=application, by=user, accept=accept)
        if accept:
            messages.success(
                request,
                _("Bienvenue dans l’équipe ! Relisez l’accord d’engagement, puis confirmez-le."),
            )
            return redirect("engagements:agreement", application.pk)
        messages.success(request, _("Votre réponse est envoyée à l’association. Merci !"))
        return redirect(next_url or reverse("engagements:mine"))
    except services.EngagementError as error:
        if request.htmx and viewer.is_member:
            context = _applicants_context(request, mission, notice=str(error))
            return render(request, "engagements/applicants.html#applicants", context)
        messages.error(request, str(error))
        return redirect(next_url or reverse("engagements:detail", args=[application.pk]))
