"""The evidence pack for the Ombudsman: a complaint's full record as one PDF (Code 5.12).

Every event, every piece of correspondence and every issued letter, in date order, then the
attachments: PDFs appended page by page, images shown in the record, other files listed.
"""

from __future__ import annotations

import base64
import io
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from putright.cases.models import Attachment, CaseEvent, Complaint, Correspondence
from putright.core.dates import ENGLAND
from putright.documents import html_to_pdf
from putright.landlord.models import LandlordSettings
from putright.letters.selectors import letters_for_complaint

log = logging.getLogger("putright.governance")
IMAGE_TYPES = {"image/png", "image/jpeg", "image/gif"}


@dataclass(frozen=True)
class Entry:
    at: datetime
    order: int
    kind: str
    title: str
    who: str
    body: str
    html: Any = None
    images: tuple[tuple[str, str], ...] = ()
    files: tuple[str, ...] = ()

    @property
    def local(self) -> datetime:
        return self.at.astimezone(ENGLAND)


def _letters(complaint_id: int) -> list[Any]:
    return list(letters_for_complaint(complaint_id=complaint_id, issued_only=True))


def _letter_recipients(letter: Any) -> str:
    """'To Ada Lovelace, by email; copy to Bob Smith (son), by post': everyone the letter went to (Code 3.6)."""
    who = f"To {letter.recipient}, by {letter.get_channel_display().lower()}"
    if letter.copy_to:
        who += f"; copy to {letter.copy_to}, by {letter.get_copy_channel_display().lower()}"
    return who


def _image(attachment: Attachment) -> tuple[str, str]:
    with attachment.file.open("rb") as handle:
        data = base64.b64encode(handle.read()).decode()
    return attachment.original_name, f"data:{attachment.content_type};base64,{data}"


def record_entries(complaint: Complaint) -> tuple[list[Entry], list[Attachment]]:
    """The complaint's record in date order, and its PDF attachments to append."""
    attachments = list(Attachment.objects.filter(complaint=complaint).order_by("uploaded_at", "id"))
    by_item: dict[int | None, list[Attachment]] = {}
    for a in attachments:
        by_item.setdefault(a.correspondence_id, []).append(a)
    entries = [
        Entry(e.at, 0, "Event", e.summary, e.actor_label, _details(e))
        for e in CaseEvent.objects.filter(complaint=complaint).order_by("at", "id")
    ]
    for c in Correspondence.objects.filter(complaint=complaint).order_by("occurred_at", "id"):
        files = by_item.get(c.pk, [])
        entries.append(
            Entry(
                c.occurred_at,
                1,
                f"Correspondence {c.get_direction_display().lower()} ({c.channel})",
                c.subject or "(no subject)",
                c.party,
                c.body,
                images=tuple(_image(a) for a in files if a.content_type in IMAGE_TYPES),
                files=tuple(a.original_name for a in files),
            )
        )
    for letter in _letters(complaint.pk):
        entries.append(
            Entry(
                letter.issued_at or letter.created_at,
                2,
                f"Letter issued ({letter.get_kind_display()})",
                letter.subject,
                _letter_recipients(letter),
                "",
                html=mark_safe(letter.body_html),  # noqa: S308  (rendered and escaped by the letters app)
            )
        )
    loose = by_item.get(None, [])
    for a in loose:
        entries.append(
            Entry(
                _uploaded(a),
                3,
                "Document added to the record",
                a.original_name,
                "",
                "",
                images=(_image(a),) if a.content_type in IMAGE_TYPES else (),
            )
        )
    entries.sort(key=lambda e: (e.at, e.order))
    return entries, [a for a in attachments if a.content_type == "application/pdf"]


def _uploaded(a: Attachment) -> datetime:
    return a.uploaded_at


def _details(event: CaseEvent) -> str:
    after = event.after or {}
    lines = []
    for key in (
        "description",
        "definition",
        "outcomes_sought",
        "reasons",
        "reason",
        "explanation",
        "note",
        "issue",
    ):
        value = after.get(key)
        if value:
            lines.append(f"{key.replace('_', ' ').capitalize()}: {value}")
    return "\n".join(lines)


def evidence_pack_pdf(*, complaint: Complaint, generated_at: datetime) -> bytes:
    entries, pdfs = record_entries(complaint)
    landlord = LandlordSettings.current()
    html = render_to_string(
        "governance/documents/evidence_pack.html",
        {
            "complaint": complaint,
            "entries": entries,
            "landlord": landlord,
            "generated_at": generated_at.astimezone(ENGLAND),
            "appended": [a.original_name for a in pdfs],
            "stages": list(complaint.stages.order_by("stage")),
        },
    )
    main = html_to_pdf(html)
    if not pdfs:
        return main
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PdfReadError

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(main)))
    for attachment in pdfs:
        with attachment.file.open("rb") as handle:
            try:
                writer.append(PdfReader(io.BytesIO(handle.read())), outline_item=attachment.original_name)
            except PdfReadError:
                # A damaged upload is named in the pack's list of documents but cannot be appended.
                log.warning("evidence pack %s: could not append %s", complaint.reference, attachment.pk)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
