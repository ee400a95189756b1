"""What missions tell the apps above them, and what they ask them (sent by
`missions.services`, `missions.lifecycle`, `missions.selectors`, `missions.views` and the
mission admin). Missions import none of those apps: each one connects its receivers here.
"""

from django.dispatch import Signal

# Sent inside the transaction with `mission_id=<int>` when a mission is created, edited
# (its fields or the skills it asks for) or changes state (matching forgets the volunteers
# suggested for it).
mission_changed = Signal()

# Sent inside the transaction once a mission has started, with `mission` and `by` (the
# member who started it): engagements tells the volunteers of its team.
mission_started = Signal()

# Sent inside the transaction once a mission is cancelled, with `mission`, `by` and
# `reason` (what they typed): engagements tells the volunteers of its team.
mission_cancelled = Signal()

# Sent by `services.mission_answer_delivery` when a member answers a delivered mission from
# its page, with `mission`, `action` ("complete" or "request_changes"), `by` and `reason`.
# The app that holds the team's deliveries answers each of them and moves the mission
# (its receiver returns True); with none, the mission moves alone.
mission_delivery_answered = Signal()

# Asked by `selectors.facts_by_mission` (and `facts_of`) with `missions` (a list): each
# receiver returns `{mission_id: {fact: value}}` about what its app knows of them.
# Engagements answers `confirmed_agreement` (bool, the lifecycle's `start` guard needs it)
# and `pending_applications` (int, "Mes missions" counts them).
mission_facts = Signal()

# Asked by the mission page (`views.detail`) with `mission`, `user` and `member` (whether
# `user` belongs to its association): each receiver returns a dict of what its app adds
# to the page (completion: `team`, `next_step`, `engagement`, `my_next_step`).
mission_page = Signal()

# Asked by `selectors.public_missions` for the "match" order, with `missions` (a
# QuerySet), `user` and `today`: a receiver returns the missions in the volunteer's order
# (a sequence that pages like the QuerySet), or None when it cannot rank for this user.
missions_ranked = Signal()

# Asked by `reminders` with `mission`: each receiver returns the people working on it (a
# list of users), so that they hear the reminders too. Engagements answers with the team.
mission_team = Signal()
