"""After the event: « turn this answer into a mission », and what became of the answers.

The association that posed a challenge may, once the results are out, turn one team's
answer into a draft mission of its own, in one click: the mission takes the challenge's
words and the team's answer (so the agreement each member confirms later, drafted from the
mission, starts from the submission), the challenge's template's skills, and the team is
invited. This is also when the association gets a licence on the answer (the event's
rights): not before, and not without the team saying yes.
"""

from django.db import transaction
from django.utils.translation import gettext as _

import audit
from accounts.models import User
from core.errors import ActionRefused
from engagements.services import invitations_for_team
from missions.lifecycle import PUBLIC
from missions.models import Mission
from missions.services import mission_create
from organizations.selectors import is_admin

from .models import Event, Registration, Submission, Team

RESULTS_OUT = (Event.Status.RESULTS, Event.Status.CLOSED)


def answer_to_mission_refusal(team: Team, user) -> str:
    """Why `user` may not turn `team`'s answer into a mission now ("" when she may)."""
    challenge = team.challenge
    if challenge is None or not user.is_authenticated or not is_admin(user, challenge.association):
        return _(
            "Seul·e un·e responsable de l’association qui a posé le défi peut transformer "
            "cette réponse en mission."
        )
    if team.event.status not in RESULTS_OUT:
        return _("Les résultats de l’événement ne sont pas encore publiés.")
    if not Submission.objects.filter(team=team).exists():
        return _("Cette équipe n’a pas remis de réponse.")
    if team.mission_id is not None:
        return _("Cette réponse est déjà devenue une mission.")
    return ""


def after_event(user, team: Team) -> dict:
    """What the answer's page offers after the event: the button for the association's
    admins, or the mission it became."""
    if team.event.status not in RESULTS_OUT:
        return {}
    if team.mission_id is not None:
        return {"mission": team.mission}
    return {"to_mission": not answer_to_mission_refusal(team, user)}


def _need(team: Team, submission: Submission) -> str:
    challenge = team.challenge
    assert challenge is not None
    return "\n\n".join(
        part
        for part in (
            challenge.context.strip(),
            _("La réponse de l’équipe « %(team)s » :") % {"team": team.name},
            submission.description.strip(),
        )
        if part
    )


def _deliverables(challenge, submission: Submission) -> str:
    lines = [challenge.good_answer.strip()] if challenge.good_answer.strip() else []
    lines += submission.link_list
    return "\n".join(lines)


@transaction.atomic
def answer_to_mission(*, team: Team, by: User) -> Mission:
    team = (
        Team.objects.select_for_update(of=("self",))
        .select_related("event", "challenge__association", "challenge__template")
        .get(pk=team.pk)
    )
    refusal = answer_to_mission_refusal(team, by)
    if refusal:
        raise ActionRefused(refusal)
    challenge = team.challenge
    assert challenge is not None
    submission = Submission.objects.get(team=team)
    mission = mission_create(
        organization=challenge.association,
        template=challenge.template,
        by=by,
        need=_need(team, submission),
    )
    members = [
        registration.student
        for registration in Registration.objects.filter(team=team)
        .select_related("student")
        .order_by("pk")
    ]
    mission.title = challenge.title
    mission.deliverables = _deliverables(challenge, submission)
    mission.team_size = max(len(members), 1)
    mission.save(update_fields=["title", "deliverables", "team_size"])
    team.mission = mission
    team.save(update_fields=["mission"])
    invitations_for_team(
        mission=mission,
        volunteers=members,
        by=by,
        message=_(
            "Votre réponse au défi « %(challenge)s » devient une mission : nous aimerions la "
            "réaliser avec vous."
        )
        % {"challenge": challenge.title},
    )
    audit.log(actor=by, verb="team.answer_to_mission", target=team, data={"mission": mission.pk})
    return mission


def followups(event: Event) -> list[Team]:
    """The teams of `event` whose answer became a mission, with that mission (one query);
    `mission_is_public` says whether its page may be linked (a draft's is its association's)."""
    teams = list(
        Team.objects.filter(event=event, mission__isnull=False)
        .select_related("challenge__association", "mission")
        .order_by("challenge__title", "name", "pk")
    )
    for team in teams:
        team.mission_is_public = team.mission is not None and team.mission.status in PUBLIC
    return teams
