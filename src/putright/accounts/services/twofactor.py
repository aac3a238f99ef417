"""The staff second factor: an authenticator app (TOTP, RFC 6238) and single-use recovery codes.

`now` is passed in (read at the edge); codes from the step before and after the
current one are accepted for clock drift, and never a step at or before the last
one used, so an overheard code cannot be replayed (ASVS 2.8.1, 2.8.4).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime
from typing import Any

import pyotp
from django.db import transaction

from putright.accounts.errors import CodeRefused, TooManyAttempts
from putright.accounts.models import RecoveryCode, TotpDevice
from putright.accounts.services.signin_limits import PER_OTP_USER, bucket, failure_record, locked_until

DRIFT_STEPS = 1
RECOVERY_CODES = 10
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
WRONG_CODE = "The code is not right. Enter the 6-digit code your authenticator app shows now."


def totp_new_secret() -> str:
    """160 random bits, the size RFC 4226 recommends, in base32 for authenticator apps."""
    return pyotp.random_base32(32)


def totp_uri(*, secret: str, username: str, issuer: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=issuer)


def _normalise(code: str) -> str:
    return "".join(code.split()).replace("-", "").lower()


def totp_matching_step(*, secret: str, code: str, now: datetime, after_step: int = 0) -> int | None:
    """The time step whose code `code` is, within the drift allowed and after `after_step`."""
    digits = _normalise(code)
    if len(digits) != 6 or not (digits.isascii() and digits.isdigit()):
        return None
    totp = pyotp.TOTP(secret)
    current = totp.timecode(now)
    for step in range(current - DRIFT_STEPS, current + DRIFT_STEPS + 1):
        if step > after_step and hmac.compare_digest(totp.generate_otp(step), digits):
            return step
    return None


def _hash_recovery(salt: str, code: str) -> str:
    return hashlib.sha256(f"{salt}:{_normalise(code)}".encode()).hexdigest()


def _new_recovery_codes(user: Any, now: datetime) -> list[str]:
    RecoveryCode.objects.filter(user=user).delete()
    codes = []
    for _ in range(RECOVERY_CODES):
        raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(12))
        code = f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"
        salt = secrets.token_hex(8)
        RecoveryCode.objects.create(
            user=user, salt=salt, code_hash=_hash_recovery(salt, code), created_at=now
        )
        codes.append(code)
    return codes


def twofactor_enrolled(*, user: Any) -> bool:
    """Whether the user has an authenticator. Free when the user was loaded by the sign-in
    backend (it joins the device); one query otherwise."""
    try:
        return user.totp_device is not None
    except TotpDevice.DoesNotExist:
        return False


def twofactor_enrol(*, user: Any, secret: str, code: str, now: datetime) -> list[str]:
    """Confirm the authenticator with one code from it; replace any old one; return new recovery codes.

    Only the plain codes returned here can be shown to the person: just their hashes are kept.
    """
    step = totp_matching_step(secret=secret, code=code, now=now)
    if step is None:
        raise CodeRefused(WRONG_CODE)
    with transaction.atomic():
        TotpDevice.objects.filter(user=user).delete()
        TotpDevice.objects.create(user=user, secret=secret, confirmed_at=now, last_step=step)
        return _new_recovery_codes(user, now)


def recovery_codes_regenerate(*, user: Any, now: datetime) -> list[str]:
    """New recovery codes; the old ones stop working."""
    with transaction.atomic():
        return _new_recovery_codes(user, now)


def recovery_codes_left(*, user: Any) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


def _use_recovery_code(user: Any, code: str, now: datetime) -> bool:
    for row in RecoveryCode.objects.select_for_update().filter(user=user, used_at__isnull=True):
        if hmac.compare_digest(row.code_hash, _hash_recovery(row.salt, code)):
            row.used_at = now
            row.save(update_fields=["used_at"])
            return True
    return False


def twofactor_verify(*, user: Any, code: str, now: datetime) -> str:
    """Check a code from the authenticator or a recovery code; returns "totp" or "recovery".

    Five wrong codes in 15 minutes stop further tries for 15 minutes (ASVS 2.2.1).
    """
    name = bucket(PER_OTP_USER, str(user.pk))
    until = locked_until(buckets=[name], now=now)
    if until is not None:
        raise TooManyAttempts(until)
    with transaction.atomic():
        device = TotpDevice.objects.select_for_update().filter(user=user).first()
        if device is None:
            raise CodeRefused("Set up your authenticator app first.")
        step = totp_matching_step(secret=device.secret, code=code, now=now, after_step=device.last_step)
        if step is not None:
            device.last_step = step
            device.save(update_fields=["last_step"])
            return "totp"
        if _use_recovery_code(user, code, now):
            return "recovery"
    until = failure_record(limits=[(PER_OTP_USER, name)], now=now)
    if until is not None:
        raise TooManyAttempts(until)
    raise CodeRefused(WRONG_CODE + " Or enter one of your recovery codes.")


def twofactor_reset(*, user: Any) -> None:
    """Remove the authenticator and recovery codes (an administrator, for a lost phone)."""
    with transaction.atomic():
        TotpDevice.objects.filter(user=user).delete()
        RecoveryCode.objects.filter(user=user).delete()
