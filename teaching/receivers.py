"""What teaching answers when the apps below ask: receivers connected in
`TeachingConfig.ready`."""

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from completion.signals import engagement_page
from credentials.mentions import Mention
from credentials.signals import attestation_mentions
from organizations.models import Membership
from schools.models import CohortMembership
from volunteers.signals import profile_readers

from .selectors import validated_for_attestation, verdicts_on


def _profile_readers(sender, viewer, **kwargs):
    """The students of the cohorts `viewer` teaches, while they are in them."""
    return Exists(
        CohortMembership.objects.filter(
            student_id=OuterRef("user_id"),
            status=CohortMembership.Status.JOINED,
            cohort__teachers=viewer,
        ).filter(
            Exists(
                Membership.objects.filter(
                    user=viewer, organization_id=OuterRef("cohort__school_id")
                )
            )
        )
    )


def _attestation_mentions(sender, credential, **kwargs) -> list[Mention]:
    return [
        Mention(
            heading=_("Validation pédagogique"),
            text=_(
                "Mission validée le %(date)s par %(teacher)s, enseignant·e de la promotion "
                "« %(cohort)s » (%(school)s)."
            )
            % {
                "date": date_format(timezone.localtime(validation.updated_at), "j F Y"),
                "teacher": validation.teacher.full_name if validation.teacher else "—",
                "cohort": validation.cohort.name,
                "school": validation.cohort.school.name,
            },
            comment=validation.comment,
            key=f"validation:{validation.pk}:{validation.updated_at.isoformat()}",
        )
        for validation in validated_for_attestation(credential.application_id)
    ]


def _engagement_page(sender, application, viewer, **kwargs) -> list[dict]:
    """Her teachers' verdicts on the mission, on its end page (the volunteer's only)."""
    validations = verdicts_on(application.pk)
    return (
        [{"template": "teaching/_verdicts.html", "validations": validations}] if validations else []
    )


def connect() -> None:
    profile_readers.connect(_profile_readers, dispatch_uid="teaching-profile-readers")
    attestation_mentions.connect(_attestation_mentions, dispatch_uid="teaching-attestation")
    engagement_page.connect(_engagement_page, dispatch_uid="teaching-engagement-page")
