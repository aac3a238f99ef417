"""Staff users, their roles, and API tokens."""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models


class Role(models.TextChoices):
    HANDLER = "handler", "Complaint handler"
    REVIEWER = "reviewer", "Stage 2 reviewer"
    COMPLAINTS_OFFICER = "complaints_officer", "Complaints officer"
    GOVERNANCE = "governance", "Governance (read-only reports)"
    ADMINISTRATOR = "administrator", "Administrator"


class User(AbstractUser):
    role = models.CharField(max_length=32, choices=Role.choices, default=Role.HANDLER)

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token. Only its SHA-256 is stored, so a database leak yields no tokens."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    @classmethod
    def issue(cls, user: User) -> tuple[ApiToken, str]:
        raw = "pr_" + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, token_hash=hash_token(raw), prefix=raw[:8])
        return token, raw
