"""Public verification pages, the signed files behind them, and the staff's revocation."""

import hashlib
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from . import facts as engagement_facts
from . import selectors, services
from .forms import RevokeForm
from .keys import platform_did
from .lifecycle import CREDENTIAL
from .models import StatusList
from .pdf import mentions_for, render_attestation


def _json(data: dict, *, content_type: str, filename: str = "", status: int = 200):
    # Sorted keys and fixed indentation: the same credential is always the same bytes,
    # whatever order the database hands its keys back in.
    body = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8", status=status)
    # Anyone's verifier may fetch these from a browser page of its own.
    response["Access-Control-Allow-Origin"] = "*"
    if filename:
        response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_safe
def verify(request, public_id: str):
    credential = selectors.get_credential(public_id)
    return render(
        request,
        "credentials/verify.html",
        {
            "credential": credential,
            "facts": engagement_facts.read(
                credential.document, company_name=credential.company_name
            ),
            "issuer_did": platform_did(),
            "status_list_url": credential.status_list.get_absolute_url(),
            "can": CREDENTIAL.can(credential, request.user),
        },
    )


@require_safe
def verify_json(request, public_id: str):
    credential = selectors.get_credential(public_id)
    if credential.is_erased:
        return _json(
            {"error": "The holder deleted their account: A-lasso no longer keeps this file."},
            content_type="application/json",
            status=410,
        )
    return _json(
        credential.document,
        content_type="application/ld+json",
        filename=f"a-lasso-attestation-{credential.public_id}.json",
    )


@require_safe
def attestation(request, public_id: str):
    credential = selectors.get_credential(public_id)
    if credential.is_erased:
        raise Http404(_("La personne a supprimé son compte : cette attestation n’existe plus."))
    if credential.is_badge:
        raise Http404(_("Un badge n’a pas de version PDF : sa page de vérification fait foi."))
    language = request.GET.get("lang") or translation.get_language()
    language = "en" if language and language.startswith("en") else "fr"
    # Rendering takes a moment and the address is public: keep each version a day.
    revoked = credential.revoked_at.timestamp() if credential.revoked_at else 0
    # What the apps above print on it (a teacher's validation) may change after it is issued.
    mentions = mentions_for(credential, language=language)
    printed = hashlib.sha256("|".join(m.key for m in mentions).encode()).hexdigest()[:16]
    key = f"credentials:pdf:{credential.public_id}:{language}:{revoked}:{printed}"
    pdf = cache.get(key)
    if pdf is None:
        pdf = render_attestation(credential, language=language, mentions=mentions)
        cache.set(key, pdf, 24 * 3600)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"attestation-{credential.public_id}-{language}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_safe
def did_document(request):
    services.current_key_publish()
    return _json(selectors.did_document(), content_type="application/did+json")


@require_safe
def status_list(request, number: int):
    status_list = get_object_or_404(StatusList, number=number)
    return _json(status_list.document, content_type="application/ld+json")


@login_required
def revoke(request, public_id: str):
    if not request.user.is_staff:
        raise PermissionDenied
    credential = selectors.get_credential(public_id)
    refusal = CREDENTIAL.refusal(credential, "revoke", request.user)
    if refusal:
        messages.info(request, refusal)
        return redirect(credential)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.credential_revoke(
            credential=credential, by=request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(request, _("L’attestation est révoquée. Sa page le dit désormais."))
        return redirect(credential)
    facts = engagement_facts.read(credential.document)
    return render(
        request, "credentials/revoke.html", {"credential": credential, "facts": facts, "form": form}
    )


@login_required
def mine(request):
    page = Paginator(selectors.credentials_of(request.user), 20).get_page(request.GET.get("page"))
    rows = [
        (credential, engagement_facts.read(credential.document)) for credential in page.object_list
    ]
    return render(
        request,
        "credentials/mine.html",
        {"page": page, "rows": rows},
    )
