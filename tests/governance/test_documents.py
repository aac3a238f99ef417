"""The annual report and the board report open as PDF and Word and contain what the Code requires."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document
from pypdf import PdfReader

from putright.documents import html_to_pdf
from putright.governance import services
from putright.governance.documents.annual import annual_report_document
from putright.governance.documents.board import board_report
from putright.governance.models import FindingKind, LearningStatus
from tests.governance.scenario import NOW, PERIOD, Scenario

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 23)


def pdf_text(content: bytes) -> str:
    return " ".join((page.extract_text() or "") for page in PdfReader(io.BytesIO(content)).pages)


def docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def ombudsman_pdf() -> SimpleUploadedFile:
    content = html_to_pdf(
        "<html lang='en'><head><title>HOS</title></head><body><p>Ombudsman landlord performance report ZX81</p></body></html>"
    )
    return SimpleUploadedFile("hos-report.pdf", content, content_type="application/pdf")


@pytest.fixture
def annual(scenario: Scenario, officer):
    c = scenario.complaints["C"]
    case = services.ombudsman_case_open(
        actor=officer,
        now=NOW,
        complaint_reference=c.reference,
        referred_on=date(2026, 5, 28),
        ombudsman_reference="202612345",
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
    services.learning_item_create(
        actor=officer,
        now=NOW,
        data=services.LearningInput(
            title="Damp reports triaged on day one",
            learning="Damp complaints waited for a surveyor",
            improvement="Surveyor slots held for damp reports",
            identified_on=date(2026, 5, 1),
            status=LearningStatus.COMPLETED,
            completed_on=date(2026, 6, 1),
            complaint_references=[c.reference],
        ),
    )
    report = services.annual_report_save(
        actor=officer,
        now=NOW,
        period_start=PERIOD.start,
        period_end=PERIOD.end,
        commentary="Timeliness improved in June.",
        no_other_ombudsman_reports=True,
    )
    services.annual_report_attach_ombudsman_report(
        actor=officer, now=NOW, report_id=report.pk, upload=ombudsman_pdf()
    )
    report.refresh_from_db()
    return report


ELEMENTS_8_1 = (
    "self-assessment",  # a (none approved yet in this test)
    "How we handled complaints",  # b
    "Legal proceedings have started",  # b: types refused
    "Complaint handling delays",  # c: the finding of non-compliance
    "Surveyor slots held for damp reports",  # d: improvement from learning
    "annual report on our performance",  # e
    "Other reports by the Ombudsman",  # f
    "response to it is published alongside it",  # 8.2
    "CH01",
    "CH02",
)


def test_annual_report_pdf_contains_each_element_of_code_8_1_and_the_ombudsman_report(annual):
    document = annual_report_document(report=annual, today=TODAY)
    text = " ".join(pdf_text(document.pdf()).split())
    for element in ELEMENTS_8_1:
        assert element in text, element
    assert "ZX81" in text  # the Ombudsman's own report is appended (8.1e)
    assert "no self-assessment" in text.lower()


def test_annual_report_docx_contains_each_element_of_code_8_1(annual):
    text = docx_text(annual_report_document(report=annual, today=TODAY).docx())
    for element in ELEMENTS_8_1:
        assert element in text, element


def test_board_report_covers_code_9_7_a_to_d_without_names(scenario: Scenario):
    document = board_report(period=PERIOD, today=TODAY)
    text = " ".join(pdf_text(document.pdf()).split())
    for heading in ("9.7a", "9.7b", "9.7c", "9.7d"):
        assert heading in text
    assert "Resident " not in text  # residents are never named in board papers
    word = docx_text(document.docx())
    assert "Complaint handling by stage" in word
