"""Slice 1: an association member asks; the topic is suggested from her words; a
screenshot is checked and kept private; a call question offers time slots."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from notifications.models import Notification
from quickhelp import topics
from quickhelp.lifecycle import QUESTION
from quickhelp.models import Question

from .factories import slot_in

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100


def test_the_topic_is_suggested_from_the_words():
    assert topics.suggest("Comment faire le total d’une colonne dans Excel ?") == "data-office"
    assert topics.suggest("Notre affiche et notre logo") == "graphic-design"
    assert topics.suggest("Publier sur Instagram") == "communication"
    assert topics.suggest("Bonjour") is None


def test_without_a_topic_the_form_comes_back_with_the_suggested_one(client, martine, association):
    client.force_login(martine)
    response = client.post(
        reverse("quickhelp:ask"),
        {
            "title": "Total d’une colonne",
            "body": "Notre tableur des cotisations",
            "mode": "written",
        },
    )
    assert response.status_code == 200
    assert "Données et bureautique" in response.content.decode()
    assert "nous avons choisi le sujet" in response.content.decode()
    assert not Question.objects.exists()


def test_a_member_asks_and_the_matching_volunteers_are_told(
    client, martine, association, nina, lea_designer
):
    client.force_login(martine)
    from taxonomy.models import SkillDomain

    domain = SkillDomain.objects.get(slug="data-office")
    response = client.post(
        reverse("quickhelp:ask"),
        {
            "title": "Total d’une colonne",
            "body": "Notre tableur des cotisations",
            "mode": "written",
            "domain": domain.pk,
            "screenshot": SimpleUploadedFile("capture.png", PNG, "image/png"),
        },
    )
    question = Question.objects.get()
    assert response.url == reverse("quickhelp:question", args=[question.pk])
    assert question.organization == association and question.asked_by == martine
    assert question.screenshot_name == "capture.png"
    assert "capture" not in question.screenshot.name  # a random name on the private disk
    assert Notification.objects.filter(user=nina, kind="quickhelp_question").exists()
    assert not Notification.objects.filter(user=lea_designer).exists()
    # The screenshot is served to the association and to the helper, privately.
    shown = client.get(reverse("quickhelp:screenshot", args=[question.pk]))
    assert shown.status_code == 200 and shown["Cache-Control"] == "private, no-store"
    assert b"".join(shown.streaming_content) == PNG


def test_a_program_renamed_as_an_image_is_refused(client, martine, association):
    client.force_login(martine)
    from taxonomy.models import SkillDomain

    response = client.post(
        reverse("quickhelp:ask"),
        {
            "title": "Total",
            "body": "Tableur",
            "mode": "written",
            "domain": SkillDomain.objects.get(slug="data-office").pk,
            "screenshot": SimpleUploadedFile("capture.png", b"MZ\x90\x00" * 10, "image/png"),
        },
    )
    assert response.status_code == 200
    assert "ne contient pas ce qu’annonce son nom" in response.content.decode()
    assert not Question.objects.exists()


def test_a_pdf_is_not_a_screenshot(client, martine, association):
    client.force_login(martine)
    from taxonomy.models import SkillDomain

    response = client.post(
        reverse("quickhelp:ask"),
        {
            "title": "Total",
            "body": "Tableur",
            "mode": "written",
            "domain": SkillDomain.objects.get(slug="data-office").pk,
            "screenshot": SimpleUploadedFile("capture.pdf", b"%PDF-1.4 hello", "application/pdf"),
        },
    )
    assert "doit être une image" in response.content.decode()


def test_a_call_needs_a_slot_to_come(client, martine, association):
    client.force_login(martine)
    from taxonomy.models import SkillDomain

    data = {
        "title": "Notre site",
        "body": "Nous voulons en parler de vive voix.",
        "mode": "call",
        "domain": SkillDomain.objects.get(slug="web").pk,
    }
    response = client.post(reverse("quickhelp:ask"), data)
    assert "proposez au moins un créneau" in response.content.decode()
    moment = slot_in(2)
    data["slot_1"] = moment.strftime("%Y-%m-%dT%H:%M")
    response = client.post(reverse("quickhelp:ask"), data)
    question = Question.objects.get()
    assert [s.starts_at for s in question.slots.all()] == [moment]


def test_someone_without_an_association_is_led_to_register_one(client, lea):
    client.force_login(lea)
    response = client.get(reverse("quickhelp:ask"))
    assert response.url == reverse("organizations:create")


def test_the_lifecycle_table_reads_as_the_docstring_says():
    edges = set(QUESTION.edges())
    assert ("open", "answer", "answered") in edges
    assert ("answered", "solve", "solved") in edges
    assert ("closed", "to_mission", "mission") in edges
    assert not any(action == "solve" and source == "open" for source, action, _ in edges)


def test_asking_works_without_javascript_the_form_is_a_plain_post(client, martine, association):
    client.force_login(martine)
    page = client.get(reverse("quickhelp:ask")).content.decode()
    assert 'method="post"' in page and 'enctype="multipart/form-data"' in page
    assert "hx-" not in page.split("<main")[1]


def test_the_suggested_topic_asks_for_the_screenshot_again(client, martine, association):
    client.force_login(martine)
    response = client.post(
        reverse("quickhelp:ask"),
        {
            "title": "Total d’une colonne",
            "body": "Notre tableur des cotisations",
            "mode": "written",
            "screenshot": SimpleUploadedFile("capture.png", PNG, "image/png"),
        },
    )
    assert "Joignez à nouveau votre capture d’écran." in response.content.decode()
