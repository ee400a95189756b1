"""After the event: the association turns a team's answer into a mission; the organiser sees
which answers became missions (« Suites de la nuit »)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.errors import ActionRefused

from . import followup, selectors


def _visible_answer(request, pk: int):
    """The team `pk` and its answer, for whoever may read that answer; else 404."""
    team = selectors.get_team_for_submission(request, pk)
    answer = selectors.submission_of(team)
    if answer is None:
        raise Http404
    answer.team = team
    if not selectors.can_see_submission(request.user, answer):
        raise Http404
    return team, answer


@login_required
def answer_to_mission(request, pk: int):
    """The confirmation page (GET), then the one click (POST)."""
    team, answer = _visible_answer(request, pk)
    refusal = followup.answer_to_mission_refusal(team, request.user)
    if request.method == "POST" and not refusal:
        try:
            mission = followup.answer_to_mission(team=team, by=request.user)
        except ActionRefused as error:  # done by another admin in the meantime
            refusal = str(error)
        else:
            messages.success(
                request,
                _(
                    "La mission est créée en brouillon et l’équipe y est invitée. Relisez-la "
                    "puis envoyez-la : ses membres pourront la rejoindre une fois publiée."
                ),
            )
            return redirect("missions:wizard", pk=mission.pk, step=1)
    context = {
        "team": team,
        "event": team.event,
        "submission": answer,
        "members": selectors.members_of(team),
        "refusal": refusal,
    }
    # A refused click gets the page again, saying why (403: the action is not hers to do).
    status = 403 if request.method == "POST" else 200
    return render(request, "challenges/answer_to_mission.html", context, status=status)


@login_required
def followups(request, pk: int):
    """« Suites de la nuit »: which challenges became missions, and where those stand."""
    event = selectors.get_event_for_organiser(request, pk)
    context = {"event": event, "teams": followup.followups(event)}
    return render(request, "challenges/followups.html", context)
