"""Sealing a backup: its manifest signed, the whole archive encrypted, with a key kept elsewhere.

A backup holds every complaint at once, so whoever can read it reads everything, and
whoever can change it and have it restored rewrites the record. Plain checksums inside the
archive stop neither: anyone can recompute them. So both rest on `PUTRIGHT_BACKUP_KEY`, a
secret in the environment (never in the archive, the database or the repository):

- the manifest (which lists the SHA-256 of every other member) is signed with HMAC-SHA256;
- the whole archive is encrypted with AES-256-GCM in 1 MiB chunks, so a backup of any size
  is sealed and opened with bounded memory. Each chunk's nonce is a random per-file prefix
  and the chunk's number, and the last chunk is marked in its associated data, so chunks
  cannot be reordered, dropped or the file cut short without the check failing.

The signing and encryption keys are derived from the one secret with distinct labels, so
a key used for one purpose is never used for the other.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings

from putright.privacy.backup.database import BackupError

MAGIC = b"PUTRIGHT-BACKUP\x00\x01"
PREFIX_BYTES = 8
CHUNK = 1 << 20
TAG_BYTES = 16
_LENGTH = struct.Struct(">I")


def backup_secret() -> bytes:
    """The secret from `PUTRIGHT_BACKUP_KEY`, or b"" when none is set."""
    return str(getattr(settings, "PUTRIGHT_BACKUP_KEY", "") or "").encode()


def _derived(purpose: bytes) -> bytes:
    secret = backup_secret()
    if len(secret) < 32:
        raise BackupError(
            "PUTRIGHT_BACKUP_KEY is not set, or shorter than 32 characters: backups are signed and "
            "encrypted with it. Generate one with `python -c 'import secrets; print(secrets.token_urlsafe(48))'` "
            "and keep it apart from the backups (a password manager or a secrets store)."
        )
    return hmac.new(secret, b"putright-backup:" + purpose, hashlib.sha256).digest()


def manifest_signature(manifest: bytes) -> str:
    """HMAC-SHA256 of the manifest's bytes, hex."""
    return hmac.new(_derived(b"sign"), manifest, hashlib.sha256).hexdigest()


def manifest_signature_matches(manifest: bytes, signature: str) -> bool:
    return hmac.compare_digest(manifest_signature(manifest), signature.strip())


def is_sealed(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


def _associated(prefix: bytes, last: bool) -> bytes:
    return MAGIC + prefix + (b"\x01" if last else b"\x00")


def _nonce(prefix: bytes, number: int) -> bytes:
    if number >= 1 << 32:
        raise BackupError("The backup is too large to seal (over 4 PiB)")
    return prefix + struct.pack(">I", number)


def seal(source: BinaryIO, target: BinaryIO) -> None:
    """Encrypt `source` into `target`, chunk by chunk."""
    cipher = AESGCM(_derived(b"encrypt"))
    prefix = os.urandom(PREFIX_BYTES)
    target.write(MAGIC + prefix)
    number = 0
    chunk = source.read(CHUNK)
    while True:
        following = source.read(CHUNK)
        last = not following
        sealed = cipher.encrypt(_nonce(prefix, number), chunk, _associated(prefix, last))
        target.write(_LENGTH.pack(len(sealed)) + sealed)
        if last:
            return
        chunk, number = following, number + 1


def unseal(source: BinaryIO, target: BinaryIO) -> None:
    """Decrypt what `seal` wrote, refusing it whole if any chunk was changed, moved or cut."""
    cipher = AESGCM(_derived(b"encrypt"))
    if source.read(len(MAGIC)) != MAGIC:
        raise BackupError("This is not a sealed putright backup")
    prefix = source.read(PREFIX_BYTES)
    number = 0
    while True:
        head = source.read(_LENGTH.size)
        if len(head) != _LENGTH.size:
            raise BackupError("The backup is cut short: its last part is missing")
        (size,) = _LENGTH.unpack(head)
        if not TAG_BYTES <= size <= CHUNK + TAG_BYTES:
            raise BackupError("The backup is damaged or has been altered: a part has an impossible size")
        sealed = source.read(size)
        last = _at_end(source)
        try:
            target.write(cipher.decrypt(_nonce(prefix, number), sealed, _associated(prefix, last)))
        except InvalidTag:
            raise BackupError(
                "The backup cannot be opened with this PUTRIGHT_BACKUP_KEY: it was made with another "
                "key, or it has been altered"
            ) from None
        if last:
            return
        number += 1


def _at_end(source: BinaryIO) -> bool:
    here = source.tell()
    more = source.read(1)
    source.seek(here)
    return not more
