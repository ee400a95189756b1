"""Sending a message: who is told, what the e-mail shows, and what stays unread."""

from django.core import mail
from django.urls import reverse

from messaging import selectors, services
from messaging.models import Message, ReadMark
from missions.models import Mission
from notifications.models import Frequency, Notification, Preference

from .factories import MessageFactory


def test_the_other_side_gets_an_email_that_names_the_author_but_never_an_address(
    client, commit, lea, martine, yacine, application_thread
):
    client.force_login(lea)

    response = commit(
        client.post,
        reverse("messaging:thread", args=[application_thread.pk]),
        {"body": "Bonjour ! Je peux passer au jardin samedi. lea@example.org n'apparaît pas."},
    )

    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["martine@example.org", "yacine@example.org"]
    for message in mail.outbox:
        assert "Léa Martin vous a écrit" in message.subject
        assert "Affiche de la fête du jardin" in message.subject
        html = message.alternatives[0].content
        for text in (message.body, html):
            # The body the author typed may hold anything; what the e-mail adds never does.
            assert text.count("lea@example.org") == 1
            assert "martine@example.org" not in text
            assert "yacine@example.org" not in text
        thread_url = "http://testserver" + reverse("messaging:thread", args=[application_thread.pk])
        assert thread_url in message.body
    assert message.from_email != "lea@example.org"
    assert not any("lea@example.org" in str(m.extra_headers) for m in mail.outbox)


def test_the_email_gives_only_the_first_300_characters_of_a_long_message(
    commit, lea, martine, application_thread
):
    body = "Voici mon idée. " + "x" * 600 + " FIN-SECRETE"

    commit(services.message_send, thread=application_thread, author=lea, body=body)

    email = next(m for m in mail.outbox if m.to == ["martine@example.org"])
    assert "Voici mon idée." in email.body
    assert "x" * 280 in email.body
    assert "x" * 600 not in email.body
    assert "FIN-SECRETE" not in email.body
    assert "…" in email.body


def test_the_author_is_not_notified_of_their_own_message(commit, martine, application_thread):
    commit(services.message_send, thread=application_thread, author=martine, body="Bonjour Léa")

    assert not Notification.objects.filter(user=martine).exists()
    assert sorted(m.to[0] for m in mail.outbox) == ["lea@example.org", "yacine@example.org"]


def test_the_team_thread_reaches_the_accepted_volunteers(commit, martine, lea, karim, team):
    commit(services.message_send, thread=team, author=martine, body="Bienvenue dans l’équipe !")

    told = set(Notification.objects.values_list("user__email", flat=True))
    assert told == {"lea@example.org", "yacine@example.org"}


def test_a_second_message_does_not_send_a_second_email_until_the_first_is_read(
    client, commit, lea, martine, application_thread
):
    Preference.objects.create(user=lea, category="messages", frequency=Frequency.IMMEDIATE)
    commit(services.message_send, thread=application_thread, author=martine, body="Un")
    commit(services.message_send, thread=application_thread, author=martine, body="Deux")

    assert [m.to for m in mail.outbox].count(["lea@example.org"]) == 1

    client.force_login(lea)
    client.get(reverse("messaging:thread", args=[application_thread.pk]))
    commit(services.message_send, thread=application_thread, author=martine, body="Trois")

    assert [m.to for m in mail.outbox].count(["lea@example.org"]) == 2


def test_a_message_moves_the_thread_and_the_mission_forward(martine, mission, application_thread):
    updated_at = Mission.objects.get(pk=mission.pk).updated_at

    message = services.message_send(thread=application_thread, author=martine, body="Bonjour")

    application_thread.refresh_from_db()
    mission.refresh_from_db()
    assert application_thread.last_message_at == message.created_at
    assert mission.last_activity_at == message.created_at
    assert mission.updated_at == updated_at  # a message is not an edit of the mission


