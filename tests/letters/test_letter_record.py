"""An issued letter is the record of what the resident was told (Code 5.12): it never changes."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

import pytest
from django.core.files.base import ContentFile

from putright.cases.models import Complaint
from putright.letters.models import Letter, LetterChannel, LetterIsIssued, LetterStatus
from putright.letters.selectors import letter_file, letters_for_complaint


def _letter(complaint: Complaint, now: datetime, **fields: Any) -> Letter:
    return Letter.objects.create(
        complaint=complaint,
        stage=1,
        kind="acknowledgement",
        subject="We have received your complaint",
        body_html="<p>Hello</p>",
        created_at=now,
        updated_at=now,
        channel=LetterChannel.EMAIL,
        recipient="Ada Lovelace",
        **fields,
    )


def _issue_by_hand(letter: Letter, now: datetime) -> Letter:
    pdf, docx = b"%PDF-1.7 letter", b"PK\x03\x04 letter"
    letter.pdf.save("a.pdf", ContentFile(pdf), save=False)
    letter.docx.save("a.docx", ContentFile(docx), save=False)
    letter.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
    letter.docx_sha256 = hashlib.sha256(docx).hexdigest()
    letter.status = LetterStatus.ISSUED
    letter.issued_at = now
    letter.save()
    return letter


def test_issued_letter_text_cannot_change_code_5_12(complaint: Complaint, now: datetime) -> None:
    letter = _issue_by_hand(_letter(complaint, now), now)
    letter.body_html = "<p>Something else</p>"
    with pytest.raises(LetterIsIssued):
        letter.save()
    with pytest.raises(LetterIsIssued):
        Letter.objects.filter(pk=letter.pk).update(subject="changed")
    with pytest.raises(LetterIsIssued):
        Letter.objects.get(pk=letter.pk).delete()
    with pytest.raises(LetterIsIssued):
        Letter.objects.filter(pk=letter.pk).delete()


def test_sending_is_recorded_once_on_an_issued_letter_code_5_12(complaint: Complaint, now: datetime) -> None:
    letter = _issue_by_hand(_letter(complaint, now), now)
    letter.sent_at = now
    letter.save()
    letter.sent_at = now.replace(hour=11)
    with pytest.raises(LetterIsIssued):
        letter.save()


def test_drafts_have_no_files_and_residents_see_only_issued_letters(
    complaint: Complaint, now: datetime
) -> None:
    draft = _letter(complaint, now)
    issued = _issue_by_hand(_letter(complaint, now), now)
    assert letter_file(letter_id=draft.pk, fmt="pdf") is None
    assert list(letters_for_complaint(complaint_id=complaint.pk, issued_only=True)) == [issued]
    assert list(letters_for_complaint(complaint_id=complaint.pk)) == [draft, issued]
    content, content_type, filename = letter_file(letter_id=issued.pk, fmt="pdf")  # type: ignore[misc]
    assert content == b"%PDF-1.7 letter"
    assert content_type == "application/pdf"
    assert filename.startswith(complaint.reference) and filename.endswith(".pdf")
    assert letter_file(letter_id=issued.pk, fmt="exe") is None
