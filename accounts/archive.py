"""« Télécharger mes données »: one ZIP archive of everything A-lasso holds about a person,
built by a background task and fetched through a signed link valid 48 hours.

What goes in comes from the apps: their `personal_data(user)` (the JSON files, one per app)
and their optional `personal_files(user)` (the files themselves: deliverables, attachments,
attestations), each a list of (path in the archive, bytes or a stored file).
"""

import json
import zipfile
from datetime import timedelta
from io import BytesIO

from django.apps import apps
from django.conf import settings
from django.core import signing
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.emails import send_email

from .models import DataExport, User
from .services import user_personal_data

LINK_VALID = timedelta(hours=48)
SALT = "accounts.data-export"


def _descriptions() -> dict[str, str]:
    """What each data file holds, for the README (apps not named here get their name)."""
    return {
        "account": _("votre compte : adresse, nom, langue, dates d’inscription et de connexion"),
        "volunteers": _("votre profil de bénévole : présentation, compétences, disponibilités"),
        "organizations": _("vos organisations et vos rôles, les invitations reçues"),
        "missions": _("les missions que vous avez écrites pour une association"),
        "engagements": _("vos candidatures, les réponses reçues et les accords de mission"),
        "messaging": _("les messages que vous avez écrits (les fichiers sont dans fichiers/)"),
        "completion": _("vos livraisons, vos heures, les avis écrits et reçus"),
        "credentials": _("vos attestations (les fichiers signés sont dans attestations/)"),
        "diagnosis": _("les diagnostics numériques que vous avez remplis"),
        "notifications": _("vos notifications et vos préférences"),
    }


def _personal_files(user: User) -> list[tuple[str, object]]:
    files = []
    for config in apps.get_app_configs():
        provider = getattr(config, "personal_files", None)
        if provider is not None:
            files += provider(user)
    return files


def _readme(user: User, data_files: list[str], files: list[str]) -> str:
    descriptions = _descriptions()
    lines = [
        _("Vos données A-lasso"),
        "",
        _("Archive préparée le %(date)s pour %(email)s.")
        % {"date": timezone.localtime().strftime("%d/%m/%Y %H:%M"), "email": user.email},
        _("Les fichiers .json se lisent avec un éditeur de texte ou un tableur."),
        "",
        _("Les données (donnees/) :"),
    ]
    for name in data_files:
        label = name.removeprefix("donnees/").removesuffix(".json")
        config = apps.app_configs.get(label)
        fallback = str(config.verbose_name) if config else label
        lines.append(f"- {name} : {descriptions.get(label, fallback)}")
    lines += ["", _("Les fichiers :")]
    kinds = {
        "fichiers/livrables/": _("les fichiers que vous avez livrés aux associations"),
        "fichiers/pieces-jointes/": _("les pièces jointes de vos messages"),
        "attestations/": _(
            "vos attestations : le fichier .json est signé (vérifiable sur la page de "
            "vérification de l’attestation), le .pdf est à imprimer"
        ),
    }
    for prefix, text in kinds.items():
        count = sum(1 for name in files if name.startswith(prefix))
        lines.append(f"- {prefix} : {text} ({count})")
    lines += ["", _("Une question ? Écrivez à %(email)s.") % {"email": settings.PRIVACY_EMAIL}]
    return "\n".join(lines) + "\n"


def archive_bytes(user: User) -> bytes:
    """The ZIP archive of everything about `user`, as bytes."""
    buffer = BytesIO()
    data = user_personal_data(user=user)
    with (
        translation.override(user.language),
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        data_files = []
        for label, section in data.items():
            name = f"donnees/{label}.json"
            archive.writestr(name, json.dumps(section, ensure_ascii=False, indent=2) + "\n")
            data_files.append(name)
        names = []
        for path, content in _personal_files(user):
            name = path if path.startswith("attestations/") else f"fichiers/{path}"
            if isinstance(content, bytes):
                archive.writestr(name, content)
            else:
                with content.open("rb") as stored:
                    archive.writestr(name, stored.read())
            names.append(name)
        archive.writestr("LISEZMOI.txt", _readme(user, data_files, names))
    return buffer.getvalue()


def export_request(*, user: User) -> DataExport:
    """Queue the archive; the person gets an e-mail once it is ready. An archive already
    being prepared is not asked twice."""
    from .tasks import build_data_export

    pending = DataExport.objects.filter(
        user=user, ready_at__isnull=True, requested_at__gt=timezone.now() - timedelta(hours=1)
    ).first()
    if pending:
        return pending
    export = DataExport.objects.create(user=user)
    transaction.on_commit(lambda: build_data_export.enqueue(export_id=export.pk))
    return export


def export_build(export: DataExport) -> None:
    """Write the archive, then e-mail the person her link."""
    user = export.user
    export.file.save(f"a-lasso-{export.pk}.zip", ContentFile(archive_bytes(user)), save=False)
    export.ready_at = timezone.now()
    export.save(update_fields=["file", "ready_at"])
    link = settings.SITE_URL + reverse("accounts:archive_download", args=[export_token(export)])
    send_email(
        "data_export",
        to=user.email,
        language=user.language,
        context={"name": user.first_name, "link": link, "hours": 48},
        key=f"data-export-{export.pk}",
    )


def export_token(export: DataExport) -> str:
    return signing.dumps({"e": export.pk, "u": export.user_id}, salt=SALT)


def export_for(token: str, user) -> DataExport | None:
    """The archive a link names, if it is still valid and belongs to `user`."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=LINK_VALID)
    except signing.BadSignature:
        return None
    if payload.get("u") != user.pk:
        return None
    export = DataExport.objects.filter(pk=payload.get("e"), user=user).first()
    if export is None or not export.file or export.ready_at is None:
        return None
    if export.ready_at < timezone.now() - LINK_VALID:
        return None
    return export