def test_unread_counts_follow_what_each_person_has_read(
    client, lea, martine, yacine, application_thread, team
):
    services.message_send(thread=application_thread, author=martine, body="Un")
    services.message_send(thread=application_thread, author=martine, body="Deux")
    services.message_send(thread=team, author=yacine, body="Bienvenue")

    assert selectors.unread_count(lea) == 3
    assert selectors.unread_count(martine) == 1  # Yacine's, not her own
    assert selectors.unread_count(yacine) == 2  # Martine's two

    client.force_login(lea)
    client.get(reverse("messaging:thread", args=[application_thread.pk]))

    assert selectors.unread_count(lea) == 1
    by_thread = {t.pk: t.unread for t in selectors.threads_for_user(lea)}
    assert by_thread == {application_thread.pk: 0, team.pk: 1}
    # Opening the thread also clears its notifications.
    assert not Notification.objects.filter(
        user=lea,
        kind="message_received",
        read_at__isnull=True,
        url=reverse("messaging:thread", args=[application_thread.pk]),
    ).exists()


def test_unread_count_is_one_query_and_ignores_other_peoples_threads(
    django_assert_num_queries, lea, karim, martine, application_thread
):
    MessageFactory(thread=application_thread, author=martine)

    with django_assert_num_queries(1):
        assert selectors.unread_count(karim) == 0
    with django_assert_num_queries(1):
        assert selectors.unread_count(lea) == 1


def test_the_inbox_shows_the_unread_badge_and_the_last_message(
    client, lea, martine, application_thread
):
    services.message_send(thread=application_thread, author=martine, body="Première réponse")
    services.message_send(thread=application_thread, author=martine, body="Dernière nouvelle")
    client.force_login(lea)

    response = client.get(reverse("messaging:inbox"))

    assert "2 non lus" in response.text
    assert "Martine Lefèvre : Dernière nouvelle" in response.text
    assert "Les Jardins Partagés de Belleville" in response.text
    assert "martine@example.org" not in response.text


def test_a_message_is_sent_and_shown_without_reload_with_htmx(client, lea, application_thread):
    client.force_login(lea)

    response = client.post(
        reverse("messaging:thread", args=[application_thread.pk]),
        {"body": "Envoyé sans recharger"},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    assert "<html" not in response.text
    message = Message.objects.get()
    assert f'id="message-{message.pk}"' in response.text
    assert "Envoyé sans recharger" in response.text
    assert 'hx-swap-oob="outerHTML"' in response.text  # a fresh, empty form


def test_a_refused_message_with_htmx_shows_the_errors_in_place(client, lea, application_thread):
    client.force_login(lea)

    response = client.post(
        reverse("messaging:thread", args=[application_thread.pk]),
        {"body": ""},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    assert response["HX-Retarget"] == "#message-form"
    assert response["HX-Reswap"] == "outerHTML"
    assert "Écrivez un message ou joignez un fichier." in response.text
    assert not Message.objects.exists()


def test_without_javascript_posting_comes_back_to_the_thread(client, lea, application_thread):
    client.force_login(lea)
    url = reverse("messaging:thread", args=[application_thread.pk])

    response = client.post(url, {"body": "Bonjour"}, follow=True)

    message = Message.objects.get()
    assert response.redirect_chain == [(f"{url}#message-{message.pk}", 302)]
    assert "Bonjour" in response.text
    assert 'enctype="multipart/form-data"' in response.text


def test_too_many_messages_in_a_short_time_are_held_back(client, lea, application_thread):
    client.force_login(lea)
    url = reverse("messaging:thread", args=[application_thread.pk])
    for n in range(30):
        client.post(url, {"body": f"Message {n}"})

    response = client.post(url, {"body": "Encore un"})

    assert response.status_code == 200
    assert "Patientez quelques minutes" in response.text
    assert "Encore un" in response.text
    assert Message.objects.count() == 30


def test_the_thread_shows_names_never_addresses(client, lea, martine, application_thread):
    services.message_send(thread=application_thread, author=martine, body="Bonjour Léa")
    client.force_login(lea)

    response = client.get(reverse("messaging:thread", args=[application_thread.pk]))

    assert "Martine Lefèvre" in response.text
    assert "Yacine Haddad" in response.text  # listed among the participants
    assert "@example.org" not in response.text
    assert ReadMark.objects.filter(thread=application_thread, user=lea).exists()
