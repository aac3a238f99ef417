"""Residents' uploaded files are kept outside the web root and no URL serves the files folder
(OWASP ASVS 12.4.1, 12.5.1)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.core.checks import run_checks
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.views.static import serve

from putright.cases import services
from tests.cases.factories import at, log

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% a resident's medical letter\n%%EOF\n"


def all_patterns(resolver: URLResolver | None = None) -> list[URLPattern]:
    found: list[URLPattern] = []
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            found.extend(all_patterns(entry))
        else:
            found.append(entry)
    return found


def test_the_files_folder_is_outside_every_static_folder():
    media = Path(settings.PUTRIGHT_MEDIA_ROOT).resolve()
    for folder in [Path(settings.STATIC_ROOT), *map(Path, settings.STATICFILES_DIRS)]:
        folder = folder.resolve()
        assert folder not in media.parents and media != folder
        assert media not in folder.parents
    assert settings.STORAGES["default"]["OPTIONS"]["location"] == str(settings.PUTRIGHT_MEDIA_ROOT)


def test_no_url_pattern_serves_files_from_disk():
    assert not [p for p in all_patterns() if getattr(p.callback, "__wrapped__", p.callback) is serve]


def test_an_uploaded_file_cannot_be_fetched_by_any_guessable_url(handler, now):
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
        files=[SimpleUploadedFile("doctor.pdf", PDF, content_type="application/pdf")],
    )
    name = item.attachments.get().file.name
    assert (Path(settings.PUTRIGHT_MEDIA_ROOT) / name).read_bytes() == PDF
    client = Client()
    for url in [
        f"/{name}",
        f"/media/{name}",
        f"/files/{name}",
        f"/var/files/{name}",
        f"/static/{name}",
        f"/static/../var/files/{name}",
        f"/static/%2e%2e/%2e%2e/var/files/{name}",
    ]:
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert PDF not in body, url


def test_staff_attachment_downloads_need_a_signed_in_caseworker(handler, now):
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
        files=[SimpleUploadedFile("doctor.pdf", PDF, content_type="application/pdf")],
    )
    attachment = item.attachments.get()
    response = Client().get(f"/staff/complaints/{complaint.pk}/attachments/{attachment.pk}/")
    assert response.status_code in (302, 403, 404)
    assert PDF not in response.content


def test_a_files_folder_inside_the_static_folder_fails_the_system_checks(tmp_path):
    static = tmp_path / "static"
    with override_settings(STATIC_ROOT=static, PUTRIGHT_MEDIA_ROOT=static / "files"):
        assert "privacy.E001" in [message.id for message in run_checks()]
