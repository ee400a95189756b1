"""Who may open which conversation, attachment and entry link — walked for every cast member."""

import pytest
from django.urls import reverse

from engagements.models import Application
from messaging import services
from messaging.models import Message

from .factories import PDF, ApplicationFactory, AttachmentFactory, MessageFactory

# Who may read an application's thread, and a mission's team thread.
APPLICATION_READERS = {
    "lea": True,
    "karim": False,
    "martine": True,
    "yacine": True,
    "bruno": False,
    "staff": False,
}
TEAM_READERS = APPLICATION_READERS


def login(client, request, who):
    user = request.getfixturevalue(who)
    client.force_login(user)
    return user


@pytest.mark.parametrize("who, allowed", APPLICATION_READERS.items())
def test_only_the_applicant_and_the_association_open_an_application_thread(
    client, request, application_thread, who, allowed
):
    login(client, request, who)
    MessageFactory(
        thread=application_thread,
        author=request.getfixturevalue("martine"),
        body="Merci pour votre candidature !",
    )

    response = client.get(reverse("messaging:thread", args=[application_thread.pk]))

    assert response.status_code == (200 if allowed else 403)
    assert ("Merci pour votre candidature" in response.text) is allowed


@pytest.mark.parametrize("who, allowed", TEAM_READERS.items())
def test_only_the_association_and_accepted_volunteers_open_the_team_thread(
    client, request, team, who, allowed
):
    login(client, request, who)

    response = client.get(reverse("messaging:thread", args=[team.pk]))

    assert response.status_code == (200 if allowed else 403)


def test_a_volunteer_still_waiting_for_an_answer_cannot_read_the_team_thread(
    client, team, mission, karim
):
    ApplicationFactory(mission=mission, volunteer=karim, status=Application.Status.PENDING)
    client.force_login(karim)

    assert client.get(reverse("messaging:thread", args=[team.pk])).status_code == 403
    assert client.get(reverse("messaging:for_mission", args=[mission.pk])).status_code == 403


@pytest.mark.parametrize("who, allowed", APPLICATION_READERS.items())
def test_only_participants_can_write_in_a_thread(client, request, application_thread, who, allowed):
    login(client, request, who)

    response = client.post(
        reverse("messaging:thread", args=[application_thread.pk]), {"body": "Coucou"}
    )

    assert response.status_code == (302 if allowed else 403)
    assert Message.objects.filter(thread=application_thread).exists() is allowed


@pytest.mark.parametrize("who, allowed", APPLICATION_READERS.items())
def test_attachments_are_served_only_to_participants(
    client, request, application_thread, martine, who, allowed
):
    attachment = AttachmentFactory(
        message=MessageFactory(thread=application_thread, author=martine)
    )
    login(client, request, who)

    response = client.get(reverse("messaging:attachment", args=[attachment.pk]))

    assert response.status_code == (200 if allowed else 403)
    if allowed:
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Disposition"].startswith('attachment; filename="devis.pdf"')
        assert "private" in response["Cache-Control"]


def test_attachments_are_not_under_the_public_media_folder(settings, application_thread):
    attachment = AttachmentFactory(message=MessageFactory(thread=application_thread))

    path = attachment.file.path

    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert "devis" not in path  # the stored name is random; the real one is only in the row


@pytest.mark.parametrize("who, allowed", APPLICATION_READERS.items())
def test_the_link_for_an_application_opens_its_thread_for_participants_only(
    client, request, application, who, allowed
):
    login(client, request, who)

    response = client.get(reverse("messaging:for_application", args=[application.pk]))

    if allowed:
        thread = services.thread_for_application(application)
        assert response.status_code == 302
        assert response.url == reverse("messaging:thread", args=[thread.pk])
    else:
        assert response.status_code == 403
        assert not application.__class__.objects.filter(thread__isnull=False).exists()


@pytest.mark.parametrize("who, allowed", TEAM_READERS.items())
def test_the_link_for_a_mission_opens_the_team_thread_for_the_team_only(
    client, request, mission, lea, who, allowed
):
    # A team of two: with Léa alone, the link opens her own conversation (one per pair).
    ApplicationFactory(mission=mission, volunteer=lea, status=Application.Status.ACCEPTED)
    ApplicationFactory(mission=mission, status=Application.Status.ACCEPTED)
    login(client, request, who)

    response = client.get(reverse("messaging:for_mission", args=[mission.pk]))

    if allowed:
        assert response.status_code == 302
        assert response.url == reverse("messaging:thread", args=[services.team_thread(mission).pk])
    else:
        assert response.status_code == 403


def test_the_entry_links_always_lead_to_the_same_thread(client, martine, application, mission):
    client.force_login(martine)

    first = client.get(reverse("messaging:for_application", args=[application.pk])).url
    second = client.get(reverse("messaging:for_application", args=[application.pk])).url
    team_first = client.get(reverse("messaging:for_mission", args=[mission.pk])).url
    team_second = client.get(reverse("messaging:for_mission", args=[mission.pk])).url

    assert first == second
    assert team_first == team_second != first


def test_anonymous_visitors_are_sent_to_the_login_page_everywhere(
    client, application_thread, application, mission
):
    attachment = AttachmentFactory(message=MessageFactory(thread=application_thread))
    urls = [
        reverse("messaging:inbox"),
        reverse("messaging:thread", args=[application_thread.pk]),
        reverse("messaging:attachment", args=[attachment.pk]),
        reverse("messaging:for_application", args=[application.pk]),
        reverse("messaging:for_mission", args=[mission.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("accounts:login")), url
    response = client.post(urls[1], {"body": "Bonjour"})
    assert response.status_code == 302
    assert not Message.objects.filter(body="Bonjour").exists()


def test_missing_things_answer_not_found(client, martine):
    client.force_login(martine)

    for name in ("thread", "attachment"):
        assert client.get(reverse(f"messaging:{name}", args=[999999])).status_code == 404
    assert client.get(reverse("messaging:for_application", args=[999999])).status_code == 404
    assert client.get(reverse("messaging:for_mission", args=[999999])).status_code == 404


@pytest.mark.parametrize("status", ["declined", "withdrawn", "expired"])
def test_a_closed_application_thread_can_be_read_but_not_written_to(
    client, application, application_thread, lea, martine, status
):
    Application.objects.filter(pk=application.pk).update(status=status)
    for person in (lea, martine):
        client.force_login(person)
        url = reverse("messaging:thread", args=[application_thread.pk])

        page = client.get(url)
        response = client.post(url, {"body": "Encore un mot"})

        assert page.status_code == 200
        assert "plus y écrire" in page.text
        assert response.status_code == 403
    assert not Message.objects.exists()


def test_the_inbox_shows_only_the_persons_own_threads(
    client, application_thread, team, karim, bruno, lea, martine
):
    MessageFactory(thread=application_thread, author=martine, body="Message privé pour Léa")

    for outsider in (karim, bruno):
        client.force_login(outsider)
        response = client.get(reverse("messaging:inbox"))
        assert response.status_code == 200
        assert "Affiche de la fête du jardin" not in response.text

    client.force_login(lea)
    response = client.get(reverse("messaging:inbox"))
    assert response.text.count("Affiche de la fête du jardin") == 2  # application + team
    assert "Message privé pour Léa" in response.text
