"""Reads of the taxonomy that forms and pages share."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from .models import Cause, Skill, SkillDomain


def domains_with_skills() -> list[SkillDomain]:
    """Every skill domain in display order, each with its skills prefetched (two queries)."""
    skills = Skill.objects.order_by("order", "slug")
    return list(SkillDomain.objects.prefetch_related(Prefetch("skills", queryset=skills)))


# Software names are how students describe their skills; an association asks for the work
# ("a logo"), not for the tool, and would not know these names.
TOOL_SKILLS = frozenset({"figma", "adobe-suite", "canva"})


# The few skill names that are jargon to an association, in plain words first (volunteers
# keep the names of their trade).
ASSOCIATION_NAMES = {
    "logo": _("Logo et couleurs de l’association (identité visuelle)"),
    "print-layout": _("Mise en page (affiches, tracts, rapports)"),
    "seo": _("Être bien trouvé sur internet (référencement)"),
    "gdpr": _("Protection des données personnelles (RGPD)"),
}


def association_name(skill: Skill) -> str:
    """A skill's name as an association reads it."""
    return str(ASSOCIATION_NAMES.get(skill.slug, skill.name))


def domains_for_associations() -> list[SkillDomain]:
    """The skill domains an association chooses from: the same, without software names."""
    skills = Skill.objects.exclude(slug__in=TOOL_SKILLS).order_by("order", "slug")
    return list(SkillDomain.objects.prefetch_related(Prefetch("skills", queryset=skills)))


def all_causes() -> list[Cause]:
    return list(Cause.objects.all())
