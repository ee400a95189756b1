"""`manage.py backup` then `manage.py restore` onto an empty installation: every table's
row count and every file's checksum come back equal."""

import hashlib
import sqlite3
import tarfile
from io import BytesIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection

from accounts.models import User
from accounts.tests.factories import UserFactory
from core.backup import BackupError, backup, restore, row_counts
from messaging.tests.factories import AttachmentFactory

pytestmark = pytest.mark.django_db(transaction=True)


def checksums(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def site(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    UserFactory.create_batch(3)
    AttachmentFactory()  # a private file
    default_storage.save("logos/club.png", ContentFile(b"\x89PNG not really"))  # a media file
    return tmp_path


def test_a_backup_restores_onto_an_empty_installation_with_equal_counts_and_files(
    site, settings, tmp_path
):
    before = row_counts()
    files = {"media": checksums(site / "media"), "private": checksums(site / "private")}
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive))
    assert archive.exists()

    # An empty installation: new folders, and (SQLite) a new database file, or (PostgreSQL)
    # the same database emptied of its accounts.
    settings.MEDIA_ROOT = tmp_path / "new-media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "new-private"
    if connection.vendor == "sqlite":
        target = tmp_path / "restored.sqlite3"
        manifest = restore(archive, sqlite_target=target)
        restored = sqlite3.connect(target)
        after = {
            table: restored.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
            for table in before
        }
        restored.close()
    else:
        with pytest.raises(BackupError):  # not onto an installation with accounts
            restore(archive)
        User.objects.all().delete()
        manifest = restore(archive)
        after = row_counts()
    assert manifest["tables"] == before
    assert after == before
    assert checksums(tmp_path / "new-media") == files["media"]
    assert checksums(tmp_path / "new-private") == files["private"]
    assert files["private"] and files["media"]


def test_the_restore_refuses_a_damaged_archive_or_an_installation_with_accounts(site, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    backup(archive)
    with pytest.raises(CommandError, match="already has accounts"):
        call_command("restore", str(archive))
    # A file changed inside the archive: its checksum no longer matches.
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member) if member.isfile() else None
            if member.name.startswith("private/") and member.isfile():
                member.size = len(b"tampered")
                data = BytesIO(b"tampered")
            target.addfile(member, data)
    with pytest.raises(BackupError, match="checksum"):
        restore(damaged, sqlite_target=tmp_path / "x.sqlite3", force=True)


def test_the_signing_key_goes_only_if_asked_and_beside_the_archive(site, settings, tmp_path):
    key = tmp_path / "key.pem"
    key.write_text("-----BEGIN PRIVATE KEY-----\n")
    settings.CREDENTIALS_KEY_FILE = key
    backup(tmp_path / "plain.tar.gz")
    assert not (tmp_path / "plain.tar.gz.key.pem").exists()
    backup(tmp_path / "keyed.tar.gz", with_key=True)
    assert (tmp_path / "keyed.tar.gz.key.pem").read_text() == key.read_text()
