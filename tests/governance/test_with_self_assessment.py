"""The annual report includes the approved self-assessment (Code 8.1a); the public page offers it (8.2)."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader

from putright.assessment import services as assess
from putright.core.errors import ActionRefused, InvalidInput
from putright.governance import services
from putright.governance.documents.annual import annual_report_document
from tests.governance.scenario import NOW

pytestmark = pytest.mark.django_db


def _approve(officer, *, title, start, end, written, approved_on, rag="green", response="The board approves"):
    """An assessment answered with evidence and a rating, completed and approved (Code 8.1a, 8.2)."""
    assessment = assess.assessment_create(
        actor=officer,
        now=written,
        title=title,
        edition="hos-2024",
        reason="annual",
        period_start=start,
        period_end=end,
    )
    for pid in assessment.answers.values_list("provision_id", flat=True):
        assess.answer_save(
            actor=officer,
            now=written,
            assessment_id=assessment.pk,
            provision_id=pid,
            comply="yes",
            evidence=f"Policy section {pid}",
            commentary="",
            rag=rag,
        )
    assess.assessment_complete(
        actor=officer,
        now=written,
        assessment_id=assessment.pk,
        completed_by_name="Olive",
        completed_on=written.date(),
    )
    assessment.refresh_from_db()
    assess.assessment_approve(
        actor=officer,
        now=NOW,
        assessment_id=assessment.pk,
        version_number=assessment.revision,
        approver_name="Chair",
        body="Board",
        approved_on=approved_on,
        response=response,
    )
    return assessment


@pytest.fixture
def approved(officer):
    written = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
    assessment = assess.assessment_create(
        actor=officer,
        now=written,
        title="Self-assessment 2026 ZQ",
        edition="hos-2024",
        reason="annual",
        period_start=date(2026, 4, 1),
        period_end=date(2027, 3, 31),
    )
    for pid in assessment.answers.values_list("provision_id", flat=True):
        assess.answer_save(
            actor=officer,
            now=written,
            assessment_id=assessment.pk,
            provision_id=pid,
            comply="yes",
            evidence=f"Policy section {pid}",
            commentary="",
            rag="green",
        )
    assess.assessment_complete(
        actor=officer,
        now=written,
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


def test_section_a_uses_the_self_assessment_for_the_reports_year_not_a_later_one_8_1a(approved, officer):
    _approve(
        officer,
        title="Self-assessment 2027 LATER",
        start=date(2027, 4, 1),
        end=date(2028, 3, 31),
        written=datetime(2026, 11, 20, 10, 0, tzinfo=UTC),
        approved_on=date(2026, 11, 25),
        rag="amber",
    )
    report = services.annual_report_save(
        actor=officer, now=NOW, period_start=date(2026, 4, 1), period_end=date(2027, 3, 31)
    )
    text = " ".join(
        " ".join(
            p.extract_text() or ""
            for p in PdfReader(
                io.BytesIO(annual_report_document(report=report, today=date(2026, 11, 30)).pdf())
            ).pages
        ).split()
    )
    assert "Self-assessment 2026 ZQ" in text
    assert "LATER" not in text
    assert "RAG ratings" in text and "Green" in text  # its ratings, as the published self-assessment shows


def test_an_approval_cannot_be_dated_before_the_version_it_approves_8_2(officer):
    with pytest.raises(InvalidInput) as refused:
        _approve(
            officer,
            title="Too early",
            start=date(2026, 4, 1),
            end=date(2027, 3, 31),
            written=datetime(2026, 11, 20, 10, 0, tzinfo=UTC),
            approved_on=date(2026, 11, 19),
        )
    assert "approved_on" in refused.value.errors


def test_a_yes_without_evidence_or_rating_cannot_be_completed_8_1(officer):
    assessment = assess.assessment_create(
        actor=officer,
        now=NOW,
        title="Bare",
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
            evidence="",
            commentary="",
            rag="",
        )
    with pytest.raises(ActionRefused) as refused:
        assess.assessment_complete(
            actor=officer,
            now=NOW,
            assessment_id=assessment.pk,
            completed_by_name="Olive",
            completed_on=NOW.date(),
        )
    assert "RAG rating" in refused.value.message


def test_the_public_list_shows_the_day_the_self_assessment_was_published_8_2(approved, client):
    from putright.assessment.models import Publication as AssessmentPublication

    published = AssessmentPublication.objects.get(assessment=approved)
    page = client.get("/publications/").content.decode()
    assert f"{published.published_at:%-d %B %Y}" in page
    assert "3 November 2026" not in page  # the approval date is not the publication date
