"""Signing in without a password: an email address, then a 6-digit code or a link.

The answer after asking for a code is the same whether or not the email is on a
complaint, so these pages cannot be used to discover who has complained.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from putright.core.errors import InvalidInput
from putright.portal.forms.follow import CodeForm, EmailForm
from putright.portal.views._common import (
    SESSION_KEY,
    SIGN_IN_EMAIL,
    after_sign_in,
    client_ip,
    now,
    sign_in_links,
)
from putright.residents.errors import SignInFailed, TooManyAttempts
from putright.residents.models import ResidentSession
from putright.residents.services import (
    resident_sign_out,
    sign_in_request,
    sign_in_with_code,
    sign_in_with_link,
)


def _start(request: HttpRequest, session: ResidentSession) -> HttpResponse:
    target = after_sign_in(request)
    # A new session key on sign-in, so a key planted before it is worth nothing after.
    request.session.cycle_key()
    request.session[SESSION_KEY] = session.pk
    request.session.pop(SIGN_IN_EMAIL, None)
    return redirect(target)


@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    status = 200
    if request.method == "POST":
        form = EmailForm(request.POST)
        if form.from_robot:
            form.add_error(None, "We could not send a code. Please call or email us instead.")
            status = 400
        elif form.is_valid():
            try:
                sign_in_request(
                    email=form.cleaned_data["email"],
                    ip=client_ip(request),
                    now=now(),
                    links=sign_in_links(request),
                )
            except InvalidInput as exc:
                form.add_service_errors(exc)
            except TooManyAttempts as exc:
                form.add_error("email", exc.message)
                status = 429
            else:
                request.session[SIGN_IN_EMAIL] = form.cleaned_data["email"]
                return redirect("portal:sign_in_code")
    else:
        form = EmailForm(initial={"email": request.session.get(SIGN_IN_EMAIL, "")})
    return render(request, "portal/signin/email.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
def sign_in_code(request: HttpRequest) -> HttpResponse:
    email = request.session.get(SIGN_IN_EMAIL)
    if not isinstance(email, str) or not email:
        return redirect("portal:sign_in")
    status = 200
    if request.method == "POST":
        form = CodeForm(request.POST)
        if form.is_valid():
            try:
                session = sign_in_with_code(
                    email=email, code=form.data.get("code", ""), ip=client_ip(request), now=now()
                )
            except InvalidInput as exc:
                form.add_service_errors(exc)
            except TooManyAttempts as exc:
                form.add_error("code", exc.message)
                status = 429
            else:
                return _start(request, session)
    else:
        form = CodeForm()
    return render(request, "portal/signin/code.html", {"form": form, "email": email}, status=status)


@require_http_methods(["GET", "POST"])
def sign_in_link(request: HttpRequest, token: str) -> HttpResponse:
    """A button, not an automatic sign-in: mail scanners open links, and would use them up."""
    if request.method == "POST":
        try:
            session = sign_in_with_link(token=token, now=now())
        except SignInFailed as exc:
            return render(request, "portal/signin/link_dead.html", {"message": exc.message}, status=410)
        return _start(request, session)
    return render(request, "portal/signin/link.html")


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    resident_sign_out(session_id=request.session.get(SESSION_KEY), now=now())
    request.session.flush()
    return render(request, "portal/signin/signed_out.html")
