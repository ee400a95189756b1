"""What an app above may add to the printed attestation (`signals.attestation_mentions`)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Mention:
    heading: str
    text: str
    # Shown as a quotation, when given.
    comment: str = ""
    # Changes whenever what is printed changes: the PDF's cache key includes it.
    key: str = ""
