"""Organisation pages: register one, its public page, its members and invitations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.ratelimit import allow
from core.structured import absolute, json_ld

from . import selectors, services
from .forms import InvitationForm, OrganizationForm, RoleForm
from .models import Invitation, Membership, Organization
from .signals import organization_page

# Per person and per day: enough for any real use, too few for spam.
CREATIONS_PER_DAY = 10
INVITATIONS_PER_DAY = 50


def _kind_from(request) -> str:
    kind = request.GET.get("kind", "")
    return kind if kind in Organization.Kind.values else Organization.Kind.ASSOCIATION


@login_required
def create(request):
    kind = _kind_from(request)
    form = OrganizationForm(request.POST or None, request.FILES or None, kind=kind)
    if request.method == "POST" and form.is_valid():
        if not allow(
            "organization-create", str(request.user.pk), limit=CREATIONS_PER_DAY, window=24 * 3600
        ):
            form.add_error(
                None,
                _("Vous avez inscrit beaucoup d’organisations aujourd’hui. Réessayez demain."),
            )
        else:
            organization = services.organization_create(
                by=request.user,
                kind=kind,
                causes=form.cleaned_data.get("causes", []),
                **form.service_fields(),
            )
            if organization.is_association:
                # Straight on to what the association came for: its first need.
                messages.success(
                    request,
                    _(
                        "« %(name)s » est inscrite. Une personne de l’équipe A-lasso va la "
                        "vérifier ; en attendant, décrivez votre premier besoin : choisissez "
                        "le modèle qui lui ressemble le plus."
                    )
                    % {"name": organization.name},
                )
                return redirect(
                    f"{reverse('missions:new')}?{urlencode({'organization': organization.slug})}"
                )
            messages.success(
                request,
                _(
                    "« %(name)s » est inscrite. Une personne de l’équipe A-lasso va la vérifier ; "
                    "vous pouvez déjà tout préparer."
                )
                % {"name": organization.name},
            )
            return redirect(organization)
    kinds = [
        (value, label, f"{reverse('organizations:create')}?{urlencode({'kind': value})}")
        for value, label in Organization.Kind.choices
    ]
    return render(request, "organizations/form.html", {"form": form, "kind": kind, "kinds": kinds})


def _organization_json_ld(organization: Organization, page_url: str) -> str:
    """schema.org: the association (or company, school) behind the page."""
    data: dict = {
        "@type": "NGO" if organization.is_association else "Organization",
        "name": organization.name,
        "url": page_url,
    }
    if organization.description:
        data["description"] = organization.description
    if organization.website:
        data["sameAs"] = [organization.website]
    if organization.logo:
        data["logo"] = absolute(organization.logo.url)
    if organization.commune_id:
        data["address"] = {
            "@type": "PostalAddress",
            "addressLocality": organization.commune.name,
            "addressCountry": "FR",
        }
    return json_ld(data)


def detail(request, slug: str):
    organization = selectors.get_organization_for_public(request, slug)
    membership = selectors.membership_of(request.user, organization)
    page_url = absolute(reverse("organizations:detail", args=[organization.slug]))
    context = {
        "organization": organization,
        "membership": membership,
        "missions": [],
        "page_url": page_url,
        "json_ld": _organization_json_ld(organization, page_url),
    }
    # Its missions and how it answers come from the apps that know them.
    for _receiver, answer in organization_page.send(
        sender=Organization, organization=organization, user=request.user
    ):
        context.update(answer or {})
    return render(request, "organizations/detail.html", context)


@login_required
def edit(request, slug: str):
    organization = selectors.get_organization_for_member(request, slug, admin=True)
    form = OrganizationForm(
        request.POST or None, request.FILES or None, kind=organization.kind, instance=organization
    )
    if request.method == "POST" and form.is_valid():
        was = organization.verification
        services.organization_update(
            organization=organization,
            causes=form.cleaned_data.get("causes") if organization.is_association else None,
            **form.service_fields(),
        )
        messages.success(request, _("Les changements sont enregistrés."))
        if was != organization.verification:
            messages.info(
                request,
                _("Une personne de l’équipe A-lasso va vérifier à nouveau votre organisation."),
            )
        return redirect(organization)
    return render(
        request,
        "organizations/form.html",
        {"form": form, "kind": organization.kind, "organization": organization},
    )


@login_required
def mine(request):
    memberships = selectors.memberships_of(request.user)
    if len(memberships) == 1:
        return redirect(memberships[0].organization)
    return render(request, "organizations/mine.html", {"memberships": memberships})


# --- Members -------------------------------------------------------------------------------
@login_required
def members(request, slug: str):
    """Members see who is in; admins also invite, change roles and remove. Staff may look."""
    organization = get_object_or_404(Organization, slug=slug)
    membership = selectors.membership_of(request.user, organization)
    if membership is None and not request.user.is_staff:
        raise PermissionDenied
    is_admin = membership is not None and membership.is_admin
    form = InvitationForm(request.POST or None, organization=organization)
    if request.method == "POST":
        if not is_admin:
            raise PermissionDenied
        if form.is_valid():
            if allow(
                "organization-invite",
                str(request.user.pk),
                limit=INVITATIONS_PER_DAY,
                window=24 * 3600,
            ):
                invitation = services.invitation_create(
                    organization=organization, by=request.user, **form.cleaned_data
                )
                messages.success(
                    request,
                    _("Invitation envoyée à %(email)s.") % {"email": invitation.email},
                )
                return redirect("organizations:members", slug=organization.slug)
            form.add_error(
                None, _("Vous avez envoyé beaucoup d’invitations aujourd’hui. Réessayez demain.")
            )
    return render(
        request,
        "organizations/members.html",
        {
            "organization": organization,
            "membership": membership,
            "is_admin": is_admin,
            "members": selectors.members_of(organization),
            "invitations": selectors.pending_invitations(organization) if is_admin else [],
            "form": form,
            "roles": Membership.Role.choices,
        },
    )


def _target_membership(request, slug: str, pk: int) -> tuple[Membership, Membership]:
    """(the requester's membership, the membership acted upon) within the same organisation."""
    mine = selectors.get_membership_for_member(request, slug)
    target = get_object_or_404(
        Membership.objects.select_related("user", "organization"),
        pk=pk,
        organization=mine.organization,
    )
    return mine, target


@login_required
@require_POST
def member_role(request, slug: str, pk: int):
    mine, target = _target_membership(request, slug, pk)
    if not mine.is_admin:
        raise PermissionDenied
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            services.membership_set_role(
                membership=target, role=form.cleaned_data["role"], by=request.user
            )
        except services.MembershipError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("%(name)s est maintenant %(role)s.")
                % {"name": target.user.full_name, "role": target.get_role_display()},
            )
    return redirect("organizations:members", slug=slug)


