"""When storage fails (a full disk, a lost file) people get a page that says so, not a 500.

Issue 17 item 9: disk full on staff sign-in and on every portal step answered 500; a missing
attachment file answered 500 on staff pages.
"""

from __future__ import annotations

import errno
from datetime import date
from pathlib import Path

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from putright.cases import services
from tests.cases.factories import at, log

pytestmark = pytest.mark.django_db
PORTAL_STEPS = ["who", "what-happened", "when", "outcome", "details", "contact", "help"]


@pytest.fixture
def full_disk(monkeypatch):
    """Every session write fails as a full disk makes it fail (Django's own store, not ours)."""

    def refuse(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(SessionStore, "save", refuse)
    monkeypatch.setattr(SessionStore, "create", refuse)


@pytest.mark.parametrize("step", PORTAL_STEPS)
def test_a_full_disk_on_a_portal_step_is_a_503_page(full_disk, step):
    client = Client(raise_request_exception=False)
    response = client.post(f"/complain/{step}/", {"who": "myself", "description": "Mould"})
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "Try again in a few minutes" in response.content.decode()


def test_a_full_disk_at_staff_sign_in_is_a_503_page(full_disk, handler):
    client = Client(raise_request_exception=False)
    response = client.post("/staff/login/", {"username": "hana", "password": "correct horse battery"})
    assert response.status_code == 503


def test_a_missing_attachment_file_is_a_410_page_for_staff(client, handler, now):
    complaint = log(handler, date(2026, 11, 20))
    item = services.correspondence_add(
        actor=handler,
        now=now,
        complaint_id=complaint.pk,
        direction="in",
        channel="email",
        party="Resident",
        subject="Letter from my doctor",
        body="",
        occurred_at=at(date(2026, 11, 21)),
        files=[SimpleUploadedFile("doctor.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")],
    )
    (attachment,) = item.attachments.all()
    Path(attachment.file.path).unlink()
    client.force_login(handler)
    response = client.get(f"/staff/complaints/{complaint.pk}/attachments/{attachment.pk}/")
    assert response.status_code == 410
    assert "This file is not available" in response.content.decode()
