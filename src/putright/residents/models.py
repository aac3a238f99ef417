"""Signing residents in without a password, and limiting how often anyone may try.

Thin models. Secrets are never stored: a sign-in code is kept as a keyed hash and a
sign-in link as a SHA-256 of its random token, so a copy of the database cannot be
used to sign in. Writes go through `putright.residents.services`.
"""

from __future__ import annotations

from django.db import models


class SignInCode(models.Model):
    """A 6-digit code and a link sent to an email address: 15 minutes, single use."""

    email = models.EmailField(help_text="Lower-case, as typed by the person signing in")
    code_hash = models.CharField(max_length=64)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField(db_index=True)
    used_at = models.DateTimeField(null=True, blank=True)
    failed_attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["email", "expires_at"])]


class ResidentSession(models.Model):
    """A resident or representative signed in with an email address they proved they hold.

    The Django session holds only this row's id; the row says which email was proved,
    when, how, and when the sign-in ends, so it can be ended on the server.
    """

    class Via(models.TextChoices):
        CODE = "code", "Code"
        LINK = "link", "Link"

    email = models.EmailField()
    via = models.CharField(max_length=4, choices=Via.choices)
    started_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["expires_at"])]


class RateLimitHit(models.Model):
    """One counted attempt in a named bucket ("signin-email:<hmac>", "complain-ip:<hmac>").

    Kept in the database rather than the per-process cache so the limit holds across
    every worker; buckets name a keyed hash, never a raw email or IP address.
    """

    bucket = models.CharField(max_length=80)
    at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = [models.Index(fields=["bucket", "at"])]
