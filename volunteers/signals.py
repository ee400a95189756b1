"""What other apps may listen to about volunteers (sent by `volunteers.services`)."""

from django.dispatch import Signal

# Sent inside the transaction with `user_id=<int>` when a volunteer's profile, skills or
# causes are written or removed (matching forgets the suggestions made from them).
profile_changed = Signal()
