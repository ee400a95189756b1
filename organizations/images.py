"""Logos: checked to be real images, then redrawn small and without their metadata."""

import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

from core.images import TooManyPixels, redraw_image

MAX_BYTES = 2 * 1024 * 1024
MAX_SIDE = 512


def normalize_logo(upload) -> ContentFile:
    """A PNG (when the logo has transparency) or a JPEG at most 512 px wide and high.

    Only the pixels are kept (see core.images): no EXIF, comments or anything hidden.
    """
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("Ce fichier pèse plus de 2 Mo. Choisissez une image plus légère."),
            code="logo_too_big",
        )
    try:
        logo = redraw_image(upload, MAX_SIDE)
    except TooManyPixels:
        raise ValidationError(
            _("Cette image est trop grande. Choisissez une image plus petite."),
            code="logo_too_many_pixels",
        ) from None
    except Exception:
        raise ValidationError(
            _("Ce fichier n’est pas une image lisible. Choisissez un fichier PNG ou JPEG."),
            code="logo_invalid",
        ) from None
    return ContentFile(logo.data, name=f"logo-{uuid.uuid4().hex[:12]}.{logo.extension}")
