"""The public pages and files of an attestation, and who may revoke it."""

import json

import pytest
from django.urls import reverse

from completion.tests.factories import CompletionFactory, engagement
from credentials.services import credential_revoke, issue_for

pytestmark = pytest.mark.django_db


def test_anyone_sees_the_facts_and_that_it_is_valid(client, credential):
    response = client.get(f"/verify/{credential.public_id}/")

    assert response.status_code == 200
    page = response.content.decode()
    for fact in (
        "Attestation valide",
        "Léa Martin",
        "Les Jardins Partagés de Belleville",
        "W751234567",
        "732829320",
        "Un logo pour la fête des jardins",
        "15 heures",
        "du 2 mars 2026 au 10 avril 2026",
        "Logo et identité visuelle",
        "Léa a dessiné un logo que tout le quartier adore.",
        "did:web:testserver",
    ):
        assert fact in page, fact
    assert "révoquée" not in page


def test_a_revoked_attestation_says_so_with_the_date_and_reason(client, credential, staff):
    credential_revoke(credential=credential, by=staff, reason="La mission n’a pas eu lieu.")

    page = client.get(f"/verify/{credential.public_id}/").content.decode()

    assert "Attestation révoquée le" in page
    assert "La mission n’a pas eu lieu." in page
    assert "Attestation valide" not in page


def test_an_unknown_attestation_is_not_found(client, db):
    assert client.get("/verify/abcdefghjk/").status_code == 404
    assert client.get("/verify/abcdefghjk.json").status_code == 404


def test_the_json_is_the_signed_credential_and_always_the_same_bytes(client, credential):
    first = client.get(f"/verify/{credential.public_id}.json")
    second = client.get(reverse("credentials:verify_json", args=[credential.public_id]))

    assert first.status_code == 200
    assert first["Content-Type"] == "application/ld+json; charset=utf-8"
    assert f"a-lasso-attestation-{credential.public_id}.json" in first["Content-Disposition"]
    assert first["Access-Control-Allow-Origin"] == "*"
    assert first.content == second.content
    assert json.loads(first.content) == credential.document


def test_the_did_document_publishes_the_platform_key(client, credential, signing_key):
    from credentials.keys import public_key_multibase

    did = client.get("/.well-known/did.json").json()

    assert did["id"] == "did:web:testserver"
    assert did["verificationMethod"] == [
        {
            "id": "did:web:testserver#key-1",
            "type": "Multikey",
            "controller": "did:web:testserver",
            "publicKeyMultibase": public_key_multibase(signing_key.public_key()),
        }
    ]
    assert did["assertionMethod"] == ["did:web:testserver#key-1"]


def test_the_did_document_is_there_before_any_credential(client, db):
    did = client.get("/.well-known/did.json").json()
    assert did["verificationMethod"][0]["publicKeyMultibase"].startswith("z6Mk")


def test_a_withdrawn_key_no_longer_vouches_for_anything(client, credential):
    from credentials.models import SigningKey

    SigningKey.objects.update(withdrawn_at="2026-05-01T00:00:00Z")

    did = client.get("/.well-known/did.json").json()

    assert len(did["verificationMethod"]) == 1
    assert did["assertionMethod"] == []


def test_the_status_list_is_public(client, credential):
    url = credential.document["credentialStatus"]["statusListCredential"]
    response = client.get(url.removeprefix("http://testserver"))

    assert response.status_code == 200
    assert response.json()["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert client.get("/credentials/status/99").status_code == 404


class TestRevoking:
    def url(self, credential):
        return reverse("credentials:revoke", args=[credential.public_id])

    def test_anonymous_people_are_sent_to_log_in(self, client, credential):
        response = client.get(self.url(credential))
        assert response.status_code == 302
        assert "/account/login/" in response["Location"]

    @pytest.mark.parametrize("who", ["lea", "martine"])
    def test_the_volunteer_and_the_association_may_not(self, client, credential, who, request):
        client.force_login(request.getfixturevalue(who))

        assert client.get(self.url(credential)).status_code == 403
        assert client.post(self.url(credential), {"reason": "x"}).status_code == 403
        credential.refresh_from_db()
        assert credential.revoked_at is None

    def test_staff_must_give_a_reason(self, client, credential, staff):
        client.force_login(staff)

        response = client.post(self.url(credential), {"reason": "  "})

        assert response.status_code == 200
        assert "Écrivez la raison" in response.content.decode()
        credential.refresh_from_db()
        assert credential.revoked_at is None

    def test_staff_revokes_with_a_reason(self, client, credential, staff):
        client.force_login(staff)
        assert (
            "Révoquer cette attestation"
            in client.get(credential.get_absolute_url()).content.decode()
        )

        response = client.post(self.url(credential), {"reason": "Déclaration mensongère."})

        assert response.status_code == 302
        assert response["Location"] == f"/verify/{credential.public_id}/"
        credential.refresh_from_db()
        assert credential.revoked_by == staff
        assert credential.revocation_reason == "Déclaration mensongère."
        page = client.get(response["Location"]).content.decode()
        assert "Attestation révoquée le" in page

    def test_the_revoke_button_is_for_staff_only(self, client, credential, lea):
        client.force_login(lea)
        assert "Révoquer" not in client.get(credential.get_absolute_url()).content.decode()


def test_my_attestations_lists_mine_only_in_constant_queries(
    client, lea, credential, django_assert_max_num_queries
):
    issue_for(CompletionFactory().application)  # someone else's
    client.force_login(lea)
    with django_assert_max_num_queries(12) as one:
        client.get(reverse("credentials:mine"))
    for _ in range(3):
        issue_for(CompletionFactory(application=engagement(volunteer=lea)).application)

    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(reverse("credentials:mine"))

    page = response.content.decode()
    assert page.count('class="card"') == 4
    assert "Un logo pour la fête des jardins" in page


def test_my_attestations_needs_an_account(client, db):
    assert client.get(reverse("credentials:mine")).status_code == 302
