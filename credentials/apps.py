from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CredentialsConfig(AppConfig):
    name = "credentials"
    verbose_name = _("Attestations")

    def ready(self) -> None:
        from django.core.checks import Tags, register
        from pyld import jsonld

        from . import checks, receivers
        from .jsonld import document_loader

        register(checks.signing_key_exists, Tags.security, deploy=True)

        # No JSON-LD processing anywhere in the process may fetch a document from the
        # network: the bundled contexts are the only ones known.
        jsonld.set_document_loader(document_loader)
        receivers.connect()

    def personal_data(self, user) -> list[dict]:
        from .selectors import credentials_of

        return [
            {
                "public_id": credential.public_id,
                "issued_at": credential.issued_at.isoformat(),
                "revoked_at": credential.revoked_at and credential.revoked_at.isoformat(),
                "revocation_reason": credential.revocation_reason,
                "credential": credential.document,
            }
            for credential in credentials_of(user)
        ]

    def personal_files(self, user) -> list[tuple[str, object]]:
        """Each attestation as its signed JSON file and, when it has one, its PDF: the
        same bytes as the verification page serves."""
        import json

        from .pdf import mentions_for, render_attestation
        from .selectors import credentials_of

        files: list[tuple[str, object]] = []
        for credential in credentials_of(user):
            if credential.is_erased:
                continue
            name = f"attestations/{credential.public_id}"
            signed = json.dumps(credential.document, ensure_ascii=False, indent=2, sort_keys=True)
            files.append((f"{name}.json", (signed + "\n").encode()))
            if not credential.is_badge:
                language = "en" if user.language == "en" else "fr"
                mentions = mentions_for(credential, language=language)
                pdf = render_attestation(credential, language=language, mentions=mentions)
                files.append((f"{name}.pdf", pdf))
        return files

    def erase_personal_data(self, user) -> None:
        from .services import credentials_erase_for

        credentials_erase_for(user)
