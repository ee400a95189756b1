"""Settings of the benchmark runs: production settings, on the benchmark's own database.

`BENCH_DATABASE_URL` names that database (a SQLite file under var/bench/ by default, never
the development one); the bare view of bench/urls.py is added beside the site's pages.
"""

import os

import dj_database_url

# A production-like run: no DEBUG (so no query log, no debug toolbar of any kind), hence a
# real-looking secret key, which benchmarks never leak.
os.environ["DEBUG"] = "false"
os.environ.setdefault("SECRET_KEY", "bench-" + "k" * 60)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

from alasso.settings import *  # noqa: E402, F403
from alasso.settings import BASE_DIR  # noqa: E402

BENCH_DIR = BASE_DIR / "var" / "bench"
BENCH_DIR.mkdir(parents=True, exist_ok=True)
BENCH_DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", f"sqlite:///{BENCH_DIR / 'bench.sqlite3'}"
)

DATABASES = {"default": dj_database_url.parse(BENCH_DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The same options as the site's own SQLite database (alasso/settings.py).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# The benchmark's own signing key (the demo data issues credentials), made by the run.
CREDENTIALS_KEY_FILE = BENCH_DIR / "credentials-ed25519.pem"

ROOT_URLCONF = "bench.urls"
# Plain HTTP on 127.0.0.1: nothing to redirect to HTTPS, cookies travel without TLS.
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# The manifest of collected static files is not needed to measure pages.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# E-mails (the weekly digest) are built but go nowhere; tasks run where they are queued.
MAILERS = {"default": {"BACKEND": "bench.mail.NullBackend"}}
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    # Each task the demo runs says so at INFO: thousands of lines, none of them news.
    "loggers": {"django.tasks": {"level": "WARNING"}, "django_tasks": {"level": "WARNING"}},
}
