"""Léa's completed engagement with Martine's association, and the tools to check its
credential the way an outsider would: Digital Bazaar's verifier, Poppler and ZBar."""

import datetime
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from completion.tests.factories import CompletionFactory, ReviewFactory
from credentials.keys import generate_key_file
from engagements.tests.factories import AgreementFactory, ApplicationFactory, MissionFactory
from taxonomy.models import Skill
from volunteers.tests.factories import VolunteerProfileFactory

VERIFIER = Path(__file__).parent / "verify.mjs"
NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"


@pytest.fixture(autouse=True)
def signing_key(settings, tmp_path):
    """A fresh platform key for each test, in a temporary file, never the real one."""
    path = tmp_path / "keys" / "credentials-ed25519.pem"
    settings.CREDENTIALS_KEY_FILE = path
    return generate_key_file(path)


@pytest.fixture
def engagement(association, lea, martine):
    """Léa drew the logo of Martine's association: 15 hours confirmed on 10 April 2026, and
    the association's review published, with two endorsed skills."""
    association.siren = "732829320"
    association.save(update_fields=["siren"])
    mission = MissionFactory(
        organization=association,
        title="Un logo pour la fête des jardins",
        need="Nous voulons un logo simple pour notre fête de quartier.",
        created_by=martine,
        status="completed",
    )
    VolunteerProfileFactory(user=lea)
    application = ApplicationFactory(mission=mission, volunteer=lea, status="accepted")
    AgreementFactory(
        application=application,
        hours=12,
        start_date=datetime.date(2026, 3, 2),
        end_date=datetime.date(2026, 4, 30),
    )
    completed_at = datetime.datetime(2026, 4, 10, 17, 30, tzinfo=datetime.UTC)
    CompletionFactory(application=application, confirmed_hours=15, completed_at=completed_at)
    review = ReviewFactory(
        application=application,
        author=martine,
        testimonial="Léa a dessiné un logo que tout le quartier adore.",
        written_at=completed_at,
        published_at=completed_at,
    )
    review.endorsed_skills.set(Skill.objects.filter(slug__in=["logo", "figma"]))
    return application


@pytest.fixture
def credential(engagement):
    from credentials.services import issue_for

    return issue_for(engagement)


@pytest.fixture
def node_verify(tmp_path, client):
    """Verify a credential with Digital Bazaar's implementation, offline: the DID document
    and the status lists are the ones our server serves right now."""
    if shutil.which("node") is None or not (NODE_MODULES / "@digitalbazaar" / "vc").exists():
        pytest.fail("node and the npm packages are needed: run `make test-deps`")

    def run(document: dict) -> dict:
        credential_file = tmp_path / "credential.json"
        credential_file.write_text(json.dumps(document, ensure_ascii=False))
        did_file = tmp_path / "did.json"
        did_file.write_bytes(client.get("/.well-known/did.json").content)
        args = ["node", str(VERIFIER), "--credential", str(credential_file), "--did", str(did_file)]
        status = document.get("credentialStatus")
        if status:
            url = status["statusListCredential"]
            status_file = tmp_path / "status.json"
            status_file.write_bytes(client.get(url.removeprefix("http://testserver")).content)
            args += ["--status", f"{url}={status_file}"]
        done = subprocess.run(args, capture_output=True, text=True, timeout=60, check=False)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    return run


@pytest.fixture
def karim(db):
    """Another volunteer."""
    from accounts.tests.factories import UserFactory

    return UserFactory(full_name="Karim Benali", email="karim@example.org", intent="volunteer")
