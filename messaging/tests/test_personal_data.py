"""GDPR: what the export holds, and what deleting an account leaves in conversations."""

import os

from django.urls import reverse

from accounts.services import user_delete, user_personal_data
from messaging import services
from messaging.models import Attachment, Message, ReadMark

from .factories import AttachmentFactory, MessageFactory


def test_the_export_holds_the_messages_the_person_wrote_and_no_one_elses(
    lea, martine, application_thread
):
    mine = MessageFactory(thread=application_thread, author=lea, body="Mon message à moi")
    AttachmentFactory(message=mine, name="cv.pdf")
    MessageFactory(thread=application_thread, author=martine, body="Le message de Martine")

    data = user_personal_data(user=lea)["messaging"]

    assert [m["body"] for m in data["messages"]] == ["Mon message à moi"]
    assert data["messages"][0]["mission"] == "Affiche de la fête du jardin"
    assert data["messages"][0]["attachments"][0]["name"] == "cv.pdf"


def test_a_deleted_account_leaves_its_messages_signed_compte_supprime(
    client, django_capture_on_commit_callbacks, lea, martine, application_thread
):
    message = MessageFactory(thread=application_thread, author=lea, body="Je peux aider")
    attachment = AttachmentFactory(message=message)
    path = attachment.file.path
    services.thread_mark_read(thread=application_thread, user=lea)

    with django_capture_on_commit_callbacks(execute=True):
        user_delete(user=lea)

    assert Message.objects.get(pk=message.pk).body == "Je peux aider"
    assert not Attachment.objects.exists()
    assert not os.path.exists(path)
    assert not ReadMark.objects.filter(user=lea).exists()
    client.force_login(martine)
    thread_page = client.get(reverse("messaging:thread", args=[application_thread.pk]))
    inbox = client.get(reverse("messaging:inbox"))
    assert "Compte supprimé" in thread_page.text
    assert "Léa" not in thread_page.text
    assert "Compte supprimé" in inbox.text
