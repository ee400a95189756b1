"""GDPR: the export holds the work, hours and reviews; deleting the account removes words."""

from accounts.services import user_delete, user_personal_data
from completion.models import Completion, Review

from .factories import CompletionFactory, DeliverableLinkFactory, ReviewFactory


def test_the_export_holds_completions_and_reviews_written_and_received(engagement, lea, martine):
    completion = CompletionFactory(application=engagement, note="Voici le logo.")
    DeliverableLinkFactory(completion=completion, url="https://exemple.fr/logo")
    ReviewFactory(application=engagement, author=martine, testimonial="Bravo Léa.")
    ReviewFactory(
        application=engagement, direction=Review.Direction.VOLUNTEER, author=lea, comment="Merci"
    )

    data = user_personal_data(user=lea)["completion"]

    assert data["completions"][0]["note"] == "Voici le logo."
    assert data["completions"][0]["confirmed_hours"] == 14
    assert data["completions"][0]["deliverables"][0]["url"] == "https://exemple.fr/logo"
    assert data["reviews_written"][0]["comment"] == "Merci"
    assert data["reviews_received"][0]["testimonial"] == "Bravo Léa."
    assert user_personal_data(user=martine)["completion"]["reviews_written"][0]["quality"] == 5


def test_deleting_the_account_removes_the_words_about_and_by_the_person(engagement, lea, martine):
    CompletionFactory(application=engagement, note="Voici le logo.")
    about = ReviewFactory(application=engagement, author=martine, testimonial="Bravo Léa.")
    by = ReviewFactory(
        application=engagement, direction=Review.Direction.VOLUNTEER, author=lea, comment="Merci"
    )

    user_delete(user=lea)

    completion = Completion.objects.get()
    about.refresh_from_db()
    by.refresh_from_db()
    assert completion.note == "" and completion.confirmed_hours == 14  # the record stays
    assert about.testimonial == "" and about.quality == 5
    assert by.comment == "" and by.clarity == 4  # still part of the association's average


def test_a_member_leaving_keeps_the_reference_the_association_wrote(engagement, martine):
    CompletionFactory(application=engagement)
    review = ReviewFactory(application=engagement, author=martine, testimonial="Bravo Léa.")

    user_delete(user=martine)

    review.refresh_from_db()
    assert review.testimonial == "Bravo Léa."
