"""`manage.py check --deploy` says so when the signing key is missing."""

from django.conf import settings
from django.core.checks import Error

from .keys import key_file


def signing_key_exists(app_configs, **kwargs):
    if settings.DEBUG or key_file().exists():
        return []
    return [
        Error(
            f"The credentials signing key {key_file()} does not exist.",
            hint="Run `manage.py credentials_keygen` (docs/credentials.md).",
            id="credentials.E001",
        )
    ]
