import json

from django.core import mail
from django.urls import reverse

from accounts.models import User
from accounts.tests.factories import PASSWORD


def test_changing_the_email_address_waits_for_the_new_address_to_confirm(
    client, commit, martine, last_link
):
    client.force_login(martine)

    response = commit(
        client.post,
        reverse("accounts:email_change"),
        {"new_email": "Martine@Free.fr", "password": PASSWORD},
    )

    assert response.status_code == 200
    martine.refresh_from_db()
    assert martine.email == "martine@example.org"
    link = last_link("martine@free.fr")

    response = commit(client.post, link)

    assert response.status_code == 302
    martine.refresh_from_db()
    assert martine.email == "martine@free.fr"
    # The old address is told, in case it was not the owner's doing.
    assert mail.outbox[-1].to == ["martine@example.org"]


def test_an_address_taken_by_someone_else_cannot_be_claimed(client, commit, martine, lea):
    client.force_login(martine)

    response = client.post(
        reverse("accounts:email_change"), {"new_email": "lea@example.org", "password": PASSWORD}
    )

    assert "déjà utilisée" in response.text
    assert mail.outbox == []


def test_name_and_language_are_saved_and_the_language_applies(client, martine):
    client.force_login(martine)

    response = client.post(
        reverse("accounts:account"), {"full_name": "Martine L.", "language": "en"}, follow=True
    )

    martine.refresh_from_db()
    assert martine.full_name == "Martine L."
    assert martine.language == "en"
    assert "My account" in response.text


def test_the_language_switch_works_without_an_account_and_is_saved_on_one(client, martine):
    response = client.post(
        reverse("core:set_language"), {"language": "en", "next": "/"}, follow=True
    )
    assert '<html lang="en">' in response.text

    client.force_login(martine)
    client.post(reverse("core:set_language"), {"language": "en", "next": "/"})
    martine.refresh_from_db()
    assert martine.language == "en"


def test_the_export_holds_the_account_data(client, martine):
    client.force_login(martine)

    response = client.get(reverse("accounts:export"))

    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == "martine@example.org"
    assert data["account"]["full_name"] == "Martine Lefèvre"


def test_deleting_the_account_anonymises_it_and_logs_out(client, martine):
    client.force_login(martine)

    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})

    assert response.status_code == 302
    martine.refresh_from_db()
    assert martine.full_name != "Martine Lefèvre"
    assert "martine" not in martine.email
    assert not martine.is_active and not martine.has_usable_password()
    assert "_auth_user_id" not in client.session
    assert User.objects.filter(email="martine@example.org").count() == 0


def test_deleting_needs_the_password(client, martine):
    client.force_login(martine)

    response = client.post(reverse("accounts:delete"), {"password": "wrong"})

    assert response.status_code == 200
    martine.refresh_from_db()
    assert martine.is_active
