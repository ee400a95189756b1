"""An association's consent to a mediator, as a table: it is given (the row is created),
then it ends, by revocation (the association, at any time) or by reaching its date.

    active → revoked;  active → expired (its date passed: nothing to do, it is read)

A pack numérique, as a table, and the one guard of claiming it (`claim_refused`):

    draft → published → closed  (edit: draft or published, the same state)
"""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.errors import ActionRefused
from core.lifecycle import Lifecycle, Transition
from organizations.models import Organization
from organizations.selectors import is_admin

from .models import Consent, Pack, PackClaim, Territory

S = Consent.State


def _association_admin(consent: Consent, user, **context) -> str:
    # `is_admin`: what the page already knows of the person, so a list asks no more.
    admin = context.get("is_admin")
    if admin is None:
        admin = user is not None and user.is_authenticated and is_admin(user, consent.association)
    if admin:
        return ""
    return str(_("Seuls les administrateurs de l’association peuvent retirer cet accord."))


CONSENT = Lifecycle(
    "consent",
    [Transition("revoke", frozenset({S.ACTIVE.value}), S.REVOKED, guard=_association_admin)],
    wrong_state=_("Cet accord ne permet déjà plus d’agir pour l’association."),
    state_field="state",
)


# --- Packs numériques ----------------------------------------------------------------------
P = Pack.Status


def _authority_admin(pack: Pack, user, **context) -> str:
    admin = context.get("is_admin")
    if admin is None:
        admin = user is not None and user.is_authenticated and is_admin(user, pack.authority)
    if admin:
        return ""
    return str(_("Seuls les administrateurs de la collectivité peuvent le faire."))


def _ready_to_publish(pack: Pack, user, **context) -> str:
    refusal = _authority_admin(pack, user, **context)
    if refusal:
        return refusal
    if not pack.authority.is_verified:
        return str(
            _(
                "L’équipe A-lasso doit d’abord vérifier votre collectivité : vous pourrez "
                "ensuite proposer ce pack."
            )
        )
    territory = context.get("territory")
    if territory is None:
        territory = Territory.objects.filter(authority_id=pack.authority_id).first()
    if territory is None:
        return str(_("Déclarez d’abord votre territoire : le pack est proposé à ses associations."))
    templates = context.get("templates")
    if templates is None:
        templates = pack.templates.count()
    if not templates:
        return str(_("Choisissez au moins une mission pour ce pack."))
    if pack.closes_on < timezone.localdate(context.get("now")):
        return str(_("La date de fin du pack est passée : choisissez-en une autre."))
    return ""


PACK = Lifecycle(
    "pack",
    [
        Transition(
            "edit",
            frozenset({P.DRAFT.value, P.PUBLISHED.value}),
            P.DRAFT,  # not used: `edit` keeps the state (services.pack_update)
            guard=_authority_admin,
            wrong_state=_("Ce pack est clos : il ne peut plus être modifié."),
        ),
        Transition(
            "publish",
            frozenset({P.DRAFT.value}),
            P.PUBLISHED,
            guard=_ready_to_publish,
            wrong_state=_("Ce pack est déjà proposé aux associations."),
        ),
        Transition(
            "close",
            frozenset({P.PUBLISHED.value}),
            P.CLOSED,
            guard=_authority_admin,
            wrong_state=_("Ce pack n’est pas proposé aux associations en ce moment."),
        ),
    ],
    wrong_state=_("Cette action n’est plus possible pour ce pack."),
)


# The refusals of a claim, by name: the first two are the page's business (a 403: the
# association may not have this pack), the others are said on the pack's page.
class NotAnAdmin(ActionRefused, PermissionDenied):
    message = _("Seuls les administrateurs de l’association peuvent demander ce pack.")


class NotEligible(ActionRefused, PermissionDenied):
    message = _("Ce pack n’est pas proposé à votre association.")


class PackClosed(ActionRefused):
    message = _("Ce pack n’est plus proposé : sa date de fin est passée ou il a été clos.")


class PackNotYetOpen(ActionRefused):
    message = _("Ce pack n’est pas encore proposé.")


class AlreadyClaimed(ActionRefused):
    message = _("Votre association a déjà demandé ce pack.")


