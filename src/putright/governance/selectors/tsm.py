"""The Regulator of Social Housing's complaint measures, CH01 and CH02, from the stage figures.

The Regulator's measures count the tenants of low-cost rental accommodation (LCRA: general
needs and supported housing) and of low-cost home ownership (LCHO: shared ownership) only,
each reported separately over the homes of that tenure owned; the totals are LCRA and LCHO
together. Leaseholders outside shared ownership and people who are not tenants are not
counted; complaints from residents of unknown tenure are not counted either, and are listed
for the complaints officer to resolve before the year's figures are filed.

CH01: stage 1 and stage 2 complaints received, each per 1,000 homes. CH02: the proportion
of stage 1 and of stage 2 responses sent within the Code's timescales (the complaint's own
edition), with permitted extensions and without. The counting rules are in COUNTING_RULES.
"""

from __future__ import annotations

from typing import Any

from putright.landlord.models import LandlordSettings

COUNTING_RULES: tuple[str, ...] = (
    "Stage 1 complaints count in the period in which they were received; stage 2 complaints in "
    "the period in which the resident asked for the escalation.",
    "Responses count in the period in which they were sent, whenever the complaint was received.",
    "CH01 and CH02 count complaints from tenants of low-cost rental homes (LCRA: general needs and "
    "supported housing) and low-cost home ownership homes (LCHO: shared ownership) only, by the "
    "tenure recorded for the resident. Each is reported per 1,000 homes of its own tenure; the "
    "totals are LCRA and LCHO together, per 1,000 homes of both.",
    "Complaints from leaseholders (other than shared owners) and from people who are not tenants "
    "are not counted. Complaints from residents whose tenure is not known are not counted either; "
    "they are listed for the complaints officer to record the tenure before the figures are filed.",
    "A response is within the Code's timescales when it was sent on or before the Code's response "
    "date for the complaint, which includes any extension the Code allows (paragraphs 6.4 and "
    "6.15). The figure without extensions counts only responses sent within the Code's timescale "
    "with no extension. The figure filed with the Regulator is the one with permitted extensions.",
    "Each complaint is judged by the edition of the Code in force when it was received: the 2020 "
    "Code before 1 April 2024 (response within 10 working days of receipt at stage 1, 20 of the "
    "escalation request at stage 2), the 2024 Code from then.",
    "The landlord's own timescales (its published policy, never longer than the Code's) give the "
    "dates residents are told. They are reported beside the Code's in the stage figures, not in CH02.",
    "Complaints not accepted under section 2 of the Code (refused) are counted and reported by "
    "reason, but are not stage 1 complaints for CH01, and are left out of the acknowledgement-on-"
    "time figure. They count in the period they were received.",
    "Refused escalations are reported by reason, in the period of the refusal, and are not "
    "stage 2 complaints.",
    "Withdrawn complaints count as received in CH01. A withdrawn complaint that was never "
    "answered is not a response, so it does not count in CH02.",
    "Figures come live from the complaint record: a later change (for example a tenure recorded, "
    "or a complaint refused, after the period ended) changes an earlier period's figures.",
    "Acknowledgements and responses entered after the day they are dated (late entries, Code 5.12) "
    "count by the date given, and are also counted per stage as recorded late. Outstanding actions "
    "are overdue against the date first promised, however often the promise has moved (6.6, 6.17).",
)

TENURES = ("lcra", "lcho")


def _per_1000(count: int, homes: int) -> float | None:
    return count * 1000 / homes if homes else None


def _pct(part: int, whole: int) -> float | None:
    return part * 100 / whole if whole else None


def _ch01(accepted: dict[int, int], homes: int) -> dict[str, Any]:
    return {
        "stage1_complaints": accepted[1],
        "stage2_complaints": accepted[2],
        "stage1_per_1000_homes": _per_1000(accepted[1], homes),
        "stage2_per_1000_homes": _per_1000(accepted[2], homes),
    }


def _ch02(responded: dict[int, int], within: dict[int, int], without_ext: dict[int, int]) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    for stage in (1, 2):
        figures[f"stage{stage}_responses"] = responded[stage]
        figures[f"stage{stage}_within_timescale"] = within[stage]
        figures[f"stage{stage}_within_timescale_pct"] = _pct(within[stage], responded[stage])
        figures[f"stage{stage}_within_timescale_without_extension"] = without_ext[stage]
        figures[f"stage{stage}_within_timescale_without_extension_pct"] = _pct(
            without_ext[stage], responded[stage]
        )
    return figures


def _by_stage(stages: dict[int, dict[str, Any]], key: str) -> dict[int, int]:
    return {stage: int(stages[stage][key]) for stage in (1, 2)}


def _add(*parts: dict[int, int]) -> dict[int, int]:
    return {stage: sum(part[stage] for part in parts) for stage in (1, 2)}


def tsm_measures(stages: dict[int, dict[str, Any]], landlord: LandlordSettings) -> dict[str, Any]:
    """CH01 and CH02 from `stage_figures` for the same period: LCRA, LCHO and their total."""
    homes = {"lcra": landlord.homes_rented, "lcho": landlord.homes_shared_ownership}
    accepted = {t: _by_stage(stages, f"accepted_{t}") for t in TENURES}
    responded = {t: _by_stage(stages, f"{t}_responded") for t in TENURES}
    within = {t: _by_stage(stages, f"{t}_within_timescale") for t in TENURES}
    without_ext = {t: _by_stage(stages, f"{t}_within_timescale_without_extension") for t in TENURES}
    ch01 = _ch01(_add(*accepted.values()), homes["lcra"] + homes["lcho"])
    ch02 = _ch02(_add(*responded.values()), _add(*within.values()), _add(*without_ext.values()))
    for tenure in TENURES:
        ch01[tenure] = _ch01(accepted[tenure], homes[tenure])
        ch02[tenure] = _ch02(responded[tenure], within[tenure], without_ext[tenure])
    return {
        "homes": {
            "rented": homes["lcra"],
            "shared_ownership": homes["lcho"],
            "total": landlord.homes_total,
        },
        "CH01": ch01,
        "CH02": ch02,
        "not_counted": {
            name: {
                "stage1_complaints": stages[1][f"accepted_{name}"],
                "stage2_complaints": stages[2][f"accepted_{name}"],
            }
            for name in ("unknown_tenure", "other_tenure")
        },
        "counting_rules": list(COUNTING_RULES),
    }
