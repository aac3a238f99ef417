"""Letter endpoints: a complaint's letters, and the exact files that were sent."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse
from ninja import Path, Router, Schema
from ninja.errors import HttpError

from putright.api.gates import caseworker
from putright.api.schemas.common import READ_ERRORS, ErrorOut
from putright.cases import selectors
from putright.letters.selectors import CONTENT_TYPES, letter_file, letters_for_complaint
from putright.rules.letters import letter_label

router = Router(tags=["letters"])
ObjectId = Annotated[int, Path(ge=1, le=2**62)]


class LetterCopyOut(Schema):
    """The copy to the resident's representative (Code 3.6). Their address is not given."""

    name: str
    relationship: str
    channel: str
    sent_at: datetime | None


class ComplaintLetterOut(Schema):
    id: int
    kind: str
    label: str
    status: str
    stage: int
    subject: str
    created_at: datetime
    issued_at: datetime | None
    sent_at: datetime | None
    channel: str
    large_print: bool
    pdf_url: str | None
    docx_url: str | None
    copy_to: LetterCopyOut | None


@router.get(
    "/complaints/{complaint_id}/letters",
    response={200: list[ComplaintLetterOut], **READ_ERRORS},
    summary="The letters of a complaint (Code 5.12)",
)
def complaint_letters(request: HttpRequest, complaint_id: ObjectId) -> list[dict[str, Any]]:
    """Every letter drafted or issued for the complaint, oldest first. Issued letters have
    `pdf_url` and `docx_url`: the exact files the resident was sent. Drafts have neither.
    `copy_to` names the representative who gets a copy (Code 3.6: only once the resident's
    consent is recorded) and how: `email` or `post`; null when nobody does."""
    caseworker(request)
    if not selectors.complaint_queryset().filter(pk=complaint_id).exists():
        raise HttpError(404, "No complaint with that id")
    out = []
    for letter in letters_for_complaint(complaint_id=complaint_id):
        issued = letter.issued_at is not None
        out.append(
            {
                "id": letter.pk,
                "kind": letter.kind,
                "label": letter_label(letter.kind),
                "status": letter.status,
                "stage": letter.stage,
                "subject": letter.subject,
                "created_at": letter.created_at,
                "issued_at": letter.issued_at,
                "sent_at": letter.sent_at,
                "channel": letter.channel,
                "large_print": letter.large_print,
                "pdf_url": f"/api/v1/letters/{letter.pk}.pdf" if issued else None,
                "docx_url": f"/api/v1/letters/{letter.pk}.docx" if issued else None,
                "copy_to": _copy(letter),
            }
        )
    return out


def _copy(letter: Any) -> dict[str, Any] | None:
    """Who gets (a draft) or got (an issued letter) a copy, and how; None for no copy."""
    if not letter.copy_recipient:
        return None
    return {
        "name": letter.copy_recipient,
        "relationship": letter.copy_relationship,
        "channel": letter.copy_channel,
        "sent_at": letter.copy_sent_at,
    }


def _download(request: HttpRequest, letter_id: int, fmt: str) -> HttpResponse:
    caseworker(request)
    stored = letter_file(letter_id=letter_id, fmt=fmt)
    if stored is None:
        raise HttpError(404, "No issued letter with that id")
    response = HttpResponse(stored.content, content_type=stored.content_type)
    response["Content-Disposition"] = f'attachment; filename="{stored.filename}"'
    return response


def _file_response(fmt: str) -> dict[str, Any]:
    return {
        "responses": {
            "200": {
                "description": f"The {fmt.upper()} exactly as issued",
                "content": {CONTENT_TYPES[fmt]: {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    }


@router.get(
    "/letters/{letter_id}.pdf",
    response={**READ_ERRORS, 410: ErrorOut},
    summary="Download an issued letter as PDF",
    openapi_extra=_file_response("pdf"),
)
def letter_pdf(request: HttpRequest, letter_id: ObjectId) -> HttpResponse:
    return _download(request, letter_id, "pdf")


@router.get(
    "/letters/{letter_id}.docx",
    response={**READ_ERRORS, 410: ErrorOut},
    summary="Download an issued letter as DOCX",
    openapi_extra=_file_response("docx"),
)
def letter_docx(request: HttpRequest, letter_id: ObjectId) -> HttpResponse:
    return _download(request, letter_id, "docx")
