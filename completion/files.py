"""Deliverable files: checked like message attachments, images redrawn for their preview.

A preview is what pages (and the public book) ever show of an image: a copy Pillow draws
again, at most 1200 px, without the original's metadata (camera, GPS position, comments).
PDFs get no picture — that would need a PDF renderer we do not ship — but their number of
pages when it can be read from the file.
"""

import re

from django.core.files.base import ContentFile

from core.images import redraw_image
from messaging.attachments import IMAGE_TYPES

PREVIEW_SIDE = 1200
# Page objects in a PDF's body: "/Type /Page", not "/Type /Pages" (the tree's nodes).
_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


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
    """The number of pages, when the PDF lists its pages in clear (most do), else None."""
    try:
        file.seek(0)
        data = file.read()
    finally:
        file.seek(0)
    count = len(_PAGE.findall(data))
    return count or None


def preview_content_type(deliverable) -> str:
    return "image/png" if deliverable.preview.name.endswith(".png") else "image/jpeg"
