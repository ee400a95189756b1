"""Léa clicks « Remettre mon travail » five times in a row: the association gets one delivery.

Handing the same thing over again adds nothing: a link or a file already delivered is not
delivered twice, and a submission that brings nothing new tells nobody again. Something new
(another link, another file, or a new delivery after changes were asked for) still counts.
"""

from django.urls import reverse

from completion import services
from completion.models import Completion, Deliverable
from notifications.models import Notification

from .factories import png_bytes, png_upload


def deliver_url(application) -> str:
    return reverse("completion:deliver", args=[application.pk])


def test_five_quick_submits_make_one_delivery(client, engagement, lea, martine, yacine):
    client.force_login(lea)
    data = {"links": "https://www.jardins-belleville.fr", "hours": "12", "note": "Voici le site."}

    responses = [client.post(deliver_url(engagement), data) for _ in range(5)]

    assert [r.status_code for r in responses] == [302] * 5
    completion = Completion.objects.get(application=engagement)
    assert list(completion.deliverables.values_list("url", flat=True)) == [
        "https://www.jardins-belleville.fr"
    ]
    # Each member is told once.
    assert Notification.objects.filter(kind="work_delivered").count() == 2


def test_the_same_file_sent_twice_is_kept_once(client, engagement, lea):
    client.force_login(lea)

    for _ in range(2):
        client.post(deliver_url(engagement), {"files": [png_upload("logo.png")], "hours": "12"})

    assert Deliverable.objects.filter(kind=Deliverable.Kind.FILE).count() == 1


def test_a_file_of_the_same_name_but_other_content_is_added(client, engagement, lea):
    client.force_login(lea)

    client.post(deliver_url(engagement), {"files": [png_upload("logo.png")], "hours": "12"})
    other = png_upload("logo.png", colour=(10, 200, 30))
    assert other.read() != png_bytes()
    other.seek(0)
    client.post(deliver_url(engagement), {"files": [other], "hours": "12"})

    assert Deliverable.objects.filter(kind=Deliverable.Kind.FILE).count() == 2


def test_a_new_link_is_still_added_and_told(client, engagement, lea, martine):
    client.force_login(lea)

    client.post(deliver_url(engagement), {"links": "https://a.example.org", "hours": "12"})
    assert Notification.objects.filter(kind="work_delivered", user=martine).count() == 1
    client.post(
        deliver_url(engagement),
        {"links": "https://a.example.org\nhttps://b.example.org", "hours": "12"},
    )

    links = Deliverable.objects.values_list("url", flat=True).order_by("pk")
    assert list(links) == ["https://a.example.org", "https://b.example.org"]
    assert Notification.objects.filter(kind="work_delivered", user=martine).count() == 2


def test_after_changes_were_asked_the_same_work_can_be_handed_over_again(
    client, engagement, lea, martine
):
    client.force_login(lea)
    data = {"links": "https://a.example.org", "hours": "12", "note": "Voilà."}
    client.post(deliver_url(engagement), data)
    services.changes_request(application=engagement, by=martine, reason="Plus grand, svp.")

    client.post(deliver_url(engagement), data)

    completion = Completion.objects.get(application=engagement)
    assert completion.status == Completion.Status.DELIVERED
    assert completion.deliverables.count() == 1
