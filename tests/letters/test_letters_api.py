"""The letters API: a complaint's letters and the exact files sent (Code 5.12)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from putright.accounts.models import Role, User
from putright.cases import services
from putright.cases.models import Complaint
from putright.letters.models import Letter
from tests.letters.readback import pdf_text


def _clarify(complaint: Complaint, handler: User, now: datetime, capture: Any) -> Letter:
    with capture(execute=True):
        services.complaint_request_clarification(
            actor=handler, now=now, complaint_id=complaint.pk, questions="Which window is it?"
        )
    return Letter.objects.get(complaint=complaint)


def test_caseworker_lists_letters_and_downloads_the_exact_pdf_code_5_12(
    complaint: Complaint,
    handler: User,
    now: datetime,
    api_for: Callable[[User], Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    letter = _clarify(complaint, handler, now, django_capture_on_commit_callbacks)
    api = api_for(handler)
    response = api.get(f"/complaints/{complaint.pk}/letters")
    assert response.status_code == 200
    (item,) = response.json()
    assert item["id"] == letter.pk and item["kind"] == "clarification_request"
    assert item["channel"] == "email" and item["sent_at"] is not None and item["created_at"]
    pdf = api.client.get(item["pdf_url"])
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert complaint.reference in pdf_text(pdf.content)
    docx = api.client.get(item["docx_url"])
    assert docx.status_code == 200 and docx.content.startswith(b"PK")


def test_drafts_have_no_file_urls_and_unknown_ids_are_404(
    complaint: Complaint, handler: User, now: datetime, api_for: Callable[[User], Any]
) -> None:
    services.complaint_request_clarification(
        actor=handler, now=now, complaint_id=complaint.pk, questions="Which?"
    )
    letter = Letter.objects.get(complaint=complaint)
    api = api_for(handler)
    (item,) = api.get(f"/complaints/{complaint.pk}/letters").json()
    assert item["status"] == "draft" and item["pdf_url"] is None and item["docx_url"] is None
    assert api.get(f"/letters/{letter.pk}.pdf").status_code == 404
    assert api.get("/letters/999999.docx").status_code == 404
    assert api.get("/complaints/999999/letters").status_code == 404


def test_governance_role_and_no_token_cannot_read_letters(
    complaint: Complaint, make_user: Callable[..., User], api_for: Callable[[User], Any], client: Any
) -> None:
    governance = make_user(Role.GOVERNANCE)
    assert api_for(governance).get(f"/complaints/{complaint.pk}/letters").status_code == 403
    assert api_for(governance).get("/letters/1.pdf").status_code == 403
    assert client.get(f"/api/v1/complaints/{complaint.pk}/letters").status_code == 401


def test_letter_endpoints_declare_their_errors_and_file_types_in_the_schema(client: Any) -> None:
    schema = json.loads(client.get("/api/v1/openapi.json").content)
    listing = schema["paths"]["/api/v1/complaints/{complaint_id}/letters"]["get"]["responses"]
    pdf = schema["paths"]["/api/v1/letters/{letter_id}.pdf"]["get"]["responses"]
    for responses in (listing, pdf):
        assert {"401", "403", "404"} <= set(responses)
    assert "application/pdf" in pdf["200"]["content"]


def test_the_letters_api_names_who_got_a_copy_but_never_their_address_code_3_6(
    log_complaint: Callable[..., Complaint],
    handler: User,
    now: datetime,
    api_for: Callable[[User], Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    complaint = log_complaint(
        representative=services.RepresentativeDetails(
            name="Bob Smith",
            relationship="son",
            email="bob.smith@example.org",
            address="3 Canal Street",
            consent_recorded_on=date(2026, 11, 23),
            consent_method="Signed consent form",
        )
    )
    _clarify(complaint, handler, now, django_capture_on_commit_callbacks)
    response = api_for(handler).get(f"/complaints/{complaint.pk}/letters")
    (item,) = response.json()
    copy = item["copy_to"]
    assert (copy["name"], copy["relationship"], copy["channel"]) == ("Bob Smith", "son", "email")
    assert copy["sent_at"] is not None
    assert "bob.smith@example.org" not in response.content.decode()
    assert "Canal Street" not in response.content.decode()


def test_a_letter_without_a_copy_has_copy_to_null_and_the_schema_says_so_code_3_6(
    complaint: Complaint, handler: User, now: datetime, api_for: Callable[[User], Any], client: Any
) -> None:
    services.complaint_request_clarification(
        actor=handler, now=now, complaint_id=complaint.pk, questions="Which?"
    )
    (item,) = api_for(handler).get(f"/complaints/{complaint.pk}/letters").json()
    assert item["copy_to"] is None
    schema = json.loads(client.get("/api/v1/openapi.json").content)
    copy = schema["components"]["schemas"]["LetterCopyOut"]
    assert set(copy["properties"]) == {"name", "relationship", "channel", "sent_at"}
