"""Every action the Code requires to be confirmed in writing produces its letter, through the
case services, and the letter read back from its PDF and DOCX carries what the Code requires."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from django.core import mail

from putright.accounts.models import User
from putright.cases import services
from putright.cases.models import Action, Complaint, Correspondence, Remedy
from putright.core.errors import ActionRefused
from putright.landlord.models import DEFAULT_OMBUDSMAN_DETAILS
from putright.letters.models import Letter, LetterStatus
from putright.letters.selectors import letter_file
from tests.letters.readback import docx_text, pdf_text

OMBUDSMAN_PHONE = "0300 111 3000"
NO_REMEDY = "We are not offering a remedy because"
NO_ACTIONS = "There are no outstanding actions."


@pytest.fixture
def commit(django_capture_on_commit_callbacks: Any) -> Callable[[], AbstractContextManager[Any]]:
    """Run what the action leaves for after commit (issuing and sending), as a real request would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _only(complaint: Complaint, kind: str) -> Letter:
    letters = list(Letter.objects.filter(complaint=complaint, kind=kind))
    assert len(letters) == 1, letters
    return letters[0]


def _texts(letter: Letter) -> Iterator[str]:
    for fmt, read in (("pdf", pdf_text), ("docx", docx_text)):
        stored = letter_file(letter_id=letter.pk, fmt=fmt)
        assert stored is not None, f"{letter.kind} has no {fmt}"
        yield read(stored.content)


def _respond(complaint: Complaint, actor: User, now: datetime, **kwargs: Any) -> Complaint:
    args: dict[str, Any] = {
        "responded_on": date(2026, 11, 30),
        "decision": "not_upheld",
        "reasons": "Both appointments were kept. Our contractor's records show the visits.",
        "late_entry_reason": "Sent on 30 November, entered the next morning",
    }
    args.update(kwargs)
    return services.complaint_respond(actor=actor, now=now, complaint_id=complaint.pk, **args)


def _escalate_and_acknowledge(complaint: Complaint, reviewer: User, now: datetime) -> None:
    services.complaint_escalate(
        actor=reviewer,
        now=now,
        complaint_id=complaint.pk,
        requested_at=datetime(2026, 11, 30, 15, tzinfo=UTC),
        late_entry_reason="Asked by phone on 30 November, entered the next morning",
    )
    services.complaint_acknowledge(
        actor=reviewer,
        now=now,
        complaint_id=complaint.pk,
        acknowledged_on=date(2026, 12, 1),
        definition="The resident disagrees that the appointments were kept.",
        outcomes_sought="An apology and compensation for time off work.",
        responsibility="We are responsible for our contractor's appointments.",
    )


def test_acknowledgement_confirms_definition_outcomes_and_reply_date_code_5_6_5_7_6_2(
    complaint: Complaint, handler: User, now: datetime, commit: Any
) -> None:
    with commit():
        services.complaint_acknowledge(
            actor=handler,
            now=now,
            complaint_id=complaint.pk,
            acknowledged_on=date(2026, 11, 25),
            late_entry_reason="Acknowledged by phone; entered on return",
            definition="The kitchen window does not close.",
            outcomes_sought="The window repaired.",
            responsibility="We are responsible for the window.",
        )
    letter = _only(complaint, "acknowledgement")
    assert letter.status == LetterStatus.ISSUED and letter.stage == 1
    for text in _texts(letter):
        assert complaint.reference in text
        assert "The kitchen window does not close." in text
        assert "The window repaired." in text
        assert "We are responsible for the window." in text
        assert "Wednesday 9 December 2026" in text  # 10 working days after 25 November (6.3)


def test_acknowledgement_without_responsibility_is_refused_and_nothing_is_drafted_code_5_7(
    complaint: Complaint, handler: User, now: datetime, commit: Any
) -> None:
    with commit(), pytest.raises(ActionRefused) as refused:
        services.complaint_acknowledge(
            actor=handler,
            now=now,
            complaint_id=complaint.pk,
            acknowledged_on=date(2026, 11, 25),
            late_entry_reason="Acknowledged by phone; entered on return",
            definition="The kitchen window does not close.",
            outcomes_sought="The window repaired.",
        )
    assert refused.value.code_paragraph == "5.7"
    assert not Letter.objects.filter(complaint=complaint).exists() and mail.outbox == []
    assert Complaint.objects.get(pk=complaint.pk).status == "received"


