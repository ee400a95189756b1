"""What other apps may listen to about applications (sent by `engagements.services`, and
by the account erasure in `engagements.apps`)."""

from django.dispatch import Signal

# Sent inside the transaction with `volunteer_id=<int>, mission_id=<int>` when an
# application or invitation is created or changes status (answered, withdrawn, expired…),
# including the changes made with `.update()` (matching forgets both suggestion lists).
application_changed = Signal()

# Asked by the apply page with `mission`, `user` and `data` (the POST, or None): a receiver
# returns a form to show under the message (a Django form with its own `prefix`, drawn by
# its own `template_name`: companies offers « on my working time, within my company's
# programme »), or None. The page validates them with its own; `application_create` calls
# each one's `save(application=)` in its transaction, and a refusal it raises undoes all.
apply_form_parts = Signal()
