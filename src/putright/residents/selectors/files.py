"""Files a resident may download: what they sent, and letters issued to them."""

from __future__ import annotations

from putright.cases.models import Attachment, Correspondence
from putright.letters.selectors import LetterFile, letter_file, letters_for_complaint
from putright.residents.access import access_resident_complaints
from putright.residents.selectors.detail import shared_with_resident


def resident_attachment(*, email: str, reference: str, attachment_id: int) -> Attachment | None:
    """A file on a complaint the email may reach, if the resident may see it; otherwise None."""
    complaint = access_resident_complaints(email=email).filter(reference=reference.strip().upper()).first()
    if complaint is None:
        return None
    return (
        Attachment.objects.filter(pk=attachment_id, complaint=complaint)
        .filter(
            correspondence__in=Correspondence.objects.filter(complaint=complaint).filter(
                shared_with_resident(complaint)
            )
        )
        .first()
    )


def resident_letter_file(*, email: str, reference: str, letter_id: int, fmt: str) -> LetterFile | None:
    """An issued letter's file, if it is on a complaint the email may reach; otherwise None."""
    complaint = access_resident_complaints(email=email).filter(reference=reference.strip().upper()).first()
    if complaint is None:
        return None
    ours = letters_for_complaint(complaint_id=complaint.pk, issued_only=True).filter(pk=letter_id).exists()
    return letter_file(letter_id=letter_id, fmt=fmt) if ours else None
