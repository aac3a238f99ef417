"""What a response promises, checked before it goes (Code 6.6, 6.17, 7.1, 7.3).

The remedy checks are the rules core's (`putright.rules.remedies.check_remedy`); this module
maps the record's remedy kinds onto the Code's list and each refusal onto its field.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from putright.cases.models import RemedyKind
from putright.core.errors import ActionRefused
from putright.rules import remedies as remedy_rules
from putright.rules.promises import PromiseDateInvalid, actions_paragraph, check_promised_on

# The record's remedy kinds, as the Code 7.1 list names them.
CODE_KIND = {
    RemedyKind.APOLOGY: remedy_rules.RemedyKind.APOLOGY,
    RemedyKind.ACKNOWLEDGEMENT: remedy_rules.RemedyKind.ACKNOWLEDGEMENT,
    RemedyKind.EXPLANATION: remedy_rules.RemedyKind.EXPLANATION,
    RemedyKind.ACT_ON_DELAY: remedy_rules.RemedyKind.ACTION_ON_DELAY,
    RemedyKind.RECONSIDER: remedy_rules.RemedyKind.DECISION_CHANGE,
    RemedyKind.AMEND_RECORD: remedy_rules.RemedyKind.RECORD_AMENDMENT,
    RemedyKind.FINANCIAL: remedy_rules.RemedyKind.FINANCIAL,
    RemedyKind.CHANGE_POLICY: remedy_rules.RemedyKind.POLICY_CHANGE,
}


def check_remedies(remedies: Sequence[Any], *, responded_on: date) -> None:
    """Each remedy says what and by when, an amount only on a financial remedy (7.1, 7.3),
    and its date is not before the response that offers it (7.3).

    `remedies` are `RemedyInput`s with known kinds. Raises `ActionRefused` naming the field.
    """
    for i, remedy in enumerate(remedies):
        amount = None if remedy.amount is None else Decimal(str(remedy.amount))
        try:
            remedy_rules.check_remedy(
                CODE_KIND[RemedyKind(remedy.kind)], amount, remedy.description, remedy.due_on
            )
        except remedy_rules.RemedyInvalid as violation:
            raise ActionRefused.from_rule(violation, field=f"remedies.{i}.{violation.field}") from violation
        assert remedy.due_on is not None  # check_remedy refuses a remedy without one
        try:
            check_promised_on(
                promised_on=remedy.due_on,
                responded_on=responded_on,
                paragraph="7.3",
                what="the date the remedy is due",
            )
        except PromiseDateInvalid as violation:
            raise ActionRefused.from_rule(violation, field=f"remedies.{i}.due_on") from violation


def check_actions(actions: Sequence[Any], *, stage: int, responded_on: date) -> None:
    """Each outstanding action is promised for a day on or after the response (6.6, 6.17)."""
    for i, action in enumerate(actions):
        try:
            check_promised_on(
                promised_on=action.promise_on,
                responded_on=responded_on,
                paragraph=actions_paragraph(stage),
                what="the date the action is promised by",
            )
        except PromiseDateInvalid as violation:
            raise ActionRefused.from_rule(
                violation, field=f"outstanding_actions.{i}.promise_on"
            ) from violation
