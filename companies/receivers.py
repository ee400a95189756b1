"""What companies answer when the apps below ask: receivers connected in
`CompaniesConfig.ready`."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from engagements.signals import application_changed, apply_form_parts
from organizations.models import Organization
from organizations.selectors import is_member
from organizations.signals import organization_page
from volunteers.models import VolunteerProfile
from volunteers.signals import profile_page

from . import selectors
from .forms import ApplyWithProgrammeForm, TimeOption
from .lifecycle import scope_refusal
from .models import Sponsorship
from .selectors import employers_shown


def _profile_page(sender, profile: VolunteerProfile, viewer, **kwargs) -> dict:
    # Her employer, only where she chose to show it.
    return {"employers": employers_shown(profile.user)}


def _organization_page(sender, organization: Organization, user, **kwargs) -> dict:
    if organization.kind not in (Organization.Kind.COMPANY, Organization.Kind.ASSOCIATION):
        return {}
    if not is_member(user, organization):
        return {}
    if organization.kind == Organization.Kind.COMPANY:
        # Its managers are its members: their way to the company's space.
        return {"company_space_url": reverse("companies:space", args=[organization.slug])}
    # An association that companies gave time to: its attestations of the help received.
    if not Sponsorship.objects.filter(
        application__mission__organization=organization, status=Sponsorship.Status.APPROVED
    ).exists():
        return {}
    return {
        "company_links": [
            {
                "url": reverse("companies:help_received", args=[organization.slug]),
                "label": _("Aide reçue des entreprises (attestations)"),
            }
        ]
    }


def _option_label(programme, format: str, left: int) -> str:
    words = {"programme": programme.name, "company": programme.company.name, "left": left}
    if format == Sponsorship.Format.RECURRING:
        return _(
            "Sur mon temps de travail, avec « %(programme)s » (%(company)s) : talent solidaire "
            "de %(hours)s h par mois pendant %(months)s mois · il me reste %(left)s h cette année"
        ) % {
            **words,
            "hours": programme.recurring_hours_per_month,
            "months": programme.recurring_months,
        }
    return (
        _(
            "Sur mon temps de travail, avec « %(programme)s » (%(company)s) : mission ponctuelle · "
            "il me reste %(left)s h cette année"
        )
        % words
    )


def _apply_form_parts(sender, mission, user, data=None, **kwargs):
    """The choice of her company's programme, when she works for one whose open programme
    supports this mission."""
    employments = selectors.employments_of(user)
    if not employments:
        return None
    programmes = selectors.open_programmes_of([employee.company for employee in employments])
    if not programmes:
        return None
    cause_ids = set(mission.organization.causes.values_list("pk", flat=True))
    programmes = [p for p in programmes if not scope_refusal(p, mission, cause_ids=cause_ids)]
    if not programmes:
        return None
    by_company = {employee.company_id: employee for employee in employments}
    year = timezone.localdate().year
    used = selectors.hours_used_by_programme(
        [e.pk for e in employments], [p.pk for p in programmes], year
    )
    options = []
    for programme in programmes:
        employee = by_company[programme.company_id]
        taken = used.get((employee.pk, programme.pk), 0)
        left = max(programme.hours_per_employee - taken, 0)
        for format, offered in (
            (Sponsorship.Format.ONE_OFF, programme.one_off),
            (Sponsorship.Format.RECURRING, programme.recurring),
        ):
            if offered:
                options.append(
                    TimeOption(
                        value=f"{programme.pk}-{format}",
                        label=_option_label(programme, format, left),
                        programme=programme,
                        employee=employee,
                        format=format,
                        used=taken,
                    )
                )
    return ApplyWithProgrammeForm(
        data, options=options, mission=mission, user=user, cause_ids=cause_ids
    )


def _application_changed(sender, volunteer_id: int, mission_id: int, **kwargs) -> None:
    # An application that ended without the work gives the time back to her budget.
    from .services import sponsorships_follow_application

    sponsorships_follow_application(volunteer_id=volunteer_id, mission_id=mission_id)


def connect() -> None:
    apply_form_parts.connect(_apply_form_parts, dispatch_uid="companies-apply-form-parts")
    application_changed.connect(_application_changed, dispatch_uid="companies-application-changed")
    profile_page.connect(_profile_page, dispatch_uid="companies-profile-page")
    organization_page.connect(_organization_page, dispatch_uid="companies-organization-page")
