"""Drafting letters: from a case event (inside the action's transaction), or an update a
caseworker writes (Code 5.9, 6.6, 6.17); and editing the free-text parts of a draft."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from typing import Any

from django.db import transaction

from putright.cases.models import CaseEvent, Complaint
from putright.core.actor import Actor, user_or_none
from putright.core.dates import england_date
from putright.core.errors import ActionRefused, InvalidInput
from putright.landlord.models import LandlordSettings
from putright.letters.content import content_for_event, content_for_update, elements_filled, subject_for
from putright.letters.models import Letter, LetterStatus
from putright.letters.services.compose import delivery, render_body, wording_for
from putright.rules.letters import LetterIncomplete, LetterKind, missing_elements

MAX_TEXT = 5000
_AUTO_ISSUE: ContextVar[bool] = ContextVar("putright_letters_auto_issue", default=True)

# What a caseworker may write into a draft. Everything else comes from the case record, and
# changes there (through the case services) so the record and the letter never disagree.
EDITABLE_COMMON = ("opening", "closing")
EDITABLE: dict[LetterKind, tuple[str, ...]] = {
    LetterKind.ACKNOWLEDGEMENT: ("responsibility",),
    LetterKind.STAGE1_RESPONSE: ("no_remedy_reason",),
    LetterKind.STAGE2_RESPONSE: ("no_remedy_reason",),
    LetterKind.UPDATE: ("update_summary", "next_update_date"),
}


# The letters whose action only counts once the resident has it (Code 5.6, 5.7, 6.2-6.5,
# 6.9, 6.11, 6.14-6.16, 6.19): an action whose letter would miss an element is refused.
TOLD_OR_REFUSED = frozenset(
    {
        LetterKind.ACKNOWLEDGEMENT,
        LetterKind.EXTENSION_NOTICE,
        LetterKind.STAGE1_RESPONSE,
        LetterKind.STAGE2_RESPONSE,
    }
)


def editable_fields(kind: LetterKind | str) -> tuple[str, ...]:
    kind = LetterKind(kind)
    return (*EDITABLE.get(kind, ()), *EDITABLE_COMMON)


@contextmanager
def letters_held_as_drafts() -> Iterator[None]:
    """Inside this block, letters drafted for events are not issued or sent automatically.

    For bulk loads of history (demo data, imports), where residents must not be written to.
    """
    token = _AUTO_ISSUE.set(False)
    try:
        yield
    finally:
        _AUTO_ISSUE.reset(token)


def _create(
    *,
    actor: Actor | None,
    now: datetime,
    complaint: Complaint,
    kind: LetterKind,
    stage: int,
    content: dict[str, Any],
    event: CaseEvent | None = None,
) -> Letter:
    template, source = wording_for(kind)
    _, body_html = render_body(source, content)
    return Letter.objects.create(
        complaint=complaint,
        stage=stage,
        kind=kind.value,
        event=event,
        template=template,
        content=content,
        subject=subject_for(kind, complaint.reference, stage),
        body_html=body_html,
        created_by=user_or_none(actor),
        created_at=now,
        updated_at=now,
        **delivery(complaint),
    )


def letter_draft_for_event(*, event: CaseEvent) -> Letter | None:
    """Draft the letter an event calls for (Code 2.4, 5.6, 5.11, 6.2-6.5, 6.9, 6.11, 6.15-6.19, 7.3).

    Runs inside the action's transaction, so the action and its draft stand or fall
    together. A complete draft is issued and sent once the action commits (unless inside
    `letters_held_as_drafts`); an incomplete one waits for the caseworker.
    """
    # The service that wrote the event left the complaint (and its resident) loaded on it.
    complaint = event.complaint
    built = content_for_event(event, complaint, LandlordSettings.current())
    if built is None:
        return None
    kind, stage, content = built
    if (event.after or {}).get("sent_outside"):
        # The resident was told outside putright; the action records how (Code 5.12).
        return None
    missing = missing_elements(kind, elements_filled(content), stage)
    if missing and kind in TOLD_OR_REFUSED:
        # A stage counts as acknowledged, extended or answered only once the resident is
        # told: a letter that would wait as a draft would let the record run ahead of that.
        raise ActionRefused.from_rule(LetterIncomplete(kind, missing))
    letter = _create(
        actor=event.actor,
        now=event.at,
        complaint=complaint,
        kind=kind,
        stage=stage,
        content=content,
        event=event,
    )
    if _AUTO_ISSUE.get() and not missing:
        from putright.letters.services.issuing import letter_issue_queue

        letter_issue_queue(letter=letter, actor=event.actor, now=event.at)
    return letter


def letter_draft_update(
    *, actor: Actor | None, now: datetime, complaint_id: int, summary: str, next_update_on: date | None
) -> Letter:
    """Draft an update to the resident: progress so far and when they will next hear (Code 5.9, 6.6, 6.17)."""
    errors: dict[str, str] = {}
    if not (summary or "").strip():
        errors["update_summary"] = "Write what has happened since the resident last heard from us"
    elif len(summary) > MAX_TEXT:
        errors["update_summary"] = f"Keep the update under {MAX_TEXT:,} characters"
    if next_update_on is None:
        errors["next_update_date"] = "Enter the date of the next update (Code 5.9)"
    elif next_update_on < england_date(now):
        errors["next_update_date"] = "The next update date cannot be in the past"
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        complaint = Complaint.objects.select_related("resident").filter(pk=complaint_id).first()
        if complaint is None:
            raise InvalidInput({"complaint": "No such complaint"})
        content = content_for_update(
            complaint, LandlordSettings.current(), summary=summary, next_update_on=next_update_on
        )
        return _create(
            actor=actor,
            now=now,
            complaint=complaint,
            kind=LetterKind.UPDATE,
            stage=complaint.stage,
            content=content,
        )


def _clean_edit(kind: LetterKind, changes: Mapping[str, Any]) -> dict[str, Any]:
    allowed = editable_fields(kind)
    errors: dict[str, str] = {}
    cleaned: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in allowed:
            errors[name] = "This part of the letter comes from the case record: change it there"
            continue
        if name == "next_update_date":
            if not isinstance(value, date):
                errors[name] = "Enter a real date, for example 27 3 2027"
            else:
                cleaned[name] = value.isoformat()
            continue
        text = str(value or "").replace("\r\n", "\n").strip()
        if len(text) > MAX_TEXT:
            errors[name] = f"Keep this under {MAX_TEXT:,} characters"
        cleaned[name] = text
    if kind is LetterKind.UPDATE and "update_summary" in cleaned and not cleaned["update_summary"]:
        errors["update_summary"] = "Write what has happened since the resident last heard from us"
    if errors:
        raise InvalidInput(errors)
    return cleaned


def letter_edit(*, actor: Actor | None, now: datetime, letter_id: int, changes: Mapping[str, Any]) -> Letter:
    """Change the free-text parts of a draft and render it again. Issued letters never change."""
    with transaction.atomic():
        letter = (
            Letter.objects.select_for_update(of=("self",))
            .select_related("complaint")
            .filter(pk=letter_id)
            .first()
        )
        if letter is None:
            raise InvalidInput({"letter": "No such letter"})
        if letter.status != LetterStatus.DRAFT:
            raise InvalidInput({"letter": "This letter has been issued and can no longer be changed"})
        kind = LetterKind(letter.kind)
        letter.content = {**letter.content, **_clean_edit(kind, changes)}
        letter.template, source = wording_for(kind)
        _, letter.body_html = render_body(source, letter.content)
        letter.updated_at = now
        letter.save()
    return letter
