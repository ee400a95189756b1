"""Local authorities' territories, the moderators they appoint, their mediators (aidants
numériques), the consents associations give those mediators, and the packs numériques
authorities offer to the associations of their territory.

A territory is the set of communes an authority declared: a whole département or région
(kept as that one row, so "is this association in it" is one comparison with the codes
copied on every organisation), or a list of communes (a commune's own, an EPCI's).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from geo.models import Commune, Departement, Region
from missions.models import Mission, MissionTemplate
from organizations.models import Organization
from taxonomy.models import Cause


class Territory(models.Model):
    class Level(models.TextChoices):
        COMMUNE = "commune", _("Commune")
        EPCI = "epci", _("Intercommunalité (EPCI)")
        DEPARTEMENT = "departement", _("Département")
        REGION = "region", _("Région")

    authority = models.OneToOneField(
        Organization,
        verbose_name=_("collectivité"),
        on_delete=models.CASCADE,
        related_name="territory",
    )
    level = models.CharField(_("échelon"), max_length=20, choices=Level)
    departement = models.ForeignKey(
        Departement, verbose_name=_("département"), null=True, blank=True, on_delete=models.PROTECT
    )
    region = models.ForeignKey(
        Region, verbose_name=_("région"), null=True, blank=True, on_delete=models.PROTECT
    )
    # A commune's own commune, or the communes of an EPCI; empty for a département or région.
    communes = models.ManyToManyField(
        Commune, verbose_name=_("communes"), blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("territoire")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(level="departement", departement__isnull=False, region__isnull=True)
                    | Q(level="region", region__isnull=False, departement__isnull=True)
                    | Q(
                        level__in=["commune", "epci"], departement__isnull=True, region__isnull=True
                    )
                ),
                name="territory_level_matches_its_area",
            )
        ]

    def __str__(self) -> str:
        return str(self.authority)

    def organizations_condition(self, prefix: str = "") -> Q:
        """The organisations whose commune is in this territory, as one condition (on
        `Organization`, or through `prefix`, e.g. "organization__")."""
        if self.level == self.Level.DEPARTEMENT:
            return Q(**{f"{prefix}departement_code": self.departement_id})
        if self.level == self.Level.REGION:
            return Q(**{f"{prefix}region_code": self.region_id})
        through = Territory.communes.through.objects.filter(territory_id=self.pk)
        return Q(**{f"{prefix}commune_id__in": through.values("commune_id")})

    @property
    def is_list(self) -> bool:
        return self.level in (self.Level.COMMUNE, self.Level.EPCI)


def territories_containing(commune_id: str | None) -> Q:
    """A condition on `Territory`: those whose area holds the commune `commune_id`."""
    if not commune_id:
        return Q(pk__in=[])
    inside = Commune.objects.filter(insee=commune_id)
    return (
        Q(level=Territory.Level.DEPARTEMENT, departement__in=inside.values("departement"))
        | Q(level=Territory.Level.REGION, region__in=inside.values("region"))
        | Q(communes=commune_id)
    )


class Appointment(models.Model):
    """A person a local authority gave a role in its territory, until it ends it."""

    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    appointed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_active(self) -> bool:
        return self.ended_at is None


class TerritorialModerator(Appointment):
    """Verifies the associations of the territory and approves their missions."""

    class Meta:
        verbose_name = _("modérateur·rice du territoire")
        constraints = [
            models.UniqueConstraint(
                fields=["territory", "user"],
                condition=Q(ended_at__isnull=True),
                name="one_active_moderator_appointment",
            )
        ]


class Mediator(Appointment):
    """An aidant numérique: acts for the associations that gave her their consent."""

    class Meta:
        verbose_name = _("médiateur·rice numérique")
        constraints = [
            models.UniqueConstraint(
                fields=["territory", "user"],
                condition=Q(ended_at__isnull=True),
                name="one_active_mediator_appointment",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.territory}"


class Consent(models.Model):
    """An association's written consent: this mediator may act for it, for this, until then."""

    class Allows(models.TextChoices):
        MISSIONS = (
            "missions",
            _(
                "Publier et suivre les missions de l’association : les créer, les modifier, "
                "les publier, répondre aux candidatures, les clore."
            ),
        )

    class State(models.TextChoices):
        ACTIVE = "active", _("en cours")
        EXPIRED = "expired", _("arrivée à son terme")
        REVOKED = "revoked", _("retirée")

    association = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="consents")
    mediator = models.ForeignKey(Mediator, on_delete=models.PROTECT, related_name="consents")
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("donné par"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    given_at = models.DateTimeField(_("donné le"), default=timezone.now)
    purpose = models.TextField(_("pour quoi"))
    allows = models.CharField(
        _("ce que cela permet"), max_length=20, choices=Allows, default=Allows.MISSIONS
    )
    until = models.DateField(_("jusqu’au"))
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("accord d’aide")
        verbose_name_plural = _("accords d’aide")
        indexes = [models.Index(fields=["association", "revoked_at", "until"])]

    def __str__(self) -> str:
        return str(_("Accord n°%(pk)s") % {"pk": self.pk})

    @property
    def state(self) -> str:
        if self.revoked_at is not None:
            return self.State.REVOKED
        if self.until < timezone.localdate() or self.mediator.ended_at is not None:
            return self.State.EXPIRED
        return self.State.ACTIVE

    @property
    def is_active(self) -> bool:
        return self.state == self.State.ACTIVE

    def get_state_display(self) -> str:
        return str(self.State(self.state).label)


def valid_consents(now=None) -> Q:
    """A condition on `Consent`: those that let their mediator act now (not revoked, not
    past their date, the mediator still designated by a verified authority)."""
    today = timezone.localdate(now)
    return Q(
        revoked_at__isnull=True,
        until__gte=today,
        mediator__ended_at__isnull=True,
        mediator__territory__authority__verification=Organization.Verification.VERIFIED,
    )


# --- Packs numériques ----------------------------------------------------------------------
class Pack(models.Model):
    """A « pack numérique »: a few missions a local authority offers to the associations of
    its territory that fit its rules, for a number of places and between two dates.

    Eligibility (`packs_selectors.eligibility_refusal`): in the authority's territory,
    always; then, each only when set, the association's kind (citoyenne, professionnelle),
    one of its causes among `causes`, its declared size among `sizes`.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("en préparation")
        PUBLISHED = "published", _("proposé aux associations")
        CLOSED = "closed", _("clos")

    authority = models.ForeignKey(
        Organization, verbose_name=_("collectivité"), on_delete=models.CASCADE, related_name="packs"
    )
    title = models.CharField(_("nom du pack"), max_length=120)
    presentation = models.TextField(_("présentation"))
    templates = models.ManyToManyField(
        MissionTemplate, verbose_name=_("missions du pack"), related_name="+"
    )
    # "" for every association; otherwise one kind of `Organization.AssociationType`.
    association_type = models.CharField(
        _("pour les associations"),
        max_length=20,
        choices=Organization.AssociationType,
        blank=True,
    )
    causes = models.ManyToManyField(Cause, verbose_name=_("causes"), blank=True, related_name="+")
    # The codes of `Organization.Size` accepted; empty for any size.
    sizes = models.JSONField(_("tailles"), default=list, blank=True)
    places = models.PositiveSmallIntegerField(_("nombre de places"))
    opens_on = models.DateField(_("proposé à partir du"))
    closes_on = models.DateField(_("jusqu’au"))
    budget_note = models.CharField(_("ce que la collectivité finance"), max_length=300, blank=True)
    status = models.CharField(
        _("état"), max_length=20, choices=Status, default=Status.DRAFT, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("pack numérique")
        verbose_name_plural = _("packs numériques")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")), name="pack_closes_after_it_opens"
            ),
            models.CheckConstraint(condition=Q(places__gte=1), name="pack_has_places"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED

    def get_sizes_display(self) -> list[str]:
        labels = dict(Organization.Size.choices)
        return [str(labels[code]) for code in self.sizes if code in labels]


class PackClaim(models.Model):
    """An association took a place in a pack: the missions it made for it, sponsored."""

    pack = models.ForeignKey(Pack, on_delete=models.CASCADE, related_name="claims")
    association = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    claimed_at = models.DateTimeField(default=timezone.now)
    missions = models.ManyToManyField(Mission, blank=True, related_name="+")

    class Meta:
        verbose_name = _("place prise dans un pack")
        verbose_name_plural = _("places prises dans un pack")
        constraints = [
            models.UniqueConstraint(
                fields=["pack", "association"], name="one_claim_per_association"
            )
        ]

    def __str__(self) -> str:
        return f"{self.pack} · {self.association}"
