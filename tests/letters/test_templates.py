"""The complaints officer's wording: sandboxed, escaped, and unable to drop what the Code requires."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document
from PIL import Image
from pypdf import PdfReader

from putright.accounts.models import User
from putright.cases import services
from putright.cases.models import Complaint
from putright.core.errors import InvalidInput
from putright.landlord.models import LandlordSettings
from putright.letters.content import ombudsman_right, ombudsman_route, stage_two_route
from putright.letters.display import template_context
from putright.letters.models import Letter, LetterTemplate
from putright.letters.placeholders import PLACEHOLDERS, required_for
from putright.letters.readability import readability
from putright.letters.selectors import letter_file
from putright.letters.services import letter_template_save
from putright.letters.services.compose import render_body
from putright.letters.services.templates import SAMPLE
from putright.letters.wording import TemplateRefused, default_wording, template_check
from putright.rules.letters import Element, LetterKind


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (120, 40), (29, 112, 184)).save(out, format="PNG")
    return out.getvalue()


def test_every_code_element_has_a_placeholder() -> None:
    assert set(PLACEHOLDERS) == set(Element)
    assert len(set(PLACEHOLDERS.values())) == len(Element)


@pytest.mark.parametrize("kind", list(LetterKind))
def test_putrights_own_wording_carries_every_required_element(kind: LetterKind) -> None:
    template_check(kind, default_wording(kind), template_context(SAMPLE))


@pytest.mark.parametrize("kind", list(LetterKind))
def test_putrights_own_wording_meets_the_default_reading_ease_target_code_6_9(kind: LetterKind) -> None:
    landlord = LandlordSettings()
    content = {
        **SAMPLE,
        "stage_two_route": stage_two_route(landlord),
        "ombudsman_route": ombudsman_route(landlord),
        "ombudsman_right": ombudsman_right(landlord),
        "ombudsman_details": landlord.ombudsman_details,
    }
    blocks, _ = render_body(default_wording(kind), content)
    report = readability(blocks, target=landlord.readability_target)
    assert report.meets_target, (kind, report.score)
    assert report.long_sentences == () and report.jargon == ()


def test_wording_that_drops_the_remedy_is_refused_naming_the_element_code_6_9_e(
    officer: User, now: datetime
) -> None:
    body = default_wording(LetterKind.STAGE1_RESPONSE).replace("{{ remedy }}", "")
    with pytest.raises(InvalidInput) as refused:
        letter_template_save(actor=officer, now=now, kind="stage1_response", body=body)
    message = refused.value.errors["body"][0]
    assert "{{ remedy }}" in message
    assert "the remedy offered, or a statement that none is offered (Code 6.9e)" in message
    assert not LetterTemplate.objects.exists()


@pytest.mark.parametrize("kind", list(LetterKind))
def test_dropping_any_required_placeholder_is_refused_with_its_name(kind: LetterKind) -> None:
    for requirement in required_for(kind):
        name = PLACEHOLDERS[requirement.element]
        body = default_wording(kind).replace("{{ " + name + " }}", "")
        with pytest.raises(TemplateRefused) as refused:
            template_check(kind, body, template_context(SAMPLE))
        assert refused.value.missing[0].element is requirement.element
        assert requirement.description in refused.value.message


def test_a_placeholder_hidden_behind_a_condition_that_never_holds_does_not_count() -> None:
    body = default_wording(LetterKind.EXTENSION_NOTICE).replace(
        "{{ ombudsman_details }}", "{% if stage == 7 %}{{ ombudsman_details }}{% endif %}"
    )
    with pytest.raises(TemplateRefused, match=r"Code 6\.5"):
        template_check(LetterKind.EXTENSION_NOTICE, body, template_context(SAMPLE))


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("{{ reference }} {{ refrence }}", "do not exist: {{ refrence }}"),
        ("{{ reference.__class__.__mro__ }}", "cannot be used"),
        ("{% if %}", "mistake"),
    ],
)
def test_unknown_placeholders_python_internals_and_broken_syntax_are_refused(body: str, message: str) -> None:
    with pytest.raises(TemplateRefused, match=message.replace("{", r"\{").replace("}", r"\}")):
        template_check(LetterKind.CLARIFICATION_REQUEST, body + " {{ questions }}", template_context(SAMPLE))


def test_case_text_is_escaped_in_the_letter(complaint: Complaint, handler: User, now: datetime) -> None:
    services.complaint_request_clarification(
        actor=handler, now=now, complaint_id=complaint.pk, questions="<script>alert(1)</script> & <b>why</b>?"
    )
    letter = Letter.objects.get(complaint=complaint)
    assert "<script>" not in letter.body_html and "&lt;script&gt;" in letter.body_html
    assert "<b>" not in letter.body_html


def test_officer_wording_logo_and_signature_are_used_in_the_next_letter(
    officer: User, complaint: Complaint, handler: User, now: datetime, django_capture_on_commit_callbacks: Any
) -> None:
    body = default_wording(LetterKind.CLARIFICATION_REQUEST).replace(
        "<p>Thank you for your complaint.", "<p>Thank you for getting in touch with Riverside."
    )
    first = letter_template_save(
        actor=officer,
        now=now,
        kind="clarification_request",
        body=body,
        signature="Olive Okafor\nComplaints Officer",
        logo=SimpleUploadedFile("logo.png", _png(), content_type="image/png"),
    )
    second = letter_template_save(
        actor=officer, now=now, kind="clarification_request", body=body, signature="Olive"
    )
    first.refresh_from_db()
    assert (first.version, first.active, second.version, second.active) == (1, False, 2, True)
    assert second.logo.name == first.logo.name and second.logo_content_type == "image/png"
    with django_capture_on_commit_callbacks(execute=True):
        services.complaint_request_clarification(
            actor=handler, now=now, complaint_id=complaint.pk, questions="Which?"
        )
    letter = Letter.objects.get(complaint=complaint)
    assert letter.template == second and "getting in touch with Riverside" in letter.body_html
    pdf, docx = letter_file(letter_id=letter.pk, fmt="pdf"), letter_file(letter_id=letter.pk, fmt="docx")
    assert pdf is not None and docx is not None
    page = PdfReader(io.BytesIO(pdf.content)).pages[0]
    assert page.images, "the logo is on the first page"
    assert len(Document(io.BytesIO(docx.content)).inline_shapes) == 1


def test_a_logo_that_is_not_png_or_jpeg_is_refused(officer: User, now: datetime) -> None:
    fake = SimpleUploadedFile("logo.png", b"GIF89a not really", content_type="image/png")
    with pytest.raises(InvalidInput) as refused:
        letter_template_save(
            actor=officer, now=now, kind="update", body=default_wording(LetterKind.UPDATE), logo=fake
        )
    assert refused.value.errors == {"logo": ["The logo must be a PNG or JPEG image"]}
