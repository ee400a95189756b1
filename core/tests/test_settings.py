"""Production mode: refuses a missing secret, and passes Django's deployment checklist."""

import gzip
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "SECRET_KEY": "tJ4-vQ9zLm2Rk8wXp1Yb6Nc3Hd7Fg0Se5Ua_Oi" * 2,
    "ALLOWED_HOSTS": "a-lasso.example.org",
    "SITE_URL": "https://a-lasso.example.org",
    "SMTP_HOST": "smtp.example.org",
}


def manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    # Only what production would have: no test-only switches from this process.
    dropped = ("DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL")
    clean = {k: v for k, v in os.environ.items() if k not in dropped}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "alasso.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", env={k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"})

    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_models_and_migrations_are_compared_without_a_secret_key():
    result = manage("makemigrations", "--check", "--dry-run", env={})

    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


def test_production_settings_pass_the_deployment_checklist_without_a_warning(tmp_path):
    # Production has its signing key (README, Deploying step 5): made here, not found in var/.
    from credentials.keys import generate_key_file

    generate_key_file(tmp_path / "key.pem")
    env = {**PRODUCTION, "CREDENTIALS_KEY_FILE": str(tmp_path / "key.pem")}

    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_deployment_checklist_warns_when_e_mails_would_not_leave():
    env = {k: v for k, v in PRODUCTION.items() if k != "SMTP_HOST"}

    result = manage("check", "--deploy", env=env)

    assert "core.W001" in result.stderr + result.stdout


def test_private_files_go_where_private_media_root_says(tmp_path):
    private = tmp_path / "fichiers-privés"
    code = "from messaging.models import private_storage; print(private_storage.location)"

    result = manage(
        "shell",
        "--no-imports",
        "-c",
        code,
        env={
            "DEBUG": "true",
            "MEDIA_ROOT": str(tmp_path / "media"),
            "PRIVATE_MEDIA_ROOT": str(private),
        },
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(private)


def test_private_files_stay_beside_the_public_ones_by_default(tmp_path):
    code = "from messaging.models import private_storage; print(private_storage.location)"

    result = manage(
        "shell",
        "--no-imports",
        "-c",
        code,
        env={"DEBUG": "true", "MEDIA_ROOT": str(tmp_path / "media")},
    )

    assert result.stdout.strip() == str(tmp_path / "private-media")


class _Collector(http.server.BaseHTTPRequestHandler):
    received: list[bytes] = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        encoding = self.headers.get("Content-Encoding")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "br":
            import brotli  # the SDK compresses this way when brotli is installed (WeasyPrint)

            body = brotli.decompress(body)
        self.received.append(body)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_errors_are_reported_when_sentry_dsn_is_set(tmp_path):
    # A stand-in for the error service on a free port; the request fails for real (its
    # database is empty: no tables) inside a separate process.
    server = http.server.HTTPServer(("127.0.0.1", 0), _Collector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    code = (
        "import sentry_sdk\n"
        "from django.conf import settings\n"
        "from django.test import Client\n"
        "client = Client(raise_request_exception=False)\n"
        "client.cookies[settings.SESSION_COOKIE_NAME] = 'x' * 32\n"
        "print(client.get('/missions/', secure=True).status_code)\n"
        "sentry_sdk.flush(timeout=10)\n"
    )
    try:
        result = manage(
            "shell",
            "--no-imports",
            "-c",
            code,
            env={
                "DEBUG": "true",
                "DATABASE_URL": f"sqlite:///{tmp_path}/empty.sqlite3",
                "SENTRY_DSN": f"http://public@127.0.0.1:{server.server_port}/1",
            },
        )
    finally:
        server.shutdown()
        server.server_close()

    assert result.returncode == 0, result.stderr
    assert any(b"OperationalError" in body for body in _Collector.received)


def test_nothing_is_reported_without_sentry_dsn():
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "import sentry_sdk; print(sentry_sdk.get_client().is_active())",
        env={"DEBUG": "true"},
    )

    assert result.stdout.strip() == "False"


# --- SITE_URL: links point at the server that sent them ----------------------------------
def test_site_url_is_the_address_served_unless_set():
    from alasso.settings import site_url

    assert site_url({}) == "http://127.0.0.1:8000"
    assert site_url({"HOST": "0.0.0.0", "PORT": "8123"}) == "http://0.0.0.0:8123"
    assert site_url({"PORT": "8123", "SITE_URL": "https://a-lasso.fr/"}) == "https://a-lasso.fr"


def test_make_run_on_another_port_points_links_at_that_port():
    clean = {k: v for k, v in os.environ.items() if k != "SITE_URL"}

    def dry_run(env: dict) -> str:
        result = subprocess.run(
            ["make", "-n", "run", "PORT=8123"],
            cwd=ROOT,
            env={**clean, **env},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert "Links in e-mails and attestations: http://127.0.0.1:8123/" in dry_run({})
    chosen = dry_run({"SITE_URL": "https://a-lasso.example.org"})
    assert "Links in e-mails and attestations: https://a-lasso.example.org/" in chosen
