"""The published PDF and DOCX open, and hold every provision and the approval (Appendix A; Code 8.2)."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from docx import Document
from pypdf import PdfReader

from putright.assessment import services as assess
from putright.assessment.render import document_docx, document_pdf
from putright.assessment.selectors import assessment_latest_published
from putright.rules.provisions import provisions_for
from tests.assessment.conftest import answer_all, at

DAY = at(date(2026, 11, 3))
RESPONSE = "The Board accepts the self-assessment and will monitor the improvement plan quarterly."


@pytest.fixture
def published(make_assessment, officer, governance):
    assessment = make_assessment()
    answer_all(assessment, officer, DAY)
    assess.answer_save(
        actor=officer,
        now=DAY,
        assessment_id=assessment.pk,
        provision_id="1.6",
        comply="partly",
        evidence="Telephone surveys",
        commentary="Further assurance is required.",
        rag="amber",
    )
    assess.action_add(
        actor=officer,
        now=DAY,
        assessment_id=assessment.pk,
        provision_id="1.6",
        description="Implement survey via Omnichannel.",
        owner="Insight team",
        due_on=date(2027, 9, 30),
    )
    assess.assessment_complete(
        actor=officer,
        now=DAY,
        assessment_id=assessment.pk,
        completed_by_name="Olive Officer",
        completed_on=date(2026, 11, 3),
    )
    assessment.refresh_from_db()
    assess.assessment_approve(
        actor=governance,
        now=at(date(2026, 12, 10)),
        assessment_id=assessment.pk,
        version_number=assessment.revision,
        approver_name="Priya Shah",
        body="Board",
        approved_on=date(2026, 12, 10),
        response=RESPONSE,
    )
    assess.assessment_publish(actor=officer, now=at(date(2026, 12, 11)), assessment_id=assessment.pk)
    document = assessment_latest_published()
    assert document is not None
    return document


@pytest.mark.django_db
def test_the_published_pdf_opens_with_every_provision_and_the_approval_table(published):
    reader = PdfReader(io.BytesIO(document_pdf(published)))
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
    for provision in provisions_for("hos-2024"):
        assert re.search(rf"(?<![\d.]){re.escape(provision.id)}(?![\d])", text), provision.id
    for words in ("Version control", "Approved by", "Priya Shah, Board", "10 December 2026", RESPONSE[:40]):
        assert words in text
    assert "ACTION: Implement survey via Omnichannel." in text
    assert reader.metadata is not None and reader.metadata.title.startswith(published.title)


@pytest.mark.django_db
def test_the_published_docx_opens_with_every_provision_and_the_approval_table(published):
    word = Document(io.BytesIO(document_docx(published)))
    provision_cells = [
        row.cells[0].text
        for table in word.tables
        if table.rows[0].cells[0].text == "Code provision"
        for row in table.rows[1:]
    ]
    assert provision_cells == [p.id for p in provisions_for("hos-2024")]
    versions = next(t for t in word.tables if t.rows[0].cells[0].text == "Date")
    assert [c.text for c in versions.rows[0].cells] == [
        "Date",
        "Changes made",
        "Completed by",
        "Approved by",
        "Approved on",
    ]
    assert versions.rows[1].cells[3].text == "Priya Shah, Board"
    approval = word.tables[-1]
    assert [row.cells[1].text for row in approval.rows] == [
        "Priya Shah",
        "Board",
        "10 December 2026",
        RESPONSE,
    ]
    assert word.core_properties.title == published.title


@pytest.mark.django_db
def test_the_version_table_groups_a_days_work_by_one_person_under_its_approval(published):
    started, worked = published.versions
    assert (started.on, started.changes) == (date(2026, 11, 2), "Started")
    assert worked.on == date(2026, 11, 3)
    assert worked.changes.startswith("72 answers imported from answers.csv; Answer to 1.6 changed")
    assert "Completed by Olive Officer" in worked.changes
    for line in (started, worked):
        assert (line.completed_by, line.approved_by) == ("olive", "Priya Shah, Board")
        assert line.approved_on == date(2026, 12, 10)
