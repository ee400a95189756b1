"""The jury's pages: the organiser's jury page (jurors, rubric, assignments, second round,
publication), the invitation link, the juror's list and scoring page, and the public results."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import ActionRefused

from . import jury, jury_selectors, selectors
from .jury_forms import (
    AssignForm,
    ConflictForm,
    CriterionForm,
    InviteJurorForm,
    PrizesForm,
    ScoreForm,
)
from .models import Assignment, Criterion, Event, Juror

PRIZES = 3


# --- The organiser -------------------------------------------------------------------------------
def _assign_form(event, data=None) -> AssignForm:
    return AssignForm(
        data,
        jurors=event.jurors.filter(user__isnull=False, accepted_at__isnull=False).select_related(
            "user"
        ),
        teams=event.teams.filter(submission__isnull=False),
    )


def _jury_page(request, event, **forms):
    context = {
        "assign_form": forms.get("assign_form") or _assign_form(event),
        "event": event,
        "invite_form": forms.get("invite_form") or InviteJurorForm(),
        "criterion_form": forms.get("criterion_form") or CriterionForm(),
        "prizes_form": forms.get("prizes_form") or PrizesForm(count=PRIZES),
        "rubric_refusal": jury.rubric_refusal(event),
        "publication_refusal": jury.publication_refusal(event)
        if event.status == Event.Status.JUDGING
        else "",
        **jury_selectors.jury_overview(event),
    }
    return render(request, "challenges/jury.html", context)


@login_required
def jury_page(request, pk: int):
    event = selectors.get_event_for_organiser(request, pk)
    return _jury_page(request, event)


def _done(request, event, text=None):
    if text:
        messages.success(request, text)
    return redirect("challenges:jury", event.pk)


@login_required
@require_POST
def juror_invite(request, pk: int):
    event = selectors.get_event_for_organiser(request, pk)
    form = InviteJurorForm(request.POST)
    if form.is_valid():
        try:
            jury.juror_invite(
                event=event,
                by=request.user,
                email=form.cleaned_data["email"],
                language=request.LANGUAGE_CODE,
            )
        except ActionRefused as error:
            form.add_error("email", str(error))
        else:
            return _done(request, event, _("L’invitation est envoyée."))
    return _jury_page(request, event, invite_form=form)


@login_required
@require_POST
def juror_remove(request, pk: int, juror_pk: int):
    event = selectors.get_event_for_organiser(request, pk)
    juror = get_object_or_404(Juror, pk=juror_pk, event=event)
    try:
        jury.juror_remove(juror=juror, by=request.user)
    except ActionRefused as error:
        messages.error(request, str(error))
        return _done(request, event)
    return _done(request, event, _("La personne est retirée du jury."))


@login_required
@require_POST
def criterion_add(request, pk: int):
    event = selectors.get_event_for_organiser(request, pk)
    form = CriterionForm(request.POST)
    if form.is_valid():
        try:
            jury.criterion_save(event=event, by=request.user, **form.cleaned_data)
        except ActionRefused as error:
            messages.error(request, str(error))
            return _done(request, event)
        return _done(request, event, _("Le critère est ajouté à la grille."))
    return _jury_page(request, event, criterion_form=form)


@login_required
@require_POST
def criterion_delete(request, pk: int, criterion_pk: int):
    event = selectors.get_event_for_organiser(request, pk)
    criterion = get_object_or_404(Criterion, pk=criterion_pk, event=event)
    try:
        jury.criterion_delete(criterion=criterion, by=request.user)
    except ActionRefused as error:
        messages.error(request, str(error))
        return _done(request, event)
    return _done(request, event, _("Le critère est retiré de la grille."))


@login_required
@require_POST
def assign_all(request, pk: int):
    event = selectors.get_event_for_organiser(request, pk)
    try:
        created, refused = jury.assign(event=event, by=request.user)
    except ActionRefused as error:
        messages.error(request, str(error))
        return _done(request, event)
    text = _("%(count)s réponse(s) confiée(s) au jury.") % {"count": len(created)}
    if refused:
        text += " " + _("%(count)s écartée(s) pour conflit d’intérêts (voir ci-dessous).") % {
            "count": len(refused)
        }
    return _done(request, event, text)


@login_required
@require_POST
def assign_one(request, pk: int):
    event = selectors.get_event_for_organiser(request, pk)
    form = _assign_form(event, request.POST)
    if not form.is_valid():
        return _jury_page(request, event, assign_form=form)
    try:
        created, refused = jury.assign(
            event=event,
            by=request.user,
            jurors=[form.cleaned_data["juror"]],
            teams=[form.cleaned_data["team"]],
        )
    except ActionRefused as error:
        messages.error(request, str(error))
        return _done(request, event)
    if refused:
        messages.error(request, refused[0].reason)
        return _done(request, event)
    return _done(request, event, _("La réponse est confiée."))


@login_required
@require_POST
def assignment_remove(request, pk: int, assignment_pk: int):
    event = selectors.get_event_for_organiser(request, pk)
    assignment = get_object_or_404(Assignment, pk=assignment_pk, juror__event=event)
    try:
        jury.assignment_remove(assignment=assignment, by=request.user)
    except ActionRefused as error:
        messages.error(request, str(error))
        return _done(request, event)
    return _done(request, event, _("La réponse n’est plus confiée à cette personne."))


@login_required
@require_POST
def assignment_skip(request, pk: int, assignment_pk: int):
    event = selectors.get_event_for_organiser(request, pk)
    assignment = get_object_or_404(Assignment, pk=assignment_pk, juror__event=event)
    try:
        jury.assignment_skip(assignment=assignment, by=request.user)
    except ActionRefused as error:
        messages.error(request, str(error))
        return _done(request, event)
    return _done(request, event, _("Cette notation est passée : elle ne compte pas."))


@login_required
@require_POST
def finalists_select(request, pk: int):
    event = selectors.get_event_for_organiser(request, pk)
    try:
        teams = jury.finalists_select(event=event, by=request.user)
    except ActionRefused as error:
        messages.error(request, str(error))
        return _done(request, event)
    return _done(
        request,
        event,
        _("Second tour : %(names)s.") % {"names": ", ".join(t.name for t in teams)},
    )


@login_required
@require_POST
def results_publish(request, pk: int):
    event = selectors.get_event_for_organiser(request, pk)
    form = PrizesForm(request.POST, count=PRIZES)
    if not form.is_valid():
        return _jury_page(request, event, prizes_form=form)
    try:
        jury.results_publish(event=event, by=request.user, prizes=form.prizes())
    except ActionRefused as error:
        messages.error(request, str(error))
        return _done(request, event)
    messages.success(request, _("Les résultats sont publiés."))
    return redirect("challenges:results", event.pk)


# --- The invitation ------------------------------------------------------------------------------
def juror_invitation(request, token):
    """The link in the invitation e-mail. A GET never accepts (mail scanners open links);
    visitors without an account sign up or log in with the invited address and come back."""
    juror = get_object_or_404(Juror.objects.select_related("event", "invited_by"), token=token)
    back_here = {"next": request.path, "email": juror.email}
    login_url = f"{reverse('accounts:login')}?{urlencode(back_here)}"
    status = 200
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(login_url)
        try:
            if request.POST.get("answer") == "decline":
                jury.juror_decline(juror=juror, user=request.user)
                messages.success(
                    request, _("Vous avez décliné l’invitation. Merci de votre réponse.")
                )
                return redirect("challenges:event", juror.event_id)
            jury.juror_accept(juror=juror, user=request.user)
        except jury.JurorInvitationForSomeoneElse:
            status = 403
        except ActionRefused as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Bienvenue dans le jury !"))
            return redirect("challenges:scoring", juror.event_id)
    usable = juror.accepted_at is None and juror.declined_at is None
    return render(
        request,
        "challenges/juror_invitation.html",
        {
            "juror": juror,
            "event": juror.event,
            "usable": usable,
            "for_someone_else": request.user.is_authenticated and not juror.is_for(request.user),
            "login_url": login_url,
            "signup_url": f"{reverse('accounts:signup')}?{urlencode(back_here)}",
        },
        status=status if usable or juror.user_id == getattr(request.user, "pk", None) else 410,
    )


# --- The juror -----------------------------------------------------------------------------------
@login_required
def scoring(request, pk: int):
    """Her list: the answers given to her, n of m scored."""
    juror = jury_selectors.get_juror(request, pk)
    context = {"event": juror.event, "juror": juror, **jury_selectors.progress(juror)}
    return render(request, "challenges/scoring.html", context)


@login_required
def score(request, pk: int):
    """One answer at a time: each criterion 1–5 and a comment; saved, then the next one."""
    assignment = jury_selectors.get_assignment(request, pk)
    juror, event = assignment.juror, assignment.juror.event
    criteria = list(event.criteria.all())
    existing = {s.criterion_id: s for s in assignment.scores.all()}
    refusal = jury.scoring_refusal(assignment, request.user)
    form = ScoreForm(request.POST or None, criteria=criteria, scores=existing)
    if request.method == "POST" and not refusal and form.is_valid():
        try:
            jury.score_save(
                assignment=assignment,
                by=request.user,
                values=form.values(),
                comments=form.comments(),
            )
        except ActionRefused as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Vos notes sont enregistrées."))
            following = jury_selectors.next_to_score(juror)
            if following is not None:
                return redirect("challenges:score", following.pk)
            return redirect("challenges:scoring", event.pk)
    submission = selectors.submission_of(assignment.team)
    context = {
        "event": event,
        "assignment": assignment,
        "team": assignment.team,
        "submission": submission,
        "files": selectors.submission_files(submission),
        "form": form,
        "refusal": refusal,
        "conflict_form": ConflictForm(),
        **jury_selectors.progress(juror),
    }
    return render(request, "challenges/score.html", context)


@login_required
@require_POST
def conflict_declare(request, pk: int):
    assignment = jury_selectors.get_assignment(request, pk)
    form = ConflictForm(request.POST)
    if form.is_valid():
        try:
            jury.conflict_declare(
                juror=assignment.juror,
                team=assignment.team,
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ActionRefused as error:
            messages.error(request, str(error))
            return redirect("challenges:score", assignment.pk)
        messages.success(
            request, _("Conflit d’intérêts noté : cette réponse ne vous est plus confiée.")
        )
        return redirect("challenges:scoring", assignment.juror.event_id)
    messages.error(request, _("Dites en quelques mots d’où vient le conflit."))
    return redirect("challenges:score", assignment.pk)


# --- Anyone --------------------------------------------------------------------------------------
def results(request, pk: int):
    """The ranked teams and the jury's comments (never a juror's name), once published."""
    event = selectors.get_event(request, pk)
    if event.status not in (Event.Status.RESULTS, Event.Status.CLOSED):
        raise Http404
    return render(
        request,
        "challenges/results.html",
        {"event": event, "teams": jury_selectors.results_of(event)},
    )
