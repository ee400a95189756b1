"""What other apps may listen to about missions (sent by `missions.services`,
`missions.lifecycle` and the mission admin)."""

from django.dispatch import Signal

# Sent inside the transaction with `mission_id=<int>` when a mission is created, edited
# (its fields or the skills it asks for) or changes state (matching forgets the volunteers
# suggested for it).
mission_changed = Signal()
