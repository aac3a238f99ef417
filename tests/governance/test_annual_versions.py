"""What the governing body signs is the version it saw (Code 8.2), and the reports say only what
the record shows or a person confirmed (8.1, 8.5, 9.6-9.8). Read back from the PDF and Word files."""

from __future__ import annotations

import hashlib
import io
from datetime import date

import pytest
from docx import Document
from pypdf import PdfReader

from putright.accounts.models import Role
from putright.core.errors import InvalidInput
from putright.governance import services
from putright.governance.documents.annual import annual_report_document
from putright.governance.documents.blocks import ReportDocument, Table
from putright.governance.documents.board import board_report
from putright.governance.models import AnnualReportVersion, FindingKind, LearningStatus, Publication
from putright.landlord.models import NamedRoleKind
from putright.landlord.roles import named_role_set
from tests.governance.scenario import NOW, PERIOD, Scenario

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 23)


def pdf_text(content: bytes) -> str:
    return " ".join(" ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(content)).pages).split())


def docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return " ".join(" ".join(parts).split())


def _report(officer, **kw):
    values = {"no_other_ombudsman_reports": True, "no_ombudsman_annual_report": True, **kw}
    return services.annual_report_save(
        actor=officer, now=NOW, period_start=PERIOD.start, period_end=PERIOD.end, **values
    )


def _edit(officer, report, commentary):
    return services.annual_report_save(
        actor=officer,
        now=NOW,
        period_start=PERIOD.start,
        period_end=PERIOD.end,
        commentary=commentary,
        no_other_ombudsman_reports=True,
        no_ombudsman_annual_report=True,
        report_id=report.pk,
    )


def test_the_response_attaches_to_the_version_sent_and_an_edit_needs_a_new_version_and_response_8_2(
    scenario: Scenario, officer
):
    report = _report(officer, commentary="First words VX1")
    first = services.annual_report_send(actor=officer, now=NOW, report_id=report.pk, sent_on=date(2026, 9, 1))
    with first.pdf.open("rb") as handle:
        first_pdf = handle.read()
    assert first.sha256 == hashlib.sha256(first_pdf).hexdigest()
    assert "First words VX1" in pdf_text(first_pdf)
    services.annual_report_record_response(
        actor=officer, now=NOW, report_id=report.pk, response="Accepted VX1", response_on=date(2026, 9, 2)
    )
    _edit(officer, report, "Second words VX2")

    with pytest.raises(InvalidInput) as stale:
        services.annual_report_record_response(
            actor=officer, now=NOW, report_id=report.pk, response="Accepted", response_on=date(2026, 9, 3)
        )
    assert "changed since version 1" in stale.value.errors["governing_body_response"][0]
    with pytest.raises(InvalidInput):
        services.annual_report_publish(actor=officer, now=NOW, report_id=report.pk)

    second = services.annual_report_send(
        actor=officer, now=NOW, report_id=report.pk, sent_on=date(2026, 9, 5)
    )
    assert second.number == 2
    with first.pdf.open("rb") as handle:
        assert handle.read() == first_pdf  # the first version is kept as it was
    services.annual_report_record_response(
        actor=officer, now=NOW, report_id=report.pk, response="Accepted VX2", response_on=date(2026, 9, 6)
    )
    services.annual_report_publish(actor=officer, now=NOW, report_id=report.pk)
    report.refresh_from_db()
    assert report.published_version_id == second.pk
    with report.publication.pdf.open("rb") as published, second.pdf.open("rb") as sent:
        assert published.read() == sent.read()
    assert "Accepted VX2" in report.publication.summary
    assert AnnualReportVersion.objects.get(pk=first.pk).response == "Accepted VX1"


def test_a_version_cannot_be_sent_twice_unchanged_nor_answered_before_it_was_sent_8_2(scenario, officer):
    report = _report(officer)
    with pytest.raises(InvalidInput):
        services.annual_report_record_response(
            actor=officer, now=NOW, report_id=report.pk, response="Yes", response_on=date(2026, 9, 2)
        )
    services.annual_report_send(actor=officer, now=NOW, report_id=report.pk, sent_on=date(2026, 9, 1))
    with pytest.raises(InvalidInput) as again:
        services.annual_report_send(actor=officer, now=NOW, report_id=report.pk, sent_on=date(2026, 9, 2))
    assert "has not changed since" in again.value.errors["sent_on"][0]
    with pytest.raises(InvalidInput) as early:
        services.annual_report_record_response(
            actor=officer, now=NOW, report_id=report.pk, response="Yes", response_on=date(2026, 8, 31)
        )
    assert "response_recorded_on" in early.value.errors


def test_published_figures_never_change_when_the_record_does_8_2(scenario: Scenario, officer, handler):
    from putright.cases import services as cases

    report = _report(officer)
    version = services.annual_report_send(
        actor=officer, now=NOW, report_id=report.pk, sent_on=date(2026, 9, 1)
    )
    services.annual_report_record_response(
        actor=officer, now=NOW, report_id=report.pk, response="Agreed", response_on=date(2026, 9, 2)
    )
    services.annual_report_publish(actor=officer, now=NOW, report_id=report.pk)
    frozen = version.content["figures"]["period"]["refused"]["total"]
    cases.complaint_refuse(
        actor=officer,
        now=NOW,
        complaint_id=scenario.complaints["D"].pk,
        reason="legal_proceedings",
        explanation="Court proceedings have started; you can ask the Housing Ombudsman to review this.",
        evidence="Claim form KX12345 seen, filed at the county court",  # Code 2.1 needs evidence
    )
    live = annual_report_document(report=report, today=TODAY).figures["period"].refused.total
    assert live == frozen + 1  # the record changed ...
    version.refresh_from_db()
    assert version.content["figures"]["period"]["refused"]["total"] == frozen  # ... what was sent did not
    report.refresh_from_db()
    with report.publication.pdf.open("rb") as published:
        assert hashlib.sha256(published.read()).hexdigest() == version.sha256


def test_nothing_is_said_about_the_ombudsmans_reports_unless_entered_or_confirmed_8_1e_8_1f(
    scenario, officer
):
    report = services.annual_report_save(
        actor=officer, now=NOW, period_start=PERIOD.start, period_end=PERIOD.end
    )
    text = pdf_text(annual_report_document(report=report, today=TODAY).pdf())
    assert "has not published an annual report" not in text
    assert "published no other report" not in text
    assert text.count("Not yet entered") == 2
    with pytest.raises(InvalidInput) as refused:
        services.annual_report_send(actor=officer, now=NOW, report_id=report.pk, sent_on=date(2026, 9, 1))
    assert {"no_ombudsman_annual_report", "other_ombudsman_reports"} <= set(refused.value.errors)
    confirmed = _edit(officer, report, "")
    word = docx_text(annual_report_document(report=confirmed, today=TODAY).docx())
    assert "published no other report about us this year (confirmed by the complaints officer)" in word


def test_refusals_are_reported_with_how_many_residents_were_told_of_the_ombudsman_8_1b(scenario, officer):
    report = _report(officer)
    annual = pdf_text(annual_report_document(report=report, today=TODAY).pdf())
    board = docx_text(board_report(period=PERIOD, today=TODAY).docx())
    for text in (annual, board):
        assert "Each resident was told why" not in text
        assert "of 2 residents whose complaint or escalation was refused" in text


def test_exceptional_circumstances_appear_in_the_annual_and_board_reports_8_5(scenario, officer):
    services.exceptional_circumstance_record(
        actor=officer,
        now=NOW,
        title="Cyber attack QW7",
        description="Systems down",
        started_on=date(2026, 5, 1),
        ombudsman_informed_on=date(2026, 5, 2),
        return_to_compliance_by=date(2026, 5, 30),
    )
    report = _report(officer)
    assert "Cyber attack QW7" in pdf_text(annual_report_document(report=report, today=TODAY).pdf())
    assert "Cyber attack QW7" in docx_text(board_report(period=PERIOD, today=TODAY).docx())


def test_the_member_responsible_for_complaints_and_senior_lead_are_named_9_6(scenario, officer):
    named_role_set(
        actor=officer, role=NamedRoleKind.MEMBER_RESPONSIBLE, name="Cllr Ada Pym", since=date(2025, 1, 1)
    )
    named_role_set(actor=officer, role=NamedRoleKind.SENIOR_LEAD, name="Bo Senior", since=date(2025, 2, 1))
    report = _report(officer)
    annual = pdf_text(annual_report_document(report=report, today=TODAY).pdf())
    board = pdf_text(board_report(period=PERIOD, today=TODAY).pdf())
    for text in (annual, board):
        assert "Member Responsible for Complaints: Cllr Ada Pym" in text
        assert "Senior lead for complaint handling: Bo Senior" in text


def test_a_named_role_holder_cannot_start_before_the_current_one_3_5(officer):
    named_role_set(actor=officer, role=NamedRoleKind.SENIOR_LEAD, name="A", since=date(2026, 1, 1))
    with pytest.raises(InvalidInput):
        named_role_set(actor=officer, role=NamedRoleKind.SENIOR_LEAD, name="B", since=date(2025, 1, 1))
    second = named_role_set(actor=officer, role=NamedRoleKind.SENIOR_LEAD, name="B", since=date(2026, 6, 1))
    assert second.until is None


def test_learning_in_progress_is_not_listed_under_what_we_changed_8_1d(scenario, officer):
    for title, status, completed in (
        ("Done change KQ1", LearningStatus.COMPLETED, date(2026, 6, 1)),
        ("Unfinished change KQ2", LearningStatus.IN_PROGRESS, None),
    ):
        services.learning_item_create(
            actor=officer,
            now=NOW,
            data=services.LearningInput(
                title=title,
                learning="Learned",
                improvement="Improved",
                identified_on=date(2026, 5, 1),
                status=status,
                completed_on=completed,
            ),
        )
    text = pdf_text(annual_report_document(report=_report(officer), today=TODAY).pdf())
    assert "Done change KQ1" in text
    assert "Unfinished change KQ2" not in text


def test_published_reports_print_no_internal_complaint_reference_nor_resident_name_8_2(scenario, officer):
    c = scenario.complaints["C"]
    case = services.ombudsman_case_open(
        actor=officer,
        now=NOW,
        complaint_reference=c.reference,
        referred_on=date(2026, 5, 28),
        ombudsman_reference="202699999",
    )
    services.finding_record(
        actor=officer,
        now=NOW,
        case_id=case.pk,
        issue="Complaint handling delays",
        kind=FindingKind.SERVICE_FAILURE,
        determined_on=date(2026, 6, 20),
        complaint_handling=True,
    )
    document = annual_report_document(report=_report(officer), today=TODAY)
    for text in (pdf_text(document.pdf()), docx_text(document.docx())):
        assert "202699999" in text
        assert c.reference not in text
        assert c.resident.name not in text
    board = pdf_text(board_report(period=PERIOD, today=TODAY).pdf())
    assert "202699999" in board and c.reference not in board


def _long_table() -> ReportDocument:
    rows = [
        [f"Row {i:03d} with a label long enough to wrap onto a second line of its cell", i] for i in range(90)
    ]
    return ReportDocument(
        title="Long table",
        subtitle="",
        blocks=[Table(caption="Many rows", head=["Label ZZH", "Count"], rows=rows)],
    )


def test_pdf_table_rows_never_split_across_pages_and_the_header_repeats_8_1():
    pages = [p.extract_text() or "" for p in PdfReader(io.BytesIO(_long_table().pdf())).pages]
    assert len(pages) > 1
    for page in pages:
        assert "Label ZZH" in page  # the header repeats on every page
    for i in range(90):
        on = [n for n, page in enumerate(pages) if f"Row {i:03d}" in page]
        assert len(on) == 1
        flat = " ".join(pages[on[0]].split())
        assert "second line of its cell" in flat.split(f"Row {i:03d}", 1)[1][:120]  # the rest of the row too


def test_word_table_rows_never_split_and_the_header_repeats_8_1():
    document = Document(io.BytesIO(_long_table().docx()))
    table = document.tables[0]
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for n, row in enumerate(table.rows):
        properties = row._tr.trPr
        assert properties is not None and properties.find(f"{ns}cantSplit") is not None
        assert (properties.find(f"{ns}tblHeader") is not None) == (n == 0)


def test_publication_keeps_the_frozen_word_file_too_8_2(scenario, officer):
    report = _report(officer)
    version = services.annual_report_send(
        actor=officer, now=NOW, report_id=report.pk, sent_on=date(2026, 9, 1)
    )
    services.annual_report_record_response(
        actor=officer, now=NOW, report_id=report.pk, response="Agreed", response_on=date(2026, 9, 2)
    )
    services.annual_report_publish(actor=officer, now=NOW, report_id=report.pk)
    publication = Publication.objects.get(withdrawn_at__isnull=True)
    with publication.docx.open("rb") as published, version.docx.open("rb") as sent:
        assert published.read() == sent.read()


def test_the_governing_body_records_its_response_to_the_version_on_the_page_8_2(client, make_user, officer):
    report = _report(officer)
    services.annual_report_send(actor=officer, now=NOW, report_id=report.pk, sent_on=date(2026, 9, 1))
    client.force_login(make_user(Role.GOVERNANCE))
    missing = client.post(f"/staff/reports/annual/{report.pk}/response/", {"governing_body_response": ""})
    assert missing.status_code == 400
    assert "Enter the governing body" in missing.content.decode()
    recorded = client.post(
        f"/staff/reports/annual/{report.pk}/response/",
        {
            "governing_body_response": "Noted by the board",
            "response_recorded_on-day": "2",
            "response_recorded_on-month": "9",
            "response_recorded_on-year": "2026",
        },
    )
    assert recorded.status_code == 302
    assert AnnualReportVersion.objects.get(report=report).response == "Noted by the board"
    page = client.get(f"/staff/reports/annual/{report.pk}/").content.decode()
    assert "Noted by the board" in page
    download = client.get(f"/staff/reports/annual/{report.pk}/versions/1.pdf")
    assert download.status_code == 200 and download.content.startswith(b"%PDF-")
    assert client.post(f"/staff/reports/annual/{report.pk}/publish/").status_code == 403


def test_the_named_roles_settings_page_records_a_holder_with_errors_beside_the_fields_9_6(client, officer):
    client.force_login(officer)
    refused = client.post("/staff/settings/roles/", {"role": "", "name": ""})
    assert refused.status_code == 400
    assert "Choose the role" in refused.content.decode()
    saved = client.post(
        "/staff/settings/roles/",
        {
            "role": NamedRoleKind.MEMBER_RESPONSIBLE,
            "name": "Cllr Ada Pym",
            "since-day": "1",
            "since-month": "4",
            "since-year": "2026",
            "contact": "ada@example.org",
        },
    )
    assert saved.status_code == 302
    assert "Cllr Ada Pym" in client.get("/staff/settings/roles/").content.decode()


def test_the_board_report_is_kept_as_sent_to_the_governing_body_9_7(scenario: Scenario, officer, client):
    from putright.cases import services as cases

    version = services.board_report_send(actor=officer, now=NOW, period=PERIOD, sent_on=date(2026, 7, 10))
    with version.pdf.open("rb") as handle:
        sent = handle.read()
    assert version.sha256 == hashlib.sha256(sent).hexdigest()
    refused_then = version.content["figures"]["period"]["refused"]["total"]
    cases.complaint_refuse(
        actor=officer,
        now=NOW,
        complaint_id=scenario.complaints["D"].pk,
        reason="legal_proceedings",
        explanation="Court proceedings have started; you can ask the Housing Ombudsman to review this.",
        evidence="Claim form KX12345 seen, filed at the county court",  # Code 2.1 needs evidence
    )
    assert board_report(period=PERIOD, today=TODAY).figures["period"].refused.total == refused_then + 1
    client.force_login(officer)
    query = "start-day=1&start-month=4&start-year=2026&end-day=30&end-month=6&end-year=2026"
    assert client.post(f"/staff/reports/board/send/?{query}").status_code == 302
    download = client.get(f"/staff/reports/board/versions/{version.pk}.pdf")
    assert download.content == sent  # version 1 as it was sent, not as the record is now
    page = client.get(f"/staff/reports/board/?{query}").content.decode()
    assert "Sent to the governing body for this period" in page and "10 Jul 2026" in page
