"""What schools answer when the apps below ask: receivers connected in
`SchoolsConfig.ready`."""

from volunteers.models import VolunteerProfile
from volunteers.signals import profile_page

from .selectors import cohorts_seen_on_profile


def _profile_page(sender, profile: VolunteerProfile, viewer, **kwargs) -> dict:
    return {"cohorts": cohorts_seen_on_profile(profile.user, viewer)}


def connect() -> None:
    profile_page.connect(_profile_page, dispatch_uid="schools-profile-page")
