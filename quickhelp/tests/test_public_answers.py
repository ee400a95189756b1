"""Slice 4: with the association's consent a solved question becomes a public answer,
edited to be impersonal, reviewed by a moderator, then searchable, browsable by topic,
linked from the mission templates and the diagnosis's plan, marked useful, and credited
on its helper's book."""

import pytest
from django.test import Client
from django.urls import reverse

from notifications.models import Notification
from portfolio.models import Portfolio
from quickhelp import services
from quickhelp.models import PublicAnswer, Question
from quickhelp.search import search

from .factories import PublicAnswerFactory, QuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def solved(association, martine, nina):
    question = QuestionFactory(organization=association, asked_by=martine)
    services.answer_write(
        question=question, by=nina, body="Martine, cliquez sous la colonne puis sur Somme (Σ)."
    )
    services.question_solve(question=question, by=martine, thanked=nina)
    return question


def test_consent_then_edit_then_review_then_public(client, solved, martine, nina, staff):
    client.force_login(martine)
    client.post(reverse("quickhelp:consent", args=[solved.pk]))
    public = PublicAnswer.objects.get()
    assert public.helper == nina and public.status == PublicAnswer.Status.DRAFT
    assert "Martine" in public.answer  # the helper's words, to be made impersonal
    assert Notification.objects.filter(user=nina, kind="quickhelp_publication_draft").exists()
    anonymous = Client()
    assert anonymous.get(reverse("quickhelp:answer", args=[public.slug])).status_code == 404
    # The helper removes the name and sends it to review.
    client.force_login(nina)
    client.post(
        reverse("quickhelp:public_edit", args=[public.pk]),
        {
            "title": public.title,
            "situation": "Une trésorière veut le total des cotisations du mois.",
            "answer": "Cliquez sous la colonne puis sur Somme (Σ).",
            "submit": "1",
        },
    )
    public.refresh_from_db()
    assert public.status == PublicAnswer.Status.SUBMITTED and "Martine" not in public.answer
    # She may not publish it herself.
    client.post(reverse("quickhelp:public_review", args=[public.pk]), {"publish": "1"})
    public.refresh_from_db()
    assert public.status == PublicAnswer.Status.SUBMITTED
    client.force_login(staff)
    assert public.title in client.get(reverse("quickhelp:review_queue")).content.decode()
    response = client.post(reverse("quickhelp:public_review", args=[public.pk]), {"publish": "1"})
    assert response.url == reverse("quickhelp:answer", args=[public.slug])
    page = anonymous.get(reverse("quickhelp:answer", args=[public.slug])).content.decode()
    assert "Somme (Σ)" in page and "Martine" not in page


def test_a_moderator_sends_it_back_with_a_note(client, solved, martine, nina, staff):
    public = services.publication_consent(question=solved, by=martine)
    services.public_answer_edit(
        public=public, by=nina, title="T", situation="S", answer="A", submit=True
    )
    client.force_login(staff)
    client.post(
        reverse("quickhelp:public_review", args=[public.pk]),
        {"send_back": "1", "note": "Enlevez le nom de la ville."},
    )
    public.refresh_from_db()
    assert public.status == PublicAnswer.Status.DRAFT
    sent_back = Notification.objects.get(user=nina, kind="quickhelp_sent_back")
    assert "Enlevez le nom de la ville." in sent_back.body


def test_an_unsolved_question_cannot_be_published(client, association, martine):
    question = QuestionFactory(organization=association, asked_by=martine)
    client.force_login(martine)
    client.post(reverse("quickhelp:consent", args=[question.pk]))
    assert not PublicAnswer.objects.exists()


def test_search_finds_published_answers_by_their_words_without_accents(db):
    PublicAnswerFactory(title="Additionner une colonne", answer="Utilisez la fonction Somme.")
    PublicAnswerFactory(
        title="Créer un logo", answer="Deux couleurs suffisent.", status="submitted"
    )
    published = PublicAnswer.objects.filter(status="published")
    assert [p.title for p in search(published, "colonnes")] == ["Additionner une colonne"]
    assert [p.title for p in search(published, "SOMME")] == ["Additionner une colonne"]
    assert list(search(published, "logo")) == []
    assert search(published, "le la") is None


