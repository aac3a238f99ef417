"""Staff account protection on every request to staff pages and the admin.

1. Sign-in limits: a sign-in POST while the username or connection is locked gets a
   page saying so (429) instead of the form, and so does the failure that sets a lock.
2. Second factor: a signed-in user on /staff/ or /admin/ must have proved their
   authenticator in this session when PUTRIGHT_STAFF_2FA is "required" (the production
   default), or whenever they have set one up; otherwise they go to set-up or verify.
The API is not covered: it takes bearer tokens, not sessions.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch
from django.utils import timezone

from putright.accounts.network import client_ip
from putright.accounts.services.signin_limits import signin_locked_until
from putright.accounts.services.twofactor import twofactor_enrolled
from putright.accounts.session import second_factor_mode, session_verified
from putright.ui.links import link

GUARDED = ("/staff/", "/admin/")
# Where putright.accounts.urls is mounted (src/putright/urls.py): the set-up and verify pages.
ACCOUNT_PAGES = "/staff/account/"


def _path(name: str, fallback: str) -> str:
    try:
        return link(name)
    except NoReverseMatch:
        return fallback


def _sign_in_paths() -> tuple[str, ...]:
    return (_path("staff:login", "/staff/login/"), _path("admin:login", "/admin/login/"))


def _exempt_paths() -> tuple[str, ...]:
    return (
        *_sign_in_paths(),
        _path("staff:logout", "/staff/logout/"),
        _path("admin:logout", "/admin/logout/"),
        ACCOUNT_PAGES,
    )


class StaffAccountMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        signing_in = request.method == "POST" and request.path in _sign_in_paths()
        if signing_in:
            locked = self._locked_page(request)
            if locked is not None:
                return locked
        else:
            detour = self._second_factor_detour(request)
            if detour is not None:
                return detour
        response = self.get_response(request)
        if signing_in and response.status_code == 200:
            # The failure that set the lock: say so now rather than on the next try.
            return self._locked_page(request) or response
        return response

    def _locked_page(self, request: HttpRequest) -> HttpResponse | None:
        until = signin_locked_until(
            username=str(request.POST.get("username", "")), ip=client_ip(request), now=timezone.now()
        )
        if until is None:
            return None
        return render(request, "accounts/signin_locked.html", {"until": until}, status=429)

    def _second_factor_detour(self, request: HttpRequest) -> HttpResponse | None:
        path = request.path
        if not path.startswith(GUARDED) or path.startswith(_exempt_paths()):
            return None
        user = request.user
        if not user.is_authenticated or session_verified(request):
            return None
        enrolled = twofactor_enrolled(user=user)
        if not enrolled and second_factor_mode() != "required":
            return None
        target = link("account:verify" if enrolled else "account:setup")
        after = request.get_full_path() if request.method == "GET" else _path("staff:queue", "/staff/")
        return redirect(f"{target}?{urlencode({'next': after})}")
