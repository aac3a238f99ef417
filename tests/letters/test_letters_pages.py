"""The staff letters pages: role checks, drafts finished and issued, templates, the print queue."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest
from django.test import Client

from putright.accounts.models import Role, User
from putright.cases import services
from putright.cases.models import Complaint
from putright.letters.models import Letter, LetterTemplate
from putright.letters.services import letter_draft_update, letter_edit, letters_held_as_drafts
from putright.letters.wording import default_wording
from putright.rules.letters import LetterKind
from tests.letters.readback import pdf_text


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _upheld_draft(complaint: Complaint, handler: User, now: datetime) -> Letter:
    """A held draft whose reason for no remedy was deleted afterwards: the one way a response
    letter can still lack it, since the response is refused without it (Code 6.9e)."""
    with letters_held_as_drafts():
        services.complaint_respond(
            actor=handler,
            now=now,
            complaint_id=complaint.pk,
            responded_on=date(2026, 11, 30),
            late_entry_reason="Sent on the day; entered later",
            decision="upheld",
            reasons="The appointments were missed.",
            no_remedy_reason="to be written",
        )
    letter = Letter.objects.get(complaint=complaint, kind="stage1_response")
    return letter_edit(actor=handler, now=now, letter_id=letter.pk, changes={"no_remedy_reason": ""})


def test_anonymous_visitors_sign_in_and_governance_is_refused(
    complaint: Complaint, make_user: Callable[..., User], client: Client
) -> None:
    url = f"/staff/complaints/{complaint.pk}/letters/"
    assert client.get(url).status_code == 302
    governance = _client(make_user(Role.GOVERNANCE))
    for path in (url, "/staff/letters/print-queue/", "/staff/letters/templates/"):
        assert governance.get(path).status_code == 403


def test_only_the_complaints_officer_and_administrator_edit_templates(
    handler: User, officer: User, make_user: Callable[..., User]
) -> None:
    assert _client(handler).get("/staff/letters/templates/").status_code == 403
    assert _client(officer).get("/staff/letters/templates/stage1_response/").status_code == 200
    assert _client(make_user(Role.ADMINISTRATOR)).get("/staff/letters/templates/").status_code == 200
    assert _client(officer).get("/staff/letters/templates/no_such_kind/").status_code == 404


def test_draft_page_names_what_is_missing_with_its_paragraph_and_scores_the_language_code_6_9(
    acknowledged: Complaint, handler: User, now: datetime
) -> None:
    letter = _upheld_draft(acknowledged, handler, now)
    page = _client(handler).get(f"/staff/letters/{letter.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "The remedy offered, or a statement that none is offered (Code 6.9e)" in html
    assert "Reading ease score" in html and "Issue the letter" not in html
    refused = _client(handler).post(f"/staff/letters/{letter.pk}/issue/")
    assert refused.status_code == 400 and "There is a problem" in refused.content.decode()


def test_caseworker_adds_the_missing_reason_and_issues_the_letter_code_6_9_e(
    acknowledged: Complaint, handler: User, now: datetime, django_capture_on_commit_callbacks: Any
) -> None:
    letter = _upheld_draft(acknowledged, handler, now)
    client = _client(handler)
    form = client.get(f"/staff/letters/{letter.pk}/edit/")
    assert (
        'name="no_remedy_reason"' in form.content.decode() and 'name="reasons"' not in form.content.decode()
    )
    saved = client.post(
        f"/staff/letters/{letter.pk}/edit/", {"no_remedy_reason": "the window was already fixed"}
    )
    assert saved.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        issued = client.post(f"/staff/letters/{letter.pk}/issue/")
    assert issued.status_code == 302
    download = client.get(f"/staff/letters/{letter.pk}/letter.pdf")
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert "We are not offering a remedy because the window was already fixed." in pdf_text(download.content)


def test_update_form_keeps_what_was_typed_and_explains_errors_code_5_9(
    acknowledged: Complaint, handler: User
) -> None:
    client = _client(handler)
    url = f"/staff/complaints/{acknowledged.pk}/letters/update/"
    bad = client.post(
        url,
        {
            "update_summary": "The glazier came on Monday.",
            "next_update_date-day": "31",
            "next_update_date-month": "2",
            "next_update_date-year": "2027",
        },
    )
    html = bad.content.decode()
    assert bad.status_code == 400 and "There is a problem" in html and "Enter a real date" in html
    assert "The glazier came on Monday." in html and 'value="31"' in html
    good = client.post(
        url,
        {
            "update_summary": "The glazier came on Monday.",
            "next_update_date-day": "8",
            "next_update_date-month": "12",
            "next_update_date-year": "2027",
        },
    )
    assert good.status_code == 302
    letter = Letter.objects.get(complaint=acknowledged, kind="update")
    assert letter.content["next_update_date"] == "2027-12-08"
    assert client.get("/staff/complaints/999999/letters/update/").status_code == 404


def test_template_that_drops_a_required_placeholder_is_refused_on_the_page_with_its_name(
    officer: User,
) -> None:
    body = default_wording(LetterKind.EXTENSION_NOTICE).replace("{{ ombudsman_details }}", "")
    response = _client(officer).post("/staff/letters/templates/extension_notice/", {"body": body})
    html = response.content.decode()
    assert response.status_code == 400
    assert "{{ ombudsman_details }}" in html and "the Ombudsman&#x27;s contact details (Code 6.5)" in html
    assert not LetterTemplate.objects.exists()
    saved = _client(officer).post(
        "/staff/letters/templates/extension_notice/",
        {"body": default_wording(LetterKind.EXTENSION_NOTICE), "signature": "Olive"},
    )
    assert saved.status_code == 302 and LetterTemplate.objects.get().version == 1


def test_a_logo_that_is_not_an_image_is_refused_on_the_page(officer: User) -> None:
    upload = io.BytesIO(b"not an image")
    upload.name = "logo.png"
    response = _client(officer).post(
        "/staff/letters/templates/update/", {"body": default_wording(LetterKind.UPDATE), "logo": upload}
    )
    assert response.status_code == 400 and "The logo must be a PNG or JPEG image" in response.content.decode()


def test_print_queue_lists_post_letters_and_records_posting_code_5_12(
    log_complaint: Callable[..., Complaint],
    handler: User,
    now: datetime,
    django_capture_on_commit_callbacks: Any,
    django_assert_max_num_queries: Any,
) -> None:
    for _ in range(3):
        complaint = log_complaint(preferred_channel="post")
        with django_capture_on_commit_callbacks(execute=True):
            services.complaint_request_clarification(
                actor=handler, now=now, complaint_id=complaint.pk, questions="Which?"
            )
    client = _client(handler)
    # The steady state (ADR 8): the first view makes the landlord's settings row, which moves the
    # configuration version, so the next loads the signed-in user again; the bound is for views after.
    for _ in range(2):
        client.get("/staff/letters/print-queue/")
    with django_assert_max_num_queries(8):
        page = client.get("/staff/letters/print-queue/")
    assert page.content.decode().count("Posted<span") == 3
    letter = Letter.objects.filter(channel="post").first()
    assert letter is not None
    response = client.post(f"/staff/letters/{letter.pk}/posted/", {"next": "queue"})
    assert response.status_code == 302 and response["Location"] == "/staff/letters/print-queue/"
    letter.refresh_from_db()
    assert letter.sent_at is not None and letter.correspondence is not None


@pytest.mark.parametrize("letters", [1, 30])
def test_complaint_letters_list_is_paginated_with_bounded_queries(
    acknowledged: Complaint, handler: User, now: datetime, django_assert_max_num_queries: Any, letters: int
) -> None:
    for i in range(letters):
        letter_draft_update(
            actor=handler,
            now=now,
            complaint_id=acknowledged.pk,
            summary=f"Update {i}",
            next_update_on=date(2027, 1, 4),
        )
    client = _client(handler)
    # The steady state (ADR 8): the first view makes the landlord's settings row, which moves the
    # configuration version, so the next loads the signed-in user again; the bound is for views after.
    for _ in range(2):
        client.get(f"/staff/complaints/{acknowledged.pk}/letters/")
    with django_assert_max_num_queries(7):
        page = client.get(f"/staff/complaints/{acknowledged.pk}/letters/")
    assert page.status_code == 200
    assert ('rel="next"' in page.content.decode()) is (letters > 20)
    assert client.get("/staff/complaints/999999/letters/").status_code == 404


def test_a_format_putright_cannot_produce_is_flagged_on_the_letter_equality_act(
    log_complaint: Callable[..., Complaint], handler: User, now: datetime
) -> None:
    complaint = log_complaint(preferred_format="braille")
    services.complaint_request_clarification(
        actor=handler, now=now, complaint_id=complaint.pk, questions="Which?"
    )
    letter = Letter.objects.get(complaint=complaint)
    html = _client(handler).get(f"/staff/letters/{letter.pk}/").content.decode()
    assert "The resident asked for letters in braille." in html


@pytest.mark.django_db
def test_the_old_addresses_of_a_complaints_letters_redirect_permanently_to_the_new_ones(client):
    for old, new in (
        ("/staff/letters/complaint/42/", "/staff/complaints/42/letters/"),
        ("/staff/letters/complaint/42/update/?kind=x", "/staff/complaints/42/letters/update/?kind=x"),
    ):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new)


def test_letters_pages_keep_the_staff_navigation_with_the_print_queue_in_it(
    complaint: Complaint, handler: User
) -> None:
    client = _client(handler)
    letters = client.get(f"/staff/complaints/{complaint.pk}/letters/").content.decode()
    for item in ("My work", "All complaints", "Print queue", "Sign out"):
        assert item in letters
    queue = client.get("/staff/letters/print-queue/").content.decode()
    assert (
        'aria-current="page"><strong class="govuk-service-navigation__active-fallback">Print queue' in queue
    )
    assert "Print queue" in client.get("/staff/").content.decode()
