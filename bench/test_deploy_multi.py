"""docs/deploy.md followed on this machine by bench/deploy_multi.py: two gunicorn processes
behind nginx, two task workers, the cron, PostgreSQL, Redis and SMTP; sessions, the cache
and the rate limits shared by both processes; a short load through nginx during which a
gunicorn worker is killed (SIGKILL), no page left unanswered and no e-mail lost or sent
twice. It also covers what bench/deploy_check.py checks (the README's steps, HTTPS behind
the proxy, a login, a search, a login link by e-mail). It needs a PostgreSQL server, so it
runs in the PostgreSQL run of `make test`."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

DATABASE_URL = os.environ.get("DATABASE_URL", "")
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.every_database
@pytest.mark.skipif(
    not DATABASE_URL.startswith(("postgres://", "postgresql://")),
    reason="runs in the PostgreSQL run (DATABASE_URL=postgres://…)",
)
def test_two_web_processes_behind_nginx_share_sessions_cache_and_limits_and_survive_a_kill():
    server = DATABASE_URL.rsplit("/", 1)[0]  # the script makes a database of its own

    result = subprocess.run(
        [sys.executable, "-m", "bench.deploy_multi", "--postgres", server],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "Multi-process deployment check passed" in result.stdout
    for check in (
        "her session is known to gunicorn 2",
        "both processes refuse the guesser",
        "gunicorn 1's master started a new worker",
        "each one the database sent arrived once",
        "uv run python manage.py cron",
    ):
        assert check in result.stdout
