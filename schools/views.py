"""Teachers' pages (their cohorts, a cohort and its students), and the student's way in and
out of a cohort (by code or link)."""

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import ActionRefused
from core.ratelimit import allow, client_ip, reached, record

from . import selectors, services
from .forms import CodeForm, CohortForm
from .lifecycle import COHORT_MEMBERSHIP


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


# --- Students -------------------------------------------------------------------------------
# Codes typed in the box and join links that match no cohort count against one limit: both
# are ways of guessing a code.
CODE_SCOPE, CODE_ATTEMPTS, CODE_WINDOW = "cohort_code", 30, 3600


def _guesser(request) -> str:
    return str(request.user.pk) if request.user.is_authenticated else client_ip(request)


def _too_many_tries() -> str:
    return _("Trop d’essais. Patientez un peu, puis réessayez.")


def join_by_code(request):
    """The box where a student types the code written on the board (a GET form: it works
    without JavaScript and its answer is the cohort's own join page)."""
    form = CodeForm(request.GET if "code" in request.GET else None)
    if form.is_bound:
        if not allow(CODE_SCOPE, _guesser(request), limit=CODE_ATTEMPTS, window=CODE_WINDOW):
            form.add_error(None, _too_many_tries())
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
    key = _guesser(request)
    if reached(CODE_SCOPE, key, limit=CODE_ATTEMPTS):
        context = {"refusal": _too_many_tries()}
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
