"""Events of challenges: the public list and page, the organiser's steps and review of the
challenges, an association's proposal, and the students' registration and teams."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import User
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
from core.uploads import IMAGE_TYPES
from missions.models import MissionTemplate

from . import followup, jury_selectors, selectors, services
from .forms import (
    ChallengeForm,
    ChooseForm,
    CodeForm,
    DecisionForm,
    EventForm,
    HandOverForm,
    SubmissionForm,
    TeamForm,
)
from .lifecycle import CHALLENGE, EVENT, deadline_text, submission_refusal
from .models import Challenge, Event, SubmissionFile

# An event is edited until it starts: afterwards its dates and rules are what people signed up to.
EDITABLE = frozenset({Event.Status.DRAFT, Event.Status.PUBLISHED})


# --- Anyone ---------------------------------------------------------------------------------
def events(request):
    context = {
        "page": selectors.upcoming_events(page=request.GET.get("page")),
        "organisers": selectors.organisers_of(request.user),
        "own": selectors.events_of_organiser(request.user) if request.user.is_authenticated else [],
    }
    return render(request, "challenges/events.html", context)


def event(request, pk: int):
    event = selectors.get_event(request, pk)
    is_organiser = selectors.is_organiser(request.user, event)
    registration = selectors.registration_of(request.user, event)
    own = selectors.challenges_of_associations(event, request.user)
    for challenge in own:
        challenge.event = event
        challenge.can_withdraw = CHALLENGE.allows(
            challenge, "withdraw", request.user, is_proposer=True
        )
    context = {
        "event": event,
        "is_organiser": is_organiser,
        "is_juror": jury_selectors.is_juror(request.user, event),
        "can": EVENT.can(event, request.user, is_organiser=is_organiser),
        "steps": [
            (action, EVENT.refusal(event, action, request.user, is_organiser=is_organiser))
            for action in EVENT.actions_from(event.status)
        ]
        if is_organiser
        else [],
        "challenges": selectors.accepted_challenges(event),
        "registration": registration,
        "registration_open": event.registration_open_on(timezone.localdate()),
        # What the page offers, asked once here rather than read from the status in the
        # template: the services refuse the same things with words.
        "is_editable": event.status in EDITABLE,
        "takes_challenges": event.status == Event.Status.PUBLISHED
        and timezone.localdate() <= event.registration_closes,
        "teams_open": event.status == Event.Status.PUBLISHED,
        "places_left": selectors.places_left(event),
        "associations": selectors.associations_of(request.user),
        "own_challenges": own,
    }
    return render(request, "challenges/event.html", context)


# --- The organiser --------------------------------------------------------------------------
@login_required
def event_create(request, slug: str):
    organiser = selectors.get_organiser_for_member(request, slug)
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        event = services.event_create(organiser=organiser, by=request.user, **form.service_fields())
        messages.success(
            request,
            _(
                "L’événement est créé en brouillon. Relisez-le, puis publiez-le pour ouvrir "
                "les inscriptions."
            ),
        )
        return redirect(event)
    return render(request, "challenges/event_form.html", {"form": form, "organiser": organiser})


@login_required
def event_edit(request, pk: int):
    event = selectors.get_event_for_organiser(request, pk)
    if event.status not in EDITABLE:
        messages.error(request, _("L’événement a commencé : il ne se modifie plus."))
        return redirect(event)
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        services.event_update(
            event=Event.objects.get(pk=event.pk), by=request.user, **form.service_fields()
        )
        messages.success(request, _("Vos modifications sont enregistrées."))
        return redirect(event)
    return render(
        request,
        "challenges/event_form.html",
        {"form": form, "organiser": event.organiser, "event": event},
    )


STEP_DONE = {
    "publish": _("L’événement est publié : les inscriptions sont ouvertes."),
    "start": _("L’événement est lancé."),
    "judge": _("La délibération du jury est ouverte."),
    "announce": _("Les résultats sont annoncés."),
    "close": _("L’événement est terminé."),
}


@login_required
@require_POST
def event_step(request, pk: int, action: str):
    event = selectors.get_event_for_organiser(request, pk)
    if action not in EVENT.actions:
        raise Http404
    try:
        services.event_transition(event=event, action=action, by=request.user)
    except ActionRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, str(STEP_DONE[action]))
    return redirect(event)


@login_required
def review(request, pk: int):
    event = selectors.get_event_for_organiser(request, pk)
    page = selectors.challenges_to_review(event, page=request.GET.get("page"))
    for challenge in page:
        challenge.can_decide = CHALLENGE.allows(
            challenge, "accept", request.user, is_organiser=True
        )
    return render(
        request, "challenges/review.html", {"event": event, "page": page, "form": DecisionForm()}
    )


@login_required
@require_POST
def challenge_decide(request, pk: int, action: str):
    if action == "withdraw":
        challenge = selectors.get_challenge_for_proposer(request, pk)
        is_organiser = False
    elif action in ("accept", "decline"):
        challenge = selectors.get_challenge_for_organiser(request, pk)
        is_organiser = True
    else:
        raise Http404
    form = DecisionForm(request.POST)
    reason = form.cleaned_data["reason"].strip() if form.is_valid() else ""
    if action == "decline" and not reason:
        messages.error(request, _("Dites à l’association pourquoi son défi n’est pas retenu."))
        return redirect("challenges:review", challenge.event_id)
    try:
        services.challenge_decide(
            challenge=challenge,
            action=action,
            by=request.user,
            reason=reason,
            is_organiser=is_organiser,
        )
    except ActionRefused as error:
        messages.error(request, str(error))
    else:
        done = {
            "accept": _(
                "Le défi « %(title)s » est retenu : il apparaît sur la page de l’événement."
            ),
            "decline": _(
                "Le défi « %(title)s » n’est pas retenu ; l’association lira votre motif."
            ),
            "withdraw": _("Le défi « %(title)s » est retiré."),
        }[action]
        messages.success(request, done % {"title": challenge.title})
    if action == "withdraw":
        return redirect("challenges:event", challenge.event_id)
    return redirect("challenges:review", challenge.event_id)


@login_required
def teams(request, pk: int):
    event = selectors.get_event_for_organiser(request, pk)
    page = selectors.teams_of(event, page=request.GET.get("page"))
    return render(request, "challenges/teams.html", {"event": event, "page": page})


# --- Associations ---------------------------------------------------------------------------
@login_required
def propose(request, pk: int):
    event = selectors.get_event(request, pk)
    associations = selectors.associations_of(request.user)
    if not associations or event.status != Event.Status.PUBLISHED:
        raise Http404  # its association sees the refusal in words when registration closed
    template = None
    if slug := request.GET.get("template"):
        template = MissionTemplate.objects.filter(slug=slug, is_active=True).first()
    form = ChallengeForm(request.POST or None, associations=associations, template=template)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.challenge_submit(
                event=event,
                association=data["association"],
                by=request.user,
                title=data["title"],
                context=data["context"],
                good_answer=data["good_answer"],
                template=template,
            )
        except ActionRefused as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Votre défi est envoyé. L’équipe d’organisation vous répondra ici.")
            )
            return redirect(event)
    context = {
        "event": event,
        "form": form,
        "template": template,
        "templates": selectors.templates(),
    }
    return render(request, "challenges/propose.html", context)


# --- Students -------------------------------------------------------------------------------
@login_required
@require_POST
def register(request, pk: int):
    event = selectors.get_event(request, pk)
    try:
        services.register(event=event, student=request.user)
    except ActionRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Vous êtes inscrit·e. Créez une équipe ou rejoignez-en une avec son code.")
        )
    return redirect(event)


@login_required
def team_create(request, pk: int):
    event = selectors.get_event(request, pk)
    if selectors.registration_of(request.user, event) is None:
        raise Http404
    form = TeamForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            team = services.team_create(
                event=event, by=request.user, name=form.cleaned_data["name"]
            )
        except ActionRefused as error:
            form.add_error("name", str(error))
        else:
            messages.success(
                request, _("Votre équipe est créée. Donnez son code à vos coéquipier·es.")
            )
            return redirect(team)
    return render(request, "challenges/team_form.html", {"event": event, "form": form})


@login_required
def team(request, pk: int):
    team = selectors.get_team_for_member(request, pk)
    members = selectors.members_of(team)
    is_leader = team.leader_id == request.user.pk
    challenges = selectors.accepted_challenges(team.event)
    context = {
        "team": team,
        "event": team.event,
        "members": members,
        "is_member": any(m.student_id == request.user.pk for m in members),
        "is_leader": is_leader,
        "is_open": team.event.status == Event.Status.PUBLISHED,
        # Members hand the answer in once the event runs; the organiser reads it after.
        "shows_submission": team.event.status not in (Event.Status.DRAFT, Event.Status.PUBLISHED),
        "join_url": settings.SITE_URL + team.join_path,
        "challenges": challenges,
        "choose_form": ChooseForm(
            initial={"challenge": team.challenge_id},
            challenges=Challenge.objects.filter(pk__in=[c.pk for c in challenges]),
        ),
        "hand_over_form": HandOverForm(
            members=[m for m in members if m.student_id != request.user.pk]
        ),
    }
    return render(request, "challenges/team.html", context)


@login_required
@require_POST
def team_choose(request, pk: int):
    team = selectors.get_team_for_teammate(request, pk)
    challenge = Challenge.objects.filter(
        pk=request.POST.get("challenge") or 0, event=team.event
    ).first()
    if challenge is None:
        messages.error(request, _("Choisissez un des défis retenus."))
        return redirect(team)
    try:
        services.team_choose(team=team, by=request.user, challenge=challenge)
    except ActionRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Votre équipe répondra au défi « %(title)s ».") % {"title": challenge.title}
        )
    return redirect(team)


@login_required
@require_POST
def team_leave(request, pk: int):
    team = selectors.get_team_for_teammate(request, pk)
    try:
        services.team_leave(team=team, by=request.user)
    except ActionRefused as error:
        messages.error(request, str(error))
        return redirect(team)
    messages.success(request, _("Vous avez quitté l’équipe. Vous restez inscrit·e à l’événement."))
    return redirect("challenges:event", team.event_id)


@login_required
@require_POST
def team_hand_over(request, pk: int):
    team = selectors.get_team_for_teammate(request, pk)
    to = User.objects.filter(pk=request.POST.get("leader") or 0).first()
    if to is None:
        messages.error(request, _("Choisissez un membre de l’équipe."))
        return redirect(team)
    try:
        services.team_hand_over(team=team, by=request.user, to=to)
    except ActionRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(name)s mène maintenant l’équipe.") % {"name": to.full_name})
    return redirect(team)


# Guessing codes: the same budget as schools' cohort codes, counted apart.
CODE_SCOPE = "team_code"


def join_by_code(request):
    """The box where a student types the code a teammate gave her (a GET form: it works
    without JavaScript and its answer is the team's own join page)."""
    form = CodeForm(request.GET if "code" in request.GET else None)
    if form.is_bound:
        if not allow(CODE_SCOPE, guesser(request), limit=CODE_ATTEMPTS, window=CODE_WINDOW):
            form.add_error(None, TOO_MANY_TRIES)
        elif form.is_valid():
            try:
                team = selectors.get_team_by_code(form.cleaned_data["code"])
            except Http404:  # said in the form, where she typed it
                form.add_error(
                    "code", _("Aucune équipe n’a ce code. Vérifiez-le auprès de votre équipe.")
                )
            else:
                return redirect("challenges:join", team.code)
    return render(request, "challenges/join_code.html", {"form": form})


def join(request, code: str):
    key = guesser(request)
    if reached(CODE_SCOPE, key, limit=CODE_ATTEMPTS):
        return render(
            request, "challenges/join_closed.html", {"refusal": TOO_MANY_TRIES}, status=429
        )
    try:
        team = selectors.get_team_by_code(code)
    except Http404:
        record(CODE_SCOPE, key, window=CODE_WINDOW)
        raise
    if code != team.code:  # typed in small letters: the one address
        return redirect("challenges:join", team.code)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            services.team_join(team=team, by=request.user)
        except ActionRefused as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Bienvenue dans l’équipe « %(name)s » !") % {"name": team.name}
            )
            return redirect(team)
    context = {"team": team, "event": team.event, "members": team.members.count()}
    return render(request, "challenges/join.html", context)


