"""The quarterly report to the Member Responsible for Complaints and the governing body (Code 9.6, 9.7)."""

from __future__ import annotations

from datetime import date

from putright.governance.documents.blocks import Block, Heading, Para, ReportDocument
from putright.governance.documents.figures import (
    category_blocks,
    outcome_blocks,
    stage_table,
    timeliness_chart,
    volume_chart,
)
from putright.governance.documents.fmt import day
from putright.governance.documents.hazards import hazard_blocks
from putright.governance.documents.ombudsman import findings_table, ombudsman_blocks, orders_table
from putright.governance.documents.refusals import refusal_blocks
from putright.governance.documents.roles import named_roles_blocks
from putright.governance.documents.statements import exceptional_blocks, refusal_letters_para
from putright.governance.documents.themes import theme_blocks
from putright.governance.documents.tsm import tsm_blocks
from putright.governance.selectors import casework
from putright.governance.selectors.annual import annual_report_current_version, annual_report_latest_version
from putright.governance.selectors.performance import performance_report
from putright.governance.selectors.periods import Period
from putright.governance.selectors.themes import themes
from putright.landlord.models import LandlordSettings


def _annual_status() -> Para:
    latest = casework.annual_reports().first()
    if latest is None:
        return Para("No annual complaints performance and service improvement report has been prepared yet.")
    text = f"The latest annual report covers {day(latest.period_start)} to {day(latest.period_end)}."
    version = annual_report_latest_version(report=latest)
    if version is not None:
        text += f" Version {version.number} went to the governing body on {day(version.sent_on)}"
        text += (
            f", which responded on {day(version.response_on)}." if version.response else "; no response yet."
        )
        if annual_report_current_version(report=latest) is None:
            text += " The report has changed since and must go to the governing body again."
    else:
        text += " It has not gone to the governing body yet."
    if latest.publication:
        text += (
            f" It was published with the governing body's response on {day(latest.publication.published_on)}."
        )
    else:
        text += " It has not been published yet."
    return Para(text)


def board_report(*, period: Period, today: date) -> ReportDocument:
    """Volumes, categories, outcomes and performance (9.7a), issues and trends (9.7b), the Ombudsman's
    outcomes and progress on orders (9.7c), and where the annual report stands (9.7d). Anonymised."""
    landlord = LandlordSettings.current()
    report = performance_report(period=period, today=today)
    before = period.previous()
    previous = performance_report(period=before, today=today)
    as_of = report.period.as_at
    label, previous_label = "This period", before.label()
    blocks: list[Block] = [
        Para(
            f"For the Member Responsible for Complaints and the governing body of {landlord.name} (Code 9.6, 9.7). "
            f"Compared with {before.label()}. Figures at {day(as_of)}; no resident is named."
        ),
        Heading("a. Volume, categories, outcomes and performance (Code 9.7a)"),
        volume_chart(report, previous, label, previous_label),
        timeliness_chart(report, previous, label, previous_label),
        stage_table(report, previous),
        *tsm_blocks(report),
        *outcome_blocks(report),
        *category_blocks(report),
        *refusal_blocks(report),
        refusal_letters_para(period),
        *exceptional_blocks(period, "Exceptional circumstances (Code 8.5)"),
        *hazard_blocks(report),
        Heading("b. Issues and trends (Code 9.7b)"),
        *theme_blocks(themes(period), casework.improvements_in(period))[1:],
        Heading("c. The Ombudsman's investigations and orders (Code 9.7c)"),
        *ombudsman_blocks(report)[1:],
        findings_table(casework.findings_in(period), "The Ombudsman's findings in the period"),
        orders_table(casework.orders_open(as_of=as_of)),
        Heading("d. Annual complaints performance and service improvement report (Code 9.7d)"),
        _annual_status(),
        *named_roles_blocks(period),
    ]
    return ReportDocument(
        title=f"Complaints report to the governing body: {period.label()}",
        subtitle=landlord.name,
        blocks=blocks,
        landlord=landlord.name,
        figures={"period": report, "previous": previous},
    )
