"""What other apps may listen to: an engagement's end, once confirmed by the association,
and the publication of a review (sent by `completion.services` only)."""

from django.dispatch import Signal

# Sent after the commit with `application=<engagements.models.Application>` when the
# association confirms that the volunteer's work is complete (credentials listen to it).
engagement_completed = Signal()

# Sent inside the transaction with `review=<completion.models.Review>` (its
# `published_at` set) each time a review becomes public, whatever the path: both sides
# written, written after the delay, or published by the hourly `publish_due_reviews`.
# Credentials listen to it (the association's review completes the attestation).
review_published = Signal()

# Asked by `views.detail` (the end of a mission) with `application` and `viewer`
# (engagements.selectors.Viewer), once the end is confirmed and only for its volunteer:
# each receiver returns a list of sections for the page, dicts with `template` (a template
# included with the dict as `section`) and what it shows. Teaching answers: her teachers'
# verdicts on the mission.
engagement_page = Signal()
