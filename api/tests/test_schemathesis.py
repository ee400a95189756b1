"""Schemathesis over the OpenAPI description: at least 1 000 generated requests, public and
with a token, and not one server error nor one response outside the description."""

import logging

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.tests.factories import token_for
from engagements.tests.factories import ApplicationFactory
from missions.tests.factories import MissionFactory
from volunteers.tests.factories import VolunteerProfileFactory

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# Examples per operation: the ones without parameters have a single case to try.
EXAMPLES = {
    "GET /api/v1/missions": 300,
    "GET /api/v1/missions/{mission_id}": 120,
    "GET /api/v1/associations/{slug}": 120,
    "GET /api/v1/me/applications": 150,
    "POST /api/v1/missions/{mission_id}/applications": 220,
    "POST /api/v1/me/applications/{application_id}/withdraw": 120,
    "GET /api/v1/quickhelp/answers": 100,
    "GET /api/v1/quickhelp/answers/{slug}": 30,
    "POST /api/v1/me/missions": 100,
    "POST /api/v1/me/missions/{mission_id}/submit": 50,
    "GET /api/v1/me/missions/{mission_id}/applications": 60,
    "POST /api/v1/applications/{application_id}/accept": 40,
    "POST /api/v1/applications/{application_id}/decline": 60,
    "GET /api/v1/me/conversations": 60,
    "GET /api/v1/me/conversations/{thread_id}": 80,
    "POST /api/v1/me/conversations/{thread_id}/messages": 120,
    "GET /api/v1/me/attestations": 60,
}
MINIMUM = 1000


@pytest.mark.django_db
def test_generated_requests_meet_the_description(settings_override, association, lea, tmp_path):
    VolunteerProfileFactory(user=lea)
    missions = [MissionFactory(organization=association) for _ in range(3)]
    application = ApplicationFactory(mission=missions[0], volunteer=lea)
    thread = _conversation_and_attestation(
        application, association, lea, tmp_path, settings_override
    )
    # Two calls in three to a conversation go to Léa's, so that the bodies are tried too.
    conversation = {"thread_id": thread.pk}
    known = _lea_also_in_a_club(lea)
    secrets = [token_for(lea, "write"), token_for(lea, "read")]
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    done = {"cases": 0, "authenticated": 0}

    for result in schema.get_all_operations():
        operation = result.ok()
        label = f"{operation.method.upper()} {operation.path}"

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES.get(label, 5),
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
            phases=[Phase.explicit, Phase.generate],
        )
        def run(case):
            headers = {}
            for name, value in conversation.items():
                if name in (case.path_parameters or {}) and done["cases"] % 3:
                    case.path_parameters[name] = value
            # Most calls with a token (write, then read, in turn), some without.
            turn = done["cases"] % 5
            if case.operation.definition.raw.get("security") and turn < 4:
                headers = {"Authorization": f"Bearer {secrets[turn % 2]}"}
                done["authenticated"] += 1
            _now_and_then_known(case, done["cases"], known)
            case.call_and_validate(headers=headers, checks=CHECKS)
            done["cases"] += 1

        run()
    assert done["cases"] >= MINIMUM
    assert done["authenticated"] >= 300


def _lea_also_in_a_club(lea) -> dict:
    """Léa is also a member of a club, with a draft and applications to answer; a few
    quick-help answers are published. Returns their ids and slugs, by parameter name."""
    from organizations.tests.factories import AssociationFactory, MembershipFactory
    from quickhelp.tests.factories import PublicAnswerFactory, QuestionFactory

    club = AssociationFactory(verified=True)
    MembershipFactory(organization=club, user=lea, role="member")
    draft = MissionFactory(organization=club, status="draft")
    open_mission = MissionFactory(organization=club, team_size=3)
    applications = [ApplicationFactory(mission=open_mission) for _ in range(4)]
    answers = [PublicAnswerFactory(question=QuestionFactory(organization=club)) for _ in range(3)]
    return {
        "mission_id": [draft.pk, open_mission.pk],
        "application_id": [a.pk for a in applications],
        "slug": [a.slug for a in answers],
        "template": ["logo-visual-identity", "showcase-website"],
    }


OPERATIONS_WITH_KNOWN = ("/api/v1/me/missions", "/api/v1/quickhelp/", "/api/v1/applications/")


def _now_and_then_known(case, number: int, known: dict) -> None:
    """One case in three of the association's and the answers' operations names what
    exists (Léa's club's missions and applications, a published answer, a template):
    random numbers alone would almost never find them, nor the answers' schemas be checked."""
    label = f"{case.operation.method.upper()} {case.operation.path}"
    if number % 3 or not any(part in label for part in OPERATIONS_WITH_KNOWN):
        return
    for name in list(case.path_parameters or {}):
        if name in known:
            case.path_parameters[name] = known[name][number % len(known[name])]
    if label == "POST /api/v1/me/missions" and isinstance(case.body, dict):
        case.body["template"] = known["template"][number % 2]


@pytest.fixture
def settings_override(settings):
    """No rate limit; and, as Django's test client does, the test's database connection
    stays open across the WSGI requests (they would close it when they end)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    settings.API_RATE_LIMITS = {"address": 100_000, "token": 100_000}
    # A thousand refusals (404, 422) are expected: not a thousand warnings to write.
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield settings
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
    logger.setLevel(level)


def _conversation_and_attestation(application, association, lea, tmp_path, settings):
    """Léa's conversations, with a message each, and an attestation of a finished mission:
    the personal operations have something to answer."""
    from credentials.keys import generate_key_file
    from credentials.services import issue_for
    from messaging import services as messaging
    from organizations.tests.factories import AssociationFactory, MembershipFactory

    messaging.message_send(
        thread=messaging.thread_for_application(application), author=lea, body="Bonjour !"
    )
    # Where she may always write, whatever becomes of her application (withdraw is tried
    # too): the team conversation of an association of which she is a member.
    own = AssociationFactory(name="Atelier de Léa", verified=True)
    MembershipFactory(organization=own, user=lea, role="admin")
    thread = messaging.team_thread(MissionFactory(organization=own))
    messaging.message_send(thread=thread, author=lea, body="Bienvenue dans l’équipe !")
    settings.CREDENTIALS_KEY_FILE = tmp_path / "keys" / "credentials-ed25519.pem"
    generate_key_file(settings.CREDENTIALS_KEY_FILE)
    done = MissionFactory(organization=association, status="completed")
    issue_for(ApplicationFactory(mission=done, volunteer=lea, status="accepted"))
    return thread
