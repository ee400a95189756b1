"""Deliverable files: checked like message attachments, images redrawn for their preview.

A preview is what pages (and the public book) ever show of an image: a copy Pillow draws
again, at most 1200 px, without the original's metadata (camera, GPS position, comments).
PDFs get no picture — that would need a PDF renderer we do not ship — but their number of
pages when pypdf can read it from the file (also when the pages sit in compressed object
streams, as WeasyPrint and most recent tools write them).
"""

import logging

from django.core.files.base import ContentFile
from pypdf import PdfReader

from core.images import redraw_image
from core.uploads import IMAGE_TYPES

PREVIEW_SIDE = 1200


def make_preview(file, content_type: str) -> tuple[ContentFile, int, int] | None:
    """A re-encoded copy of an image (PNG when transparent, else JPEG), or None."""
    if content_type not in IMAGE_TYPES:
        return None
    try:
        preview = redraw_image(file, PREVIEW_SIDE)
    except Exception:
        # A file whose first bytes look right but which Pillow cannot read (or which would
        # unpack to a huge picture) stays a plain file: it can still be downloaded, it just
        # has no picture.
        return None
    finally:
        file.seek(0)
    return (
        ContentFile(preview.data, name=f"preview.{preview.extension}"),
        preview.width,
        preview.height,
    )


def pdf_page_count(file) -> int | None:
    """The number of pages, when pypdf can read it, else None (a damaged or locked PDF)."""
    try:
        file.seek(0)
        count = len(PdfReader(file).pages)
    except Exception:
        # Whatever pypdf cannot read stays a plain file: it can still be downloaded, the
        # page shows no number of pages.
        logging.getLogger(__name__).info("PDF pages unreadable", exc_info=True)
        return None
    finally:
        file.seek(0)
    return count or None


def preview_content_type(deliverable) -> str:
    return "image/png" if deliverable.preview.name.endswith(".png") else "image/jpeg"
