"""Teachers' pages (their cohorts, a cohort and its students), and the student's way in and
out of a cohort (by code or link)."""

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import ActionRefused
from core.ratelimit import (
    CODE_ATTEMPTS,
    CODE_WINDOW,
    TOO_MANY_TRIES,
    allow,
    guesser,
    reached,
    record,
)
from core.redirects import safe_next
from engagements.lifecycle import APPLICATION, team_refused
from missions.lifecycle import ACCEPTING_APPLICATIONS
from missions.models import Mission
from missions.selectors import get_mission_for_viewer

from . import selectors, services
from .forms import CallForm, CodeForm, CohortForm, DeclineTeamForm, PinForm, ProposeForm, TeamForm
from .lifecycle import CALL, CLASS_PROJECT, COHORT_MEMBERSHIP


def _qr(url: str, title: str) -> str:
    svg = segno.make(url, error="m").svg_inline(scale=4, dark="#1f2328", omitsize=True, title=title)
    return mark_safe(svg)  # segno's own markup: no user input in it but the URL and title


# --- Teachers -------------------------------------------------------------------------------
@login_required
def mine(request):
    context = {
        "schools": selectors.schools_of(request.user),
        "page": selectors.cohorts_of_teacher(request.user, page=request.GET.get("page")),
        "own": selectors.cohorts_of_student(request.user),
    }
    return render(request, "schools/mine.html", context)


@login_required
def cohort_create(request, slug: str):
    school = selectors.get_school_for_teacher(request, slug)
    form = CohortForm(request.POST or None, school=school, user=request.user)
    if request.method == "POST" and form.is_valid():
        cohort = services.cohort_create(school=school, by=request.user, **form.service_fields())
        messages.success(
            request,
            _(
                "La promotion est créée. Donnez son code ou son lien à vos élèves pour qu’ils "
                "la rejoignent."
            ),
        )
        return redirect(cohort)
    return render(request, "schools/cohort_form.html", {"form": form, "school": school})


@login_required
def cohort_edit(request, pk: int):
    cohort = selectors.get_cohort_for_teacher(request, pk)
    form = CohortForm(
        request.POST or None, school=cohort.school, user=request.user, instance=cohort
    )
    if request.method == "POST" and form.is_valid():
        services.cohort_update(cohort=cohort, by=request.user, **form.service_fields())
        messages.success(request, _("Vos modifications sont enregistrées."))
        return redirect(cohort)
    return render(
        request,
        "schools/cohort_form.html",
        {"form": form, "school": cohort.school, "cohort": cohort},
    )


@login_required
def cohort(request, pk: int):
    cohort = selectors.get_cohort_for_teacher(request, pk)
    join_url = settings.SITE_URL + cohort.join_path
    context = {
        "cohort": cohort,
        "join_url": join_url,
        "qr": _qr(join_url, _("Code QR du lien pour rejoindre la promotion"))
        if cohort.is_open
        else "",
        "page": selectors.students_of(cohort, page=request.GET.get("page")),
        "removed": selectors.removed_students_of(cohort),
        "pins": selectors.pins_of(cohort),
        "calls": selectors.calls_of(cohort),
        "projects": selectors.projects_of_cohort(cohort),
        "is_cohort_teacher": any(t.pk == request.user.pk for t in cohort.teachers.all()),
    }
    return render(request, "schools/cohort.html", context)


@login_required
@require_POST
def cohort_new_code(request, pk: int):
    cohort = selectors.get_cohort_for_teacher(request, pk)
    services.cohort_new_code(cohort=cohort, by=request.user)
    messages.success(
        request,
        _("Nouveau code : %(code)s. L’ancien code et l’ancien lien ne marchent plus.")
        % {"code": cohort.code},
    )
    return redirect(cohort)


