"""The hazard record, its append-only event log, and the screens that prompt one."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from putright.cases.models import Complaint, Contact, Resident, ServiceRequest
from putright.core.immutable import AppendOnlyModel
from putright.rules.hazard_data import STOP_REASONS
from putright.rules.hazard_scope import HHSRS, HazardKind

USER = settings.AUTH_USER_MODEL


class Hazard(models.Model):
    """One hazard in one home, from the moment the landlord became aware of it."""

    reference = models.CharField(max_length=20, unique=True)
    complaint = models.ForeignKey(
        Complaint, null=True, blank=True, on_delete=models.PROTECT, related_name="hazards"
    )
    contact = models.ForeignKey(
        Contact, null=True, blank=True, on_delete=models.PROTECT, related_name="hazards"
    )
    service_request = models.ForeignKey(
        ServiceRequest, null=True, blank=True, on_delete=models.PROTECT, related_name="hazards"
    )
    resident = models.ForeignKey(
        Resident, null=True, blank=True, on_delete=models.PROTECT, related_name="hazards"
    )
    home = models.TextField(blank=True, help_text="The address of the home the hazard affects")
    household = models.TextField(blank=True, help_text="Who lives there, and any vulnerability")
    vulnerable = models.BooleanField(default=False)
    reported_by = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=12, choices=[(k.value, k.value.title()) for k in HazardKind])
    hazard = models.CharField(max_length=40, blank=True, choices=list(HHSRS.items()))
    description = models.TextField()
    aware_at = models.DateTimeField()
    aware_reason = models.TextField(blank=True, help_text="Why awareness differs from receipt")
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    investigated_at = models.DateTimeField(null=True, blank=True)
    hazard_found = models.BooleanField(null=True, blank=True)
    findings = models.TextField(blank=True)
    summary_sent_on = models.DateField(null=True, blank=True)
    summary_letter = models.TextField(blank=True, help_text="The written summary as sent")
    # What the PDF, Word file and email are made from: the letterhead, recipient and sections
    # as they were when it was sent (putright.hazards.services.summary.summary_snapshot).
    summary_snapshot: Any = models.JSONField(default=dict, blank=True)
    summary_emailed_to = models.EmailField(
        blank=True, help_text="Where putright emailed the summary, if it did"
    )
    made_safe_at = models.DateTimeField(null=True, blank=True)
    safety_work = models.TextField(blank=True)
    accommodation_at = models.DateTimeField(null=True, blank=True)
    accommodation = models.TextField(blank=True)
    works_begun_on = models.DateField(null=True, blank=True)
    works_started_on = models.DateField(null=True, blank=True)
    works_completed_on = models.DateField(null=True, blank=True)
    works = models.TextField(blank=True)
    stopped_at = models.DateTimeField(null=True, blank=True)
    stop_reason = models.CharField(
        max_length=30, blank=True, choices=[(r.value, label) for r, label in STOP_REASONS.items()]
    )
    stop_evidence = models.TextField(blank=True)
    # The soonest open deadline as an instant, stored so the queue and list sort on an index;
    # null once nothing is left to do. Kept in step by every service.
    next_due_at = models.DateTimeField(null=True, blank=True)
    next_duty = models.CharField(max_length=30, blank=True)
    closed = models.BooleanField(default=False)
    # What a period's figures count, kept by every step (rules.hazards.stored_outcomes) so
    # that the performance report aggregates them in SQL instead of judging each hazard in
    # Python: each duty's deadline as an instant and whether it was met, the soonest
    # deadline still open (on a closed hazard too), and the governing phase.
    investigate_due_at = models.DateTimeField(null=True, blank=True)
    investigate_met = models.BooleanField(null=True, blank=True)
    make_safe_due_at = models.DateTimeField(null=True, blank=True)
    make_safe_met = models.BooleanField(null=True, blank=True)
    written_summary_due_at = models.DateTimeField(null=True, blank=True)
    written_summary_met = models.BooleanField(null=True, blank=True)
    begin_further_works_due_at = models.DateTimeField(null=True, blank=True)
    begin_further_works_met = models.BooleanField(null=True, blank=True)
    start_further_works_due_at = models.DateTimeField(null=True, blank=True)
    start_further_works_met = models.BooleanField(null=True, blank=True)
    open_due_at = models.DateTimeField(null=True, blank=True)
    phase = models.CharField(max_length=80, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        indexes = [
            models.Index(fields=["closed", "next_due_at"], name="hazard_open_due"),
            models.Index(fields=["complaint", "closed", "next_due_at"], name="hazard_complaint_due"),
            models.Index(fields=["aware_at"], name="hazard_aware"),
        ]

    def __str__(self) -> str:
        return self.reference


class HazardEvent(AppendOnlyModel):
    """The append-only log of every step on a hazard: who, when, what."""

    hazard = models.ForeignKey(Hazard, on_delete=models.PROTECT, related_name="events")
    at = models.DateTimeField()
    actor = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    actor_label = models.CharField(max_length=200)
    action = models.CharField(max_length=40)
    summary = models.CharField(max_length=500)
    after: Any = models.JSONField(default=dict)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["hazard", "at"])]


class HazardScreen(models.Model):
    """A likely hazard found at intake, waiting for a person to record or dismiss it."""

    class State(models.TextChoices):
        OPEN = "open", "Waiting for a decision"
        RECORDED = "recorded", "Recorded as a hazard"
        DISMISSED = "dismissed", "Dismissed"

    complaint = models.ForeignKey(
        Complaint, null=True, blank=True, on_delete=models.CASCADE, related_name="hazard_screens"
    )
    contact = models.ForeignKey(
        Contact, null=True, blank=True, on_delete=models.CASCADE, related_name="hazard_screens"
    )
    source = models.CharField(max_length=20, help_text="complaint, contact or message")
    kind = models.CharField(max_length=12)
    hazard = models.CharField(max_length=40)
    words = models.CharField(max_length=300)
    vulnerable = models.BooleanField(default=False)
    priority = models.PositiveSmallIntegerField(default=0)
    screened_at = models.DateTimeField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.TextField(blank=True)
    recorded = models.ForeignKey(Hazard, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        indexes = [models.Index(fields=["state", "screened_at"], name="hazard_screen_open")]
