"""Time rendering a stage 1 response letter (Code 6.9) to PDF, and to DOCX for comparison.

Run: .venv/bin/python bench/bench_letter_pdf.py
No database is used: the letter is built from sample content with putright's own
wording, exactly as `letter_issue` builds it. The first render (fonts loaded, caches
cold) is reported separately; the median is over the next 20 renders.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

RENDERS = 20


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "putright.settings")
    import django

    django.setup()
    from putright.landlord.models import LandlordSettings
    from putright.letters.blocks import parse_blocks
    from putright.letters.content import stage_two_route
    from putright.letters.formats import LetterPage
    from putright.letters.formats.docx import letter_docx
    from putright.letters.formats.pdf import letter_pdf
    from putright.letters.services.compose import render_body
    from putright.letters.services.templates import SAMPLE
    from putright.letters.wording import default_wording
    from putright.rules.letters import LetterKind

    landlord = LandlordSettings()
    content = {
        **SAMPLE,
        "decision": "partly_upheld",
        "reasons": "The first repair appointment was missed without notice. The second was kept.\n\n" * 3,
        "remedies": [
            {"kind": "Apology", "description": "We apologise for the missed appointment.", "amount": None},
            {
                "kind": "Financial remedy",
                "description": "A payment for your time off work",
                "amount": "75.00",
            },
        ],
        "stage_two_route": stage_two_route(landlord),
    }
    _, body_html = render_body(default_wording(LetterKind.STAGE1_RESPONSE), content)

    def page() -> LetterPage:
        return LetterPage(
            landlord_name=landlord.name,
            landlord_address=landlord.complaints_address,
            landlord_email=landlord.complaints_email,
            landlord_phone=landlord.complaints_phone,
            recipient="Sam Sample",
            recipient_address="12 Mill Road\nAnytown\nAT1 2BC",
            dated=date(2026, 12, 1),
            reference="CMP-ABCD-2345",
            subject="Your complaint CMP-ABCD-2345: our reply at stage 1",
            blocks=parse_blocks(body_html),
            signature="Hana Hughes\nComplaints team",
        )

    began = time.perf_counter()
    pdf = letter_pdf(page())
    cold = time.perf_counter() - began
    pdf_times, docx_times = [], []
    for _ in range(RENDERS):
        began = time.perf_counter()
        pdf = letter_pdf(page())
        pdf_times.append(time.perf_counter() - began)
        began = time.perf_counter()
        letter_docx(page())
        docx_times.append(time.perf_counter() - began)
    print(f"stage 1 response to PDF: first render {cold * 1000:.0f} ms (cold), then {RENDERS} renders")
    print(f"median PDF render:  {statistics.median(pdf_times) * 1000:.0f} ms ({len(pdf):,} bytes)")
    print(f"median DOCX render: {statistics.median(docx_times) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
