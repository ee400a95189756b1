"""Counts on the dashboard agree with their number, in French and in English: no "(s)"."""

from django.urls import reverse

from missions.models import Status
from missions.tests.factories import MissionFactory


def test_an_association_reads_its_counts_with_proper_plurals(client, association, martine):
    MissionFactory.create_batch(
        2, organization=association, created_by=martine, status=Status.DRAFT
    )
    MissionFactory(organization=association, created_by=martine, status=Status.COMPLETED)
    client.force_login(martine)

    page = client.get(reverse("core:home")).text

    assert "<strong>0</strong> mission ouverte</li>" in page
    assert "<strong>2</strong> brouillons</li>" in page
    assert "<strong>1</strong> terminée</li>" in page
    assert "(s)" not in page

    martine.language = "en"
    martine.save(update_fields=["language"])
    english = client.get(reverse("core:home")).text

    assert "<strong>0</strong> open missions</li>" in english
    assert "<strong>2</strong> drafts</li>" in english
    assert "<strong>1</strong> completed</li>" in english
    assert "(s)" not in english


def test_a_volunteer_reads_her_counts_with_proper_plurals(client, lea):
    client.force_login(lea)

    page = client.get(reverse("core:home")).text

    assert "(s)" not in page


def test_every_french_plural_has_its_forms():
    from core.french_plurals import untranslated

    # Empty, a French plural follows the English rule: "0 missions ouvertes".
    assert untranslated() == [], "run `make messages` (python -m core.french_plurals)"


def test_the_moderation_queue_counts_agree_with_their_numbers(client, staff):
    from moderation.tests.factories import ReportFactory

    ReportFactory(details="Stage déguisé")
    client.force_login(staff)

    page = client.get(reverse("moderation:queue")).text
    assert "<strong>0</strong> organisation à vérifier" in page
    assert "<strong>1</strong> signalement ouvert" in page

    staff.language = "en"
    staff.save(update_fields=["language"])
    english = client.get(reverse("moderation:queue")).text
    assert "<strong>0</strong> organisations to verify" in english
    assert "<strong>1</strong> open report<" in english
    assert "(s)" not in english
