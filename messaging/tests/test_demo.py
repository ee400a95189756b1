"""The demo conversations build on whatever applications exist, and on none."""

from core.demo import DemoContext
from engagements.models import Application
from messaging import demo, selectors
from messaging.models import Attachment, Message, Thread
from notifications import demo as notifications_demo
from notifications.models import Notification

from .factories import ApplicationFactory


def test_the_demo_writes_conversations_for_the_applications_it_is_given(
    application, mission, martine, yacine, lea, karim
):
    accepted = ApplicationFactory(
        mission=mission, volunteer=karim, status=Application.Status.ACCEPTED
    )
    ctx = DemoContext(
        seed=1,
        quiet=True,
        objects={
            "applications": [application, accepted],
            "users": {"lea": lea, "martine": martine, "karim": karim},
        },
    )

    demo.build(ctx)

    assert Thread.objects.filter(application=application).exists()
    assert Thread.objects.filter(application=accepted).exists()
    assert Thread.objects.filter(mission=mission, application__isnull=True).exists()
    assert Message.objects.count() >= 6
    assert Attachment.objects.count() == 1
    # The last message of each thread is still unread by the side that did not write it.
    assert sum(selectors.unread_count(person) for person in (lea, karim, martine)) >= 3
    thread = Thread.objects.filter(application=application).get()
    assert thread.last_message_at == thread.messages.last().created_at


def test_the_demo_finds_applications_itself_when_none_are_handed_over(application):
    demo.build(DemoContext(seed=1, quiet=True))

    assert Message.objects.filter(thread__application=application).exists()


def test_the_demo_does_nothing_without_applications(db):
    demo.build(DemoContext(seed=1, quiet=True, objects={"applications": []}))

    assert not Thread.objects.exists()


def test_the_demo_notifications_are_for_the_named_people_and_never_mailed_again(lea, martine):
    notifications_demo.build(
        DemoContext(seed=1, quiet=True, objects={"users": {"lea": lea, "martine": martine}})
    )

    assert Notification.objects.filter(user=lea).count() == 2
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()
