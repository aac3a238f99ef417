"""A complaint that ends without a response: what the record must keep (Code 5.12, 6.2-6.14)."""

from __future__ import annotations

from datetime import date


def deadline_missed_by(
    *,
    on: date,
    acknowledge_by: date,
    acknowledged_on: date | None,
    respond_by: date | None,
    responded_on: date | None,
) -> bool:
    """Whether, on the day `on`, the stage had a Code deadline that had passed unmet.

    The acknowledgement (6.2, 6.11) is missed when it was not sent by `acknowledge_by` and
    `on` is after that day; the response (6.3, 6.14) likewise against `respond_by`. A stage
    withdrawn or ended on its deadline day itself has not missed it. Used to count
    withdrawals made after a deadline separately, so that a late case that is then
    withdrawn is not lost from the timeliness figures.
    """
    return _missed(acknowledge_by, acknowledged_on, on) or (
        respond_by is not None and _missed(respond_by, responded_on, on)
    )


def _missed(due: date, done_on: date | None, on: date) -> bool:
    return done_on > due if done_on is not None else on > due
