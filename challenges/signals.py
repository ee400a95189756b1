"""What challenges tell the apps above them (sent by `challenges.services`, after the commit,
with ids): none listens yet; the jury, results and « turn this answer into a mission »
slices will."""

from django.dispatch import Signal

# `event_id=<int>`, `action=<str>` (a step of `challenges.lifecycle.EVENT`).
event_changed = Signal()

# `challenge_id=<int>`, `action=<str>` (accept, decline or withdraw).
challenge_changed = Signal()

# `event=<Event>`, sender `Event`: the organiser published the ranked results (`Team.rank`,
# `Team.prize` are set). Sent by nothing yet: the results slice sends it after its commit;
# badges listen.
results_published = Signal()
