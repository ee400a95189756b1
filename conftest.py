"""Test fixtures shared by every app: the named cast, e-mail helpers, fast settings."""

import re

import pytest
from django.core import mail

from accounts.tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _fast_and_offline(settings, tmp_path):
    # Tasks run inside the request, so e-mails land in mail.outbox at once (after commit).
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MAILBOX_DIR = tmp_path / "mailbox"
    settings.SITE_URL = "http://testserver"


@pytest.fixture(autouse=True)
def _empty_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what a view queued for after the commit (e-mails), as production would."""

    def run(func, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return func(*args, **kwargs)

    return run


def links_in(message) -> list[str]:
    return re.findall(r"https?://[^\s<>\"]+", message.body)


@pytest.fixture
def last_link():
    def find(to: str | None = None) -> str:
        for message in reversed(mail.outbox):
            if to is None or to in message.to:
                return links_in(message)[0]
        raise AssertionError(f"no e-mail to {to}")

    return find


# The cast, like healthchecks' alice/bob/charlie; later apps give them memberships.
@pytest.fixture
def martine(db):
    """A retired volunteer who runs an association."""
    return UserFactory(
        full_name="Martine Lefèvre", email="martine@example.org", intent="association"
    )


@pytest.fixture
def lea(db):
    """A graphic-design student."""
    return UserFactory(full_name="Léa Martin", email="lea@example.org", intent="volunteer")


@pytest.fixture
def staff(db):
    return UserFactory(full_name="Nadia Morel", email="nadia@example.org", is_staff=True)
