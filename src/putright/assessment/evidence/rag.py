"""The RAG rating a figure suggests. A suggestion only: the assessor decides.

Thresholds: 95% or more is green, 80% or more is amber, anything lower is red. With
no cases in the period there is nothing to suggest.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from putright.assessment.models import Rag

GREEN_AT = Decimal(95)
AMBER_AT = Decimal(80)
THRESHOLDS_TEXT = "95% or more green, 80% or more amber, below 80% red"


def percentage(passed: int, total: int) -> Decimal | None:
    """Passed as a share of total, to one decimal place; None when there is nothing to count."""
    if total == 0:
        return None
    return (Decimal(passed) * 100 / Decimal(total)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def suggest_rag(passed: int, total: int) -> tuple[Rag, str]:
    """The suggested rating and the reason for it, stating the thresholds."""
    share = percentage(passed, total)
    if share is None:
        return Rag.NONE, "No cases in the period, so the record gives no rating either way."
    if share >= GREEN_AT:
        return Rag.GREEN, f"{share}% is at or above the green threshold of {GREEN_AT}% ({THRESHOLDS_TEXT})."
    if share >= AMBER_AT:
        return (
            Rag.AMBER,
            f"{share}% is below {GREEN_AT}% but at or above the amber threshold of {AMBER_AT}% "
            f"({THRESHOLDS_TEXT}).",
        )
    return Rag.RED, f"{share}% is below the amber threshold of {AMBER_AT}% ({THRESHOLDS_TEXT})."
