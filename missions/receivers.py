"""What missions answer when the apps below ask: receivers connected in
`MissionsConfig.ready`."""

from organizations.models import Organization
from organizations.signals import organization_page

from .models import Mission, Status


def open_missions(organization: Organization, *, limit: int = 10) -> list[Mission]:
    return list(
        Mission.objects.filter(organization=organization, status=Status.OPEN).order_by(
            "-published_at", "-created_at"
        )[:limit]
    )


def _organization_page(sender, organization: Organization, **kwargs) -> dict:
    return {"missions": open_missions(organization, limit=10)}


def connect() -> None:
    organization_page.connect(_organization_page, dispatch_uid="missions-organization-page")
