"""docs/deploy.md on this machine: the production as several processes, then a short load.

    uv run --frozen python -m bench.deploy_multi [--postgres URL] [--redis URL] [--seconds N]

Like bench/deploy_check.py (the README's steps, the production dependencies only, a database
of its own, a mail sink it runs itself), but as docs/deploy.md lays the processes out: TWO
gunicorn processes (two workers each) behind a real nginx from Debian (TLS with a throwaway
certificate, a non-daemon child with its configuration in a temporary folder, on free
ports), TWO task workers, and `manage.py cron` once. Visitors come from addresses of their
own (127.0.0.x) so that nginx, not the client, writes X-Forwarded-For.

It checks that the two web processes share sessions (logged in on one, the session used on
the other, each gunicorn addressed directly), the cache and the rate limits (a guesser's
attempts spread over both processes are stopped; the owner from elsewhere gets in), then
sends a short load through nginx — logins, searches, applications, login links by e-mail —
and SIGKILLs a gunicorn worker in the middle of it: the pages keep answering, the master
starts a new worker, and every e-mail the answers promised arrives exactly once (no task
lost, none done twice; no half-made application). It stops everything, drops its database,
deletes its Redis keys and exits 0 only when every check passed.
"""

import argparse
import contextlib
import http.client
import json
import os
import re
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from http.cookies import SimpleCookie
from pathlib import Path

import psycopg
import redis

from bench.deploy_check import (
    EMAIL,
    HOST,
    PASSWORD,
    SEED,
    SITE_URL,
    Deployment,
    Failed,
    MailSink,
    expect,
    free_port,
)

GUESSER = "127.0.0.7"
OWNER = "127.0.0.9"
VOLUNTEERS = 6
VOLUNTEER_PASSWORD = "un mot de passe de bénévole"
MISSION = "Un logo pour les jardins partagés"

SEED_VOLUNTEERS = """
from volunteers.models import VolunteerProfile
for number in range(%(count)d):
    volunteer = User.objects.create_user(
        f"benevole{number}@example.org", %(password)r, full_name=f"Bénévole {number}",
        email_verified_at=timezone.now(),
    )
    VolunteerProfile.objects.create(user=volunteer, hours_per_week=4, bio="Graphiste.")
print("mission", mission.pk)
"""

NGINX = """
daemon off;
master_process on;
worker_processes 1;
pid %(dir)s/nginx.pid;
error_log %(dir)s/error.log warn;
%(user)s
events { worker_connections 256; }
http {
    access_log %(dir)s/access.log;
    client_body_temp_path %(dir)s/body;
    proxy_temp_path %(dir)s/proxy;
    fastcgi_temp_path %(dir)s/fastcgi;
    uwsgi_temp_path %(dir)s/uwsgi;
    scgi_temp_path %(dir)s/scgi;
    # The two gunicorn processes, in turn; a request that finds one dead goes to the other
    # when it is safe to repeat (GET, HEAD).
    upstream alasso {
        server 127.0.0.1:%(web1)d max_fails=0;
        server 127.0.0.1:%(web2)d max_fails=0;
    }
    proxy_next_upstream error timeout http_502;
    server {
        listen 127.0.0.1:%(http)d;
        server_name %(host)s;
        location / {
            proxy_pass http://alasso;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
        }
    }
    server {
        listen 127.0.0.1:%(https)d ssl;
        server_name %(host)s;
        ssl_certificate %(dir)s/cert.pem;
        ssl_certificate_key %(dir)s/key.pem;
        client_max_body_size 20m;
        location / {
            proxy_pass http://alasso;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
        }
    }
}
"""


# --- A browser ----------------------------------------------------------------------------
class Browser:
    """A visitor: through nginx (HTTPS, from `address`) or, as nginx would, straight to one
    gunicorn (from 127.0.0.1 with the proxy's headers)."""

    _tls = ssl.create_default_context()
    _tls.check_hostname = False
    _tls.verify_mode = ssl.CERT_NONE

    def __init__(self, address: str):
        self.address = address
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, *, port: int, via: str, data: dict | None = None):
        headers = {"Host": HOST}
        if via == "gunicorn":
            headers |= {"X-Forwarded-Proto": "https", "X-Forwarded-For": self.address}
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        elif via == "https":
            connection = http.client.HTTPSConnection(
                "127.0.0.1", port, timeout=60, context=self._tls, source_address=(self.address, 0)
            )
        else:  # plain HTTP to nginx
            connection = http.client.HTTPConnection(
                "127.0.0.1", port, timeout=60, source_address=(self.address, 0)
            )
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

    def get(self, path: str, **where):
        return self.request("GET", path, **where)

    def post(self, path: str, data: dict, **where):
        if "csrftoken" not in self.cookies:
            self.get(path, **where)
        return self.request("POST", path, data=data, **where)


