"""Signing in without a password: a one-time code or link sent to an email on a complaint.

Codes and links last 15 minutes and work once. They are stored hashed. Asking for one
gives the same answer whether or not the email is on a complaint, so the sign-in page
cannot be used to find out who has complained.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.crypto import constant_time_compare, salted_hmac

from putright.core.errors import InvalidInput
from putright.landlord.models import LandlordSettings
from putright.residents.access import access_email_has_complaints, normalise_email
from putright.residents.errors import SignInFailed, TooManyAttempts
from putright.residents.models import ResidentSession, SignInCode
from putright.residents.services import throttle
from putright.residents.services.emails import email_render, email_send_after_commit

CODE_LIFETIME = timedelta(minutes=15)
SESSION_LIFETIME = timedelta(hours=4)
SESSION_RECORD_KEPT = timedelta(days=90)
WRONG_TRIES_PER_CODE = 5
WRONG_CODE = "That code is not right, or it has run out. Check the code in your email, or ask for a new one."
DEAD_LINK = "This sign-in link has run out or has already been used."


@dataclass(frozen=True)
class SignInLinks:
    """Where the emails point: built by the interface, which knows its own addresses."""

    link_for: Callable[[str], str]
    sign_in_page: str


def _code_hash(email: str, code: str) -> str:
    # Keyed: a 6-digit code hashed without a secret key could be found by trying all of them.
    return salted_hmac("putright.residents.code", f"{email}:{code}").hexdigest()


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def sign_in_code_issue(*, email: str, now: datetime, usable: bool = True) -> tuple[str, str]:
    """Create a code and a link token for `email`; return them in clear, to send once.

    `usable=False` does the same work and stores a row no code can match (its hash is over
    the code and a random secret that is thrown away): the twin of a real code for an email
    on no complaint, so both answers to a sign-in request take the same time.
    """
    email = normalise_email(email)
    code = f"{secrets.randbelow(1_000_000):06d}"
    token = secrets.token_urlsafe(32)
    hashed = code if usable else code + secrets.token_hex(16)
    SignInCode.objects.filter(expires_at__lt=now - timedelta(days=1)).delete()
    SignInCode.objects.create(
        email=email,
        code_hash=_code_hash(email, hashed),
        token_hash=_token_hash(token),
        created_at=now,
        expires_at=now + CODE_LIFETIME,
    )
    return code, token


def valid_email_or_error(email: str) -> str:
    email = normalise_email(email)
    if not email:
        raise InvalidInput({"email": "Enter your email address"})
    try:
        validate_email(email)
    except ValidationError:
        raise InvalidInput(
            {"email": "Enter an email address in the correct format, like name@example.com"}
        ) from None
    return email


def sign_in_request(*, email: str, ip: str, now: datetime, links: SignInLinks) -> None:
    """Send a code and link if `email` is on any complaint; behave the same if it is not.

    The same, down to the work done: an unknown email gets an unusable code, its email is
    rendered, and a delivery that sends nothing is queued, so neither the answer nor the
    time it takes says whether someone has complained (issue 17 item 3). Nothing is sent
    inside the request: the worker sends the email after the response.
    """
    email = valid_email_or_error(email)
    landlord = LandlordSettings.current()
    too_many = (
        "You have asked for a lot of codes. Wait an hour and try again, "
        f"or call us on {landlord.complaints_phone}."
    )
    with transaction.atomic():
        for limit, value in ((throttle.SIGN_IN_PER_EMAIL, email), (throttle.SIGN_IN_PER_IP, ip)):
            if not throttle.throttle_take(limit=limit, value=value, now=now):
                raise TooManyAttempts(too_many)
        known = access_email_has_complaints(email=email)
        code, token = sign_in_code_issue(email=email, now=now, usable=known)
        body = email_render(
            "sign_in.txt",
            {
                "landlord": landlord,
                "code": code,
                "link": links.link_for(token),
                "sign_in_page": links.sign_in_page,
                "minutes": int(CODE_LIFETIME.total_seconds() // 60),
            },
        )
        email_send_after_commit(
            to=email,
            subject=f"Your sign-in code is {code}",
            body=body,
            now=now,
            discard=not known,
            message="sign_in",
        )


def _start_session(email: str, via: str, now: datetime) -> ResidentSession:
    # Who signed in, and when, is kept for 90 days after the sign-in ends, then dropped.
    ResidentSession.objects.filter(expires_at__lt=now - SESSION_RECORD_KEPT).delete()
    return ResidentSession.objects.create(
        email=email, via=via, started_at=now, expires_at=now + SESSION_LIFETIME
    )


def sign_in_with_code(*, email: str, code: str, ip: str, now: datetime) -> ResidentSession:
    """Sign in with the 6-digit code sent to `email`. Wrong codes are counted and limited."""
    email = normalise_email(email)
    code = "".join((code or "").split())
    if not code:
        raise InvalidInput({"code": "Enter the 6-digit code from your email"})
    if not (len(code) == 6 and code.isascii() and code.isdigit()):
        raise InvalidInput({"code": "The code must be 6 numbers, like 123456"})
    landlord = LandlordSettings.current()
    for limit, value in ((throttle.CODE_GUESS_PER_EMAIL, email), (throttle.CODE_GUESS_PER_IP, ip)):
        if not throttle.throttle_allows(limit=limit, value=value, now=now):
            raise TooManyAttempts(
                "There have been too many wrong codes. Wait an hour and ask for a new code, "
                f"or call us on {landlord.complaints_phone}."
            )
    wanted = _code_hash(email, code)
    with transaction.atomic():
        live = list(
            SignInCode.objects.select_for_update().filter(
                email=email,
                used_at__isnull=True,
                expires_at__gt=now,
                failed_attempts__lt=WRONG_TRIES_PER_CODE,
            )
        )
        for candidate in live:
            if constant_time_compare(candidate.code_hash, wanted):
                candidate.used_at = now
                candidate.save(update_fields=["used_at"])
                return _start_session(email, ResidentSession.Via.CODE, now)
        for candidate in live:
            candidate.failed_attempts += 1
            candidate.save(update_fields=["failed_attempts"])
        throttle.throttle_hit(limit=throttle.CODE_GUESS_PER_EMAIL, value=email, now=now)
        throttle.throttle_hit(limit=throttle.CODE_GUESS_PER_IP, value=ip, now=now)
    raise InvalidInput({"code": WRONG_CODE})


def sign_in_with_link(*, token: str, now: datetime) -> ResidentSession:
    """Sign in with the link sent by email: once, within 15 minutes."""
    with transaction.atomic():
        found = (
            SignInCode.objects.select_for_update()
            .filter(token_hash=_token_hash(token or ""), used_at__isnull=True, expires_at__gt=now)
            .first()
        )
        if found is None:
            raise SignInFailed(DEAD_LINK)
        found.used_at = now
        found.save(update_fields=["used_at"])
        return _start_session(found.email, ResidentSession.Via.LINK, now)


def resident_session_current(*, session_id: object, now: datetime) -> ResidentSession | None:
    if not isinstance(session_id, int):
        return None
    return ResidentSession.objects.filter(pk=session_id, ended_at__isnull=True, expires_at__gt=now).first()


def resident_sign_out(*, session_id: object, now: datetime) -> None:
    if isinstance(session_id, int):
        ResidentSession.objects.filter(pk=session_id, ended_at__isnull=True).update(ended_at=now)
