"""The printable attestation: HTML rendered to PDF by WeasyPrint, with a QR code to its page."""

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from . import facts as engagement_facts
from .document import verification_url
from .keys import platform_did
from .mentions import Mention
from .models import Credential
from .signals import attestation_mentions


def qr_data_uri(url: str) -> str:
    # Error correction "M" survives a crease or a stain on paper; vector, so sharp in print.
    return segno.make(url, error="m").svg_data_uri(scale=4, border=4)


def mentions_for(credential: Credential, *, language: str) -> list[Mention]:
    """What the apps above add to the printed attestation, in `language`."""
    with translation.override(language):
        return [
            mention
            for _receiver, answer in attestation_mentions.send(
                sender=Credential, credential=credential
            )
            for mention in answer or []
        ]


def render_attestation(
    credential: Credential, *, language: str, mentions: list[Mention] | None = None
) -> bytes:
    url = verification_url(credential.public_id)
    if mentions is None:
        mentions = mentions_for(credential, language=language)
    with translation.override(language):
        html = render_to_string(
            "credentials/attestation.html",
            {
                "credential": credential,
                "facts": engagement_facts.read(
                    credential.document, company_name=credential.company_name
                ),
                "verification_url": url,
                "qr_code": qr_data_uri(url),
                "issuer_did": platform_did(),
                "site_name": settings.SITE_NAME,
                "language": language,
                "mentions": mentions,
            },
        )
    # The page embeds all it needs (the QR code is a data: URI): it never fetches a thing.
    fetcher = URLFetcher(allowed_protocols={"data"})
    return HTML(string=html, url_fetcher=fetcher).write_pdf()
