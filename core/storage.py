"""Private files (message attachments, deliverables, challenge submissions): kept under
PRIVATE_MEDIA_ROOT, never inside MEDIA_ROOT, and served only by views that check who asks."""

import os
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


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


private_storage = PrivateStorage()
