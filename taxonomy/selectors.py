"""Reads of the taxonomy that forms and pages share."""

from django.db.models import Prefetch

from .models import Cause, Skill, SkillDomain


def domains_with_skills() -> list[SkillDomain]:
    """Every skill domain in display order, each with its skills prefetched (two queries)."""
    skills = Skill.objects.order_by("order", "slug")
    return list(SkillDomain.objects.prefetch_related(Prefetch("skills", queryset=skills)))


# Software names are how students describe their skills; an association asks for the work
# ("a logo"), not for the tool, and would not know these names.
TOOL_SKILLS = frozenset({"figma", "adobe-suite", "canva"})


def domains_for_associations() -> list[SkillDomain]:
    """The skill domains an association chooses from: the same, without software names."""
    skills = Skill.objects.exclude(slug__in=TOOL_SKILLS).order_by("order", "slug")
    return list(SkillDomain.objects.prefetch_related(Prefetch("skills", queryset=skills)))


def all_causes() -> list[Cause]:
    return list(Cause.objects.all())
