"""The printable summary of a diagnosis, for the association's board meeting: the page's
HTML, rendered by WeasyPrint, with the same chart and a QR code back to the results."""

import segno
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from .results import Results


def summary_html(results: Results, *, url: str) -> str:
    qr = segno.make(url, error="m").svg_inline(scale=2, dark="#1f2328", omitsize=False)
    return render_to_string(
        "diagnosis/summary_pdf.html",
        {
            "results": results,
            "organization": results.diagnosis.organization,
            "url": url,
            "qr": mark_safe(qr),  # segno's own markup: no user input in it but the URL
        },
    )


def summary_document(results: Results, *, url: str):
    """The laid-out document (tests read its text); `.write_pdf()` gives the file."""
    from weasyprint import HTML  # heavy: loaded by the one page that prints

    return HTML(string=summary_html(results, url=url)).render()


def summary_pdf(results: Results, *, url: str) -> bytes:
    return summary_document(results, url=url).write_pdf()
