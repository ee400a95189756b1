"""Issue the attestation as soon as all it attests is final.

That is when the association confirms the end (completion's `engagement_completed`) if its
review of the volunteer is already public, else when that review is published (seen here
as the review being saved with a publication date: completion sends no signal for it), else
14 days after the end, by the hourly `credentials` job (core cron), which also catches up
anything a failed task left behind.
"""

from django.db import transaction
from django.db.models.signals import post_save


def _issue_after_commit(application_id: int) -> None:
    from .tasks import issue_credential

    # After the commit, in the background: signing must never hold up (or undo) the
    # association's confirmation.
    transaction.on_commit(lambda: issue_credential.enqueue(application_id=application_id))


def on_engagement_completed(sender, application, **kwargs) -> None:
    _issue_after_commit(application.pk)


def on_review_saved(sender, instance, **kwargs) -> None:
    if instance.direction == instance.Direction.ASSOCIATION and instance.published_at:
        _issue_after_commit(instance.application_id)


def connect() -> None:
    from completion.models import Review
    from completion.signals import engagement_completed

    engagement_completed.connect(on_engagement_completed, dispatch_uid="credentials.issue")
    post_save.connect(on_review_saved, sender=Review, dispatch_uid="credentials.review")
