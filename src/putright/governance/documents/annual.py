"""The annual complaints performance and service improvement report (Code 8.1 a-f, 8.2)."""

from __future__ import annotations

from datetime import date

from putright.governance.documents.assessment import assessment_blocks, latest_approved
from putright.governance.documents.blocks import Block, Bullets, Heading, Para, ReportDocument, Table
from putright.governance.documents.figures import performance_blocks
from putright.governance.documents.fmt import day
from putright.governance.documents.hazards import hazard_blocks
from putright.governance.documents.ombudsman import non_compliance_blocks
from putright.governance.documents.roles import named_roles_blocks
from putright.governance.documents.statements import exceptional_blocks, refusal_letters_para
from putright.governance.models import AnnualReport, LearningItem, LearningStatus
from putright.governance.selectors import casework
from putright.governance.selectors.performance import performance_report
from putright.governance.selectors.periods import Period
from putright.landlord.models import LandlordSettings


def _ombudsman_documents(report: AnnualReport) -> tuple[list[Block], list[tuple[str, bytes]]]:
    appendices = []
    for document in report.documents.all():
        with document.file.open("rb") as handle:
            appendices.append((f"The Housing Ombudsman's report: {document.original_name}", handle.read()))
    if not appendices:
        if report.no_ombudsman_annual_report:
            return [
                Para(
                    "The Housing Ombudsman has not published an annual report on our performance for this year "
                    "(confirmed by the complaints officer)."
                )
            ], []
        return [Para("Not yet entered: whether the Ombudsman published an annual report on us.")], []
    names = [name for name, _ in appendices]
    return [
        Para("The Ombudsman's report is attached at the end of this document."),
        Bullets(names),
    ], appendices


def _other_reports(report: AnnualReport) -> Para:
    if report.other_ombudsman_reports:
        return Para(report.other_ombudsman_reports)
    if report.no_other_ombudsman_reports:
        return Para(
            "The Ombudsman published no other report about us this year (confirmed by the complaints officer)."
        )
    return Para("Not yet entered: whether the Ombudsman published other reports about us.")


def annual_report_document(*, report: AnnualReport, today: date) -> ReportDocument:
    """The report as it stands today. What the governing body receives is a frozen copy of this
    (`services.annual_report_send`); its response is published alongside that copy (8.2)."""
    landlord = LandlordSettings.current()
    period = Period(report.period_start, report.period_end)
    figures = performance_report(period=period, today=today)
    previous = performance_report(period=period.previous(), today=today)
    ombudsman_blocks, appendices = _ombudsman_documents(report)
    # "What we changed" lists only changes made: learning still in progress is not a change (8.1d).
    improvements = [i for i in casework.improvements_in(period) if i.status == LearningStatus.COMPLETED]
    blocks: list[Block] = [
        Para(
            f"{landlord.name} produces this report every year for scrutiny and challenge (Code 8.1). It goes to the "
            "governing body and is published on our complaints pages with the governing body's response (8.2)."
        ),
        Heading("a. Our self-assessment against the Complaint Handling Code (8.1a)"),
        *assessment_blocks(latest_approved(covering=(period.start, period.end))),
        Heading("b. How we handled complaints (8.1b)"),
        Heading("What the figures tell us", 3),
        Para(report.commentary or "The complaints officer has not added a commentary for this year."),
        *performance_blocks(figures, previous, previous_label=period.previous().label())[1:],
        refusal_letters_para(period),
        *exceptional_blocks(period, "Exceptional circumstances (Code 8.5)"),
        *hazard_blocks(figures),
        Heading("c. The Ombudsman's findings of non-compliance with the Code (8.1c)"),
        *non_compliance_blocks(casework.non_compliance_findings(period), casework.failure_orders_in(period)),
        Heading("d. What we changed because of complaints (8.1d)"),
        *_changes(improvements),
        Heading("e. The Ombudsman's annual report on our performance (8.1e)"),
        *ombudsman_blocks,
        Heading("f. Other reports by the Ombudsman about us (8.1f)"),
        _other_reports(report),
        *named_roles_blocks(period),
        Heading("The governing body's response (8.2)"),
        Para(
            "This report goes to the governing body as it stands. The governing body's response to it is "
            "published alongside it, and the report is published exactly as the governing body saw it."
        ),
    ]
    return ReportDocument(
        title=f"Annual complaints performance and service improvement report: {period.label()}",
        subtitle=landlord.name,
        blocks=blocks,
        appendix_pdfs=appendices,
        landlord=landlord.name,
        figures={"period": figures, "previous": previous},
    )


def _changes(improvements: list[LearningItem]) -> list[Block]:
    if not improvements:
        return [Para("No change made because of complaints was completed in the year.")]
    return [
        Table(
            caption="What we changed because of complaints (Code 8.1d, 9.1-9.3)",
            head=["What we learned", "What we changed", "Completed"],
            rows=[[item.title, item.improvement, day(item.completed_on)] for item in improvements],
        )
    ]
