"""Fault (a): PostgreSQL restarts while the site is under load. The pages answer 503 with
the « momentanément indisponible » page during the outage, then recover by themselves; forms
that write several rows, sent across the restart, leave each its rows whole or none.

Never the machine's shared server: a private throwaway cluster in a temporary folder, on a
free port, served by gunicorn. Skipped (loudly) only where the PostgreSQL server programs
are not installed."""

import glob
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

pytestmark = pytest.mark.slow

UNAVAILABLE = "momentanément indisponible"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_programs() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def as_postgres(*command: str) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else list(command)


def get(port: int, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    except OSError as error:  # no answer at all: what the test must never see
        return 0, repr(error)


@pytest.fixture(scope="module")
def cluster():
    bin_dir = server_programs()
    if bin_dir is None:
        message = (
            "PostgreSQL SERVER PROGRAMS ABSENT (/usr/lib/postgresql/*/bin): restart test NOT RUN"
        )
        warnings.warn(message, stacklevel=1)
        print(f"\n!!! {message} !!!", file=sys.stderr)
        pytest.skip(message)
    root = Path(tempfile.mkdtemp(prefix="alasso-pg-restart-", dir="/tmp"))
    root.chmod(0o755)
    data, log = root / "data", root / "postgres.log"
    data.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(data, "postgres")
    port = free_port()
    pg_ctl = str(bin_dir / "pg_ctl")
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1"
    subprocess.run(
        as_postgres(str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                    "--no-sync"),
        check=True, capture_output=True,
    )  # fmt: skip
    start = [pg_ctl, "-D", str(data), "-o", options, "-l", str(log), "-w"]
    subprocess.run(as_postgres(*start[:3], "start", *start[3:]), check=True, capture_output=True)
    try:
        yield {
            "port": port,
            "restart": as_postgres(*start[:3], "restart", "-m", "fast", *start[3:]),
        }
    finally:
        subprocess.run(as_postgres(pg_ctl, "-D", str(data), "stop", "-m", "immediate"),
                       capture_output=True)  # fmt: skip
        shutil.rmtree(root, ignore_errors=True)


def site_env(cluster, folder: Path, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{cluster['port']}/postgres",
        "DEBUG": "false",
        "SECRET_KEY": "a-test-key-for-the-restart-test-" + "x" * 30,
        "ALLOWED_HOSTS": "127.0.0.1",
        "MEDIA_ROOT": str(folder / "media"),
        "PRIVATE_MEDIA_ROOT": str(folder / "private"),
        **extra,
    }
    env.pop("REDIS_URL", None)
    return env


@pytest.fixture(scope="module")
def migrated(cluster, tmp_path_factory):
    """The cluster's database migrated once for the module's tests."""
    env = site_env(cluster, tmp_path_factory.mktemp("migrate"))
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v", "0"],
        cwd=settings.BASE_DIR, env=env, check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    return cluster


def start_site(env: dict[str, str], port: int, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "core.tests.restart_wsgi", "--workers", "2",
         "--threads", "2", "--bind", f"127.0.0.1:{port}"],
        cwd=settings.BASE_DIR, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
    )  # fmt: skip


def test_the_site_answers_503_while_postgresql_restarts_and_recovers_by_itself(migrated, tmp_path):
    cluster = migrated
    web_port = free_port()
    env = site_env(cluster, tmp_path, TASKS_BACKEND="immediate")
    log = tmp_path / "web.log"
    web = start_site(env, web_port, log)
    try:
        deadline = time.monotonic() + 60
        while get(web_port, "/missions/")[0] != 200:
            assert time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.3)

        answers: list[tuple[int, str]] = []
        stop = threading.Event()

        def load() -> None:
            while not stop.is_set():
                answers.append(get(web_port, "/missions/"))
                time.sleep(0.05)

        visitors = [threading.Thread(target=load) for _ in range(3)]
        for visitor in visitors:
            visitor.start()
        time.sleep(1)
        subprocess.run(cluster["restart"], check=True, capture_output=True, timeout=60)
        recovered = time.monotonic() + 30
        while time.monotonic() < recovered and get(web_port, "/missions/")[0] != 200:
            time.sleep(0.2)
        time.sleep(1)
        stop.set()
        for visitor in visitors:
            visitor.join(30)

        statuses = {status for status, _ in answers}
        failures = [body for status, body in answers if status not in (200, 503)]
        assert statuses <= {200, 503}, (statuses, failures[:3], log.read_text()[-3000:])
        unavailable = [body for status, body in answers if status == 503]
        assert all(UNAVAILABLE in body for body in unavailable)
        # The requests after the restart are served again, without restarting the site.
        assert answers[-1][0] == 200
        assert get(web_port, "/missions/")[0] == 200
        assert web.poll() is None
    finally:
        web.terminate()
        web.wait(20)


