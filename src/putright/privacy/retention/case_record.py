"""What anonymising marks in a complaint's record, as data.

One row per model holding a complaint's free text: how its rows are found from the
complaint (the path to the complaint's id), and what each field becomes: the marker,
blank, or the marker only where there was some text (``UNLESS_BLANK``). Dates, stages,
statuses, decisions and amounts are not listed, so they stay and every figure comes out
the same. A new free-text field on the record is one line here, beside the rule it follows.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from django.db.models import Model

from putright.assessment.models import QASampleCase
from putright.cases.models import (
    Action,
    ActionUpdate,
    Attachment,
    Complaint,
    Correspondence,
    Extension,
    Refusal,
    Remedy,
    StageRecord,
    UpdateAgreement,
)
from putright.governance.models import (
    ComplaintHandlingFailureOrder,
    EvidenceRequest,
    Finding,
    OmbudsmanCase,
    OmbudsmanOrder,
)
from putright.letters.models import Letter
from putright.privacy.record_rewrite import MARKER


class _Unless(Enum):
    BLANK = "blank"


UNLESS_BLANK = _Unless.BLANK
"""Free text that may be blank: marked where there was some, blank stays blank, so that "was
there a late-entry reason" still reads true after anonymising (Code 5.12 figures)."""


@dataclass(frozen=True)
class Rewritten:
    """One model's rows in a complaint's record and the values its fields take."""

    model: type[Model]
    complaint_path: str
    values: dict[str, Any]


CASE_RECORD: tuple[Rewritten, ...] = (
    Rewritten(
        Complaint,
        "pk",
        {"description": MARKER, "withdrawal_note": UNLESS_BLANK},
    ),
    Rewritten(
        StageRecord,
        "complaint_id",
        {
            "escalation_reason": MARKER,
            "definition": MARKER,
            "outcomes_sought": MARKER,
            "responsibility": MARKER,
            "reasons": MARKER,
            "no_remedy_reason": UNLESS_BLANK,
            # Blank means putright sent the letter: only a note of how it went outside is marked.
            "acknowledgement_sent_outside": UNLESS_BLANK,
            "response_sent_outside": UNLESS_BLANK,
            "request_late_reason": UNLESS_BLANK,
            "acknowledgement_late_reason": UNLESS_BLANK,
            "response_late_reason": UNLESS_BLANK,
        },
    ),
    Rewritten(
        Extension,
        "stage_record__complaint_id",
        {
            "reason": MARKER,
            "good_reason_explanation": UNLESS_BLANK,
            "late_entry_reason": UNLESS_BLANK,
        },
    ),
    Rewritten(
        Refusal,
        "complaint_id",
        {
            "evidence": MARKER,
            "explanation": MARKER,
            "discretion": UNLESS_BLANK,
            "reopen_reason": UNLESS_BLANK,
            "late_entry_reason": UNLESS_BLANK,
        },
    ),
    Rewritten(
        Remedy,
        "complaint_id",
        {"description": MARKER, "completion_late_reason": UNLESS_BLANK},
    ),
    Rewritten(Action, "complaint_id", {"description": MARKER}),
    Rewritten(
        ActionUpdate,
        "action__complaint_id",
        {
            "text": MARKER,
            "late_entry_reason": UNLESS_BLANK,
            "promise_change_reason": UNLESS_BLANK,
            "resident_told_how": UNLESS_BLANK,
        },
    ),
    Rewritten(UpdateAgreement, "complaint_id", {"method": ""}),
    Rewritten(Correspondence, "complaint_id", {"party": MARKER, "subject": MARKER, "body": MARKER}),
    Rewritten(Attachment, "complaint_id", {"file": "", "original_name": MARKER}),
    Rewritten(
        Letter,
        "complaint_id",
        {
            "subject": MARKER,
            "body_html": MARKER,
            "content": {},
            "recipient": MARKER,
            "recipient_address": "",
            # The representative's copy (Code 3.6): marked where there was one, blank stays blank.
            "copy_recipient": UNLESS_BLANK,
            "copy_relationship": UNLESS_BLANK,
            "copy_address": "",
            "pdf": "",
            "docx": "",
        },
    ),
    Rewritten(OmbudsmanCase, "complaint_id", {"summary": MARKER}),
    Rewritten(EvidenceRequest, "case__complaint_id", {"description": MARKER}),
    Rewritten(Finding, "case__complaint_id", {"issue": MARKER}),
    Rewritten(
        OmbudsmanOrder,
        "case__complaint_id",
        {"description": MARKER, "compliance_evidence": MARKER},
    ),
    Rewritten(
        ComplaintHandlingFailureOrder, "complaint_id", {"description": MARKER, "compliance_note": MARKER}
    ),
    Rewritten(QASampleCase, "complaint_id", {"notes": MARKER}),
)
