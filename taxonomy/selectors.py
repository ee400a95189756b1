"""Reads of the taxonomy that forms and pages share."""

from django.db.models import Prefetch

from .models import Cause, Skill, SkillDomain


def domains_with_skills() -> list[SkillDomain]:
    """Every skill domain in display order, each with its skills prefetched (two queries)."""
    skills = Skill.objects.order_by("order", "slug")
    return list(SkillDomain.objects.prefetch_related(Prefetch("skills", queryset=skills)))


def all_causes() -> list[Cause]:
    return list(Cause.objects.all())
