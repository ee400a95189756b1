"""Development mailbox: each message is written as one .eml file that /dev/mailbox/ lists."""

from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone
from django.utils.crypto import get_random_string


class MailboxBackend(BaseEmailBackend):
    def __init__(self, *, directory: str, **kwargs):
        super().__init__(**kwargs)
        self.directory = Path(directory)

    def send_messages(self, email_messages) -> int:
        self.directory.mkdir(parents=True, exist_ok=True)
        sent = 0
        for message in email_messages:
            stamp = timezone.now().strftime("%Y%m%d-%H%M%S-%f")
            path = self.directory / f"{stamp}-{get_random_string(6)}.eml"
            path.write_bytes(message.message().as_bytes())
            sent += 1
        return sent
