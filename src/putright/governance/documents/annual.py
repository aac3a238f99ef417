"""The annual complaints performance and service improvement report (Code 8.1 a-f, 8.2)."""

from __future__ import annotations

from datetime import date

from putright.governance.documents.assessment import assessment_blocks, latest_approved
from putright.governance.documents.blocks import Block, Bullets, Heading, Para, ReportDocument
from putright.governance.documents.figures import performance_blocks
from putright.governance.documents.fmt import day
from putright.governance.documents.hazards import hazard_blocks
from putright.governance.documents.ombudsman import non_compliance_blocks
from putright.governance.documents.themes import theme_blocks
from putright.governance.models import AnnualReport
from putright.governance.selectors import casework
from putright.governance.selectors.performance import performance_report
from putright.governance.selectors.periods import Period
from putright.governance.selectors.themes import themes
from putright.landlord.models import LandlordSettings


def _ombudsman_documents(report: AnnualReport) -> tuple[list[Block], list[tuple[str, bytes]]]:
    appendices = []
    for document in report.documents.all():
        with document.file.open("rb") as handle:
            appendices.append((f"The Housing Ombudsman's report: {document.original_name}", handle.read()))
    if not appendices:
        return [
            Para("The Housing Ombudsman has not published an annual report on our performance for this year.")
        ], []
    names = [name for name, _ in appendices]
    return [
        Para("The Ombudsman's report is attached at the end of this document."),
        Bullets(names),
    ], appendices


def annual_report_document(*, report: AnnualReport, today: date) -> ReportDocument:
    landlord = LandlordSettings.current()
    period = Period(report.period_start, report.period_end)
    figures = performance_report(period=period, today=today)
    previous = performance_report(period=period.previous(), today=today)
    ombudsman_blocks, appendices = _ombudsman_documents(report)
    improvements = casework.improvements_in(period)
    blocks: list[Block] = [
        Para(
            f"{landlord.name} produces this report every year for scrutiny and challenge (Code 8.1). It goes to the "
            "governing body and is published on our complaints pages with the governing body's response (8.2)."
        ),
        Heading("a. Our self-assessment against the Complaint Handling Code (8.1a)"),
        *assessment_blocks(latest_approved()),
        Heading("b. How we handled complaints (8.1b)"),
        Heading("What the figures tell us", 3),
        Para(report.commentary or "The complaints officer has not added a commentary for this year."),
        *performance_blocks(figures, previous, previous_label=period.previous().label())[1:],
        *hazard_blocks(figures),
        Heading("c. The Ombudsman's findings of non-compliance with the Code (8.1c)"),
        *non_compliance_blocks(casework.non_compliance_findings(period), casework.failure_orders_in(period)),
        Heading("d. What we changed because of complaints (8.1d)"),
        *theme_blocks(themes(period), improvements)[-1:],
        Heading("e. The Ombudsman's annual report on our performance (8.1e)"),
        *ombudsman_blocks,
        Heading("f. Other reports by the Ombudsman about us (8.1f)"),
        Para(report.other_ombudsman_reports or "The Ombudsman published no other report about us this year."),
        Heading("The governing body's response (8.2)"),
    ]
    if report.governing_body_response:
        blocks.append(
            Para(
                f"Presented to the governing body on {day(report.presented_to_governing_body_on)}. Its response, "
                f"recorded on {day(report.response_recorded_on)}:"
            )
        )
        blocks.append(Para(report.governing_body_response))
    else:
        blocks.append(Para("The governing body has not yet responded to this report."))
    return ReportDocument(
        title=f"Annual complaints performance and service improvement report: {period.label()}",
        subtitle=landlord.name,
        blocks=blocks,
        appendix_pdfs=appendices,
        landlord=landlord.name,
    )
