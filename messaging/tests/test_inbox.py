"""The inbox and a thread stay fast: the number of queries does not grow with the rows."""

from django.urls import reverse

from engagements.models import Application

from .factories import ApplicationFactory, AttachmentFactory, MessageFactory, MissionFactory


def make_threads(association, martine, count: int) -> None:
    from messaging import services

    for _ in range(count):
        application = ApplicationFactory(
            mission=MissionFactory(organization=association), status=Application.Status.PENDING
        )
        thread = services.thread_for_application(application)
        MessageFactory(thread=thread, author=application.volunteer)
        MessageFactory(thread=thread, author=martine)


def test_the_inbox_costs_the_same_number_of_queries_for_2_or_12_threads(
    client, django_assert_max_num_queries, association, martine
):
    client.force_login(martine)
    make_threads(association, martine, 2)
    # The header (other apps' links) adds a few queries of its own; what matters is that
    # twelve threads cost no more than two.
    with django_assert_max_num_queries(15) as few:
        client.get(reverse("messaging:inbox"))

    make_threads(association, martine, 10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("messaging:inbox"))

    assert response.text.count('class="msg-inbox-item') == 12


def test_the_inbox_is_paginated_by_twenty(client, association, martine):
    client.force_login(martine)
    make_threads(association, martine, 21)

    first = client.get(reverse("messaging:inbox"))
    second = client.get(reverse("messaging:inbox") + "?page=2")

    assert first.text.count('class="msg-inbox-item') == 20
    assert second.text.count('class="msg-inbox-item') == 1
    assert "Page 2 sur 2" in second.text


def test_a_thread_costs_the_same_number_of_queries_for_2_or_30_messages(
    client, django_assert_max_num_queries, lea, martine, application_thread
):
    client.force_login(lea)
    url = reverse("messaging:thread", args=[application_thread.pk])
    for author in (lea, martine):
        AttachmentFactory(message=MessageFactory(thread=application_thread, author=author))
    with django_assert_max_num_queries(24) as few:
        client.get(url)

    for n in range(14):
        AttachmentFactory(message=MessageFactory(thread=application_thread, author=lea))
        MessageFactory(thread=application_thread, author=martine, body=f"Réponse {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)

    assert response.text.count('class="msg') >= 30


def test_messages_are_shown_oldest_first(client, lea, martine, application_thread):
    MessageFactory(thread=application_thread, author=martine, body="Premier message")
    MessageFactory(thread=application_thread, author=lea, body="Deuxième message")
    client.force_login(lea)

    text = client.get(reverse("messaging:thread", args=[application_thread.pk])).text

    assert text.index("Premier message") < text.index("Deuxième message")


def test_an_empty_inbox_says_how_conversations_start(client, lea):
    client.force_login(lea)

    response = client.get(reverse("messaging:inbox"))

    assert "pas encore de conversation" in response.text
