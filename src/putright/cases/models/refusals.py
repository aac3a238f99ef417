"""Refusals: a complaint not accepted (Code 2.1-2.5) or its escalation refused (5.11).

A refusal stays in the record when it is later reversed (2.4): it is marked reopened.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from putright.cases.models.complaint import Complaint

USER = settings.AUTH_USER_MODEL


class RefusalReason(models.TextChoices):
    OVER_12_MONTHS = "over_12_months", "The issue arose more than 12 months ago"
    LEGAL_PROCEEDINGS = "legal_proceedings", "Legal proceedings have started"
    PREVIOUSLY_CONSIDERED = "previously_considered", "Already considered under the policy"
    OTHER = "other", "Another reason set out in the policy"


class Refusal(models.Model):
    """A decision not to accept a complaint (2.1-2.5) or not to escalate it (5.11)."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="refusals")
    stage = models.PositiveSmallIntegerField(help_text="1: not accepted; 2: escalation refused")
    reason = models.CharField(max_length=24, choices=RefusalReason.choices)
    evidence = models.TextField(blank=True)
    explanation = models.TextField()
    refused_on = models.DateField()
    recorded_on = models.DateField(null=True, blank=True)
    late_entry_reason = models.TextField(blank=True)
    created_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL)
    # Over 12 months (2.3): the resident was aware when it occurred (no separate awareness
    # date), and how discretion to accept it anyway was considered.
    aware_when_occurred = models.BooleanField(default=False)
    discretion = models.TextField(blank=True)
    # Escalation refused (5.11): when stage 2 was asked for, and the 5 working days to
    # answer that request (6.11) the refusal is measured against.
    requested_at = models.DateTimeField(null=True, blank=True)
    requested_on = models.DateField(null=True, blank=True)
    acknowledge_by = models.DateField(null=True, blank=True)
    # A refusal later reversed (2.4): it stays in the record, marked reopened.
    reopened_at = models.DateTimeField(null=True, blank=True)
    reopened_on = models.DateField(null=True, blank=True)
    reopen_reason = models.TextField(blank=True)