@login_required
def member_remove(request, slug: str, pk: int):
    """Remove someone (admins) or leave (anyone, for oneself), after a confirmation screen."""
    mine, target = _target_membership(request, slug, pk)
    leaving = mine.pk == target.pk
    if not (leaving or mine.is_admin):
        raise PermissionDenied
    organization = mine.organization
    if request.method == "POST":
        try:
            services.membership_remove(membership=target, by=request.user)
        except services.MembershipError as error:
            messages.error(request, error.message)
            return redirect("organizations:members", slug=slug)
        if leaving:
            messages.success(
                request, _("Vous avez quitté « %(name)s ».") % {"name": organization.name}
            )
            return redirect(organization)
        messages.success(
            request,
            _("%(name)s ne fait plus partie de l’organisation.") % {"name": target.user.full_name},
        )
        return redirect("organizations:members", slug=slug)
    return render(
        request,
        "organizations/member_remove.html",
        {"organization": organization, "target": target, "leaving": leaving},
    )


@login_required
@require_POST
def invitation_cancel(request, slug: str, pk: int):
    organization = selectors.get_organization_for_member(request, slug, admin=True)
    invitation = get_object_or_404(Invitation, pk=pk, organization=organization)
    services.invitation_cancel(invitation=invitation, by=request.user)
    messages.success(
        request, _("L’invitation à %(email)s est annulée.") % {"email": invitation.email}
    )
    return redirect("organizations:members", slug=slug)


def invitation(request, token):
    """The link in the invitation e-mail: shows who invites, then a button to join.

    A GET never joins (mail scanners open links); visitors without an account are sent to
    sign up or log in with the invited address, and come back here. Only that address may
    join: anyone else holding the link is told whom it was for and what to do.
    """
    invitation = get_object_or_404(
        Invitation.objects.select_related("organization", "invited_by"), token=token
    )
    organization = invitation.organization
    membership = selectors.membership_of(request.user, organization)
    back_here = {"next": request.path, "email": invitation.email}
    login_url = f"{reverse('accounts:login')}?{urlencode(back_here)}"
    status = 200
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(login_url)
        try:
            services.invitation_accept(invitation=invitation, user=request.user)
        except services.InvitationInvalid:
            pass
        except services.InvitationForSomeoneElse:
            status = 403
        else:
            messages.success(
                request, _("Bienvenue dans « %(name)s » !") % {"name": organization.name}
            )
            return redirect(organization)
    if not invitation.is_usable and membership is None:
        status = 410
    return render(
        request,
        "organizations/invitation.html",
        {
            "invitation": invitation,
            "organization": organization,
            "membership": membership,
            "for_someone_else": (
                request.user.is_authenticated and not invitation.is_for(request.user)
            ),
            "login_url": login_url,
            "signup_url": (
                f"{reverse('accounts:signup')}?{urlencode({'intent': 'association', **back_here})}"
            ),
        },
        status=status,
    )
