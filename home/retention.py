"""How long A-lasso keeps what, in one place: the privacy policy and the retention page list
these rules, and `manage.py retention` applies them."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

# An account nobody logged into for three years is warned by e-mail, then anonymised 30 days
# later unless its owner logs in meanwhile.
INACTIVE_AFTER = timedelta(days=3 * 365)
ANONYMISE_AFTER_WARNING = timedelta(days=30)
NOTIFICATIONS_KEPT = timedelta(days=365)
MESSAGES_KEPT = timedelta(days=3 * 365)
EXPORT_LINK_VALID = timedelta(hours=48)


def _days(count: int) -> str:
    return ngettext("%(count)d jour", "%(count)d jours", count) % {"count": count}


days = lazy(_days, str)


@dataclass(frozen=True)
class Rule:
    what: str
    kept: str
    then: str


def rules() -> list[Rule]:
    return [
        Rule(
            _("Compte (profil, organisations et rôles)"),
            _("tant que vous l’utilisez ; 3 ans sans connexion au plus"),
            _(
                "Après 3 ans sans connexion, un e-mail vous prévient ; sans connexion dans les "
                "30 jours, le compte est anonymisé (nom et adresse effacés)."
            ),
        ),
        Rule(
            _("Messages des conversations"),
            _("3 ans après leur envoi"),
            _("Supprimés, avec leurs pièces jointes."),
        ),
        Rule(
            _("Notifications"),
            _("1 an après leur création"),
            _("Supprimées."),
        ),
        Rule(
            _("Tâches de fond terminées et e-mails envoyés"),
            days(settings.TASK_RETENTION_DAYS),
            _("Supprimés."),
        ),
        Rule(
            _("Archive « Télécharger mes données »"),
            _("48 heures"),
            _("Le lien ne marche plus, puis le fichier est supprimé."),
        ),
        Rule(
            _("Attestations de mission"),
            _("sans limite"),
            _(
                "Elles restent vérifiables par ceux à qui vous les montrez ; elles suivent "
                "l’anonymisation de votre compte."
            ),
        ),
    ]


# --- Applying the rules: `manage.py retention` and the daily cron job -----------------------
@dataclass
class Plan:
    """What the rules delete at `now`: the ids of each kind, so that a dry run lists exactly
    what a real run deletes."""

    now: datetime
    warn: list[int] = field(default_factory=list)  # accounts to warn
    anonymise: list[int] = field(default_factory=list)  # accounts to anonymise
    messages: list[int] = field(default_factory=list)
    notifications: list[int] = field(default_factory=list)
    tasks: list[str] = field(default_factory=list)
    exports: list[int] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {name: len(ids) for name, ids in self.lists().items()}

    def lists(self) -> dict[str, list]:
        return {
            "warn": self.warn,
            "anonymise": self.anonymise,
            "messages": self.messages,
            "notifications": self.notifications,
            "tasks": self.tasks,
            "exports": self.exports,
        }


def _last_seen():
    from django.db.models.functions import Coalesce

    return Coalesce("last_login", "date_joined")


def retention_plan(*, now: datetime | None = None) -> Plan:
    from django.db.models import F, Q
    from django.tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from accounts.models import DataExport, User
    from messaging.models import Message
    from notifications.models import Notification

    now = now or timezone.now()
    people = User.objects.filter(is_active=True, is_staff=False, is_superuser=False)
    people = people.annotate(last_seen=_last_seen())
    # Unused for 3 years and not warned since she last came.
    to_warn = people.filter(last_seen__lt=now - INACTIVE_AFTER).filter(
        Q(inactivity_warned_at__isnull=True) | Q(inactivity_warned_at__lt=F("last_seen"))
    )
    # Warned 30 days ago or more, and did not come back since.
    to_anonymise = people.filter(
        inactivity_warned_at__lte=now - ANONYMISE_AFTER_WARNING,
        inactivity_warned_at__gte=F("last_seen"),
    )
    finished = [TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED]
    return Plan(
        now=now,
        warn=sorted(to_warn.values_list("pk", flat=True)),
        anonymise=sorted(to_anonymise.values_list("pk", flat=True)),
        messages=sorted(
            Message.objects.filter(created_at__lt=now - MESSAGES_KEPT).values_list("pk", flat=True)
        ),
        notifications=sorted(
            Notification.objects.filter(created_at__lt=now - NOTIFICATIONS_KEPT).values_list(
                "pk", flat=True
            )
        ),
        tasks=sorted(
            str(pk)
            for pk in DBTaskResult.objects.filter(
                status__in=finished,
                finished_at__lt=now - timedelta(days=settings.TASK_RETENTION_DAYS),
            ).values_list("pk", flat=True)
        ),
        exports=sorted(
            DataExport.objects.filter(requested_at__lt=now - EXPORT_LINK_VALID).values_list(
                "pk", flat=True
            )
        ),
    )


def retention_apply(plan: Plan) -> dict[str, int]:
    """Do what the plan lists, and nothing else."""
    from django_tasks_db.models import DBTaskResult

    from accounts.models import DataExport, User
    from accounts.services import user_delete
    from core.emails import send_email
    from messaging.models import Attachment, Message
    from notifications.models import Notification

    for user in User.objects.filter(pk__in=plan.warn):
        with transaction.atomic():
            user.inactivity_warned_at = plan.now
            user.save(update_fields=["inactivity_warned_at"])
            send_email(
                "inactivity_warning",
                to=user.email,
                language=user.language,
                context={
                    "name": user.first_name,
                    "link": settings.SITE_URL + reverse("accounts:login"),
                    "days": ANONYMISE_AFTER_WARNING.days,
                },
                key=f"inactivity-warning-{user.pk}-{plan.now.date().isoformat()}",
            )
    for user in User.objects.filter(pk__in=plan.anonymise):
        user_delete(user=user)
    storage = Attachment._meta.get_field("file").storage
    files = list(
        Attachment.objects.filter(message__in=plan.messages).values_list("file", flat=True)
    )
    Message.objects.filter(pk__in=plan.messages).delete()
    for name in filter(None, files):
        storage.delete(name)
    Notification.objects.filter(pk__in=plan.notifications).delete()
    DBTaskResult.objects.filter(pk__in=plan.tasks).delete()
    for export in DataExport.objects.filter(pk__in=plan.exports):
        if export.file:
            export.file.delete(save=False)
        export.delete()
    return plan.counts()


@task
def retention_tick() -> dict[str, int]:
    """Once a day: the retention rules (the privacy policy lists them)."""
    return retention_apply(retention_plan())
