"""At 360 px in Chromium: Martine follows the one next step of her mission page, from the
start to the end, seeing Léa, the agreement and the delivered work, each state checked by axe."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from completion.tests.factories import CompletionFactory, ImageDeliverableFactory
from conftest import axe_violations
from engagements.tests.factories import AgreementFactory
from missions.models import Mission, Status
from missions.tests.factories import MissionFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def assert_accessible(page) -> None:
    assert axe_violations(page) == [], page.url
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


def next_step(page):
    return page.locator("section.mission-next-step")


def test_martine_starts_then_ends_the_mission_from_its_page(
    shipped_data, new_page, martine, lea, association
):
    now = timezone.now()
    mission = MissionFactory(
        organization=association, title="Logo pour la fête du lavoir", status=Status.OPEN
    )
    agreement = AgreementFactory(
        application__mission=mission,
        application__volunteer=lea,
        application__answered_at=now,
        scope="Dessiner le logo de la fête.",
        association_confirmed_at=now,
        volunteer_confirmed_at=now,
    )
    page = new_page("mobile", user=martine)

    # The server's first page loads templates and translations: slow on a busy machine.
    page.goto(f"/missions/{mission.pk}/", timeout=60_000)
    expect(page.get_by_role("heading", name="Léa Martin")).to_be_visible()
    expect(page.get_by_text("Dessiner le logo de la fête.")).to_be_visible()
    expect(next_step(page)).to_contain_text("prête à démarrer")
    assert_accessible(page)
    next_step(page).get_by_role("button", name="Démarrer la mission").click()

    expect(next_step(page)).to_contain_text("Léa travaille sur la mission")
    assert Mission.objects.get(pk=mission.pk).status == Status.IN_PROGRESS
    expect(page.get_by_role("button", name="Démarrer la mission")).to_have_count(0)

    # Léa hands her logo over (what the delivery page does), the mission is delivered.
    completion = CompletionFactory(
        application=agreement.application, status="delivered", note="Voici le logo."
    )
    ImageDeliverableFactory(completion=completion, name="logo-couleur.png")
    Mission.objects.filter(pk=mission.pk).update(status=Status.DELIVERED)

    page.reload()
    expect(page.get_by_role("img", name="Aperçu de l’image logo-couleur.png")).to_be_visible()
    expect(page.get_by_text("Voici le logo.")).to_be_visible()
    assert_accessible(page)
    next_step(page).get_by_role("button", name="Confirmer la fin de la mission").click()

    expect(next_step(page)).to_contain_text("La mission est terminée")
    expect(
        next_step(page).get_by_role("link", name="Écrire la recommandation de Léa")
    ).to_be_visible()
    assert Mission.objects.get(pk=mission.pk).status == Status.COMPLETED
    assert_accessible(page)


def test_the_student_side_pages_are_accessible_at_360_px(
    shipped_data, new_page, martine, lea, association
):
    from completion.tests.factories import engagement as make_engagement
    from volunteers.tests.factories import VolunteerProfileFactory

    VolunteerProfileFactory(user=lea)
    running = MissionFactory(
        organization=association, title="Logo pour la fête du lavoir", status=Status.IN_PROGRESS
    )
    make_engagement(mission=running, volunteer=lea)
    done = MissionFactory(organization=association, title="Affiche", status=Status.COMPLETED)
    CompletionFactory(application=make_engagement(mission=done, volunteer=lea))

    page = new_page("mobile", user=lea)
    page.goto("/", timeout=60_000)
    expect(page.get_by_role("heading", name="Mes missions en cours")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Logo pour la fête du lavoir", exact=True).click()
    expect(next_step(page).get_by_role("link", name="Remettre mon travail")).to_be_visible()
    assert_accessible(page)
    page.goto("/applications/")
    expect(page.get_by_role("heading", name="Terminées")).to_be_visible()
    assert_accessible(page)

    page = new_page("mobile", user=martine)
    page.goto("/messages/", timeout=60_000)
    expect(page.get_by_text("ouvrez sa candidature")).to_be_visible()
    assert_accessible(page)
    page.goto("/missions/mine/")
    assert_accessible(page)
