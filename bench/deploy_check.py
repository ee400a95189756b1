"""Follow the README's "Deploying" section on this machine, then use the site as a visitor.

    uv run --frozen python -m bench.deploy_check [--postgres URL] [--redis URL]

It installs the production dependencies only (`uv sync --frozen --no-dev`, in a virtual
environment of its own), creates a PostgreSQL database, runs the README's commands with
its environment (no DEBUG; SMTP to a small mail sink it runs itself; BEHIND_PROXY=true),
starts gunicorn with two workers and one task worker, and plays the proxy: every request
carries X-Forwarded-Proto and X-Forwarded-For. It checks /healthz, a login, the rate limit
across both workers (a guesser is stopped, the owner from elsewhere gets in), a search, and
a login link sent by e-mail through SMTP and used. Then it stops everything, drops the
database and deletes its cache keys. It exits 0 when every check passed.
"""

import argparse
import asyncio
import contextlib
import email
import email.policy
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from http.cookies import SimpleCookie
from pathlib import Path

import psycopg
import redis

ROOT = Path(__file__).resolve().parent.parent
HOST = "a-lasso.example.org"
SITE_URL = f"https://{HOST}"
EMAIL = "martine@example.org"
PASSWORD = "les roses du jardin partagé"
GUESSER = "203.0.113.7"
OWNER = "198.51.100.9"


class Failed(Exception):
    pass


