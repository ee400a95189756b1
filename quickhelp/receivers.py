"""What quick help answers when the apps below ask: receivers connected in
`QuickhelpConfig.ready`."""

from decimal import Decimal

from django.db.models import Count, Max, Subquery, Sum
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from credentials.mentions import Mention
from credentials.signals import attestation_mentions
from engagements.models import Application

from .models import Credit


def hours_text(hours: Decimal) -> str:
    """1.0 → "1", 2.5 → "2,5" (in the active language)."""
    if hours == hours.to_integral():
        return str(int(hours))
    return number_format(hours, 1)


def _attestation_mentions(sender, credential, **kwargs) -> list[Mention]:
    """Her hours of quick help (an hour per call, half an hour per written answer, on
    questions the associations marked solved), printed on each of her attestations."""
    if credential.application_id is None:  # a badge: no PDF
        return []
    volunteer = Application.objects.filter(pk=credential.application_id).values("volunteer_id")
    found = Credit.objects.filter(helper_id=Subquery(volunteer[:1])).aggregate(
        hours=Sum("hours"), questions=Count("question_id", distinct=True), last=Max("credited_at")
    )
    if not found["hours"]:
        return []
    hours = hours_text(found["hours"])
    return [
        Mention(
            heading=_("Coups de main aux associations"),
            text=ngettext(
                "Par ailleurs, %(hours)s h de coups de main données à des associations sur "
                "%(questions)s question qu’elles ont marquée résolue : réponses écrites et "
                "appels d’une heure.",
                "Par ailleurs, %(hours)s h de coups de main données à des associations sur "
                "%(questions)s questions qu’elles ont marquées résolues : réponses écrites et "
                "appels d’une heure.",
                found["questions"],
            )
            % {"hours": hours, "questions": found["questions"]},
            key=f"quickhelp:{found['hours']}:{found['questions']}:{found['last'].isoformat()}",
        )
    ]


def connect() -> None:
    attestation_mentions.connect(_attestation_mentions, dispatch_uid="quickhelp-attestation")
