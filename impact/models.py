"""What the work done is worth (hours × an hourly rate per skill domain), and whether the
associations still use what they received, asked 30 and 90 days after a mission's end."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class HourlyRate(models.Model):
    """What an hour of work in a domain would cost from a freelancer: an estimate, with the
    public source it comes from (impact/rates.py ships the defaults)."""

    domain = models.OneToOneField(
        "taxonomy.SkillDomain",
        verbose_name=_("domaine de compétences"),
        on_delete=models.CASCADE,
        related_name="hourly_rate",
    )
    rate = models.DecimalField(
        _("taux horaire (euros)"),
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(1000)],
        help_text=_("Le prix d’une heure de ce travail chez un indépendant, par exemple 46."),
    )
    source = models.TextField(
        _("source"),
        help_text=_(
            "D’où vient ce chiffre, pour que chacun puisse le vérifier : par exemple "
            "« 320 € par jour ÷ 7 h, tarif moyen d’un graphiste indépendant (source…) »."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("taux horaire")
        verbose_name_plural = _("taux horaires")
        ordering = ["domain__order", "domain__slug"]

    def __str__(self) -> str:
        return f"{self.domain} · {self.rate} €"


class AdoptionCheck(models.Model):
    """One question to the association about a completed mission, 30 or 90 days after its
    end: « do you still use what you received? » (lifecycle: impact/lifecycle.py)."""

    class Day(models.IntegerChoices):
        THIRTY = 30, _("30 jours après la fin")
        NINETY = 90, _("90 jours après la fin")

    class Status(models.TextChoices):
        PENDING = "pending", _("pas encore posée")
        ASKED = "asked", _("posée, en attente de réponse")
        ANSWERED = "answered", _("répondue")
        EXPIRED = "expired", _("restée sans réponse")

    class Answer(models.TextChoices):
        YES = "yes", _("Oui, nous l’utilisons")
        PARTLY = "partly", _("En partie")
        NO = "no", _("Non, plus maintenant")

    mission = models.ForeignKey(
        "missions.Mission", on_delete=models.CASCADE, related_name="adoption_checks"
    )
    day = models.PositiveSmallIntegerField(choices=Day)
    status = models.CharField(max_length=10, choices=Status, default=Status.PENDING)
    # When the mission was completed, and when the question falls due (that plus `day`).
    completed_at = models.DateTimeField()
    due_at = models.DateTimeField()
    asked_at = models.DateTimeField(null=True, blank=True)
    answer = models.CharField(_("réponse"), max_length=10, choices=Answer, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    expired_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("suivi d’utilisation")
        verbose_name_plural = _("suivis d’utilisation")
        constraints = [
            models.UniqueConstraint(fields=["mission", "day"], name="one_adoption_check_per_day")
        ]
        indexes = [models.Index(fields=["status", "due_at"])]

    def __str__(self) -> str:
        return f"{self.mission_id} · J+{self.day} · {self.status}"

    @property
    def is_asked(self) -> bool:
        """Waiting for the association's answer."""
        return self.status == self.Status.ASKED

    @property
    def is_answered(self) -> bool:
        return self.status == self.Status.ANSWERED

    @property
    def answer_choices(self) -> list[tuple[str, str]]:
        """The three buttons of the question, in order."""
        return self.Answer.choices