def test_clarification_request_lists_the_questions_code_5_6(
    complaint: Complaint, handler: User, now: datetime, commit: Any
) -> None:
    with commit():
        services.complaint_request_clarification(
            actor=handler, now=now, complaint_id=complaint.pk, questions="Which window is it, and since when?"
        )
    letter = _only(complaint, "clarification_request")
    for text in _texts(letter):
        assert complaint.reference in text and "Which window is it, and since when?" in text


def test_extension_notice_gives_new_date_reasons_and_ombudsman_details_code_6_4_6_5(
    acknowledged: Complaint, handler: User, now: datetime, commit: Any
) -> None:
    with commit():
        services.complaint_extend(
            actor=handler,
            now=now,
            complaint_id=acknowledged.pk,
            working_days=5,
            reason="We are waiting for the glazier's report.",
        )
    letter = _only(acknowledged, "extension_notice")
    assert letter.status == LetterStatus.ISSUED
    for text in _texts(letter):
        assert acknowledged.reference in text
        assert "Wednesday 16 December 2026" in text  # 9 December plus 5 working days
        assert "We are waiting for the glazier's report." in text
        assert OMBUDSMAN_PHONE in text and "Housing Ombudsman" in text


def test_stage_one_response_without_remedy_or_actions_says_so_code_6_9(
    acknowledged: Complaint, handler: User, now: datetime, commit: Any
) -> None:
    with commit():
        _respond(acknowledged, handler, now)
    letter = _only(acknowledged, "stage1_response")
    assert letter.status == LetterStatus.ISSUED
    for text in _texts(letter):
        assert acknowledged.reference in text
        assert "stage 1" in text  # 6.9a
        assert "The kitchen window does not close, and two repair appointments were missed." in text  # 6.9b
        assert "We do not uphold your complaint." in text  # 6.9c
        assert "Both appointments were kept." in text  # 6.9d
        assert f"{NO_REMEDY} we have not found that we got anything wrong." in text  # 6.9e
        assert NO_ACTIONS in text  # 6.9f
        assert "ask us to look at your complaint again" in text and "stage 2" in text  # 6.9g


def test_stage_one_response_lists_remedies_and_dated_actions_code_6_9_e_f(
    acknowledged: Complaint, handler: User, now: datetime, commit: Any
) -> None:
    with commit():
        _respond(
            acknowledged,
            handler,
            now,
            decision="upheld",
            reasons="Two appointments were missed without notice.",
            remedies=[
                services.RemedyInput(
                    kind="apology",
                    description="We apologise for the missed appointments.",
                    due_on=date(2027, 1, 15),
                ),
                services.RemedyInput(
                    kind="financial",
                    description="A payment for your time off work",
                    amount=Decimal("150.00"),
                    due_on=date(2027, 1, 15),
                ),
            ],
            outstanding_actions=[
                services.ActionInput(description="Replace the kitchen window", promise_on=date(2027, 1, 15))
            ],
        )
    letter = _only(acknowledged, "stage1_response")
    for text in _texts(letter):
        assert "We uphold your complaint." in text
        assert "We apologise for the missed appointments." in text
        assert "A payment for your time off work (£150)." in text
        assert "Replace the kitchen window. We will do this by Friday 15 January 2027." in text
        assert NO_REMEDY not in text and NO_ACTIONS not in text


