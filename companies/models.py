"""Companies' skills-based volunteering (*mécénat de compétences*): the company's side of an
organisation of kind « entreprise », the employees who joined it, its programmes, the time a
manager approves for a mission, the recurring engagements and their monthly check-ins."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from organizations.models import Organization


class Company(models.Model):
    """What a company organisation holds beyond the organisation itself: the link its
    employees join by. Its programme managers are the organisation's members."""

    organization = models.OneToOneField(
        Organization,
        on_delete=models.CASCADE,
        related_name="company",
        limit_choices_to={"kind": Organization.Kind.COMPANY},
    )
    # The invitation link's secret: a manager renews it when it went too far.
    invite_token = models.UUIDField(default=uuid.uuid4, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("entreprise")

    def __str__(self) -> str:
        return self.organization.name

    @property
    def name(self) -> str:
        return self.organization.name

    @property
    def slug(self) -> str:
        return self.organization.slug

    @property
    def join_path(self) -> str:
        return reverse("companies:join", args=[self.invite_token])

    def get_absolute_url(self) -> str:
        return reverse("companies:space", args=[self.organization.slug])


class EmailDomain(models.Model):
    """An e-mail domain the company declares as its own: an employee whose confirmed address
    is in it joins in one click. Declared by a manager whose own confirmed address is in it,
    and used once moderators have checked the company."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="domains")
    domain = models.CharField(_("domaine"), max_length=253, unique=True)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("domaine e-mail")
        ordering = ["domain"]

    def __str__(self) -> str:
        return self.domain


class Employee(models.Model):
    """A person's place in a company as an employee (not a manager: managers are members of
    the organisation). The row stays when she leaves, so that her hours stay in the
    company's statements."""

    class Status(models.TextChoices):
        JOINED = "joined", _("dans l’entreprise")
        LEFT = "left", _("partie")

    class Via(models.TextChoices):
        LINK = "link", _("lien d’invitation")
        DOMAIN = "domain", _("adresse e-mail de l’entreprise")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="employees")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="employments"
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.JOINED)
    via = models.CharField(max_length=10, choices=Via)
    # Her choice alone: without it, her public profile never names her employer.
    show_employer = models.BooleanField(_("montrer mon entreprise sur mon profil"), default=False)
    # What an hour of her time costs the company (salary and charges), entered by a manager
    # for the valuation of the yearly statement; never shown to anyone else, herself included.
    hourly_cost = models.DecimalField(
        _("coût horaire"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    joined_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("salarié·e")
        constraints = [
            models.UniqueConstraint(fields=["company", "user"], name="one_employment_per_company")
        ]
        indexes = [models.Index(fields=["company", "status"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.company}"

    @property
    def is_joined(self) -> bool:
        return self.status == self.Status.JOINED


class Programme(models.Model):
    """A company's programme of skills-based volunteering: how much working time each
    employee may give in a year, to which causes and territories, in which formats."""

    class Status(models.TextChoices):
        OPEN = "open", _("ouvert")
        CLOSED = "closed", _("clos")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="programmes")
    name = models.CharField(_("nom du programme"), max_length=120)
    description = models.TextField(_("présentation"), blank=True)
    # The yearly budget of each employee, in hours of working time (calendar year).
    hours_per_employee = models.PositiveSmallIntegerField(_("heures par salarié·e et par an"))
    # None chosen: every cause, everywhere.
    causes = models.ManyToManyField(
        "taxonomy.Cause", verbose_name=_("causes soutenues"), blank=True, related_name="+"
    )
    departements = models.ManyToManyField(
        "geo.Departement", verbose_name=_("départements"), blank=True, related_name="+"
    )
    one_off = models.BooleanField(_("missions ponctuelles"), default=True)
    recurring = models.BooleanField(_("talents solidaires (engagement régulier)"), default=False)
    # The recurring format's usual frame: one day a week (about 28 hours a month) for six
    # months; each recurring engagement's agreement may say otherwise.
    recurring_hours_per_month = models.PositiveSmallIntegerField(
        _("heures par mois d’un talent solidaire"), default=28
    )
    recurring_months = models.PositiveSmallIntegerField(
        _("durée d’un talent solidaire (mois)"), default=6
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.OPEN)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("programme de mécénat")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("companies:programme", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def recurring_hours(self) -> int:
        """The hours a recurring engagement takes from the budget, in the usual frame."""
        return self.recurring_hours_per_month * self.recurring_months


class Sponsorship(models.Model):
    """An employee's request for working time on one application, and her manager's answer.
    Once approved, the association sees the application as « soutenue par » the company, and
    the hours count against her yearly budget in the programme."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("en attente de l’accord de l’entreprise")
        APPROVED = "approved", _("temps approuvé par l’entreprise")
        REFUSED = "refused", _("temps non approuvé")
        CANCELLED = "cancelled", _("demande retirée")

    class Format(models.TextChoices):
        ONE_OFF = "one_off", _("mission ponctuelle")
        RECURRING = "recurring", _("talent solidaire")

    application = models.OneToOneField(
        "engagements.Application", on_delete=models.CASCADE, related_name="sponsorship"
    )
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="sponsorships")
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="sponsorships")
    format = models.CharField(max_length=10, choices=Format, default=Format.ONE_OFF)
    # The working time asked for, taken from the budget of `year` once approved.
    hours = models.PositiveSmallIntegerField(_("heures de travail demandées"))
    year = models.PositiveSmallIntegerField()
    # A recurring engagement: when she will be there (« le mardi, de 9 h à 17 h »).
    schedule = models.CharField(_("jours et heures"), max_length=200, blank=True)
    status = models.CharField(
        max_length=10, choices=Status, default=Status.REQUESTED, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(_("un mot pour la personne"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("temps de mécénat demandé")
        indexes = [models.Index(fields=["employee", "programme", "year", "status"])]

    def __str__(self) -> str:
        return f"{self.employee} · {self.application_id}"

    @property
    def is_requested(self) -> bool:
        return self.status == self.Status.REQUESTED

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def is_refused(self) -> bool:
        return self.status == self.Status.REFUSED

    @property
    def is_recurring(self) -> bool:
        return self.format == self.Format.RECURRING


class RecurringEngagement(models.Model):
    """A « talent solidaire »: approved working time given regularly to one association (one
    day a week for six months…), with its own agreement — when, how long, who at the
    association looks after her (the tutor) — and a monthly check-in of the hours."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("à confirmer par l’association")
        ACTIVE = "active", _("en cours")
        ENDED = "ended", _("terminé")

    sponsorship = models.OneToOneField(
        Sponsorship, on_delete=models.CASCADE, related_name="recurring"
    )
    schedule = models.CharField(_("jours et heures"), max_length=200)
    start_month = models.DateField(_("premier mois"), null=True, blank=True)
    months = models.PositiveSmallIntegerField(_("durée (mois)"))
    hours_per_month = models.PositiveSmallIntegerField(_("heures prévues par mois"))
    tutor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tuteur ou tutrice à l’association"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.PROPOSED)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("talent solidaire")
        verbose_name_plural = _("talents solidaires")

    def __str__(self) -> str:
        return f"{self.sponsorship}"

    def get_absolute_url(self) -> str:
        return reverse("companies:recurring", args=[self.pk])

    @property
    def is_proposed(self) -> bool:
        return self.status == self.Status.PROPOSED

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def month_list(self) -> list:
        """The first day of each month of the agreement."""
        if self.start_month is None:
            return []
        first = self.start_month
        return [
            first.replace(
                year=first.year + (first.month - 1 + n) // 12, month=(first.month - 1 + n) % 12 + 1
            )
            for n in range(self.months)
        ]


class CheckIn(models.Model):
    """The association's monthly word on a talent solidaire: the hours of that month,
    confirmed once (they go into the company's statement and the association's
    attestation)."""

    engagement = models.ForeignKey(
        RecurringEngagement, on_delete=models.CASCADE, related_name="check_ins"
    )
    month = models.DateField()  # its first day
    hours = models.PositiveSmallIntegerField(_("heures du mois"))
    note = models.TextField(_("un mot sur le mois"), blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    confirmed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("point mensuel")
        constraints = [
            models.UniqueConstraint(fields=["engagement", "month"], name="one_check_in_per_month")
        ]
        indexes = [models.Index(fields=["month"])]

    def __str__(self) -> str:
        return f"{self.engagement} · {self.month:%Y-%m}"

    # Before the association answers there is no row: an unsaved one stands for it.
    NOT_CONFIRMED = "not_confirmed"
    CONFIRMED = "confirmed"

    @property
    def state(self) -> str:
        return self.NOT_CONFIRMED if self.pk is None else self.CONFIRMED
