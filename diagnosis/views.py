"""Diagnosis pages: its welcome, one screen per axis, the results with their plan, the
printable summary, the history; and the dashboard's buttons (start, turn down)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.redirects import is_safe_url
from missions.models import Status

from . import selectors, services
from .forms import AxisForm
from .models import Diagnosis
from .pdf import summary_pdf as render_summary
from .plan_extras import plan_extras
from .results import plan_of, results_of

PER_PAGE = 20


def _resume(diagnosis: Diagnosis, questionnaire: selectors.Questionnaire) -> int:
    """The screen a diagnosis reopens on: its first with an unanswered question, or the
    last one when all are answered but the results were not asked for yet."""
    answered = set(selectors.answers_of(diagnosis))
    return questionnaire.first_unanswered_step(answered) or questionnaire.steps


def _step_url(diagnosis: Diagnosis, number: int) -> str:
    return reverse("diagnosis:step", args=[diagnosis.organization.slug, diagnosis.pk, number])


def _results_url(diagnosis: Diagnosis) -> str:
    return reverse("diagnosis:results", args=[diagnosis.organization.slug, diagnosis.pk])


@login_required
def home(request, slug: str):
    organization = selectors.get_association_for_member(request, slug)
    questionnaire = selectors.questionnaire()
    current = selectors.in_progress(organization)
    context = {
        "organization": organization,
        "questionnaire": questionnaire,
        "current": current,
        "resume_step": _resume(current, questionnaire) if current else None,
        "latest": selectors.latest_completed(organization),
    }
    return render(request, "diagnosis/home.html", context)


@login_required
@require_POST
def start(request, slug: str):
    organization = selectors.get_association_for_member(request, slug)
    diagnosis = services.diagnosis_start(organization=organization, by=request.user)
    diagnosis.organization = organization
    return redirect(_step_url(diagnosis, _resume(diagnosis, selectors.questionnaire())))


@login_required
def resume(request, slug: str):
    organization = selectors.get_association_for_member(request, slug)
    diagnosis = selectors.in_progress(organization)
    if diagnosis is None:
        return redirect("diagnosis:home", slug=organization.slug)
    diagnosis.organization = organization
    return redirect(_step_url(diagnosis, _resume(diagnosis, selectors.questionnaire())))


@login_required
def step(request, slug: str, pk: int, number: int):
    diagnosis = selectors.get_diagnosis_for_member(request, slug, pk)
    if diagnosis.is_completed:
        messages.info(
            request,
            _("Ce diagnostic est terminé. Pour mettre vos réponses à jour, refaites-le."),
        )
        return redirect(_results_url(diagnosis))
    questionnaire = selectors.questionnaire()
    axis = questionnaire.axis_at(number)
    action = request.POST.get("action", "next")
    if request.method == "POST":
        form = AxisForm(request.POST, axis=axis, require_all=action == "next")
        valid = form.is_valid()
        if valid or action != "next":
            try:
                services.diagnosis_save_answers(diagnosis=diagnosis, answers=form.answers())
            except services.DiagnosisClosed as error:
                messages.info(request, error.messages[0])
                return redirect(_results_url(diagnosis))
            if action == "later":
                messages.success(
                    request,
                    _(
                        "Vos réponses sont enregistrées. Vous reprendrez là où vous en êtes, "
                        "depuis votre tableau de bord ou la page du bilan."
                    ),
                )
                return redirect("diagnosis:home", slug=diagnosis.organization.slug)
            if action == "back" and number > 1:
                return redirect(_step_url(diagnosis, number - 1))
            if action == "next" and number < questionnaire.steps:
                return redirect(_step_url(diagnosis, number + 1))
            if action == "next":
                return _complete(request, diagnosis, questionnaire)
    else:
        saved = selectors.answers_of(diagnosis)
        initial = {q.slug: saved[q.pk] for q in axis.active_questions if q.pk in saved}
        form = AxisForm(initial=initial, axis=axis)
    # Retaking: the last answers are ticked already, the association changes what moved.
    earlier = None
    if not form.is_bound and not form.initial:
        earlier = selectors.latest_completed(diagnosis.organization)
        before = selectors.answers_of(earlier)
        form.initial = {q.slug: before[q.pk] for q in axis.active_questions if q.pk in before}
        if not form.initial:
            earlier = None
    context = {
        "organization": diagnosis.organization,
        "diagnosis": diagnosis,
        "questionnaire": questionnaire,
        "axis": axis,
        "number": number,
        "steps": range(1, questionnaire.steps + 1),
        "is_last": number == questionnaire.steps,
        "form": form,
        "earlier": earlier,
    }
    return render(request, "diagnosis/step.html", context)


def _complete(request, diagnosis: Diagnosis, questionnaire: selectors.Questionnaire):
    try:
        diagnosis = services.diagnosis_complete(diagnosis=diagnosis, questionnaire=questionnaire)
    except services.DiagnosisIncomplete as error:
        messages.error(
            request,
            _("Il reste des questions sans réponse à l’étape %(step)s : répondez-y, puis revenez.")
            % {"step": error.params["step"]},
        )
        return redirect(_step_url(diagnosis, error.params["step"]))
    messages.success(request, _("Merci ! Voici où en est votre association."))
    return redirect(_results_url(diagnosis))


def _completed_or_redirect(request, slug: str, pk: int):
    diagnosis = selectors.get_diagnosis_for_member(request, slug, pk)
    if diagnosis.is_completed:
        return diagnosis, None
    messages.info(request, _("Ce diagnostic n’est pas terminé : reprenez-le là où il en est."))
    return diagnosis, redirect("diagnosis:resume", slug=diagnosis.organization.slug)


@login_required
def results(request, slug: str, pk: int):
    diagnosis, elsewhere = _completed_or_redirect(request, slug, pk)
    if elsewhere:
        return elsewhere
    organization = diagnosis.organization
    latest = selectors.latest_completed(organization)
    results = results_of(diagnosis, selectors.questionnaire())
    made = selectors.plan_missions(diagnosis)
    for plan_step in results.plan:
        plan_step.mission = made.get(plan_step.template.slug)
    context = {
        "organization": organization,
        "results": results,
        "is_latest": latest is not None and latest.pk == diagnosis.pk,
        "latest": latest,
        "current": selectors.in_progress(organization),
        "extras": plan_extras(organization, request.user),
    }
    return render(request, "diagnosis/results.html", context)


@login_required
@require_POST
def plan_mission(request, slug: str, pk: int, template: str):
    """« Créer cette mission »: one click makes the step's mission, complete and ready to
    send; the next click shows the same mission."""
    diagnosis, elsewhere = _completed_or_redirect(request, slug, pk)
    if elsewhere:
        return elsewhere
    plan = plan_of(diagnosis, selectors.questionnaire())
    step = next((s for s in plan if s.template.slug == template), None)
    if step is None:
        raise Http404
    mission, made = services.plan_step_mission(diagnosis=diagnosis, step=step, by=request.user)
    if made:
        messages.success(
            request,
            _(
                "Votre mission est prête : nous l’avons écrite à partir de vos réponses. "
                "Relisez-la ci-dessous ; si elle vous convient, envoyez-la."
            ),
        )
    else:
        messages.info(request, _("Vous avez déjà créé cette mission : la voici."))
    if mission.status == Status.DRAFT:
        return redirect("missions:wizard", pk=mission.pk, step=mission.resume_step)
    return redirect("missions:detail", pk=mission.pk)


@login_required
def summary(request, slug: str, pk: int):
    diagnosis, elsewhere = _completed_or_redirect(request, slug, pk)
    if elsewhere:
        return elsewhere
    results = results_of(diagnosis, selectors.questionnaire())
    url = request.build_absolute_uri(_results_url(diagnosis))
    response = HttpResponse(render_summary(results, url=url), content_type="application/pdf")
    filename = f"bilan-numerique-{diagnosis.organization.slug}-{diagnosis.completed_at:%Y-%m-%d}"
    response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
    return response


@login_required
def history(request, slug: str):
    organization = selectors.get_association_for_member(request, slug)
    diagnoses = selectors.completed(organization).select_related("started_by")
    page = Paginator(diagnoses, PER_PAGE).get_page(request.GET.get("page"))
    items = list(page.object_list)
    # Each diagnosis is compared with the one before it, the last of the page included.
    before = (
        selectors.completed(organization).filter(completed_at__lt=items[-1].completed_at).first()
        if items
        else None
    )
    for diagnosis, previous in zip(items, [*items[1:], before][: len(items)], strict=True):
        diagnosis.change = (
            diagnosis.overall - previous.overall
            if previous is not None and None not in (diagnosis.overall, previous.overall)
            else None
        )
    context = {
        "organization": organization,
        "page": page,
        "items": items,
        "current": selectors.in_progress(organization),
    }
    return render(request, "diagnosis/history.html", context)


@login_required
@require_POST
def dismiss(request, slug: str):
    organization = selectors.get_association_for_member(request, slug)
    services.offer_dismiss(organization=organization, by=request.user)
    messages.success(
        request,
        _(
            "C’est noté, nous ne vous le proposerons plus. Vous retrouverez le bilan "
            "sur la page de votre association."
        ),
    )
    target = request.POST.get("next", "")
    if not is_safe_url(request, target):
        target = reverse("core:home")
    return redirect(target)
