"""The public operations: open missions and what describes them, with no token."""

import pytest
from django.utils import timezone

from missions.models import Status
from missions.tests.factories import MissionFactory
from organizations.models import Organization
from taxonomy.models import Skill

pytestmark = pytest.mark.django_db


def test_the_openapi_description_is_served_as_3_1(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.1")
    assert "/api/v1/missions" in schema["paths"]
    problem = schema["paths"]["/api/v1/missions/{mission_id}"]["get"]["responses"]["404"]
    assert "application/problem+json" in problem["content"]


def test_the_docs_page_lists_the_operations_without_any_script(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "GET /api/v1/missions" in page
    assert "problem-not-found" in page
    assert "cdn" not in page.lower()
    assert "script-src" in response["Content-Security-Policy"]


def test_open_missions_are_listed_newest_first_and_drafts_never(client, association):
    older = MissionFactory(organization=association, title="Un logo pour la fête")
    older.published_at = timezone.now() - timezone.timedelta(days=3)
    older.save()
    newer = MissionFactory(organization=association, title="Un site internet")
    MissionFactory(organization=association, status=Status.DRAFT, title="Brouillon secret")
    body = client.get("/api/v1/missions").json()
    assert [m["id"] for m in body["items"]] == [newer.pk, older.pk]
    assert body["next_cursor"] is None
    assert body["items"][0]["organization"]["slug"] == association.slug
    assert "created_by" not in body["items"][0]


def test_the_cursor_walks_every_mission_once_even_with_equal_dates(client, association):
    moment = timezone.now()
    missions = [MissionFactory(organization=association) for _ in range(5)]
    for mission in missions:
        mission.published_at = moment
        mission.save()
    seen, cursor = [], None
    for _ in range(5):
        query = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        body = client.get("/api/v1/missions", query).json()
        seen += [m["id"] for m in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == sorted((m.pk for m in missions), reverse=True)


def test_filters_and_keywords_are_those_of_the_search_page(client, association):
    logo = MissionFactory(organization=association, title="Un logo pour la chorale")
    MissionFactory(
        organization=association,
        title="Une comptabilité à reprendre",
        need="Un tableur à remettre en ordre.",
        deliverables="Un bilan",
    )
    found = client.get("/api/v1/missions", {"q": "logo"}).json()
    assert [m["id"] for m in found["items"]] == [logo.pk]
    assert client.get("/api/v1/missions", {"departement": "75"}).json()["items"]
    assert client.get("/api/v1/missions", {"departement": "69"}).json()["items"] == []


def test_a_wrong_filter_is_a_problem_naming_the_field(client):
    response = client.get("/api/v1/missions", {"effort": "forever", "limit": 500})
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 422
    assert problem["type"].endswith("#problem-invalid")
    assert {error["field"] for error in problem["errors"]} == {"effort", "limit"}
    response = client.get("/api/v1/missions", {"effort": "forever"})
    assert [error["field"] for error in response.json()["errors"]] == ["effort"]


def test_problems_speak_the_language_of_accept_language(client):
    french = client.get("/api/v1/missions/999999", HTTP_ACCEPT_LANGUAGE="fr").json()
    english = client.get("/api/v1/missions/999999", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8").json()
    assert french["title"] == "Introuvable"
    assert english["title"] == "Not found"
    assert french["status"] == english["status"] == 404
    invalid = client.get("/api/v1/missions", {"limit": 0}, HTTP_ACCEPT_LANGUAGE="en").json()
    assert invalid["errors"] == [{"field": "limit", "detail": "This value is too small."}]


def test_a_bad_cursor_is_a_400_problem(client):
    response = client.get("/api/v1/missions", {"cursor": "nonsense!"})
    assert response.status_code == 400
    assert response.json()["title"] == "Requête incorrecte"


def test_one_mission_in_a_public_state_and_never_a_draft(client, association):
    mission = MissionFactory(organization=association)
    draft = MissionFactory(organization=association, status=Status.DRAFT)
    body = client.get(f"/api/v1/missions/{mission.pk}").json()
    assert body["title"] == mission.title
    assert body["url"].endswith(f"/missions/{mission.pk}/")
    assert client.get(f"/api/v1/missions/{draft.pk}").status_code == 404


def test_the_api_ignores_the_session_so_a_member_sees_no_draft(client, association, martine):
    draft = MissionFactory(organization=association, status=Status.DRAFT)
    client.force_login(martine)
    assert client.get(f"/missions/{draft.pk}/").status_code == 200
    assert client.get(f"/api/v1/missions/{draft.pk}").status_code == 404


def test_an_association_page_and_a_refused_one(client, association):
    mission = MissionFactory(organization=association)
    body = client.get(f"/api/v1/associations/{association.slug}").json()
    assert body["name"] == association.name
    assert body["verified"] is True
    assert [m["id"] for m in body["open_missions"]] == [mission.pk]
    association.verification = Organization.Verification.REJECTED
    association.save()
    assert client.get(f"/api/v1/associations/{association.slug}").status_code == 404


def test_templates_skills_and_causes_in_english_too(client):
    skills = client.get("/api/v1/skills", HTTP_ACCEPT_LANGUAGE="en").json()
    skill = Skill.objects.select_related("domain").first()
    domain = next(d for d in skills if d["slug"] == skill.domain.slug)
    assert domain["name"] == skill.domain.name_en
    assert client.get("/api/v1/templates").json()
    assert client.get("/api/v1/causes").json()


def test_lists_ask_a_constant_number_of_queries(client, association, django_assert_max_num_queries):
    for _ in range(3):
        MissionFactory(organization=association, skills=list(Skill.objects.all()[:2]))
    with django_assert_max_num_queries(6):
        assert len(client.get("/api/v1/missions").json()["items"]) == 3
    for _ in range(10):
        MissionFactory(organization=association, skills=list(Skill.objects.all()[:3]))
    with django_assert_max_num_queries(6):
        assert len(client.get("/api/v1/missions").json()["items"]) == 13
    for url in ["/api/v1/templates", "/api/v1/skills", "/api/v1/causes"]:
        with django_assert_max_num_queries(4):
            client.get(url)
    with django_assert_max_num_queries(6):
        client.get(f"/api/v1/associations/{association.slug}")


def test_too_many_requests_from_one_address(client, settings):
    settings.API_RATE_LIMITS = {"address": 3}
    statuses = [client.get("/api/v1/causes").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_an_unknown_skill_domain_is_named_as_the_page_would(client):
    response = client.get("/api/v1/missions", {"domain": "no-such-domain"})
    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == ["domain"]


def test_an_address_no_operation_answers_is_a_problem_too(client):
    response = client.get("/api/v1/missions/-3")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_a_keyword_search_asks_as_many_queries_for_2_or_12_missions(client, association):
    """The bench's `api_missions` row: GET /api/v1/missions?q=… in constant queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/api/v1/missions?q=logo")
        assert response.status_code == 200
        return len(captured.captured_queries)

    for _ in range(2):
        MissionFactory(organization=association, skills=list(Skill.objects.all()[:2]))
    queries()  # warm: what is read once and kept (the rate limit's first count)
    few = queries()
    for _ in range(10):
        MissionFactory(organization=association, skills=list(Skill.objects.all()[:3]))
    assert queries() == few <= 6
