"""My conversations and my attestations through the API: the pages' rules, the pages' data."""

import pytest

from accounts.tests.factories import UserFactory
from api.models import ApiToken
from api.tests.factories import bearer, token_for
from audit.models import AuditEvent
from credentials.keys import generate_key_file
from engagements.models import Application
from messaging import services as messaging
from messaging.models import Message, ReadMark
from messaging.tests.factories import ApplicationFactory, AttachmentFactory, MissionFactory
from messaging.views import MESSAGES_PER_WINDOW
from notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(association, martine, lea):
    """Léa's application to Martine's mission, and Martine's first message about it."""
    mission = MissionFactory(organization=association, title="Affiche de la fête du jardin")
    application = ApplicationFactory(mission=mission, volunteer=lea)
    thread = messaging.thread_for_application(application)
    messaging.message_send(thread=thread, author=martine, body="Merci pour votre candidature !")
    return thread


def _write(client, thread, body, secret):
    return client.post(
        f"/api/v1/me/conversations/{thread.pk}/messages",
        {"body": body},
        content_type="application/json",
        **bearer(secret),
    )


def test_my_conversations_list_the_unread_and_reading_one_marks_it_read(client, thread, lea):
    secret = token_for(lea, "read")
    listed = client.get("/api/v1/me/conversations", **bearer(secret))
    assert listed.status_code == 200, listed.content
    body = listed.json()
    assert body["unread"] == 1 and body["next_cursor"] is None
    [row] = body["items"]
    assert row["id"] == thread.pk and row["kind"] == "application" and row["unread"] == 1
    assert row["title"] == "Les Jardins Partagés de Belleville — Affiche de la fête du jardin"
    assert row["last_message"]["excerpt"] == "Merci pour votre candidature !"
    assert row["last_message"]["mine"] is False
    assert row["url"].endswith(f"/messages/{thread.pk}/")
    assert Notification.objects.filter(user=lea, kind="message_received", read_at=None).exists()

    one = client.get(f"/api/v1/me/conversations/{thread.pk}", **bearer(secret))
    assert one.status_code == 200, one.content
    detail = one.json()
    assert [m["body"] for m in detail["items"]] == ["Merci pour votre candidature !"]
    assert detail["can_write"] is True
    assert detail["participants"] == ["Léa Martin", "Martine Lefèvre"]
    assert "@" not in " ".join(detail["participants"])  # names, never addresses
    # As opening the page: read, and the notification about it too.
    assert ReadMark.objects.filter(thread=thread, user=lea).exists()
    assert not Notification.objects.filter(user=lea, kind="message_received", read_at=None)
    after = client.get("/api/v1/me/conversations", **bearer(secret)).json()
    assert after["unread"] == 0 and after["items"][0]["unread"] == 0


def test_attachments_are_listed_not_served(client, thread, martine, lea):
    attachment = AttachmentFactory(message=Message.objects.get(thread=thread))
    detail = client.get(f"/api/v1/me/conversations/{thread.pk}", **bearer(token_for(lea))).json()
    [listed] = detail["items"][0]["attachments"]
    assert listed["name"] == "devis.pdf" and listed["content_type"] == "application/pdf"
    assert listed["url"].endswith(f"/messages/attachments/{attachment.pk}/")


def test_messages_come_by_cursor_newest_first(client, thread, martine, lea):
    for n in range(4):
        messaging.message_send(thread=thread, author=martine, body=f"Message {n}")
    secret = token_for(lea)
    url = f"/api/v1/me/conversations/{thread.pk}"
    first = client.get(url, {"limit": 3}, **bearer(secret)).json()
    assert [m["body"] for m in first["items"]] == ["Message 3", "Message 2", "Message 1"]
    rest = client.get(url, {"limit": 3, "cursor": first["next_cursor"]}, **bearer(secret))
    assert [m["body"] for m in rest.json()["items"]] == [
        "Message 0",
        "Merci pour votre candidature !",
    ]
    assert rest.json()["next_cursor"] is None


def test_writing_tells_the_others_and_is_in_the_audit_log(client, thread, martine, lea):
    response = _write(client, thread, "  Bonjour, voici mon portfolio.  ", token_for(lea, "write"))
    assert response.status_code == 201, response.content
    written = response.json()
    assert written["body"] == "Bonjour, voici mon portfolio." and written["mine"] is True
    message = Message.objects.get(pk=written["id"])
    assert message.author == lea and message.thread == thread
    assert Notification.objects.filter(user=martine, kind="message_received").exists()
    event = AuditEvent.objects.get(verb="message.sent")
    assert event.actor == lea and event.object_id == thread.pk
    assert event.data == {"mission": thread.mission_id, "api_token": ApiToken.objects.get().pk}
    # Martine sees it as any message.
    martines = client.get("/api/v1/me/conversations", **bearer(token_for(martine))).json()
    assert martines["items"][0]["last_message"]["excerpt"] == "Bonjour, voici mon portfolio."
    assert martines["items"][0]["unread"] == 1


@pytest.mark.parametrize(
    "body, detail",
    [
        ("   ", "Écrivez un message ou joignez un fichier."),
        ("x" * (messaging.MAX_BODY_LENGTH + 1), "10000"),
    ],
)
def test_an_empty_or_too_long_message_names_the_field(client, thread, lea, body, detail):
    response = _write(client, thread, body, token_for(lea, "write"))
    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["field"] == "body" and detail in error["detail"].replace("\u202f", "")
    assert Message.objects.filter(thread=thread).count() == 1


