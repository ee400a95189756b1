"""What may be uploaded (message attachments, deliverables, challenge submissions): checked
by the name's extension AND by the content.

A file's name is whatever the sender typed; its first bytes say what it really is. Both must
agree with one of the accepted types, so that a program renamed `devis.pdf` never reaches an
elderly volunteer's computer.
"""

import io
import os
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

DEFAULT_MAX_SIZE = 10 * 1024 * 1024
DEFAULT_MAX_COUNT = 5
HEAD = 8192

# Inside a .zip, names that would run a program when double-clicked.
PROGRAM_EXTENSIONS = frozenset(
    [
        ".exe",
        ".msi",
        ".bat",
        ".cmd",
        ".com",
        ".scr",
        ".pif",
        ".js",
        ".jse",
        ".vbs",
        ".vbe",
        ".wsf",
        ".ps1",
        ".jar",
        ".apk",
        ".dll",
        ".lnk",
        ".hta",
        ".cpl",
        ".reg",
        ".app",
        ".dmg",
        ".sh",
        # Microsoft Management Console files run commands; disk images open like folders
        # and carry programs past the mark Windows puts on downloaded files.
        ".msc",
        ".msp",
        ".gadget",
        ".application",
        ".appref-ms",
        ".iso",
        ".img",
        ".vhd",
        ".vhdx",
    ]
)
# A .zip inside a .zip is opened and checked as well, this many levels down at most.
MAX_ZIP_DEPTH = 3


def human_size(size: int) -> str:
    """ "240 Ko", "3,5 Mo": the units people see on their computers (not Kio/Mio)."""
    if size < 1024:
        return gettext("%(size)s octets") % {"size": size}
    if size < 1024 * 1024:
        return gettext("%(size)s Ko") % {"size": round(size / 1024)}
    megabytes = size / (1024 * 1024)
    decimals = 0 if megabytes >= 10 or megabytes.is_integer() else 1
    return gettext("%(size)s Mo") % {"size": number_format(megabytes, decimals)}


def max_size() -> int:
    return getattr(settings, "MESSAGING_ATTACHMENT_MAX_SIZE", DEFAULT_MAX_SIZE)


def max_count() -> int:
    return getattr(settings, "MESSAGING_MAX_ATTACHMENTS", DEFAULT_MAX_COUNT)


def _is_program(entry: str) -> bool:
    """Whether an entry of an archive would run a program once unpacked.

    Windows drops the spaces and dots that end a name ("setup.exe. " is setup.exe), and
    reads "a:b" as the stream b of the file a: each part of such a name is checked.
    """
    name = entry.replace("\\", "/").rsplit("/", 1)[-1]
    return any(
        os.path.splitext(part.rstrip(" ."))[1].lower() in PROGRAM_EXTENSIONS
        for part in name.split(":")
    )


class _TooDeep(Exception):
    """Archives nested too deep, too big or unreadable: nobody can say what they hold."""


UNREADABLE = (zipfile.BadZipFile, OSError, RuntimeError, ValueError, EOFError, NotImplementedError)


def _program_in_zip(file, depth: int = 1) -> str | None:
    """The first program found in the archive, or in the archives it holds."""
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            for info in archive.infolist():
                if _is_program(info.filename):
                    return info.filename
                name = info.filename.replace("\\", "/").rsplit("/", 1)[-1]
                if not name.split(":")[0].rstrip(" .").lower().endswith(".zip"):
                    continue
                # Unpacked in memory only when small enough to have been sent on its own.
                if depth >= MAX_ZIP_DEPTH or info.file_size > max_size():
                    raise _TooDeep
                try:
                    with archive.open(info) as inner:
                        data = inner.read(max_size() + 1)
                except UNREADABLE:
                    raise _TooDeep from None  # e.g. protected by a password
                found = _program_in_zip(io.BytesIO(data), depth + 1)
                if found:
                    return found
    except UNREADABLE:
        # An inner archive that cannot be read cannot be checked either.
        if depth > 1:
            raise _TooDeep from None
    return None


def _zip_names(file) -> list[str] | None:
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None


def _odf(mimetype: str) -> Callable:
    def check(head: bytes, file) -> bool:
        # ODF stores its type, uncompressed, as the archive's first entry.
        return (
            head.startswith(b"PK\x03\x04")
            and head[30:38] == b"mimetype"
            and (mimetype.encode() in head[38 : 38 + 80])
        )

    return check


def _ooxml(folder: str) -> Callable:
    def check(head: bytes, file) -> bool:
        if not head.startswith(b"PK\x03\x04"):
            return False
        names = _zip_names(file)
        return (
            names is not None
            and "[Content_Types].xml" in names
            and any(n.startswith(folder) for n in names)
        )

    return check


def _zip(head: bytes, file) -> bool:
    return head.startswith((b"PK\x03\x04", b"PK\x05\x06")) and _zip_names(file) is not None


