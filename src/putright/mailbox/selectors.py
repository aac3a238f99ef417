"""The files that came with an emailed contact, for the person triaging it."""

from __future__ import annotations

from putright.mailbox.models import InboundAttachment


def contact_email_files(*, contact_id: int) -> list[InboundAttachment]:
    return list(InboundAttachment.objects.filter(email__contact_id=contact_id).order_by("pk"))


def contact_email_file(*, contact_id: int, file_id: int) -> InboundAttachment | None:
    return InboundAttachment.objects.filter(pk=file_id, email__contact_id=contact_id).first()
