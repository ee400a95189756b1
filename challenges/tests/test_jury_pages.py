"""The jury's pages, as the organiser, a juror and the public use them (no JavaScript)."""

import pytest

from challenges import jury
from challenges.models import Assignment, Event, Juror, Score, Team

from .jury_helpers import seat

pytestmark = pytest.mark.django_db


def test_the_organiser_invites_a_juror_and_adds_criteria_before_judging(client, night, sophie):
    client.force_login(sophie)
    response = client.post(f"/challenges/{night.pk}/jury/invite/", {"email": "nouveau@example.org"})
    assert response.status_code == 302
    assert Juror.objects.filter(event=night, email="nouveau@example.org").exists()
    response = client.post(f"/challenges/{night.pk}/jury/invite/", {"email": "pas-une-adresse"})
    assert response.status_code == 200
    assert "pas-une-adresse" in response.content.decode()  # what was typed is kept
    page = client.get(f"/challenges/{night.pk}/jury/").content.decode()
    assert "La délibération a commencé : la grille du jury ne peut plus être modifiée." in page


def test_the_invitation_link_lets_a_newcomer_log_in_then_accept(client, night, sophie, camille):
    juror = jury.juror_invite(event=night, by=sophie, email=camille.email)
    url = f"/challenges/jury/{juror.token}/"
    page = client.get(url).content.decode()
    assert "Créer mon compte" in page
    assert client.post(url).status_code == 302  # to the login page
    client.force_login(camille)
    assert client.get(url).status_code == 200
    juror.refresh_from_db()
    assert juror.user is None  # a GET never accepts
    response = client.post(url, {"answer": "accept"})
    assert response.status_code == 302
    juror.refresh_from_db()
    assert juror.user == camille


def test_the_juror_scores_one_answer_at_a_time_and_sees_her_progress(
    client, night, sophie, camille
):
    seat(night, camille, sophie)
    created, _ = jury.assign(event=night, by=sophie)
    client.force_login(camille)
    listing = client.get(f"/challenges/{night.pk}/scoring/").content.decode()
    assert "0 notée(s) sur 2" in listing
    first = created[0]
    page = client.get(f"/challenges/scores/{first.pk}/").content.decode()
    assert 'type="radio"' in page and "Notre réponse" in page
    criteria = list(night.criteria.all())
    incomplete = {f"value_{criteria[0].pk}": "4", f"comment_{criteria[0].pk}": "Très clair"}
    response = client.post(f"/challenges/scores/{first.pk}/", incomplete)
    assert response.status_code == 200
    assert "Choisissez une note de 1 à 5." in response.content.decode()
    assert "Très clair" in response.content.decode()
    data = {**incomplete, f"value_{criteria[1].pk}": "5"}
    response = client.post(f"/challenges/scores/{first.pk}/", data)
    assert response.status_code == 302
    assert response.url == f"/challenges/scores/{created[1].pk}/"
    assert Score.objects.filter(assignment=first).count() == 2
    assert "1 notée(s) sur 2" in client.get(f"/challenges/{night.pk}/scoring/").content.decode()


def test_a_juror_declares_a_conflict_from_the_scoring_page(client, night, sophie, camille):
    seat(night, camille, sophie)
    created, _ = jury.assign(event=night, by=sophie)
    client.force_login(camille)
    response = client.post(
        f"/challenges/scores/{created[0].pk}/conflict/", {"reason": "Ma nièce est dans l’équipe"}
    )
    assert response.status_code == 302
    assert not Assignment.objects.filter(pk=created[0].pk).exists()
    client.force_login(sophie)
    page = client.get(f"/challenges/{night.pk}/jury/").content.decode()
    assert "Conflit d’intérêts déclaré : Ma nièce est dans l’équipe" in page


def test_someone_else_gets_a_404_on_the_scoring_pages(client, night, sophie, camille, lea):
    seat(night, camille, sophie)
    created, _ = jury.assign(event=night, by=sophie)
    client.force_login(lea)
    assert client.get(f"/challenges/scores/{created[0].pk}/").status_code == 404
    assert client.get(f"/challenges/{night.pk}/scoring/").status_code == 404
    assert client.get(f"/challenges/{night.pk}/jury/").status_code == 404


def test_publication_shows_ranks_prizes_and_comments_without_juror_names(
    client, night, sophie, camille, django_assert_max_num_queries
):
    seat(night, camille, sophie)
    created, _ = jury.assign(event=night, by=sophie)
    for assignment in created:
        value = 5 if assignment.team.name == "Les Hérons" else 3
        criteria = list(night.criteria.all())
        jury.score_save(
            assignment=assignment,
            by=camille,
            values={c.pk: value for c in criteria},
            comments={c.pk: f"Avis sur {assignment.team.name}" for c in criteria},
        )
    client.force_login(sophie)
    assert client.get(f"/challenges/{night.pk}/results/").status_code == 404
    response = client.post(
        f"/challenges/{night.pk}/jury/publish/", {"prize_1": "Prix du jury", "prize_2": ""}
    )
    assert response.status_code == 302
    assert Event.objects.get(pk=night.pk).status == Event.Status.RESULTS
    assert Team.objects.get(name="Les Hérons").prize == "Prix du jury"
    client.logout()
    with django_assert_max_num_queries(12):
        page = client.get(f"/challenges/{night.pk}/results/").content.decode()
    assert page.index("Les Hérons") < page.index("Les Colibris")
    assert "Avis sur Les Hérons" in page and "Prix du jury" in page
    assert "Camille" not in page


def test_the_organiser_picks_one_answer_for_one_juror_and_a_conflict_is_refused(
    client, night, sophie, camille, yacine
):
    camille_seat, yacine_seat = seat(night, camille, sophie), seat(night, yacine, sophie)
    teams = {t.name: t for t in night.teams.all()}
    client.force_login(sophie)
    url = f"/challenges/{night.pk}/jury/assign-one/"
    client.post(url, {"juror": camille_seat.pk, "team": teams["Les Hérons"].pk})
    assert list(Assignment.objects.values_list("juror__user__full_name", "team__name")) == [
        ("Camille Roux", "Les Hérons")
    ]
    response = client.post(
        url, {"juror": yacine_seat.pk, "team": teams["Les Colibris"].pk}, follow=True
    )
    assert "L’équipe répond au défi de son association." in response.content.decode()
    assert Assignment.objects.count() == 1
