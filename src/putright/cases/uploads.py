"""Uploads are checked by their content, not by the name or type the browser claims."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import UploadedFile

from putright.core.errors import InvalidInput

MAX_BYTES = 10 * 1024 * 1024
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"PK\x03\x04", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
)
ALLOWED_DESCRIPTION = "PDF, JPEG, PNG, GIF, HEIC or Word (.docx)"


def sniff(head: bytes) -> str | None:
    for signature, content_type in SIGNATURES:
        if head.startswith(signature):
            return content_type
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        return "image/heic"
    return None


def check_upload(upload: UploadedFile[Any]) -> str:
    """Return the content type the bytes show, or refuse the file with a reason a person can act on."""
    size = upload.size or 0
    if size == 0:
        raise InvalidInput({"file": f"{upload.name} is empty"})
    if size > MAX_BYTES:
        raise InvalidInput({"file": f"{upload.name} is larger than 10 MB"})
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    content_type = sniff(head)
    if content_type is None:
        raise InvalidInput({"file": f"{upload.name} must be a {ALLOWED_DESCRIPTION}"})
    return content_type
