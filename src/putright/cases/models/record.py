"""The full record: correspondence, files and the event log (Code 5.12). Never changed."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.conf import settings
from django.db import models

from putright.cases.models.complaint import Complaint
from putright.cases.models.people import Resident
from putright.core.immutable import AppendOnlyModel

USER = settings.AUTH_USER_MODEL


class Correspondence(AppendOnlyModel):
    """Everything sent to or received from the resident or others (5.12). Never changed."""

    class Direction(models.TextChoices):
        IN = "in", "Received"
        OUT = "out", "Sent"

    complaint = models.ForeignKey(Complaint, on_delete=models.PROTECT, related_name="correspondence")
    direction = models.CharField(max_length=3, choices=Direction.choices)
    channel = models.CharField(max_length=20)
    party = models.CharField(max_length=200, help_text="Resident, representative, contractor...")
    subject = models.CharField(max_length=300, blank=True)
    body = models.TextField(blank=True)
    occurred_at = models.DateTimeField(db_index=True)
    created_by = models.ForeignKey(USER, null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["occurred_at", "id"]


class Attachment(AppendOnlyModel):
    complaint = models.ForeignKey(Complaint, on_delete=models.PROTECT, related_name="attachments")
    correspondence = models.ForeignKey(
        Correspondence, null=True, blank=True, on_delete=models.PROTECT, related_name="attachments"
    )
    file = models.FileField(upload_to="attachments/%Y/%m/")
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)


class EventAction(StrEnum):
    """What a `CaseEvent` records: the one list writers name and readers match on.

    Letters are drafted from some (`putright.letters.content`), anonymisation marks its own,
    and the data generator replays them; a new action is added here first.
    """

    LOGGED = "logged"
    ASSIGNED = "assigned"
    ACKNOWLEDGED = "acknowledged"
    CLARIFICATION_REQUESTED = "clarification_requested"
    EXTENDED = "extended"
    RESPONDED = "responded"
    ESCALATED = "escalated"
    REFUSED = "refused"
    REOPENED = "reopened"
    ESCALATION_REFUSED = "escalation_refused"
    WITHDRAWN = "withdrawn"
    CLOSED = "closed"
    ISSUE_ADDED = "issue_added"
    UPDATES_AGREED = "updates_agreed"
    ACTION_UPDATED = "action_updated"
    ACTION_COMPLETED = "action_completed"
    REMEDY_COMPLETED = "remedy_completed"
    CORRESPONDENCE_ADDED = "correspondence_added"
    # Kept for complaints flagged before hazards became records of their own.
    HAZARD_FLAGGED = "hazard_flagged"
    ADJUSTMENT_RECORDED = "adjustment_recorded"
    ADJUSTMENT_REVIEWED = "adjustment_reviewed"
    RESTRICTION_RECORDED = "restriction_recorded"
    RESTRICTION_REVIEWED = "restriction_reviewed"
    REPRESENTATIVE_SET = "representative_set"
    REPRESENTATIVE_REMOVED = "representative_removed"
    SMS_CONSENT = "sms_consent"
    OMBUDSMAN_REFERRAL = "ombudsman_referral"
    OMBUDSMAN_FINDING = "ombudsman_finding"
    TENURE_RECORDED = "tenure_recorded"
    RESIDENT_CORRECTED = "resident_corrected"
    SERVICE_AREA_CHANGED = "service_area_changed"
    ANONYMISED = "anonymised"
    # A complaint brought in from the landlord's past records (`putright import complaints`).
    IMPORTED = "imported"
    # Steps on a hazard under Awaab's Law, in the hazard's own record (`HazardEvent`).
    HAZARD_RECORDED = "hazard_recorded"
    HAZARD_INVESTIGATED = "hazard_investigated"
    HAZARD_SUMMARY_SENT = "hazard_summary_sent"
    HAZARD_MADE_SAFE = "hazard_made_safe"
    HAZARD_ACCOMMODATION = "hazard_accommodation"
    HAZARD_WORKS_STARTED = "hazard_works_started"
    HAZARD_WORKS_COMPLETED = "hazard_works_completed"
    HAZARD_EXCEPTION = "hazard_exception"
    HAZARD_UPDATE_SENT = "hazard_update_sent"


class CaseEvent(AppendOnlyModel):
    """The append-only log of every change to a complaint: who, when, what, before and after."""

    complaint = models.ForeignKey(Complaint, on_delete=models.PROTECT, related_name="events")
    at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    actor_label = models.CharField(max_length=200)
    action = models.CharField(max_length=40)
    summary = models.CharField(max_length=500)
    before: Any = models.JSONField(default=dict)
    after: Any = models.JSONField(default=dict)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["complaint", "at"])]


class UncountedChange(models.Model):
    """A complaint changed since the governance figures by day last counted it.

    Written by database triggers (`cases` migration 0024) in the same transaction as any
    write to the complaint's row or a change of its resident's tenure, so a report never
    reads a stale day as settled, whatever path made the change; cleared by the figures
    refresh that recounts its days.
    Housekeeping, not part of the record.
    """

    complaint = models.OneToOneField(Complaint, primary_key=True, on_delete=models.CASCADE, related_name="+")


class IdempotencyKey(models.Model):
    """A retried create with the same key returns the first complaint, not a second one.

    `body_sha256` fingerprints the request that used the key, so a different request sent
    with a reused key is refused instead of silently answered with the first complaint
    (IETF draft "The Idempotency-Key HTTP Header Field", section 2.7). Keys stored before
    the fingerprint existed have it empty and are not compared."""

    key = models.CharField(max_length=200)
    body_sha256 = models.CharField(max_length=64, blank=True, default="")
    user = models.ForeignKey(USER, on_delete=models.CASCADE)
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="idempotency_once")]


class SpecialCategoryRead(AppendOnlyModel):
    """A log line for every view of health, disability or vulnerability details (UK GDPR art. 9)."""

    user = models.ForeignKey(USER, null=True, on_delete=models.PROTECT, related_name="+")
    resident = models.ForeignKey(Resident, on_delete=models.CASCADE, related_name="+")
    where = models.CharField(max_length=200)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
