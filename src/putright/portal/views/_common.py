"""What every portal view needs: the clock, the caller's address, who is signed in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from putright.residents.services import SignInLinks, resident_session_current

SESSION_KEY = "resident_session"
SIGN_IN_EMAIL = "sign_in_email"
AFTER_SIGN_IN = "after_sign_in"


def now() -> datetime:
    return timezone.now()


def today() -> date:
    return timezone.localdate()


def client_ip(request: HttpRequest) -> str:
    """The caller's address, for rate limits.

    Behind our own TLS proxy (settings.SECURE_PROXY_SSL_HEADER set) the last
    X-Forwarded-For entry is the one that proxy added; earlier ones are whatever the
    client claimed, so they are ignored.
    """
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and forwarded:
        return forwarded.split(",")[-1].strip()
    return str(request.META.get("REMOTE_ADDR", ""))


def sign_in_links(request: HttpRequest) -> SignInLinks:
    return SignInLinks(
        link_for=lambda token: request.build_absolute_uri(reverse("portal:sign_in_link", args=[token])),
        sign_in_page=request.build_absolute_uri(reverse("portal:sign_in")),
    )


def signed_in_email(request: HttpRequest) -> str | None:
    session = resident_session_current(session_id=request.session.get(SESSION_KEY), now=now())
    return session.email if session else None


def resident_required(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Send anyone not signed in to the sign-in page, and back here afterwards."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        email = signed_in_email(request)
        if email is None:
            if request.method == "GET":
                request.session[AFTER_SIGN_IN] = request.get_full_path()
            return redirect("portal:sign_in")
        request.resident_email = email  # type: ignore[attr-defined]
        return view(request, *args, **kwargs)

    return wrapped


def after_sign_in(request: HttpRequest) -> str:
    target = request.session.pop(AFTER_SIGN_IN, "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return str(target)
    return reverse("portal:complaints")


def not_found(request: HttpRequest) -> HttpResponse:
    """The same page for a complaint that does not exist and one this person may not see."""
    return render(request, "portal/not_found.html", status=404)
