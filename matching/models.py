"""Matching keeps no rows of its own: it reads missions and profiles and scores them.

What it used to record moved where the layers put it (docs/architecture.md): the weekly
digests to `notifications.WeeklyDigest`, the mission reminders to
`missions.MissionReminder`, the cron bookkeeping to `home.PeriodicRun`.
"""
