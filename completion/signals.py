"""What other apps may listen to: an engagement's end, once confirmed by the association."""

from django.dispatch import Signal

# Sent after the commit with `application=<engagements.models.Application>` when the
# association confirms that the volunteer's work is complete (credentials listen to it).
engagement_completed = Signal()