# --- Submissions ----------------------------------------------------------------------------
@login_required
def submission(request, pk: int):
    """The team's answer: its members hand it in and revise it until the deadline; whoever
    `selectors.can_see_submission` lets in reads it."""
    team = selectors.get_team_for_submission(request, pk)
    event = team.event
    answer = selectors.submission_of(team)
    is_member = selectors.is_teammate(request.user, team)
    if not is_member:
        if answer is None:
            raise Http404
        answer.team = team
        if not selectors.can_see_submission(request.user, answer):
            raise Http404
    refusal = submission_refusal(team, request.user) if is_member else ""
    files = selectors.submission_files(answer)
    form = None
    if is_member and not refusal:
        initial = {"description": answer.description, "links": answer.links} if answer else None
        form = SubmissionForm(
            request.POST or None,
            request.FILES or None,
            initial=initial,
            existing=len(files),
        )
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                services.submission_save(
                    team=team,
                    by=request.user,
                    description=data["description"],
                    links=data["links"],
                    files=data["files"],
                )
            except ActionRefused as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _(
                        "Votre réponse est enregistrée. Vous pouvez la modifier jusqu’au "
                        "%(deadline)s."
                    )
                    % {"deadline": deadline_text(event)},
                )
                return redirect("challenges:submission", team.pk)
    elif request.method == "POST":
        messages.error(request, refusal)
        return redirect("challenges:submission", team.pk)
    context = {
        "team": team,
        "event": event,
        "submission": answer,
        "files": files,
        "is_member": is_member,
        "refusal": refusal,
        "form": form,
        "deadline": deadline_text(event),
        "after_event": followup.after_event(request.user, team) if answer else {},
    }
    return render(request, "challenges/submission.html", context)


