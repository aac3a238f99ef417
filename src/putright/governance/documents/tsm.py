"""The Regulator's complaint measures, CH01 and CH02, as report blocks (page, PDF and Word)."""

from __future__ import annotations

from putright.governance.documents.blocks import Block, Bullets, Heading, Table
from putright.governance.documents.fmt import num, pct
from putright.governance.selectors.report_types import PerformanceReport
from putright.governance.selectors.stage_types import TsmMeasures


def _ch01_table(tsm: TsmMeasures) -> Table:
    ch01, homes = tsm.ch01, tsm.homes
    return Table(
        caption="CH01: complaints relative to the size of the landlord (per 1,000 homes)",
        head=[
            "Homes",
            "Number of homes",
            "Stage 1 complaints",
            "Stage 1 per 1,000",
            "Stage 2 complaints",
            "Stage 2 per 1,000",
        ],
        rows=[
            [
                label,
                num(count),
                num(part.stage1_complaints),
                num(part.stage1_per_1000_homes, 2),
                num(part.stage2_complaints),
                num(part.stage2_per_1000_homes, 2),
            ]
            for label, count, part in (
                ("Low-cost rental (LCRA: general needs and supported)", homes.rented, ch01.lcra),
                ("Low-cost home ownership (LCHO: shared ownership)", homes.shared_ownership, ch01.lcho),
                ("LCRA and LCHO together", homes.total, ch01),
            )
        ],
        keys=[
            ["", "", f"got.1.accepted_{t}", "", f"got.2.accepted_{t}", ""] for t in ("lcra", "lcho", "tsm")
        ],
    )


def _ch02_table(tsm: TsmMeasures) -> Table:
    ch02 = tsm.ch02
    return Table(
        caption="CH02: complaints responded to within the Complaint Handling Code's timescales",
        head=[
            "Homes",
            "Stage 1 within timescale",
            "Stage 1 without extension",
            "Stage 2 within timescale",
            "Stage 2 without extension",
        ],
        rows=[
            [
                label,
                pct(part.stage1_within_timescale_pct),
                pct(part.stage1_within_timescale_without_extension_pct),
                pct(part.stage2_within_timescale_pct),
                pct(part.stage2_within_timescale_without_extension_pct),
            ]
            for label, part in (
                ("Low-cost rental (LCRA)", ch02.lcra),
                ("Low-cost home ownership (LCHO)", ch02.lcho),
                ("LCRA and LCHO together", ch02),
            )
        ],
    )


def _not_counted_table(tsm: TsmMeasures) -> Table:
    not_counted = tsm.not_counted
    return Table(
        caption="Complaints not counted in CH01 and CH02",
        head=["Residents", "Stage 1 complaints", "Stage 2 complaints"],
        rows=[
            [label, num(part.stage1_complaints), num(part.stage2_complaints)]
            for label, part in (
                ("Tenure not known (to be resolved before filing)", not_counted.unknown_tenure),
                ("Leaseholders and people who are not tenants", not_counted.other_tenure),
            )
        ],
        keys=[["", f"got.1.accepted_{t}", f"got.2.accepted_{t}"] for t in ("unknown_tenure", "other_tenure")],
    )


def tsm_blocks(report: PerformanceReport) -> list[Block]:
    """CH01 and CH02 for LCRA, LCHO and both, the complaints they leave out, and how they are counted."""
    tsm = report.tsm
    return [
        Heading("Tenant Satisfaction Measures: CH01 and CH02"),
        _ch01_table(tsm),
        _ch02_table(tsm),
        _not_counted_table(tsm),
        Heading("How these figures are counted", 3),
        Bullets(tsm.counting_rules),
    ]
