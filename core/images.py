"""Uploaded images redrawn by Pillow: their pixels only, at a bounded size.

Drawing the pixels into a new file drops everything else the original carried: EXIF
(camera, GPS position), comments, colour profiles, and anything hidden after the image.
Logos (organizations) and deliverable previews (completion) both go through here.
"""

import io
from dataclasses import dataclass

from PIL import Image, ImageOps

# A small file can still unpack to a huge picture; refuse before it fills the memory.
MAX_PIXELS = 40_000_000


class TooManyPixels(ValueError):
    """The picture would unpack to more than MAX_PIXELS."""


@dataclass(frozen=True)
class RedrawnImage:
    data: bytes
    extension: str  # "png" when the image has transparency, else "jpg"
    width: int
    height: int


def redraw_image(file, max_side: int) -> RedrawnImage:
    """A PNG (when transparent) or a JPEG of the image, at most max_side px wide and high.

    Raises TooManyPixels for a picture too large to unpack, and whatever Pillow raises for a
    file it cannot read. Reads from the start of the file and leaves it wherever Pillow did.
    """
    file.seek(0)
    with Image.open(file) as original:
        if original.width * original.height > MAX_PIXELS:
            raise TooManyPixels
        original.draft("RGB", (max_side * 2, max_side * 2))  # JPEG: decode smaller, faster
        image = ImageOps.exif_transpose(original)
        image.thumbnail((max_side, max_side))
        transparent = image.mode in ("RGBA", "LA", "PA") or (
            image.mode == "P" and "transparency" in image.info
        )
        image = image.convert("RGBA" if transparent else "RGB")
        image.info = {}
        out = io.BytesIO()
        if transparent:
            image.save(out, format="PNG", optimize=True)
            extension = "png"
        else:
            image.save(out, format="JPEG", quality=85, optimize=True)
            extension = "jpg"
    return RedrawnImage(out.getvalue(), extension, image.width, image.height)