# --- The processes ------------------------------------------------------------------------
class Production(Deployment):
    def __init__(self, args, workdir: Path, sink_port: int):
        super().__init__(args, workdir, sink_port)
        self.database = f"alasso_deploy_multi_{os.getpid()}"
        self.prefix = f"deploy-multi-{os.getpid()}"
        self.web = (free_port(), free_port())
        self.http, self.https = free_port(), free_port()
        self.env |= {
            "DATABASE_URL": f"{self.postgres}/{self.database}",
            "CACHE_KEY_PREFIX": self.prefix,
            # Only nginx, on 127.0.0.1, is a proxy: the visitors' 127.0.0.x are visitors.
            "TRUSTED_PROXIES": "127.0.0.1/32",
        }

    def gunicorn_pids(self, number: int) -> tuple[int, list[int]]:
        master = int((self.workdir / f"gunicorn{number}.pid").read_text())
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        return master, sorted(int(pid) for pid in children)

    def nginx_config(self) -> Path:
        folder = self.workdir / "nginx"
        folder.mkdir()
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
             "-subj", f"/CN={HOST}", "-keyout", folder / "key.pem", "-out", folder / "cert.pem"],
            check=True, capture_output=True,
        )  # fmt: skip
        config = folder / "nginx.conf"
        config.write_text(
            NGINX
            % {
                "dir": folder,
                "user": "user root;" if os.geteuid() == 0 else "",
                "web1": self.web[0],
                "web2": self.web[1],
                "http": self.http,
                "https": self.https,
                "host": HOST,
            }
        )
        return config


def nginx_program() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else "")
    if not found:
        raise Failed("nginx is not installed: apt-get install nginx-light (make test-deps)")
    return found


def deploy(production: Production) -> int:
    print("Deploying as docs/deploy.md lays it out:", flush=True)
    nginx = nginx_program()
    uv = shutil.which("uv") or "uv"
    manage = (uv, "run", "python", "manage.py")
    production.run(uv, "sync", "--frozen", "--no-dev", name="sync")
    production.create_database()
    production.run(*manage, "migrate", name="migrate")
    production.run(*manage, "collectstatic", "--no-input", name="collectstatic")
    production.run(*manage, "compilemessages", "--ignore=.venv", name="compilemessages")
    production.run(*manage, "credentials_keygen", name="credentials_keygen")
    production.run(*manage, "check", "--deploy", "--fail-level", "WARNING", name="check")
    seed = SEED % {"email": EMAIL, "password": PASSWORD} + SEED_VOLUNTEERS % {
        "count": VOLUNTEERS,
        "password": VOLUNTEER_PASSWORD,
    }
    output = production.run(*manage, "shell", "-c", seed, name="seed")
    mission = int(re.search(r"mission (\d+)", output).group(1))
    for number, port in enumerate(production.web, start=1):
        production.start(
            uv, "run", "gunicorn", "alasso.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}",
            "--pid", str(production.workdir / f"gunicorn{number}.pid"), name=f"gunicorn{number}",
        )  # fmt: skip
    for number in (1, 2):
        production.start(*manage, "db_worker", "--interval", "0.5", name=f"db_worker{number}")
    config = production.nginx_config()
    production.start(nginx, "-p", str(config.parent), "-c", str(config), "-e",
                     str(config.parent / "error.log"), name="nginx")  # fmt: skip
    return mission


