"""The diagnosis pages: who may see them, taking it screen by screen, saving halfway and
resuming, the results with their plan, retaking and the history."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from diagnosis import selectors
from diagnosis.models import Answer, Diagnosis
from diagnosis.tests.helpers import answer_all, choices_for
from missions.models import Mission, Status
from organizations.tests.factories import MembershipFactory, OrganizationFactory

pytestmark = pytest.mark.usefixtures("loaded")


def step_url(diagnosis, number):
    return reverse("diagnosis:step", args=[diagnosis.organization.slug, diagnosis.pk, number])


def results_url(diagnosis):
    return reverse("diagnosis:results", args=[diagnosis.organization.slug, diagnosis.pk])


def screen(number, overrides=None, *, default="middle"):
    """The POST data of screen `number`: its questions answered."""
    axis = selectors.questionnaire().axes[number - 1]
    chosen = choices_for(overrides, default=default)
    return {q.slug: chosen[q].pk for q in axis.active_questions}


# --- Who may see what ----------------------------------------------------------------------
def test_anonymous_visitors_are_sent_to_the_login_page(client, association, done):
    for url in [
        reverse("diagnosis:home", args=[association.slug]),
        reverse("diagnosis:history", args=[association.slug]),
        results_url(done),
        reverse("diagnosis:summary", args=[association.slug, done.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith("/account/login/")


def test_only_members_of_the_association_see_its_diagnosis(client, association, done, yacine):
    from django.test import Client

    from accounts.tests.factories import UserFactory

    outsider = UserFactory()
    MembershipFactory(user=outsider)  # a member of another association
    urls = [
        reverse("diagnosis:home", args=[association.slug]),
        reverse("diagnosis:history", args=[association.slug]),
        results_url(done),
        reverse("diagnosis:summary", args=[association.slug, done.pk]),
    ]
    member = Client()
    member.force_login(yacine)
    client.force_login(outsider)
    for url in urls:
        assert member.get(url).status_code == 200, url
        assert client.get(url).status_code == 403, url
    assert client.post(reverse("diagnosis:start", args=[association.slug])).status_code == 403
    assert client.post(reverse("diagnosis:dismiss", args=[association.slug])).status_code == 403
    assert Diagnosis.objects.count() == 1


def test_a_diagnosis_is_not_found_under_another_association(client, bruno, done):
    client.force_login(bruno)
    other = bruno.memberships.get().organization

    response = client.get(reverse("diagnosis:results", args=[other.slug, done.pk]))

    assert response.status_code == 404


def test_schools_have_no_diagnosis(client, martine):
    school = OrganizationFactory()
    MembershipFactory(organization=school, user=martine, role="admin")
    client.force_login(martine)

    assert client.get(reverse("diagnosis:home", args=[school.slug])).status_code == 404


def test_an_unknown_screen_is_not_found(client, martine, association):
    client.force_login(martine)
    client.post(reverse("diagnosis:start", args=[association.slug]))
    diagnosis = Diagnosis.objects.get()

    assert client.get(step_url(diagnosis, 7)).status_code == 404
    assert client.get(step_url(diagnosis, 0)).status_code == 404


# --- Taking it -----------------------------------------------------------------------------
def test_martine_takes_the_diagnosis_screen_by_screen_and_sees_her_results(
    client, martine, association
):
    client.force_login(martine)
    response = client.get(reverse("diagnosis:home", args=[association.slug]))
    assert "6 petites étapes" in response.text

    response = client.post(reverse("diagnosis:start", args=[association.slug]))
    diagnosis = Diagnosis.objects.get()
    assert response.url == step_url(diagnosis, 1)
    assert diagnosis.started_by == martine

    page = client.get(step_url(diagnosis, 1)).text
    assert "Étape 1 sur 6" in page
    assert "<legend>Votre association a-t-elle un site internet\u00a0?" in page
    assert "Même un petit site d’une page compte." in page

    overrides = {"website": "none", "social-media": "none"}
    for number in range(1, 7):
        response = client.post(step_url(diagnosis, number), screen(number, overrides))
        if number < 6:
            assert response.url == step_url(diagnosis, number + 1)
    assert response.url == results_url(diagnosis)

    diagnosis.refresh_from_db()
    assert diagnosis.completed_at is not None
    assert diagnosis.scores["communication"] < 40
    assert Answer.objects.filter(diagnosis=diagnosis).count() == 21
    page = client.get(response.url).text
    assert 'role="img"' in page and '<title id="diag-chart-title">' in page
    assert "Communication et visibilité : <strong>" in page
    assert "Les personnes qui vous cherchent ont du mal à vous trouver" in page
    assert page.count("Créer cette mission") == 3
    assert "Étape 1 : Page sur les réseaux sociaux et calendrier de publications sur 3 mois" in page
    assert "Votre association n’est pas présente sur les réseaux sociaux." in page


def test_a_screen_with_an_unanswered_question_says_so_and_keeps_the_answers(
    client, martine, association
):
    client.force_login(martine)
    client.post(reverse("diagnosis:start", args=[association.slug]))
    diagnosis = Diagnosis.objects.get()
    data = screen(1)
    del data["logo"]

    response = client.post(step_url(diagnosis, 1), data)

    assert response.status_code == 200
    assert "Choisissez une réponse, même approximative." in response.text
    assert re.search(
        f'value="{data["website"]}" id="id_website_\\d" required checked', response.text
    )
    assert not Answer.objects.exists()  # a screen moves on only when complete


def test_an_answer_from_another_question_is_refused(client, martine, association):
    client.force_login(martine)
    client.post(reverse("diagnosis:start", args=[association.slug]))
    diagnosis = Diagnosis.objects.get()
    data = screen(1)
    data["website"] = screen(2)["donations"]

    response = client.post(step_url(diagnosis, 1), data)

    assert "Choisissez une des réponses proposées." in response.text
    assert not Answer.objects.exists()


def test_saving_halfway_keeps_the_answers_and_reopening_resumes_at_the_first_gap(
    client, martine, yacine, association
):
    client.force_login(martine)
    client.post(reverse("diagnosis:start", args=[association.slug]))
    diagnosis = Diagnosis.objects.get()
    client.post(step_url(diagnosis, 1), screen(1))
    partial = screen(2)
    del partial["news"]

    response = client.post(step_url(diagnosis, 2), {**partial, "action": "later"})

    assert response.url == reverse("diagnosis:home", args=[association.slug])
    assert Answer.objects.filter(diagnosis=diagnosis).count() == 4 + 3
    page = client.get(response.url).text
    assert "Vos réponses sont enregistrées" in page
    assert "Reprendre à l’étape 2" in page

    # Yacine, of the same association, picks it up where it was left.
    client.force_login(yacine)
    response = client.get(reverse("diagnosis:resume", args=[association.slug]))
    assert response.url == step_url(diagnosis, 2)
    assert client.post(reverse("diagnosis:start", args=[association.slug])).url == step_url(
        diagnosis, 2
    )
    assert Diagnosis.objects.count() == 1


def test_going_back_a_screen_keeps_what_was_ticked(client, martine, association):
    client.force_login(martine)
    client.post(reverse("diagnosis:start", args=[association.slug]))
    diagnosis = Diagnosis.objects.get()
    partial = screen(2)
    del partial["donations"]

    response = client.post(step_url(diagnosis, 2), {**partial, "action": "back"})

    assert response.url == step_url(diagnosis, 1)
    assert Answer.objects.filter(diagnosis=diagnosis).count() == 3


def test_results_wait_for_every_screen(client, martine, association):
    client.force_login(martine)
    client.post(reverse("diagnosis:start", args=[association.slug]))
    diagnosis = Diagnosis.objects.get()
    for number in (1, 2, 4, 5):
        client.post(step_url(diagnosis, number), screen(number))

    response = client.post(step_url(diagnosis, 6), screen(6))

    assert response.url == step_url(diagnosis, 3)
    assert "Il reste des questions sans réponse à l’étape 3" in client.get(response.url).text
    diagnosis.refresh_from_db()
    assert diagnosis.completed_at is None
    response = client.get(results_url(diagnosis))
    assert response.url == reverse("diagnosis:resume", args=[association.slug])


def test_a_finished_diagnosis_no_longer_changes(client, martine, association, done):
    client.force_login(martine)
    before = dict(Answer.objects.filter(diagnosis=done).values_list("question_id", "choice_id"))

    response = client.post(step_url(done, 1), screen(1, default="best"))

    assert response.url == results_url(done)
    after = dict(Answer.objects.filter(diagnosis=done).values_list("question_id", "choice_id"))
    assert after == before


# --- The plan ------------------------------------------------------------------------------
def plan_url(diagnosis, template):
    return reverse(
        "diagnosis:plan_mission", args=[diagnosis.organization.slug, diagnosis.pk, template]
    )


def test_one_click_makes_a_complete_mission_written_from_the_answers(
    client, martine, association, done
):
    client.force_login(martine)
    page = client.get(results_url(done)).text
    assert f'action="{plan_url(done, "social-media-calendar")}"' in page

    response = client.post(plan_url(done, "social-media-calendar"), follow=True)

    mission = Mission.objects.get()
    assert mission.template.slug == "social-media-calendar"
    assert mission.organization == association
    assert mission.status == Status.DRAFT
    # Nothing left to fill in: the last screen shows it all, ready to send.
    assert mission.wizard_step == 3
    assert response.redirect_chain[-1][0] == reverse("missions:wizard", args=[mission.pk, 3])
    assert "Votre mission est prête" in response.text
    assert "Envoyer ma mission" in response.text
    # The need says what the questionnaire found, quoted, and what the mission brings.
    assert "« Votre association n’est pas présente sur les réseaux sociaux. »" in mission.need
    assert "Ce que cette mission nous apportera" in mission.need
    assert "« Votre association n’est pas présente sur les réseaux sociaux. »" in response.text

    client.post(
        reverse("missions:wizard", args=[mission.pk, 3]),
        {
            "end_date": mission.end_date.isoformat(),
            "work_mode": "remote",
            "licence": "free_use",
            "action": "submit",
        },
    )
    mission.refresh_from_db()
    assert mission.status == Status.OPEN  # Martine's association is verified


def test_a_second_click_shows_the_same_mission_and_the_plan_shows_the_step_done(
    client, martine, association, done
):
    client.force_login(martine)
    client.post(plan_url(done, "social-media-calendar"))

    response = client.post(plan_url(done, "social-media-calendar"), follow=True)

    mission = Mission.objects.get()  # still one
    assert response.redirect_chain[-1][0] == reverse("missions:wizard", args=[mission.pk, 3])
    assert "Vous avez déjà créé cette mission" in response.text

    page = client.get(results_url(done)).text
    assert page.count("Créer cette mission") == 2
    assert "Mission créée, pas encore envoyée." in page
    assert reverse("missions:wizard", args=[mission.pk, 3]) in page

    Mission.objects.filter(pk=mission.pk).update(status=Status.SUBMITTED)
    page = client.get(results_url(done)).text
    assert "Fait : mission en attente de validation." in page
    assert reverse("missions:detail", args=[mission.pk]) in page


def test_a_template_outside_the_plan_is_refused(client, martine, done):
    client.force_login(martine)

    response = client.post(plan_url(done, "impact-dashboard"))

    assert response.status_code == 404
    assert not Mission.objects.exists()


def test_an_outsider_cannot_make_a_mission_for_the_association(client, bruno, done):
    client.force_login(bruno)

    response = client.post(plan_url(done, "social-media-calendar"))

    assert response.status_code == 403
    assert not Mission.objects.exists()


def test_with_several_associations_the_mission_goes_to_the_diagnosed_one(
    client, martine, association, done
):
    from organizations.tests.factories import AssociationFactory

    MembershipFactory(organization=AssociationFactory(name="Amicale"), user=martine)
    client.force_login(martine)

    client.post(plan_url(done, "showcase-website"))

    assert Mission.objects.get().organization == association


# --- Retaking and history ------------------------------------------------------------------
def test_retaking_starts_from_the_last_answers_and_shows_the_progress(client, martine, association):
    first = answer_all(association, martine, {"website": "none", "social-media": "none"})
    Diagnosis.objects.filter(pk=first.pk).update(
        started_at=timezone.now() - datetime.timedelta(days=90),
        completed_at=timezone.now() - datetime.timedelta(days=90),
    )
    client.force_login(martine)

    client.post(reverse("diagnosis:start", args=[association.slug]))
    second = Diagnosis.objects.exclude(pk=first.pk).get()
    page = client.get(step_url(second, 1)).text
    assert "Nous avons coché vos réponses du" in page
    none = next(
        c for q in choices_for() if q.slug == "website" for c in q.all_choices if c.value == "none"
    )
    assert f'value="{none.pk}" id="id_website_2" required checked' in page
    overrides = {"website": "up-to-date", "social-media": "regularly"}
    for number in range(1, 7):
        response = client.post(step_url(second, number), screen(number, overrides))

    page = client.get(response.url).text
    second.refresh_from_db()
    gained = second.scores["communication"] - first.scores["communication"]
    assert gained > 0
    assert f"+{gained} points depuis la dernière fois" in page
    assert "Le trait : votre score du" in page

    page = client.get(reverse("diagnosis:history", args=[association.slug])).text
    assert page.count("Voir les résultats du") == 2
    assert f"+{second.overall - first.overall} par rapport au précédent" in page

    page = client.get(results_url(first)).text
    assert "Ce n’est pas votre dernier bilan." in page
    assert "Refaire le bilan" not in page


def test_results_and_history_take_the_same_queries_however_long_the_history(
    client, martine, association, django_assert_max_num_queries
):
    client.force_login(martine)
    first = answer_all(association, martine)
    with django_assert_max_num_queries(40) as few:
        client.get(results_url(first))
        client.get(reverse("diagnosis:history", args=[association.slug]))

    for _ in range(4):
        latest = answer_all(association, martine, default="best")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(results_url(latest))
        client.get(reverse("diagnosis:history", args=[association.slug]))


def test_the_history_is_paginated(client, martine, association):
    diagnoses = Diagnosis.objects.bulk_create(
        Diagnosis(
            organization=association,
            started_at=timezone.now() - datetime.timedelta(days=n),
            completed_at=timezone.now() - datetime.timedelta(days=n),
            overall=n,
        )
        for n in range(1, 23)
    )
    client.force_login(martine)

    first = client.get(reverse("diagnosis:history", args=[association.slug])).text
    second = client.get(reverse("diagnosis:history", args=[association.slug]) + "?page=2").text

    assert first.count("Voir les résultats du") == 20
    assert second.count("Voir les résultats du") == 2
    assert "Page 2 sur 2" in second
    # The last of page one is compared with the first of page two.
    assert "-1 par rapport au précédent" in first
    assert len(diagnoses) == 22
    tagged = client.get(
        reverse("diagnosis:history", args=[association.slug]), {"utm_source": "digest"}
    ).text
    assert 'href="?utm_source=digest&amp;page=2"' in tagged  # the rest of the address stays


def test_a_lower_score_says_how_many_points_were_lost(client, martine, association):
    first = answer_all(association, martine, default="best")
    Diagnosis.objects.filter(pk=first.pk).update(
        completed_at=timezone.now() - datetime.timedelta(days=30)
    )
    second = answer_all(association, martine, {"website": "outdated"}, default="best")
    client.force_login(martine)

    page = client.get(results_url(second)).text

    lost = first.scores["communication"] - second.scores["communication"]
    assert f"-{lost} points depuis la dernière fois" in page
    assert f"Soit -{first.overall - second.overall} points depuis le" in page
    assert page.count("Pas de changement depuis la dernière fois") == 5


def test_the_history_before_any_finished_check_up_says_so(client, martine, association):
    client.force_login(martine)
    client.post(reverse("diagnosis:start", args=[association.slug]))  # begun, not finished

    page = client.get(reverse("diagnosis:history", args=[association.slug]))

    assert page.status_code == 200
    assert "Votre association n’a pas encore terminé de bilan." in page.text
