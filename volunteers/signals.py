"""What other apps may listen to about volunteers (sent by `volunteers.services`)."""

from django.dispatch import Signal

# Sent inside the transaction with `user_id=<int>` when a volunteer's profile, skills or
# causes are written or removed (matching forgets the suggestions made from them).
profile_changed = Signal()

# Asked by `selectors.get_profile_for_viewer` with `viewer` (a signed-in person, not staff):
# each receiver returns a condition on VolunteerProfile (a Q or an Exists over `user_id`)
# naming the private profiles `viewer` may read, or None. Engagements answers: those of
# the volunteers who applied to (or joined) a mission of one of the viewer's organisations.
profile_readers = Signal()

# Asked by a volunteer's profile page with `profile` and `viewer` (who looks, perhaps
# anonymous): each receiver returns a dict of what its app adds to the page (schools:
# `cohorts`, those of her cohorts the viewer may see).
profile_page = Signal()
