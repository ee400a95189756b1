"""Private files (message attachments, deliverables, challenge submissions): kept under
PRIVATE_MEDIA_ROOT, never inside MEDIA_ROOT, and served only by views that check who asks."""

import contextlib
import errno
import logging
import os
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

FULL_DISK_ERRORS = frozenset([errno.ENOSPC, errno.EDQUOT])


class StorageFull(ValidationError):
    """The disk that keeps the files is full: the upload is refused, nothing half-written."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "Le serveur n’a plus de place pour enregistrer ce fichier : rien n’a été "
                "enregistré. Réessayez plus tard ; l’équipe d’A-lasso est prévenue."
            ),
            code="storage_full",
        )


def private_media_root() -> Path:
    """Where private files live: PRIVATE_MEDIA_ROOT, never inside MEDIA_ROOT.

    Whatever serves /media/ (the web server in production, Django in DEBUG) must never
    serve a private file: only views that check who is asking do.
    """
    return Path(settings.PRIVATE_MEDIA_ROOT)


@deconstructible
class PrivateStorage(FileSystemStorage):
    # Read from the settings each time, so that tests moving PRIVATE_MEDIA_ROOT move this too.
    @property
    def base_location(self) -> str:
        return str(private_media_root())

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None  # no public URL, on purpose

    def _save(self, name, content):
        # A full disk leaves a partial file behind: remove it and refuse the upload plainly.
        full_path = self.path(name)
        existed = os.path.exists(full_path)
        try:
            return super()._save(name, content)
        except OSError as error:
            if error.errno not in FULL_DISK_ERRORS:
                raise
            if not existed:
                with contextlib.suppress(FileNotFoundError):
                    os.remove(full_path)
            logger.error("Disk full while saving %s under %s", name, self.location)
            raise StorageFull() from error


private_storage = PrivateStorage()
