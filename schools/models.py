"""Cohorts (promotions) of a school, and the students who joined them with the invite code."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from organizations.models import Organization

# Letters and digits nobody mistakes for one another when a teacher writes the code on the
# board: no I, L, O, 0 or 1. Six of them make about 900 million codes.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(value: str) -> str:
    """What a student typed, as stored: capitals, without spaces or dashes."""
    return "".join(value.split()).replace("-", "").upper()


class Level(models.TextChoices):
    SECONDARY = "secondary", _("Lycée")
    BAC_1 = "bac+1", _("Bac +1")
    BAC_2 = "bac+2", _("Bac +2 (BTS, 2e année de BUT…)")
    BAC_3 = "bac+3", _("Bac +3 (licence, BUT)")
    BAC_4 = "bac+4", _("Bac +4 (master 1)")
    BAC_5 = "bac+5", _("Bac +5 (master 2, diplôme d’ingénieur…)")
    OTHER = "other", _("Autre")


class Cohort(models.Model):
    school = models.ForeignKey(
        Organization,
        verbose_name=_("école"),
        on_delete=models.CASCADE,
        related_name="cohorts",
        limit_choices_to={"kind": Organization.Kind.SCHOOL},
    )
    name = models.CharField(_("nom de la promotion"), max_length=120)
    programme = models.CharField(_("formation"), max_length=200)
    level = models.CharField(_("niveau"), max_length=10, choices=Level)
    # The school year it starts: 2026 is « 2026-2027 ».
    year = models.PositiveSmallIntegerField(_("année scolaire"))
    # Members of the school who follow this cohort; every member of the school may manage it.
    teachers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("enseignant·es"), related_name="taught_cohorts"
    )
    code = models.CharField(_("code d’invitation"), max_length=CODE_LENGTH, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("promotion")
        ordering = ["-year", "name"]

    def __str__(self) -> str:
        return f"{self.school} · {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("schools:cohort", args=[self.pk])

    @property
    def join_path(self) -> str:
        return reverse("schools:join", args=[self.code])

    @property
    def is_open(self) -> bool:
        """Students join only once moderators checked the school: its name goes on their
        profiles and into the matching."""
        return self.school.is_verified

    @property
    def school_year(self) -> str:
        return f"{self.year}-{self.year + 1}"


class CohortMembership(models.Model):
    """A student's place in a cohort; its states are in `schools.lifecycle`. The row stays
    when she leaves or is removed, so that her history (and, later, class projects) keep it."""

    class Status(models.TextChoices):
        JOINED = "joined", _("dans la promotion")
        LEFT = "left", _("partie")
        REMOVED = "removed", _("retirée par l’école")

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="memberships")
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cohort_memberships"
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.JOINED)
    joined_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("élève d’une promotion")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "student"], name="one_place_per_cohort")
        ]
        indexes = [models.Index(fields=["cohort", "status", "joined_at"])]

    def __str__(self) -> str:
        return f"{self.student} · {self.cohort}"

    @property
    def is_joined(self) -> bool:
        return self.status == self.Status.JOINED


class PinnedMission(models.Model):
    """A mission a teacher chose for her cohort: its students see it first while it is
    open. Unpinning deletes the row (the audit log keeps who pinned and unpinned what)."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="pins")
    mission = models.ForeignKey("missions.Mission", on_delete=models.CASCADE, related_name="+")
    pinned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    pinned_at = models.DateTimeField()

    class Meta:
        verbose_name = _("mission choisie pour une promotion")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "mission"], name="one_pin_per_mission")
        ]

    def __str__(self) -> str:
        return f"{self.cohort} · {self.mission_id}"


class CallForNeeds(models.Model):
    """A teacher's « appel à missions »: what her cohort could do, when, and where; the
    associations of that département see it while it is open (see `schools.lifecycle`)."""

    class Status(models.TextChoices):
        OPEN = "open", _("ouvert")
        CLOSED = "closed", _("clos")

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="calls")
    theme = models.CharField(_("programme ou thème"), max_length=200)
    description = models.TextField(_("ce que les élèves peuvent faire"), blank=True)
    skills = models.ManyToManyField(
        "taxonomy.Skill", verbose_name=_("compétences"), related_name="+", blank=True
    )
    starts_on = models.DateField(_("à partir du"))
    ends_on = models.DateField(_("jusqu’au"))
    departement = models.ForeignKey(
        "geo.Departement", verbose_name=_("département"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.OPEN)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("appel à missions")
        verbose_name_plural = _("appels à missions")
        indexes = [models.Index(fields=["departement", "status", "ends_on"])]

    def __str__(self) -> str:
        return f"{self.cohort} · {self.theme}"

    def get_absolute_url(self) -> str:
        return reverse("schools:call", args=[self.pk])

    def is_open_on(self, today) -> bool:
        """Open, and its last day not past: a call closes by itself after its end date."""
        return self.status == self.Status.OPEN and self.ends_on >= today


class CallResponse(models.Model):
    """A mission an association proposed in answer to a call."""

    call = models.ForeignKey(CallForNeeds, on_delete=models.CASCADE, related_name="responses")
    mission = models.ForeignKey("missions.Mission", on_delete=models.CASCADE, related_name="+")
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("mission proposée pour un appel")
        constraints = [
            models.UniqueConstraint(fields=["call", "mission"], name="one_response_per_mission")
        ]

    def __str__(self) -> str:
        return f"{self.call} · {self.mission_id}"


class ClassProject(models.Model):
    """A teacher proposes a team of her cohort for a mission; the association takes it or
    not, as a whole (its states are in `schools.lifecycle.CLASS_PROJECT`). Once accepted,
    each member has her own engagement (`engagements.Application`) and the team one
    agreement, the lead's, which the teacher confirms too."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposé à l’association")
        ACCEPTED = "accepted", _("accepté, en cours")
        DECLINED = "declined", _("décliné par l’association")
        WITHDRAWN = "withdrawn", _("retiré par l’enseignant·e")
        COMPLETED = "completed", _("terminé")

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="projects")
    mission = models.ForeignKey(
        "missions.Mission", on_delete=models.CASCADE, related_name="class_projects"
    )
    name = models.CharField(_("nom du projet"), max_length=120)
    message = models.TextField(_("message à l’association"), blank=True)
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="class_projects_taught",
    )
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="class_projects_led",
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.PROPOSED)
    # The team's one agreement (the lead's), once the association accepted.
    agreement = models.OneToOneField(
        "engagements.Agreement",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="class_project",
    )
    answer = models.TextField(_("réponse de l’association"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("projet de classe")
        verbose_name_plural = _("projets de classe")
        indexes = [models.Index(fields=["mission", "status"])]

    def __str__(self) -> str:
        return f"{self.cohort} · {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("schools:project", args=[self.pk])

    @property
    def is_proposed(self) -> bool:
        return self.status == self.Status.PROPOSED

    @property
    def is_accepted(self) -> bool:
        return self.status == self.Status.ACCEPTED

    @property
    def is_completed(self) -> bool:
        return self.status == self.Status.COMPLETED


class ClassProjectMember(models.Model):
    """A student of the team, with her role in it (« direction artistique »…)."""

    project = models.ForeignKey(ClassProject, on_delete=models.CASCADE, related_name="members")
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="class_project_places"
    )
    role = models.CharField(_("rôle"), max_length=80)

    class Meta:
        verbose_name = _("élève d’un projet de classe")
        constraints = [
            models.UniqueConstraint(fields=["project", "student"], name="one_place_per_project")
        ]

    def __str__(self) -> str:
        return f"{self.student} · {self.role}"
