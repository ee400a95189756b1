"""In a real browser: no axe-core violation on the engagement pages (360 and 1280 px), and
the whole journey from applying to a confirmed agreement, without JavaScript."""

import pytest
from playwright.sync_api import expect

from conftest import WIDTHS, axe_violations
from engagements.models import Application

from .factories import AgreementFactory, ApplicationFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def assert_no_violations(page, what: str) -> None:
    violations = axe_violations(page)
    assert violations == [], f"{what}: {violations}"


@pytest.mark.parametrize("width", WIDTHS)
def test_engagement_pages_have_no_accessibility_violation(
    shipped_data, new_page, width, mission, lea, lea_profile, karim, martine
):
    mission.team_size = 2
    mission.save()
    accepted = AgreementFactory(application__mission=mission, application__volunteer=lea)
    ApplicationFactory(mission=mission, volunteer=karim)
    open_mission = ApplicationFactory(mission__organization=mission.organization).mission

    def check(user, path: str, what: str, then=None):
        # A fresh page each time: axe re-fetches the stylesheets in the background, and
        # those stray requests must not disturb the next page's session.
        page = new_page(width, user=user)
        page.goto(path)
        if then:
            then(page)
        assert_no_violations(page, what)

    def submit_empty(page):
        page.get_by_role("button", name="Envoyer ma proposition").click()
        page.get_by_role("alert").wait_for()

    def unfold_answer(page):
        page.get_by_text("Répondre non à Karim").click()

    check(karim, f"/missions/{open_mission.pk}/apply/", "apply")
    check(karim, f"/missions/{open_mission.pk}/apply/", "apply with an error", submit_empty)
    check(lea, "/applications/", "mine")
    check(lea, f"/applications/{accepted.application_id}/", "detail")
    check(lea, f"/applications/{accepted.application_id}/agreement/", "agreement")
    check(martine, f"/missions/{mission.pk}/applications/", "applicants", unfold_answer)
    check(martine, f"/applications/{accepted.application_id}/", "detail (member)")
    check(martine, f"/missions/{mission.pk}/invite/{karim.pk}/", "invite")


def test_from_applying_to_a_confirmed_agreement_without_javascript(
    shipped_data, new_page, mission, lea, lea_profile, martine
):
    volunteer = new_page(user=lea)
    volunteer.context.route("**/*.js", lambda route: route.abort())
    volunteer.goto(f"/missions/{mission.pk}/apply/")
    volunteer.get_by_label("Votre message à l’association").fill("J’adore les jardins !")
    volunteer.get_by_role("button", name="Envoyer ma proposition").click()
    expect(volunteer.get_by_role("status")).to_contain_text("Votre proposition est envoyée")

    member = new_page(user=martine)
    member.context.route("**/*.js", lambda route: route.abort())
    member.goto(f"/missions/{mission.pk}/applications/")
    expect(member.get_by_text("J’adore les jardins !")).to_be_visible()
    member.get_by_role("button", name="Accepter Léa").click()
    expect(member.get_by_role("heading", level=1)).to_have_text("Accord d’engagement")
    member.get_by_role("button", name="Je confirme cet accord").click()
    expect(member.get_by_role("status")).to_contain_text("votre confirmation est enregistrée")

    volunteer.goto("/applications/")
    volunteer.get_by_role("link", name="Voir l’accord").click()
    volunteer.get_by_role("button", name="Je confirme cet accord").click()
    expect(volunteer.get_by_role("status")).to_contain_text("confirmé des deux côtés")
    assert Application.objects.get(volunteer=lea).agreement.is_confirmed


def test_declining_from_the_list_with_htmx_keeps_the_page(
    shipped_data, new_page, mission, lea, martine
):
    ApplicationFactory(mission=mission, volunteer=lea)
    member = new_page("desktop", user=martine)
    member.goto(f"/missions/{mission.pk}/applications/")

    member.get_by_text("Répondre non à Léa").click()
    member.get_by_label(
        "Nous avons déjà trouvé quelqu’un, merci beaucoup pour votre proposition !"
    ).check()
    member.get_by_role("button", name="Envoyer ma réponse à Léa").click()

    # The answer comes inside the list that htmx swapped, not as a new page's message.
    expect(member.locator("#applicants [role=status]")).to_contain_text(
        "Votre réponse est envoyée à Léa"
    )
    expect(member.get_by_text("déclinée")).to_be_visible()
    assert Application.objects.get().status == "declined"
