"""The written summary of an investigation's findings (Awaab's Law): what it must contain.

Checked like the Code's letters (``putright.rules.letters``): content is a mapping from
:class:`SummaryElement` (or its value) to text; an element is missing when absent or blank.
The summary goes to the tenant within 3 working days of the investigation concluding and
must say what was found, the safety work and further works with their timescales, how the
tenant will be kept updated, and how to complain, with the Housing Ombudsman's details.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from putright.rules.hazard_data import Duty, duty_rule
from putright.rules.hazard_scope import HazardKind
from putright.rules.hazards import HazardRuleViolation


class SummaryElement(StrEnum):
    FINDINGS = "findings"
    SAFETY_WORK = "safety_work"
    FURTHER_WORKS = "further_works"
    TIMESCALES = "timescales"
    UPDATES = "updates"
    HOW_TO_COMPLAIN = "how_to_complain"
    OMBUDSMAN_DETAILS = "ombudsman_details"


REQUIRED: dict[SummaryElement, str] = {
    SummaryElement.FINDINGS: "what the investigation found",
    SummaryElement.SAFETY_WORK: "the relevant safety work, or that none is needed",
    SummaryElement.FURTHER_WORKS: "the further works, or that none are needed",
    SummaryElement.TIMESCALES: "when the safety work and further works will be done",
    SummaryElement.UPDATES: "how the tenant will be kept updated",
    SummaryElement.HOW_TO_COMPLAIN: "how to complain",
    SummaryElement.OMBUDSMAN_DETAILS: "the Housing Ombudsman's details",
}


def missing_summary_elements(content: Mapping[str, object]) -> list[SummaryElement]:
    """The required elements ``content`` lacks, in the order the summary sets them out."""
    missing = []
    for element in REQUIRED:
        value = content.get(element.value)
        if value is None or (isinstance(value, str) and not value.strip()):
            missing.append(element)
    return missing


def check_written_summary(content: Mapping[str, object]) -> None:
    """Refuse a summary missing a required element, naming each one missing."""
    missing = missing_summary_elements(content)
    if missing:
        raise HazardRuleViolation(
            "The written summary must say " + "; ".join(REQUIRED[m] for m in missing),
            reference=duty_rule(Duty.WRITTEN_SUMMARY, HazardKind.SIGNIFICANT).reference,
        )
