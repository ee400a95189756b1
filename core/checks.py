"""Deployment checks of our own, run by `manage.py check --deploy`."""

from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def email_is_really_sent(app_configs, **kwargs):
    backend = settings.MAILERS["default"]["BACKEND"]
    if backend == "core.mailbox.MailboxBackend":
        return [
            Warning(
                "E-mails are written to the development mailbox, not sent.",
                hint="Set SMTP_HOST (and SMTP_USER, SMTP_PASSWORD) to send real e-mails.",
                id="core.W001",
            )
        ]
    return []


@register(deploy=True)
def site_url_is_https(app_configs, **kwargs):
    if not settings.SITE_URL.startswith("https://"):
        return [
            Warning(
                "SITE_URL does not start with https://: links in e-mails would be insecure.",
                hint="Set SITE_URL to the public https address of the platform.",
                id="core.W002",
            )
        ]
    return []
