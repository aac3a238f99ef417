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

from dataclasses import dataclass

from putright.governance.selectors.stage_types import (
    Ch01,
    Ch01Total,
    Ch02,
    Ch02Total,
    Homes,
    NotCounted,
    StageComplaints,
    StageFigures,
    TsmMeasures,
)
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


def _per_1000(count: int, homes: int) -> float | None:
    return count * 1000 / homes if homes else None


def _pct(part: int, whole: int) -> float | None:
    return part * 100 / whole if whole else None


@dataclass(frozen=True)
class _Counts:
    """What CH01 and CH02 count for one tenure (or both together), per stage."""

    accepted: tuple[int, int]
    responded: tuple[int, int]
    within: tuple[int, int]
    without_extension: tuple[int, int]

    def __add__(self, other: _Counts) -> _Counts:
        def add(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
            return (a[0] + b[0], a[1] + b[1])

        return _Counts(
            add(self.accepted, other.accepted),
            add(self.responded, other.responded),
            add(self.within, other.within),
            add(self.without_extension, other.without_extension),
        )

    def ch01(self, homes: int) -> Ch01:
        return Ch01(
            stage1_complaints=self.accepted[0],
            stage2_complaints=self.accepted[1],
            stage1_per_1000_homes=_per_1000(self.accepted[0], homes),
            stage2_per_1000_homes=_per_1000(self.accepted[1], homes),
        )

    def ch02(self) -> Ch02:
        (r1, r2), (w1, w2), (x1, x2) = self.responded, self.within, self.without_extension
        return Ch02(
            stage1_responses=r1,
            stage1_within_timescale=w1,
            stage1_within_timescale_pct=_pct(w1, r1),
            stage1_within_timescale_without_extension=x1,
            stage1_within_timescale_without_extension_pct=_pct(x1, r1),
            stage2_responses=r2,
            stage2_within_timescale=w2,
            stage2_within_timescale_pct=_pct(w2, r2),
            stage2_within_timescale_without_extension=x2,
            stage2_within_timescale_without_extension_pct=_pct(x2, r2),
        )


def _lcra(one: StageFigures, two: StageFigures) -> _Counts:
    return _Counts(
        accepted=(one.accepted_lcra, two.accepted_lcra),
        responded=(one.lcra_responded, two.lcra_responded),
        within=(one.lcra_within_timescale, two.lcra_within_timescale),
        without_extension=(
            one.lcra_within_timescale_without_extension,
            two.lcra_within_timescale_without_extension,
        ),
    )


def _lcho(one: StageFigures, two: StageFigures) -> _Counts:
    return _Counts(
        accepted=(one.accepted_lcho, two.accepted_lcho),
        responded=(one.lcho_responded, two.lcho_responded),
        within=(one.lcho_within_timescale, two.lcho_within_timescale),
        without_extension=(
            one.lcho_within_timescale_without_extension,
            two.lcho_within_timescale_without_extension,
        ),
    )


def tsm_measures(one: StageFigures, two: StageFigures, landlord: LandlordSettings) -> TsmMeasures:
    """CH01 and CH02 from `stage_figures` (stage 1 and 2) for the same period: LCRA, LCHO and their total."""
    rented, shared = landlord.homes_rented, landlord.homes_shared_ownership
    lcra, lcho = _lcra(one, two), _lcho(one, two)
    both = lcra + lcho
    return TsmMeasures(
        homes=Homes(rented=rented, shared_ownership=shared, total=landlord.homes_total),
        ch01=Ch01Total(**vars(both.ch01(rented + shared)), lcra=lcra.ch01(rented), lcho=lcho.ch01(shared)),
        ch02=Ch02Total(**vars(both.ch02()), lcra=lcra.ch02(), lcho=lcho.ch02()),
        not_counted=NotCounted(
            unknown_tenure=StageComplaints(
                stage1_complaints=one.accepted_unknown_tenure, stage2_complaints=two.accepted_unknown_tenure
            ),
            other_tenure=StageComplaints(
                stage1_complaints=one.accepted_other_tenure, stage2_complaints=two.accepted_other_tenure
            ),
        ),
        counting_rules=COUNTING_RULES,
    )
