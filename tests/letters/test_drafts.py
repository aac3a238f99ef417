"""Drafts a caseworker finishes: free text only, issue refused until complete, updates, post."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest
from django.core import mail

from putright.accounts.models import User
from putright.cases import services
from putright.cases.models import Complaint, Correspondence
from putright.core.errors import ActionRefused, InvalidInput
from putright.letters.models import Letter, LetterStatus
from putright.letters.selectors import print_queue
from putright.letters.services import (
    letter_draft_update,
    letter_edit,
    letter_issue,
    letter_mark_posted,
    letter_send,
    letters_held_as_drafts,
)
from tests.letters.readback import pdf_text


def _upheld_without_remedy(complaint: Complaint, handler: User, now: datetime) -> Letter:
    """A draft (held, as a bulk load holds them) whose reason for no remedy was then deleted.

    The response itself cannot be recorded without that reason (Code 6.9e); a draft edited
    afterwards is the one way a response letter can still lack it.
    """
    with letters_held_as_drafts():
        services.complaint_respond(
            actor=handler,
            now=now,
            complaint_id=complaint.pk,
            responded_on=date(2026, 11, 30),
            late_entry_reason="Sent on the day; entered later",
            decision="upheld",
            reasons="The appointments were missed.",
            no_remedy_reason="to be written",
        )
    letter = Letter.objects.get(complaint=complaint, kind="stage1_response")
    return letter_edit(actor=handler, now=now, letter_id=letter.pk, changes={"no_remedy_reason": ""})


def test_issuing_an_incomplete_letter_is_refused_naming_the_paragraph_code_6_9_e(
    acknowledged: Complaint, handler: User, now: datetime
) -> None:
    letter = _upheld_without_remedy(acknowledged, handler, now)
    with pytest.raises(ActionRefused) as refused:
        letter_issue(actor=handler, now=now, letter_id=letter.pk)
    assert refused.value.code_paragraph == "6.9"
    assert "the remedy offered, or a statement that none is offered (Code 6.9e)" in refused.value.message
    letter.refresh_from_db()
    assert letter.status == LetterStatus.DRAFT and not letter.pdf


def test_saying_why_no_remedy_is_offered_lets_the_response_go_code_6_9_e(
    acknowledged: Complaint, handler: User, now: datetime, django_capture_on_commit_callbacks: Any
) -> None:
    letter = _upheld_without_remedy(acknowledged, handler, now)
    letter_edit(
        actor=handler,
        now=now,
        letter_id=letter.pk,
        changes={
            "no_remedy_reason": "the repair was already done at no cost to you",
            "opening": "Thank you.",
        },
    )
    with django_capture_on_commit_callbacks(execute=True):
        issued = letter_issue(actor=handler, now=now, letter_id=letter.pk)
    assert issued.status == LetterStatus.ISSUED and issued.issued_by == handler
    with issued.pdf.open("rb") as handle:
        text = pdf_text(handle.read())
    assert "We are not offering a remedy because the repair was already done at no cost to you." in text
    assert "Thank you." in text
    assert len(mail.outbox) == 1


def test_text_from_the_case_record_cannot_be_rewritten_in_the_letter(
    acknowledged: Complaint, handler: User, now: datetime
) -> None:
    letter = _upheld_without_remedy(acknowledged, handler, now)
    with pytest.raises(InvalidInput) as refused:
        letter_edit(actor=handler, now=now, letter_id=letter.pk, changes={"reasons": "Something kinder"})
    assert "case record" in refused.value.errors["reasons"][0]


def test_an_issued_letter_cannot_be_edited_or_issued_twice(
    complaint: Complaint, handler: User, now: datetime
) -> None:
    services.complaint_request_clarification(
        actor=handler, now=now, complaint_id=complaint.pk, questions="Which?"
    )
    letter = Letter.objects.get(complaint=complaint)
    letter_issue(actor=handler, now=now, letter_id=letter.pk)
    with pytest.raises(InvalidInput):
        letter_edit(actor=handler, now=now, letter_id=letter.pk, changes={"opening": "Hello"})
    with pytest.raises(InvalidInput):
        letter_issue(actor=handler, now=now, letter_id=letter.pk)


def test_an_update_gives_progress_and_the_next_update_date_code_5_9_6_6(
    acknowledged: Complaint, handler: User, now: datetime, django_capture_on_commit_callbacks: Any
) -> None:
    with pytest.raises(InvalidInput) as refused:
        letter_draft_update(
            actor=handler, now=now, complaint_id=acknowledged.pk, summary=" ", next_update_on=None
        )
    assert set(refused.value.errors) == {"update_summary", "next_update_date"}
    letter = letter_draft_update(
        actor=handler,
        now=now,
        complaint_id=acknowledged.pk,
        summary="The glazier has measured the window.",
        next_update_on=date(2026, 12, 8),
    )
    assert letter.status == LetterStatus.DRAFT  # written by staff: issued when they choose
    with django_capture_on_commit_callbacks(execute=True):
        letter_issue(actor=handler, now=now, letter_id=letter.pk)
    letter.refresh_from_db()
    with letter.pdf.open("rb") as handle:
        text = pdf_text(handle.read())
    assert "The glazier has measured the window." in text and "Tuesday 8 December 2026" in text
    assert acknowledged.reference in text and letter.sent_at is not None


def test_posted_letters_leave_the_print_queue_and_join_the_correspondence_code_5_12(
    log_complaint: Callable[..., Complaint],
    handler: User,
    now: datetime,
    django_capture_on_commit_callbacks: Any,
) -> None:
    complaint = log_complaint(preferred_channel="post")
    with django_capture_on_commit_callbacks(execute=True):
        services.complaint_request_clarification(
            actor=handler, now=now, complaint_id=complaint.pk, questions="Which?"
        )
    letter = Letter.objects.get(complaint=complaint)
    assert print_queue() == [letter]
    posted = letter_mark_posted(actor=handler, now=now, letter_id=letter.pk)
    assert posted.sent_at == now and print_queue() == []
    record = Correspondence.objects.get(pk=posted.correspondence_id)
    assert (record.channel, record.direction, record.party) == ("post", "out", "Ada Lovelace")
    with pytest.raises(InvalidInput):
        letter_mark_posted(actor=handler, now=now, letter_id=letter.pk)


def test_sending_again_after_a_failure_sends_once(complaint: Complaint, handler: User, now: datetime) -> None:
    services.complaint_request_clarification(
        actor=handler, now=now, complaint_id=complaint.pk, questions="Which?"
    )
    letter = Letter.objects.get(complaint=complaint)
    letter_issue(actor=handler, now=now, letter_id=letter.pk)  # no commit here: nothing sent yet
    assert mail.outbox == []
    letter_send(letter_id=letter.pk, now=now)
    letter_send(letter_id=letter.pk, now=now)
    assert len(mail.outbox) == 1


def test_history_loaded_in_bulk_is_held_as_drafts(
    complaint: Complaint, handler: User, now: datetime, django_capture_on_commit_callbacks: Any
) -> None:
    with letters_held_as_drafts(), django_capture_on_commit_callbacks(execute=True):
        services.complaint_request_clarification(
            actor=handler, now=now, complaint_id=complaint.pk, questions="Which?"
        )
    assert Letter.objects.get(complaint=complaint).status == LetterStatus.DRAFT
    assert mail.outbox == []
