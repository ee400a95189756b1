"""The one next thing to do about a mission, for the association and for its volunteer.

Computed from the mission's table (`missions.lifecycle.MISSION`) and its team's state (the
agreement, `services.delivery_refusal`, the work handed over), never re-derived in
templates. The mission page (through `mission_page`) and the volunteer's dashboard show them.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from missions.lifecycle import MISSION
from missions.models import Mission, Status

from .services import delivery_refusal


@dataclass(frozen=True)
class NextStep:
    """The one thing to do next on the mission page, and why: a change of state (`target`,
    a button posting to the lifecycle), a link (`url`), or only a sentence (waiting)."""

    text: str | Promise
    label: str | Promise = ""
    target: str = ""
    url: str = ""


def for_association(mission: Mission, user, team: list) -> NextStep | None:
    """What the association does next, from the mission's state and its team's."""
    if mission.status == Status.OPEN:
        confirmed = any(a.agreement_confirmed for a in team)
        if MISSION.allows(mission, "start", user, confirmed_agreement=confirmed):
            return NextStep(
                _(
                    "L’accord d’engagement est confirmé des deux côtés : la mission est prête "
                    "à démarrer. Démarrez-la pour que le travail commence."
                ),
                _("Démarrer la mission"),
                target=Status.IN_PROGRESS,
            )
        for application in team:
            agreement = application.agreement_or_none
            # A class project's members are covered by their lead's agreement: one to confirm.
            if (
                agreement is not None
                and not agreement.is_covered
                and not agreement.association_confirmed_at
            ):
                return NextStep(
                    _("Relisez l’accord d’engagement proposé, puis confirmez-le."),
                    _("Confirmer l’accord avec %(name)s")
                    % {"name": application.volunteer.first_name},
                    url=reverse("engagements:agreement", args=[application.pk]),
                )
        if team:
            return NextStep(
                _("L’accord attend la confirmation de %(name)s. Vous serez prévenu·e.")
                % {"name": team[0].volunteer.first_name}
            )
        return NextStep(
            _("Choisissez un ou une bénévole parmi les candidatures, ou invitez-en."),
            _("Voir les candidatures"),
            url=reverse("engagements:applicants", args=[mission.pk]),
        )
    if mission.status == Status.IN_PROGRESS and team:
        return NextStep(
            ngettext(
                "%(names)s travaille sur la mission. Vous serez prévenu·e dès que le travail "
                "sera remis.",
                "%(names)s travaillent sur la mission. Vous serez prévenu·e dès que le travail "
                "sera remis.",
                len(team),
            )
            % {"names": ", ".join(a.volunteer.first_name for a in team)}
        )
    if MISSION.allows(mission, "complete", user):
        return NextStep(
            _(
                "Le travail est remis : il est présenté ci-dessous. S’il vous convient, "
                "confirmez la fin de la mission ; sinon, demandez des retouches."
            ),
            _("Confirmer la fin de la mission"),
            target=Status.COMPLETED,
        )
    if mission.status == Status.COMPLETED:
        for application in team:
            if not application.reviewed:
                return NextStep(
                    _("La mission est terminée. Une recommandation est la plus belle référence."),
                    _("Écrire la recommandation de %(name)s")
                    % {"name": application.volunteer.first_name},
                    url=reverse("completion:review", args=[application.pk]),
                )
    return None


def for_volunteer(application) -> NextStep:
    """What the accepted volunteer does next, after the delivery guard of completion."""
    agreement = getattr(application, "agreement", None)
    completion = getattr(application, "completion", None)
    if agreement is not None and agreement.is_covered and not agreement.is_confirmed:
        return NextStep(
            _(
                "L’accord de l’équipe attend la confirmation de l’élève responsable, de "
                "l’enseignant·e et de l’association."
            ),
            _("Lire l’accord de l’équipe"),
            url=reverse("engagements:agreement", args=[application.pk]),
        )
    if agreement is not None and not agreement.is_covered and not agreement.volunteer_confirmed_at:
        return NextStep(
            _("Relisez l’accord d’engagement, puis confirmez-le."),
            _("Confirmer l’accord"),
            url=reverse("engagements:agreement", args=[application.pk]),
        )
    refusal = delivery_refusal(application, completion)
    detail_url = reverse("completion:detail", args=[application.pk])
    if completion is None and not refusal:
        return NextStep(
            _(
                "Vous avez terminé ? Remettez votre travail à l’association : vos fichiers, "
                "vos liens et le temps passé."
            ),
            _("Remettre mon travail"),
            url=reverse("completion:deliver", args=[application.pk]),
        )
    if completion is None:
        return NextStep(refusal)
    if completion.is_completed:
        return NextStep(
            _("Bravo, la mission est terminée ! Retrouvez votre attestation et les avis."),
            _("Voir la fin de la mission"),
            url=detail_url,
        )
    if completion.status == completion.Status.CHANGES_REQUESTED:
        return NextStep(
            _("L’association vous demande des retouches, puis de remettre votre travail."),
            _("Lire la demande de retouches"),
            url=detail_url,
        )
    return NextStep(
        _("Votre travail est remis : l’association le regarde, puis confirme la fin."),
        _("Voir le travail remis"),
        url=detail_url,
    )


def with_engagement_rows(applications: list) -> list:
    """Spell out the optional one-to-one rows (read through select_related) for templates:
    `agreement_or_none`, `completion_or_none`, the attestation still valid (`credential_or_none`)
    and the book when public (`book_or_none`)."""
    for application in applications:
        agreement = getattr(application, "agreement", None)
        application.agreement_or_none = agreement
        application.agreement_confirmed = bool(agreement and agreement.is_confirmed)
        application.completion_or_none = getattr(application, "completion", None)
        credential = getattr(application, "credential", None)
        application.credential_or_none = (
            credential
            if credential and not credential.is_revoked and not credential.erased_at
            else None
        )
        book = getattr(application.volunteer, "portfolio", None)
        application.book_or_none = book if book and book.is_public else None
    return applications
