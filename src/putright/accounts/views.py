"""Second-factor pages: set up an authenticator, prove it at sign-in, manage recovery codes.

Thin views: one account service call each; the clock is read here and passed in.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlencode

import segno
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from putright.accounts.access import access_can_manage_own_second_factor
from putright.accounts.errors import CodeRefused, TooManyAttempts
from putright.accounts.forms import CodeForm
from putright.accounts.network import client_ip
from putright.accounts.services.twofactor import (
    recovery_codes_left,
    recovery_codes_regenerate,
    totp_new_secret,
    totp_uri,
    twofactor_enrol,
    twofactor_enrolled,
    twofactor_verify,
)
from putright.accounts.session import (
    NEW_CODES_KEY,
    PENDING_SECRET_KEY,
    session_mark_verified,
    session_verified,
)
from putright.landlord.models import LandlordSettings

STAFF_HOME = "/staff/"
log = logging.getLogger("putright.security")


def _next(request: HttpRequest) -> str:
    """Where to go afterwards: only a path on this site, never another site (open redirect)."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return STAFF_HOME


def _with_next(name: str, request: HttpRequest) -> str:
    return f"{reverse(name)}?{urlencode({'next': _next(request)})}"


def _refuse(request: HttpRequest) -> HttpResponse | None:
    if not access_can_manage_own_second_factor(request.user):
        return redirect_to_login(request.get_full_path())
    return None


def _grouped(secret: str) -> str:
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@require_http_methods(["GET", "POST"])
def setup(request: HttpRequest) -> HttpResponse:
    if (refused := _refuse(request)) is not None:
        return refused
    if twofactor_enrolled(user=request.user) and not session_verified(request):
        # Replacing an authenticator needs the current one: a stolen password is not enough.
        return redirect(_with_next("account:verify", request))
    secret = request.session.get(PENDING_SECRET_KEY) or totp_new_secret()
    request.session[PENDING_SECRET_KEY] = secret
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = twofactor_enrol(
                user=request.user, secret=secret, code=form.cleaned_data["code"], now=timezone.now()
            )
        except CodeRefused as refusal:
            form.add_error("code", refusal.message)
        else:
            log.info("second factor set up user=%s ip=%s", request.user.get_username(), client_ip(request))
            request.session.pop(PENDING_SECRET_KEY, None)
            session_mark_verified(request)
            request.session[NEW_CODES_KEY] = codes
            return redirect(_with_next("account:recovery_codes", request))
    uri = totp_uri(
        secret=secret, username=request.user.get_username(), issuer=LandlordSettings.current().name
    )
    context: dict[str, Any] = {
        "form": form,
        "secret": _grouped(secret),
        "uri": uri,
        "qr": segno.make(uri, error="m").svg_data_uri(scale=4),
        "next": _next(request),
    }
    return render(request, "accounts/twofactor_setup.html", context)


@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    if (refused := _refuse(request)) is not None:
        return refused
    if not twofactor_enrolled(user=request.user):
        return redirect(_with_next("account:setup", request))
    form = CodeForm(request.POST or None)
    status = 200
    until = None
    if request.method == "POST" and form.is_valid():
        try:
            method = twofactor_verify(user=request.user, code=form.cleaned_data["code"], now=timezone.now())
        except CodeRefused as refusal:
            log.warning(
                "second factor code refused user=%s ip=%s", request.user.get_username(), client_ip(request)
            )
            form.add_error("code", refusal.message)
        except TooManyAttempts as locked:
            log.warning("second factor locked user=%s ip=%s", request.user.get_username(), client_ip(request))
            until, status = locked.until, 429
        else:
            log.info(
                "second factor %s user=%s ip=%s", method, request.user.get_username(), client_ip(request)
            )
            session_mark_verified(request)
            if method == "recovery":
                return redirect(_with_next("account:recovery_codes", request))
            return redirect(_next(request))
    context = {"form": form, "until": until, "next": _next(request)}
    return render(request, "accounts/twofactor_verify.html", context, status=status)


@require_http_methods(["GET", "POST"])
def recovery_codes(request: HttpRequest) -> HttpResponse:
    if (refused := _refuse(request)) is not None:
        return refused
    if not session_verified(request):
        return redirect(_with_next("account:verify", request))
    if request.method == "POST":
        log.info("recovery codes replaced user=%s", request.user.get_username())
        request.session[NEW_CODES_KEY] = recovery_codes_regenerate(user=request.user, now=timezone.now())
        return redirect(_with_next("account:recovery_codes", request))
    # Shown once: the codes leave the session as they are displayed.
    codes = request.session.pop(NEW_CODES_KEY, None)
    context = {"codes": codes, "left": recovery_codes_left(user=request.user), "next": _next(request)}
    return render(request, "accounts/recovery_codes.html", context)
