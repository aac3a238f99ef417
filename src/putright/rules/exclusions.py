"""What a refusal must have on record before the Code allows it (Code 2.1-2.5, 5.11).

The core is given the facts (dates, what was recorded) and either returns or raises a
`RefusalNotEvidenced` naming the paragraph. It never reads the clock or the database.
"""

from __future__ import annotations

from datetime import date

from putright.rules.editions import HOS_2024, Ruleset
from putright.rules.errors import RefusalNotEvidenced, ReopenForbidden
from putright.rules.timescales import check_refusal_time_limit

OVER_12_MONTHS = "over_12_months"
# The reasons whose ground is a fact outside the complaint (a claim filed at court, an
# earlier decision): the landlord must be able to show it (Code 2.1, 2.2).
EVIDENCED_REASONS = frozenset({"legal_proceedings", "previously_considered"})


def check_out_of_time_refusal(
    *,
    received_on: date,
    issue_occurred_on: date | None,
    aware_on: date | None,
    aware_when_occurred: bool,
    discretion: str,
    ruleset: Ruleset = HOS_2024,
) -> None:
    """Code 2.3: a complaint may be refused as over 12 months old only when the date the
    resident became aware of the issue is known (or it is recorded that they were aware
    when it occurred), the complaint came more than 12 months after it, and the landlord
    has recorded how it considered using its discretion to accept it anyway.

    The 12 months run from the later of the occurrence and the awareness date; "within"
    means received on or before the same day of the month a year later.
    """
    if aware_on is None and not aware_when_occurred:
        raise RefusalNotEvidenced(
            "Record when the resident became aware of the issue, or that they were aware of it "
            "when it occurred: the 12 months run from then (Code 2.3)",
            code_paragraph="2.3",
            field="aware_on",
        )
    if aware_when_occurred and aware_on is None and issue_occurred_on is None:
        raise RefusalNotEvidenced(
            "Record when the issue occurred: the resident was aware of it then (Code 2.3)",
            code_paragraph="2.3",
            field="aware_on",
        )
    check_refusal_time_limit(
        received_on=received_on,
        issue_occurred_on=issue_occurred_on,
        aware_on=aware_on if aware_on is not None else issue_occurred_on,
        ruleset=ruleset,
    )
    if not discretion.strip():
        raise RefusalNotEvidenced(
            "Record how you considered using discretion to accept the complaint although it is "
            "late, and why you did not (Code 2.3)",
            code_paragraph="2.3",
            field="discretion",
        )


def check_refusal_evidence(*, reason: str, evidence_given: bool) -> None:
    """Code 2.1, 2.2: a refusal because legal proceedings have started (a claim filed at
    court) or because the matter was already considered must be evidenced: a note of the
    evidence, an attached document, or both."""
    if reason in EVIDENCED_REASONS and not evidence_given:
        what = (
            "the claim filed at court (for example the claim number and court)"
            if reason == "legal_proceedings"
            else "the earlier complaint or decision that considered it"
        )
        raise RefusalNotEvidenced(
            f"Give the evidence for this refusal: {what}, as a note or an attached document (Code 2.1)",
            code_paragraph="2.1",
            field="evidence",
        )


def check_reopening(*, refused_on: date | None, reopened_on: date) -> None:
    """Code 2.4: a refused complaint may be taken on again (the landlord reconsiders, or the
    Ombudsman says the exclusion was not fairly applied). Only a refused complaint can be
    reopened, and not before it was refused."""
    if refused_on is None:
        raise ReopenForbidden(
            "Only a complaint that was not accepted can be reopened (Code 2.4)", code_paragraph="2.4"
        )
    if reopened_on < refused_on:
        raise ReopenForbidden(
            f"Reopened on {reopened_on.isoformat()}, before it was refused on {refused_on.isoformat()}",
            code_paragraph="2.4",
        )
