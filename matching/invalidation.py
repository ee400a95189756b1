"""Forget the kept suggestion lists (`selectors.forget_suggestions`) when what made them
changes: the volunteer's profile, skills or causes, their applications, their
memberships; a mission, what it asks for, who applied to it.

Each app's services say so with an explicit event (`<app>/signals.py`), sent after their
writes — `.update()` and bulk writes included, which model signals would miss."""

from engagements.signals import application_changed
from missions.signals import mission_changed
from organizations.signals import membership_changed
from volunteers.signals import profile_changed

from .selectors import forget_suggestions


def _profile(sender, user_id: int, **kwargs) -> None:
    forget_suggestions(user_ids=[user_id])


def _application(sender, volunteer_id: int, mission_id: int, **kwargs) -> None:
    forget_suggestions(user_ids=[volunteer_id], mission_ids=[mission_id])


def _membership(sender, user_id: int, **kwargs) -> None:
    forget_suggestions(user_ids=[user_id])


def _mission(sender, mission_id: int, **kwargs) -> None:
    forget_suggestions(mission_ids=[mission_id])


def connect() -> None:
    profile_changed.connect(_profile, dispatch_uid="matching-forget-profile")
    application_changed.connect(_application, dispatch_uid="matching-forget-application")
    membership_changed.connect(_membership, dispatch_uid="matching-forget-membership")
    mission_changed.connect(_mission, dispatch_uid="matching-forget-mission")
