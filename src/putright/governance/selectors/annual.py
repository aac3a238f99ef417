"""Where an annual report stands with the governing body (Code 8.2): its versions and what is missing."""

from __future__ import annotations

from putright.governance.models import AnnualReport, AnnualReportVersion


def annual_report_latest_version(*, report: AnnualReport) -> AnnualReportVersion | None:
    return report.versions.order_by("-number").first()


def annual_report_current_version(*, report: AnnualReport) -> AnnualReportVersion | None:
    """The latest version, if the report has not changed since it went to the governing body.

    None when no version was sent, or when the report was edited after the latest one: that
    version's response answers words the report no longer has.
    """
    latest = annual_report_latest_version(report=report)
    if latest is None:
        return None
    return latest if latest.report_revision == report.revision else None


def annual_report_missing(*, report: AnnualReport) -> dict[str, str]:
    """Statements a person must enter or confirm before the governing body sees the report (8.1e, 8.1f).

    Nothing is said by default: "the Ombudsman published no report about us" is printed only when
    someone confirmed it.
    """
    missing: dict[str, str] = {}
    if not report.no_ombudsman_annual_report and not report.documents.exists():
        missing["no_ombudsman_annual_report"] = (
            "Attach the Ombudsman's annual report on us, or confirm it published none for the year (Code 8.1e)"
        )
    if not report.other_ombudsman_reports and not report.no_other_ombudsman_reports:
        missing["other_ombudsman_reports"] = (
            "Describe the Ombudsman's other reports about us, or confirm there were none (Code 8.1f)"
        )
    return missing
