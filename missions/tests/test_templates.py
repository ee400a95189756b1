"""The shipped catalogue of mission templates."""

from django.apps import apps
from django.utils import translation

from missions.models import MissionTemplate
from missions.template_data import TEMPLATES, load


def test_at_least_eighteen_templates_are_loaded_in_french_and_english(db):
    templates = list(MissionTemplate.objects.prefetch_related("skills"))

    assert len(templates) >= 18
    for template in templates:
        for field in ("title", "need", "deliverables", "outcome"):
            assert getattr(template, f"{field}_fr").strip(), (template.slug, field)
            assert getattr(template, f"{field}_en").strip(), (template.slug, field)
        assert len(template.deliverable_list) >= 2, template.slug
        assert template.skills.all(), template.slug
        assert 0 < template.effort_min <= template.effort_max, template.slug


def test_the_catalogue_covers_every_need_the_product_promises(db):
    slugs = set(MissionTemplate.objects.values_list("slug", flat=True))

    assert {
        "logo-visual-identity",
        "showcase-website",
        "website-refresh",
        "social-media-calendar",
        "event-poster",
        "online-memberships-donations",
        "accounting-spreadsheet",
        "member-file-gdpr",
        "collaborative-tools",
        "digital-workshop",
        "newsletter",
        "presentation-video",
        "event-photo-report",
        "accessibility-audit",
        "activity-report-layout",
        "custom-automation",
        "impact-dashboard",
        "web-writing-seo",
    } <= slugs
    on_site = MissionTemplate.objects.filter(slug__in=["digital-workshop", "event-photo-report"])
    assert {t.work_mode for t in on_site} == {"onsite"}


def test_each_template_asks_for_the_skills_it_lists(db):
    for data in TEMPLATES:
        template = MissionTemplate.objects.get(slug=data["slug"])
        assert sorted(template.skills.values_list("slug", flat=True)) == sorted(data["skills"])
        assert template.domain.slug == data["domain"]


def test_loading_again_updates_without_duplicating_or_touching_staff_additions(db):
    MissionTemplate.objects.filter(slug="newsletter").update(title_fr="Ancien titre")
    extra = MissionTemplate.objects.create(
        slug="ajout-du-staff",
        domain=MissionTemplate.objects.first().domain,
        title_fr="Ajouté par l’équipe",
        title_en="Added by staff",
        need_fr="…",
        need_en="…",
        deliverables_fr="…",
        deliverables_en="…",
        outcome_fr="…",
        outcome_en="…",
        effort_min=1,
        effort_max=2,
    )

    load(apps)

    assert MissionTemplate.objects.count() == len(TEMPLATES) + 1
    newsletter = MissionTemplate.objects.get(slug="newsletter")
    assert newsletter.title_fr == "Lettre d’information par e-mail"
    assert MissionTemplate.objects.filter(pk=extra.pk).exists()


def test_the_title_follows_the_language_of_the_page(db):
    template = MissionTemplate.objects.get(slug="event-poster")

    with translation.override("en"):
        assert template.title == "Event poster or flyer"
    with translation.override("fr"):
        assert template.title == "Affiche et tract pour un événement"
