"""The landlord's complaints policy as a document: versions of named sections, who changed
what, the governing body's approval, and which section meets which Code provision."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models


class VersionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Sent for approval"
    PUBLISHED = "published", "Approved and published"
    SUPERSEDED = "superseded", "Replaced by a later version"


class PolicyVersion(models.Model):
    """One version of the policy. Only a draft is edited; a published version is frozen.

    ``sections`` is a list of ``{"key", "title", "body", "easy_read"}`` in reading order;
    ``timescales`` the four working-day timescales, applied to the landlord's settings when
    the governing body approves, so the deadlines and the policy change together.
    """

    number = models.PositiveIntegerField(unique=True)
    status = models.CharField(max_length=12, choices=VersionStatus.choices, default=VersionStatus.DRAFT)
    sections = models.JSONField(default=list)
    timescales = models.JSONField(default=dict)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_on = models.DateField(null=True, blank=True, help_text="The governing body's meeting")
    approval_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["status"],
                condition=models.Q(status__in=["draft", "submitted", "published"]),
                name="one_policy_version_per_open_status",
            )
        ]

    def __str__(self) -> str:
        return f"Complaints policy version {self.number}"

    def section(self, key: str) -> dict[str, Any] | None:
        return next((s for s in self.sections if s.get("key") == key), None)


class ChangeKind(models.TextChoices):
    STARTED = "started", "Draft started"
    IMPORTED = "imported", "Imported from a document"
    SECTION_EDITED = "section_edited", "Section edited"
    SUBMITTED = "submitted", "Sent for approval"
    RETURNED = "returned", "Returned by the governing body"
    APPROVED = "approved", "Approved and published"
    MAPPING_CHANGED = "mapping_changed", "Provision mapping changed"


class PolicyChange(models.Model):
    """Who changed what in the policy and when: one row per action, never changed."""

    version = models.ForeignKey(PolicyVersion, on_delete=models.PROTECT, related_name="changes")
    kind = models.CharField(max_length=20, choices=ChangeKind.choices)
    section = models.CharField(max_length=60, blank=True)
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-id"]


class ProvisionLink(models.Model):
    """A section of the policy (by key, across versions) that meets a provision of the Code."""

    edition = models.CharField(max_length=20, default="hos-2024")
    provision_id = models.CharField(max_length=10)
    section = models.CharField(max_length=60)

    class Meta:
        ordering = ["edition", "provision_id", "section"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "provision_id", "section"], name="one_link_per_section"
            )
        ]
