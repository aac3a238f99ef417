"""Checks on the staff second-factor setting and the API rate limit."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register

from putright.accounts.session import MODES, second_factor_mode

MIDDLEWARE = "putright.accounts.middleware.StaffAccountMiddleware"


@register(Tags.security)
def second_factor_mode_known(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    if second_factor_mode() not in MODES:
        return [
            Error(
                f"PUTRIGHT_STAFF_2FA is '{second_factor_mode()}'.",
                hint=f"Set it to one of {', '.join(MODES)}.",
                id="accounts.E001",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def second_factor_required(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    if second_factor_mode() != "required":
        return [
            Warning(
                "Staff can sign in without a second factor (PUTRIGHT_STAFF_2FA is not 'required').",
                hint="Complaint records hold special category data: set PUTRIGHT_STAFF_2FA=required.",
                id="accounts.W001",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def staff_account_middleware_installed(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    if MIDDLEWARE not in settings.MIDDLEWARE:
        return [
            Warning(
                f"{MIDDLEWARE} is not in MIDDLEWARE: the second factor is not enforced.",
                hint="Add it after AuthenticationMiddleware.",
                id="accounts.W002",
            )
        ]
    return []


@register(Tags.security)
def api_rate_limit_positive(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    rate = getattr(settings, "PUTRIGHT_API_RATE_PER_MINUTE", None)
    if not isinstance(rate, int) or rate < 1:
        return [
            Error(
                f"PUTRIGHT_API_RATE_PER_MINUTE is {rate!r}: no API request could be answered.",
                hint="Set it to the requests one token may make in a minute (600 by default).",
                id="accounts.E002",
            )
        ]
    return []
