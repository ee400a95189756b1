"""The book: its public page (with link previews and a printable CV), its images, its settings."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from completion.files import preview_content_type
from completion.selectors import completed_engagements_of
from core.uploads import IMAGE_TYPES
from impact.selectors import value_given
from volunteers.selectors import profile_of, profile_summary

from . import answers, selectors, services
from .forms import BookAnswerForm, PortfolioForm

# What JSON inside a <script> must never contain as such (as Django's json_script does).
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


def _verify_url(credential) -> str:
    try:
        return reverse("credentials:verify", args=[credential.public_id])
    except NoReverseMatch:
        return ""


def _json_ld(portfolio, book, entries) -> str:
    """schema.org: a profile page about a person, their skills and their attestations."""
    user, profile = portfolio.user, book.profile
    person = {
        "@type": "Person",
        "name": user.full_name,
        "url": _absolute(reverse("portfolio:detail", args=[portfolio.slug])),
        "knowsAbout": [line.skill.name for line in book.skills],
    }
    description = portfolio.headline or (profile.bio if profile else "")
    if description:
        person["description"] = description
    if profile is not None and profile.school_name:
        person["alumniOf"] = {"@type": "EducationalOrganization", "name": profile.school_name}
    credentials = []
    for entry in entries:
        item = {
            "@type": "EducationalOccupationalCredential",
            "name": entry["mission"].title,
            "credentialCategory": _("Attestation de mission bénévole"),
            "recognizedBy": {"@type": "Organization", "name": entry["mission"].organization.name},
        }
        if entry["verify_url"]:
            item["url"] = _absolute(entry["verify_url"])
        credentials.append(item)
    if credentials:
        person["hasCredential"] = credentials
    if book.images:
        person["image"] = _absolute(
            reverse("portfolio:image", args=[portfolio.slug, book.images[0].pk])
        )
    data = {"@context": "https://schema.org", "@type": "ProfilePage", "mainEntity": person}
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(_JSON_ESCAPES))  # noqa: S308 — escaped just above


def detail(request, slug: str):
    portfolio, is_owner = selectors.get_portfolio_for_viewer(request, slug)
    book = selectors.book_of(portfolio, page_number=request.GET.get("page"))
    entries = []
    for completion in book.page:
        credential = selectors.credential_of(completion)
        references = completion.application.references
        entries.append(
            {
                "completion": completion,
                "mission": completion.application.mission,
                "images": [d for d in completion.public_deliverables if d.preview],
                "links": [d for d in completion.public_deliverables if d.is_link],
                "reference": references[0] if references else None,
                "credential": credential,
                "verify_url": _verify_url(credential) if credential else "",
            }
        )
    profile = book.profile
    context = {
        "portfolio": portfolio,
        "person": portfolio.user,
        "profile": profile,
        "summary": profile_summary(profile) if profile else "",
        "links": [
            link
            for link in (profile.link_list if profile else [])
            if link.startswith(("https://", "http://"))
        ],
        "book": book,
        "entries": entries,
        "is_owner": is_owner,
        "page_url": _absolute(reverse("portfolio:detail", args=[portfolio.slug])),
        "og_image": _absolute(reverse("portfolio:image", args=[portfolio.slug, book.images[0].pk]))
        if book.images
        else "",
        "json_ld": _json_ld(portfolio, book, entries),
        "answers": answers.shown_answers(portfolio.user),
        # What the missions the book shows are worth (impact: hours × a rate per domain).
        "value": value_given(portfolio.user, only_shown=True),
    }
    return render(request, "portfolio/detail.html", context)


@require_GET
def image(request, slug: str, pk: int):
    """An image of the book, as the pages show it: the redrawn copy, never the original."""
    portfolio, is_owner = selectors.get_portfolio_for_viewer(request, slug)
    deliverable = selectors.get_public_image(portfolio, pk)
    try:
        file = deliverable.preview.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(file, content_type=preview_content_type(deliverable))
    # A book just made private must stop showing its images soon: a short cache only.
    response["Cache-Control"] = "private, no-store" if is_owner else "public, max-age=300"
    return response


@login_required
def settings_view(request):
    user = request.user
    profile = profile_of(user)
    portfolio = selectors.portfolio_of(user)
    completions = completed_engagements_of(user)
    initial = {
        "is_public": portfolio.is_public if portfolio else False,
        "slug": portfolio.slug if portfolio else services.default_slug(user),
        "headline": portfolio.headline if portfolio else "",
        "shown": [c for c in completions if c.shown_in_portfolio],
    }
    form = PortfolioForm(request.POST or None, initial=initial, user=user, completions=completions)
    if request.method == "POST" and profile is not None and form.is_valid():
        data = form.cleaned_data
        saved = services.portfolio_save(
            user=user,
            slug=data["slug"],
            headline=data["headline"],
            is_public=data["is_public"],
            shown=[c.pk for c in data["shown"]] if "shown" in form.fields else None,
        )
        if saved.is_public:
            messages.success(
                request, _("Votre book est publié. Le voici tel que tout le monde le voit.")
            )
        else:
            messages.success(
                request,
                _("C’est enregistré. Votre book n’est pas public : vous seul·e pouvez le voir."),
            )
        return redirect("portfolio:detail", saved.slug)
    context = {
        "form": form,
        "portfolio": portfolio,
        "profile": profile,
        "has_completions": completions.exists(),
        "challenge_answers": answers.answers_to_offer(user),
    }
    return render(request, "portfolio/settings.html", context)


@login_required
def answer(request, team_pk: int):
    """Her choice for one team answer: shown in her book or not, with its files or not."""
    team = answers.get_team_of_member(request.user, team_pk)
    refusal = answers.choice_refusal(team)
    chosen = answers.choice_of(request.user, team)
    initial = {"shown": chosen is not None, "show_files": bool(chosen and chosen.show_files)}
    form = BookAnswerForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST":
        if refusal:
            messages.error(request, refusal)
            return redirect("portfolio:answer", team.pk)
        if form.is_valid():
            answers.book_answer_set(
                user=request.user,
                team=team,
                shown=form.cleaned_data["shown"],
                show_files=form.cleaned_data["shown"] and form.cleaned_data["show_files"],
            )
            if form.cleaned_data["shown"]:
                messages.success(request, _("Cette réponse est dans votre book."))
            else:
                messages.success(request, _("Cette réponse n’est pas dans votre book."))
            return redirect("portfolio:answer", team.pk)
    context = {
        "team": team,
        "event": team.event,
        "submission": team.submission,
        "form": form,
        "refusal": refusal,
        "portfolio": selectors.portfolio_of(request.user),
    }
    return render(request, "portfolio/answer.html", context)


@require_GET
def answer_file(request, slug: str, team_pk: int, pk: int):
    """A file of an answer the book shows with its files (her choice), never cached long."""
    portfolio, is_owner = selectors.get_portfolio_for_viewer(request, slug)
    file = answers.get_shown_file(portfolio.user, team_pk, pk)
    try:
        opened = file.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(
        opened,
        as_attachment=file.content_type not in IMAGE_TYPES,
        filename=file.name,
        content_type=file.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response