# --- A mail sink: just enough SMTP for smtplib ---------------------------------------------
class MailSink:
    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        self._arrived = threading.Condition()
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        self._ready.wait(10)
        return self

    def __exit__(self, *exc):
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    def _run(self):
        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(asyncio.start_server(self._session, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()
        server.close()

    async def _session(self, reader, writer):
        def say(line: str):
            writer.write(line.encode() + b"\r\n")

        say("220 sink ESMTP")
        while line := await reader.readline():
            verb = line.decode(errors="replace").strip().split(" ")[0].upper()
            if verb == "EHLO":
                say("250-sink")
                say("250 8BITMIME")
            elif verb == "DATA":
                say("354 end with <CRLF>.<CRLF>")
                await writer.drain()
                lines = []
                while (data := await reader.readline()) not in (b".\r\n", b".\n", b""):
                    lines.append(data[1:] if data.startswith(b".") else data)
                message = email.message_from_bytes(b"".join(lines), policy=email.policy.default)
                with self._arrived:
                    self.messages.append(message)
                    self._arrived.notify_all()
                say("250 queued")
            elif verb == "QUIT":
                say("221 bye")
                await writer.drain()
                break
            else:  # HELO, MAIL, RCPT, RSET, NOOP
                say("250 ok")
            await writer.drain()
        writer.close()

    def wait_for(self, to: str, timeout: float) -> email.message.EmailMessage:
        deadline = time.monotonic() + timeout
        with self._arrived:
            while True:
                for message in self.messages:
                    if to in str(message["To"]):
                        return message
                if time.monotonic() > deadline:
                    raise Failed(f"no e-mail to {to} after {timeout:.0f} s")
                self._arrived.wait(0.5)


# --- A visitor behind the proxy -----------------------------------------------------------
class Visitor:
    """A browser seen through the TLS proxy: HTTPS and its address in the proxy's headers."""

    def __init__(self, port: int, address: str):
        self.port = port
        self.address = address
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, data: dict | None = None, proxied: bool = True):
        headers = {"Host": HOST}
        if proxied:
            headers |= {"X-Forwarded-Proto": "https", "X-Forwarded-For": self.address}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            data = {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **data}
            body = urllib.parse.urlencode(data)
            headers |= {
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": SITE_URL,
                "Referer": SITE_URL + path,
            }
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode(errors="replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, response.headers, text

    def get(self, path: str, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path: str, data: dict):
        if "csrftoken" not in self.cookies:
            self.get(path)
        return self.request("POST", path, data)


def expect(condition: bool, what: str, detail: str = "") -> None:
    if not condition:
        # What the page said, rather than its whole HTML.
        alerts = re.findall(r'role="alert">(.*?)</', detail, flags=re.S)
        raise Failed(f"{what}: {' '.join(alerts) or detail[:2000]}")
    print(f"  ok  {what}", flush=True)


# --- The deployment -----------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Deployment:
    def __init__(self, args, workdir: Path, sink_port: int):
        self.workdir = workdir
        self.logs = workdir / "logs"
        self.logs.mkdir()
        self.database = f"alasso_deploy_check_{os.getpid()}"
        self.postgres = args.postgres.rstrip("/")
        self.redis_url = args.redis
        self.prefix = f"deploy-check-{os.getpid()}"
        self.port = free_port()
        self.services: list[subprocess.Popen] = []
        keep = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "UV_CACHE_DIR", "UV_PYTHON")
        self.env = {k: v for k, v in os.environ.items() if k in keep} | {
            # README, Deploying, step 2: the locked production dependencies only.
            "UV_FROZEN": "1",
            "UV_NO_DEV": "1",
            "UV_PROJECT_ENVIRONMENT": str(workdir / "venv"),
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": HOST,
            "SITE_URL": SITE_URL,
            "DATABASE_URL": f"{self.postgres}/{self.database}",
            "REDIS_URL": self.redis_url,
            "CACHE_KEY_PREFIX": self.prefix,  # this check's keys only, deleted at the end
            "SMTP_HOST": "127.0.0.1",
            "SMTP_PORT": str(sink_port),
            "SMTP_USE_TLS": "false",
            "BEHIND_PROXY": "true",
            "MEDIA_ROOT": str(workdir / "media"),
            "PRIVATE_MEDIA_ROOT": str(workdir / "private-media"),
            "CREDENTIALS_KEY_FILE": str(workdir / "keys" / "credentials-ed25519.pem"),
            "LOG_LEVEL": "WARNING",
        }

    def run(self, *command: str, name: str) -> str:
        started = time.monotonic()
        with open(self.logs / f"{name}.log", "w") as log:
            result = subprocess.run(
                command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, timeout=600
            )
        output = (self.logs / f"{name}.log").read_text()
        shown = " ".join(Path(part).name if part.startswith("/") else part for part in command)
        shown = shown.split("\n")[0]  # not the seed's code
        if result.returncode != 0:
            raise Failed(f"`{shown}` exited with {result.returncode}:\n{output[-3000:]}")
        print(f"  ok  {shown} ({time.monotonic() - started:.1f} s)", flush=True)
        return output

    def start(self, *command: str, name: str) -> None:
        log = open(self.logs / f"{name}.log", "w")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        process.log = log
        self.services.append(process)

    def create_database(self) -> None:
        with psycopg.connect(f"{self.postgres}/postgres", autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{self.database}"')

    def stop(self) -> None:
        for process in self.services:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.services:
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            process.log.close()
        with psycopg.connect(f"{self.postgres}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
        client = redis.Redis.from_url(self.redis_url)
        for key in client.scan_iter(match=f"{self.prefix}:*", count=1000):
            client.delete(key)
        client.close()

    def show_logs(self) -> None:
        for log in sorted(self.logs.glob("*.log")):
            text = log.read_text()
            if text.strip():
                print(f"--- {log.name} (end)\n{text[-3000:]}", file=sys.stderr)


SEED = """
import datetime
from django.utils import timezone
from accounts.models import User
from missions.models import Licence, Mission, MissionSkill, Status
from organizations.models import Membership, Organization
from taxonomy.models import Level, Skill

martine = User.objects.create_user(
    %(email)r, %(password)r, full_name="Martine Lefèvre", email_verified_at=timezone.now()
)
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
    published_at=timezone.now(),
)
MissionSkill.objects.create(
    mission=mission, skill=Skill.objects.get(slug="logo"), min_level=Level.LEARNING
)
"""


def deploy(deployment: Deployment) -> None:
    print("Deploying as the README says:", flush=True)
    uv = shutil.which("uv") or "uv"
    manage = (uv, "run", "python", "manage.py")
    deployment.run(uv, "sync", "--frozen", "--no-dev", name="sync")
    deployment.create_database()
    deployment.run(*manage, "migrate", name="migrate")
    deployment.run(*manage, "collectstatic", "--no-input", name="collectstatic")
    deployment.run(*manage, "compilemessages", "--ignore=.venv", name="compilemessages")
    deployment.run(*manage, "credentials_keygen", name="credentials_keygen")
    deployment.run(*manage, "check", "--deploy", "--fail-level", "WARNING", name="check")
    deployment.run(*manage, "shell", "-c", SEED % {"email": EMAIL, "password": PASSWORD},
                   name="seed")  # fmt: skip
    deployment.start(
        uv, "run", "gunicorn", "alasso.wsgi", "--workers", "2",
        "--bind", f"127.0.0.1:{deployment.port}", name="gunicorn",
    )  # fmt: skip
    deployment.start(*manage, "db_worker", name="db_worker")


def wait_until_up(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError, http.client.HTTPException):
            if Visitor(port, OWNER).get("/healthz")[0] in (200, 503):
                return
        time.sleep(0.3)
    raise Failed(f"gunicorn did not answer on port {port} within {timeout:.0f} s")


def check(port: int, sink: MailSink) -> None:
    print("Using the site through the proxy:", flush=True)
    owner, guesser = Visitor(port, OWNER), Visitor(port, GUESSER)

    status, _headers, text = owner.get("/healthz")
    expect(status == 200 and json.loads(text) == {"status": "ok"}, "/healthz: database and cache")

    status, headers, _text = owner.get("/", proxied=False)
    expect(
        status == 301 and headers["Location"].startswith("https://"),
        "a request that did not come through HTTPS is sent to HTTPS",
    )

    for _ in range(10):
        guesser.post("/account/login/", {"email": EMAIL, "password": "pas le bon"})
    status, _headers, text = guesser.post("/account/login/", {"email": EMAIL, "password": PASSWORD})
    expect(
        status == 429 and "ce compte est protégé" in text,
        "ten wrong passwords, spread over both workers, protect the account from that visitor",
        f"{status} {text}",
    )

    status, headers, text = owner.post("/account/login/", {"email": EMAIL, "password": PASSWORD})
    expect(
        status == 302 and "sessionid" in owner.cookies,
        "the owner logs in from elsewhere",
        f"{status} {text}",
    )
    status, _headers, text = owner.get("/account/")
    expect(status == 200 and EMAIL in text, "the owner's account page answers", f"{status}")

    status, _headers, text = owner.get("/missions/?q=jardins")
    expect(
        status == 200 and "Un logo pour les jardins partagés" in text,
        "a search finds the mission",
        f"{status} {text}",
    )

    reader = Visitor(port, "192.0.2.44")
    status, _headers, text = reader.post("/account/login/link/", {"email": EMAIL})
    expect(status == 200, "a login link is asked for", f"{status} {text}")
    message = sink.wait_for(EMAIL, timeout=60)
    body = message.get_body(preferencelist=("plain",)).get_content()
    links = re.findall(re.escape(SITE_URL) + r"(/account/login/link/[^\s<>\"]+)", body)
    expect(bool(links), "the login link arrives by e-mail through SMTP", body)
    reader.get(links[0])
    status, headers, _text = reader.post(links[0], {})
    expect(status == 302 and "sessionid" in reader.cookies, "the link logs in", f"{status}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--postgres",
        default="postgres://postgres@127.0.0.1:5432",
        help="PostgreSQL server, without a database name (default: %(default)s)",
    )
    parser.add_argument(
        "--redis",
        default="redis://127.0.0.1:6379/0",
        help="Redis for the cache; only this check's own keys are written (default: %(default)s)",
    )
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="alasso-deploy-") as tmp, MailSink() as sink:
        deployment = Deployment(args, Path(tmp), sink.port)
        try:
            deploy(deployment)
            wait_until_up(deployment.port)
            check(deployment.port, sink)
        except Failed as failure:
            print(f"FAILED: {failure}", file=sys.stderr)
            deployment.show_logs()
            return 1
        finally:
            deployment.stop()
    print(f"Deployment check passed in {time.monotonic() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
