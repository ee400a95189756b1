"""The end of the work in the journal: delivery, changes asked, end confirmed, reviews."""

from audit.tests.helpers import journal
from completion import services
from completion.models import Review


def test_delivery_changes_confirmation_and_reviews_are_journaled(engagement, lea, martine):
    services.work_deliver(
        application=engagement, by=lea, hours=12, links=["https://exemple.fr/logo"]
    )
    services.changes_request(application=engagement, by=martine, reason="Le vert est trop pâle")
    services.work_deliver(application=engagement, by=lea, hours=13, links=["https://exemple.fr/v2"])
    services.completion_confirm(application=engagement, by=martine, hours=13)
    services.review_write(
        application=engagement,
        by=martine,
        ratings={"quality": 5, "communication": 5, "deadlines": 4},
        answers={"answer_done": "Un logo"},
    )
    services.review_write(
        application=engagement,
        by=lea,
        ratings={"clarity": 5, "availability": 4, "respect": 5},
    )

    m = {"mission": engagement.mission_id}
    assert journal(engagement) == [
        ("work.delivered", lea, engagement, {**m, "hours": 12}),
        ("completion.changes_requested", martine, engagement, m),
        ("work.delivered", lea, engagement, {**m, "hours": 13}),
        ("completion.confirmed", martine, engagement, {**m, "hours": 13}),
    ]
    published = [row for row in journal() if row[0] == "review.published"]
    reviews = {r.direction: r for r in Review.objects.filter(application=engagement)}
    assert sorted(published, key=lambda row: row[3]["direction"]) == [
        ("review.published", lea, reviews["association"], {**m, "direction": "association"}),
        ("review.published", lea, reviews["volunteer"], {**m, "direction": "volunteer"}),
    ]
