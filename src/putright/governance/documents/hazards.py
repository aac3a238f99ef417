"""The Awaab's Law section of the board and annual reports: every duty met in time, or not."""

from __future__ import annotations

from putright.governance.documents.blocks import Block, Heading, Para, Table
from putright.governance.documents.fmt import num, pct
from putright.governance.selectors.report_types import PerformanceReport

DUTY_NAMES = {
    "investigate": "Investigated in time",
    "make_safe": "Made safe (or alternative accommodation) in time",
    "written_summary": "Written summary sent in time",
    "begin_further_works": "Further works begun in time",
    "start_further_works": "Further works physically started within 12 weeks",
}
REASONS = {
    "decanted": "Household decanted",
    "consent_not_obtained": "Third party consent not obtained",
    "no_hazard_found": "Further investigation found no hazard",
}


def hazard_blocks(report: PerformanceReport) -> list[Block]:
    """Hazards by kind and phase, each duty met in time, exceptions and alternative accommodation."""
    h = report.hazards
    kinds = h.by_kind
    exceptions = ", ".join(f"{REASONS.get(k, k).lower()}: {num(v)}" for k, v in h.exceptions.items())
    return [
        Heading("Hazards under Awaab's Law", 3),
        Para(
            f"We became aware of {num(h.recorded)} hazards in the period: {num(kinds['emergency'])} emergency and "
            f"{num(kinds['significant'])} significant. Alternative accommodation was provided {num(h.alternative_accommodation)} "
            f"times; exceptions were recorded {num(sum(h.exceptions.values()))} times"
            f"{f' ({exceptions})' if exceptions else ''}. {num(h.with_overdue_duties)} hazards have a duty overdue."
        ),
        Table(
            caption="Awaab's Law duties due in the period and met in time",
            head=["Duty", "Due", "Met in time", "Per cent"],
            rows=[
                [DUTY_NAMES[k], num(v.due), num(v.met_in_time), pct(v.met_in_time_pct)]
                for k, v in h.duties.items()
            ],
        ),
    ]
