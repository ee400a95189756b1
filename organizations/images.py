"""Logos: checked to be real images, then redrawn small and without their metadata."""

import io
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

MAX_BYTES = 2 * 1024 * 1024
MAX_SIDE = 512
# A small file can still unpack to a huge picture; refuse before it fills the memory.
MAX_PIXELS = 40_000_000


def normalize_logo(upload) -> ContentFile:
    """A PNG (when the logo has transparency) or a JPEG at most 512 px wide and high.

    Drawing the pixels into a new file drops everything else the original carried: EXIF
    (camera, GPS position), comments, colour profiles, and anything hidden after the image.
    """
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("Ce fichier pèse plus de 2 Mo. Choisissez une image plus légère."),
            code="logo_too_big",
        )
    try:
        upload.seek(0)
        with Image.open(upload) as original:
            if original.width * original.height > MAX_PIXELS:
                raise ValidationError(
                    _("Cette image est trop grande. Choisissez une image plus petite."),
                    code="logo_too_many_pixels",
                )
            original.draft("RGB", (MAX_SIDE * 2, MAX_SIDE * 2))  # JPEG: decode smaller, faster
            image = ImageOps.exif_transpose(original)
            image.thumbnail((MAX_SIDE, MAX_SIDE))
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
    except ValidationError:
        raise
    except Exception:
        raise ValidationError(
            _("Ce fichier n’est pas une image lisible. Choisissez un fichier PNG ou JPEG."),
            code="logo_invalid",
        ) from None
    return ContentFile(out.getvalue(), name=f"logo-{uuid.uuid4().hex[:12]}.{extension}")
