"""The states of companies' things, one table each (core.lifecycle).

An employee's place in her company:

    (nothing) --join--> joined          (by the invitation link, or by her company's e-mail
                                         domain: `join_refused`)
    joined --leave--> left              (the employee)
    joined --remove--> left             (a programme manager)
    left --join--> joined               (the employee, by the link or the domain again)

A programme:

    open --close--> closed --reopen--> open     (a programme manager)

Working time asked for one application (a Sponsorship):

    (nothing) --request--> requested    (the employee, as she applies: `request_refusal`)
    requested --approve--> approved     (a manager: not her own, the programme open, the
                                         application still alive, and within her budget)
    requested --refuse--> refused       (a manager)
    requested, approved --cancel--> cancelled
                                        (the employee; the system when the application ends
                                         without the work: declined, withdrawn, expired)

A talent solidaire (RecurringEngagement), made when its time is approved:

    proposed --confirm--> active        (the association, once it accepted her: names the
                                         tutor and the first month)
    active --end--> ended               (the association, the employee or a manager)

Its monthly check-in (a CheckIn; an unsaved one stands for « not confirmed »):

    not_confirmed --confirm--> confirmed    (the association: a month of the agreement that
                                             has begun, once; the hours go into the papers)

Guards take `is_manager=` (she manages the company) and `is_member=` (she acts for the
mission's association) when the caller knows (the page that shows the buttons has checked
it already), and `today=` for the check-ins.
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.errors import ActionRefused
from core.lifecycle import Lifecycle, Transition

from .models import CheckIn, Company, Employee, Programme, RecurringEngagement, Sponsorship

JOINED: str = Employee.Status.JOINED
LEFT: str = Employee.Status.LEFT


# --- the refusals, by name -------------------------------------------------------------------
class AlreadyEmployee(ActionRefused):
    message = _("Vous faites déjà partie de cette entreprise sur A-lasso.")


class EmailNotConfirmed(ActionRefused):
    message = _(
        "Confirmez d’abord votre adresse e-mail (ouvrez le lien que nous vous avons envoyé) : "
        "c’est elle qui montre que vous travaillez dans cette entreprise."
    )


class NotInDomain(ActionRefused):
    message = _(
        "Votre adresse e-mail n’est pas une adresse de cette entreprise : demandez à ses "
        "responsables le lien d’invitation."
    )


class CompanyNotVerified(ActionRefused):
    message = _(
        "Cette entreprise n’a pas encore été vérifiée par l’équipe A-lasso : en attendant, "
        "rejoignez-la par le lien d’invitation que ses responsables vous donnent."
    )


# --- guards ----------------------------------------------------------------------------------
def _the_employee(employee: Employee, user, **context) -> str:
    if user is None or user.pk != employee.user_id:
        return gettext("Seule la personne concernée peut faire cela.")
    return ""


def _a_manager(employee: Employee, user, *, is_manager: bool = False, **context) -> str:
    if not is_manager:
        return gettext("Seuls les responsables du programme de l’entreprise peuvent faire cela.")
    return ""


EMPLOYEE = Lifecycle(
    "employee",
    [
        Transition("join", frozenset({LEFT}), JOINED, guard=_the_employee),
        Transition("leave", frozenset({JOINED}), LEFT, guard=_the_employee),
        Transition("remove", frozenset({JOINED}), LEFT, guard=_a_manager),
    ],
    wrong_state=_("Cette personne ne fait plus partie de l’entreprise sur A-lasso."),
)


def email_domain(email: str) -> str:
    return email.rpartition("@")[2].strip().lower()


def join_refused(
    company: Company, user, *, via: str, employee: Employee | None = None, domains=()
) -> ActionRefused | None:
    """Why `user` may not join `company` now (None when she may). By the link, anyone with an
    account may; by the domain, a confirmed address in one of `domains` (the company's
    declared domains) of a company the moderators checked. `employee` is her row, if any."""
    if employee is not None and employee.is_joined:
        return AlreadyEmployee()
    if via == Employee.Via.DOMAIN:
        if not company.organization.is_verified:
            return CompanyNotVerified()
        if not user.is_email_verified:
            return EmailNotConfirmed()
        if email_domain(user.email) not in set(domains):
            return NotInDomain()
    return None


# --- a programme -----------------------------------------------------------------------------
def _manages_programme(programme: Programme, user, *, is_manager: bool = False, **context) -> str:
    if not is_manager:
        return gettext("Seuls les responsables du programme de l’entreprise peuvent faire cela.")
    return ""


PROGRAMME = Lifecycle(
    "programme",
    [
        Transition(
            "close",
            frozenset({Programme.Status.OPEN}),
            Programme.Status.CLOSED,
            guard=_manages_programme,
            wrong_state=_("Ce programme est déjà clos."),
        ),
        Transition(
            "reopen",
            frozenset({Programme.Status.CLOSED}),
            Programme.Status.OPEN,
            guard=_manages_programme,
            wrong_state=_("Ce programme est déjà ouvert."),
        ),
    ],
)


def scope_refusal(programme: Programme, mission, *, cause_ids: set[int]) -> str:
    """Why `mission` is not one the programme supports ("" when it is): its association
    works for none of the programme's causes, or it happens outside its départements.
    `cause_ids` are the association's causes; the programme's causes and départements are
    read from its prefetch cache."""
    causes = programme.causes.all()
    if causes and not cause_ids & {cause.pk for cause in causes}:
        return gettext("Cette mission ne fait pas partie des causes que soutient le programme.")
    departements = {d.code for d in programme.departements.all()}
    where = {mission.departement_code, mission.organization.departement_code} - {""}
    if departements and not where & departements:
        return gettext("Cette mission a lieu hors des départements que soutient le programme.")
    return ""


# --- working time asked for one application --------------------------------------------------
REQUESTED: str = Sponsorship.Status.REQUESTED
APPROVED: str = Sponsorship.Status.APPROVED


def budget_refusal(programme: Programme, hours: int, used: int, *, first_name: str = "") -> str:
    """Why `hours` more do not fit in a yearly budget of which `used` are taken ("" when they
    fit), in words a manager or the employee can act on."""
    left = max(programme.hours_per_employee - used, 0)
    if hours <= left:
        return ""
    if first_name:
        return gettext(
            "Ce temps dépasserait le budget de %(name)s : %(hours)s h demandées, il lui reste "
            "%(left)s h sur %(budget)s h cette année dans le programme."
        ) % {
            "name": first_name,
            "hours": hours,
            "left": left,
            "budget": programme.hours_per_employee,
        }
    return gettext(
        "Ce temps dépasserait votre budget : %(hours)s h demandées, il vous reste %(left)s h "
        "sur %(budget)s h cette année dans le programme."
    ) % {"hours": hours, "left": left, "budget": programme.hours_per_employee}


def _manager_approves(
    sponsorship: Sponsorship, user, *, is_manager: bool = False, used: int | None = None, **context
) -> str:
    if not is_manager:
        return gettext("Seuls les responsables du programme de l’entreprise peuvent faire cela.")
    employee = sponsorship.employee
    if user is not None and user.pk == employee.user_id:
        return gettext("Une autre personne responsable du programme doit approuver votre temps.")
    if not sponsorship.programme.is_open:
        return gettext("Le programme est clos : rouvrez-le pour approuver du temps.")
    if not employee.is_joined:
        return gettext("Cette personne ne fait plus partie de l’entreprise sur A-lasso.")
    if not sponsorship.application.is_active:
        return gettext(
            "Cette candidature n’est plus en cours : il n’y a plus de temps à approuver."
        )
    if used is None:
        from .selectors import hours_used

        used = hours_used(employee, sponsorship.programme, sponsorship.year, excluding=sponsorship)
    return budget_refusal(
        sponsorship.programme, sponsorship.hours, used, first_name=employee.user.first_name
    )


def _manager_answers(sponsorship: Sponsorship, user, *, is_manager: bool = False, **context) -> str:
    if not is_manager:
        return gettext("Seuls les responsables du programme de l’entreprise peuvent faire cela.")
    return ""


def _employee_or_system(sponsorship: Sponsorship, user, **context) -> str:
    if user is None or user.pk == sponsorship.employee.user_id:
        return ""
    return gettext("Seule la personne qui a demandé ce temps peut retirer sa demande.")


SPONSORSHIP = Lifecycle(
    "sponsorship",
    [
        Transition(
            "approve",
            frozenset({REQUESTED}),
            APPROVED,
            guard=_manager_approves,
            wrong_state=_("Cette demande a déjà reçu une réponse."),
        ),
        Transition(
            "refuse",
            frozenset({REQUESTED}),
            Sponsorship.Status.REFUSED,
            guard=_manager_answers,
            wrong_state=_("Cette demande a déjà reçu une réponse."),
        ),
        Transition(
            "cancel",
            frozenset({REQUESTED, APPROVED}),
            Sponsorship.Status.CANCELLED,
            guard=_employee_or_system,
        ),
    ],
    wrong_state=_("Cette demande n’est plus en cours."),
)


def request_refusal(
    programme: Programme,
    employee: Employee,
    mission,
    *,
    format: str,
    hours: int | None,
    used: int,
    cause_ids: set[int],
) -> str:
    """Why she may not ask for this time now ("" when she may): the programme closed, she
    left, a format it does not offer, a mission outside it, or more than her budget."""
    if not programme.is_open:
        return gettext("Ce programme est clos.")
    if not employee.is_joined:
        return gettext("Vous ne faites plus partie de cette entreprise sur A-lasso.")
    offered: dict[str, bool] = {
        Sponsorship.Format.ONE_OFF: programme.one_off,
        Sponsorship.Format.RECURRING: programme.recurring,
    }
    if not offered.get(format):
        return gettext("Ce programme ne propose pas cette forme d’engagement.")
    scope = scope_refusal(programme, mission, cause_ids=cause_ids)
    if scope:
        return scope
    if not hours:
        return gettext("Indiquez le nombre d’heures de travail que vous demandez.")
    return budget_refusal(programme, hours, used)


# --- a talent solidaire and its monthly check-in ---------------------------------------------
NOT_THE_ASSOCIATION = _("Seule l’association qui accueille cette personne peut faire cela.")


def _association_confirms(
    engagement: RecurringEngagement, user, *, is_member: bool = False, **context
) -> str:
    if not is_member:
        return str(NOT_THE_ASSOCIATION)
    sponsorship = engagement.sponsorship
    if not sponsorship.is_approved:
        return gettext("Le temps de travail n’est plus approuvé par l’entreprise.")
    if not sponsorship.application.is_accepted:
        return gettext(
            "Acceptez d’abord sa candidature : vous confirmerez ensuite l’accord du talent "
            "solidaire."
        )
    return ""


def _a_side_ends(
    engagement: RecurringEngagement,
    user,
    *,
    is_member: bool = False,
    is_manager: bool = False,
    **context,
) -> str:
    if (
        is_member
        or is_manager
        or (user is not None and user.pk == engagement.sponsorship.employee.user_id)
    ):
        return ""
    return gettext("Seules les personnes concernées par ce talent solidaire peuvent y mettre fin.")


RECURRING = Lifecycle(
    "recurring_engagement",
    [
        Transition(
            "confirm",
            frozenset({RecurringEngagement.Status.PROPOSED}),
            RecurringEngagement.Status.ACTIVE,
            guard=_association_confirms,
            wrong_state=_("Cet accord est déjà confirmé."),
        ),
        Transition(
            "end",
            frozenset({RecurringEngagement.Status.ACTIVE}),
            RecurringEngagement.Status.ENDED,
            guard=_a_side_ends,
        ),
    ],
    wrong_state=_("Ce talent solidaire est terminé."),
)


def _association_checks_in(
    check_in: CheckIn, user, *, is_member: bool = False, today=None, **context
) -> str:
    if not is_member:
        return str(NOT_THE_ASSOCIATION)
    engagement = check_in.engagement
    if not engagement.is_active:
        return gettext("Le talent solidaire n’est pas en cours : confirmez d’abord l’accord.")
    if check_in.month not in engagement.month_list:
        return gettext("Ce mois n’est pas dans la durée prévue par l’accord.")
    if today is not None and check_in.month > today.replace(day=1):
        return gettext("Ce mois n’a pas encore commencé.")
    return ""


CHECK_IN = Lifecycle(
    "check_in",
    [
        Transition(
            "confirm",
            frozenset({CheckIn.NOT_CONFIRMED}),
            CheckIn.CONFIRMED,
            guard=_association_checks_in,
        )
    ],
    wrong_state=_("Les heures de ce mois sont déjà confirmées."),
    state_field="state",
)
