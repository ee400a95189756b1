"""Moved to `core.uploads` (challenges check their files the same way); kept so that older
imports keep working."""

from core.uploads import (  # noqa: F401
    ACCEPT,
    ACCEPTED_TEXT,
    IMAGE_TYPES,
    TYPES,
    CheckedFile,
    check_attachments,
    clean_name,
    human_size,
    max_count,
    max_size,
)