def test_a_missing_body_names_the_field(client, thread, lea):
    response = client.post(
        f"/api/v1/me/conversations/{thread.pk}/messages",
        {},
        content_type="application/json",
        **bearer(token_for(lea, "write")),
    )
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["body"]


def test_without_a_token_401_with_a_read_token_403(client, thread, lea):
    for url in (
        "/api/v1/me/conversations",
        f"/api/v1/me/conversations/{thread.pk}",
        "/api/v1/me/attestations",
    ):
        assert client.get(url).status_code == 401, url
    assert _write(client, thread, "Bonjour", None).status_code == 401
    refused = _write(client, thread, "Bonjour", token_for(lea, "read"))
    assert refused.status_code == 403
    assert refused.json()["detail"] == "Ce jeton ne permet que la lecture."
    assert Message.objects.filter(thread=thread).count() == 1


def test_another_persons_conversation_is_not_found(client, thread, lea):
    karim = UserFactory(full_name="Karim Benali")
    secret = token_for(karim, "write")
    assert client.get("/api/v1/me/conversations", **bearer(secret)).json()["items"] == []
    read = client.get(f"/api/v1/me/conversations/{thread.pk}", **bearer(secret))
    assert read.status_code == 404
    assert read.json()["type"].endswith("#problem-not-found")
    assert "Merci" not in read.content.decode()
    assert _write(client, thread, "Coucou", secret).status_code == 404
    assert Message.objects.filter(thread=thread).count() == 1
    assert not ReadMark.objects.filter(user=karim).exists()


def test_a_closed_applications_conversation_is_read_only(client, thread, lea):
    Application.objects.filter(pk=thread.application_id).update(status=Application.Status.WITHDRAWN)
    secret = token_for(lea, "write")
    detail = client.get(f"/api/v1/me/conversations/{thread.pk}", **bearer(secret)).json()
    assert detail["can_write"] is False
    refused = _write(client, thread, "Encore une chose", secret)
    assert refused.status_code == 403
    assert refused.json()["detail"].startswith("Cette candidature est close")
    english = client.post(
        f"/api/v1/me/conversations/{thread.pk}/messages",
        {"body": "One more thing"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
        **bearer(secret),
    )
    assert english.json()["detail"].startswith("This application is closed")


def test_the_pages_limit_of_messages_applies(client, thread, lea):
    secret = token_for(lea, "write")
    for n in range(MESSAGES_PER_WINDOW):
        assert _write(client, thread, f"Message {n}", secret).status_code == 201
    refused = _write(client, thread, "Un de trop", secret)
    assert refused.status_code == 429
    assert refused.json()["type"].endswith("#problem-too-many-requests")
    english = client.post(
        f"/api/v1/me/conversations/{thread.pk}/messages",
        {"body": "One too many"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
        **bearer(secret),
    )
    assert english.json()["detail"].startswith("You have sent a lot of messages")
    # The page counts the same messages: it refuses too.
    client.force_login(lea)
    page = client.post(f"/messages/{thread.pk}/", {"body": "Et ici ?"})
    assert "Patientez quelques minutes" in page.content.decode()
    assert not Message.objects.filter(body__in=["Un de trop", "One too many", "Et ici ?"])


def test_the_list_asks_a_constant_number_of_queries(
    client, thread, association, lea, django_assert_max_num_queries
):
    secret = token_for(lea)
    client.get("/api/v1/me/conversations", **bearer(secret))  # the token's last use, once
    with django_assert_max_num_queries(6):
        assert len(client.get("/api/v1/me/conversations", **bearer(secret)).json()["items"]) == 1
    for _ in range(5):
        mission = MissionFactory(organization=association)
        other = messaging.thread_for_application(ApplicationFactory(mission=mission, volunteer=lea))
        messaging.message_send(thread=other, author=lea, body="Bonjour")
    with django_assert_max_num_queries(6):
        assert len(client.get("/api/v1/me/conversations", **bearer(secret)).json()["items"]) == 6


# --- Attestations ---------------------------------------------------------------------------
@pytest.fixture
def credential(settings, tmp_path, association, lea):
    from credentials.services import issue_for

    settings.CREDENTIALS_KEY_FILE = tmp_path / "keys" / "credentials-ed25519.pem"
    generate_key_file(settings.CREDENTIALS_KEY_FILE)
    mission = MissionFactory(
        organization=association, title="Un logo pour la fête", status="completed"
    )
    application = ApplicationFactory(
        mission=mission, volunteer=lea, status=Application.Status.ACCEPTED
    )
    return issue_for(application)


def test_my_attestations_with_their_addresses(client, credential, lea):
    response = client.get("/api/v1/me/attestations", **bearer(token_for(lea)))
    assert response.status_code == 200, response.content
    [row] = response.json()["items"]
    public_id = credential.public_id
    assert row["public_id"] == public_id and row["kind"] == "attestation"
    assert row["title"] == "Un logo pour la fête" and row["revoked"] is False
    assert row["verification_url"] == f"http://testserver/verify/{public_id}/"
    assert row["pdf_url"] == f"http://testserver/verify/{public_id}/attestation.pdf"
    assert row["badge_url"] == f"http://testserver/verify/{public_id}.json"
    # The addresses answer as the credentials app serves them: the signed badge.
    signed = client.get(row["badge_url"].removeprefix("http://testserver"))
    assert signed.status_code == 200 and signed.json()["proof"]


def test_nobody_else_sees_my_attestations(client, credential):
    karim = UserFactory(full_name="Karim Benali")
    response = client.get("/api/v1/me/attestations", **bearer(token_for(karim)))
    assert response.status_code == 200 and response.json()["items"] == []
