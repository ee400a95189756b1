"""A-lasso settings: one module, every knob read from the environment."""

import ipaddress
import os
import sys
import tempfile
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: str) -> bool:
    value = os.environ.get(name, default).strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off", ""):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def envint(name: str, default: str) -> int:
    value = os.environ.get(name, default)
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}") from None


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def envints(name: str, default: str) -> list[int]:
    try:
        return [int(item) for item in envlist(name, default)]
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be whole numbers separated by commas, not {os.environ[name]!r}"
        ) from None


def envnetworks(name: str, default: str) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    try:
        return [ipaddress.ip_network(item, strict=False) for item in envlist(name, default)]
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must list addresses or networks: {error}") from None


TESTING = "pytest" in sys.modules or "test" in sys.argv[1:2]
# Commands that only read or write the code (migrations, translations) sign nothing: they
# run without a key, so that `makemigrations --check` works anywhere.
KEYLESS_COMMAND = sys.argv[1:2] in (
    ["makemigrations"],
    ["makemessages"],
    ["compilemessages"],
    ["showmigrations"],
)
DEBUG = envbool("DEBUG", "false")

# A development key is fine on a laptop; production refuses to start without a real one.
_DEV_SECRET_KEY = "insecure-development-key-never-use-in-production"
_KEY_OPTIONAL = DEBUG or TESTING or KEYLESS_COMMAND
SECRET_KEY = os.environ.get("SECRET_KEY", _DEV_SECRET_KEY if _KEY_OPTIONAL else "")
if not SECRET_KEY or (SECRET_KEY == _DEV_SECRET_KEY and not _KEY_OPTIONAL):
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Set it to a long random value, e.g. "
        '`python -c "import secrets; print(secrets.token_urlsafe(50))"`, '
        "or set DEBUG=true for local development."
    )
if not _KEY_OPTIONAL and len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters long.")


def site_url(environ) -> str:
    """The address links point to: SITE_URL, or else the one `make run` serves (HOST, PORT)."""
    if environ.get("SITE_URL", "").strip():
        return environ["SITE_URL"].strip().rstrip("/")
    return f"http://{environ.get('HOST') or '127.0.0.1'}:{environ.get('PORT') or '8000'}"


SITE_URL = site_url(os.environ)
SITE_NAME = "A-lasso"
# The legal pages (home/legal.py): who publishes the site, who hosts it, whom to write to about
# personal data. The version of the terms: change it when the terms or the privacy policy
# change, and every person who accepted an older one is asked again (accounts/middleware.py).
LEGAL_PUBLISHER = os.environ.get("LEGAL_PUBLISHER", "Association A-lasso")
LEGAL_ADDRESS = os.environ.get("LEGAL_ADDRESS", "Lyon, France")
LEGAL_DIRECTOR = os.environ.get("LEGAL_DIRECTOR", "")
LEGAL_HOST = os.environ.get("LEGAL_HOST", "")
PRIVACY_EMAIL = os.environ.get("PRIVACY_EMAIL", "donnees-personnelles@a-lasso.fr")
TERMS_VERSION = "2026-12-07"
# The Ed25519 key that signs attestations: a file outside the database (docs/credentials.md).
CREDENTIALS_KEY_FILE = Path(
    os.environ.get("CREDENTIALS_KEY_FILE", BASE_DIR / "var" / "keys" / "credentials-ed25519.pem")
)
ALLOWED_HOSTS = envlist(
    "ALLOWED_HOSTS", "127.0.0.1,localhost,testserver" if DEBUG or TESTING else ""
)
CSRF_TRUSTED_ORIGINS = envlist(
    "CSRF_TRUSTED_ORIGINS", SITE_URL if SITE_URL.startswith("https") else ""
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tasks_db",
    "core",
    "audit",
    "accounts",
    "geo",
    "taxonomy",
    "organizations",
    "volunteers",
    "missions",
    "engagements",
    "messaging",
    "notifications",
    "schools",
    "challenges",
    "moderation",
    "matching",
    "completion",
    "companies",
    "credentials",
    "impact",
    "portfolio",
    "diagnosis",
    "teaching",
    "quickhelp",
    "territories",
    "home",
    "api",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.UserLanguageMiddleware",
    "accounts.middleware.TermsConsentMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.OneHistoryEntryPerAddressMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Just inside the CSP middleware: a kept page gets a fresh nonce (core/pagecache.py).
    "core.pagecache.PageCacheMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "core.middleware.VaryOnHtmxMiddleware",
    "api.middleware.ApiMiddleware",
]

