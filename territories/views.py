"""The territories' pages: a local authority's territory, moderators and mediators; an
association's consent to a mediator and what was done on its behalf; the mediator's list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import User
from core.errors import ActionRefused

from . import selectors, services
from .forms import AppointForm, ConsentForm, TerritoryForm
from .lifecycle import CONSENT
from .models import Mediator, TerritorialModerator


# --- The authority -------------------------------------------------------------------------
@login_required
def territory(request, slug: str):
    authority = selectors.get_authority_for_agent(request, slug)
    found = selectors.territory_of(authority)
    context = {"authority": authority, "territory": found}
    if found is not None:
        context["communes"] = selectors.communes_of(found) if found.is_list else []
        context["associations"] = selectors.associations_count(found)
    return render(request, "territories/territory.html", context)


@login_required
def territory_edit(request, slug: str):
    authority = selectors.get_authority_for_agent(request, slug, admin=True)
    found = selectors.territory_of(authority)
    communes = selectors.communes_of(found) if found is not None else []
    form = TerritoryForm(request.POST or None, territory=found, communes=communes)
    if request.method == "POST" and form.is_valid():
        was = authority.verification
        services.territory_declare(
            authority=authority,
            by=request.user,
            level=form.cleaned_data["level"],
            departement=form.cleaned_data["departement"],
            region=form.cleaned_data["region"],
            communes=form.cleaned_data["commune_list"],
        )
        messages.success(request, _("Votre territoire est enregistré."))
        if was != authority.verification:
            messages.info(
                request,
                _("Une personne de l’équipe A-lasso va vérifier à nouveau votre collectivité."),
            )
        return redirect("territories:territory", slug=authority.slug)
    return render(
        request, "territories/territory_form.html", {"authority": authority, "form": form}
    )


def _appointments(request, slug: str, model, template: str, appoint):
    authority = selectors.get_authority_for_agent(request, slug)
    found = selectors.territory_of(authority)
    if found is None:
        messages.info(request, _("Déclarez d’abord votre territoire."))
        return redirect("territories:territory", slug=authority.slug)
    is_admin = authority.membership.is_admin  # type: ignore[attr-defined]
    current = (
        selectors.moderators_of(found)
        if model is TerritorialModerator
        else selectors.mediators_of(found)
    )
    agents = (
        User.objects.filter(memberships__organization=authority)
        .exclude(pk__in=[a.user_id for a in current])
        .order_by("full_name", "pk")
    )
    form = AppointForm(request.POST or None, agents=agents)
    if request.method == "POST":
        if not is_admin:
            raise PermissionDenied
        if form.is_valid():
            appoint(territory=found, user=form.cleaned_data["user"], by=request.user)
            messages.success(
                request,
                _("%(name)s a reçu ce rôle.") % {"name": form.cleaned_data["user"].full_name},
            )
            return redirect(request.path)
    context = {
        "authority": authority,
        "territory": found,
        "current": current,
        "form": form,
        "is_admin": is_admin,
    }
    return render(request, template, context)


@login_required
def moderators(request, slug: str):
    return _appointments(
        request,
        slug,
        TerritorialModerator,
        "territories/moderators.html",
        services.moderator_appoint,
    )


@login_required
def mediators(request, slug: str):
    return _appointments(
        request, slug, Mediator, "territories/mediators.html", services.mediator_designate
    )


def _end(request, slug: str, pk: int, model, end, page: str):
    authority = selectors.get_authority_for_agent(request, slug, admin=True)
    found = selectors.territory_of(authority)
    if found is None:
        raise Http404
    appointment = selectors.get_appointment(model, found, pk)
    end(appointment, by=request.user)
    messages.success(request, _("Ce rôle est retiré."))
    return redirect(page, slug=authority.slug)


@login_required
@require_POST
def moderator_end(request, slug: str, pk: int):
    return _end(
        request,
        slug,
        pk,
        TerritorialModerator,
        lambda a, by: services.moderator_end(moderator=a, by=by),
        "territories:moderators",
    )


@login_required
@require_POST
def mediator_end(request, slug: str, pk: int):
    return _end(
        request,
        slug,
        pk,
        Mediator,
        lambda a, by: services.mediator_end(mediator=a, by=by),
        "territories:mediators",
    )


# --- The association -----------------------------------------------------------------------
@login_required
def help(request, slug: str):
    association = selectors.get_association_for_member(request, slug)
    is_admin = association.membership.is_admin  # type: ignore[attr-defined]
    mediators = selectors.mediators_for(association)
    form = ConsentForm(request.POST or None, mediators=mediators)
    if request.method == "POST":
        if not is_admin:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.consent_give(
                    association=association,
                    mediator=form.cleaned_data["mediator"],
                    by=request.user,
                    purpose=form.cleaned_data["purpose"],
                    until=form.cleaned_data["until"],
                )
            except services.ConsentRefused:
                form.add_error(
                    "mediator",
                    _("Cette personne ne peut plus vous aider : choisissez-en une autre."),
                )
            else:
                messages.success(
                    request,
                    _("Votre accord est enregistré. Vous pouvez le retirer à tout moment ici."),
                )
                return redirect("territories:help", slug=association.slug)
    consents = selectors.consents_of(association)
    for consent in consents:
        consent.can = CONSENT.can(consent, request.user, is_admin=is_admin)  # type: ignore[attr-defined]
    context = {
        "association": association,
        "is_admin": is_admin,
        "consents": consents,
        "form": form,
        "has_mediators": mediators.exists(),
    }
    return render(request, "territories/help.html", context)


@login_required
@require_POST
def consent_revoke(request, pk: int):
    consent = selectors.get_consent_for_admin(request, pk)
    try:
        services.consent_revoke(consent=consent, by=request.user)
    except ActionRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request,
            _("L’accord est retiré : %(name)s ne peut plus agir pour votre association.")
            % {"name": consent.mediator.user.full_name},
        )
    return redirect("territories:help", slug=consent.association.slug)


@login_required
def done_for(request, slug: str):
    association = selectors.get_association_for_member(request, slug)
    rows = selectors.done_for(association)
    return render(request, "territories/done_for.html", {"association": association, "rows": rows})


# --- The mediator --------------------------------------------------------------------------
@login_required
def helping(request):
    if not selectors.is_mediator(request.user):
        raise PermissionDenied
    return render(
        request,
        "territories/helping.html",
        {"consents": selectors.consents_given_to(request.user)},
    )
