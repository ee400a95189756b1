"""The jury: invitations, rubric, assignments with conflicts of interest, scores, second round
and the publication of the ranked results."""

import pytest

from accounts.tests.factories import UserFactory
from audit.models import AuditEvent
from challenges import jury
from challenges.models import (
    Assignment,
    Event,
    Juror,
    Score,
)
from challenges.selectors import can_see_submission
from challenges.signals import results_published
from core.errors import ActionRefused
from schools.tests.factories import CohortFactory, CohortMembershipFactory

from .factories import ChallengeFactory
from .jury_helpers import make_team, seat

pytestmark = pytest.mark.django_db


def teams(event):
    return {t.name: t for t in event.teams.all()}


def score_all(assignment, user, value, comment="Bien vu"):
    criteria = list(assignment.juror.event.criteria.all())
    return jury.score_save(
        assignment=assignment,
        by=user,
        values={c.pk: value for c in criteria},
        comments={c.pk: comment for c in criteria},
    )


def test_invitation_mails_a_link_and_only_the_invited_address_accepts(night, sophie, camille):
    juror = jury.juror_invite(event=night, by=sophie, email="Camille@Example.org")
    assert juror.email == "camille@example.org"
    assert AuditEvent.objects.filter(verb="juror.invited").exists()
    stranger = UserFactory(email="autre@example.org")
    with pytest.raises(jury.JurorInvitationForSomeoneElse):
        jury.juror_accept(juror=juror, user=stranger)
    accepted = jury.juror_accept(juror=juror, user=camille)
    assert accepted.is_active and accepted.user == camille
    with pytest.raises(ActionRefused):
        jury.juror_invite(event=night, by=sophie, email="camille@example.org")


def test_the_invitation_email_is_queued(night, sophie):
    from core.models import OutgoingEmail

    jury.juror_invite(event=night, by=sophie, email="nouvelle@example.org")
    assert OutgoingEmail.objects.filter(
        to="nouvelle@example.org", template="jury_invitation"
    ).exists()


def test_the_rubric_is_refused_once_judging_started(night, event, sophie):
    with pytest.raises(ActionRefused, match="La délibération a commencé"):
        jury.criterion_save(event=night, by=sophie, name="Esthétique")
    Event.objects.filter(pk=night.pk).update(status=Event.Status.RUNNING)
    night.refresh_from_db()
    criterion = jury.criterion_save(event=night, by=sophie, name="Esthétique", weight=3)
    assert criterion.order == 2 and criterion.weight == 3


def test_assign_all_refuses_conflicts_with_their_reason(night, sophie, camille, yacine, paul, lea):
    school_of_paul = paul.memberships.get().organization
    CohortMembershipFactory(cohort=CohortFactory(school=school_of_paul), student=lea)
    for user in (camille, yacine, paul):
        seat(night, user, sophie)
    created, refused = jury.assign(event=night, by=sophie)
    pairs = {(a.juror.user.full_name, a.team.name) for a in created}
    assert pairs == {
        ("Camille Roux", "Les Colibris"),
        ("Camille Roux", "Les Hérons"),
        ("Paul Garnier", "Les Colibris"),
        ("Yacine Haddad", "Les Hérons"),
    }
    reasons = {(r.juror.user.full_name, r.team.name): r.reason for r in refused}
    assert (
        reasons[("Yacine Haddad", "Les Colibris")] == "L’équipe répond au défi de son association."
    )
    assert (
        reasons[("Paul Garnier", "Les Hérons")] == "Un·e membre de l’équipe étudie dans son école."
    )


def test_a_team_member_never_judges_her_team(night, sophie, ines):
    juror = seat(night, ines, sophie)
    _created, refused = jury.assign(event=night, by=sophie, jurors=[juror])
    assert [r.reason for r in refused if r.team.name == "Les Colibris"] == [
        "Elle ou il fait partie de cette équipe."
    ]


def test_a_declared_conflict_removes_the_assignment(night, sophie, camille):
    juror = seat(night, camille, sophie)
    jury.assign(event=night, by=sophie)
    herons = teams(night)["Les Hérons"]
    jury.conflict_declare(juror=juror, team=herons, reason="Je connais Léa", by=camille)
    assert not Assignment.objects.filter(juror=juror, team=herons).exists()
    _created, refused = jury.assign(event=night, by=sophie)
    assert refused[0].reason == "Conflit d’intérêts déclaré : Je connais Léa"


def test_scores_are_saved_only_by_the_assigned_juror_during_judging(night, sophie, camille, lea):
    seat(night, camille, sophie)
    created, _refused = jury.assign(event=night, by=sophie)
    assignment = created[0]
    with pytest.raises(ActionRefused, match="Seul·e la ou le juré·e"):
        score_all(assignment, lea, 4)
    saved = score_all(assignment, camille, 4)
    assert len(saved) == 2
    score_all(assignment, camille, 5)  # revised, not duplicated
    assert Score.objects.filter(assignment=assignment).count() == 2
    assert set(Score.objects.values_list("value", flat=True)) == {5}
    with pytest.raises(ActionRefused, match="de 1 à 5"):
        score_all(assignment, camille, 6)


