"""The staff sign-in backend: Django's password check behind the sign-in limits.

While a username or a connection is locked, `authenticate` raises PermissionDenied,
which makes Django stop trying other backends and return None: a correct password
does not get through a lock. The sign-in page then shows its usual error; the
middleware (`putright.accounts.middleware`) replaces that page with one saying the
sign-in is temporarily locked and until when.
"""

from __future__ import annotations

import copy
import logging
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from putright.accounts.network import client_ip
from putright.accounts.services.signin_limits import (
    signin_failure_record,
    signin_locked_until,
    signin_success_record,
)
from putright.landlord.config import CONFIG

LOCKED_MESSAGE = "Sign-in is temporarily locked after too many failed attempts."
log = logging.getLogger("putright.security")


def _user_row(user_id: Any) -> Any:
    return get_user_model()._default_manager.select_related("totp_device").filter(pk=user_id).first()


class LockoutModelBackend(ModelBackend):
    def get_user(self, user_id: Any) -> Any:
        """The signed-in user with their authenticator joined, so the second-factor
        middleware costs no query of its own on each request.

        Kept in each process under the configuration version (ADR 8), which triggers on
        the users and authenticators tables replace on every change (accounts migrations
        0007 and 0008): a deactivated user, a changed role or password, a new authenticator
        are seen on the next request in every process. Each request gets its own copy."""
        user = CONFIG.get_found(f"user:{user_id}", lambda: _user_row(user_id))
        if user is None:
            return None
        user = copy.copy(user)
        return user if self.user_can_authenticate(user) else None

    def authenticate(
        self, request: Any, username: str | None = None, password: str | None = None, **kwargs: Any
    ) -> Any:
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if username is None or password is None:
            return None
        now = timezone.now()
        ip = client_ip(request)
        if signin_locked_until(username=username, ip=ip, now=now) is not None:
            log.warning("staff sign-in refused while locked user=%s ip=%s", _loggable(username), ip)
            raise PermissionDenied(LOCKED_MESSAGE)
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            until = signin_failure_record(username=username, ip=ip, now=now)
            log.warning("staff sign-in failed user=%s ip=%s", _loggable(username), ip)
            if until is not None:
                log.warning(
                    "staff sign-in locked until %s user=%s ip=%s", until.isoformat(), _loggable(username), ip
                )
        else:
            signin_success_record(username=username)
            log.info("staff sign-in user=%s ip=%s", user.get_username(), ip)
        return user


def _loggable(username: str) -> str:
    """The username if it is a real account's; otherwise not, since people type passwords there."""
    if get_user_model()._default_manager.filter(username=username).exists():
        return username
    return "(not an account)"