@login_required
def student_remove(request, pk: int, membership_pk: int):
    membership = selectors.get_membership_for_teacher(request, pk, membership_pk)
    refusal = COHORT_MEMBERSHIP.refusal(membership, "remove", request.user, is_teacher=True)
    if request.method == "POST" and not refusal:
        try:
            services.cohort_remove(membership=membership, by=request.user)
        except ActionRefused as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("%(name)s ne fait plus partie de la promotion.")
                % {"name": membership.student.full_name},
            )
        return redirect(membership.cohort)
    return render(
        request, "schools/student_remove.html", {"membership": membership, "refusal": refusal}
    )


@login_required
@require_POST
def student_readmit(request, pk: int, membership_pk: int):
    membership = selectors.get_membership_for_teacher(request, pk, membership_pk)
    try:
        services.cohort_readmit(membership=membership, by=request.user)
    except ActionRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("%(name)s fait à nouveau partie de la promotion.")
            % {"name": membership.student.full_name},
        )
    return redirect(membership.cohort)


# --- Missions chosen for a cohort ------------------------------------------------------------
def _back(request, default):
    """Where the form came from (the mission page or a call's), if it is on this site."""
    return redirect(safe_next(request) or default)


@login_required
@require_POST
def mission_pin(request, mission_pk: int):
    form = PinForm(request.POST, user=request.user)
    if not form.is_valid():  # a cohort of another school, or none: as if it did not exist
        raise Http404
    cohort = form.cleaned_data["cohort"]
    mission = get_object_or_404(Mission.objects.select_related("organization"), pk=mission_pk)
    try:
        services.mission_pin(cohort=cohort, mission=mission, by=request.user)
    except ActionRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _(
                "« %(title)s » est choisie pour la promotion « %(cohort)s » : ses élèves la "
                "voient en premier."
            )
            % {"title": mission.title, "cohort": cohort.name},
        )
    return _back(request, reverse("missions:detail", args=[mission.pk]))


@login_required
@require_POST
def mission_unpin(request, pk: int, mission_pk: int):
    cohort = selectors.get_cohort_for_teacher(request, pk)
    services.mission_unpin(cohort=cohort, mission_id=mission_pk, by=request.user)
    messages.success(request, _("La mission n’est plus parmi les choix de la promotion."))
    return redirect(cohort)


# --- Calls for needs ---------------------------------------------------------------------------
@login_required
def call_create(request, pk: int):
    cohort = selectors.get_cohort_for_teacher(request, pk)
    form = CallForm(request.POST or None, school=cohort.school)
    if request.method == "POST" and form.is_valid():
        call = services.call_publish(cohort=cohort, by=request.user, **form.cleaned_data)
        messages.success(
            request,
            _(
                "Votre appel est publié. Les associations du département le voient sur leur "
                "tableau de bord jusqu’au %(date)s."
            )
            % {"date": call.ends_on.strftime("%d/%m/%Y")},
        )
        return redirect(call)
    return render(request, "schools/call_form.html", {"form": form, "cohort": cohort})


@login_required
def call(request, pk: int):
    call = selectors.get_call_for_teacher(request, pk)
    context = {
        "call": call,
        "cohort": call.cohort,
        "responses": selectors.responses_of(call),
        "can": CALL.can(call, request.user, is_teacher=True),
        "today": timezone.localdate(),
    }
    return render(request, "schools/call.html", context)


@login_required
@require_POST
def call_close(request, pk: int):
    call = selectors.get_call_for_teacher(request, pk)
    try:
        services.call_close(call=call, by=request.user)
    except ActionRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("L’appel est clos : les associations ne le voient plus."))
    return redirect(call)


@login_required
def call_propose(request, pk: int):
    """An association of the call's département proposes one of its missions (or drafts)."""
    call = selectors.get_call_for_association(request, pk)
    form = ProposeForm(
        request.POST or None, missions=selectors.missions_to_propose(request.user, call)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.call_propose(call=call, mission=form.cleaned_data["mission"], by=request.user)
        except ActionRefused as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Votre mission est proposée à %(school)s. L’enseignant·e la voit sur son appel.")
                % {"school": call.cohort.school.name},
            )
        return redirect("schools:call_propose", call.pk)
    context = {"call": call, "form": form, "proposed": selectors.proposed_by(request.user, call)}
    return render(request, "schools/call_propose.html", context)


