"""What other apps may listen to about applications (sent by `engagements.services`, and
by the account erasure in `engagements.apps`)."""

from django.dispatch import Signal

# Sent inside the transaction with `volunteer_id=<int>, mission_id=<int>` when an
# application or invitation is created or changes status (answered, withdrawn, expired…),
# including the changes made with `.update()` (matching forgets both suggestion lists).
application_changed = Signal()
