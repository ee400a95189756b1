"""Mission templates, missions and the record of every change of a mission's state."""

from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.translation import localized
from geo.models import Commune
from taxonomy.models import Level, Skill, SkillDomain


class WorkMode(models.TextChoices):
    REMOTE = "remote", _("à distance")
    ONSITE = "onsite", _("sur place")
    HYBRID = "hybrid", _("en partie sur place")


class Licence(models.TextChoices):
    # Who may do what with the deliverables; the default suits almost every association.
    FREE_USE = (
        "free_use",
        _(
            "L’association utilise librement les livrables ; le ou la bénévole peut les montrer "
            "dans son portfolio"
        ),
    )
    CC_BY = "cc_by", _("Creative Commons Attribution (CC BY 4.0)")
    CC_BY_SA = (
        "cc_by_sa",
        _("Creative Commons Attribution – Partage dans les mêmes conditions (CC BY-SA 4.0)"),
    )


class MissionTemplate(models.Model):
    slug = models.SlugField(unique=True)
    domain = models.ForeignKey(SkillDomain, on_delete=models.PROTECT, related_name="+")
    title_fr = models.CharField(_("titre (français)"), max_length=200)
    title_en = models.CharField(_("titre (anglais)"), max_length=200)
    need_fr = models.TextField(_("exemple de besoin (français)"))
    need_en = models.TextField(_("exemple de besoin (anglais)"))
    deliverables_fr = models.TextField(_("livrables, un par ligne (français)"))
    deliverables_en = models.TextField(_("livrables, un par ligne (anglais)"))
    outcome_fr = models.TextField(_("ce que l’association obtient (français)"))
    outcome_en = models.TextField(_("ce que l’association obtient (anglais)"))
    effort_min = models.PositiveSmallIntegerField(_("effort minimum (heures)"))
    effort_max = models.PositiveSmallIntegerField(_("effort maximum (heures)"))
    work_mode = models.CharField(max_length=10, choices=WorkMode, default=WorkMode.REMOTE)
    skills = models.ManyToManyField(Skill, related_name="+", blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(_("proposé"), default=True)

    class Meta:
        verbose_name = _("modèle de mission")
        verbose_name_plural = _("modèles de mission")
        ordering = ["order", "slug"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def need(self) -> str:
        return localized(self, "need")

    @property
    def deliverables(self) -> str:
        return localized(self, "deliverables")

    @property
    def deliverable_list(self) -> list[str]:
        return [line.strip() for line in self.deliverables.splitlines() if line.strip()]

    @property
    def outcome(self) -> str:
        return localized(self, "outcome")


class Status(models.TextChoices):
    DRAFT = "draft", _("brouillon")
    SUBMITTED = "submitted", _("en attente de validation")
    OPEN = "open", _("ouverte aux candidatures")
    IN_PROGRESS = "in_progress", _("en cours")
    DELIVERED = "delivered", _("livrée")
    COMPLETED = "completed", _("terminée")
    CANCELLED = "cancelled", _("annulée")
    EXPIRED = "expired", _("expirée")


class Mission(models.Model):
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="missions"
    )
    template = models.ForeignKey(
        MissionTemplate, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("titre"), max_length=200)
    need = models.TextField(_("votre besoin en quelques mots"))
    deliverables = models.TextField(_("ce que vous attendez à la fin"), blank=True)
    effort_hours = models.PositiveSmallIntegerField(
        _("temps estimé (heures)"), null=True, blank=True
    )
    start_date = models.DateField(_("début souhaité"), null=True, blank=True)
    end_date = models.DateField(_("fin souhaitée"), null=True, blank=True)
    work_mode = models.CharField(
        _("où se passe la mission"), max_length=10, choices=WorkMode, default=WorkMode.REMOTE
    )
    commune = models.ForeignKey(
        Commune,
        verbose_name=_("commune"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    departement_code = models.CharField(max_length=3, blank=True, db_index=True)
    region_code = models.CharField(max_length=3, blank=True, db_index=True)
    team_size = models.PositiveSmallIntegerField(_("nombre de bénévoles"), default=1)
    # The local authority that offers the mission to its association (a "pack numérique"
    # it claimed, territories app): shown as « Soutenue par … » wherever the mission is.
    sponsor = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("soutenue par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sponsored_missions",
    )
    licence = models.CharField(
        _("droits sur les livrables"), max_length=20, choices=Licence, default=Licence.FREE_USE
    )
    status = models.CharField(
        _("état"), max_length=20, choices=Status, default=Status.DRAFT, db_index=True
    )
    # The wizard's last completed screen, so that a draft reopens where it was left.
    wizard_step = models.PositiveSmallIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # Last time anything happened on the mission (message, application, state change).
    last_activity_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("mission")
        ordering = ["-published_at", "-created_at"]
        indexes = [models.Index(fields=["status", "-published_at"])]
        # And, made by migration 0010 (NULLS LAST in an index is PostgreSQL's own), the open
        # missions newest first, as the API, the feeds and the open data page read them.

    def __str__(self) -> str:
        return self.title

    @property
    def deliverable_list(self) -> list[str]:
        return [line.strip() for line in self.deliverables.splitlines() if line.strip()]

    # What templates ask instead of comparing the status (missions.lifecycle has the rules).
    @property
    def is_draft(self) -> bool:
        return self.status == Status.DRAFT

    @property
    def is_submitted(self) -> bool:
        """Waiting for the moderators."""
        return self.status == Status.SUBMITTED

    @property
    def is_open(self) -> bool:
        """Online and taking applications."""
        return self.status == Status.OPEN

    @property
    def resume_step(self) -> int:
        """The wizard screen a draft reopens on: the one after the last completed."""
        return min(self.wizard_step + 1, 3)


class MissionSkill(models.Model):
    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="required_skills")
    skill = models.ForeignKey(Skill, on_delete=models.PROTECT, related_name="+")
    min_level = models.PositiveSmallIntegerField(
        _("niveau minimum"), choices=Level, default=Level.LEARNING
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["mission", "skill"], name="one_requirement_per_skill")
        ]


class Reason(NamedTuple):
    """Why the system moved a mission, as data (`code` in `SYSTEM_REASONS`, its `args`): the
    history shows it in the reader's language, not in the one active when it happened."""

    code: str
    args: dict


SYSTEM_REASONS = {
    "work_delivered": _("Travail remis par %(name)s."),
    "completion_confirmed": _("Fin confirmée pour %(name)s."),
    "edited_before_publication": _("Modifiée par l’association avant sa publication."),
    "end_date_passed": _("La date de fin souhaitée est passée."),
}


class MissionEvent(models.Model):
    """One change of state: who, when, from what to what, and why."""

    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=20, choices=Status)
    to_status = models.CharField(max_length=20, choices=Status)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    # Typed by a person, or the French wording of a system reason (kept as a record).
    reason = models.TextField(blank=True)
    # A system reason as data (`Reason`), shown in the reader's language.
    reason_code = models.CharField(max_length=40, blank=True)
    reason_args = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    @property
    def reason_text(self) -> str:
        """Why, in the language active now."""
        wording = SYSTEM_REASONS.get(self.reason_code)
        if wording is None:
            return self.reason
        args = dict(self.reason_args)
        if "name" in args and args["name"] is None:  # missions.services.anonymise_person_in_history
            args["name"] = _("une personne dont le compte a été supprimé")
        return wording % args