ROOT_URLCONF = "alasso.urls"
WSGI_APPLICATION = "alasso.wsgi.application"

# Django's, with the common widgets written out in Python (core/renderers.py).
FORM_RENDERER = "core.renderers.FormRenderer"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
                "messaging.context_processors.unread",
            ],
        },
    },
]

# SQLite file by default (no other service), PostgreSQL in production through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"),
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", "60"),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if DATABASES["default"]["NAME"] != ":memory:":
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL and a busy timeout let the web process and the task worker share the file.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    if TESTING:
        # A file (in memory where /dev/shm exists) rather than SQLite's private in-memory
        # database: tests that start a real `db_worker` process share it with that process.
        _test_dir = Path("/dev/shm") if Path("/dev/shm").is_dir() else Path(tempfile.gettempdir())
        DATABASES["default"]["TEST"] = {
            "NAME": str(_test_dir / f"alasso-test-{os.getpid()}.sqlite3")
        }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One process: its own memory. Several (gunicorn workers): Redis, which they all share, so
# that rate limits and the kept suggestion lists hold for the whole site.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            # A Redis that hangs must not hang every page: fail fast, /healthz says why.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
            # A test run gets its own keys, so that it empties only those (conftest.py).
            "KEY_PREFIX": os.environ.get(
                "CACHE_KEY_PREFIX", f"test-{os.getpid()}" if TESTING else ""
            ),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Public pages kept whole for anonymous visitors (core/pagecache.py): these views only, at
# most this long (any write forgets them all at once before that). 0 turns it off.
PAGE_CACHE_SECONDS = envint("PAGE_CACHE_SECONDS", "300")
PAGE_CACHE_VIEWS = frozenset(
    {
        "core:home",
        "missions:list",
        "missions:detail",
        "organizations:detail",
        "portfolio:detail",
        "credentials:verify",
        "quickhelp:answer",
    }
)
# Writes that change no public page do not forget the kept pages: these models, and saves
# of these fields alone (a login).
PAGE_CACHE_IGNORED_MODELS = frozenset(
    {"sessions.session", "audit.auditevent", "migrations.migration"}
)
PAGE_CACHE_IGNORED_FIELDS = frozenset({"last_login"})

