"""What schools answer when the apps below ask: receivers connected in
`SchoolsConfig.ready`."""

from django.db import transaction

from missions.signals import mission_changed
from volunteers.models import VolunteerProfile
from volunteers.signals import profile_page

from .selectors import cohorts_seen_on_profile


def _profile_page(sender, profile: VolunteerProfile, viewer, **kwargs) -> dict:
    return {"cohorts": cohorts_seen_on_profile(profile.user, viewer)}


def _mission_changed(sender, mission_id: int, **kwargs) -> None:
    # A class project ends with its mission: once it is completed, so is the project.
    from .services import class_projects_follow_mission

    transaction.on_commit(lambda: class_projects_follow_mission(mission_id=mission_id))


def connect() -> None:
    mission_changed.connect(_mission_changed, dispatch_uid="schools-mission-changed")
    profile_page.connect(_profile_page, dispatch_uid="schools-profile-page")