def test_upheld_response_without_remedy_is_refused_until_the_reason_none_is_offered_code_6_9_e(
    acknowledged: Complaint, handler: User, now: datetime, commit: Any
) -> None:
    with commit(), pytest.raises(ActionRefused) as refused:
        _respond(acknowledged, handler, now, decision="upheld")
    assert refused.value.code_paragraph == "6.9"
    assert not Letter.objects.filter(complaint=acknowledged, kind="stage1_response").exists()
    assert not Correspondence.objects.filter(complaint=acknowledged, direction="out").exists()
    assert mail.outbox == []
    with commit():
        _respond(
            acknowledged,
            handler,
            now,
            decision="upheld",
            no_remedy_reason="the window was repaired the next day",
        )
    letter = _only(acknowledged, "stage1_response")
    assert letter.status == LetterStatus.ISSUED
    for text in _texts(letter):
        assert "the window was repaired the next day" in text


def test_stage_two_acknowledgement_and_final_response_give_the_ombudsman_route_code_6_11_6_19(
    acknowledged: Complaint, handler: User, reviewer: User, now: datetime, commit: Any
) -> None:
    _respond(acknowledged, handler, now)
    with commit():
        _escalate_and_acknowledge(acknowledged, reviewer, now)
    ack = Letter.objects.get(complaint=acknowledged, kind="acknowledgement", stage=2)
    for text in _texts(ack):
        assert "stage 2" in text and "The resident disagrees that the appointments were kept." in text
        assert "Thursday 31 December 2026" in text  # 20 working days after 1 December (6.14)
    with commit():
        _respond(
            acknowledged, reviewer, now, responded_on=date(2026, 12, 1), reasons="The records are clear."
        )
    final = _only(acknowledged, "stage2_response")
    assert final.stage == 2 and final.status == LetterStatus.ISSUED
    for text in _texts(final):
        assert acknowledged.reference in text and "stage 2" in text
        assert "The resident disagrees that the appointments were kept." in text
        assert "This is our final reply." in text and OMBUDSMAN_PHONE in text  # 6.19g
        assert NO_REMEDY in text and NO_ACTIONS in text


def test_the_final_response_lists_stage_one_promises_still_open_code_6_19f(
    acknowledged: Complaint, handler: User, reviewer: User, now: datetime, commit: Any
) -> None:
    _respond(
        acknowledged,
        handler,
        now,
        decision="upheld",
        remedies=[
            services.RemedyInput(
                kind="financial",
                description="Pay £50 for the missed visit",
                amount=Decimal("50"),
                due_on=date(2027, 1, 8),
            )
        ],
        outstanding_actions=[
            services.ActionInput(description="Replace the window catch", promise_on=date(2027, 1, 15)),
            services.ActionInput(description="Check the frame for damp", promise_on=date(2027, 1, 20)),
        ],
    )
    done = Action.objects.get(complaint=acknowledged, description="Check the frame for damp")
    services.action_update(
        actor=handler,
        now=now,
        action_id=done.pk,
        text="The frame is dry.",
        given_on=date(2026, 12, 1),
        completed=True,
    )
    _escalate_and_acknowledge(acknowledged, reviewer, now)
    with commit():
        _respond(
            acknowledged, reviewer, now, responded_on=date(2026, 12, 1), reasons="The records are clear."
        )
    final = _only(acknowledged, "stage2_response")
    for text in _texts(final):
        flat = " ".join(text.split())
        assert "From our stage 1 answer: Replace the window catch" in flat
        assert "From our stage 1 answer: Pay £50 for the missed visit" in flat
        assert "Check the frame for damp" not in flat  # done, so no longer outstanding
        assert NO_ACTIONS not in flat


def test_refusal_explains_why_and_the_right_to_the_ombudsman_code_2_4(
    complaint: Complaint, handler: User, now: datetime, commit: Any
) -> None:
    with commit():
        services.complaint_refuse(
            actor=handler,
            now=now,
            complaint_id=complaint.pk,
            reason="legal_proceedings",
            explanation="The same matter is now before the county court.",
            evidence="Claim form filed at the county court",
        )
    letter = _only(complaint, "refusal")
    for text in _texts(letter):
        assert complaint.reference in text
        assert "Legal proceedings have started." in text
        assert "The same matter is now before the county court." in text
        assert OMBUDSMAN_PHONE in text


