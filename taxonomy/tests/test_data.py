"""The shipped taxonomy is loaded by a data migration and read in display order."""

from taxonomy.data import DOMAINS
from taxonomy.models import Cause, Skill, SkillDomain
from taxonomy.selectors import all_causes, domains_with_skills


def test_the_migration_loads_seven_domains_their_skills_and_twelve_causes(db):
    assert SkillDomain.objects.count() == 7
    assert Cause.objects.count() == 12
    assert Skill.objects.count() == sum(len(skills) for *_, skills in DOMAINS) == 38
    assert not SkillDomain.objects.filter(skills__isnull=True).exists()
    assert Skill.objects.get(slug="figma").domain.slug == "graphic-design"


def test_every_name_exists_in_french_and_in_english(db):
    for model in (SkillDomain, Skill, Cause):
        assert not model.objects.filter(name_fr="").exists()
        assert not model.objects.filter(name_en="").exists()


def test_domains_come_with_their_skills_in_two_queries(db, django_assert_num_queries):
    with django_assert_num_queries(2):
        domains = domains_with_skills()
        names = [[skill.slug for skill in domain.skills.all()] for domain in domains]
    assert [d.slug for d in domains][:2] == ["graphic-design", "web"]
    assert names[0][:2] == ["logo", "print-layout"]


def test_causes_are_in_their_shipped_order(db):
    assert [c.slug for c in all_causes()][:3] == ["sport", "culture", "social"]