CSRF_FAILURE_VIEW = "core.views.csrf_failure"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["accounts.backends.EmailBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Argon2id first: on this project's machine it checks a password in about 55 % of the
# time PBKDF2 takes, and is harder to attack (memory-hard; bench/hashers.py, bench/README.md).
# The others stay so that older hashes still log in, and are upgraded to Argon2 when they do.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
if TESTING:
    PRODUCTION_PASSWORD_HASHERS = PASSWORD_HASHERS
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Links sent by e-mail stay valid this long.
MAGIC_LINK_MAX_AGE = envint("MAGIC_LINK_MAX_AGE", str(15 * 60))
EMAIL_VERIFICATION_MAX_AGE = envint("EMAIL_VERIFICATION_MAX_AGE", str(7 * 24 * 3600))
PASSWORD_RESET_TIMEOUT = envint("PASSWORD_RESET_TIMEOUT", str(2 * 3600))

# Long lists (the mission search) count their rows up to this many, then say « plus de … »
# (core/paginator.py): counting every match of a broad search costs as much as reading them.
EXACT_COUNT_UP_TO = 1000

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns when it is missing
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
# Message attachments and deliverables: outside MEDIA_ROOT, so that whatever serves /media/
# never serves them; only the views that check who is asking do (messaging.models).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", MEDIA_ROOT.parent / "private-media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Static files: collectstatic writes a gzip and a Brotli copy of each file beside it
# (CompressedManifestStaticFilesStorage) and whitenoise sends the smallest the browser
# accepts. Files whose name carries their hash (every {% static %} link in production) are
# cached a year and marked immutable; the few others an hour. Pages are compressed by the
# web server in front (README), not by Django.
WHITENOISE_MAX_AGE = 0 if DEBUG else 3600

# E-mail: SMTP when SMTP_HOST is set, otherwise a development mailbox (one .eml file per
# message under var/mailbox/, readable at /dev/mailbox/ when DEBUG is on).
# Optional error reporting (Sentry or a compatible service such as GlitchTip): off unless
# SENTRY_DSN is set. No personal data is sent (no user, no cookies, no form contents).
SENTRY_DSN = os.environ.get("SENTRY_DSN", "").strip()
if SENTRY_DSN and not TESTING:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=0,
    )

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "A-lasso <ne-pas-repondre@a-lasso.fr>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
MAILBOX_DIR = Path(os.environ.get("MAILBOX_DIR", BASE_DIR / "var" / "mailbox"))
if os.environ.get("SMTP_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ["SMTP_HOST"],
                "port": envint("SMTP_PORT", "587"),
                "username": os.environ.get("SMTP_USER", ""),
                "password": os.environ.get("SMTP_PASSWORD", ""),
                "use_tls": envbool("SMTP_USE_TLS", "true"),
                "timeout": 20,
            },
        }
    }
else:
    MAILERS = {
        "default": {
            "BACKEND": "core.mailbox.MailboxBackend",
            "OPTIONS": {"directory": str(MAILBOX_DIR)},
        }
    }

# Background tasks: stored in the database and run by `manage.py db_worker`.
# TASKS_BACKEND=immediate runs them inside the request instead (small installs, tests).
TASKS = {
    "default": {
        "BACKEND": (
            "django.tasks.backends.immediate.ImmediateBackend"
            if os.environ.get("TASKS_BACKEND", "database") == "immediate"
            else "django_tasks_db.DatabaseBackend"
        )
    }
}
# An e-mail the mail server refused is tried again after each of these delays (seconds):
# 1 min, 5 min, 15 min, 1 h, 3 h, 6 h, 12 h — about 22 hours — then shown to staff as failed.
EMAIL_RETRY_DELAYS = envints("EMAIL_RETRY_DELAYS", "60,300,900,3600,10800,21600,43200")
# An e-mail still being sent after this long (its worker died) is queued again (seconds).
EMAIL_SENDING_TIMEOUT = envint("EMAIL_SENDING_TIMEOUT", str(10 * 60))
# A task still running after this long lost its worker: `manage.py cron` marks it failed.
TASK_RUNNING_TIMEOUT = envint("TASK_RUNNING_TIMEOUT", str(60 * 60))
# Finished tasks, and e-mails sent or given up, are deleted after this many days.
TASK_RETENTION_DAYS = envint("TASK_RETENTION_DAYS", "30")

# Security. Behind a TLS-terminating proxy set SECURE_PROXY_SSL_HEADER via BEHIND_PROXY.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 24 * 30
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# BEHIND_PROXY: the site is reached only through a proxy that terminates TLS and appends the
# visitor's address to X-Forwarded-For. Then X-Forwarded-Proto says whether the visitor used
# HTTPS, and the rate limits take the visitor's address from the rightmost hop of
# X-Forwarded-For that is not one of TRUSTED_PROXIES (core.ratelimit.client_ip).
BEHIND_PROXY = envbool("BEHIND_PROXY", "false")
TRUSTED_PROXIES = envnetworks(
    "TRUSTED_PROXIES", "127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7"
)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if not (DEBUG or TESTING):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "true")
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz/?$"]

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "core.logging.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if os.environ.get("LOG_FORMAT") == "json" else "plain",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # WeasyPrint tells every step of every PDF at INFO: only its problems matter.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
