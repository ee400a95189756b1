"""What challenges tell the apps above them (sent by `challenges.services`, after the commit,
with ids): none listens yet; the jury, results and « turn this answer into a mission »
slices will."""

from django.dispatch import Signal

# `event_id=<int>`, `action=<str>` (a step of `challenges.lifecycle.EVENT`).
event_changed = Signal()

# `challenge_id=<int>`, `action=<str>` (accept, decline or withdraw).
challenge_changed = Signal()
