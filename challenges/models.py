"""Innovation nights: an organiser's event, the challenges associations bring to it, and the
student teams that register and pick one (states in `challenges.lifecycle`)."""

import os
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import normalize_email
from core.links import parse_links
from core.storage import private_storage
from organizations.models import Organization

# Who may organise: schools, association networks and local authorities (not companies).
ORGANISER_KINDS = (
    Organization.Kind.SCHOOL,
    Organization.Kind.ASSOCIATION,
    Organization.Kind.LOCAL_AUTHORITY,
)

DEFAULT_RIGHTS = _(
    "Les étudiant·es gardent tous leurs droits sur ce qu’ils créent. L’association qui a "
    "posé le défi ne reçoit une licence d’utilisation que si la réponse devient une mission "
    "sur A-lasso, avec l’accord de l’équipe. Pas de travail gratuit : une réponse n’est pas "
    "une commande."
)
DEFAULT_CONDUCT = _(
    "Soyez bienveillant·es et respectueux·ses avec toutes et tous. Aucune remarque blessante "
    "sur l’origine, le genre, le handicap, l’âge ou l’apparence. Écoutez les associations : "
    "elles connaissent leur besoin. En cas de problème, parlez-en à l’équipe d’organisation, "
    "qui peut exclure une personne de l’événement."
)


