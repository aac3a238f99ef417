"""Security headers Django does not set itself.

The Content-Security-Policy forbids inline script and styles from elsewhere: every
script we serve is a file under /static/, so an injected <script> cannot run.
Django's SecurityMiddleware adds HSTS, nosniff, Referrer-Policy and
Cross-Origin-Opener-Policy; XFrameOptionsMiddleware adds X-Frame-Options: DENY.

Pages and API answers carry residents' details, so nothing Django renders may be kept
by a browser or a shared proxy unless the view says otherwise (ASVS 8.2.1); static
files are served before this middleware by whitenoise and keep their long caching.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        response.headers.setdefault("Cache-Control", "no-store")
        return response
