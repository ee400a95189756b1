"""The notifications page: newest first, unread ones stand out, opening one marks it read."""

from django.urls import reverse
from django.utils import timezone

from notifications.models import Notification

from .factories import NotificationFactory


def test_the_list_shows_the_persons_notifications_newest_first(client, lea, martine):
    NotificationFactory(user=lea, title="La plus ancienne")
    NotificationFactory(user=lea, title="La plus récente")
    NotificationFactory(user=martine, title="Celle de Martine")
    client.force_login(lea)

    text = client.get(reverse("notifications:list")).text

    assert text.index("La plus récente") < text.index("La plus ancienne")
    assert "Celle de Martine" not in text


def test_unread_notifications_stand_out_with_a_word_not_only_a_colour(client, lea):
    NotificationFactory(user=lea, title="Pas lue")
    NotificationFactory(user=lea, title="Déjà lue", read_at=timezone.now())
    client.force_login(lea)

    text = client.get(reverse("notifications:list")).text

    assert text.count("notif-unread") == 1
    assert text.count(">Nouveau</span>") == 1


def test_opening_a_notification_marks_it_read_and_goes_to_its_page(client, lea):
    notification = NotificationFactory(user=lea, url="/messages/42/")
    client.force_login(lea)

    response = client.post(reverse("notifications:open", args=[notification.pk]))

    assert response.status_code == 302
    assert response.url == "/messages/42/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_a_notification_pointing_elsewhere_leads_back_to_the_list(client, lea):
    notification = NotificationFactory(user=lea, url="https://ailleurs.example.com/piege")
    client.force_login(lea)

    response = client.post(reverse("notifications:open", args=[notification.pk]))

    assert response.url == reverse("notifications:list")


def test_nobody_opens_someone_elses_notification(client, lea, martine, bruno, staff):
    notification = NotificationFactory(user=lea)
    for person in (martine, bruno, staff):
        client.force_login(person)
        response = client.post(reverse("notifications:open", args=[notification.pk]))
        assert response.status_code == 403
    notification.refresh_from_db()
    assert notification.read_at is None


def test_opening_needs_a_post(client, lea):
    notification = NotificationFactory(user=lea)
    client.force_login(lea)

    assert client.get(reverse("notifications:open", args=[notification.pk])).status_code == 405


def test_mark_all_as_read_touches_only_the_persons_notifications(client, lea, martine):
    NotificationFactory.create_batch(3, user=lea)
    theirs = NotificationFactory(user=martine)
    client.force_login(lea)

    response = client.post(reverse("notifications:mark_all_read"), follow=True)

    assert "marquées comme lues" in response.text
    assert not Notification.objects.filter(user=lea, read_at__isnull=True).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_anonymous_visitors_are_sent_to_the_login_page(client, lea):
    notification = NotificationFactory(user=lea)
    for method, url in [
        ("get", reverse("notifications:list")),
        ("get", reverse("notifications:preferences")),
        ("post", reverse("notifications:mark_all_read")),
        ("post", reverse("notifications:open", args=[notification.pk])),
    ]:
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("accounts:login")), url


def test_the_list_costs_the_same_number_of_queries_for_2_or_20_notifications(
    client, django_assert_max_num_queries, lea
):
    client.force_login(lea)
    NotificationFactory.create_batch(2, user=lea)
    with django_assert_max_num_queries(15) as few:
        client.get(reverse("notifications:list"))

    NotificationFactory.create_batch(18, user=lea)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("notifications:list"))

    assert response.text.count('class="notif') >= 20


def test_the_list_is_paginated_by_twenty(client, lea):
    NotificationFactory.create_batch(25, user=lea)
    client.force_login(lea)

    first = client.get(reverse("notifications:list"))
    second = client.get(reverse("notifications:list") + "?page=2")

    assert first.text.count('<li class="notif') == 20
    assert second.text.count('<li class="notif') == 5


def test_an_empty_list_says_what_will_appear_here(client, lea):
    client.force_login(lea)

    assert "pas encore de notification" in client.get(reverse("notifications:list")).text


def test_a_long_body_is_shortened_between_words_not_inside_one(client, lea):
    NotificationFactory(user=lea, title="Mission terminée", body=" ".join(["attestations"] * 60))
    client.force_login(lea)

    text = client.get(reverse("notifications:list")).text

    shown = text.split('<p class="notif-body">')[1].split("</p>")[0]
    assert shown.endswith("…")
    assert set(shown.removesuffix("…").split()) == {"attestations"}  # no “atte…”


def test_the_page_links_keep_the_rest_of_the_address(client, lea):
    NotificationFactory.create_batch(25, user=lea)
    client.force_login(lea)

    # A link from an e-mail adds its own parameters: turning the page keeps them.
    first = client.get(reverse("notifications:list"), {"utm_source": "digest"})
    second = client.get(reverse("notifications:list"), {"utm_source": "digest", "page": 2})

    assert 'href="?utm_source=digest&amp;page=2"' in first.text
    assert 'href="?utm_source=digest&amp;page=1"' in second.text
