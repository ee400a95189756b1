"""Applications and invitations to a mission, and the agreement both sides confirm."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from missions.models import Licence


class Application(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("en attente de réponse")
        INVITED = "invited", _("invitation envoyée")
        ACCEPTED = "accepted", _("acceptée")
        DECLINED = "declined", _("déclinée")
        WITHDRAWN = "withdrawn", _("retirée")
        EXPIRED = "expired", _("expirée sans réponse")

    mission = models.ForeignKey(
        "missions.Mission", on_delete=models.CASCADE, related_name="applications"
    )
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="applications"
    )
    status = models.CharField(max_length=20, choices=Status, default=Status.PENDING, db_index=True)
    message = models.TextField(_("votre message"), blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answer = models.TextField(_("réponse"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("candidature")
        constraints = [
            # One live application per person and mission; withdrawn ones stay as history,
            # and coming back makes a fresh application (with a fresh agreement).
            models.UniqueConstraint(
                fields=["mission", "volunteer"],
                condition=~models.Q(status="withdrawn"),
                name="one_live_application_per_mission",
            )
        ]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.volunteer} → {self.mission}"

    # What the pages show about the state (what one may do is asked of engagements.lifecycle).
    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def is_invited(self) -> bool:
        return self.status == self.Status.INVITED

    @property
    def is_accepted(self) -> bool:
        return self.status == self.Status.ACCEPTED

    @property
    def is_declined(self) -> bool:
        return self.status == self.Status.DECLINED

    @property
    def is_expired(self) -> bool:
        return self.status == self.Status.EXPIRED

    @property
    def is_active(self) -> bool:
        """Waiting for an answer, invited, or accepted: both sides still have things to say."""
        return self.status in (self.Status.PENDING, self.Status.INVITED, self.Status.ACCEPTED)


class Agreement(models.Model):
    """The engagement's frame, generated from the mission when an application is accepted."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="agreement"
    )
    scope = models.TextField(_("ce qui est prévu"))
    deliverables = models.TextField(_("livrables"), blank=True)
    start_date = models.DateField(_("début"), null=True, blank=True)
    end_date = models.DateField(_("fin"), null=True, blank=True)
    hours = models.PositiveSmallIntegerField(_("heures prévues"), null=True, blank=True)
    licence = models.CharField(_("droits sur les livrables"), max_length=20, choices=Licence)
    association_confirmed_at = models.DateTimeField(null=True, blank=True)
    association_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    volunteer_confirmed_at = models.DateTimeField(null=True, blank=True)
    # A team taken at once (a school's class project) has one agreement: its lead's. The
    # other members' agreements are covered by it and count as confirmed when it is.
    covered_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="covered"
    )
    # Someone who must confirm too, besides both sides (the team's teacher): named when the
    # agreement is drafted, so engagements needs to know nothing of schools.
    cosigner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cosigner_confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("accord d’engagement")

    @property
    def is_covered(self) -> bool:
        return self.covered_by_id is not None

    @property
    def is_confirmed(self) -> bool:
        if self.covered_by_id is not None:
            return self.covered_by.is_confirmed
        cosigned = self.cosigner_id is None or self.cosigner_confirmed_at is not None
        return bool(self.association_confirmed_at and self.volunteer_confirmed_at and cosigned)

    @property
    def deliverable_list(self) -> list[str]:
        return [line.strip() for line in self.deliverables.splitlines() if line.strip()]

    @property
    def licence_explanation(self) -> str:
        return LICENCE_EXPLANATIONS.get(self.licence, "")


# What each licence means, in words an association's treasurer can repeat.
LICENCE_EXPLANATIONS = {
    Licence.FREE_USE: _(
        "L’association peut utiliser, modifier et diffuser les livrables comme elle le veut, "
        "sans limite de durée et sans rien payer. Le ou la bénévole garde le droit de les "
        "montrer dans son portfolio et de dire qu’il ou elle les a réalisés."
    ),
    Licence.CC_BY: _(
        "Tout le monde, l’association comprise, peut réutiliser et modifier les livrables, "
        "à condition de citer le nom de la personne qui les a réalisés."
    ),
    Licence.CC_BY_SA: _(
        "Tout le monde, l’association comprise, peut réutiliser et modifier les livrables, "
        "à condition de citer le nom de la personne qui les a réalisés et de partager les "
        "versions modifiées aux mêmes conditions."
    ),
}
