"""Uploads are capped before they reach the disk, and stored under the type their bytes show.

Issue 17 item 4: a 315 MB multipart POST to the portal was written to the temporary folder
before being refused; a PNG named `evil.html` was stored as `evil.html`.
"""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from putright.cases import services
from putright.cases.uploads import MAX_BYTES
from putright.limits import LimitedUploadHandler, RequestTooLarge
from tests.cases.factories import at, log

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64 + b"<html><script>alert(1)</script></html>"


@pytest.mark.django_db
def test_a_body_declared_larger_than_the_limit_is_refused_with_413_before_it_is_read(client, tmp_path):
    big = SimpleUploadedFile("big.pdf", b"%PDF-" + b"x" * 300_000, content_type="application/pdf")
    with override_settings(PUTRIGHT_MAX_REQUEST_BYTES=100_000, FILE_UPLOAD_TEMP_DIR=str(tmp_path)):
        response = client.post("/complain/check/", {"attachments": big, "website": ""})
    assert response.status_code == 413
    assert "too large" in response.content.decode()
    assert not list(tmp_path.iterdir())


def test_the_upload_handler_stops_a_body_that_grows_past_the_limit_while_streaming():
    handler = LimitedUploadHandler()
    handler.new_file("attachments", "big.pdf", "application/pdf", None)
    chunk = b"x" * 64 * 1024
    with override_settings(PUTRIGHT_MAX_REQUEST_BYTES=200_000), pytest.raises(RequestTooLarge):
        for offset in range(0, 10 * len(chunk), len(chunk)):
            handler.receive_data_chunk(chunk, offset)
    assert handler.total <= 200_000 + len(chunk)


def test_the_upload_handler_passes_on_no_more_than_one_byte_over_the_file_cap():
    handler = LimitedUploadHandler()
    handler.new_file("attachments", "big.pdf", "application/pdf", None)
    kept = 0
    chunk = b"x" * 1024 * 1024
    for i in range(12):
        passed = handler.receive_data_chunk(chunk, i * len(chunk))
        kept += len(passed or b"")
    assert kept == MAX_BYTES + 1


def test_django_keeps_form_fields_and_small_files_in_memory_under_set_limits(settings):
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 2 * 1024 * 1024
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 5 * 1024 * 1024
    assert settings.FILE_UPLOAD_HANDLERS[0] == "putright.limits.LimitedUploadHandler"
    assert settings.MIDDLEWARE[0] == "putright.limits.RequestSizeLimitMiddleware"


@pytest.mark.django_db
def test_a_stored_file_takes_its_extension_from_its_bytes_not_the_senders_name(handler, now):
    complaint = log(handler, date(2026, 11, 20))
    item = services.correspondence_add(
        actor=handler,
        now=now,
        complaint_id=complaint.pk,
        direction="in",
        channel="email",
        party="Resident",
        subject="Photo",
        body="",
        occurred_at=at(date(2026, 11, 21)),
        files=[SimpleUploadedFile("evil.html", PNG, content_type="text/html")],
    )
    (attachment,) = item.attachments.all()
    assert attachment.file.name.endswith(".png") and ".html" not in attachment.file.name
    assert attachment.original_name == "evil.html"
    assert attachment.content_type == "image/png"
    assert BytesIO(attachment.file.read()).getvalue() == PNG