class MissionSearchEntry(models.Model):
    """A mission's line in SQLite's FTS5 index (migration 0004), which missions/search.py
    joins to the missions it searches. The table exists only on SQLite."""

    mission = models.OneToOneField(
        Mission,
        primary_key=True,
        db_column="rowid",
        db_constraint=False,
        on_delete=models.DO_NOTHING,
        related_name="search_entry",
    )
    # FTS5's hidden column named after its table: what MATCH and bm25() are given.
    index = models.TextField(db_column="missions_mission_fts")

    class Meta:
        managed = False
        db_table = "missions_mission_fts"


class TextVectorField(models.Field):
    """PostgreSQL's `tsvector`, read only by missions/search.py (text on SQLite, unused)."""

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"


class MissionSearchRow(models.Model):
    """An open mission's line in PostgreSQL's narrow search table (migration 0010): its
    text vector and publication date, a few hundred bytes where the mission's row is a
    kilobyte or more. Triggers keep it in step with the missions, whatever writes them: a
    mission has a line while it is open (published, edited; gone when closed or deleted).
    missions/search.py walks it newest first, ranks only the newest matches, and counts
    matches without reading the missions' rows. Empty on SQLite, which has FTS5."""

    mission = models.OneToOneField(
        Mission,
        primary_key=True,
        db_constraint=False,
        on_delete=models.DO_NOTHING,
        related_name="search_row",
    )
    published_at = models.DateTimeField(null=True)
    vector = TextVectorField()

    class Meta:
        indexes = [
            models.Index(fields=["-published_at", "-mission"], name="missions_searchrow_newest")
        ]


class MissionReminder(models.Model):
    """A reminder sent about a mission: silent for too long, or past its end date.

    `key` tells one occurrence from the next: the date of the last activity for a silent
    mission (it may fall silent again later), the end date for a mission past it (the
    association may move the date, then forget again).
    """

    class Kind(models.TextChoices):
        SILENT = "silent", _("mission sans nouvelles")
        PAST_END = "past_end", _("date de fin passée")

    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=20, choices=Kind)
    key = models.CharField(max_length=40)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("relance")
        constraints = [
            models.UniqueConstraint(fields=["mission", "kind", "key"], name="one_reminder_per_key")
        ]