# --- No half-written data: applications sent while PostgreSQL restarts ------------------------
SEED = """
import datetime
import json
from django.test import Client
from django.utils import timezone
from accounts.models import User
from missions.models import Licence, Mission, Status
from organizations.models import Membership, Organization
from volunteers.models import VolunteerProfile

now = timezone.now()
martine = User.objects.create_user("martine@example.org", None, full_name="Martine Lefèvre",
                                   email_verified_at=now)
garden = Organization.objects.create(
    kind=Organization.Kind.ASSOCIATION, name="Les Jardins partagés", slug="jardins-partages",
    association_type=Organization.AssociationType.CITIZEN, rna="W751234567",
    description="Des jardins de quartier.", commune_id="75056", departement_code="75",
    region_code="11", verification=Organization.Verification.VERIFIED,
)
Membership.objects.create(organization=garden, user=martine, role=Membership.Role.ADMIN)
today = timezone.localdate()
mission = Mission.objects.create(
    organization=garden, created_by=martine, title="Un logo pour les jardins partagés",
    need="Un logo simple pour nos affiches.", deliverables="Un logo en couleur",
    effort_hours=15, start_date=today + datetime.timedelta(days=7),
    end_date=today + datetime.timedelta(days=40), licence=Licence.FREE_USE,
    status=Status.OPEN, wizard_step=3, departement_code="75", region_code="11",
    published_at=now,
)
sessions = {}
for number in range(%(count)d):
    volunteer = User.objects.create_user(f"benevole{number}@example.org", None,
                                         full_name=f"Bénévole {number}", email_verified_at=now)
    VolunteerProfile.objects.create(user=volunteer, hours_per_week=4, bio="Graphiste.")
    client = Client()
    client.force_login(volunteer)
    sessions[volunteer.email] = client.cookies["sessionid"].value
print("SEED" + json.dumps({"mission": mission.pk, "sessions": sessions}))
"""
VOLUNTEERS = 120
CSRF = "a" * 32  # the form's token and the cookie's secret, as the browser sends them


def apply(port: int, mission: int, session: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": CSRF, "message": "Bonjour !"})
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"sessionid={session}; csrftoken={CSRF}",
    }
    try:
        connection.request("POST", f"/missions/{mission}/apply/", body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.read().decode(errors="replace")
    except OSError as error:
        return 0, repr(error)
    finally:
        connection.close()


def test_applications_sent_while_postgresql_restarts_are_whole_or_absent(migrated, tmp_path):
    """Each application writes several rows (the application, its audit entry, the
    association's notification and its e-mail): after a restart in the middle of a stream of
    them, each volunteer has either all of them or none, and every one answered as sent is
    there."""
    cluster = migrated
    web_port = free_port()
    env = site_env(cluster, tmp_path)  # tasks in the database: the e-mails' rows too
    seeded = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SEED % {"count": VOLUNTEERS}],
        cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert seeded.returncode == 0, seeded.stderr[-3000:]
    seed = json.loads(seeded.stdout.split("SEED", 1)[1])
    mission, sessions = seed["mission"], list(seed["sessions"].items())
    last_email, last_session = sessions.pop()  # applies once the site has recovered
    log = tmp_path / "web.log"
    web = start_site(env, web_port, log)
    try:
        deadline = time.monotonic() + 60
        while get(web_port, "/missions/")[0] != 200:
            assert time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.3)

        answers: dict[str, tuple[int, str]] = {}
        waiting = list(sessions)
        lock = threading.Lock()
        stop = threading.Event()

        def volunteers() -> None:
            while not stop.is_set():
                with lock:
                    if not waiting:
                        return
                    email, session = waiting.pop(0)
                answers[email] = apply(web_port, mission, session)
                time.sleep(0.2)

        def sent_until(count: int) -> None:
            # Some applications answered as sent (before the restart, then after it).
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and waiting:
                if sum(status == 302 for status, _body in list(answers.values())) >= count:
                    return
                time.sleep(0.1)

        senders = [threading.Thread(target=volunteers) for _ in range(3)]
        for sender in senders:
            sender.start()
        sent_until(8)
        subprocess.run(cluster["restart"], check=True, capture_output=True, timeout=60)
        recovered = time.monotonic() + 30
        while time.monotonic() < recovered and get(web_port, "/missions/")[0] != 200:
            time.sleep(0.2)
        sent_until(sum(status == 302 for status, _body in list(answers.values())) + 8)
        stop.set()
        for sender in senders:
            sender.join(60)
        assert apply(web_port, mission, last_session)[0] == 302, log.read_text()[-3000:]
        answers[last_email] = (302, "")
    finally:
        web.terminate()
        web.wait(20)

    statuses = {status for status, _body in answers.values()}
    failures = [body for status, body in answers.values() if status not in (302, 503)]
    assert statuses <= {302, 503}, (statuses, failures[:2], log.read_text()[-3000:])
    assert all(UNAVAILABLE in body for status, body in answers.values() if status == 503)

    url = f"postgres://postgres@127.0.0.1:{cluster['port']}/postgres"
    with psycopg.connect(url) as connection:
        applied = dict(
            connection.execute(
                "SELECT u.email, count(*) FROM engagements_application a"
                " JOIN accounts_user u ON u.id = a.volunteer_id WHERE a.mission_id = %s"
                " GROUP BY u.email",
                [mission],
            ).fetchall()
        )
        audited = connection.execute(
            "SELECT count(*) FROM audit_auditevent WHERE verb = 'application.created'"
        ).fetchone()[0]
        notified = connection.execute(
            "SELECT count(*) FROM notifications_notification n JOIN accounts_user u"
            " ON u.id = n.user_id WHERE n.kind = 'application_received'"
            " AND u.email = 'martine@example.org'"
        ).fetchone()[0]
        emailed = connection.execute(
            "SELECT count(*) FROM core_outgoingemail WHERE \"to\" = 'martine@example.org'"
        ).fetchone()[0]
    sent = {email for email, (status, _body) in answers.items() if status == 302}
    assert set(applied) >= sent  # every "sent" is there
    assert set(applied.values()) <= {1}  # none twice
    # Each application whole: as many audit entries, notifications and e-mails.
    assert audited == notified == emailed == len(applied)
