"""Publishing documents on the landlord's public complaints page (Code 8.2, 8.5)."""

from __future__ import annotations

from datetime import date, datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify

from putright.core.actor import Actor, user_or_none
from putright.core.dates import england_date
from putright.core.errors import InvalidInput
from putright.governance.models import Publication


def publication_create(
    *,
    actor: Actor | None,
    now: datetime,
    kind: str,
    title: str,
    pdf: bytes,
    docx: bytes | None = None,
    summary: str = "",
    period_start: date | None = None,
    period_end: date | None = None,
) -> Publication:
    """Publish a rendered document. What was published is kept as it was, whatever changes later."""
    if not pdf.startswith(b"%PDF-"):
        raise InvalidInput({"pdf": "The document to publish must be a PDF"})
    name = slugify(title)[:80] or "document"
    with transaction.atomic():
        publication = Publication(
            kind=kind,
            title=title.strip()[:300],
            summary=summary.strip(),
            period_start=period_start,
            period_end=period_end,
            published_on=england_date(now),
            published_at=now,
            published_by=user_or_none(actor),
        )
        publication.pdf.save(f"{name}.pdf", ContentFile(pdf), save=False)
        if docx:
            publication.docx.save(f"{name}.docx", ContentFile(docx), save=False)
        publication.save()
    return publication


def publication_withdraw(*, actor: Actor | None, now: datetime, publication_id: int) -> Publication:
    """Take a document off the public page. The file is kept."""
    with transaction.atomic():
        publication = Publication.objects.select_for_update().get(pk=publication_id)
        if publication.withdrawn_at is None:
            publication.withdrawn_at = now
            publication.save(update_fields=["withdrawn_at"])
    return publication
