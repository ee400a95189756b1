"""After the event: « turn this answer into a mission », and « Suites de la nuit »."""

import datetime
import itertools

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from audit.models import AuditEvent
from challenges import followup
from challenges.models import Event, Registration, Submission, Team
from core.errors import ActionRefused
from engagements.models import Application
from engagements.services import invitation_answer
from missions.models import Mission, MissionTemplate, Status

from .factories import ChallengeFactory

pytestmark = pytest.mark.django_db
CODES = itertools.count(1)


def _team(event, name, members, challenge, *, rank=None, prize=""):
    team = Team.objects.create(
        event=event,
        name=name,
        code=f"F{next(CODES):05d}",
        leader=members[0],
        challenge=challenge,
        rank=rank,
        prize=prize,
    )
    for member in members:
        Registration.objects.create(
            event=event, student=member, team=team, registered_at=timezone.now()
        )
    now = timezone.now()
    Submission.objects.create(
        team=team,
        description="Une affiche sérigraphiée et trois messages pour Instagram.",
        links="https://example.org/maquette",
        submitted_at=now,
        updated_at=now,
    )
    return team


@pytest.fixture
def challenge(event, association):
    return ChallengeFactory(
        event=event,
        association=association,
        title="Faire connaître l’épicerie solidaire",
        context="Les étudiant·es ne savent pas que nous existons.",
        template=MissionTemplate.objects.get(slug="logo-visual-identity"),
    )


@pytest.fixture
def team(event, challenge, ines, lea):
    Event.objects.filter(pk=event.pk).update(
        status=Event.Status.RESULTS, submission_deadline=timezone.now() - datetime.timedelta(days=1)
    )
    event.refresh_from_db()
    return _team(event, "Les Colibris", [ines, lea], challenge, rank=1, prize="Prix du jury")


@pytest.fixture
def other_team(team, challenge):
    return _team(team.event, "Les Hérons", [UserFactory(full_name="Hugo Petit")], challenge)


def _to_mission(team):
    return reverse("challenges:answer_to_mission", args=[team.pk])


def test_the_association_turns_the_answer_into_a_draft_mission_with_the_team_invited(
    client, team, martine, ines, lea, challenge
):
    client.force_login(martine)
    page = client.get(_to_mission(team)).content.decode()
    assert "ne reçoit une licence d’utilisation que si la réponse devient une mission" in page

    response = client.post(_to_mission(team))

    team.refresh_from_db()
    mission = team.mission
    assert response.status_code == 302
    assert response["Location"] == reverse("missions:wizard", args=[mission.pk, 1])
    assert mission.organization == challenge.association
    assert mission.status == Status.DRAFT
    assert mission.title == "Faire connaître l’épicerie solidaire"
    assert "Les étudiant·es ne savent pas que nous existons." in mission.need
    assert "Une affiche sérigraphiée" in mission.need
    assert "https://example.org/maquette" in mission.deliverables
    assert mission.template == challenge.template
    assert set(mission.required_skills.values_list("skill", flat=True)) <= set(
        challenge.template.skills.values_list("pk", flat=True)
    )
    invited = Application.objects.filter(mission=mission, status=Application.Status.INVITED)
    assert {a.volunteer for a in invited} == {ines, lea}
    assert AuditEvent.objects.filter(verb="team.answer_to_mission", object_id=team.pk).exists()


def test_once_open_the_invited_student_joins_with_the_agreement_drafted_from_the_answer(
    team, martine, lea
):
    mission = followup.answer_to_mission(team=team, by=martine)
    Mission.objects.filter(pk=mission.pk).update(status=Status.OPEN)
    invitation = Application.objects.get(mission=mission, volunteer=lea)

    invitation_answer(application=invitation, by=lea, accept=True)

    agreement = Application.objects.get(pk=invitation.pk).agreement
    assert "Une affiche sérigraphiée" in agreement.scope
    assert "https://example.org/maquette" in agreement.deliverables


def test_twice_is_refused_with_a_message(client, team, martine):
    followup.answer_to_mission(team=team, by=martine)
    client.force_login(martine)

    response = client.post(_to_mission(team))

    assert response.status_code == 403
    assert "Cette réponse est déjà devenue une mission." in response.content.decode()
    assert Mission.objects.count() == 1


def test_before_the_results_it_is_refused(client, team, martine):
    Event.objects.filter(pk=team.event_id).update(status=Event.Status.JUDGING)
    team.refresh_from_db()

    with pytest.raises(ActionRefused, match="pas encore publiés"):
        followup.answer_to_mission(team=team, by=martine)
    assert not Mission.objects.exists()


def test_a_plain_member_of_the_association_sees_why_not(client, team, yacine):
    client.force_login(yacine)

    page = client.get(_to_mission(team)).content.decode()
    client.post(_to_mission(team))

    assert "Seul·e un·e responsable de l’association" in page
    assert not Mission.objects.exists()


def test_the_answer_page_offers_the_button_to_the_association_only(client, team, martine, lea):
    client.force_login(martine)
    assert _to_mission(team) in client.get(team.submission.get_absolute_url()).content.decode()
    client.force_login(lea)
    assert _to_mission(team) not in client.get(team.submission.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("who", "get", "post"),
    [
        ("martine", 200, 302),  # the association's admin
        ("yacine", 200, 403),  # a plain member: the page says why not, the POST is refused
        ("bruno", 404, 404),  # another association
        ("lea", 200, 403),  # a team member: reads her answer, refused
        ("hugo", 404, 404),  # another team
        ("sophie", 200, 403),  # the organiser: refused
        ("paul", 404, 404),  # a stranger
        (None, 302, 302),  # anonymous: to the login
    ],
)
def test_permission_walk(client, request, team, other_team, who, get, post):
    if who == "hugo":
        user = other_team.leader
    elif who:
        user = request.getfixturevalue(who)
    if who:
        client.force_login(user)
    assert client.get(_to_mission(team)).status_code == get
    assert client.post(_to_mission(team)).status_code == post
    expected = 1 if who == "martine" else 0
    assert Mission.objects.count() == expected


def test_the_organiser_sees_which_challenges_became_missions(
    client, team, other_team, martine, sophie, django_assert_max_num_queries
):
    followup.answer_to_mission(team=team, by=martine)
    url = reverse("challenges:followups", args=[team.event_id])
    client.force_login(sophie)

    with django_assert_max_num_queries(15) as few:
        page = client.get(url).content.decode()
    queries = len(few.captured_queries)
    assert "Suites de la nuit" in page
    assert "Les Colibris" in page
    assert "brouillon" in page
    assert url in client.get(team.event.get_absolute_url()).content.decode()

    followup.answer_to_mission(team=other_team, by=martine)
    with django_assert_max_num_queries(queries):
        assert "Les Hérons" in client.get(url).content.decode()


@pytest.mark.parametrize(
    ("who", "status"),
    [("sophie", 200), ("martine", 404), ("lea", 404), ("paul", 404), (None, 302)],
)
def test_followups_are_the_organisers(client, request, team, who, status):
    if who:
        client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("challenges:followups", args=[team.event_id])).status_code == status


def test_the_admin_lands_on_the_draft_and_the_invited_student_reads_her_invitation(
    client, team, martine, lea
):
    client.force_login(martine)
    assert client.post(_to_mission(team), follow=True).status_code == 200
    invitation = Application.objects.get(volunteer=lea)

    client.force_login(lea)
    page = client.get(reverse("engagements:detail", args=[invitation.pk]))

    assert page.status_code == 200
    assert "Faire connaître l’épicerie solidaire" in page.content.decode()
