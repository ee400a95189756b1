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

    def erase_personal_data(self, user) -> None:
        from .services import credentials_erase_for

        credentials_erase_for(user)
