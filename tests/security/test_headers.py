"""Security headers on real responses: no inline script can run, pages cannot be framed,
and browsers keep nothing (OWASP ASVS 14.4, 8.2.1)."""

from __future__ import annotations

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

PAGES = ["/staff/login/", "/", "/api/v1/openapi.json", "/no-such-page/"]


@pytest.fixture
def responses(db):
    client = Client()
    return {path: client.get(path, secure=True) for path in PAGES}


def csp_directives(header: str) -> dict[str, str]:
    return {part.split()[0]: part.strip() for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("path", PAGES)
def test_every_response_forbids_inline_script_and_framing(responses, path):
    headers = responses[path].headers
    csp = csp_directives(headers["Content-Security-Policy"])
    assert csp["script-src"] == "script-src 'self'"
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert "unsafe-eval" not in headers["Content-Security-Policy"]
    assert csp["frame-ancestors"] == "frame-ancestors 'none'"
    assert csp["object-src"] == "object-src 'none'"
    assert headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("path", PAGES)
def test_every_response_sets_transport_and_privacy_headers(responses, path):
    headers = responses[path].headers
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in headers["Permissions-Policy"]
    assert "geolocation=()" in headers["Permissions-Policy"]
    assert "no-store" in headers["Cache-Control"]


def test_hsts_is_only_sent_over_https(db):
    assert "Strict-Transport-Security" not in Client().get("/staff/login/").headers


@pytest.mark.parametrize("path", ["/staff/login/", "/"])
def test_pages_hold_no_inline_script_or_style_the_policy_would_block(db, path):
    html = Client().get(path).content.decode()
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag, f"inline script: {tag}"
    assert not re.search(r"\sstyle=", html), "inline style attribute"
    assert not re.search(r"\son[a-z]+=", html), "inline event handler"


def test_session_and_csrf_cookies_are_http_only_and_same_site(db, settings):
    assert settings.SESSION_COOKIE_HTTPONLY is True
    assert settings.CSRF_COOKIE_HTTPONLY is True
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"
    response = Client().get("/staff/login/", secure=True)
    cookie = response.cookies["csrftoken"]
    assert cookie["samesite"] == "Lax"
