"""Reads of letters, for the staff pages, the API and the resident portal.

Callers check access first (`putright.cases.access`, or the portal's own check that the
complaint is the resident's): these functions do not know who is asking.
"""

from __future__ import annotations

import hashlib
from typing import NamedTuple

from django.db.models import QuerySet

from putright.letters.models import Letter, LetterChannel, LetterStatus, LetterTemplate
from putright.rules.letters import LetterKind

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


class LetterFile(NamedTuple):
    content: bytes
    content_type: str
    filename: str


class LetterFileCorrupt(Exception):
    """The stored file no longer matches the SHA-256 recorded when the letter was issued."""


def letters_for_complaint(*, complaint_id: int, issued_only: bool = False) -> QuerySet[Letter]:
    """A complaint's letters, oldest first, in one query.

    With ``issued_only=True`` drafts are left out: use that for residents, who must only
    ever see what was actually issued to them. Each letter has ``kind`` (a
    ``putright.rules.letters.LetterKind`` value; ``letter_label(kind)`` names it),
    ``subject``, ``issued_at``, ``sent_at``, ``channel`` and ``large_print``; download its
    files with :func:`letter_file`.
    """
    qs = Letter.objects.filter(complaint_id=complaint_id).select_related("complaint")
    if issued_only:
        qs = qs.filter(status=LetterStatus.ISSUED)
    return qs.order_by("created_at", "id")


def letter_get(*, letter_id: int) -> Letter | None:
    return (
        Letter.objects.select_related("complaint", "complaint__resident", "template")
        .filter(pk=letter_id)
        .first()
    )


def letter_file(*, letter_id: int, fmt: str) -> LetterFile | None:
    """The exact file an issued letter was sent as: ``(bytes, content_type, filename)``.

    ``fmt`` is ``"pdf"`` or ``"docx"``. Returns ``None`` for an unknown letter, a draft
    (drafts have no files) or an unknown format. The bytes are checked against the
    SHA-256 recorded at issue; a mismatch raises :class:`LetterFileCorrupt` rather than
    hand out a file that is not what was sent.
    """
    if fmt not in CONTENT_TYPES:
        return None
    letter = (
        Letter.objects.select_related("complaint").filter(pk=letter_id, status=LetterStatus.ISSUED).first()
    )
    if letter is None:
        return None
    field, expected = (letter.pdf, letter.pdf_sha256) if fmt == "pdf" else (letter.docx, letter.docx_sha256)
    with field.open("rb") as handle:
        content = handle.read()
    if hashlib.sha256(content).hexdigest() != expected:
        raise LetterFileCorrupt(f"letter {letter.pk} {fmt} does not match its recorded SHA-256")
    filename = f"{letter.complaint.reference}-{letter.kind.replace('_', '-')}-{letter.pk}.{fmt}"
    return LetterFile(content, CONTENT_TYPES[fmt], filename)


def print_queue(*, limit: int = 50, offset: int = 0) -> list[Letter]:
    """Issued letters going by post and not yet posted, oldest first (one query)."""
    qs = (
        Letter.objects.filter(channel=LetterChannel.POST, status=LetterStatus.ISSUED, sent_at__isnull=True)
        .select_related("complaint")
        .order_by("issued_at", "id")
    )
    return list(qs[offset : offset + limit + 1])


def template_active(*, kind: LetterKind | str) -> LetterTemplate | None:
    """The landlord's current wording for ``kind``, or None to use putright's default wording."""
    return LetterTemplate.objects.filter(kind=LetterKind(kind).value, active=True).first()


def templates_active() -> dict[str, LetterTemplate]:
    return {t.kind: t for t in LetterTemplate.objects.filter(active=True)}
