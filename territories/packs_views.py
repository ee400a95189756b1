"""The pages of packs numériques: the authority composes, proposes and follows its packs;
an association sees a pack proposed to it and takes it in one click."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import ActionRefused

from . import packs, packs_selectors, selectors
from .lifecycle import PACK, NotAnAdmin, NotEligible, claim_refused
from .models import Pack
from .packs_forms import ClaimForm, PackForm


# --- The authority -------------------------------------------------------------------------
@login_required
def pack_list(request, slug: str):
    authority = selectors.get_authority_for_agent(request, slug)
    context = {
        "authority": authority,
        "territory": selectors.territory_of(authority),
        "packs": packs_selectors.packs_of(authority),
    }
    return render(request, "territories/packs.html", context)


@login_required
def pack_new(request, slug: str):
    authority = selectors.get_authority_for_agent(request, slug, admin=True)
    if selectors.territory_of(authority) is None:
        messages.info(
            request, _("Déclarez d’abord votre territoire : le pack est pour ses associations.")
        )
        return redirect("territories:territory", slug=authority.slug)
    form = PackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        pack = packs.pack_compose(authority=authority, by=request.user, **form.service_fields())
        messages.success(
            request,
            _("Votre pack est prêt. Relisez-le, puis proposez-le aux associations."),
        )
        return redirect("territories:pack_follow", slug=authority.slug, pk=pack.pk)
    context = {"authority": authority, "form": form, "pack": None}
    return render(request, "territories/pack_form.html", context)


@login_required
def pack_edit(request, slug: str, pk: int):
    pack = packs_selectors.get_pack_for_agent(request, slug, pk, admin=True)
    refusal = PACK.refusal(pack, "edit", request.user, is_admin=True)
    if refusal:
        messages.error(request, refusal)
        return redirect("territories:pack_follow", slug=slug, pk=pack.pk)
    form = PackForm(request.POST or None, pack=pack, taken=pack.taken)  # type: ignore[attr-defined]
    if request.method == "POST" and form.is_valid():
        try:
            packs.pack_update(pack=pack, by=request.user, **form.service_fields())
        except ActionRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("Le pack est enregistré."))
            return redirect("territories:pack_follow", slug=slug, pk=pack.pk)
    context = {"authority": pack.authority, "form": form, "pack": pack}
    return render(request, "territories/pack_form.html", context)


def _move(request, slug: str, pk: int, service, done: str):
    pack = packs_selectors.get_pack_for_agent(request, slug, pk, admin=True)
    try:
        service(pack=pack, by=request.user)
    except ActionRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, done)
    return redirect("territories:pack_follow", slug=slug, pk=pack.pk)


@login_required
@require_POST
def pack_publish(request, slug: str, pk: int):
    return _move(
        request,
        slug,
        pk,
        packs.pack_publish,
        _("Le pack est proposé : les associations qui y ont droit le voient dès maintenant."),
    )


@login_required
@require_POST
def pack_close(request, slug: str, pk: int):
    return _move(
        request,
        slug,
        pk,
        packs.pack_close,
        _("Le pack est clos : plus aucune association ne peut le prendre."),
    )


@login_required
def pack_follow(request, slug: str, pk: int):
    pack = packs_selectors.get_pack_for_agent(request, slug, pk)
    is_admin = pack.authority.membership.is_admin  # type: ignore[attr-defined]
    context = {
        "authority": pack.authority,
        "pack": pack,
        "is_admin": is_admin,
        "can": PACK.can(pack, request.user, is_admin=is_admin),
        "publish_refusal": (
            PACK.refusal(pack, "publish", request.user, is_admin=is_admin)
            if is_admin and pack.is_draft
            else ""
        ),
        "claims": packs_selectors.claims_of(pack),
    }
    return render(request, "territories/pack_follow.html", context)


# --- The association -----------------------------------------------------------------------
@login_required
def pack_page(request, pk: int):
    page = packs_selectors.get_pack_page(request, pk)
    return render(request, "territories/pack.html", {"page": page, "pack": page.pack})


@login_required
@require_POST
def pack_claim(request, pk: int):
    form = ClaimForm(request.POST)
    if not form.is_valid():
        return redirect("territories:pack", pk=pk)
    association = packs_selectors.get_association_for_claim(
        request, form.cleaned_data["association"]
    )
    pack = get_object_or_404(Pack.objects.select_related("authority"), pk=pk)
    refused = claim_refused(pack, association, request.user)
    if refused is None:
        try:
            claim = packs.pack_claim(pack=pack, association=association, by=request.user)
        except ActionRefused as late:  # another claim took the last place meanwhile
            refused = late
        else:
            messages.success(
                request,
                _(
                    "C’est fait : votre association a sa place. Ses %(n)s missions sont prêtes "
                    "en brouillon : décrivez votre besoin dans chacune, puis envoyez-la."
                )
                % {"n": claim.missions.count()},
            )
            return redirect("territories:pack", pk=pack.pk)
    if isinstance(refused, (NotAnAdmin, NotEligible)):
        # Not this person, or not this association: nothing of the pack is shown.
        context = {"reason": str(refused), "association": association}
        return render(request, "territories/pack_refused.html", context, status=403)
    messages.error(request, str(refused))
    return redirect("territories:pack", pk=pack.pk)