def test_refusing_to_look_again_gives_reasons_and_the_ombudsman_code_5_11(
    acknowledged: Complaint, handler: User, now: datetime, commit: Any
) -> None:
    _respond(acknowledged, handler, now)
    with commit():
        services.complaint_refuse_escalation(
            actor=handler,
            now=now,
            complaint_id=acknowledged.pk,
            requested_at=now,
            reason="legal_proceedings",
            explanation="You have since started a claim at court about the window.",
            evidence="Claim form filed at the county court",
        )
    letter = _only(acknowledged, "escalation_refusal")
    for text in _texts(letter):
        assert "You have since started a claim at court about the window." in text
        assert OMBUDSMAN_PHONE in text


def test_completing_a_remedy_and_an_action_is_confirmed_code_7_3_6_6(
    acknowledged: Complaint, handler: User, now: datetime, commit: Any
) -> None:
    _respond(
        acknowledged,
        handler,
        now,
        decision="upheld",
        reasons="Two appointments were missed.",
        remedies=[
            services.RemedyInput(
                kind="apology",
                description="A written apology from the repairs manager",
                due_on=date(2027, 1, 15),
            )
        ],
        outstanding_actions=[
            services.ActionInput(description="Replace the window", promise_on=date(2027, 1, 15))
        ],
    )
    remedy = Remedy.objects.get(complaint=acknowledged)
    action = Action.objects.get(complaint=acknowledged)
    with commit():
        services.remedy_complete(actor=handler, now=now, remedy_id=remedy.pk, completed_on=date(2026, 12, 1))
        services.action_update(
            actor=handler,
            now=now,
            action_id=action.pk,
            text="Fitted today.",
            given_on=date(2026, 12, 1),
            completed=True,
        )
    letters = list(Letter.objects.filter(complaint=acknowledged, kind="completion").order_by("id"))
    assert len(letters) == 2
    expected = (
        "A written apology from the repairs manager",
        "Replace the window. We did this on Tuesday 1 December 2026.",
    )
    for letter, phrase in zip(letters, expected, strict=True):
        assert letter.status == LetterStatus.ISSUED
        for text in _texts(letter):
            assert acknowledged.reference in text and phrase in text


def test_email_letter_is_sent_with_its_pdf_and_kept_as_correspondence_code_5_12(
    acknowledged: Complaint, handler: User, now: datetime, commit: Any
) -> None:
    mail.outbox.clear()
    with commit():
        _respond(acknowledged, handler, now)
    letter = _only(acknowledged, "stage1_response")
    assert letter.sent_at is not None and letter.channel == "email"
    (message,) = mail.outbox
    assert message.to == ["ada@example.com"] and acknowledged.reference in message.subject
    (name, content, content_type) = message.attachments[0]
    stored = letter_file(letter_id=letter.pk, fmt="pdf")
    assert stored is not None and content == stored.content and content_type == "application/pdf"
    assert name == stored.filename
    record = letter.correspondence
    assert record is not None
    assert (record.direction, record.channel, record.occurred_at) == ("out", "email", letter.sent_at)
    assert "We do not uphold your complaint." in record.body


def test_post_letters_wait_in_the_print_queue_in_large_print_when_asked(
    log_complaint: Callable[..., Complaint], handler: User, now: datetime, commit: Any
) -> None:
    complaint = log_complaint(email="", preferred_channel="post", preferred_format="large_print")
    with commit():
        services.complaint_request_clarification(
            actor=handler, now=now, complaint_id=complaint.pk, questions="Which window is it?"
        )
    letter = _only(complaint, "clarification_request")
    assert (letter.channel, letter.large_print, letter.sent_at) == ("post", True, None)
    assert letter.recipient_address.startswith("12 Mill Road")
    assert mail.outbox == []


def test_default_ombudsman_details_are_the_landlord_setting(complaint: Complaint) -> None:
    # The tests above find the Ombudsman's phone number: it comes from LandlordSettings.
    assert OMBUDSMAN_PHONE in DEFAULT_OMBUDSMAN_DETAILS
