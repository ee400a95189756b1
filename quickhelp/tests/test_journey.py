"""The whole journey of a coup de main, in Chromium, asking and answering with JavaScript
turned off: Martine's association asks about its spreadsheet, Nina (who knows
spreadsheets) is told and answers, Martine marks it solved, thanks her and agrees to
publish, Nina makes the text impersonal, Nadia (moderation) publishes it, and a visitor
finds it by searching. A second journey books a call and reads its .ics with icalendar.

Each step waits for the page its click loads (`expect`), never reads it right after the
click: under load the next page may not be there yet."""

import re

import icalendar
import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from notifications.models import Notification
from quickhelp.models import PublicAnswer, Question

from .factories import call_question

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page_without_js(browser, live_server):
    contexts = []

    def make(user=None):
        context = browser.new_context(
            base_url=live_server.url,
            viewport={"width": 360, "height": 780},
            locale="fr-FR",
            java_script_enabled=False,
        )
        context.set_default_timeout(10_000)
        if user is not None:
            client = Client()
            client.force_login(user)
            cookie = client.cookies[settings.SESSION_COOKIE_NAME]
            context.add_cookies(
                [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]
            )
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def test_an_association_asks_a_volunteer_answers_and_a_visitor_finds_it(
    shipped_data, page_without_js, new_page, martine, association, staff
):
    from accounts.tests.factories import UserFactory
    from volunteers.tests.factories import VolunteerProfileFactory

    nina = UserFactory(full_name="Nina Roux", email="nina@example.org")
    VolunteerProfileFactory(user=nina, skills={"spreadsheets": 3})

    # Martine asks, without JavaScript; the topic is suggested from her words.
    asker = page_without_js(martine)
    asker.goto("/")
    asker.get_by_role("link", name="Demander un coup de main").click()
    asker.get_by_label("Votre question en une phrase").fill(
        "Comment faire le total des cotisations dans notre tableur ?"
    )
    asker.get_by_label("Quelques lignes pour expliquer").fill(
        "Martine, trésorière : je note chaque cotisation sur une ligne et je voudrais le total."
    )
    asker.get_by_role("button", name="Continuer").click()
    expect(
        asker.get_by_text("nous avons choisi le sujet « Données et bureautique »")
    ).to_be_visible()
    asker.get_by_role("button", name="Envoyer ma question").click()
    expect(asker.get_by_text("Votre question est posée")).to_be_visible()
    question = Question.objects.get()

    # Nina is told, opens the question from her notification and answers, without JS.
    told = Notification.objects.get(user=nina, kind="quickhelp_question")
    helper = page_without_js(nina)
    helper.goto(told.url)
    helper.get_by_label("Votre réponse").fill(
        "Bonjour Martine ! Cliquez dans la case sous la colonne, puis sur Somme (Σ), puis Entrée."
    )
    helper.get_by_role("button", name="Envoyer ma réponse").click()
    expect(helper.get_by_text("L’association est prévenue")).to_be_visible()

    # Martine marks it solved, thanks Nina and agrees to publish.
    asker.goto(f"/coup-de-main/questions/{question.pk}/")
    expect(asker.get_by_text("Somme (Σ)")).to_be_visible()
    asker.get_by_label("Nina Roux").check()
    asker.get_by_label("Un mot de remerciement").fill("Merci, le total s’affiche !")
    asker.get_by_role("button", name="Ma question est résolue").click()
    expect(asker.get_by_text("vos remerciements sont transmis")).to_be_visible()
    asker.get_by_role("button", name="J’accepte que la réponse soit publiée").click()
    expect(asker.get_by_text("La réponse sera relue")).to_be_visible()
    public = PublicAnswer.objects.get()

    # Nina removes the names and sends it to review.
    helper.goto(f"/coup-de-main/publications/{public.pk}/")
    helper.get_by_label("La situation").fill(
        "Une trésorière note chaque cotisation sur une ligne et voudrait le total."
    )
    helper.get_by_label("La réponse", exact=True).fill(
        "Cliquez dans la case sous la colonne, puis sur Somme (Σ), puis Entrée."
    )
    helper.get_by_role("button", name="Envoyer à la relecture").click()
    expect(helper.get_by_text("C’est enregistré.")).to_be_visible()

    # Nadia, of the moderation, finds it in her queue and publishes it.
    moderator = new_page("desktop", user=staff)
    moderator.goto("/moderation/")
    moderator.get_by_role("link", name="réponse de coup de main à relire").click()
    moderator.get_by_role("link", name=public.title).click()
    moderator.get_by_role("button", name="Publier la réponse").click()
    expect(moderator.get_by_text("La réponse est publiée")).to_be_visible()

    # A visitor searches, without an account, and finds it. The page lists every published
    # answer before the search: wait for the search's own results (htmx puts the words in
    # the address as it swaps them in), then for the link in them.
    visitor = new_page()
    visitor.goto("/coup-de-main/")
    visitor.get_by_label("Vos mots").fill("cotisation colonne")
    visitor.get_by_role("button", name="Chercher").click()
    expect(visitor).to_have_url(re.compile(r"[?&]q=cotisation"))
    results = visitor.locator("#results")
    expect(results.get_by_role("heading", name="1 réponse")).to_be_visible()
    results.get_by_role("link", name=public.title).click()
    expect(visitor).to_have_url(re.compile(r"/coup-de-main/reponses/"))
    expect(visitor.get_by_text("Somme (Σ)").first).to_be_visible()
    expect(visitor.locator("body")).not_to_contain_text("Martine")
    visitor.get_by_role("button", name="Oui, elle m’a été utile").click()
    expect(visitor.get_by_text("Votre avis aide les autres associations")).to_be_visible()
    public.refresh_from_db()
    assert public.useful_count == 1


def test_a_volunteer_books_a_call_and_both_get_a_calendar_invitation(
    shipped_data, page_without_js, martine, association
):
    from accounts.tests.factories import UserFactory
    from volunteers.tests.factories import VolunteerProfileFactory

    nina = UserFactory(full_name="Nina Roux", email="nina@example.org")
    VolunteerProfileFactory(user=nina, skills={"spreadsheets": 3})
    question = call_question(association, martine)
    slot = question.slots.first()
    helper = page_without_js(nina)
    helper.goto(f"/coup-de-main/questions/{question.pk}/")
    helper.locator("input[name=slot]").first.check()
    helper.get_by_label("Le lien de votre appel vidéo").fill("https://meet.jit.si/coup-de-main")
    helper.get_by_role("button", name="Je prends cet appel").click()
    expect(helper.get_by_text("L’appel est prévu")).to_be_visible()
    with helper.expect_download() as download:
        helper.get_by_role("link", name="Ajouter à mon agenda (fichier .ics)").click()
    calendar = icalendar.Calendar.from_ical(download.value.path().read_bytes())
    event = calendar.walk("VEVENT")[0]
    assert str(calendar["method"]) == "REQUEST"
    assert event.decoded("dtstart") == slot.starts_at
    assert event["dtstart"].params["TZID"] == "Europe/Paris"
    assert "https://meet.jit.si/coup-de-main" in str(event["location"])
    # Martine sees the call and cancels it; the page no longer shows it.
    asker = page_without_js(martine)
    asker.goto(f"/coup-de-main/questions/{question.pk}/")
    expect(asker.get_by_text("Nina Roux").first).to_be_visible()
    asker.get_by_role("button", name="Annuler l’appel").click()
    expect(asker.get_by_text("L’appel est annulé")).to_be_visible()