class NoPlacesLeft(ActionRefused):
    message = _("Toutes les places de ce pack sont prises.")


def territory_holds(territory: Territory, organization: Organization, communes=None) -> bool:
    """Whether the organisation's commune is in the territory (`communes`: the territory's
    INSEE codes, when the caller has them)."""
    if territory.level == Territory.Level.DEPARTEMENT:
        return bool(organization.departement_code) and (
            organization.departement_code == territory.departement_id
        )
    if territory.level == Territory.Level.REGION:
        return bool(organization.region_code) and organization.region_code == territory.region_id
    if communes is None:
        communes = set(territory.communes.values_list("insee", flat=True))
    return organization.commune_id in communes


def eligibility_refusal(
    pack: Pack,
    organization: Organization,
    *,
    territory: Territory | None = None,
    communes=None,
    pack_causes=None,
    causes=None,
) -> str:
    """Why the organisation is not one of those the pack is for ("" when it is). What the
    caller has already read (the territory and its communes, the pack's causes and the
    organisation's, as sets of ids) saves the queries."""
    if organization.kind != Organization.Kind.ASSOCIATION or organization.is_rejected:
        return str(NotEligible.message)
    if territory is None:
        territory = Territory.objects.filter(authority_id=pack.authority_id).first()
    if territory is None or not territory_holds(territory, organization, communes):
        return str(
            _("Ce pack est réservé aux associations du territoire de %(authority)s.")
            % {"authority": pack.authority.name}
        )
    if pack.association_type and organization.association_type != pack.association_type:
        return str(
            _("Ce pack est réservé aux associations de ce type : %(kind)s.")
            % {"kind": pack.get_association_type_display()}
        )
    if pack_causes is None:
        pack_causes = set(pack.causes.values_list("pk", flat=True))
    if pack_causes:
        if causes is None:
            causes = set(organization.causes.values_list("pk", flat=True))
        if not pack_causes & set(causes):
            return str(_("Ce pack est réservé aux associations qui agissent pour d’autres causes."))
    if pack.sizes and organization.size not in pack.sizes:
        return str(
            _("Ce pack est réservé aux associations de cette taille : %(sizes)s.")
            % {"sizes": ", ".join(pack.get_sizes_display())}
        )
    return ""


def claim_refused(
    pack: Pack,
    organization: Organization,
    user,
    now=None,
    *,
    admin: bool | None = None,
    eligibility: str | None = None,
    claimed: bool | None = None,
    taken: int | None = None,
) -> ActionRefused | None:
    """Why `user` may not claim `pack` for `organization` now (None when she may).

    Asked by the pages (with what they already read: `admin`, `eligibility` from
    `eligibility_refusal`, `claimed`, `taken` places) and by `packs.pack_claim` on the pack
    row it has just locked, where it counts the places itself.
    """
    today = timezone.localdate(now)  # `now`: an aware datetime, or None for now
    if admin is None:
        admin = user is not None and user.is_authenticated and is_admin(user, organization)
    if not admin:
        return NotAnAdmin()
    if eligibility is None:
        eligibility = eligibility_refusal(pack, organization)
    if eligibility or not pack.authority.is_verified or pack.is_draft:
        return NotEligible(eligibility or None)
    if claimed is None:
        claimed = PackClaim.objects.filter(pack=pack, association=organization).exists()
    if claimed:
        return AlreadyClaimed()
    if pack.is_closed or today > pack.closes_on:
        return PackClosed()
    if today < pack.opens_on:
        return PackNotYetOpen(
            _("Ce pack sera proposé à partir du %(date)s.") % {"date": _format_date(pack.opens_on)}
        )
    if taken is None:
        taken = PackClaim.objects.filter(pack=pack).count()
    if taken >= pack.places:
        return NoPlacesLeft()
    return None


def claim_refusal(pack: Pack, organization: Organization, user, now=None, **context) -> str:
    """`claim_refused` in words ("" when the claim is allowed)."""
    refused = claim_refused(pack, organization, user, now, **context)
    return "" if refused is None else str(refused)


def _format_date(day: date) -> str:
    from django.utils.formats import date_format

    return date_format(day, "j F Y")
