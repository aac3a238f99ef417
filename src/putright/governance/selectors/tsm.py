"""The Regulator of Social Housing's complaint measures, CH01 and CH02, from the stage figures.

CH01: stage 1 and stage 2 complaints received, each per 1,000 homes. CH02: the proportion
of stage 1 and of stage 2 responses sent within the Code's timescales. Rented homes
(general needs and supported housing: low-cost rental) and shared ownership (low-cost
home ownership) are reported separately, each against its own number of homes, by the
tenure recorded for the resident; complaints from leaseholders and residents of other
or unknown tenure count in the totals only. The counting rules are in COUNTING_RULES.
"""

from __future__ import annotations

from typing import Any

from putright.landlord.models import LandlordSettings

COUNTING_RULES: tuple[str, ...] = (
    "Stage 1 complaints count in the period in which they were received; stage 2 complaints in "
    "the period in which the resident asked for the escalation.",
    "Responses count in the period in which they were sent, whenever the complaint was received.",
    "A response is within the Code's timescales when it was sent on or before the response date "
    "in force, which includes any extension the Code allows (paragraphs 6.4 and 6.15). Responses "
    "within an extension are shown separately.",
    "Complaints not accepted under section 2 of the Code (refused) are counted and reported by "
    "reason, but are not stage 1 complaints for CH01. They count in the period they were received.",
    "Refused escalations are reported by reason, in the period of the refusal, and are not "
    "stage 2 complaints.",
    "Withdrawn complaints count as received in CH01. A withdrawn complaint that was never "
    "answered is not a response, so it does not count in CH02.",
    "Rented homes (general needs and supported housing) and shared ownership homes are reported "
    "separately, by the tenure recorded for the resident, per 1,000 homes of that tenure. "
    "Complaints from leaseholders and residents of other or unknown tenure count in the totals "
    "only, which are per 1,000 homes of both tenures.",
    "Figures come live from the complaint record: a later change (for example a complaint refused "
    "after the period ended) changes an earlier period's figures.",
    "Acknowledgements and responses entered after the day they are dated (late entries, Code 5.12) "
    "count by the date given, and are also counted per stage as recorded late. Outstanding actions "
    "are overdue against the date first promised, however often the promise has moved (6.6, 6.17).",
)


def _per_1000(count: int, homes: int) -> float | None:
    return count * 1000 / homes if homes else None


def _pct(part: int, whole: int) -> float | None:
    return part * 100 / whole if whole else None


def tsm_measures(stages: dict[int, dict[str, Any]], landlord: LandlordSettings) -> dict[str, Any]:
    """CH01 and CH02 from `stage_figures` for the same period."""
    one, two = stages[1], stages[2]
    rented, shared, total = landlord.homes_rented, landlord.homes_shared_ownership, landlord.homes_total
    return {
        "homes": {"rented": rented, "shared_ownership": shared, "total": total},
        "CH01": {
            "stage1_complaints": one["accepted"],
            "stage2_complaints": two["accepted"],
            "stage1_per_1000_homes": _per_1000(one["accepted"], total),
            "stage2_per_1000_homes": _per_1000(two["accepted"], total),
            "rented": {
                "stage1_complaints": one["accepted_rented"],
                "stage2_complaints": two["accepted_rented"],
                "stage1_per_1000_homes": _per_1000(one["accepted_rented"], rented),
                "stage2_per_1000_homes": _per_1000(two["accepted_rented"], rented),
            },
            "shared_ownership": {
                "stage1_complaints": one["accepted_shared_ownership"],
                "stage2_complaints": two["accepted_shared_ownership"],
                "stage1_per_1000_homes": _per_1000(one["accepted_shared_ownership"], shared),
                "stage2_per_1000_homes": _per_1000(two["accepted_shared_ownership"], shared),
            },
        },
        "CH02": {
            "stage1_responses": one["responded"],
            "stage1_within_timescale": one["responded_within_timescale"],
            "stage2_responses": two["responded"],
            "stage2_within_timescale": two["responded_within_timescale"],
            "stage1_within_timescale_pct": _pct(one["responded_within_timescale"], one["responded"]),
            "stage2_within_timescale_pct": _pct(two["responded_within_timescale"], two["responded"]),
            "rented": {
                "stage1_within_timescale_pct": _pct(one["rented_within_timescale"], one["rented_responded"]),
                "stage2_within_timescale_pct": _pct(two["rented_within_timescale"], two["rented_responded"]),
            },
            "shared_ownership": {
                "stage1_within_timescale_pct": _pct(
                    one["shared_ownership_within_timescale"], one["shared_ownership_responded"]
                ),
                "stage2_within_timescale_pct": _pct(
                    two["shared_ownership_within_timescale"], two["shared_ownership_responded"]
                ),
            },
        },
        "counting_rules": list(COUNTING_RULES),
    }
