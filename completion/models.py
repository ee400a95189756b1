"""The end of an engagement: the work handed over, the hours, and the reviews of both sides."""

import os
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from messaging.models import private_storage

RATING_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


def deliverable_path(instance, filename: str) -> str:
    # A random name: the original one (kept in Deliverable.name) may say too much.
    extension = os.path.splitext(filename)[1].lower()[:10]
    return timezone.now().strftime(f"deliverables/%Y/%m/{uuid.uuid4().hex}{extension}")


def preview_path(instance, filename: str) -> str:
    extension = os.path.splitext(filename)[1].lower()[:10]
    return timezone.now().strftime(f"deliverables/%Y/%m/preview-{uuid.uuid4().hex}{extension}")


class Completion(models.Model):
    """One accepted application's end: created when the volunteer first hands the work over."""

    class Status(models.TextChoices):
        DELIVERED = "delivered", _("travail remis, à vérifier")
        CHANGES_REQUESTED = "changes_requested", _("retouches demandées")
        COMPLETED = "completed", _("terminée")

    application = models.OneToOneField(
        "engagements.Application", on_delete=models.CASCADE, related_name="completion"
    )
    status = models.CharField(
        max_length=20, choices=Status, default=Status.DELIVERED, db_index=True
    )
    note = models.TextField(_("un mot pour l’association"), blank=True)
    proposed_hours = models.PositiveSmallIntegerField(_("heures passées"), null=True, blank=True)
    confirmed_hours = models.PositiveSmallIntegerField(
        _("heures confirmées"), null=True, blank=True
    )
    delivered_at = models.DateTimeField(null=True, blank=True)
    changes_requested = models.TextField(_("retouches demandées"), blank=True)
    changes_requested_at = models.DateTimeField(null=True, blank=True)
    changes_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    completed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # When the reminders to write the reviews went out (claimed once by the periodic job).
    review_reminded_at = models.DateTimeField(null=True, blank=True)
    # The volunteer may keep a mission out of their public book.
    shown_in_portfolio = models.BooleanField(_("montrer dans mon book"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("fin d’engagement")
        verbose_name_plural = _("fins d’engagement")

    def __str__(self) -> str:
        return f"{self.application} ({self.status})"

    # Before anything is handed over there is no row: an unsaved one stands for it.
    NOTHING_DELIVERED = "nothing_delivered"

    @property
    def state(self) -> str:
        """The state in completion.lifecycle.DELIVERY."""
        return self.NOTHING_DELIVERED if self.pk is None else self.status

    @property
    def is_completed(self) -> bool:
        return self.status == self.Status.COMPLETED

    @property
    def is_delivered(self) -> bool:
        """Handed over and waiting for the association's answer."""
        return self.status == self.Status.DELIVERED

    @property
    def wants_changes(self) -> bool:
        return self.status == self.Status.CHANGES_REQUESTED

    @property
    def hours(self) -> int | None:
        """The hours that count: confirmed ones once the association has confirmed."""
        return self.confirmed_hours if self.completed_at else self.proposed_hours


class Deliverable(models.Model):
    """A file or a link handed over to the association."""

    class Kind(models.TextChoices):
        FILE = "file", _("fichier")
        LINK = "link", _("lien")

    completion = models.ForeignKey(
        Completion, on_delete=models.CASCADE, related_name="deliverables"
    )
    kind = models.CharField(max_length=10, choices=Kind)
    url = models.URLField(max_length=500, blank=True)
    file = models.FileField(
        upload_to=deliverable_path, storage=private_storage, max_length=200, blank=True
    )
    name = models.CharField(max_length=200)
    size = models.PositiveIntegerField(default=0)
    content_type = models.CharField(max_length=100, blank=True)
    # Images: a copy redrawn by Pillow (no metadata, at most 1200 px), the only version ever
    # shown in pages and in the public book.
    preview = models.FileField(
        upload_to=preview_path, storage=private_storage, max_length=200, blank=True
    )
    preview_width = models.PositiveSmallIntegerField(null=True, blank=True)
    preview_height = models.PositiveSmallIntegerField(null=True, blank=True)
    page_count = models.PositiveSmallIntegerField(null=True, blank=True)  # PDFs, when known
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("livrable")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_image(self) -> bool:
        return bool(self.preview)

    @property
    def is_pdf(self) -> bool:
        return self.content_type == "application/pdf"

    @property
    def is_link(self) -> bool:
        return self.kind == self.Kind.LINK


class Review(models.Model):
    """One side's review of the other, once the association has confirmed the end."""

    class Direction(models.TextChoices):
        ASSOCIATION = "association", _("l’association sur le ou la bénévole")
        VOLUNTEER = "volunteer", _("le ou la bénévole sur l’association")

    application = models.ForeignKey(
        "engagements.Application", on_delete=models.CASCADE, related_name="reviews"
    )
    direction = models.CharField(max_length=20, choices=Direction)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The association about the volunteer.
    quality = models.PositiveSmallIntegerField(
        _("qualité du travail"), null=True, blank=True, validators=RATING_VALIDATORS
    )
    communication = models.PositiveSmallIntegerField(
        _("communication"), null=True, blank=True, validators=RATING_VALIDATORS
    )
    deadlines = models.PositiveSmallIntegerField(
        _("respect des délais"), null=True, blank=True, validators=RATING_VALIDATORS
    )
    # The three short answers that make the testimonial, kept apart so they can be edited.
    answer_done = models.TextField(blank=True)
    answer_how = models.TextField(blank=True)
    answer_recommend = models.TextField(blank=True)
    testimonial = models.TextField(_("recommandation"), blank=True)
    endorsed_skills = models.ManyToManyField(
        "taxonomy.Skill", blank=True, related_name="+", verbose_name=_("compétences mises en œuvre")
    )
    # The volunteer about the association.
    clarity = models.PositiveSmallIntegerField(
        _("clarté du besoin"), null=True, blank=True, validators=RATING_VALIDATORS
    )
    availability = models.PositiveSmallIntegerField(
        _("disponibilité"), null=True, blank=True, validators=RATING_VALIDATORS
    )
    respect = models.PositiveSmallIntegerField(
        _("respect"), null=True, blank=True, validators=RATING_VALIDATORS
    )
    comment = models.TextField(_("un mot pour l’association"), blank=True)
    written_at = models.DateTimeField()
    updated_at = models.DateTimeField(auto_now=True)
    # Hidden from the other side until both have written, or 14 days after the end.
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("avis")
        verbose_name_plural = _("avis")
        constraints = [
            models.UniqueConstraint(fields=["application", "direction"], name="one_review_per_side")
        ]

    def __str__(self) -> str:
        return f"{self.application} · {self.direction}"

    # The states of completion.lifecycle.REVIEW (an unsaved review is not written yet).
    NOT_WRITTEN = "not_written"
    WRITTEN = "written"
    PUBLISHED = "published"

    @property
    def state(self) -> str:
        if self.pk is None:
            return self.NOT_WRITTEN
        return self.PUBLISHED if self.is_published else self.WRITTEN

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.testimonial.split("\n\n") if p.strip()]
