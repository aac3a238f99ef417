"""A letter whose stored file is missing or damaged answers 410 with a page, never a 500.

Issue 17 item 9: corrupted or missing letter and attachment files on the API and staff pages.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import pytest
from django.core.files.base import ContentFile

from putright.cases.models import Complaint
from putright.letters.models import Letter, LetterChannel, LetterStatus


def _issued(complaint: Complaint, now: datetime) -> Letter:
    letter = Letter(
        complaint=complaint,
        stage=1,
        kind="acknowledgement",
        subject="We have received your complaint",
        body_html="<p>Hello</p>",
        created_at=now,
        updated_at=now,
        channel=LetterChannel.EMAIL,
        recipient="Ada Lovelace",
    )
    pdf, docx = b"%PDF-1.7 letter", b"PK\x03\x04 letter"
    letter.pdf.save("a.pdf", ContentFile(pdf), save=False)
    letter.docx.save("a.docx", ContentFile(docx), save=False)
    letter.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
    letter.docx_sha256 = hashlib.sha256(docx).hexdigest()
    letter.status = LetterStatus.ISSUED
    letter.issued_at = now
    letter.save()
    return letter


@pytest.mark.parametrize("damage", ["missing", "corrupt"])
def test_a_missing_or_damaged_letter_file_is_a_410_on_the_api_and_staff_pages(
    client, api_for, officer, complaint, now, damage
):
    letter = _issued(complaint, now)
    path = Path(letter.pdf.path)
    if damage == "missing":
        path.unlink()
    else:
        path.write_bytes(b"%PDF-1.7 something else")
    response = api_for(officer).get(f"/letters/{letter.pk}.pdf")
    assert response.status_code == 410
    assert "cannot be read" in response.json()["detail"]
    client.force_login(officer)
    page = client.get(f"/staff/letters/{letter.pk}/letter.pdf")
    assert page.status_code == 410
    assert "This file is not available" in page.content.decode()
