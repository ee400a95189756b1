"""Reads about volunteers that pages of several apps share, and the visibility check."""

from collections.abc import Iterable

from django.db.models import F, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from core.roles import forget_roles, roles_of

from .models import VolunteerProfile, VolunteerSkill
from .signals import profile_readers


def profile_of(user) -> VolunteerProfile | None:
    """The user's own profile (with its commune), or None."""
    if not user.is_authenticated:
        return None
    return (
        VolunteerProfile.objects.select_related("commune__departement")
        .filter(user_id=user.pk)
        .first()
    )


def has_volunteer_profile(user) -> bool:
    return roles_of(user).has_profile


def remember_profile(user) -> None:
    forget_roles(user)


def shows_volunteer_menu(user) -> bool:
    """Header predicate: people who came to help, or who have a profile anyway."""
    return roles_of(user).volunteer


def findable_volunteers() -> QuerySet[VolunteerProfile]:
    """The profiles an association may find and invite: those the suggestion lists may show.

    An open account, not one of A-lasso's team, whose profile offers some hours. Anyone
    else (staff, members without a profile, closed accounts, profiles without hours) is
    never named to an association that did not hear from them.
    """
    return VolunteerProfile.objects.filter(
        user__is_active=True, user__is_staff=False, user__is_superuser=False, hours_per_week__gt=0
    )


def get_findable_volunteer(user_id: int) -> VolunteerProfile:
    """The findable profile of `user_id` (with its user), else 404, the same answer as for
    a number that does not exist."""
    profile = findable_volunteers().select_related("user").filter(user_id=user_id).first()
    if profile is None:
        raise Http404
    return profile


def get_profile_for_viewer(request, user_id: int) -> VolunteerProfile:
    """The profile of `user_id` if the requester may see it, else 404 (never 403: a hidden
    profile must not reveal that it exists).

    Allowed: the volunteer, staff, anybody when the profile is public, and the members of an
    organisation the volunteer showed it to: she applied to one of its missions, or said yes
    to its invitation (engagements says which, through `signals.profile_readers`). An
    invitation alone shows nothing: she has not chosen to.
    """
    viewer = request.user
    profiles = VolunteerProfile.objects.select_related("user", "commune__departement").filter(
        user_id=user_id
    )
    if not viewer.is_authenticated:
        profiles = profiles.filter(is_public=True, user__is_active=True)
    elif not (viewer.is_staff or viewer.pk == user_id):
        readable = Q(is_public=True)
        for _receiver, condition in profile_readers.send(sender=VolunteerProfile, viewer=viewer):
            if condition is not None:
                readable |= condition  # type: ignore[operator]  # a Q or an Exists, see signals
        profiles = profiles.filter(readable, user__is_active=True)
    profile = profiles.first()
    if profile is None:
        raise Http404
    return profile


def skills_of(profile: VolunteerProfile) -> list[VolunteerSkill]:
    """The profile's skills in taxonomy order, each with its skill and domain."""
    return list(
        VolunteerSkill.objects.filter(profile=profile)
        .select_related("skill__domain")
        .order_by("skill__domain__order", "skill__order", "skill__slug")
    )


def skills_by_user(user_ids: Iterable[int]) -> dict[int, list[VolunteerSkill]]:
    """Skills of several volunteers in one query: user id → skills (empty list if none)."""
    user_ids = list(user_ids)
    result: dict[int, list[VolunteerSkill]] = {user_id: [] for user_id in user_ids}
    rows = (
        VolunteerSkill.objects.filter(profile__user_id__in=user_ids)
        .select_related("skill__domain")
        .annotate(user_id=F("profile__user_id"))
        .order_by("skill__domain__order", "skill__order", "skill__slug")
    )
    for row in rows:
        result[row.user_id].append(row)
    return result


SHORT_KIND: dict[str, object] = {
    VolunteerProfile.Kind.STUDENT: _("Étudiant·e"),
    VolunteerProfile.Kind.PROFESSIONAL: _("Professionnel·le"),
    VolunteerProfile.Kind.EMPLOYEE: _("Salarié·e"),
}


def profile_summary(profile: VolunteerProfile) -> str:
    """One line: "Étudiant·e · Design graphique, École de design de Nantes · 2027"."""
    parts = [str(SHORT_KIND[profile.kind])]
    if profile.kind == VolunteerProfile.Kind.STUDENT:
        studies = ", ".join(p for p in (profile.programme, profile.school_name) if p)
        if studies:
            parts.append(studies)
        if profile.graduation_year:
            parts.append(str(profile.graduation_year))
    elif profile.kind == VolunteerProfile.Kind.EMPLOYEE and profile.company_name:
        parts.append(profile.company_name)
    return " · ".join(parts)
