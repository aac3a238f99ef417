"""The written summary of the investigation's findings: composed, checked, recorded as sent."""

from __future__ import annotations

from datetime import date

from putright.core.dates import code_calendar, long_date
from putright.hazards.models import Hazard
from putright.hazards.services._common import progress_of, regulations
from putright.landlord.models import LandlordSettings
from putright.rules.hazard_letters import SummaryElement, check_written_summary
from putright.rules.hazard_scope import HHSRS
from putright.rules.hazards import deadlines


def summary_content(hazard: Hazard, *, safety_work: str, further_works: str, updates: str) -> dict[str, str]:
    """Every element of the summary, the timescales and complaint details filled in by putright."""
    landlord = LandlordSettings.current()
    found = deadlines(progress_of(hazard), code_calendar())
    if hazard.hazard_found:
        timescales = (
            f"We will complete the safety work by {long_date(found.make_safe_by)}, begin the further works "
            f"by {long_date(found.begin_further_works_by)} and start them on site by {long_date(found.start_further_works_by)}."
        )
    else:
        timescales = "The investigation found no hazard, so no work is due under Awaab's Law."
    return {
        SummaryElement.FINDINGS.value: hazard.findings,
        SummaryElement.SAFETY_WORK.value: safety_work.strip(),
        SummaryElement.FURTHER_WORKS.value: further_works.strip(),
        SummaryElement.TIMESCALES.value: timescales,
        SummaryElement.UPDATES.value: updates.strip(),
        SummaryElement.HOW_TO_COMPLAIN.value: (
            f"If you are unhappy with how we are dealing with this, you can complain to {landlord.name}: "
            f"email {landlord.complaints_email}, call us or tell any member of staff."
        ),
        SummaryElement.OMBUDSMAN_DETAILS.value: landlord.ombudsman_details,
    }


HEADINGS = {
    SummaryElement.FINDINGS: "What we found",
    SummaryElement.SAFETY_WORK: "Safety work",
    SummaryElement.FURTHER_WORKS: "Further works",
    SummaryElement.TIMESCALES: "When",
    SummaryElement.UPDATES: "How we will keep you updated",
    SummaryElement.HOW_TO_COMPLAIN: "How to complain",
    SummaryElement.OMBUDSMAN_DETAILS: "The Housing Ombudsman",
}


def summary_letter(hazard: Hazard, content: dict[str, str], sent_on: date) -> str:
    """The letter as plain text, one headed section per required element."""
    title = f"Written summary of our investigation: {HHSRS.get(hazard.hazard, 'hazard').lower()}"
    lines = [title, f"Reference {hazard.reference}, {long_date(sent_on)}", hazard.home, ""]
    for element, heading in HEADINGS.items():
        lines += [heading, content[element.value], ""]
    return "\n".join(line for line in lines if line is not None).strip()


def compose_checked(
    hazard: Hazard, *, safety_work: str, further_works: str, updates: str, sent_on: date
) -> str:
    content = summary_content(hazard, safety_work=safety_work, further_works=further_works, updates=updates)
    with regulations():
        check_written_summary(content)
    return summary_letter(hazard, content, sent_on)
