"""Staff users, their roles, and API tokens."""

from __future__ import annotations

import hashlib

from django.contrib.auth.models import AbstractUser
from django.db import models

from putright.core.roles import Role as Role


class User(AbstractUser):
    role = models.CharField(max_length=32, choices=Role.choices, default=Role.HANDLER)

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token. Only its SHA-256 is stored, so a database leak yields no tokens.

    A token works until `expires_at` or until it is revoked, whichever comes first
    (`putright.accounts.services.tokens` issues and revokes them). `window_started_at` and
    `window_requests` count its requests in the API's current rate-limit window
    (`putright.accounts.services.api_limits`).
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    window_started_at = models.DateTimeField(null=True, blank=True)
    window_requests = models.PositiveIntegerField(default=0)


class LoginFailure(models.Model):
    """A failed staff sign-in, counted per username and per connection (ASVS 2.2.1).

    Buckets hold a keyed hash, never the typed username or the IP address: people
    type passwords into the username box, and addresses are personal data.
    """

    bucket = models.CharField(max_length=80)
    at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = [models.Index(fields=["bucket", "at"])]


class LoginLock(models.Model):
    """Sign-in refused for a bucket until `until`, set when a failure reaches the limit."""

    bucket = models.CharField(max_length=80, db_index=True)
    until = models.DateTimeField(db_index=True)
    created_at = models.DateTimeField()


class TotpDevice(models.Model):
    """A staff member's authenticator app (RFC 6238, 30-second steps, 6 digits).

    The secret must be readable to check codes, so it cannot be hashed: the database
    and its backups are protected as the most sensitive assets (docs/security.md).
    `last_step` stops a code being used twice (ASVS 2.8.4).
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="totp_device")
    secret = models.CharField(max_length=64)
    confirmed_at = models.DateTimeField()
    last_step = models.BigIntegerField(default=0)


class RecoveryCode(models.Model):
    """A single-use code for when the authenticator is lost. Stored as a salted SHA-256 (ASVS 2.6.2)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="recovery_codes")
    salt = models.CharField(max_length=32)
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
