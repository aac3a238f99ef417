"""A stage's figures and the Regulator's measures (CH01, CH02) made from them, as typed data.

Part of the performance report (`report_types.PerformanceReport`, whose docstring says how
the fields become the API's JSON and the exports). `StageFigures` keeps the counts by tenure
that CH01 and CH02 are made from (`tsm.tsm_measures`): they are exported, but not published
by the API (`api=False`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

INTERNAL = {"api": False}


@dataclass(frozen=True)
class Decisions:
    upheld: int
    partly_upheld: int
    not_upheld: int


@dataclass(frozen=True)
class WorkingDays:
    count: int
    median: float | None
    p90: float | None
    mean: float | None


@dataclass(frozen=True)
class ExtensionCounts:
    count: int
    good_reason: int
    working_days: int


# Stage 1 only: a stage 2 complaint cannot be escalated, so its figures carry neither field.
_STAGE1_ONLY = {"omit_when_none": "escalated", "api": False}


@dataclass(frozen=True)
class StageFigures:
    """One stage's figures for the period (`stages.stage_figures`), in the order they are exported."""

    received: int
    refused: int
    withdrawn: int
    acknowledged: int
    acknowledged_within_timescale: int
    acknowledged_within_policy_timescale: int
    vulnerable: int
    hazard: int
    accepted_lcra: int = field(metadata=INTERNAL)
    accepted_lcho: int = field(metadata=INTERNAL)
    accepted_unknown_tenure: int = field(metadata=INTERNAL)
    accepted_other_tenure: int = field(metadata=INTERNAL)
    acknowledgements_recorded_late: int
    responded: int
    responded_within_timescale: int
    responded_within_timescale_without_extension: int
    responded_within_timescale_with_extension: int
    responded_within_policy_timescale: int
    extended: int
    escalated: int | None = field(metadata=_STAGE1_ONLY)
    lcra_responded: int = field(metadata=INTERNAL)
    lcho_responded: int = field(metadata=INTERNAL)
    lcra_within_timescale: int = field(metadata=INTERNAL)
    lcho_within_timescale: int = field(metadata=INTERNAL)
    lcra_within_timescale_without_extension: int = field(metadata=INTERNAL)
    lcho_within_timescale_without_extension: int = field(metadata=INTERNAL)
    responses_recorded_late: int
    acknowledgements_overdue: int
    responses_overdue: int
    accepted: int
    responded_late: int
    recorded_late: int
    acknowledged_within_timescale_pct: float | None
    acknowledged_within_policy_timescale_pct: float | None
    responded_within_timescale_pct: float | None
    responded_within_policy_timescale_pct: float | None
    decisions: Decisions
    escalation_rate_pct: float | None = field(metadata=_STAGE1_ONLY)
    working_days: WorkingDays
    extensions_notified: ExtensionCounts


@dataclass(frozen=True)
class Homes:
    rented: int
    shared_ownership: int
    total: int


@dataclass(frozen=True)
class Ch01:
    stage1_complaints: int
    stage2_complaints: int
    stage1_per_1000_homes: float | None
    stage2_per_1000_homes: float | None


@dataclass(frozen=True)
class Ch01Total(Ch01):
    """LCRA and LCHO together, with each beside the total."""

    lcra: Ch01
    lcho: Ch01


@dataclass(frozen=True)
class Ch02:
    stage1_responses: int
    stage1_within_timescale: int
    stage1_within_timescale_pct: float | None
    stage1_within_timescale_without_extension: int
    stage1_within_timescale_without_extension_pct: float | None
    stage2_responses: int
    stage2_within_timescale: int
    stage2_within_timescale_pct: float | None
    stage2_within_timescale_without_extension: int
    stage2_within_timescale_without_extension_pct: float | None


@dataclass(frozen=True)
class Ch02Total(Ch02):
    """LCRA and LCHO together, with each beside the total."""

    lcra: Ch02
    lcho: Ch02


@dataclass(frozen=True)
class StageComplaints:
    stage1_complaints: int
    stage2_complaints: int


@dataclass(frozen=True)
class NotCounted:
    unknown_tenure: StageComplaints
    other_tenure: StageComplaints


@dataclass(frozen=True)
class TsmMeasures:
    homes: Homes
    ch01: Ch01Total = field(metadata={"key": "CH01"})
    ch02: Ch02Total = field(metadata={"key": "CH02"})
    not_counted: NotCounted
    counting_rules: tuple[str, ...]
