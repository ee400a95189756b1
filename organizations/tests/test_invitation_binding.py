"""An invitation is for the address it was sent to: a forwarded or leaked link makes nobody
else a member (let alone an admin), and says plainly what to do instead."""

from django.urls import reverse

from organizations.services import InvitationForSomeoneElse, invitation_accept
from organizations.tests.factories import InvitationFactory


def invite_jean(association, martine, role="admin"):
    invitation = InvitationFactory(
        organization=association, email="jean@orange.fr", role=role, invited_by=martine
    )
    return invitation, reverse("organizations:invitation", args=[invitation.token])


def test_someone_else_holding_the_link_does_not_join(client, association, martine, bruno):
    invitation, url = invite_jean(association, martine)
    client.force_login(bruno)

    response = client.post(url)

    assert response.status_code == 403
    assert not association.memberships.filter(user=bruno).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None  # still there for Jean
    assert "Cette invitation a été envoyée à j***@orange.fr" in response.text
    assert "jean@orange.fr" not in response.text
    assert "demandez à Martine Lefèvre de vous inviter à votre adresse" in response.text


def test_the_page_explains_instead_of_offering_to_join(client, association, martine, bruno):
    _, url = invite_jean(association, martine)
    client.force_login(bruno)

    page = client.get(url)

    assert page.status_code == 200
    assert "Connectez-vous avec cette adresse" in page.text
    assert ">Rejoindre</button>" not in page.text
    # One button logs out and brings the login page back here.
    assert f'action="{reverse("accounts:logout")}"' in page.text
    assert 'name="next" value="/account/login/?next=' in page.text


def test_logging_out_from_the_page_leads_to_the_login_for_the_invitation(
    client, association, martine, bruno
):
    _, url = invite_jean(association, martine)
    client.force_login(bruno)
    login = f"{reverse('accounts:login')}?next={url}"

    response = client.post(reverse("accounts:logout"), {"next": login})

    assert response.status_code == 302
    assert response.url == login
    assert "_auth_user_id" not in client.session


def test_the_invited_address_joins_whatever_its_case(client, association, martine, lea):
    invitation = InvitationFactory(
        organization=association, email="Lea@Example.ORG", role="member", invited_by=martine
    )
    client.force_login(lea)

    response = client.post(reverse("organizations:invitation", args=[invitation.token]))

    assert response.status_code == 302
    assert association.memberships.get(user=lea).role == "member"


def test_an_account_whose_address_is_not_confirmed_cannot_accept(association, martine, lea):
    invitation = InvitationFactory(organization=association, email=lea.email, invited_by=martine)
    lea.email_verified_at = None
    lea.save(update_fields=["email_verified_at"])

    try:
        invitation_accept(invitation=invitation, user=lea)
    except InvitationForSomeoneElse:
        pass
    else:
        raise AssertionError("an unconfirmed address accepted the invitation")
    assert not association.memberships.filter(user=lea).exists()


def test_a_visitor_is_led_to_sign_up_or_log_in_with_the_invited_address(
    client, association, martine
):
    _, url = invite_jean(association, martine)

    page = client.get(url)

    assert "email=jean%40orange.fr" in page.text
    signup = client.get(reverse("accounts:signup") + "?email=jean%40orange.fr&next=" + url)
    assert 'value="jean@orange.fr"' in signup.text
    assert f'name="next" value="{url}"' in signup.text
    login = client.get(reverse("accounts:login") + "?email=jean%40orange.fr&next=" + url)
    assert 'value="jean@orange.fr"' in login.text
