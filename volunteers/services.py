"""Every write to a volunteer's profile goes through here."""

from collections.abc import Iterable

from django.db import transaction

from taxonomy.models import Cause, Level

from .models import VolunteerProfile, VolunteerSkill
from .signals import profile_changed

PROFILE_FIELDS = [
    "kind",
    "school_name",
    "programme",
    "graduation_year",
    "company_name",
    "hours_per_week",
    "available_from",
    "available_until",
    "work_mode",
    "commune",
    "bio",
    "portfolio_links",
    "is_public",
]


@transaction.atomic
def profile_save(*, user, data: dict, skills: dict[int, int]) -> VolunteerProfile:
    """Create or update `user`'s profile from `data`; `skills` (skill id → level) replaces
    the skills held before. Keys of `data` not given keep their saved value."""
    profile = VolunteerProfile.objects.select_for_update().filter(user=user).first()
    created = profile is None
    if profile is None:
        profile = VolunteerProfile(user=user)
    changed = [name for name in PROFILE_FIELDS if name in data]
    for name in changed:
        setattr(profile, name, data[name])
    # Copied from the commune so that searches filter by territory without joins.
    commune = profile.commune
    profile.departement_code = commune.departement_id if commune else ""
    profile.region_code = commune.region_id if commune else ""
    if created:
        profile.save()
    else:
        profile.save(update_fields=[*changed, "departement_code", "region_code", "updated_at"])
    if "causes" in data:
        causes: Iterable[Cause | int] = data["causes"] or []
        profile.causes.set(causes)
    rows = [
        VolunteerSkill(profile=profile, skill_id=skill_id, level=Level(level))
        for skill_id, level in sorted(skills.items())
        if level
    ]
    VolunteerSkill.objects.filter(profile=profile).delete()
    VolunteerSkill.objects.bulk_create(rows)
    profile_changed.send(sender=VolunteerProfile, user_id=user.pk)
    return profile


@transaction.atomic
def profile_delete(*, user) -> None:
    """Remove the profile, its skills and causes (account deletion)."""
    VolunteerProfile.objects.filter(user=user).delete()
    profile_changed.send(sender=VolunteerProfile, user_id=user.pk)


@transaction.atomic
def profile_set_school(*, user, school) -> VolunteerProfile:
    """Link `user`'s profile to a school on A-lasso (or to none): the school she studies in
    through a cohort. A student without a profile gets one, with her other answers left
    for her to give."""
    profile = VolunteerProfile.objects.select_for_update().filter(user=user).first()
    if profile is None:
        profile = VolunteerProfile.objects.create(
            user=user, kind=VolunteerProfile.Kind.STUDENT, school=school
        )
    elif profile.school_id != (school.pk if school else None):
        profile.school = school
        profile.save(update_fields=["school", "updated_at"])
    profile_changed.send(sender=VolunteerProfile, user_id=user.pk)
    return profile