# --- Students -------------------------------------------------------------------------------
# Codes typed in the box and join links that match no cohort count against one limit: both
# are ways of guessing a code.
CODE_SCOPE = "cohort_code"


def join_by_code(request):
    """The box where a student types the code written on the board (a GET form: it works
    without JavaScript and its answer is the cohort's own join page)."""
    form = CodeForm(request.GET if "code" in request.GET else None)
    if form.is_bound:
        if not allow(CODE_SCOPE, guesser(request), limit=CODE_ATTEMPTS, window=CODE_WINDOW):
            form.add_error(None, TOO_MANY_TRIES)
        elif form.is_valid():
            try:
                cohort = selectors.get_cohort_by_code(form.cleaned_data["code"])
            except Http404:  # said in the form, where she typed it
                form.add_error(
                    "code",
                    _("Aucune promotion n’a ce code. Vérifiez-le auprès de votre enseignant·e."),
                )
            else:
                if cohort.is_open:
                    return redirect("schools:join", cohort.code)
                form.add_error("code", services.SchoolNotVerified.message)
    return render(request, "schools/join_code.html", {"form": form})


def join(request, code: str):
    key = guesser(request)
    if reached(CODE_SCOPE, key, limit=CODE_ATTEMPTS):
        context = {"refusal": TOO_MANY_TRIES}
        return render(request, "schools/join_closed.html", context, status=429)
    try:
        cohort = selectors.get_cohort_by_code(code)
    except Http404:
        record(CODE_SCOPE, key, window=CODE_WINDOW)
        raise
    if code != cohort.code:  # typed in small letters or with spaces: the one address
        return redirect("schools:join", cohort.code)
    if not cohort.is_open:  # said without naming the school nobody has checked yet
        refusal = services.SchoolNotVerified.message
        return render(request, "schools/join_closed.html", {"refusal": refusal})
    membership = selectors.membership_of(request.user, cohort)
    if request.method == "POST" and request.user.is_authenticated:
        try:
            services.cohort_join(cohort=cohort, student=request.user)
        except ActionRefused as error:
            messages.error(request, str(error))
            return redirect("schools:join", cohort.code)
        messages.success(
            request,
            _("Bienvenue dans la promotion « %(cohort)s » de %(school)s.")
            % {"cohort": cohort.name, "school": cohort.school.name},
        )
        return redirect("core:home")
    context = {
        "cohort": cohort,
        "membership": membership,
        "refusal": (
            COHORT_MEMBERSHIP.refusal(membership, "join", request.user)
            if membership is not None and not membership.is_joined
            else ""
        ),
    }
    return render(request, "schools/join.html", context)


@login_required
def leave(request, pk: int):
    membership = selectors.get_own_membership(request, pk)
    if request.method == "POST":
        services.cohort_leave(membership=membership, by=request.user)
        messages.success(
            request,
            _("Vous avez quitté la promotion « %(cohort)s ».") % {"cohort": membership.cohort.name},
        )
        return redirect("schools:mine")
    return render(request, "schools/leave.html", {"membership": membership})


