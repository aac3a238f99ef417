"""Plain helpers shared by the resident and portal tests: real files, submissions, sign-in."""

from __future__ import annotations

import struct
import zlib
from datetime import datetime
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from putright.cases.models import Complaint
from putright.residents.services import (
    ComplaintSubmission,
    RepresentativeInput,
    SignInLinks,
    resident_complaint_submit,
)

LINKS = SignInLinks(
    link_for=lambda token: f"https://portal.example/sign-in/link/{token}/",
    sign_in_page="https://portal.example/sign-in/",
)


def tiny_png() -> bytes:
    """A real 1x1 PNG, built by hand so the test needs no image library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xd4\x35\x1c")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def png_upload(name: str = "mould.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, tiny_png(), content_type="image/png")


def submission(**overrides: Any) -> ComplaintSubmission:
    fields: dict[str, Any] = {
        "what_happened": "The bathroom ceiling has black mould and nobody came to look at it.",
        "outcomes_sought": "Treat the mould and fix the leak.",
        "resident_name": "Ada Resident",
        "contact_method": "email",
        "email": "ada@example.org",
        "home_address": "1 Flat Lane, Anytown",
    }
    fields.update(overrides)
    return ComplaintSubmission(**fields)


def representative(**overrides: Any) -> RepresentativeInput:
    fields: dict[str, Any] = {"name": "Ben Helper", "relationship": "son", "resident_agrees": True}
    fields.update(overrides)
    return RepresentativeInput(**fields)


def submit(
    now: datetime, *, files: list[Any] | None = None, ip: str = "192.0.2.1", **overrides: Any
) -> Complaint:
    return resident_complaint_submit(
        now=now, ip=ip, submission=submission(**overrides), files=files or [], links=LINKS
    )
