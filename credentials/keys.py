"""The platform's Ed25519 signing key: its private half in a file, never in the database.

The file (settings.CREDENTIALS_KEY_FILE) holds one PKCS#8 PEM private key, readable by the
owner only. Its public half is published in did.json as a `Multikey`; every public key the
platform ever signed with stays published (`SigningKey` rows) so old credentials still
verify after a rotation. See docs/credentials.md.
"""

import datetime
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

B58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
# Multicodec prefix of an Ed25519 public key (0xed as an unsigned varint).
ED25519_PUB_PREFIX = b"\xed\x01"


def b58encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    out = ""
    while number:
        number, rest = divmod(number, 58)
        out = B58_ALPHABET[rest] + out
    zeros = len(data) - len(data.lstrip(b"\0"))
    return "1" * zeros + out


def b58decode(text: str) -> bytes:
    number = 0
    for char in text:
        number = number * 58 + B58_ALPHABET.index(char)
    zeros = len(text) - len(text.lstrip("1"))
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * zeros + body


def public_key_multibase(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return "z" + b58encode(ED25519_PUB_PREFIX + raw)


def public_key_from_multibase(value: str) -> Ed25519PublicKey:
    if not value.startswith("z"):
        raise ValueError("not a base58btc multibase value")
    decoded = b58decode(value[1:])
    if decoded[:2] != ED25519_PUB_PREFIX or len(decoded) != 34:
        raise ValueError("not an Ed25519 public key")
    return Ed25519PublicKey.from_public_bytes(decoded[2:])


def platform_did() -> str:
    """did:web of the platform, from SITE_URL: the port's colon is percent-encoded and a
    path becomes colon-separated segments (W3C did:web method)."""
    parts = urlsplit(settings.SITE_URL)
    did = "did:web:" + quote(parts.netloc, safe="")
    segments = [segment for segment in parts.path.split("/") if segment]
    return ":".join([did, *(quote(segment, safe="") for segment in segments)])


def key_file() -> Path:
    path = Path(settings.CREDENTIALS_KEY_FILE)
    return path if path.is_absolute() else Path(settings.BASE_DIR) / path


def generate_key_file(path: Path, *, rotate: bool = False) -> Ed25519PrivateKey:
    """Write a new private key; with `rotate`, the old file is kept beside it, renamed."""
    if path.exists():
        if not rotate:
            raise FileExistsError(path)
        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
        path.rename(path.with_name(f"{path.name}.retired-{stamp}"))
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    # Created readable by the owner only, never world-readable even for an instant.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
    return key


@dataclass(frozen=True)
class LoadedKey:
    private_key: Ed25519PrivateKey
    public_key_multibase: str


def load_private_key() -> LoadedKey:
    path = key_file()
    if not path.exists():
        if settings.DEBUG or settings.TESTING:
            # A laptop signs with a key made on the spot; production must make it on purpose.
            generate_key_file(path)
        else:
            raise ImproperlyConfigured(
                f"The credentials signing key {path} does not exist: run "
                "`manage.py credentials_keygen` (see docs/credentials.md)."
            )
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ImproperlyConfigured(f"{path} does not hold an Ed25519 private key.")
    return LoadedKey(key, public_key_multibase(key.public_key()))