def wait_until_up(production: Production, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    waiting = {("gunicorn", port) for port in production.web} | {("https", production.https)}
    while waiting:
        for via, port in sorted(waiting):
            with contextlib.suppress(OSError, http.client.HTTPException):
                if Browser("127.0.0.1").get("/healthz", port=port, via=via)[0] == 200:
                    waiting.discard((via, port))
        if time.monotonic() > deadline:
            raise Failed(f"not answering after {timeout:.0f} s: {sorted(waiting)}")
        time.sleep(0.3)
    for number in (1, 2):
        deadline = time.monotonic() + timeout
        while len(production.gunicorn_pids(number)[1]) < 2:
            if time.monotonic() > deadline:
                raise Failed(f"gunicorn {number} has not started its two workers")
            time.sleep(0.2)


def database(production: Production):
    return psycopg.connect(f"{production.postgres}/{production.database}", autocommit=True)


def login(browser: Browser, email: str, password: str, **where) -> tuple[int, str]:
    status, _headers, text = browser.post(
        "/account/login/", {"email": email, "password": password}, **where
    )
    return status, text


# --- The checks ---------------------------------------------------------------------------
def check_processes_share(production: Production, sink: MailSink) -> None:
    print("Two web processes behind nginx:", flush=True)
    one, two = production.web
    proxy = {"port": production.https, "via": "https"}

    status, _headers, text = Browser(OWNER).get("/healthz", **proxy)
    expect(status == 200 and json.loads(text) == {"status": "ok"}, "/healthz through nginx")

    status, headers, _text = Browser(OWNER).get("/", port=production.http, via="http")
    expect(
        status == 301 and headers["Location"].startswith("https://"),
        "a visitor on plain HTTP is sent to HTTPS (nginx says which scheme came in)",
    )

    # Sessions: logged in on gunicorn 1, the same cookie on gunicorn 2 (and back).
    owner = Browser(OWNER)
    status, text = login(owner, EMAIL, PASSWORD, port=one, via="gunicorn")
    expect(status == 302 and "sessionid" in owner.cookies, "the owner logs in on gunicorn 1", text)
    status, _headers, text = owner.get("/account/", port=two, via="gunicorn")
    expect(status == 200 and EMAIL in text, "her session is known to gunicorn 2", f"{status}")
    owner.post("/account/logout/", {}, port=two, via="gunicorn")
    status, headers, text = owner.get("/account/", port=one, via="gunicorn")
    expect(
        status == 302 and "/account/login/" in headers.get("Location", ""),
        "logged out on gunicorn 2, she is logged out on gunicorn 1 too",
        f"{status} {text}",
    )

    # The cache and the rate limits: the guesser's counter, written by one process, is read
    # by the other; then through nginx, which deals the requests to both in turn.
    guesser = Browser(GUESSER)
    for attempt in range(10):
        where = {"port": production.web[attempt % 2], "via": "gunicorn"}
        login(guesser, EMAIL, "pas le bon", **where)
    refusals = [login(guesser, EMAIL, PASSWORD, port=port, via="gunicorn") for port in (one, two)]
    expect(
        all(status == 429 and "ce compte est protégé" in text for status, text in refusals),
        "ten wrong passwords, five on each process: both processes refuse the guesser",
        repr([(status, text[-500:]) for status, text in refusals]),
    )
    status, text = login(guesser, EMAIL, PASSWORD, **proxy)
    expect(status == 429, "and so does nginx, whichever process it picks", f"{status} {text}")
    client = redis.Redis.from_url(production.redis_url)
    keys = sum(1 for _ in client.scan_iter(match=f"{production.prefix}:*", count=1000))
    client.close()
    expect(keys > 0, f"the shared cache is Redis ({keys} keys under this run's prefix)")

    status, text = login(Browser(OWNER), EMAIL, PASSWORD, **proxy)
    expect(status == 302, "the owner, from elsewhere, still gets in through nginx", text)

    status, _headers, text = Browser(OWNER).get("/missions/?q=jardins", **proxy)
    expect(status == 200 and MISSION in text, "a search through nginx finds the mission", text)

    reader = Browser("127.0.0.44")
    status, _headers, text = reader.post("/account/login/link/", {"email": EMAIL}, **proxy)
    expect(status == 200, "a login link is asked for", f"{status} {text}")
    message = sink.wait_for(EMAIL, timeout=60)
    body = message.get_body(preferencelist=("plain",)).get_content()
    links = re.findall(re.escape(SITE_URL) + r"(/account/login/link/[^\s<>\"]+)", body)
    expect(bool(links), "the login link arrives by e-mail through SMTP", body)
    reader.get(links[0], port=one, via="gunicorn")
    status, _headers, _text = reader.post(links[0], {}, port=two, via="gunicorn")
    expect(status == 302 and "sessionid" in reader.cookies, "the link, used on gunicorn 2, logs in")


class Load:
    """Volunteers through nginx: log in, search, apply once, ask for a login link, then look
    around (searches, their account page) until the load ends."""

    def __init__(self, production: Production, mission: int, seconds: float):
        self.production = production
        self.mission = mission
        self.seconds = seconds
        self.answers: list[tuple[str, str, int]] = []  # (what, method, status)
        self.links_answered: Counter[str] = Counter()
        self.links_failed: Counter[str] = Counter()
        self.applied: set[str] = set()
        self.lock = threading.Lock()

    def note(self, what: str, method: str, status: int) -> None:
        with self.lock:
            self.answers.append((what, method, status))

    def volunteer(self, number: int, stop: threading.Event, done: threading.Event) -> None:
        email = f"benevole{number}@example.org"
        where = {"port": self.production.https, "via": "https"}
        browser = Browser(f"127.0.0.{20 + number}")
        for _attempt in range(3):  # as a person would, again if the page failed
            status, _text = login(browser, email, VOLUNTEER_PASSWORD, **where)
            self.note("login", "POST", status)
            if status == 302:
                break
        self.search(browser, where)
        status, headers, _text = browser.post(
            f"/missions/{self.mission}/apply/",
            {"message": "Bonjour, je suis graphiste et libre le mercredi."},
            **where,
        )
        self.note("apply", "POST", status)
        if status == 302 and "/apply" not in headers.get("Location", ""):
            with self.lock:
                self.applied.add(email)
        self.search(browser, where)
        status = Browser(browser.address).post("/account/login/link/", {"email": email}, **where)[0]
        self.note("login link", "POST", status)
        with self.lock:
            (self.links_answered if status == 200 else self.links_failed)[email] += 1
        done.set()
        while not stop.is_set():  # then looks around until the load ends
            self.search(browser, where)

    def search(self, browser: Browser, where: dict) -> None:
        self.note("search", "GET", browser.get("/missions/?q=logo", **where)[0])
        self.note("account", "GET", browser.get("/account/", **where)[0])

    def run(self, killer) -> None:
        stop = threading.Event()
        done = [threading.Event() for _ in range(VOLUNTEERS)]
        volunteers = [
            threading.Thread(target=self.volunteer, args=(number, stop, done[number]), daemon=True)
            for number in range(VOLUNTEERS)
        ]
        started = time.monotonic()
        for thread in volunteers:
            thread.start()
        time.sleep(self.seconds / 3)
        killer()
        # At least `seconds` of load, and until every volunteer has applied and asked a link.
        time.sleep(max(0.0, self.seconds - (time.monotonic() - started)))
        for event in done:
            event.wait(120)
        stop.set()
        for thread in volunteers:
            thread.join(120)


def check_load(production: Production, sink: MailSink, mission: int, seconds: float) -> None:
    print(f"A load of {VOLUNTEERS} volunteers through nginx for {seconds:.0f} s:", flush=True)
    killed: list[int] = []
    before = {number: production.gunicorn_pids(number) for number in (1, 2)}

    def kill_a_worker() -> None:
        _master, workers = production.gunicorn_pids(1)
        os.kill(workers[0], signal.SIGKILL)
        killed.append(workers[0])
        print(f"  ..  SIGKILL to gunicorn 1's worker {workers[0]} under load", flush=True)

    load = Load(production, mission, seconds)
    load.run(kill_a_worker)
    counts = Counter((what, status) for what, _method, status in load.answers)
    print(f"  ..  {len(load.answers)} answers: {dict(sorted(counts.items()))}", flush=True)
    expected = {"login": {302}, "search": {200}, "account": {200}, "apply": {302}}
    expected["login link"] = {200}
    wrong = [(w, m, s) for w, m, s in load.answers if s not in expected[w]]
    lost_gets = [answer for answer in wrong if answer[1] == "GET"]
    expect(
        not lost_gets, "every page asked for under load answered, the kill included", repr(wrong)
    )
    # A sync worker serves one request at a time: the killed one took at most one POST with it.
    expect(
        len(wrong) <= 1, "at most the one form the killed worker was serving failed", repr(wrong)
    )
    expect(len(load.applied) >= VOLUNTEERS - 1, f"{len(load.applied)} applications sent")

    deadline = time.monotonic() + 30
    while True:
        master, workers = production.gunicorn_pids(1)
        if len(workers) == 2 and not set(workers) & set(killed):
            break
        if time.monotonic() > deadline:
            raise Failed(f"gunicorn 1 has workers {workers} after the kill of {killed}")
        time.sleep(0.2)
    expect(
        master == before[1][0] and production.gunicorn_pids(2) == before[2],
        "gunicorn 1's master started a new worker; gunicorn 2 was untouched",
    )
    status = Browser("127.0.0.1").get("/healthz", port=production.web[0], via="gunicorn")[0]
    expect(status == 200, "gunicorn 1 answers again by itself")

    wait_for_the_workers(production)
    with database(production) as connection:
        applications = connection.execute(
            "SELECT u.email, count(*) FROM engagements_application a"
            " JOIN accounts_user u ON u.id = a.volunteer_id GROUP BY u.email"
        ).fetchall()
        logged = connection.execute(
            "SELECT count(*) FROM audit_auditevent WHERE verb = 'application.created'"
        ).fetchone()[0]
        notified = connection.execute(
            "SELECT count(*) FROM notifications_notification WHERE kind = 'application_received'"
        ).fetchone()[0]
        sent = Counter(
            dict(
                connection.execute(
                    "SELECT \"to\", count(*) FROM core_outgoingemail WHERE status = 'sent'"
                    ' GROUP BY "to"'
                ).fetchall()
            )
        )
        unsent = connection.execute(
            "SELECT count(*) FROM core_outgoingemail WHERE status <> 'sent'"
        ).fetchone()[0]
        workers = connection.execute(
            "SELECT count(DISTINCT w) FROM django_tasks_database_dbtaskresult,"
            " jsonb_array_elements_text(worker_ids::jsonb) w"
        ).fetchone()[0]
    made = dict(applications)
    expect(
        set(made) >= load.applied and all(count == 1 for count in made.values()),
        f"{len(made)} applications, one per volunteer whose form was answered",
        repr(made),
    )
    expect(
        logged == notified == len(made),
        "each application whole: its audit entry and its notification, none without the other",
        f"{logged} audit entries, {notified} notifications, {len(made)} applications",
    )
    received = Counter(str(message["To"]) for message in sink.messages)
    expect(
        received == sent and unsent == 0,
        f"{sum(received.values())} e-mails: each one the database sent arrived once, none left",
        f"received {dict(received)}, sent {dict(sent)}, {unsent} unsent",
    )
    for email, answered in load.links_answered.items():
        # The first e-mail of this phase to each volunteer: 'received' counts them all.
        extra = load.links_failed[email]
        expect(
            answered <= received[email] <= answered + extra,
            f"{email}: {received[email]} login link(s) for {answered} answered request(s)",
        )
    expect(
        received[EMAIL] >= len(made) + 1,
        f"the association heard of each application by e-mail ({received[EMAIL] - 1})",
    )
    print(f"  ..  tasks done by {workers} task worker(s)", flush=True)


def wait_for_the_workers(production: Production, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    with database(production) as connection:
        while True:
            left = connection.execute(
                "SELECT count(*) FROM django_tasks_database_dbtaskresult"
                " WHERE status IN ('READY', 'RUNNING')"
            ).fetchone()[0]
            if left == 0:
                break
            if time.monotonic() > deadline:
                raise Failed(f"{left} tasks still waiting after {timeout:.0f} s")
            time.sleep(0.3)
        failed = connection.execute(
            "SELECT task_path, exception_class_path FROM django_tasks_database_dbtaskresult"
            " WHERE status <> 'SUCCESSFUL'"
        ).fetchall()
    expect(not failed, "every task done by the task workers, none failed", repr(failed))


def check_cron(production: Production) -> None:
    print("The cron, once:", flush=True)
    uv = shutil.which("uv") or "uv"
    production.run(uv, "run", "python", "manage.py", "cron", name="cron")
    wait_for_the_workers(production)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--postgres",
        default="postgres://postgres@127.0.0.1:5432",
        help="PostgreSQL server, without a database name (default: %(default)s)",
    )
    parser.add_argument(
        "--redis",
        default="redis://127.0.0.1:6379/13",
        help="Redis for the cache; only this run's own keys are written (default: %(default)s)",
    )
    parser.add_argument("--seconds", type=float, default=8, help="the load's length")
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="alasso-deploy-multi-") as tmp, MailSink() as sink:
        production = Production(args, Path(tmp), sink.port)
        try:
            mission = deploy(production)
            wait_until_up(production)
            check_processes_share(production, sink)
            check_load(production, sink, mission, args.seconds)
            check_cron(production)
        except Failed as failure:
            print(f"FAILED: {failure}", file=sys.stderr)
            production.show_logs()
            return 1
        finally:
            production.stop()
    print(f"Multi-process deployment check passed in {time.monotonic() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
