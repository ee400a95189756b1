"""The teacher's pages: her cohorts, a cohort's dashboard and its CSV export, and the
verdict on one student's mission."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import capfirst, slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.errors import ActionRefused

from . import selectors, services
from .charts import bar_chart
from .export import as_csv
from .forms import ValidationForm
from .lifecycle import VALIDATION, not_given
from .rendering import students_html, table_rows


@login_required
def cohorts(request):
    return render(
        request, "teaching/cohorts.html", {"cohorts": selectors.cohorts_taught(request.user)}
    )


@login_required
@require_safe
def dashboard(request, pk: int):
    cohort = selectors.get_cohort_taught(request, pk)
    board = selectors.dashboard_of(cohort, today=timezone.localdate())
    context = {"cohort": cohort, "board": board, **_board_html(board, viewer_id=request.user.pk)}
    return render(request, "teaching/dashboard.html", context)


# How long the HTML of a board is kept. Its key is the digest of everything it was written
# from, so a change is never hidden: a changed board has another key.
BOARD_HTML_SECONDS = 10 * 60


def board_html_key(board: selectors.Dashboard, *, viewer_id: int) -> str:
    return f"teaching:board:{board.cohort.pk}:{viewer_id}:{get_language()}:{board.fingerprint}"


def _board_html(board: selectors.Dashboard, *, viewer_id: int) -> dict:
    """The charts, tables and students' list of the board, as HTML: written once for the same
    figures, the same viewer and language, then read from the cache (a third of the page's
    time for a class of forty)."""
    key = board_html_key(board, viewer_id=viewer_id)
    parts = cache.get(key)
    if parts is None:
        hours = [(student.name, student.hours) for student in board.students]
        states = [(label, count) for _state, label, count in board.by_state]
        parts = {
            "by_state": bar_chart([(str(label), count) for label, count in states]),
            "states_table": table_rows([(capfirst(label), count) for label, count in states]),
            "hours": bar_chart(hours),
            "hours_table": table_rows(hours),
            "students": students_html(
                board.students, cohort_id=board.cohort.pk, viewer_id=viewer_id
            ),
        }
        cache.set(key, parts, BOARD_HTML_SECONDS)
    return parts


@login_required
@require_safe
def export(request, pk: int):
    cohort = selectors.get_cohort_taught(request, pk)
    board = selectors.dashboard_of(cohort, today=timezone.localdate())
    response = HttpResponse(as_csv(board), content_type="text/csv; charset=utf-8")
    filename = f"{slugify(cohort.name) or 'promotion'}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def validate(request, pk: int, application_pk: int):
    cohort, application = selectors.get_engagement_for_teacher(request, pk, application_pk)
    validation = selectors.validation_of(application, cohort) or not_given(application, cohort)
    facts = services.facts_for(application=application, cohort=cohort, by=request.user)
    can = VALIDATION.can(validation, request.user, **facts)
    refusal = (
        ""
        if (can.validate or can.ask_improvement)
        else VALIDATION.refusal(validation, "ask_improvement", request.user, **facts)
    )
    initial = {"comment": validation.comment, "verdict": validation.verdict or None}
    form = ValidationForm(request.POST or None, initial=initial)
    if request.method == "POST" and not refusal and form.is_valid():
        try:
            services.validation_give(
                application=application,
                cohort=cohort,
                by=request.user,
                verdict=form.cleaned_data["verdict"],
                comment=form.cleaned_data["comment"],
            )
        except ActionRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Votre avis est enregistré : %(name)s en est prévenu·e.")
                % {"name": application.volunteer.first_name},
            )
            return redirect("teaching:dashboard", cohort.pk)
    context = {
        "cohort": cohort,
        "application": application,
        "validation": validation,
        "form": form,
        "refusal": refusal,
    }
    return render(request, "teaching/validate.html", context)
