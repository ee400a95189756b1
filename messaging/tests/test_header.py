"""The header's "Messages" and "Notifications" links carry the unread counts."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from messaging import services


@pytest.fixture
def with_unread_processor(settings):
    engine = settings.TEMPLATES[0]
    processors = [*engine["OPTIONS"]["context_processors"], "messaging.context_processors.unread"]
    settings.TEMPLATES = [
        {**engine, "OPTIONS": {**engine["OPTIONS"], "context_processors": processors}}
    ]


def test_the_header_shows_the_counts_with_the_context_processor(
    client, with_unread_processor, lea, martine, application_thread
):
    services.message_send(thread=application_thread, author=martine, body="Un")
    services.message_send(thread=application_thread, author=martine, body="Deux")
    client.force_login(lea)

    response = client.get(reverse("notifications:list"))

    assert ">Messages (2)</a>" in response.text
    assert ">Notifications (1)</a>" in response.text  # one notification per unread thread


def test_the_counts_cost_one_query_each_whatever_the_page_asks(
    client, with_unread_processor, django_assert_max_num_queries, lea, martine, application_thread
):
    services.message_send(thread=application_thread, author=martine, body="Un")
    client.force_login(lea)
    with django_assert_max_num_queries(30) as queries:
        client.get(reverse("notifications:preferences"))

    counts = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"]]
    assert len([q for q in counts if "messaging_message" in q]) == 1
    assert len([q for q in counts if "notifications_notification" in q]) == 1


def test_the_header_shows_the_unread_message_count(client, lea, martine, application_thread):
    services.message_send(thread=application_thread, author=martine, body="Un")
    client.force_login(lea)

    response = client.get(reverse("notifications:list"))

    assert ">Messages</a>" not in response.text
    assert "Messages (1)" in response.text


def test_nobody_logged_in_sees_no_messages_link(client, with_unread_processor, db):
    response = client.get("/")

    assert ">Messages" not in response.text


def test_the_template_tag_gives_the_count_without_the_processor(lea, martine, application_thread):
    services.message_send(thread=application_thread, author=martine, body="Un")
    request = RequestFactory().get("/")
    request.user = lea

    html = Template("{% load messaging %}{% unread_messages_count as n %}[{{ n }}]").render(
        Context({"request": request})
    )

    assert html == "[1]"


def test_the_two_counts_come_in_one_query(
    client, with_unread_processor, django_assert_max_num_queries, lea, martine, application_thread
):
    services.message_send(thread=application_thread, author=martine, body="Un")
    client.force_login(lea)
    with django_assert_max_num_queries(30) as queries:
        response = client.get(reverse("notifications:preferences"))

    assert ">Messages (1)</a>" in response.text
    assert ">Notifications (1)</a>" in response.text
    counts = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"]]
    both = [q for q in counts if "messaging_message" in q or "notifications_notification" in q]
    assert len(both) == 1
