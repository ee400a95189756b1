"""Write one backup archive: the database, the media and private files, a manifest with
checksums (core/backup.py). For cron, e.g. every night:
`manage.py backup /var/backups/a-lasso/$(date +%F).tar.gz`."""

from pathlib import Path

from django.core.management.base import BaseCommand

from core.backup import backup


class Command(BaseCommand):
    help = "Back up the database, the media and the private files into one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument("output", help="the archive to write, e.g. backup.tar.gz")
        parser.add_argument(
            "--with-key",
            action="store_true",
            help="also copy the attestations' signing key, into OUTPUT.key.pem (keep it apart)",
        )

    def handle(self, *args, output: str, with_key: bool, **options):
        manifest = backup(Path(output), with_key=with_key)
        self.stdout.write(
            f"{output}: {len(manifest['tables'])} tables, {len(manifest['files'])} files."
        )
