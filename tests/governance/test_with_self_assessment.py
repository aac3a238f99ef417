"""The annual report includes the approved self-assessment (Code 8.1a); the public page offers it (8.2)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from putright.assessment import services as assess
from putright.governance import services
from putright.governance.documents.annual import annual_report_document
from tests.governance.scenario import NOW

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(officer):
    assessment = assess.assessment_create(
        actor=officer,
        now=NOW,
        title="Self-assessment 2026 ZQ",
        edition="hos-2024",
        reason="annual",
        period_start=date(2026, 4, 1),
        period_end=date(2027, 3, 31),
    )
    for pid in assessment.answers.values_list("provision_id", flat=True):
        assess.answer_save(
            actor=officer,
            now=NOW,
            assessment_id=assessment.pk,
            provision_id=pid,
            comply="yes",
            evidence=f"Policy section {pid}",
            commentary="",
            rag="green",
        )
    assess.assessment_complete(
        actor=officer,
        now=NOW,
        assessment_id=assessment.pk,
        completed_by_name="Olive",
        completed_on=date(2026, 11, 2),
    )
    assessment.refresh_from_db()
    assess.assessment_approve(
        actor=officer,
        now=NOW,
        assessment_id=assessment.pk,
        version_number=assessment.revision,
        approver_name="Chair",
        body="Board",
        approved_on=date(2026, 11, 3),
        response="The board approves the self-assessment",
    )
    assess.assessment_publish(actor=officer, now=NOW, assessment_id=assessment.pk)
    return assessment


def test_annual_report_includes_the_approved_self_assessment_code_8_1a(approved, officer):
    report = services.annual_report_save(
        actor=officer, now=NOW, period_start=date(2026, 4, 1), period_end=date(2026, 9, 30)
    )
    document = annual_report_document(report=report, today=date(2026, 11, 23))
    text = " ".join(
        " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(document.pdf())).pages).split()
    )
    assert "Self-assessment 2026 ZQ" in text
    assert "The board approves the self-assessment" in text
    assert text.count("Policy section") >= 60, text[text.find("Requirement") :][:600]


def test_public_page_offers_the_published_self_assessment_code_8_2(approved, client):
    page = client.get("/publications/").content.decode()
    assert "Self-assessment 2026 ZQ" in page
    response = client.get(f"/publications/self-assessment/{approved.pk}.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
