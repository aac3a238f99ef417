"""Reads of letters, for the staff pages, the API and the resident portal.

Callers check access first (`putright.cases.access`, or the portal's own check that the
complaint is the resident's): these functions do not know who is asking.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from django.db.models import Q, QuerySet

from putright.cases.models import Complaint, Format, UpdateAgreement
from putright.landlord.models import LandlordSettings
from putright.letters.blocks import blocks_html, parse_blocks
from putright.letters.content import elements_filled
from putright.letters.models import WITH_NOTIFY, Letter, LetterChannel, LetterStatus, LetterTemplate
from putright.letters.readability import Readability, readability
from putright.rules.letters import LetterKind, Requirement, letter_label, missing_elements
from putright.storage import StoredFileUnavailable, read_stored

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


class LetterFile(NamedTuple):
    content: bytes
    content_type: str
    filename: str


class LetterFileCorrupt(StoredFileUnavailable):
    """The stored file is missing or no longer matches the SHA-256 recorded when the letter
    was issued."""


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
        Letter.objects.select_related(
            "complaint", "complaint__resident", "complaint__representative", "template", "issued_by"
        )
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
    try:
        content = read_stored(field)
    except StoredFileUnavailable as error:
        raise LetterFileCorrupt(f"letter {letter.pk} {fmt}: {error}") from error
    if hashlib.sha256(content).hexdigest() != expected:
        raise LetterFileCorrupt(f"letter {letter.pk} {fmt} does not match its recorded SHA-256")
    filename = f"{letter.complaint.reference}-{letter.kind.replace('_', '-')}-{letter.pk}.{fmt}"
    return LetterFile(content, CONTENT_TYPES[fmt], filename)


@dataclass(frozen=True)
class LetterProblem:
    """A letter that has not reached its reader, and why: for the case page and reminders."""

    letter_id: int
    complaint_id: int
    reference: str
    kind: str
    reason: str


def letters_not_delivered(*, complaint_id: int | None = None, limit: int = 100) -> list[LetterProblem]:
    """Drafts that could not be made and issued letters whose email failed, oldest first.

    A letter the Code requires that silently stays unsent is the failure this exists to
    prevent (issue 17): each one is named with its reason until someone puts it right."""
    failed = Q(status=LetterStatus.DRAFT) & ~Q(issue_error="")
    unsent = Q(status=LetterStatus.ISSUED) & ~Q(send_error="")
    # Only what a problem names: a letter's body and its complaint's whole row are wide.
    letters = (
        Letter.objects.filter(failed | unsent)
        .select_related("complaint")
        .only("complaint_id", "kind", "issue_error", "send_error", "complaint__reference")
        .order_by("created_at", "id")
    )
    if complaint_id is not None:
        letters = letters.filter(complaint_id=complaint_id)
    return [
        LetterProblem(
            letter_id=letter.pk,
            complaint_id=letter.complaint_id,
            reference=letter.complaint.reference,
            kind=letter_label(letter.kind),
            reason=letter.issue_error or letter.send_error,
        )
        for letter in letters[:limit]
    ]


def print_queue(*, limit: int = 50, offset: int = 0) -> list[Letter]:
    """Issued letters with something to post, oldest first (one query): the resident's letter,
    the copy to their representative (Code 3.6), or both."""
    to_post = Q(channel=LetterChannel.POST, sent_at__isnull=True) & ~Q(post_status__in=WITH_NOTIFY) | Q(
        copy_channel=LetterChannel.POST, copy_sent_at__isnull=True
    )
    qs = (
        Letter.objects.filter(to_post, status=LetterStatus.ISSUED)
        .select_related("complaint")
        .order_by("issued_at", "id")
    )
    return list(qs[offset : offset + limit + 1])


def template_active(*, kind: LetterKind | str) -> LetterTemplate | None:
    """The landlord's current wording for ``kind``, or None to use putright's default wording."""
    return LetterTemplate.objects.filter(kind=LetterKind(kind).value, active=True).first()


def templates_active() -> dict[str, LetterTemplate]:
    return {t.kind: t for t in LetterTemplate.objects.filter(active=True)}


@dataclass(frozen=True)
class LetterReview:
    """What a caseworker needs to finish a draft: what is missing, and how plain it reads."""

    letter: Letter
    label: str
    missing: tuple[Requirement, ...]
    readability: Readability
    editable: tuple[str, ...]
    preview_html: str
    other_format: str = ""
    # The copy to the resident's representative (Code 3.6): "Bob Smith (son)" and "by email
    # (bob@example.com)"; or why they get none.
    copy_to: str = ""
    copy_by: str = ""
    no_copy_reason: str = ""


def letter_review(*, letter_id: int) -> LetterReview | None:
    """A letter with its missing elements (Code paragraphs named) and plain-language report."""
    from putright.letters.services.drafting import editable_fields

    letter = letter_get(letter_id=letter_id)
    if letter is None:
        return None
    kind = LetterKind(letter.kind)
    blocks = parse_blocks(letter.body_html)
    missing = (
        ()
        if letter.status == LetterStatus.ISSUED
        else missing_elements(kind, elements_filled(letter.content), letter.stage)
    )
    copy_to, copy_by, no_copy_reason = _copy(letter)
    return LetterReview(
        letter=letter,
        label=letter_label(kind),
        missing=missing,
        readability=readability(blocks, target=LandlordSettings.current().readability_target),
        editable=editable_fields(kind) if letter.status == LetterStatus.DRAFT else (),
        preview_html=blocks_html(blocks, classes=PREVIEW_CLASSES, shift=1),
        other_format=_other_format(letter),
        copy_to=copy_to,
        copy_by=copy_by,
        no_copy_reason=no_copy_reason,
    )


def _copy(letter: Letter) -> tuple[str, str, str]:
    """Who gets a copy and how ("Bob Smith (son)", "by email (bob@example.com)"), or why the
    complaint's representative gets none (Code 3.6).

    A draft shows what issuing will do (issuing reads the record again); an issued letter
    shows what was fixed when it was issued.
    """
    from putright.letters.services.compose import copy_delivery

    representative = letter.complaint.representative
    if letter.status == LetterStatus.DRAFT:
        fields, reason = copy_delivery(representative)
        name, relationship = fields["copy_recipient"], fields["copy_relationship"]
        channel, address = fields["copy_channel"], fields["copy_address"]
    else:
        name, relationship = letter.copy_recipient, letter.copy_relationship
        channel, address = letter.copy_channel, letter.copy_address
        reason = (
            f"No copy went to {representative}: when this letter was issued the resident's consent to "
            "them dealing with the complaint was not recorded, or we had no address for them (Code 3.6)."
            if representative is not None and not name
            else ""
        )
    if not name:
        return "", "", reason
    who = f"{name} ({relationship})" if relationship else name
    how = LetterChannel(channel).label.lower()
    where = ", ".join(line.strip() for line in address.splitlines() if line.strip())
    return who, f"by {how} ({where})", ""


def _other_format(letter: Letter) -> str:
    """A format putright does not produce (braille, audio, easy read, another language), to arrange by hand."""
    resident = letter.complaint.resident
    if resident.preferred_format in (Format.STANDARD, Format.LARGE_PRINT):
        return ""
    label = Format(resident.preferred_format).label.lower()
    return f"{label} ({resident.language})" if resident.language else label


PREVIEW_CLASSES = {
    "h2": "govuk-heading-s",
    "h3": "govuk-heading-s",
    "h4": "govuk-heading-s",
    "p": "govuk-body",
    "ul": "govuk-list govuk-list--bullet",
    "ol": "govuk-list govuk-list--number",
}


def complaint_letters_page(
    *, complaint_id: int, page: int = 1, page_size: int = 20
) -> tuple[dict[str, Any], list[Letter], bool] | None:
    """One page of a complaint's letters, and whether another follows; None if no such complaint."""
    complaint = Complaint.objects.filter(pk=complaint_id).values("id", "reference", "stage", "status").first()
    if complaint is None:
        return None
    start = (max(page, 1) - 1) * page_size
    rows = list(letters_for_complaint(complaint_id=complaint_id)[start : start + page_size + 1])
    return dict(complaint), rows[:page_size], len(rows) > page_size


def next_update_due(*, complaint_id: int) -> date | None:
    """The next update date agreed with the resident (Code 5.9), to suggest in a new update."""
    agreement = (
        UpdateAgreement.objects.filter(complaint_id=complaint_id, active=True)
        .order_by("-agreed_on", "-id")
        .first()
    )
    return agreement.next_update_on if agreement else None


def complaint_reference(*, complaint_id: int) -> str | None:
    return Complaint.objects.filter(pk=complaint_id).values_list("reference", flat=True).first()
