"""Both sides review each other: hidden until both have written, or 14 days after the end."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from completion import selectors, services
from completion.models import Completion, Review
from notifications.models import Notification
from taxonomy.models import Skill

from .factories import CompletionFactory, ReviewFactory

ASSOCIATION_REVIEW = {
    "quality": "5",
    "communication": "4",
    "deadlines": "5",
    "answer_done": "Léa a créé notre nouveau logo.",
    "answer_how": "Elle nous a écoutés et proposé trois pistes.",
    "answer_recommend": "Oui, pour tout travail de graphisme.",
}
VOLUNTEER_REVIEW = {"clarity": "4", "availability": "5", "respect": "5", "comment": "Merci !"}


@pytest.fixture
def completed(engagement, martine):
    CompletionFactory(application=engagement, completed_by=martine)
    return engagement


def review_url(application) -> str:
    return reverse("completion:review", args=[application.pk])


def detail_url(application) -> str:
    return reverse("completion:detail", args=[application.pk])


def test_the_association_writes_a_reference_that_waits_for_the_volunteer(
    client, completed, martine, lea
):
    client.force_login(martine)
    logo = Skill.objects.get(slug="logo")

    response = client.post(review_url(completed), {**ASSOCIATION_REVIEW, "skills": [logo.pk]})

    assert response.url == detail_url(completed)
    review = Review.objects.get()
    assert review.direction == Review.Direction.ASSOCIATION
    assert review.testimonial == (
        "Léa a créé notre nouveau logo.\n\nElle nous a écoutés et proposé trois pistes.\n\n"
        "Oui, pour tout travail de graphisme."
    )
    assert list(review.endorsed_skills.all()) == [logo]
    assert review.published_at is None
    assert Notification.objects.get(kind="review_written").user == lea

    # Léa knows it is there, but cannot read it before writing hers.
    client.force_login(lea)
    response = client.get(detail_url(completed))
    assert "Léa a créé notre nouveau logo." not in response.text
    assert "L’autre côté a déjà écrit le sien" in response.text


def test_the_second_review_publishes_both(client, completed, martine, lea, yacine):
    client.force_login(martine)
    client.post(review_url(completed), ASSOCIATION_REVIEW)
    client.force_login(lea)

    client.post(review_url(completed), VOLUNTEER_REVIEW)

    assert Review.objects.filter(published_at__isnull=True).count() == 0
    # The association learns the volunteer's review is visible; Léa, who is on the page,
    # is not e-mailed about what she sees.
    assert {n.user for n in Notification.objects.filter(kind="association_review_published")} == {
        martine,
        yacine,
    }
    assert not Notification.objects.filter(kind="reference_published").exists()
    response = client.get(detail_url(completed))
    assert "Léa a créé notre nouveau logo." in response.text
    assert "Merci !" in response.text


def test_a_review_can_be_changed_until_it_is_published(client, completed, martine, lea):
    client.force_login(lea)
    client.post(review_url(completed), VOLUNTEER_REVIEW)
    client.post(review_url(completed), {**VOLUNTEER_REVIEW, "clarity": "2"})
    assert Review.objects.get().clarity == 2

    client.force_login(martine)
    client.post(review_url(completed), ASSOCIATION_REVIEW)
    client.force_login(lea)
    response = client.post(review_url(completed), {**VOLUNTEER_REVIEW, "clarity": "5"})

    assert response.url == detail_url(completed)  # sent back to read both
    assert Review.objects.get(direction="volunteer").clarity == 2


def test_every_mark_is_needed(client, completed, lea):
    client.force_login(lea)

    response = client.post(review_url(completed), {"clarity": "4", "availability": "9"})

    assert response.status_code == 200
    assert "Choisissez une note de 1 à 5." in response.text
    assert not Review.objects.exists()


def test_reviews_wait_for_the_end_to_be_confirmed(client, engagement, lea):
    client.force_login(lea)

    response = client.post(review_url(engagement), VOLUNTEER_REVIEW, follow=True)

    assert "une fois la fin de la mission confirmée" in response.text
    assert not Review.objects.exists()


def test_after_14_days_the_job_publishes_what_was_written(completed, lea, martine):
    services.review_write(
        application=completed,
        by=martine,
        ratings={"quality": 5, "communication": 5, "deadlines": 4},
        answers={"answer_done": "Un logo.", "answer_how": "Bien.", "answer_recommend": "Oui."},
    )
    completion = Completion.objects.get()
    now = completion.completed_at + timedelta(days=13)
    assert services.publish_due_reviews(now) == 0

    now = completion.completed_at + timedelta(days=14, minutes=1)
    assert services.publish_due_reviews(now) == 1
    assert services.publish_due_reviews(now) == 0  # a second run finds nothing more

    assert Review.objects.get().published_at == now
    told = Notification.objects.get(kind="reference_published")
    assert told.user == lea


def test_a_review_written_after_the_14_days_appears_at_once(completed, lea):
    Completion.objects.update(completed_at=timezone.now() - timedelta(days=20))

    review = services.review_write(
        application=completed, by=lea, ratings={"clarity": 3, "availability": 4, "respect": 5}
    )

    assert review.is_published


def test_reminders_go_once_to_whoever_has_not_written(completed, martine, yacine, lea):
    ReviewFactory(
        application=completed, direction=Review.Direction.VOLUNTEER, published_at=None, author=lea
    )
    now = Completion.objects.get().completed_at + timedelta(days=5, minutes=1)

    assert services.remind_missing_reviews(now) == 1
    assert services.remind_missing_reviews(now) == 0

    told = Notification.objects.filter(kind="review_reminder")
    assert {n.user for n in told} == {martine, yacine}
    assert "La recommandation de Léa Martin vous attend" in told.first().title


def test_the_tick_does_both(completed):
    assert services.completion_tick() == {"reminded": 0, "published": 0}


def test_volunteer_review_returns_the_association_side_published_or_not(completed, martine):
    assert selectors.volunteer_review(completed) is None
    services.review_write(
        application=completed,
        by=martine,
        ratings={"quality": 5, "communication": 5, "deadlines": 4},
        answers={"answer_done": "Un logo.", "answer_how": "Bien.", "answer_recommend": "Oui."},
        skills=Skill.objects.filter(slug="logo"),
    )

    review = selectors.volunteer_review(completed)

    assert review.direction == Review.Direction.ASSOCIATION and not review.is_published
    assert [skill.slug for skill in review.endorsed_skills.all()] == ["logo"]


def test_the_review_form_offers_the_mission_and_the_volunteer_skills(client, completed, martine):
    client.force_login(martine)

    response = client.get(review_url(completed))

    skills = response.context["form"].fields["skills"].queryset
    assert {skill.slug for skill in skills} == {"logo", "figma", "illustration"}
    assert "Qu’a réalisé Léa pour votre association ?" in response.text
