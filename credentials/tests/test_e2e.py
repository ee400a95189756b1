"""In a real browser: no axe-core violation on the attestation pages (360 and 1280 px), and
an employer's visit from the printed QR code to the verdict, without JavaScript."""

import pytest
from playwright.sync_api import expect

from conftest import WIDTHS, axe_violations
from credentials.services import credential_revoke, issue_for

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", WIDTHS)
def test_attestation_pages_have_no_accessibility_violation(
    shipped_data, new_page, width, engagement, lea, staff, karim
):
    credential = issue_for(engagement)

    def check(user, path: str, what: str, then=None):
        page = new_page(width, user=user)
        page.goto(path)
        if then:
            then(page)
        violations = axe_violations(page)
        assert violations == [], f"{what}: {violations}"

    def submit_empty(page):
        page.get_by_role("button", name="Révoquer l’attestation").click()
        page.get_by_text("Écrivez la raison").wait_for()

    check(None, f"/verify/{credential.public_id}/", "verify (valid)")
    check(staff, f"/verify/{credential.public_id}/", "verify (staff)")
    check(lea, "/credentials/mine/", "mine")
    check(karim, "/credentials/mine/", "mine (empty)")
    check(staff, f"/verify/{credential.public_id}/revoke/", "revoke")
    check(staff, f"/verify/{credential.public_id}/revoke/", "revoke with an error", submit_empty)
    credential_revoke(credential=credential, by=staff, reason="Mission jamais réalisée.")
    check(None, f"/verify/{credential.public_id}/", "verify (revoked)")


def test_staff_revokes_and_the_public_page_says_so_without_javascript(
    shipped_data, new_page, engagement, staff
):
    credential = issue_for(engagement)
    visitor = new_page()
    visitor.context.route("**/*.js", lambda route: route.abort())
    visitor.goto(f"/verify/{credential.public_id}/")
    expect(visitor.get_by_text("Attestation valide")).to_be_visible()
    expect(visitor.get_by_text("Léa Martin").first).to_be_visible()

    moderator = new_page(user=staff)
    moderator.context.route("**/*.js", lambda route: route.abort())
    moderator.goto(f"/verify/{credential.public_id}/")
    moderator.get_by_role("link", name="Révoquer cette attestation").click()
    moderator.get_by_label("Pourquoi révoquer cette attestation ?").fill(
        "L’association nous a signalé une erreur."
    )
    moderator.get_by_role("button", name="Révoquer l’attestation").click()
    expect(moderator.get_by_text("L’attestation est révoquée.")).to_be_visible()

    visitor.reload()
    expect(visitor.get_by_text("Attestation révoquée le")).to_be_visible()
    expect(visitor.get_by_text("L’association nous a signalé une erreur.")).to_be_visible()