class Event(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("brouillon")
        PUBLISHED = "published", _("inscriptions ouvertes")
        RUNNING = "running", _("en cours")
        JUDGING = "judging", _("délibération du jury")
        RESULTS = "results", _("résultats publiés")
        CLOSED = "closed", _("terminé")

    organiser = models.ForeignKey(
        Organization,
        verbose_name=_("organisateur"),
        on_delete=models.CASCADE,
        related_name="challenge_events",
    )
    title = models.CharField(_("titre"), max_length=200)
    description = models.TextField(_("présentation"), blank=True)
    registration_opens = models.DateField(_("ouverture des inscriptions"))
    registration_closes = models.DateField(_("clôture des inscriptions"))
    kick_off = models.DateTimeField(_("lancement"))
    submission_deadline = models.DateTimeField(_("date limite de remise des réponses"))
    judging_on = models.DateField(_("délibération du jury"))
    results_on = models.DateField(_("annonce des résultats"))
    is_online = models.BooleanField(_("en ligne"), default=False)
    place = models.CharField(_("lieu"), max_length=300, blank=True)
    capacity = models.PositiveIntegerField(_("nombre de places pour les étudiant·es"))
    team_min = models.PositiveSmallIntegerField(_("taille minimum d’une équipe"), default=2)
    team_max = models.PositiveSmallIntegerField(_("taille maximum d’une équipe"), default=5)
    teams_per_challenge = models.PositiveSmallIntegerField(
        _("nombre d’équipes par défi"), default=3
    )
    rules = models.TextField(_("règlement"))
    rights = models.TextField(_("droits sur les réponses"), default=DEFAULT_RIGHTS)
    code_of_conduct = models.TextField(_("code de conduite"), default=DEFAULT_CONDUCT)
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)

    class TieBreak(models.TextChoices):
        CRITERIA = (
            "criteria",
            _("la meilleure note au premier critère, puis au deuxième, et ainsi de suite"),
        )
        NONE = "none", _("aucun départage : les équipes à égalité partagent leur rang")

    tie_break_rule = models.CharField(
        _("règle de départage des ex æquo"),
        max_length=10,
        choices=TieBreak,
        default=TieBreak.CRITERIA,
    )
    finalists_count = models.PositiveSmallIntegerField(
        _("nombre de finalistes (second tour)"),
        null=True,
        blank=True,
        help_text=_("Laissez vide pour un seul tour de jury."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("événement de défis")
        ordering = ["kick_off", "pk"]
        indexes = [models.Index(fields=["status", "kick_off"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("challenges:event", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.status != self.Status.DRAFT

    def dates_in_order(self) -> bool:
        kick_off = self.kick_off.date()
        deadline = self.submission_deadline.date()
        return (
            self.registration_opens <= self.registration_closes <= kick_off
            and self.kick_off < self.submission_deadline
            and deadline <= self.judging_on <= self.results_on
        )

    def registration_open_on(self, today) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.registration_opens <= today <= self.registration_closes
        )


class Challenge(models.Model):
    """A need an association brings to an event, in plain words."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("proposé")
        ACCEPTED = "accepted", _("retenu")
        DECLINED = "declined", _("non retenu")
        WITHDRAWN = "withdrawn", _("retiré")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="challenges")
    association = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="challenges"
    )
    template = models.ForeignKey(
        "missions.MissionTemplate",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    title = models.CharField(_("titre du défi"), max_length=200)
    context = models.TextField(_("contexte"))
    good_answer = models.TextField(_("à quoi ressemble une bonne réponse"))
    status = models.CharField(max_length=10, choices=Status, default=Status.SUBMITTED)
    decline_reason = models.TextField(_("motif"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField()
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("défi")
        ordering = ["submitted_at", "pk"]
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self) -> str:
        return self.title


class Team(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(_("nom de l’équipe"), max_length=80)
    code = models.CharField(_("code d’invitation"), max_length=6, unique=True)
    challenge = models.ForeignKey(
        Challenge,
        verbose_name=_("défi choisi"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="teams",
    )
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Written by the results (rank, prize) and « turn this answer into a mission » (mission).
    rank = models.PositiveIntegerField(_("classement"), null=True, blank=True)
    prize = models.CharField(_("prix"), max_length=120, blank=True)
    mission = models.ForeignKey(
        "missions.Mission",
        verbose_name=_("mission issue de la réponse"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="challenge_teams",
    )

    class Meta:
        verbose_name = _("équipe")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "name"], name="one_team_name_per_event")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("challenges:team", args=[self.pk])

    @property
    def join_path(self) -> str:
        return reverse("challenges:join", args=[self.code])


class Registration(models.Model):
    """A student's place at an event; `team` is her team there. One row per student and event
    is what makes « one team per student per event » hold."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="challenge_registrations"
    )
    team = models.ForeignKey(
        Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="members"
    )
    registered_at = models.DateTimeField()

    class Meta:
        verbose_name = _("inscription")
        constraints = [
            models.UniqueConstraint(fields=["event", "student"], name="one_place_per_event")
        ]

    def __str__(self) -> str:
        return f"{self.student} · {self.event}"


def validate_links(text: str) -> None:
    """Web addresses, one per line (the same check as delivered work's links)."""
    parse_links(text, max_length=500)


def submission_path(instance, filename: str) -> str:
    # A random name: the original one (kept in SubmissionFile.name) may say too much.
    extension = os.path.splitext(filename)[1].lower()[:10]
    return timezone.now().strftime(f"submissions/%Y/%m/{uuid.uuid4().hex}{extension}")


class Submission(models.Model):
    """A team's answer to its challenge, revised until the event's submission deadline
    (`challenges.lifecycle.submission_refusal`)."""

    team = models.OneToOneField(Team, on_delete=models.CASCADE, related_name="submission")
    description = models.TextField(_("description de votre réponse"))
    links = models.TextField(_("liens"), blank=True, validators=[validate_links])
    submitted_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        verbose_name = _("réponse d’équipe")

    def __str__(self) -> str:
        return f"{self.team}"

    def get_absolute_url(self) -> str:
        return reverse("challenges:submission", args=[self.team_id])

    @property
    def link_list(self) -> list[str]:
        try:
            return parse_links(self.links)
        except ValidationError:
            return []

    @property
    def was_revised(self) -> bool:
        return self.updated_at > self.submitted_at


class SubmissionFile(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to=submission_path, storage=private_storage, max_length=200)
    name = models.CharField(max_length=200)
    size = models.PositiveIntegerField()
    content_type = models.CharField(max_length=100)
    uploaded_at = models.DateTimeField()

    class Meta:
        verbose_name = _("fichier de réponse")
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("challenges:submission_file", args=[self.submission.team_id, self.pk])


# --- Jury -----------------------------------------------------------------------------------
class Criterion(models.Model):
    """One line of an event's rubric, scored 1–5 by each juror; `weight` counts in the mean."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("critère"), max_length=120)
    description = models.TextField(_("ce que le jury regarde"), blank=True)
    weight = models.PositiveSmallIntegerField(
        _("poids"), default=1, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("critère du jury")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.name


class Juror(models.Model):
    """An invitation to an event's jury, by e-mail; `user` is set once she accepts."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="jurors")
    email = models.EmailField(_("adresse e-mail"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="jury_seats",
    )
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    invited_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    declined_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("juré·e")
        ordering = ["invited_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~models.Q(email=""),
                name="one_seat_per_email",
            ),
        ]

    def __str__(self) -> str:
        return self.email

    @property
    def is_active(self) -> bool:
        return self.user_id is not None and self.accepted_at is not None

    def is_for(self, user) -> bool:
        """Only the invited address may accept, once its owner has proven she reads it."""
        return bool(
            user.is_authenticated
            and user.is_email_verified
            and normalize_email(user.email) == normalize_email(self.email)
        )


class Assignment(models.Model):
    """A team's submission given to a juror for a round (1, or 2 for the finalists)."""

    juror = models.ForeignKey(Juror, on_delete=models.CASCADE, related_name="assignments")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="assignments")
    round = models.PositiveSmallIntegerField(default=1)
    skipped = models.BooleanField(_("passée"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("réponse à noter")
        ordering = ["round", "team__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["juror", "team", "round"], name="one_assignment_per_round"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.juror} · {self.team} · {self.round}"


class Score(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    value = models.PositiveSmallIntegerField(
        _("note"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("commentaire"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("note du jury")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "criterion"], name="one_score_per_criterion"
            ),
            models.CheckConstraint(
                condition=models.Q(value__gte=1, value__lte=5), name="score_between_1_and_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"


class ConflictDeclaration(models.Model):
    """A juror's own word that she should not score a team (a friend, a client…)."""

    juror = models.ForeignKey(Juror, on_delete=models.CASCADE, related_name="conflicts")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="conflicts")
    reason = models.CharField(_("raison"), max_length=300)
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("conflit d’intérêts")
        constraints = [
            models.UniqueConstraint(fields=["juror", "team"], name="one_conflict_per_team"),
        ]

    def __str__(self) -> str:
        return f"{self.juror} ≠ {self.team}"
