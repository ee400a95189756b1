"""The published quick-help answers, and an association's missions through a token: create
from a template, send, read the applications and answer them — the pages' rules, each write
in the audit log with its token."""

import pytest

from api.models import ApiToken
from api.tests.factories import bearer, token_for
from audit.models import AuditEvent
from engagements.models import Application
from engagements.tests.factories import ApplicationFactory
from missions.models import Mission, Status
from missions.tests.factories import MissionFactory
from quickhelp.models import PublicAnswer
from quickhelp.tests.factories import PublicAnswerFactory

pytestmark = pytest.mark.django_db

TEMPLATE = "logo-visual-identity"


def post(client, url, data=None, secret=None):
    return client.post(url, data or {}, content_type="application/json", **bearer(secret))


# --- Quick help ---------------------------------------------------------------------------------
@pytest.fixture
def answers(association):
    from quickhelp.tests.factories import QuestionFactory
    from taxonomy.models import SkillDomain

    web = SkillDomain.objects.get(slug="web")
    sheet = PublicAnswerFactory(question=QuestionFactory(organization=association))
    site = PublicAnswerFactory(
        question=QuestionFactory(organization=association, domain=web),
        title="Comment changer le nom de domaine du site ?",
        situation="Le site de l’association a une vieille adresse.",
        answer="Chez l’hébergeur, ajoutez le nouveau domaine puis redirigez l’ancien.",
    )
    draft = PublicAnswerFactory(
        question=QuestionFactory(organization=association),
        status=PublicAnswer.Status.SUBMITTED,
        published_at=None,
    )
    return {"sheet": sheet, "site": site, "draft": draft}


def test_published_answers_are_searched_filtered_and_paged_without_a_token(client, answers):
    body = client.get("/api/v1/quickhelp/answers").json()
    assert {a["slug"] for a in body["items"]} == {answers["sheet"].slug, answers["site"].slug}
    searched = client.get("/api/v1/quickhelp/answers?q=colonnes").json()
    assert [a["slug"] for a in searched["items"]] == [answers["sheet"].slug]
    on_web = client.get("/api/v1/quickhelp/answers?topic=web").json()
    assert [a["topic"]["slug"] for a in on_web["items"]] == ["web"]
    first = client.get("/api/v1/quickhelp/answers?limit=1").json()
    second = client.get(f"/api/v1/quickhelp/answers?limit=1&cursor={first['next_cursor']}")
    assert second.json()["items"][0]["slug"] != first["items"][0]["slug"]
    assert second.json()["next_cursor"] is None


def test_one_answer_is_public_once_published_only(client, answers):
    one = client.get(f"/api/v1/quickhelp/answers/{answers['site'].slug}")
    assert one.status_code == 200
    assert one.json()["url"].endswith(f"/coup-de-main/reponses/{answers['site'].slug}/")
    assert client.get(f"/api/v1/quickhelp/answers/{answers['draft'].slug}").status_code == 404


def test_an_unknown_topic_names_the_field(client, answers):
    response = client.get("/api/v1/quickhelp/answers?topic=cuisine")
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["topic"]
    english = client.get("/api/v1/quickhelp/answers?topic=cuisine", HTTP_ACCEPT_LANGUAGE="en")
    assert (
        english.json()["errors"][0]["detail"]
        == "This topic does not exist: use a slug from /skills."
    )


def test_the_answers_ask_a_constant_number_of_queries(
    client, answers, association, django_assert_max_num_queries
):
    from quickhelp.tests.factories import QuestionFactory

    with django_assert_max_num_queries(4) as few:
        client.get("/api/v1/quickhelp/answers")
    for _ in range(5):
        PublicAnswerFactory(question=QuestionFactory(organization=association))
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(client.get("/api/v1/quickhelp/answers").json()["items"]) == 7


# --- Missions of one's association --------------------------------------------------------------
def test_a_member_creates_a_mission_from_a_template_and_sends_it(client, yacine, association):
    secret = token_for(yacine, "write")
    response = post(
        client,
        "/api/v1/me/missions",
        {"template": TEMPLATE, "need": "Un logo pour nos affiches de quartier."},
        secret,
    )
    assert response.status_code == 201, response.content
    body = response.json()
    mission = Mission.objects.get(pk=body["id"])
    assert mission.organization == association and mission.status == Status.DRAFT
    assert mission.need == "Un logo pour nos affiches de quartier."
    assert body["template"] == TEMPLATE and body["missing_steps"] == [] and body["skills"]
    created = AuditEvent.objects.get(verb="mission.created")
    assert created.data["api_token"] == ApiToken.objects.get().pk
    # A verified association: online at once, as from the wizard's last screen.
    sent = post(client, f"/api/v1/me/missions/{mission.pk}/submit", secret=secret)
    assert sent.status_code == 200 and sent.json()["status"] == Status.OPEN
    assert AuditEvent.objects.get(verb="mission.open").data["api_token"]
    # Sent already: the page would not offer it again.
    again = post(client, f"/api/v1/me/missions/{mission.pk}/submit", secret=secret)
    assert again.status_code == 409


def test_an_unverified_association_sends_its_mission_to_the_moderators(client, bruno):
    secret = token_for(bruno, "write")
    body = post(
        client,
        "/api/v1/me/missions",
        {"template": TEMPLATE, "need": "Un logo pour le club.", "title": "Logo du club"},
        secret,
    ).json()
    assert body["title"] == "Logo du club"
    sent = post(client, f"/api/v1/me/missions/{body['id']}/submit", secret=secret)
    assert sent.json()["status"] == Status.SUBMITTED


