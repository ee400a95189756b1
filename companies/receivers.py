"""What companies answer when the apps below ask: receivers connected in
`CompaniesConfig.ready`."""

from django.urls import reverse

from organizations.models import Organization
from organizations.selectors import is_member
from organizations.signals import organization_page
from volunteers.models import VolunteerProfile
from volunteers.signals import profile_page

from .selectors import employers_shown


def _profile_page(sender, profile: VolunteerProfile, viewer, **kwargs) -> dict:
    # Her employer, only where she chose to show it.
    return {"employers": employers_shown(profile.user)}


def _organization_page(sender, organization: Organization, user, **kwargs) -> dict:
    if organization.kind != Organization.Kind.COMPANY:
        return {}
    # Its managers are its members: their way to the company's space.
    if not is_member(user, organization):
        return {}
    return {"company_space_url": reverse("companies:space", args=[organization.slug])}


def connect() -> None:
    profile_page.connect(_profile_page, dispatch_uid="companies-profile-page")
    organization_page.connect(_organization_page, dispatch_uid="companies-organization-page")
