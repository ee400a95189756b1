"""Create (or rotate) the Ed25519 key that signs attestations, in a file outside the database."""

from django.core.management.base import BaseCommand, CommandError

from credentials.keys import generate_key_file, key_file, public_key_multibase
from credentials.services import signing_key_register


class Command(BaseCommand):
    help = (
        "Write a new Ed25519 signing key to CREDENTIALS_KEY_FILE and publish its public half "
        "in did.json. Refuses to replace an existing key unless --rotate is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--rotate",
            action="store_true",
            help="replace the current key; the old public key stays published so that what "
            "it signed still verifies, the old file is kept beside the new one, renamed",
        )
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="do nothing when the key file already exists (used by `make run`)",
        )

    def handle(self, *args, rotate: bool, if_missing: bool, **options):
        path = key_file()
        if path.exists() and if_missing:
            return
        if path.exists() and not rotate:
            raise CommandError(
                f"{path} already exists. Use --rotate to replace it (docs/credentials.md)."
            )
        key = generate_key_file(path, rotate=rotate)
        published = signing_key_register(public_key_multibase(key.public_key()))
        self.stdout.write(
            self.style.SUCCESS(f"New signing key #{published.fragment} written to {path}.")
        )
        if rotate:
            self.stdout.write(
                "The previous key stays published in did.json: what it signed still verifies. "
                "Its private file was renamed beside the new one; destroy it once backed up."
            )
