"""The written summary as the tenant receives it: a tagged PDF and a Word file.

Made by the letters app's formats from the snapshot kept when the summary was sent, so
both files carry the same letterhead, sections and large print as every Code letter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from django.http import HttpResponse

from putright.hazards.models import Hazard
from putright.letters.blocks import parse_blocks
from putright.letters.formats import LetterPage
from putright.letters.formats.docx import letter_docx
from putright.letters.formats.pdf import letter_pdf


def summary_page(hazard: Hazard) -> LetterPage:
    snapshot = hazard.summary_snapshot
    body = "".join(
        f"<h2>{escape(heading)}</h2>" + "".join(f"<p>{escape(p)}</p>" for p in text.split("\n") if p.strip())
        for heading, text in snapshot["sections"]
    )
    landlord = snapshot["landlord"]
    return LetterPage(
        landlord_name=landlord["name"],
        landlord_address=landlord["address"],
        landlord_email=landlord["email"],
        landlord_phone=landlord["phone"],
        recipient=snapshot["recipient"],
        recipient_address=snapshot["recipient_address"],
        dated=date.fromisoformat(snapshot["sent_on"]),
        reference=hazard.reference,
        subject=snapshot["subject"],
        blocks=parse_blocks(body),
        signature=snapshot["signature"],
        large_print=snapshot["large_print"],
    )


def summary_pdf(hazard: Hazard) -> bytes:
    return letter_pdf(summary_page(hazard))


def summary_docx(hazard: Hazard) -> bytes:
    return letter_docx(summary_page(hazard))


@dataclass(frozen=True)
class SummaryFile:
    content: bytes
    content_type: str
    filename: str

    def download(self) -> HttpResponse:
        """The file as an attachment, the same from the staff page and the API."""
        response = HttpResponse(self.content, content_type=self.content_type)
        response["Content-Disposition"] = f'attachment; filename="{self.filename}"'
        return response


FORMATS = {
    "pdf": (summary_pdf, "application/pdf"),
    "docx": (summary_docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
}


def summary_file(hazard: Hazard, fmt: str) -> SummaryFile | None:
    """The summary as sent in `fmt` (pdf or docx); None when it has not been sent."""
    if fmt not in FORMATS or not hazard.summary_snapshot:
        return None
    render, content_type = FORMATS[fmt]
    return SummaryFile(render(hazard), content_type, f"{hazard.reference}-written-summary.{fmt}")
