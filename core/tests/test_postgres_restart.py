"""Fault (a): PostgreSQL restarts while the site is under load. The pages answer 503 with
the « momentanément indisponible » page during the outage, then recover by themselves.

Never the machine's shared server: a private throwaway cluster in a temporary folder, on a
free port, served by gunicorn. Skipped (loudly) only where the PostgreSQL server programs
are not installed."""

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import warnings
from pathlib import Path

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


@pytest.fixture
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


def test_the_site_answers_503_while_postgresql_restarts_and_recovers_by_itself(cluster, tmp_path):
    web_port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{cluster['port']}/postgres",
        "DEBUG": "false",
        "SECRET_KEY": "a-test-key-for-the-restart-test-" + "x" * 30,
        "ALLOWED_HOSTS": "127.0.0.1",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
        "TASKS_BACKEND": "immediate",
    }
    env.pop("REDIS_URL", None)
    log = tmp_path / "web.log"
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v", "0"],
        cwd=settings.BASE_DIR, env=env, check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    web = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "core.tests.restart_wsgi", "--workers", "2",
         "--threads", "2", "--bind", f"127.0.0.1:{web_port}"],
        cwd=settings.BASE_DIR, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
    )  # fmt: skip
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
