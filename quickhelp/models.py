"""Quick help (« coup de main »): a question an association asks, the written answers and
the one-hour calls of the volunteers who help, the hours they give, and the plain answers
published from solved questions for the next association to find alone."""

import os
import uuid
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.storage import private_storage
from organizations.models import Organization
from taxonomy.models import SkillDomain

# What a coup de main counts toward a helper's hours (docs/architecture.md, quickhelp): a
# call is booked for one hour; a written answer is a short piece of work, half an hour.
CALL_HOURS = Decimal("1.0")
WRITTEN_HOURS = Decimal("0.5")
CALL_DURATION_MINUTES = 60


def screenshot_path(instance, filename: str) -> str:
    # A random name: the original one (kept in `screenshot_name`) may say too much.
    extension = os.path.splitext(filename)[1].lower()[:10]
    return timezone.now().strftime(f"quickhelp/%Y/%m/{uuid.uuid4().hex}{extension}")


class Question(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("en attente de réponse")
        ANSWERED = "answered", _("répondue")
        SOLVED = "solved", _("résolue")
        CLOSED = "closed", _("fermée")
        MISSION = "mission", _("devenue une mission")

    class Mode(models.TextChoices):
        WRITTEN = "written", _("Une réponse écrite me suffit")
        CALL = "call", _("Je préfère un appel vidéo d’une heure")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="questions"
    )
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("votre question en une phrase"), max_length=200)
    body = models.TextField(_("quelques lignes pour expliquer"))
    domain = models.ForeignKey(
        SkillDomain, verbose_name=_("sujet"), on_delete=models.PROTECT, related_name="+"
    )
    mode = models.CharField(max_length=10, choices=Mode, default=Mode.WRITTEN)
    status = models.CharField(max_length=10, choices=Status, default=Status.OPEN)
    screenshot = models.FileField(
        upload_to=screenshot_path, storage=private_storage, max_length=200, blank=True
    )
    screenshot_name = models.CharField(max_length=200, blank=True)
    screenshot_type = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    solved_at = models.DateTimeField(null=True, blank=True)
    # The job of unanswered questions (`services.questions_resurface`): asked to more
    # volunteers after 48 h, then offered to become a mission.
    resurfaced_at = models.DateTimeField(null=True, blank=True)
    mission_offered_at = models.DateTimeField(null=True, blank=True)
    mission = models.ForeignKey(
        "missions.Mission", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The association's thanks, when it marks the question solved.
    thanked = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    thanks = models.TextField(blank=True)

    class Meta:
        verbose_name = _("question (coup de main)")
        verbose_name_plural = _("questions (coup de main)")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_solved(self) -> bool:
        return self.status == self.Status.SOLVED

    @property
    def wants_call(self) -> bool:
        return self.mode == self.Mode.CALL


class Slot(models.Model):
    """A time the association offers for the call (it offers a few)."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField()

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["question", "starts_at"], name="one_slot_per_time")
        ]


class Answer(models.Model):
    """A volunteer's written answer (several may answer)."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("votre réponse"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]


class Call(models.Model):
    """The one-hour video call a volunteer took: one of the slots, her own video link.

    `sequence` grows each time the invitation changes (RFC 5545: a calendar replaces the
    event it holds under the same UID only by a higher SEQUENCE)."""

    class Status(models.TextChoices):
        BOOKED = "booked", _("prévu")
        CANCELLED = "cancelled", _("annulé")

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="calls")
    helper = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    starts_at = models.DateTimeField()
    video_link = models.URLField(_("lien de l’appel vidéo"), max_length=500)
    status = models.CharField(max_length=10, choices=Status, default=Status.BOOKED)
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["question"],
                condition=models.Q(status="booked"),
                name="one_booked_call_per_question",
            )
        ]

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=CALL_DURATION_MINUTES)

    @property
    def is_booked(self) -> bool:
        return self.status == self.Status.BOOKED


class Solicitation(models.Model):
    """A volunteer asked to help with a question: what the daily cap counts, and who is
    not asked twice when the question resurfaces."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    round = models.PositiveSmallIntegerField(default=1)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["question", "volunteer"], name="asked_once")]
        indexes = [models.Index(fields=["volunteer", "sent_at"])]


class Credit(models.Model):
    """The hours a helper gave on a solved question: what her book, her attestation and
    the territory's impact count (`selectors.helper_hours`, `hours_for_organizations`)."""

    class Kind(models.TextChoices):
        CALL = "call", _("appel d’une heure")
        WRITTEN = "written", _("réponse écrite")

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="credits")
    helper = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind)
    hours = models.DecimalField(max_digits=4, decimal_places=1)
    credited_at = models.DateTimeField(default=timezone.now, db_index=True)
    # Its signed attestation (`attestations.attest`), issued after the question is solved.
    # PROTECT: an attestation printed on paper must outlive any cleanup of what it attests.
    credential = models.OneToOneField(
        "credentials.Credential",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="quickhelp_credit",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["question", "helper"], name="one_credit_per_helper")
        ]


class PublicAnswer(models.Model):
    """A solved question, made public with the association's consent: its words edited by
    the helper or a moderator to remove anything personal, reviewed before it is shown."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("en cours de relecture")
        SUBMITTED = "submitted", _("en attente de validation")
        PUBLISHED = "published", _("publiée")
        WITHDRAWN = "withdrawn", _("retirée")

    question = models.OneToOneField(Question, on_delete=models.CASCADE, related_name="public")
    slug = models.SlugField(max_length=220, unique=True)
    domain = models.ForeignKey(SkillDomain, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("la question"), max_length=200)
    situation = models.TextField(_("la situation, sans nom ni détail personnel"))
    answer = models.TextField(_("la réponse, en mots simples"))
    # Who is credited on her book: the helper the association thanked.
    helper = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    consented_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    consented_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    review_note = models.TextField(blank=True)
    useful_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("réponse publiée")
        verbose_name_plural = _("réponses publiées")
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class UsefulMark(models.Model):
    """A reader found the answer useful: one per person, or per browser session."""

    public_answer = models.ForeignKey(PublicAnswer, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    session_key = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["public_answer", "user"],
                condition=models.Q(user__isnull=False),
                name="useful_once_per_person",
            ),
            models.UniqueConstraint(
                fields=["public_answer", "session_key"],
                condition=models.Q(user__isnull=True),
                name="useful_once_per_session",
            ),
        ]


class PublicAnswerSearchEntry(models.Model):
    """A published answer's line in SQLite's FTS5 index (migration 0002), which
    `search.py` joins; the table exists only on SQLite (PostgreSQL has a column)."""

    public_answer = models.OneToOneField(
        PublicAnswer,
        primary_key=True,
        db_column="rowid",
        db_constraint=False,
        on_delete=models.DO_NOTHING,
        related_name="search_entry",
    )
    index = models.TextField(db_column="quickhelp_publicanswer_fts")

    class Meta:
        managed = False
        db_table = "quickhelp_publicanswer_fts"
