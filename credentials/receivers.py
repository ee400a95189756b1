"""Issue the attestation as soon as all it attests is final.

That is when the association confirms the end (completion's `engagement_completed`) if its
review of the volunteer is already public, else when that review is published
(completion's `review_published`, sent on every publication path), else 14 days after the
end, by the hourly `credentials` job (`manage.py cron`, in home), which also catches up
anything a failed task left behind.
"""

from django.db import transaction


def _issue_after_commit(application_id: int) -> None:
    from .tasks import issue_credential

    # After the commit, in the background: signing must never hold up (or undo) the
    # association's confirmation.
    transaction.on_commit(lambda: issue_credential.enqueue(application_id=application_id))


def on_engagement_completed(sender, application, **kwargs) -> None:
    _issue_after_commit(application.pk)


def on_review_published(sender, review, **kwargs) -> None:
    if review.direction == review.Direction.ASSOCIATION:
        _issue_after_commit(review.application_id)


def on_results_published(sender, event, **kwargs) -> None:
    from .tasks import issue_event_badges

    # Sent after the results' commit: the badges are signed in the background.
    issue_event_badges.enqueue(event_id=event.pk)


def connect() -> None:
    from challenges.signals import results_published
    from completion.signals import engagement_completed, review_published

    engagement_completed.connect(on_engagement_completed, dispatch_uid="credentials.issue")
    review_published.connect(on_review_published, dispatch_uid="credentials.review")
    results_published.connect(on_results_published, dispatch_uid="credentials.badges")