@login_required
def submission_file(request, pk: int, file_pk: int):
    file = selectors.get_submission_file(request, pk, file_pk)
    try:
        opened = file.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    # Images open in the browser; anything else is downloaded, never rendered by our site.
    response = FileResponse(
        opened,
        as_attachment=file.content_type not in IMAGE_TYPES,
        filename=file.name,
        content_type=file.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def submission_file_remove(request, pk: int, file_pk: int):
    team = selectors.get_team_for_teammate(request, pk)
    file = (
        SubmissionFile.objects.select_related("submission")
        .filter(pk=file_pk, submission__team=team)
        .first()
    )
    if file is None:
        raise Http404
    try:
        services.submission_file_remove(file=file, by=request.user)
    except ActionRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("« %(name)s » est retiré de la réponse.") % {"name": file.name})
    return redirect("challenges:submission", team.pk)


@login_required
def submissions(request, pk: int):
    """The organiser's list of the teams' answers; each opens once the deadline has passed."""
    event = selectors.get_event_for_organiser(request, pk)
    context = {
        "event": event,
        "page": selectors.submissions_of(event, page=request.GET.get("page")),
        "deadline": deadline_text(event),
        "deadline_passed": timezone.now() >= event.submission_deadline,
    }
    return render(request, "challenges/submissions.html", context)
