"""Suggestions: "missions pour vous" for a volunteer, "bénévoles à inviter" for a mission."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from schools.selectors import pinned_for_student

from . import phrasing, selectors

PER_PAGE = 20


@login_required
def missions_for_you(request):
    found = selectors.missions_for(request.user)
    # The missions her teachers chose come first, in their own section (one query): the
    # ranked list leaves them out rather than showing them twice.
    pinned = pinned_for_student(request.user)
    chosen = {mission.pk for mission in pinned}
    ranked = [s for s in found.suggestions if s.mission_id not in chosen]
    page = Paginator(ranked, PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = selectors.with_missions(list(page.object_list))
    template = "matching/for_you.html#suggestions" if request.htmx else "matching/for_you.html"
    return render(request, template, {"found": found, "page": page, "pinned": pinned})


@login_required
def volunteers_for_mission(request, pk: int):
    mission = selectors.get_mission_for_suggestions(request, pk)
    suggestions = selectors.volunteers_for(mission)
    page = Paginator(suggestions, PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = selectors.with_profiles(list(page.object_list))
    for suggestion in page:
        # A first message the member can change before sending the invitation.
        suggestion.invitation = _invitation_text(request.user, mission, suggestion)
    template = "matching/volunteers.html#volunteers" if request.htmx else "matching/volunteers.html"
    return render(request, template, {"mission": mission, "page": page})


def _invitation_text(member, mission, suggestion) -> str:
    reasons = phrasing.reasons_line(suggestion.match.reasons, phrasing.ASSOCIATION, limit=2)
    return _(
        "Bonjour %(name)s, votre profil correspond à notre mission « %(title)s » (%(reasons)s). "
        "Aimeriez-vous nous aider ? Nous serions ravis d’en parler avec vous. %(member)s"
    ) % {
        "name": suggestion.user.first_name,
        "title": mission.title,
        "reasons": reasons,
        "member": member.first_name,
    }
