"""Personal tokens: created on the account page, shown once, stored hashed, revocable;
the operations behind them use the pages' services, and every write is in the audit log."""

import pytest

import audit
from api.models import ApiToken
from api.services import hash_secret
from api.tests.factories import bearer, token_for
from audit.models import AuditEvent
from engagements.models import Application
from missions.models import Status
from missions.tests.factories import MissionFactory
from volunteers.tests.factories import VolunteerProfileFactory

pytestmark = pytest.mark.django_db


def test_the_account_page_creates_a_token_shown_once_and_stored_hashed(client, lea):
    client.force_login(lea)
    page = client.get("/account/").content.decode()
    assert "Jetons d’API" in page and "Créer le jeton" in page
    response = client.post("/account/tokens/", {"name": "Mon script", "scope": "write"})
    assert response.status_code == 200
    token = ApiToken.objects.get()
    secret = response.context["secret"]
    assert secret in response.content.decode()
    assert token.secret_hash == hash_secret(secret) and secret not in token.secret_hash
    assert token.scope == "write" and token.name == "Mon script"
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    # Never again: the list names it by its beginning only.
    listing = client.get("/account/").content.decode()
    assert "Mon script" in listing and secret not in listing
    assert AuditEvent.objects.filter(verb="api_token.created", actor=lea).exists()


def test_a_token_needs_a_name(client, lea):
    client.force_login(lea)
    response = client.post("/account/tokens/", {"name": "", "scope": "read"})
    assert response.status_code == 200
    assert "Donnez un nom à ce jeton." in response.content.decode()
    assert not ApiToken.objects.exists()


def test_a_revoked_token_opens_nothing_and_only_its_owner_revokes_it(client, lea, martine):
    secret = token_for(lea)
    token = ApiToken.objects.get()
    assert client.get("/api/v1/me", **bearer(secret)).status_code == 200
    client.force_login(martine)
    assert client.post(f"/account/tokens/{token.pk}/revoke/").status_code == 404
    client.force_login(lea)
    assert client.post(f"/account/tokens/{token.pk}/revoke/").status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    response = client.get("/api/v1/me", **bearer(secret))
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert response.json()["type"].endswith("#problem-unauthenticated")
    assert AuditEvent.objects.filter(verb="api_token.revoked").count() == 1


def test_me_without_a_token_is_401_and_last_used_is_kept(client, lea):
    assert client.get("/api/v1/me").status_code == 401
    secret = token_for(lea)
    body = client.get("/api/v1/me", **bearer(secret)).json()
    assert body["email"] == lea.email and body["token_scope"] == "read"
    assert ApiToken.objects.get().last_used_at is not None


def test_the_api_ignores_a_session_cookie(client, lea):
    client.force_login(lea)
    assert client.get("/api/v1/me").status_code == 401


def _open_mission(association):
    return MissionFactory(organization=association, status=Status.OPEN, team_size=2)


def test_apply_and_withdraw_with_a_write_token_in_the_audit_log(client, lea, association):
    VolunteerProfileFactory(user=lea)
    mission = _open_mission(association)
    secret = token_for(lea, "write")
    url = f"/api/v1/missions/{mission.pk}/applications"
    response = client.post(
        url, {"message": "Bonjour !"}, content_type="application/json", **bearer(secret)
    )
    assert response.status_code == 201, response.content
    application = Application.objects.get()
    assert response.json()["id"] == application.pk and response.json()["can_withdraw"]
    created = AuditEvent.objects.get(verb="application.created")
    assert created.data["api_token"] == ApiToken.objects.get().pk
    # The page's rule: one live application per mission.
    again = client.post(
        url, {"message": "Encore"}, content_type="application/json", **bearer(secret)
    )
    assert again.status_code == 409
    listed = client.get("/api/v1/me/applications", **bearer(secret)).json()
    assert [a["id"] for a in listed["items"]] == [application.pk]
    withdraw = f"/api/v1/me/applications/{application.pk}/withdraw"
    assert client.post(withdraw, **bearer(secret)).json()["status"] == "withdrawn"
    assert AuditEvent.objects.filter(verb="application.withdrawn").exists()
    # Once the API's answer is sent, what the same person does elsewhere in this thread
    # (a page, a task) is not put down to the token.
    later = audit.log(actor=lea, verb="application.created", target=mission)
    assert "api_token" not in later.data


def test_a_read_token_cannot_write(client, lea, association):
    VolunteerProfileFactory(user=lea)
    mission = _open_mission(association)
    secret = token_for(lea, "read")
    response = client.post(
        f"/api/v1/missions/{mission.pk}/applications",
        {"message": "Bonjour"},
        content_type="application/json",
        **bearer(secret),
    )
    assert response.status_code == 403
    assert response.json()["detail"] == "Ce jeton ne permet que la lecture."
    assert not Application.objects.exists()


def test_an_empty_message_names_the_field(client, lea, association):
    VolunteerProfileFactory(user=lea)
    mission = _open_mission(association)
    response = client.post(
        f"/api/v1/missions/{mission.pk}/applications",
        {"message": ""},
        content_type="application/json",
        **bearer(token_for(lea, "write")),
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "message", "detail": "Écrivez quelques mots à l’association."}
    ]


def test_a_member_cannot_apply_nor_someone_without_a_profile(client, yacine, lea, association):
    mission = _open_mission(association)
    url = f"/api/v1/missions/{mission.pk}/applications"
    for person in (yacine, lea):  # a member; Léa has no volunteer profile yet
        response = client.post(
            url,
            {"message": "Bonjour"},
            content_type="application/json",
            **bearer(token_for(person, "write")),
        )
        assert response.status_code == 409
    assert not Application.objects.exists()


def test_nobody_withdraws_someone_elses_application(client, lea, martine, association):
    mission = _open_mission(association)
    from engagements.tests.factories import ApplicationFactory

    application = ApplicationFactory(mission=mission, volunteer=lea)
    url = f"/api/v1/me/applications/{application.pk}/withdraw"
    assert client.post(url, **bearer(token_for(martine, "write"))).status_code == 404
    application.refresh_from_db()
    assert application.status == Application.Status.PENDING


def test_too_many_requests_for_one_token(client, lea, settings):
    settings.API_RATE_LIMITS = {"token": 2, "address": 100}
    secret = token_for(lea)
    statuses = [client.get("/api/v1/me", **bearer(secret)).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_my_applications_ask_a_constant_number_of_queries(
    client, lea, association, django_assert_max_num_queries
):
    from engagements.tests.factories import ApplicationFactory

    secret = token_for(lea)
    for _ in range(2):
        ApplicationFactory(mission=_open_mission(association), volunteer=lea)
    with django_assert_max_num_queries(8) as few:
        client.get("/api/v1/me/applications", **bearer(secret))
    for _ in range(6):
        ApplicationFactory(mission=_open_mission(association), volunteer=lea)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(client.get("/api/v1/me/applications", **bearer(secret)).json()["items"]) == 8