# --- Class projects ---------------------------------------------------------------------------
@login_required
def project_propose(request, pk: int, mission_pk: int):
    """A teacher of the cohort proposes a team of its students for an open mission."""
    cohort = selectors.get_cohort_for_its_teacher(request, pk)
    mission, _member = get_mission_for_viewer(request, mission_pk)
    students = selectors.active_students_of(cohort)
    refused = team_refused(mission, [], accepting=ACCEPTING_APPLICATIONS)
    form = TeamForm(request.POST or None, students=students, initial={"name": mission.title})
    if request.method == "POST" and not refused and form.is_valid():
        try:
            project = services.class_project_propose(
                cohort=cohort, mission=mission, by=request.user, **form.service_fields()
            )
        except ActionRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _(
                    "L’équipe est proposée à %(organization)s. Vous serez prévenu·e de sa "
                    "réponse, et vos élèves aussi."
                )
                % {"organization": mission.organization.name},
            )
            return redirect(project)
    context = {
        "cohort": cohort,
        "mission": mission,
        "form": form,
        "rows": form.rows(),
        "refusal": str(refused) if refused else "",
    }
    return render(request, "schools/project_form.html", context)


def _project_context(request, project, viewer) -> dict:
    user = request.user
    lead_application = None
    agreement = project.agreement
    if agreement is not None:
        lead_application = agreement.application
    members = list(project.members.all())
    students = [member.student for member in members]
    return {
        "project": project,
        "mission": project.mission,
        "cohort": project.cohort,
        "viewer": viewer,
        "members": members,
        "agreement": agreement,
        "can": CLASS_PROJECT.can(
            project,
            user,
            is_teacher=viewer.is_teacher,
            is_association=viewer.is_association,
            students=students,
        ),
        # Why the association may not take the team (full, closed…), said where it answers.
        "accept_refusal": CLASS_PROJECT.refusal(
            project, "accept", user, is_association=True, students=students
        )
        if viewer.is_association and project.is_proposed
        else "",
        # The lead, the teacher who proposed the team and the association confirm here
        # (or on the agreement's own page); engagements' table says whether they still may.
        "can_sign": bool(
            agreement is not None
            and (viewer.is_lead or viewer.is_association or agreement.cosigner_id == user.pk)
            and APPLICATION.allows(lead_application, "confirm_agreement", user, agreement=agreement)
        ),
        "decline_form": DeclineTeamForm(auto_id="decline-%s"),
    }


@login_required
def project(request, pk: int):
    project, viewer = selectors.get_project_for_viewer(request, pk)
    return render(request, "schools/project.html", _project_context(request, project, viewer))


@login_required
@require_POST
def project_accept(request, pk: int):
    project, viewer = selectors.get_project_for_viewer(request, pk)
    if not viewer.is_association:
        raise PermissionDenied
    try:
        services.class_project_accept(project=project, by=request.user)
    except ActionRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _(
                "L’équipe est acceptée. Confirmez l’accord de l’équipe ; l’élève responsable "
                "et l’enseignant·e le confirment aussi."
            ),
        )
    return redirect(project)


@login_required
def project_decline(request, pk: int):
    project, viewer = selectors.get_project_for_viewer(request, pk)
    if not viewer.is_association:
        raise PermissionDenied
    form = DeclineTeamForm(request.POST or None, auto_id="decline-%s")
    if request.method == "POST" and form.is_valid():
        try:
            services.class_project_decline(
                project=project, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ActionRefused as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Votre réponse est envoyée à l’enseignant·e et aux élèves.")
            )
        return redirect(project)
    context = _project_context(request, project, viewer)
    context["decline_form"] = form
    return render(request, "schools/project.html", context)


@login_required
@require_POST
def project_withdraw(request, pk: int):
    project, viewer = selectors.get_project_for_viewer(request, pk)
    if not viewer.is_teacher:
        raise PermissionDenied
    try:
        services.class_project_withdraw(project=project, by=request.user)
    except ActionRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("La proposition est retirée."))
    return redirect(project)


@login_required
@require_POST
def project_sign(request, pk: int):
    project, viewer = selectors.get_project_for_viewer(request, pk)
    if not (viewer.is_lead or viewer.is_teacher or viewer.is_association):
        raise PermissionDenied
    try:
        services.class_project_sign(project=project, by=request.user)
    except ActionRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Merci, votre confirmation de l’accord est enregistrée."))
    return redirect(project)
