"""Fault (c): the disk of the private files is full. The upload is refused with a clear French
message, what was typed stays in the form, and nothing is half-written (no row without its
file, no partial file).

The full disk is a real one: a tiny tmpfs mounted for the test (root, or sudo without a
password, as in `.ci/run`)."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from messaging.models import Attachment, Message

from .factories import PDF

pytestmark = pytest.mark.slow


def _run_as_root(*command: str) -> bool:
    prefix = [] if os.geteuid() == 0 else ["sudo", "-n"]
    if prefix and not shutil.which("sudo"):
        return False
    return subprocess.run([*prefix, *command], capture_output=True).returncode == 0


@pytest.fixture
def full_disk(tmp_path, settings):
    mountpoint = tmp_path / "full"
    mountpoint.mkdir()
    if not _run_as_root(
        "mount", "-t", "tmpfs", "-o", "size=64k,mode=1777", "tmpfs", str(mountpoint)
    ):
        pytest.fail("Cannot mount a small tmpfs (needs root or sudo -n) to fill a disk.")
    try:
        settings.PRIVATE_MEDIA_ROOT = mountpoint
        filler = mountpoint / "filler"
        with filler.open("wb") as file:
            try:
                while True:
                    file.write(b"\0" * 4096)
                    file.flush()
            except OSError:
                pass
        yield mountpoint
    finally:
        _run_as_root("umount", "-l", str(mountpoint))


def files_under(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_an_upload_onto_a_full_disk_is_refused_plainly_and_leaves_nothing_half_written(
    client, martine, application_thread, full_disk
):
    client.force_login(martine)
    big_pdf = PDF + b"%" * 200_000  # bigger than what is left, smaller than the size limit

    response = client.post(
        reverse("messaging:thread", args=[application_thread.pk]),
        {
            "body": "Voici le devis signé",
            "files": [
                SimpleUploadedFile("petit.pdf", PDF),
                SimpleUploadedFile("devis.pdf", big_pdf),
            ],
        },
    )

    assert response.status_code == 200
    assert "Le serveur n’a plus de place pour enregistrer ce fichier" in response.text
    assert "Voici le devis signé" in response.text  # what was typed is kept
    assert not Message.objects.exists()
    assert not Attachment.objects.exists()
    assert files_under(full_disk) == ["filler"]  # no partial file, nor the first one
