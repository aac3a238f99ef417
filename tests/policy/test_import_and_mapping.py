"""Starting from a landlord's Word policy, and linking sections to the Code's provisions (Code 5.1)."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from docx import Document

from putright.accounts.models import User
from putright.assessment.services.assessments import assessment_create
from putright.core.errors import InvalidInput
from putright.policy import services
from putright.policy.models import ChangeKind, PolicyChange
from putright.policy.selectors import (
    policy_findings,
    policy_sections_for_provision,
    provisions_without_sections,
)

pytestmark = pytest.mark.django_db
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def sample_policy() -> bytes:
    """A small co-op's policy as Word writes it: headings, paragraphs, a bulleted list."""
    doc = Document()
    doc.add_heading("Greenfield Co-operative complaints policy", 0)
    doc.add_paragraph("This policy follows the Housing Ombudsman's Complaint Handling Code.")
    doc.add_heading("What is a complaint", 1)
    doc.add_paragraph(
        "A complaint is an expression of dissatisfaction. A service request is not a complaint."
    )
    doc.add_heading("Things we will not consider", 1)
    doc.add_paragraph("We may not accept a complaint when:")
    doc.add_paragraph("the issue happened over 12 months ago", style="List Bullet")
    doc.add_paragraph("complaints about the allocation of parking spaces", style="List Bullet")
    doc.add_heading("The Housing Ombudsman", 1)
    doc.add_paragraph("You can contact the Ombudsman at any time.")
    doc.add_heading("Annual general meeting", 1)
    doc.add_paragraph("Members hear about complaints at the AGM.")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def test_a_word_policy_is_split_into_sections_at_its_headings(officer: User, now: datetime) -> None:
    draft = services.policy_import(
        actor=officer, now=now, upload=io.BytesIO(sample_policy()), filename="policy.docx"
    )
    keys = [s["key"] for s in draft.sections]
    assert keys[:5] == [
        "extra-greenfield-co-operative-complaints-polic", "definitions", "exclusions", "ombudsman",
        "extra-annual-general-meeting",
    ]  # fmt: skip
    exclusions = draft.section("exclusions")
    assert exclusions is not None and exclusions["title"] == "Things we will not consider"
    assert "- complaints about the allocation of parking spaces" in exclusions["body"]
    assert PolicyChange.objects.get(kind=ChangeKind.IMPORTED).note == "policy.docx"


def test_an_imported_policy_is_checked_against_the_code_2_2_3_6(officer: User, now: datetime) -> None:
    draft = services.policy_import(
        actor=officer, now=now, upload=io.BytesIO(sample_policy()), filename="p.docx"
    )
    found = {(f.code_paragraph, f.section) for f in policy_findings(draft)}
    assert ("2.2", "exclusions") in found  # parking is not an exclusion the Code names
    assert ("3.6", "representatives") in found  # the document says nothing about representatives
    assert ("3.7", "ombudsman") not in found


def test_a_file_that_is_not_a_word_document_is_refused_with_a_reason(officer: User, now: datetime) -> None:
    with pytest.raises(InvalidInput) as refused:
        services.policy_import(actor=officer, now=now, upload=io.BytesIO(b"%PDF-1.7"), filename="p.pdf")
    assert refused.value.errors == {"document": ["The file must be a Word document (.docx)"]}


def test_the_import_page_starts_a_draft(officer: User, signed_in: Callable[[User], Client]) -> None:
    upload = SimpleUploadedFile("policy.docx", sample_policy(), content_type=DOCX)
    answer = signed_in(officer).post("/staff/policy/import/", {"document": upload})
    assert answer.status_code == 302
    assert "Things we will not consider" in signed_in(officer).get("/staff/policy/").content.decode()


def test_provisions_are_linked_to_sections_and_those_without_are_flagged(
    officer: User, now: datetime, signed_in: Callable[[User], Client]
) -> None:
    services.policy_draft_start(actor=officer, now=now)
    assert [s.key for s in policy_sections_for_provision(edition="hos-2024", provision_id="5.1")] == [
        "timescales"
    ]
    assert "8.1" in {p.id for p in provisions_without_sections()}
    services.policy_mapping_set(actor=officer, now=now, provision_id="8.1", sections=["learning", "nonsense"])
    assert [s.key for s in policy_sections_for_provision(edition="hos-2024", provision_id="8.1")] == [
        "learning"
    ]
    assert "8.1" not in {p.id for p in provisions_without_sections()}
    answer = signed_in(officer).post("/staff/policy/mapping/8.2/", {"sections": ["learning"]})
    assert answer.status_code == 302
    page = signed_in(officer).get("/staff/policy/mapping/").content.decode()
    assert "No section" in page


def test_the_self_assessment_shows_the_linked_sections_beside_the_record(
    officer: User, now: datetime, signed_in: Callable[[User], Client]
) -> None:
    services.policy_draft_start(actor=officer, now=now)
    assessment = assessment_create(
        actor=officer, now=now, title="2026", edition="hos-2024", reason="annual",
        period_start=date(2026, 4, 1), period_end=date(2027, 3, 31),
    )  # fmt: skip
    page = signed_in(officer).get(f"/staff/self-assessment/{assessment.pk}/provisions/5.1/").content.decode()
    assert "The two stages and their timescales" in page
    page = signed_in(officer).get(f"/staff/self-assessment/{assessment.pk}/provisions/8.1/").content.decode()
    assert "No section of the complaints policy is linked to this provision" in page
