"""The pages of quick help: ask, answer, take a call, close; the public answers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import ActionRefused
from core.pagecache import csrf_for_members
from core.structured import absolute, json_ld
from core.uploads import IMAGE_TYPES
from taxonomy.models import SkillDomain

from . import invitations, lifecycle, search, selectors, services, topics
from .forms import AnswerForm, AskForm, CallForm, PublicAnswerForm, ReviewForm, SolveForm
from .lifecycle import PUBLIC_ANSWER, QUESTION
from .models import Call, PublicAnswer, Question


# --- The public base --------------------------------------------------------------------------
def index(request):
    """The answer base: search, topics, and the way to ask."""
    query = request.GET.get("q", "").strip()[:200]
    domain = SkillDomain.objects.filter(slug=request.GET.get("sujet", "")).first()
    answers = selectors.published_answers()
    if domain is not None:
        answers = answers.filter(domain=domain)
    found = search.search(answers, query) if query else None
    if found is not None:
        answers = found.order_by("-relevance", "-published_at")
    else:
        answers = answers.order_by("-published_at", "-pk")
    page = Paginator(answers, 20).get_page(request.GET.get("page"))
    context = {
        "query": query,
        "domain": domain,
        "domains": SkillDomain.objects.all(),
        "page": page,
        "may_ask": bool(selectors.associations_of(request.user)),
    }
    if request.htmx:
        return render(request, "quickhelp/index.html#results", context)
    return render(request, "quickhelp/index.html", context)


def _answer_json_ld(public: PublicAnswer, page_url: str) -> str:
    """schema.org: a question from an association and its accepted answer."""
    answer = {
        "@type": "Answer",
        "text": public.answer,
        "url": page_url,
        "upvoteCount": public.useful_count,
    }
    question = {
        "@type": "Question",
        "name": public.title,
        "text": public.situation,
        "answerCount": 1,
        "acceptedAnswer": answer,
    }
    if public.published_at:
        question["datePublished"] = public.published_at
        answer["datePublished"] = public.published_at
    return json_ld({"@type": "QAPage", "url": page_url, "mainEntity": question})


def answer_page(request, slug: str):
    public = selectors.get_public_answer(slug)
    page_url = absolute(reverse("quickhelp:answer", args=[public.slug]))
    context = {
        "page_url": page_url,
        "json_ld": _answer_json_ld(public, page_url),
        "public": public,
        "marked": _marked(request, public),
        "templates": _templates_of(public.domain_id),
        "helper_book": _book_of(public.helper_id),
    }
    return render(request, "quickhelp/answer.html", context)


def _templates_of(domain_id: int):
    from missions.models import MissionTemplate

    return list(MissionTemplate.objects.filter(domain_id=domain_id, is_active=True)[:3])


def _book_of(user_id: int | None) -> str | None:
    if user_id is None:
        return None
    from portfolio.selectors import public_portfolio_slug

    return public_portfolio_slug(user_id)


def _marked(request, public: PublicAnswer) -> bool:
    return str(public.pk) in request.session.get("quickhelp_useful", [])


@require_POST
@csrf_for_members
def mark_useful(request, slug: str):
    public = selectors.get_public_answer(slug)
    if not request.session.session_key:
        request.session.save()
    user = request.user if request.user.is_authenticated else None
    services.mark_useful(public=public, user=user, session_key=request.session.session_key or "")
    marked = request.session.get("quickhelp_useful", [])
    if str(public.pk) not in marked:
        request.session["quickhelp_useful"] = [*marked, str(public.pk)][-200:]
    messages.success(request, _("Merci ! Votre avis aide les autres associations."))
    return redirect("quickhelp:answer", slug=public.slug)


# --- Asking -----------------------------------------------------------------------------------
@login_required
def ask(request):
    organizations = selectors.associations_of(request.user)
    if not organizations:
        messages.info(request, _("Pour poser une question, inscrivez d’abord votre association."))
        return redirect("organizations:create")
    data = request.POST if request.method == "POST" else None
    form = AskForm(data, request.FILES or None, organizations=organizations)
    suggested, screenshot_again = None, False
    if request.method == "POST" and form.is_valid():
        domain = form.cleaned_data["domain"]
        if domain is None:
            slug = topics.suggest(f"{form.cleaned_data['title']} {form.cleaned_data['body']}")
            suggested = SkillDomain.objects.filter(slug=slug).first() if slug else None
            if suggested is not None:
                # Shown again with the topic chosen from the words: she confirms or changes.
                # (A browser never sends a file twice: she attaches her screenshot again.)
                screenshot_again = form.cleaned_data.get("screenshot") is not None
                values = data.copy()
                values["domain"] = str(suggested.pk)
                form = AskForm(values, organizations=organizations)
                form.is_valid()
            else:
                form.add_error("domain", _("Choisissez le sujet de votre question."))
        else:
            question = services.question_ask(
                organization=form.cleaned_data["organization"],
                by=request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                domain=domain,
                mode=form.cleaned_data["mode"],
                slots=form.cleaned_data["slots"],
                screenshot=form.cleaned_data.get("screenshot"),
            )
            messages.success(
                request,
                _("Votre question est posée. Les bénévoles de ce sujet sont prévenus."),
            )
            return redirect("quickhelp:question", pk=question.pk)
    context = {"form": form, "suggested": suggested, "screenshot_again": screenshot_again}
    return render(request, "quickhelp/ask.html", context)


@login_required
def mine(request):
    context = {
        "asked": selectors.questions_of_associations(request.user)[:50],
        "to_help": selectors.questions_for_helper(request.user)[:30],
        "helped": selectors.questions_helped(request.user)[:30],
        "hours": selectors.helper_hours(request.user),
    }
    return render(request, "quickhelp/mine.html", context)


# --- A question -------------------------------------------------------------------------------
@login_required
def question_page(request, pk: int, *, answer_form=None, call_form=None, solve_form=None):
    question = selectors.get_question_for_viewer(request, pk)
    return _question_page(request, question, answer_form, call_form, solve_form)


def _question_page(
    request, question: Question, answer_form=None, call_form=None, solve_form=None, status=200
):
    user = request.user
    call = question.calls.filter(status=Call.Status.BOOKED).select_related("helper").first()
    member = lifecycle.is_member(user, question)
    can = QUESTION.can(question, user, booked=call is not None)
    slots = question.slots.filter(starts_at__gt=timezone.now())
    helpers = services.helpers_of(question) if member and can.solve else {}
    public = PublicAnswer.objects.filter(question=question).first()
    context = {
        "question": question,
        "member": member,
        "can": can,
        "answers": question.answers.select_related("author"),
        "call": call,
        "is_call_side": call is not None and (member or call.helper_id == user.pk),
        "may_cancel": call is not None and services.may_cancel_call(call, user),
        "answer_form": answer_form or (AnswerForm() if can.answer else None),
        "call_form": call_form or (CallForm(slots=slots) if can.take_call else None),
        "solve_form": solve_form or (SolveForm(helpers=helpers) if helpers else None),
        "slots": slots,
        "answer_refusal": QUESTION.refusal(question, "answer", user) if not member else "",
        "publication_refusal": lifecycle.publication_refusal(question, user),
        "public": public,
        "template": services.template_for(question) if can.to_mission else None,
    }
    return render(request, "quickhelp/question.html", context, status=status)


@login_required
def screenshot(request, pk: int):
    question = selectors.get_question_for_viewer(request, pk)
    if not question.screenshot:
        raise Http404
    try:
        opened = question.screenshot.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(
        opened,
        as_attachment=question.screenshot_type not in IMAGE_TYPES,
        filename=question.screenshot_name,
        content_type=question.screenshot_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def answer(request, pk: int):
    question = selectors.get_question_for_viewer(request, pk)
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            services.answer_write(
                question=question, by=request.user, body=form.cleaned_data["body"]
            )
        except ActionRefused as refused:
            # Refused to this person (her own association's question, a closed one): the
            # page says why, as a 403.
            form.add_error(None, str(refused))
            return _question_page(request, question, answer_form=form, status=403)
        messages.success(request, _("Merci ! L’association est prévenue de votre réponse."))
        return redirect("quickhelp:question", pk=question.pk)
    return _question_page(request, question, answer_form=form)


@login_required
@require_POST
def take_call(request, pk: int):
    question = selectors.get_question_for_viewer(request, pk)
    form = CallForm(request.POST, slots=question.slots.filter(starts_at__gt=timezone.now()))
    if form.is_valid():
        try:
            services.call_take(
                question=question,
                by=request.user,
                slot=form.cleaned_data["slot"],
                video_link=form.cleaned_data["video_link"],
            )
        except ActionRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request,
                _(
                    "L’appel est prévu. Vous recevez, comme l’association, une invitation "
                    "pour votre agenda."
                ),
            )
            return redirect("quickhelp:question", pk=question.pk)
    return _question_page(request, question, call_form=form)


def _call_for_side(request, pk: int) -> Call:
    question = selectors.get_question_for_viewer(request, pk)
    call = (
        question.calls.select_related("helper", "question__asked_by")
        .order_by("-created_at", "-pk")
        .first()
    )
    if call is None or not (
        lifecycle.is_member(request.user, question) or call.helper_id == request.user.pk
    ):
        raise Http404
    call.question = question
    return call


@login_required
@require_POST
def cancel_call(request, pk: int):
    call = _call_for_side(request, pk)
    try:
        services.call_cancel(call=call, by=request.user)
    except ActionRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("L’appel est annulé ; l’autre personne est prévenue."))
    return redirect("quickhelp:question", pk=pk)


@login_required
def call_ics(request, pk: int):
    call = _call_for_side(request, pk)
    response = HttpResponse(
        invitations.invitation(call), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="coup-de-main.ics"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def solve(request, pk: int):
    question = selectors.get_question_for_member(request, pk)
    form = SolveForm(request.POST, helpers=services.helpers_of(question))
    if form.is_valid():
        try:
            services.question_solve(
                question=question,
                by=request.user,
                thanked=form.cleaned_data["thanked"],
                thanks=form.cleaned_data["thanks"],
            )
        except ActionRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("C’est noté, et vos remerciements sont transmis."))
        return redirect("quickhelp:question", pk=question.pk)
    return _question_page(request, question, solve_form=form)


def _member_action(request, pk: int, service, done: str):
    """Apply `service` for a member of the asking association; its result, or None when it
    was refused (the words shown on the question's page)."""
    question = selectors.get_question_for_member(request, pk)
    try:
        result = service(question=question, by=request.user)
    except ActionRefused as refused:
        messages.error(request, str(refused))
        return None
    messages.success(request, done)
    return result


@login_required
@require_POST
def close(request, pk: int):
    _member_action(request, pk, services.question_close, _("La question est fermée."))
    return redirect("quickhelp:question", pk=pk)


@login_required
@require_POST
def to_mission(request, pk: int):
    result = _member_action(
        request,
        pk,
        services.question_to_mission,
        _(
            "Voici le brouillon de votre mission, rempli d’après votre question : "
            "relisez-le, complétez-le, puis envoyez-le."
        ),
    )
    if result is None:
        return redirect("quickhelp:question", pk=pk)
    return redirect("missions:wizard", pk=result.pk, step=1)


@login_required
@require_POST
def consent(request, pk: int):
    _member_action(
        request,
        pk,
        services.publication_consent,
        _("Merci ! La réponse sera relue pour enlever tout détail personnel avant d’être publiée."),
    )
    return redirect("quickhelp:question", pk=pk)


# --- Preparing and reviewing a public answer ----------------------------------------------------
@login_required
def public_edit(request, pk: int):
    public = selectors.get_public_answer_for_editor(request, pk)
    user = request.user
    can = PUBLIC_ANSWER.can(public, user)
    form = PublicAnswerForm(
        request.POST or None,
        initial={"title": public.title, "situation": public.situation, "answer": public.answer},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.public_answer_edit(
                public=public, by=user, submit="submit" in request.POST, **form.cleaned_data
            )
        except ActionRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("C’est enregistré."))
            return redirect("quickhelp:public_edit", pk=public.pk)
    context = {
        "public": public,
        "can": can,
        "form": form,
        "review_form": ReviewForm() if can.publish else None,
    }
    return render(request, "quickhelp/public_edit.html", context)


@login_required
@require_POST
def public_review(request, pk: int):
    public = selectors.get_public_answer_for_editor(request, pk)
    form = ReviewForm(request.POST)
    form.is_valid()
    approve = "publish" in request.POST
    try:
        services.public_answer_review(
            public=public, by=request.user, approve=approve, note=form.cleaned_data.get("note", "")
        )
    except ActionRefused as refused:
        # Only moderators are offered the review: anyone else posting is refused, in words.
        raise PermissionDenied(str(refused)) from None
    if approve:
        messages.success(request, _("La réponse est publiée."))
        return redirect("quickhelp:answer", slug=public.slug)
    messages.success(request, _("La réponse est renvoyée avec votre mot."))
    return redirect("quickhelp:review_queue")


@login_required
@require_POST
def public_withdraw(request, pk: int):
    public = selectors.get_public_answer_for_editor(request, pk)
    try:
        services.public_answer_withdraw(public=public, by=request.user)
    except ActionRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("La réponse n’est plus publique."))
    return redirect("quickhelp:public_edit", pk=public.pk)


@login_required
def review_queue(request):
    from organizations.delegation import moderated_organizations

    scope = moderated_organizations(request.user)
    if scope is not None and not scope.exists():
        raise Http404
    return render(
        request,
        "quickhelp/review_queue.html",
        {"answers": selectors.answers_to_review(request.user)},
    )


def domain_redirect(request, slug: str):
    domain = get_object_or_404(SkillDomain, slug=slug)
    return redirect(f"{reverse('quickhelp:index')}?sujet={domain.slug}")