def test_a_mission_without_words_names_its_fields(client, yacine):
    response = post(
        client,
        "/api/v1/me/missions",
        {"template": "no-such-template", "need": "", "organization": "someone-else"},
        token_for(yacine, "write"),
    )
    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {"template", "need", "organization"}
    missing = post(client, "/api/v1/me/missions", {"need": "Un logo"}, token_for(yacine, "write"))
    assert [e["field"] for e in missing.json()["errors"]] == ["template"]
    assert not Mission.objects.exists()


def test_a_mission_needs_a_write_token_and_an_association(client, yacine, lea):
    data = {"template": TEMPLATE, "need": "Un logo"}
    assert post(client, "/api/v1/me/missions", data).status_code == 401
    read = post(client, "/api/v1/me/missions", data, token_for(yacine, "read"))
    assert read.status_code == 403
    assert read.json()["detail"] == "Ce jeton ne permet que la lecture."
    # Léa belongs to no association: the page sends her to register one.
    assert post(client, "/api/v1/me/missions", data, token_for(lea, "write")).status_code == 409
    assert not Mission.objects.exists()


def test_only_the_associations_members_send_its_draft(client, association, bruno, lea, yacine):
    draft = MissionFactory(organization=association, status=Status.DRAFT)
    url = f"/api/v1/me/missions/{draft.pk}/submit"
    assert post(client, url).status_code == 401
    assert post(client, url, secret=token_for(yacine, "read")).status_code == 403
    # Another association's admin, a volunteer: the draft does not exist for them.
    assert post(client, url, secret=token_for(bruno, "write")).status_code == 404
    assert post(client, url, secret=token_for(lea, "write")).status_code == 404
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_an_unfinished_draft_says_what_is_missing(client, association, yacine):
    draft = MissionFactory(organization=association, status=Status.DRAFT, effort_hours=None)
    response = post(
        client, f"/api/v1/me/missions/{draft.pk}/submit", secret=token_for(yacine, "write")
    )
    assert response.status_code == 409
    assert response.json()["detail"] == "Il manque encore quelque chose à l’étape 2."


# --- Applications to its missions ---------------------------------------------------------------
@pytest.fixture
def applied(association, lea):
    from volunteers.tests.factories import VolunteerProfileFactory

    VolunteerProfileFactory(user=lea)
    mission = MissionFactory(organization=association, status=Status.OPEN, team_size=1)
    return ApplicationFactory(mission=mission, volunteer=lea, message="Bonjour !")


def test_a_member_reads_the_applications_and_accepts_one(client, applied, yacine, lea):
    secret = token_for(yacine, "write")
    url = f"/api/v1/me/missions/{applied.mission_id}/applications"
    body = client.get(url, **bearer(token_for(yacine, "read"))).json()
    assert [a["id"] for a in body["items"]] == [applied.pk]
    item = body["items"][0]
    assert item["volunteer"]["name"] == lea.full_name and item["can_accept"]
    assert client.get(url + "?status=accepted", **bearer(secret)).json()["items"] == []
    accepted = post(client, f"/api/v1/applications/{applied.pk}/accept", secret=secret)
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"
    assert AuditEvent.objects.get(verb="application.accepted").data["api_token"]
    # Twice: the page's refusal, nothing changed.
    again = post(client, f"/api/v1/applications/{applied.pk}/accept", secret=secret)
    assert again.status_code == 409


def test_a_member_declines_kindly_and_the_reason_is_checked(client, applied, yacine):
    secret = token_for(yacine, "write")
    url = f"/api/v1/applications/{applied.pk}/decline"
    mute = post(client, url, {"choice": "other", "note": ""}, secret)
    assert mute.status_code == 422
    assert [e["field"] for e in mute.json()["errors"]] == ["note"]
    wrong = post(client, url, {"choice": "bof"}, secret)
    assert [e["field"] for e in wrong.json()["errors"]] == ["choice"]
    declined = post(client, url, {"choice": "found", "note": "Votre book est réussi !"}, secret)
    assert declined.status_code == 200 and declined.json()["status"] == "declined"
    applied.refresh_from_db()
    assert applied.answer.endswith("Votre book est réussi !")
    assert AuditEvent.objects.get(verb="application.declined").data["api_token"]


def test_nobody_else_reads_or_answers_the_applications(client, applied, bruno, lea, yacine):
    listing = f"/api/v1/me/missions/{applied.mission_id}/applications"
    assert client.get(listing).status_code == 401
    # An open mission is public: another association sees it, but may not act as its own.
    assert client.get(listing, **bearer(token_for(bruno, "read"))).status_code == 403
    for action in ("accept", "decline"):
        url = f"/api/v1/applications/{applied.pk}/{action}"
        assert post(client, url).status_code == 401
        assert post(client, url, secret=token_for(yacine, "read")).status_code == 403
        assert post(client, url, secret=token_for(bruno, "write")).status_code == 403
        # The volunteer sees her application, but answering it is the association's.
        assert post(client, url, secret=token_for(lea, "write")).status_code == 403
    applied.refresh_from_db()
    assert applied.status == Application.Status.PENDING
