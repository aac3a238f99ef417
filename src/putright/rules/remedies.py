"""Putting things right: remedy kinds (Code 7.1), remedy offers (Code 7.3) and an award
weighed against compensation bands (Code 7.4).

The Ombudsman's guidance the bands come from by default is dated data in
:mod:`putright.rules.remedy_guidance`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum

from putright.rules.errors import RuleViolation
from putright.rules.remedy_guidance import PENNY, Band


class RemedyKind(StrEnum):
    """The ways of putting things right that Code 7.1 lists."""

    APOLOGY = "apology"
    ACKNOWLEDGEMENT = "acknowledgement"
    EXPLANATION = "explanation"
    ACTION_ON_DELAY = "action_on_delay"
    DECISION_CHANGE = "decision_change"
    RECORD_AMENDMENT = "record_amendment"
    FINANCIAL = "financial"
    POLICY_CHANGE = "policy_change"


_LABELS = {
    RemedyKind.APOLOGY: "Apologising",
    RemedyKind.ACKNOWLEDGEMENT: "Acknowledging where things have gone wrong",
    RemedyKind.EXPLANATION: "Providing an explanation, assistance or reasons",
    RemedyKind.ACTION_ON_DELAY: "Taking action if there has been delay",
    RemedyKind.DECISION_CHANGE: "Reconsidering or changing a decision",
    RemedyKind.RECORD_AMENDMENT: "Amending a record or adding a correction or addendum",
    RemedyKind.FINANCIAL: "Providing a financial remedy",
    RemedyKind.POLICY_CHANGE: "Changing policies, procedures or practices",
}


def label(kind: RemedyKind | str) -> str:
    """The Code's own words for a kind of remedy (Code 7.1)."""
    return _LABELS[RemedyKind(kind)]


class RemedyInvalid(RuleViolation):
    """A remedy offer that does not say what will happen and by when, or a bad amount.

    `field` names the part of the offer at fault (`description`, `due_on`, `amount`), so an
    interface can show the message beside it.
    """

    def __init__(self, message: str, *, code_paragraph: str, field: str = "") -> None:
        super().__init__(message, code_paragraph=code_paragraph)
        self.field = field


def check_remedy(kind: RemedyKind | str, amount: Decimal | None, what: str, due_on: date | None) -> None:
    """Check a remedy offer before it goes to the resident.

    Code 7.3: the offer sets out what will happen and by when, so ``what`` must not be
    blank and ``due_on`` must be given. Code 7.1: a financial remedy needs a positive
    amount; a payment offered with another kind of remedy is recorded as its own
    financial remedy. Amounts are pounds, not negative, with at most 2 decimal places.
    Raises :class:`RemedyInvalid`.
    """
    kind = RemedyKind(kind)
    if not what or not what.strip():
        raise RemedyInvalid(
            f"Say what will happen for the remedy ({label(kind).lower()}).",
            code_paragraph="7.3",
            field="description",
        )
    if due_on is None:
        raise RemedyInvalid(
            f"Say by when the remedy ({label(kind).lower()}) will happen.",
            code_paragraph="7.3",
            field="due_on",
        )
    if amount is not None:
        _check_amount(amount)
    if kind is RemedyKind.FINANCIAL and (amount is None or amount <= 0):
        raise RemedyInvalid(
            "A financial remedy needs an amount above £0.", code_paragraph="7.3", field="amount"
        )
    if kind is not RemedyKind.FINANCIAL and amount:
        raise RemedyInvalid(
            f"Record the payment of £{amount} as a separate financial remedy.",
            code_paragraph="7.1",
            field="amount",
        )


def _check_amount(amount: Decimal) -> None:
    if not amount.is_finite() or amount < 0:
        raise RemedyInvalid(
            f"A remedy amount must be £0 or more, not {amount}.", code_paragraph="7.3", field="amount"
        )
    if amount != amount.quantize(PENNY):
        raise RemedyInvalid(
            f"A remedy amount is in pounds and pence, not {amount}.", code_paragraph="7.3", field="amount"
        )


def suggested_band(amount: Decimal, bands: tuple[Band, ...]) -> Band | None:
    """The first of ``bands`` that ``amount`` falls in (bounds inclusive, so a sum on a boundary
    takes the lower band, as ``band_for`` does); ``None`` below the lowest."""
    return next((band for band in bands if band.contains(amount)), None)


def check_band(amount: Decimal, band: Band, reason: str) -> None:
    """Code 7.4: a financial remedy is weighed against the landlord's compensation bands (by
    default the Ombudsman's guidance). An award outside the band the caseworker chose for the
    impact needs a reason, so that remedies stay proportionate and consistent. Raises
    :class:`RemedyInvalid` on ``band_reason``.
    """
    if band.contains(amount) or (reason or "").strip():
        return
    raise RemedyInvalid(
        f"£{amount} is outside the band '{band.label}' ({band_range(band)}): give the reason for the "
        "amount, or choose the band that fits the impact.",
        code_paragraph="7.4",
        field="band_reason",
    )


def band_range(band: Band) -> str:
    """The band's amounts in words: "£100 to £600", "over £1,000", "up to £50"."""
    if band.min_pounds is not None and band.max_pounds is not None:
        return f"£{band.min_pounds:,} to £{band.max_pounds:,}"
    if band.min_pounds is not None:
        return f"over £{band.min_pounds:,}"
    if band.max_pounds is not None:
        return f"up to £{band.max_pounds:,}"
    return "any amount"
