"""Bring a backup archive (`manage.py backup`) back onto an empty installation: checks every
file against the manifest, then restores the database and the files (core/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup archive onto this (empty) installation."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the .tar.gz written by `manage.py backup`")
        parser.add_argument(
            "--force", action="store_true", help="restore even if this installation has accounts"
        )

    def handle(self, *args, archive: str, force: bool, **options):
        try:
            manifest = restore(Path(archive), force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {len(manifest['tables'])} tables and {len(manifest['files'])} files "
            f"from {manifest['created_at']}."
        )
