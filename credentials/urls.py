from django.urls import path, register_converter

from . import views
from .models import PUBLIC_ID_ALPHABET, PUBLIC_ID_LENGTH


class PublicIdConverter:
    # Exact, so that "<id>.json" and "<id>/" never swallow one another.
    regex = f"[{PUBLIC_ID_ALPHABET}]{{{PUBLIC_ID_LENGTH}}}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(PublicIdConverter, "credential_id")

app_name = "credentials"

# These addresses are printed on paper and inside signed credentials: never change them.
urlpatterns = [
    path("verify/<credential_id:public_id>/", views.verify, name="verify"),
    path("verify/<credential_id:public_id>.json", views.verify_json, name="verify_json"),
    path("verify/<credential_id:public_id>/attestation.pdf", views.attestation, name="attestation"),
    path("verify/<credential_id:public_id>/revoke/", views.revoke, name="revoke"),
    path(".well-known/did.json", views.did_document, name="did"),
    path("credentials/status/<id:number>", views.status_list, name="status_list"),
    path("credentials/mine/", views.mine, name="mine"),
]