def test_search_finds_a_word_whose_french_stem_is_shorter_than_its_light_stem(db):
    # "cotisation": the light stem "cotisat" is longer than PostgreSQL's French stem of
    # the text ("cotis"); the visitor of the journey searches these very words.
    PublicAnswerFactory(
        title="Comment faire le total des cotisations dans notre tableur ?",
        situation="Une trésorière note chaque cotisation sur une ligne.",
        answer="Cliquez dans la case sous la colonne, puis sur Somme.",
    )
    PublicAnswerFactory(title="Une affiche de communication", answer="Un titre lisible.")
    published = PublicAnswer.objects.filter(status="published")
    found = [p.title for p in search(published, "cotisation colonne")]
    assert found == ["Comment faire le total des cotisations dans notre tableur ?"]
    assert [p.title for p in search(published, "communications")] == [
        "Une affiche de communication"
    ]
    assert list(search(published, "cotisation logo")) == []


def test_the_index_searches_and_browses_by_topic(client, db):
    PublicAnswerFactory(title="Additionner une colonne")
    page = client.get(reverse("quickhelp:index"), {"q": "colonne"}).content.decode()
    assert "Additionner une colonne" in page
    page = client.get(reverse("quickhelp:index"), {"sujet": "graphic-design"}).content.decode()
    assert "Additionner une colonne" not in page
    page = client.get(reverse("quickhelp:index"), {"sujet": "data-office"}).content.decode()
    assert "Additionner une colonne" in page
    partial = client.get(
        reverse("quickhelp:index"), {"q": "colonne"}, headers={"HX-Request": "true"}
    )
    assert "<html" not in partial.content.decode()


def test_a_reader_marks_it_useful_once(client, lea):
    public = PublicAnswerFactory()
    url = reverse("quickhelp:useful", args=[public.slug])
    client.post(url)
    client.post(url)
    public.refresh_from_db()
    assert public.useful_count == 1
    page = client.get(reverse("quickhelp:answer", args=[public.slug])).content.decode()
    assert "votre avis est compté" in page
    client.force_login(lea)
    client.post(url)
    client.post(url)
    public.refresh_from_db()
    assert public.useful_count == 2


def test_the_helper_is_credited_on_her_book(client, solved, martine, nina, staff):
    public = services.publication_consent(question=solved, by=martine)
    services.public_answer_edit(
        public=public,
        by=nina,
        title="Le total d’une colonne",
        situation="S",
        answer="A",
        submit=True,
    )
    services.public_answer_review(public=public, by=staff, approve=True)
    Portfolio.objects.create(user=nina, slug="nina-roux", is_public=True)
    page = client.get(reverse("portfolio:detail", args=["nina-roux"])).content.decode()
    assert "Coups de main aux associations" in page
    assert "Le total d’une colonne" in page
    assert "0,5 h" in page or "0.5 h" in page


def test_the_mission_templates_link_to_the_answers_of_their_topic(client, martine, association):
    PublicAnswerFactory()
    client.force_login(martine)
    page = client.get(reverse("missions:new")).content.decode()
    assert "?sujet=data-office" in page


def test_the_diagnosis_plan_lists_what_other_associations_asked(client, martine, association):
    from diagnosis.tests.helpers import answer_all

    diagnosis = answer_all(association, martine)
    from diagnosis.results import plan_of
    from diagnosis.selectors import questionnaire

    domain = plan_of(diagnosis, questionnaire())[0].template.domain
    question = QuestionFactory(domain=domain, status=Question.Status.SOLVED)
    PublicAnswerFactory(question=question, domain=domain, title="Une question déjà répondue")
    client.force_login(martine)
    page = client.get(
        reverse("diagnosis:results", args=[association.slug, diagnosis.pk])
    ).content.decode()
    assert "D’autres associations ont demandé" in page
    assert "Une question déjà répondue" in page
