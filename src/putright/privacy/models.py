"""The log of anonymisations: whose personal data was removed, when, why and by whom. Thin model."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from putright.cases.models import Resident


class AnonymisationRecord(models.Model):
    """One resident's personal data replaced by a marker (UK GDPR art. 5(1)(e) or art. 17)."""

    class Kind(models.TextChoices):
        RETENTION = "retention", "Retention period ended"
        ERASURE = "erasure", "Erasure on request (UK GDPR art. 17)"

    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    reason = models.TextField(blank=True, help_text="Why: the request and the grounds for erasure")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_label = models.CharField(max_length=200, help_text="Who ran it, as they were known then")
    at = models.DateTimeField(db_index=True)
    last_activity_on = models.DateField(null=True, blank=True)
    counts: Any = models.JSONField(default=dict, help_text="Rows rewritten per table, files deleted")

    class Meta:
        ordering = ["-at", "-id"]
