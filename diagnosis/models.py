"""The digital self-diagnosis: the questionnaire (data staff edit) and each association's
answers, kept with their date so that a retaken diagnosis shows progress."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.translation import localized
from missions.models import MissionTemplate


class Ease(models.IntegerChoices):
    """How quickly a mission brings a visible result: the plan starts with the quickest."""

    QUICK = 1, _("rapide à mettre en place")
    MEDIUM = 2, _("demande un peu plus de temps")
    LONGER = 3, _("un projet plus long")


class Axis(models.Model):
    """One of the six areas the questionnaire looks at; one screen of questions each."""

    slug = models.SlugField(unique=True)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)
    name_fr = models.CharField(_("nom (français)"), max_length=100)
    name_en = models.CharField(_("nom (anglais)"), max_length=100)
    short_name_fr = models.CharField(_("nom court, pour le graphique (français)"), max_length=30)
    short_name_en = models.CharField(_("nom court, pour le graphique (anglais)"), max_length=30)
    intro_fr = models.CharField(_("une phrase en haut de l’écran (français)"), max_length=300)
    intro_en = models.CharField(_("une phrase en haut de l’écran (anglais)"), max_length=300)
    # What the score means, in one sentence, for a weak, middling and strong result.
    low_fr = models.TextField(_("ce que veut dire un score faible (français)"))
    low_en = models.TextField(_("ce que veut dire un score faible (anglais)"))
    mid_fr = models.TextField(_("ce que veut dire un score moyen (français)"))
    mid_en = models.TextField(_("ce que veut dire un score moyen (anglais)"))
    high_fr = models.TextField(_("ce que veut dire un bon score (français)"))
    high_en = models.TextField(_("ce que veut dire un bon score (anglais)"))

    class Meta:
        verbose_name = _("domaine du bilan numérique")
        verbose_name_plural = _("domaines du bilan numérique")
        ordering = ["order", "slug"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def short_name(self) -> str:
        return localized(self, "short_name")

    @property
    def intro(self) -> str:
        return localized(self, "intro")

    def meaning(self, band: str) -> str:
        """The sentence for a score in `band` ("low", "mid" or "high")."""
        return localized(self, band)


class Question(models.Model):
    axis = models.ForeignKey(
        Axis, verbose_name=_("domaine"), on_delete=models.CASCADE, related_name="questions"
    )
    slug = models.SlugField(unique=True)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)
    text_fr = models.CharField(_("question (français)"), max_length=300)
    text_en = models.CharField(_("question (anglais)"), max_length=300)
    help_fr = models.CharField(_("aide ou exemple (français)"), max_length=300, blank=True)
    help_en = models.CharField(_("aide ou exemple (anglais)"), max_length=300, blank=True)
    weight = models.PositiveSmallIntegerField(
        _("poids dans le score du domaine"),
        default=1,
        help_text=_("1 compte simple, 2 compte double, 3 compte triple."),
    )
    is_active = models.BooleanField(_("posée"), default=True)

    class Meta:
        verbose_name = _("question du bilan numérique")
        verbose_name_plural = _("questions du bilan numérique")
        ordering = ["axis__order", "order", "slug"]

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return localized(self, "text")

    @property
    def help(self) -> str:
        return localized(self, "help")


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    value = models.SlugField(_("code"), max_length=50)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)
    label_fr = models.CharField(_("réponse (français)"), max_length=200)
    label_en = models.CharField(_("réponse (anglais)"), max_length=200)
    score = models.PositiveSmallIntegerField(
        _("points sur 100"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "100 pour la meilleure réponse ; vide quand la réponse veut dire « cela ne nous "
            "concerne pas » : la question ne compte alors pas dans le score."
        ),
    )
    # Said back to the association as the reason a mission is proposed ("why this step").
    finding_fr = models.CharField(
        _("ce que cette réponse révèle (français)"), max_length=300, blank=True
    )
    finding_en = models.CharField(
        _("ce que cette réponse révèle (anglais)"), max_length=300, blank=True
    )
    templates = models.ManyToManyField(
        MissionTemplate,
        through="Suggestion",
        related_name="+",
        blank=True,
        verbose_name=_("missions proposées après cette réponse"),
    )

    class Meta:
        verbose_name = _("réponse possible")
        verbose_name_plural = _("réponses possibles")
        ordering = ["question", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["question", "value"], name="one_value_per_question")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return localized(self, "label")

    @property
    def finding(self) -> str:
        return localized(self, "finding")


class Suggestion(models.Model):
    """A weak answer proposes a mission template: "no website" → "Showcase website"."""

    choice = models.ForeignKey(Choice, on_delete=models.CASCADE, related_name="suggestions")
    template = models.ForeignKey(
        MissionTemplate,
        verbose_name=_("modèle de mission"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    ease = models.PositiveSmallIntegerField(_("facilité"), choices=Ease, default=Ease.MEDIUM)

    class Meta:
        verbose_name = _("mission proposée")
        verbose_name_plural = _("missions proposées")
        constraints = [
            models.UniqueConstraint(fields=["choice", "template"], name="one_suggestion_per_pair")
        ]


class NextLevel(models.Model):
    """A mission for an association already strong in an axis: the plan is never empty."""

    axis = models.ForeignKey(Axis, on_delete=models.CASCADE, related_name="next_levels")
    template = models.ForeignKey(
        MissionTemplate,
        verbose_name=_("modèle de mission"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)
    ease = models.PositiveSmallIntegerField(_("facilité"), choices=Ease, default=Ease.MEDIUM)
    why_fr = models.CharField(_("pourquoi cette mission (français)"), max_length=300)
    why_en = models.CharField(_("pourquoi cette mission (anglais)"), max_length=300)

    class Meta:
        verbose_name = _("mission pour aller plus loin")
        verbose_name_plural = _("missions pour aller plus loin")
        ordering = ["axis", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["axis", "template"], name="one_next_level_per_pair")
        ]

    @property
    def why(self) -> str:
        return localized(self, "why")


class Diagnosis(models.Model):
    """One sitting of the questionnaire by an association. It belongs to the association,
    not to the member who started it; any member may resume it."""

    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="diagnoses"
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # Scores per axis slug, fixed at completion: the history shows what the association saw
    # that day, even if staff later change the questions or their weights.
    scores = models.JSONField(default=dict, blank=True)
    overall = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("bilan numérique")
        verbose_name_plural = _("bilans numériques")
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization"],
                condition=Q(completed_at__isnull=True),
                name="one_diagnosis_in_progress",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} – {self.started_at:%Y-%m-%d}"

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None


class Answer(models.Model):
    diagnosis = models.ForeignKey(Diagnosis, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    choice = models.ForeignKey(Choice, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["diagnosis", "question"], name="one_answer_per_question"
            )
        ]


class Dismissal(models.Model):
    """An association said "do not offer me the diagnosis any more" on its dashboard."""

    organization = models.OneToOneField(
        "organizations.Organization", on_delete=models.CASCADE, related_name="+"
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)


class PlanMission(models.Model):
    """The mission made from one step of a diagnosis's plan: one per step, so that a second
    click on « Créer cette mission » shows it instead of making another."""

    diagnosis = models.ForeignKey(Diagnosis, on_delete=models.CASCADE, related_name="plan_missions")
    template = models.ForeignKey(MissionTemplate, on_delete=models.CASCADE, related_name="+")
    mission = models.ForeignKey("missions.Mission", on_delete=models.CASCADE, related_name="+")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["diagnosis", "template"], name="one_mission_per_plan_step"
            )
        ]
