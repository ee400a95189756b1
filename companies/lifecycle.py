"""The states of companies' things, one table each (core.lifecycle).

An employee's place in her company:

    (nothing) --join--> joined          (by the invitation link, or by her company's e-mail
                                         domain: `join_refused`)
    joined --leave--> left              (the employee)
    joined --remove--> left             (a programme manager)
    left --join--> joined               (the employee, by the link or the domain again)

A programme:

    open --close--> closed --reopen--> open     (a programme manager)

Guards take `is_manager=` when the caller knows whether the person manages the company (the
page that shows the buttons has checked it already).
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.errors import ActionRefused
from core.lifecycle import Lifecycle, Transition

from .models import Company, Employee, Programme

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
