from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TerritoriesConfig(AppConfig):
    name = "territories"
    verbose_name = _("Territoires")

    def ready(self) -> None:
        from audit.services import register_annotator
        from core.navigation import NavItem, register
        from diagnosis.plan_extras import register_plan_extra
        from organizations.delegation import register_acting_for, register_moderation_scope
        from organizations.signals import organization_page

        from . import annotations, packs_selectors, roles, selectors
        from .receivers import on_organization_page

        roles.register()  # who moderates a territory, who is a mediator
        register_moderation_scope(selectors.moderated_by)
        register_acting_for(selectors.acting_for)
        register_annotator(annotations.annotate)
        register_plan_extra(packs_selectors.plan_extras)  # the packs offered, under the plan
        organization_page.connect(on_organization_page, dispatch_uid="territories_org_page")
        register(
            NavItem(
                _("Associations aidées"), "territories:helping", selectors.is_mediator, order=25
            )
        )

    def personal_data(self, user) -> dict:
        from .models import Consent, Mediator, PackClaim, TerritorialModerator

        return {
            "territorial_moderator": [
                {
                    "territory": str(m.territory),
                    "since": m.created_at.isoformat(),
                    "until": m.ended_at and m.ended_at.isoformat(),
                }
                for m in TerritorialModerator.objects.filter(user=user).select_related(
                    "territory__authority"
                )
            ],
            "mediator": [
                {
                    "territory": str(m.territory),
                    "since": m.created_at.isoformat(),
                    "until": m.ended_at and m.ended_at.isoformat(),
                }
                for m in Mediator.objects.filter(user=user).select_related("territory__authority")
            ],
            "consents_given": [
                {
                    "association": c.association.name,
                    "purpose": c.purpose,
                    "given_at": c.given_at.isoformat(),
                    "until": c.until.isoformat(),
                    "revoked_at": c.revoked_at and c.revoked_at.isoformat(),
                }
                for c in Consent.objects.filter(given_by=user).select_related("association")
            ],
            "packs_claimed": [
                {
                    "pack": claim.pack.title,
                    "association": claim.association.name,
                    "claimed_at": claim.claimed_at.isoformat(),
                }
                for claim in PackClaim.objects.filter(claimed_by=user).select_related(
                    "pack", "association"
                )
            ],
        }

    def erase_personal_data(self, user) -> None:
        from django.utils import timezone

        from .models import Consent, Mediator, Pack, PackClaim, TerritorialModerator

        # The consents stay with the association (what was done on its behalf is its
        # history); the person's appointments end, and her name leaves the consents.
        now = timezone.now()
        TerritorialModerator.objects.filter(user=user, ended_at__isnull=True).update(ended_at=now)
        Mediator.objects.filter(user=user, ended_at__isnull=True).update(ended_at=now)
        Consent.objects.filter(given_by=user).update(given_by=None)
        Consent.objects.filter(revoked_by=user).update(revoked_by=None)
        # A pack and its claims belong to the authority and the associations: only the
        # link to the person who composed or claimed it goes.
        Pack.objects.filter(created_by=user).update(created_by=None)
        PackClaim.objects.filter(claimed_by=user).update(claimed_by=None)
