from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "organizations"
    verbose_name = _("Organisations")

    def ready(self) -> None:
        from core.navigation import NavItem, register

        from . import roles
        from .selectors import has_membership

        roles.register()  # what core.roles asks of every person
        register(NavItem(_("Mon association"), "organizations:mine", has_membership, order=20))

    def personal_data(self, user) -> dict:
        from .models import Invitation, Membership

        return {
            "memberships": [
                {
                    "organization": m.organization.name,
                    "role": m.role,
                    "since": m.created_at.isoformat(),
                }
                for m in Membership.objects.filter(user=user).select_related("organization")
            ],
            "invitations_received": [
                {
                    "organization": i.organization.name,
                    "sent_at": i.created_at.isoformat(),
                    "accepted_at": i.accepted_at and i.accepted_at.isoformat(),
                }
                for i in Invitation.objects.filter(email=user.email).select_related("organization")
            ],
        }

    def erase_personal_data(self, user) -> None:
        from .models import Invitation, Membership
        from .signals import membership_changed

        # What the organisation did stays; the person's place in it and the invitations
        # sent to their address go.
        Invitation.objects.filter(email=user.email).delete()
        memberships = Membership.objects.filter(user=user)
        organization_ids = list(memberships.values_list("organization_id", flat=True))
        memberships.delete()
        for organization_id in organization_ids:
            membership_changed.send(
                sender=Membership, user_id=user.pk, organization_id=organization_id
            )