def test_publication_waits_for_every_assignment(night, sophie, camille):
    seat(night, camille, sophie)
    created, _refused = jury.assign(event=night, by=sophie)
    score_all(created[0], camille, 4)
    with pytest.raises(ActionRefused, match="1 notation"):
        jury.results_publish(event=night, by=sophie)
    jury.assignment_skip(assignment=created[1], by=sophie)
    jury.results_publish(event=night, by=sophie)
    assert Event.objects.get(pk=night.pk).status == Event.Status.RESULTS


def test_publication_ranks_gives_prizes_and_tells_the_listeners(
    night, sophie, camille, paul, django_capture_on_commit_callbacks
):
    seat(night, camille, sophie)
    seat(night, paul, sophie)
    created, _refused = jury.assign(event=night, by=sophie)
    for assignment in created:
        value = 5 if assignment.team.name == "Les Hérons" else 3
        score_all(assignment, assignment.juror.user, value)
    heard = []
    results_published.connect(lambda sender, event, **kw: heard.append(event.pk), weak=False)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            jury.results_publish(event=night, by=sophie, prizes={1: "Prix du jury", 2: "Mention"})
    finally:
        results_published.receivers = results_published.receivers[:-1]
    by_name = teams(night)
    assert (by_name["Les Hérons"].rank, by_name["Les Hérons"].prize) == (1, "Prix du jury")
    assert (by_name["Les Colibris"].rank, by_name["Les Colibris"].prize) == (2, "Mention")
    assert heard == [night.pk]
    assert AuditEvent.objects.filter(verb="event.announced").exists()
    with pytest.raises(ActionRefused, match="Les résultats sont publiés"):
        score_all(created[0], created[0].juror.user, 1)


def test_the_second_round_decides_the_finalists_order(night, sophie, camille, association):
    Event.objects.filter(pk=night.pk).update(finalists_count=2)
    night.refresh_from_db()
    third = make_team(night, "Les Mésanges", [UserFactory()], ChallengeFactory(event=night))
    seat(night, camille, sophie)
    created, _ = jury.assign(event=night, by=sophie)
    first = {"Les Colibris": 5, "Les Hérons": 4, "Les Mésanges": 2}
    for assignment in created:
        score_all(assignment, camille, first[assignment.team.name])
    finalists = jury.finalists_select(event=night, by=sophie)
    assert {t.name for t in finalists} == {"Les Colibris", "Les Hérons"}
    second = {"Les Colibris": 2, "Les Hérons": 5}
    for assignment in Assignment.objects.filter(round=2):
        score_all(assignment, camille, second[assignment.team.name])
    jury.results_publish(event=night, by=sophie)
    ranks = {t.name: t.rank for t in night.teams.all()}
    assert ranks == {"Les Hérons": 1, "Les Colibris": 2, "Les Mésanges": 3}
    assert third.pk


def test_the_event_transition_announce_goes_through_the_jury_guard(night, sophie):
    from challenges.services import event_transition

    with pytest.raises(ActionRefused, match="aucune réponse"):
        event_transition(event=night, action="announce", by=sophie)


def test_jurors_see_their_assigned_submissions_during_judging(night, sophie, camille, bruno):
    seat(night, camille, sophie)
    created, _ = jury.assign(event=night, by=sophie, teams=[teams(night)["Les Hérons"]])
    herons, colibris = teams(night)["Les Hérons"], teams(night)["Les Colibris"]
    assert can_see_submission(camille, herons.submission)
    assert not can_see_submission(camille, colibris.submission)
    assert not can_see_submission(bruno, herons.submission)


def test_a_jurors_erasure_keeps_her_scores_anonymous(night, sophie, camille):
    juror = seat(night, camille, sophie)
    created, _ = jury.assign(event=night, by=sophie)
    score_all(created[0], camille, 4, comment="Très clair")
    exported = jury.jury_export(camille)
    assert exported["jury"][0]["scores"][0]["comment"] == "Très clair"
    jury.jury_erase(user=camille)
    juror.refresh_from_db()
    assert juror.user is None and juror.email == ""
    assert Score.objects.filter(assignment__juror=juror).count() == 2


def test_the_app_exports_and_erases_a_jurors_data(night, sophie, camille):
    from django.apps import apps

    seat(night, camille, sophie)
    created, _ = jury.assign(event=night, by=sophie)
    score_all(created[0], camille, 3, comment="À retravailler")
    config = apps.get_app_config("challenges")
    assert config.personal_data(camille)["jury"][0]["event"] == night.title
    config.erase_personal_data(camille)
    assert not Juror.objects.filter(user=camille).exists()
    assert Score.objects.filter(comment="À retravailler").exists()  # the result stands