def _text(head: bytes, file) -> bool:
    # Plain text has no NUL byte and does not start like a program.
    return b"\x00" not in head and not head.startswith((b"MZ", b"\x7fELF", b"PK\x03\x04"))


def _starts(*signatures: bytes) -> Callable:
    return lambda head, file: head.startswith(signatures)


def _webp(head: bytes, file) -> bool:
    return head[:4] == b"RIFF" and head[8:12] == b"WEBP"


ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
ODP = "application/vnd.oasis.opendocument.presentation"
OOXML = "application/vnd.openxmlformats-officedocument."

# extension → (content type sent back on download, check of the first bytes)
TYPES: dict[str, tuple[str, Callable]] = {
    "png": ("image/png", _starts(b"\x89PNG\r\n\x1a\n")),
    "jpg": ("image/jpeg", _starts(b"\xff\xd8\xff")),
    "jpeg": ("image/jpeg", _starts(b"\xff\xd8\xff")),
    "gif": ("image/gif", _starts(b"GIF87a", b"GIF89a")),
    "webp": ("image/webp", _webp),
    "pdf": ("application/pdf", _starts(b"%PDF-")),
    "docx": (OOXML + "wordprocessingml.document", _ooxml("word/")),
    "xlsx": (OOXML + "spreadsheetml.sheet", _ooxml("xl/")),
    "pptx": (OOXML + "presentationml.presentation", _ooxml("ppt/")),
    "odt": (ODT, _odf(ODT)),
    "ods": (ODS, _odf(ODS)),
    "odp": (ODP, _odf(ODP)),
    "txt": ("text/plain; charset=utf-8", _text),
    "zip": ("application/zip", _zip),
}
IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})
ACCEPT = ",".join(f".{extension}" for extension in TYPES)
ACCEPTED_TEXT = _(
    "images (PNG, JPEG, GIF, WebP), PDF, documents Word, Excel, PowerPoint ou LibreOffice, "
    "texte (.txt) et archives .zip"
)


@dataclass(frozen=True)
class CheckedFile:
    file: object
    name: str
    size: int
    content_type: str


def clean_name(name: str) -> str:
    name = os.path.basename((name or "").replace("\\", "/")).strip() or "fichier"
    stem, extension = os.path.splitext(name)
    return stem[: 200 - len(extension)] + extension


def check_attachments(files: Iterable) -> list[CheckedFile]:
    """The files, checked; ValidationError with one plain French sentence per problem."""
    files = [f for f in files if f]
    if len(files) > max_count():
        raise ValidationError(
            _("Vous pouvez joindre %(count)s fichiers au plus par message."),
            params={"count": max_count()},
            code="too_many",
        )
    errors, checked = [], []
    for file in files:
        name = clean_name(file.name)
        extension = os.path.splitext(name)[1].lower().lstrip(".")
        if extension not in TYPES:
            errors.append(
                ValidationError(
                    _("« %(name)s » n’est pas d’un type accepté. Types acceptés : %(types)s."),
                    params={"name": name, "types": ACCEPTED_TEXT},
                    code="type",
                )
            )
            continue
        if file.size == 0:
            errors.append(
                ValidationError(_("« %(name)s » est vide."), params={"name": name}, code="empty")
            )
            continue
        if file.size > max_size():
            errors.append(
                ValidationError(
                    _("« %(name)s » est trop lourd (%(size)s) : %(max)s au plus par fichier."),
                    params={
                        "name": name,
                        "size": human_size(file.size),
                        "max": human_size(max_size()),
                    },
                    code="size",
                )
            )
            continue
        content_type, looks_right = TYPES[extension]
        file.seek(0)
        head = file.read(HEAD)
        if not looks_right(head, file):
            errors.append(
                ValidationError(
                    _(
                        "« %(name)s » ne contient pas ce qu’annonce son nom (.%(extension)s) : "
                        "il a été refusé par prudence. Enregistrez-le à nouveau dans le bon "
                        "format, puis réessayez."
                    ),
                    params={"name": name, "extension": extension},
                    code="content",
                )
            )
            continue
        if extension == "zip":
            try:
                program = _program_in_zip(file)
            except _TooDeep:
                errors.append(
                    ValidationError(
                        _(
                            "L’archive « %(name)s » contient trop d’archives les unes dans les "
                            "autres, ou une archive illisible : elle a été refusée par "
                            "prudence. "
                            "Envoyez plutôt les fichiers eux-mêmes."
                        ),
                        params={"name": name},
                        code="nested",
                    )
                )
                continue
            if program:
                errors.append(
                    ValidationError(
                        _(
                            "L’archive « %(name)s » contient un programme (%(entry)s) : "
                            "elle a été refusée par prudence."
                        ),
                        params={
                            "name": name,
                            "entry": os.path.basename(program.replace("\\", "/")).strip(),
                        },
                        code="program",
                    )
                )
                continue
        file.seek(0)
        checked.append(CheckedFile(file=file, name=name, size=file.size, content_type=content_type))
    if errors:
        raise ValidationError(errors)
    return checked
