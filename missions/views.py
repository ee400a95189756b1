"""Mission pages: the public list, a mission's page, "Mes missions", the wizard, the buttons."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.paginator import CappedPaginator
from core.structured import absolute, json_ld
from taxonomy.selectors import association_name
from volunteers.selectors import has_volunteer_profile

from . import lifecycle, selectors, services
from .forms import STEP_FORMS, ChooseTemplateForm, MissionFilterForm, Sort, TransitionForm
from .models import Mission, Status, WorkMode
from .signals import mission_page

PER_PAGE = 20
WIZARD_STEPS = [
    (1, gettext_lazy("Votre besoin")),
    (2, gettext_lazy("Qui et combien")),
    (3, gettext_lazy("Quand et où")),
]


def mission_list(request):
    """The search of open missions: keywords, filters and order all live in the address."""
    can_match = has_volunteer_profile(request.user)
    form = MissionFilterForm(request.GET or None, can_match=can_match)
    filters = form.filters if form.is_bound else {}
    missions = selectors.public_missions(filters, user=request.user)
    # Counted up to 1 000, then « plus de 1 000 » (core/paginator.py).
    page = CappedPaginator(missions, PER_PAGE).get_page(request.GET.get("page"))
    template = "missions/list.html#results" if request.htmx else "missions/list.html"
    context = {
        "form": form,
        "page": page,
        "searching": bool(filters.get("q")),
        "can_match": can_match,
        # Only this order gives missions a `match` (matching.selectors.MatchFirst): no other
        # asks each card for one it does not have.
        "by_match": filters.get("sort") == Sort.MATCH,
        # « Suivre cette recherche »: the same query string, as an Atom feed.
        "search_query": urlencode(
            [(key, value) for key, value in request.GET.items() if key not in ("page", "sort")]
        ),
    }
    return render(request, template, context)


@dataclass(frozen=True)
class Action:
    """A button of the mission page: the change it makes and how it is worded."""

    target: str
    label: str | Promise
    style: str = "button"
    asks_reason: bool = False
    # When the table allows the change to this person but a guard does not yet: why,
    # instead of a button.
    blocked: str | Promise = ""


# How the page words each action of `lifecycle.MISSION`: label, style, whether it asks why.
# Sending a draft is not here: it is done from the wizard's last screen, after a last look.
BUTTONS: dict[str, tuple[str | Promise, str, bool]] = {
    "abandon": (gettext_lazy("Abandonner ce brouillon"), "button-danger", True),
    "cancel": (gettext_lazy("Annuler la mission"), "button-danger", True),
    "start": (gettext_lazy("Démarrer la mission"), "button", False),
    "request_changes": (gettext_lazy("Demander des retouches"), "button-secondary", True),
    "deliver": (gettext_lazy("Marquer comme livrée"), "button", False),
    "complete": (gettext_lazy("Confirmer la fin de la mission"), "button", False),
    "approve": (gettext_lazy("Publier la mission"), "button", False),
    "send_back": (gettext_lazy("Renvoyer à l’association"), "button-secondary", True),
    "back_to_draft": (
        gettext_lazy("Repasser en brouillon pour la modifier"),
        "button-secondary",
        False,
    ),
}


def _actions(mission: Mission, user, **context) -> list[Action]:
    """The page's buttons: the actions the table opens to `user` from the mission's state,
    each with the refusal of its guard when it is not ready yet."""
    actions = []
    for name in lifecycle.allowed_actions(mission, user):
        if name not in BUTTONS:
            continue
        label, style, asks_reason = BUTTONS[name]
        blocked = lifecycle.MISSION.refusal(mission, name, user, **context)
        target = lifecycle.MISSION[name].target
        actions.append(Action(target, label, style, asks_reason=asks_reason, blocked=blocked))
    return actions


# schema.org's attendance mode of each way of working.
_ATTENDANCE = {
    WorkMode.REMOTE: "OnlineEventAttendanceMode",
    WorkMode.ONSITE: "OfflineEventAttendanceMode",
    WorkMode.HYBRID: "MixedEventAttendanceMode",
}


def _mission_json_ld(mission: Mission, skills) -> str:
    """schema.org: a mission is an event a volunteer joins, organised by an association."""
    organization = mission.organization
    url = absolute(reverse("missions:detail", args=[mission.pk]))
    start = mission.start_date or (mission.published_at.date() if mission.published_at else None)
    online = mission.work_mode == WorkMode.REMOTE
    if online:
        location: dict = {"@type": "VirtualLocation", "url": url}
    else:
        place = mission.commune.name if mission.commune_id else mission.departement_code
        location = {"@type": "Place", "name": place or organization.name}
        if mission.departement_code:
            location["address"] = {
                "@type": "PostalAddress",
                "addressRegion": mission.departement_code,
                "addressCountry": "FR",
            }
    data = {
        "@type": "Event",
        "name": mission.title,
        "description": mission.need,
        "url": url,
        "eventAttendanceMode": "https://schema.org/" + _ATTENDANCE[mission.work_mode],
        "eventStatus": "https://schema.org/EventScheduled",
        "isAccessibleForFree": True,
        "location": location,
        "organizer": {
            "@type": "Organization",
            "name": organization.name,
            "url": absolute(reverse("organizations:detail", args=[organization.slug])),
        },
        "about": [line.skill.name for line in skills],
    }
    if start:
        data["startDate"] = start
    if mission.end_date:
        data["endDate"] = mission.end_date
    return json_ld(data)


def detail(request, pk: int):
    mission, member = selectors.get_mission_for_viewer(request, pk)
    staff = request.user.is_authenticated and request.user.is_staff
    insider = member or staff
    # The team and the next steps come from the apps that know them (completion).
    extra: dict = {}
    for _receiver, answer in mission_page.send(
        sender=Mission, mission=mission, user=request.user, member=member
    ):
        extra.update(answer or {})
    lifecycle_context = extra.pop("lifecycle_context", {})
    next_step = extra.get("next_step")
    actions = _actions(mission, request.user, **lifecycle_context) if insider else []
    if next_step and next_step.target:
        actions = [a for a in actions if a.target != next_step.target]
    skills = selectors.skills_of(mission)
    is_public = mission.status in lifecycle.PUBLIC
    context = {
        "mission": mission,
        "skills": skills,
        "json_ld": _mission_json_ld(mission, skills) if is_public else "",
        "is_member": member,
        "can_edit": member and mission.status in lifecycle.EDITABLE,
        "actions": actions,
        "events": selectors.events_of(mission) if insider else [],
        "is_public": is_public,
        "team": [],
        "next_step": None,
        "engagement": None,
        "my_next_step": None,
        **extra,
    }
    return render(request, "missions/detail.html", context)


@login_required
def mine(request):
    context = {
        "mine": selectors.missions_of_member(request.user),
        "has_association": selectors.has_association(request.user),
    }
    return render(request, "missions/mine.html", context)


@login_required
def new(request):
    associations = selectors.associations_of(request.user)
    if not associations:
        messages.info(
            request,
            _(
                "Pour proposer une mission, inscrivez d’abord votre association : cela prend "
                "deux minutes."
            ),
        )
        return redirect("organizations:create")
    # The dashboard's and the association page's links say which association has the need.
    chosen = next((a for a in associations if a.slug == request.GET.get("organization")), None)
    form = ChooseTemplateForm(
        request.POST or None,
        associations=associations,
        initial={"organization": chosen.pk} if chosen else {},
    )
    if request.method == "POST" and form.is_valid():
        mission = services.mission_create(
            organization=form.cleaned_data["organization"],
            template=form.cleaned_data["template"],
            by=request.user,
        )
        return redirect("missions:wizard", pk=mission.pk, step=1)
    context = {
        "form": form,
        "groups": selectors.templates_by_domain(),
        "several": len(associations) > 1,
    }
    return render(request, "missions/new.html", context)


def _initial(mission: Mission, step: int) -> dict:
    if step == 1:
        return {"title": mission.title, "need": mission.need, "deliverables": mission.deliverables}
    if step == 2:
        return {
            "skills": [
                (requirement.skill, requirement.min_level)
                for requirement in mission.required_skills.select_related("skill")
            ],
            "effort_hours": mission.effort_hours,
            "team_size": mission.team_size,
        }
    return {
        "start_date": mission.start_date,
        "end_date": mission.end_date,
        "work_mode": mission.work_mode,
        # The association's own commune, ready for a mission done even partly on site.
        "commune": mission.commune or mission.organization.commune,
        "licence": mission.licence,
    }


def _template_filled_team(mission: Mission) -> bool:
    """Whether the second screen ("Qui et combien") was never opened and the template
    filled it in: skills and hours."""
    return (
        mission.template_id is not None
        and mission.wizard_step < 2
        and 2 not in selectors.missing_steps(mission)
    )


def _named_for_association(requirements: list) -> list:
    for requirement in requirements:
        requirement.label = association_name(requirement.skill)
    return requirements


def _only_blanks(form) -> bool:
    """Whether the only problems are empty required fields: fine for "continue later"."""
    return all(
        error.code == "required" for errors in form.errors.as_data().values() for error in errors
    )


@login_required
def wizard(request, pk: int, step: int):
    if step not in STEP_FORMS:
        raise Http404
    mission = selectors.get_mission_for_member(request, pk)
    if mission.status not in lifecycle.EDITABLE:
        messages.info(
            request, _("Cette mission n’est plus un brouillon : elle ne peut plus être modifiée.")
        )
        return redirect("missions:detail", pk=mission.pk)
    form_class = STEP_FORMS[step]
    kwargs = {"template": mission.template} if step in (1, 2) else {}
    initial = _initial(mission, step)
    if request.method != "POST":
        form = form_class(initial=initial, **kwargs)
    else:
        form = form_class(request.POST, initial=initial, **kwargs)
        action = request.POST.get("action", "next")
        valid = form.is_valid()
        later = action == "later" and (valid or _only_blanks(form))
        if valid or later:
            services.mission_save_step(
                mission=mission, step=step, data=form.cleaned_data, by=request.user, complete=valid
            )
            if later:
                messages.success(
                    request,
                    _("Votre brouillon est enregistré. Vous le retrouverez dans « Mes missions »."),
                )
                return redirect("missions:mine")
            if step == 1 and _template_filled_team(mission):
                # The template already says who and how much: straight to the last screen,
                # where the summary shows it with a link to change it.
                services.mission_save_step(mission=mission, step=2, data={}, by=request.user)
                return redirect("missions:wizard", pk=mission.pk, step=3)
            if step < 3:
                return redirect("missions:wizard", pk=mission.pk, step=step + 1)
            return _submit(request, mission)
    context = {
        "mission": mission,
        "form": form,
        "step": step,
        "steps": WIZARD_STEPS,
        "step_title": dict(WIZARD_STEPS)[step],
        "template": mission.template,
        "skills": _named_for_association(selectors.skills_of(mission)) if step == 3 else [],
    }
    return render(request, "missions/wizard.html", context)


def _submit(request, mission: Mission):
    try:
        services.mission_submit(mission=mission, by=request.user)
    except services.MissionNotReady as error:
        messages.error(request, error.messages[0])
        return redirect("missions:wizard", pk=mission.pk, step=error.params["step"])
    if mission.status == Status.OPEN:
        messages.success(
            request,
            _("Votre mission est en ligne ! Vous recevrez un message à chaque candidature."),
        )
    else:
        messages.success(
            request,
            _(
                "Merci, votre mission est envoyée. Notre équipe la relit avant de la publier, "
                "en général sous deux jours ouvrés."
            ),
        )
    return redirect("missions:detail", pk=mission.pk)


DONE = {
    Status.IN_PROGRESS: gettext_lazy("La mission est en cours. Bon travail à toute l’équipe !"),
    Status.DELIVERED: gettext_lazy(
        "La mission est marquée comme livrée. Vérifiez le travail, puis confirmez la fin."
    ),
    Status.COMPLETED: gettext_lazy(
        "Bravo, la mission est terminée ! Pensez à écrire une recommandation au ou à la bénévole."
    ),
    Status.CANCELLED: gettext_lazy("La mission est annulée."),
    Status.DRAFT: gettext_lazy("La mission est revenue en brouillon."),
    Status.OPEN: gettext_lazy("La mission est publiée."),
    Status.SUBMITTED: gettext_lazy("La mission est envoyée à l’équipe de modération."),
}


@login_required
@require_POST
def transition(request, pk: int):
    mission, _member = selectors.get_mission_for_viewer(request, pk)
    form = TransitionForm(request.POST)
    if not form.is_valid() or form.cleaned_data["target"] not in Status.values:
        return HttpResponseBadRequest()
    target = form.cleaned_data["target"]
    # A refused change raises lifecycle.TransitionNotAllowed, a PermissionDenied: a 403.
    try:
        services.mission_change_state(
            mission=mission, target=target, by=request.user, reason=form.cleaned_data["reason"]
        )
    except services.MissionNotReady as error:
        messages.error(request, error.messages[0])
        return redirect("missions:detail", pk=mission.pk)
    except services.AlreadyDone as done:
        # A double click: the first one did it, the second just says so.
        messages.info(request, str(done))
        return redirect("missions:detail", pk=mission.pk)
    messages.success(request, DONE[target])
    return redirect("missions:detail", pk=mission.pk)
