"""A resident's control character cannot stop their letter, and a letter that fails is never silent.

Issue 17 items 1 and 10: a vertical tab in a name left the acknowledgement a draft with
nothing but a log line; an address with CR/LF failed with an empty error; "not an email"
was marked sent.
"""

from __future__ import annotations

import io
from io import StringIO

import docx.document
import pytest
from django.core import mail
from django.core.management import call_command
from openpyxl import load_workbook

from putright.accounts.models import Role
from putright.cases import services
from putright.cases.models import Resident
from putright.letters.models import Letter, LetterStatus
from tests.letters.conftest import ACKNOWLEDGED_ON

ACK = {
    "acknowledged_on": ACKNOWLEDGED_ON,
    "definition": "The kitchen window does not close.",
    "outcomes_sought": "The window repaired.",
    "responsibility": "We are responsible for the window.",
    # Acknowledged days before `now`, so it is a late entry and says why (5.12).
    "late_entry_reason": "Entered from the paper file",
}


def _acknowledge(complaint, handler, now, capture):
    with capture(execute=True):
        services.complaint_acknowledge(actor=handler, now=now, complaint_id=complaint.pk, **ACK)
    return Letter.objects.get(complaint=complaint, kind="acknowledgement")


def test_a_control_character_kept_from_before_does_not_stop_the_letter_or_the_export(
    complaint, handler, now, client, make_user, django_capture_on_commit_callbacks
):
    # Text cleaned at the edges cannot hold one; a record made before could.
    Resident.objects.filter(pk=complaint.resident_id).update(name="Ada\x0bLovelace\x1b")
    letter = _acknowledge(complaint, handler, now, django_capture_on_commit_callbacks)
    assert letter.status == LetterStatus.ISSUED and not letter.issue_error
    assert letter.sent_at is not None
    client.force_login(make_user(Role.COMPLAINTS_OFFICER))
    query = "start-day=1&start-month=11&start-year=2026&end-day=30&end-month=11&end-year=2026"
    book = load_workbook(io.BytesIO(client.get(f"/staff/reports/complaints.xlsx?{query}").content))
    header, *rows = book["Complaints"].iter_rows(values_only=True)
    assert [row[header.index("resident_name")] for row in rows] == ["Ada\nLovelace"]


def test_a_letter_that_cannot_be_made_is_shown_on_the_case_page_and_in_the_officers_digest(
    complaint, handler, officer, now, client, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise ValueError("All strings must be XML compatible")

    monkeypatch.setattr(docx.document.Document, "save", broken)  # python-docx, not our code
    letter = _acknowledge(complaint, handler, now, django_capture_on_commit_callbacks)
    assert letter.status == LetterStatus.DRAFT
    assert "All strings must be XML compatible" in letter.issue_error
    client.force_login(handler)
    page = client.get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert "A letter has not reached the resident" in page and "XML compatible" in page
    officer.email = "olive@example.org"
    officer.save()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("remind", "--today", "2026-12-01", stdout=StringIO())
    (digest,) = [m for m in mail.outbox if m.to == ["olive@example.org"]]
    assert complaint.reference in digest.body and "has not reached the resident" in digest.body


def test_issuing_a_letter_that_cannot_be_made_from_the_staff_page_is_an_error_not_a_500(
    complaint, handler, now, client, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise ValueError("All strings must be XML compatible")

    monkeypatch.setattr(docx.document.Document, "save", broken)
    letter = _acknowledge(complaint, handler, now, django_capture_on_commit_callbacks)
    client.force_login(handler)
    response = client.post(f"/staff/letters/{letter.pk}/issue/", follow=True)
    assert response.status_code in (200, 400)
    assert "The letter could not be made" in response.content.decode()


@pytest.mark.parametrize("address", ["ada@example.com\r\nBcc: x@example.org", "not an email"])
def test_a_bad_address_kept_from_before_is_not_sent_and_says_why(
    complaint, handler, now, address, django_capture_on_commit_callbacks
):
    Resident.objects.filter(pk=complaint.resident_id).update(email=address)
    letter = _acknowledge(complaint, handler, now, django_capture_on_commit_callbacks)
    assert letter.status == LetterStatus.ISSUED and letter.sent_at is None
    assert "is not valid" in letter.send_error
    assert not mail.outbox
