"""How long A-lasso keeps what, in one place: the privacy policy and the retention page list
these rules, and `manage.py retention` applies them."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
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
