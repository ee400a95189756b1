from django.urls import reverse


def test_the_home_page_speaks_to_associations_and_students(client, db):
    response = client.get("/")

    assert response.status_code == 200
    assert '<html lang="fr">' in response.text
    assert "Inscrire mon association" in response.text
    assert "Proposer mes compétences" in response.text
    assert 'href="#main"' in response.text


def test_the_home_page_exists_in_english(client, db):
    client.cookies["django_language"] = "en"

    response = client.get("/")

    assert '<html lang="en">' in response.text
    assert "Register my association" in response.text


def test_the_header_adapts_to_who_is_looking(client, martine, staff):
    anonymous = client.get("/").text
    assert "Se connecter" in anonymous and "Mon compte" not in anonymous

    client.force_login(martine)
    member = client.get("/").text
    assert "Mon compte" in member and "Se déconnecter" in member
    assert "Administration" not in member

    client.force_login(staff)
    assert "Administration" in client.get("/").text


def test_healthz_answers_when_the_database_answers(client, db):
    response = client.get(reverse("core:healthz"))

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_an_unknown_page_gets_a_french_404(client, db):
    response = client.get("/nulle-part/")

    assert response.status_code == 404
    assert "Cette page n’existe pas" in response.text


def test_pages_carry_a_content_security_policy_with_a_nonce(client, db):
    response = client.get("/")

    policy = response["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in policy
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in response.text


def test_the_dev_mailbox_is_hidden_outside_debug(client, db):
    assert client.get(reverse("core:dev_mailbox")).status_code == 404


def test_a_volunteer_finds_her_attestations_and_her_book_from_the_home_page(client, lea):
    from volunteers.tests.factories import VolunteerProfileFactory

    VolunteerProfileFactory(user=lea)
    client.force_login(lea)

    response = client.get(reverse("core:home"))

    assert f'href="{reverse("credentials:mine")}"' in response.text
    assert f'href="{reverse("portfolio:settings")}"' in response.text
