"""The README's "Deploying" section, followed on this machine by bench/deploy_check.py:
gunicorn with two workers behind the proxy's headers, PostgreSQL, Redis, a task worker and
SMTP. It needs a PostgreSQL server, so it runs in the PostgreSQL run of `make test`."""

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
def test_the_deploying_steps_give_a_site_where_login_search_and_e_mail_work():
    server = DATABASE_URL.rsplit("/", 1)[0]  # the script makes a database of its own

    result = subprocess.run(
        [sys.executable, "-m", "bench.deploy_check", "--postgres", server],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "Deployment check passed" in result.stdout
