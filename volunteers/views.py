"""The volunteer's own profile form, and the profile as an association sees it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from . import selectors, services
from .forms import VolunteerProfileForm
from .models import VolunteerProfile
from .signals import profile_page


@login_required
def edit(request):
    profile = selectors.profile_of(request.user)
    form = VolunteerProfileForm(request.POST or None, profile=profile)
    if request.method == "POST" and form.is_valid():
        services.profile_save(
            user=request.user, data=form.profile_data(), skills=form.skill_levels()
        )
        selectors.remember_profile(request.user)
        if profile is None:
            messages.success(
                request,
                _(
                    "Votre profil de bénévole est enregistré. Les associations le verront "
                    "quand vous proposerez votre aide."
                ),
            )
            return redirect("core:home")
        messages.success(request, _("Vos modifications sont enregistrées."))
        return redirect("volunteers:edit")
    return render(request, "volunteers/edit.html", {"form": form, "profile": profile})


def detail(request, user_id: int):
    profile = selectors.get_profile_for_viewer(request, user_id)
    context = {
        "profile": profile,
        "person": profile.user,
        "summary": selectors.profile_summary(profile),
        "skills": selectors.skills_of(profile),
        "causes": list(profile.causes.all()),
        # Links come from the form, which allows only web addresses; check again anyway.
        "links": [link for link in profile.link_list if link.startswith(("https://", "http://"))],
        "is_self": request.user.pk == profile.user_id,
        "cohorts": [],
    }
    # Her school and cohorts come from the app that knows them, which decides who sees them.
    for _receiver, answer in profile_page.send(
        sender=VolunteerProfile, profile=profile, viewer=request.user
    ):
        context.update(answer or {})
    return render(request, "volunteers/detail.html", context)
