"""What the home page shows a logged-in person, after the roles they hold.

One person may be an association member and a volunteer at once: each block appears when
its role applies. Every block costs a fixed number of queries, whatever the data size.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from completion.models import Completion
from completion.next_steps import NextStep, for_volunteer
from core.roles import roles_of
from diagnosis.selectors import offer_annotations_sql, offer_of
from engagements.models import Application
from impact.selectors import Value, current_rates, questions_for, value_given, values_received
from matching.selectors import missions_for, with_missions
from missions.models import Mission, Status
from organizations.models import Membership, Organization
from quickhelp.selectors import value_for_organizations as quickhelp_values
from quickhelp.selectors import value_given_by as quickhelp_value_given
from schools.selectors import open_calls_for, pinned_for_student
from teaching.selectors import validations_for_student
from territories.packs_selectors import offers_for as pack_offers_for


@dataclass
class AssociationBlock:
    organization: Organization
    is_admin: bool
    counts: dict[str, int]
    pending_applications: int
    # What the block says about the digital self-diagnosis (diagnosis.selectors.Offer).
    diagnosis: object = None
    # The packs numériques its local authority offers it (territories.packs_selectors).
    packs: list = field(default_factory=list)
    # What the work it received is worth, and the adoption questions waiting for its admin.
    value: Value | None = None
    questions: list = field(default_factory=list)


@dataclass
class Dashboard:
    associations: list[AssociationBlock] = field(default_factory=list)
    other_organizations: list[Organization] = field(default_factory=list)
    has_profile: bool = False
    is_volunteer: bool = False
    applications: dict[str, int] = field(default_factory=dict)
    invitations: int = 0
    # The volunteer's missions under way, each with its next step (completion.next_steps).
    engagements: list = field(default_factory=list)
    recent_missions: list[Mission] = field(default_factory=list)
    # The volunteer's three best "missions pour vous" (matching.selectors.Suggestion).
    suggestions: list = field(default_factory=list)
    # The open missions her teachers chose for her cohorts (schools.selectors).
    pinned: list[Mission] = field(default_factory=list)
    # Her teachers' verdicts on her missions (teaching.selectors).
    validations: list = field(default_factory=list)
    # Schools' open calls for needs in the départements of the person's associations.
    calls: list = field(default_factory=list)
    moderation: dict[str, int] = field(default_factory=dict)
    # What her completed missions and coups de main are worth (impact.selectors.value_given,
    # quickhelp.selectors.value_given_by).
    value_given: Value | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.associations or self.other_organizations or self.is_volunteer)


def _with_quick_help(value: Value | None, quick) -> Value | None:
    """The value of the missions an association received plus its coups de main (hours
    stay whole numbers when they are: half hours only come from written answers)."""
    if quick is None or not quick.hours:
        return value
    value = value or Value()
    hours = value.hours + quick.hours
    whole = int(hours) if hours == int(hours) else hours
    return Value(hours=whole, euros=value.euros + quick.euros)


# How many missions under way the volunteer's block lists (the rest: "Mes candidatures").
ENGAGEMENTS_SHOWN = 3
# How many of the missions her teachers chose the student's block lists.
PINNED_SHOWN = 3
# How many of her teachers' verdicts the student's block lists, latest first.
VALIDATIONS_SHOWN = 5


def engagements_under_way(user) -> list[tuple[Application, NextStep]]:
    """The volunteer's accepted missions not finished yet, latest first, each with the one
    thing to do next (confirm the agreement, hand the work over…): one query."""
    applications = (
        Application.objects.filter(
            volunteer=user,
            status=Application.Status.ACCEPTED,
            mission__status__in=[Status.OPEN, Status.IN_PROGRESS, Status.DELIVERED],
        )
        .exclude(completion__status=Completion.Status.COMPLETED)
        .select_related("mission__organization", "agreement__covered_by", "completion")
        .order_by("-answered_at", "-pk")[:ENGAGEMENTS_SHOWN]
    )
    return [(application, for_volunteer(application)) for application in applications]


def dashboard_for(user) -> Dashboard:
    board = Dashboard()
    # With each organisation, what the diagnosis block says of it (one query for both).
    memberships = list(
        Membership.objects.filter(user=user)
        .select_related("organization")
        .annotate(**offer_annotations_sql(Membership, "organization_id"))
        .order_by("pk")
    )
    association_ids = [
        m.organization_id
        for m in memberships
        if m.organization.kind == Organization.Kind.ASSOCIATION
    ]
    if association_ids:
        # Its missions by state, and the applications waiting for an answer: one query.
        per_status = (
            Mission.objects.filter(organization_id__in=association_ids)
            .values("organization_id", "status")
            .annotate(
                n=Count("pk", distinct=True),
                pending=Count(
                    "applications", filter=Q(applications__status=Application.Status.PENDING)
                ),
            )
            .order_by()
        )
        counts: dict[int, dict[str, int]] = {}
        pending: dict[int, int] = {}
        for row in per_status:
            counts.setdefault(row["organization_id"], {})[row["status"]] = row["n"]
            if row["pending"]:
                pending[row["organization_id"]] = (
                    pending.get(row["organization_id"], 0) + row["pending"]
                )
        for m in memberships:
            if m.organization_id in association_ids:
                board.associations.append(
                    AssociationBlock(
                        organization=m.organization,
                        is_admin=m.is_admin,
                        counts=counts.get(m.organization_id, {}),
                        pending_applications=pending.get(m.organization_id, 0),
                    )
                )
        offers = {m.organization_id: offer_of(m.organization, m) for m in memberships}
        for block in board.associations:
            block.diagnosis = offers.get(block.organization.pk)
        board.calls = open_calls_for([block.organization for block in board.associations])
        packs = pack_offers_for(
            [block.organization for block in board.associations],
            user=user,
            admin_of={block.organization.pk for block in board.associations if block.is_admin},
        )
        for block in board.associations:
            block.packs = packs.get(block.organization.pk, [])
        rates = current_rates()  # read once for both
        values = values_received(association_ids, rates)
        # Its coups de main count too, each valued at its topic's rate (quickhelp).
        quick = quickhelp_values(association_ids, rates=rates)
        questions = questions_for(
            user, admin_of=[b.organization.pk for b in board.associations if b.is_admin]
        )
        for block in board.associations:
            block.value = _with_quick_help(
                values.get(block.organization.pk), quick.get(block.organization.pk)
            )
            block.questions = questions.get(block.organization.pk, [])
    board.other_organizations = [
        m.organization for m in memberships if m.organization_id not in association_ids
    ]

    board.has_profile = roles_of(user).has_profile  # the header asks too: asked once
    board.is_volunteer = board.has_profile or user.intent == user.Intent.VOLUNTEER
    if board.is_volunteer:
        by_status = dict(
            Application.objects.filter(volunteer=user)
            .values("status")
            .annotate(n=Count("pk"))
            .values_list("status", "n")
        )
        board.invitations = by_status.pop(Application.Status.INVITED, 0)
        board.applications = by_status
        if by_status.get(Application.Status.ACCEPTED):
            board.engagements = engagements_under_way(user)
            board.validations = validations_for_student(user, limit=VALIDATIONS_SHOWN)
            board.value_given = value_given(user)
        # Her coups de main count too, though she may have no mission (quickhelp).
        board.value_given = _with_quick_help(board.value_given, quickhelp_value_given(user))
        board.pinned = pinned_for_student(user, limit=PINNED_SHOWN)
        if board.has_profile:
            # What her teachers chose is shown above: not twice.
            chosen = {mission.pk for mission in board.pinned}
            board.suggestions = with_missions(
                [s for s in missions_for(user).suggestions if s.mission_id not in chosen][:3]
            )
    if board.is_volunteer and not board.suggestions:
        board.recent_missions = list(
            Mission.objects.filter(status=Status.OPEN)
            .exclude(applications__volunteer=user)
            .select_related("organization", "commune")
            .order_by("-published_at")[:5]
        )

    if user.is_staff:
        board.moderation = {
            "organizations": Organization.objects.filter(
                verification=Organization.Verification.PENDING
            ).count(),
            "missions": Mission.objects.filter(status=Status.SUBMITTED).count(),
        }
        board.moderation.update(
            Mission.objects.aggregate(
                open=Count("pk", filter=Q(status=Status.OPEN)),
            )
        )
    return board
