"""An e-mail backend for the benchmarks: builds each message as SMTP would, sends nothing."""

from django.core.mail.backends.base import BaseEmailBackend


class NullBackend(BaseEmailBackend):
    sent = 0

    def send_messages(self, email_messages) -> int:
        for message in email_messages:
            message.message().as_bytes()  # the MIME text a real server would receive
        NullBackend.sent += len(email_messages)
        return len(email_messages)
