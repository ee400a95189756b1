"""What credentials asks the apps above it."""

from django.dispatch import Signal

# Asked by `pdf.mentions_for` with `credential` when its printable attestation is drawn, in
# the language of the PDF: each receiver returns a list of `mentions.Mention` printed under
# the facts (teaching: the teachers' validations of the mission). They are not part of the
# signed document, and may change after it was issued (the PDF is drawn again then).
attestation_mentions = Signal()
