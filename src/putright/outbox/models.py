"""Deliveries: each email or letter sending that runs on the task queue, with its attempts.

The queue's own result table says whether one run of a task succeeded; a delivery says
what a person needs to know: what was being sent, for which complaint, how many times it
was tried, and, once the last retry has failed, why. Staff see failed deliveries on the
case page and the complaints officer in the daily reminders, so nothing fails silently.
"""

from __future__ import annotations

from django.db import models


class DeliveryKind(models.TextChoices):
    EMAIL = "email", "Email"
    LETTER_ISSUE = "letter_issue", "Letter issue"
    LETTER_SEND = "letter_send", "Letter sending"
    LETTER_POST = "letter_post", "Letter to GOV.UK Notify for post"
    SMS = "sms", "Text message"
    WEBHOOK = "webhook", "Webhook"
    # The sign-in request for an email on no complaint: queued and run like a real email so
    # the request cannot be told apart by its timing (issue 17 item 3), and sends nothing.
    DISCARD = "discard", "Nothing to send"


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"


class Delivery(models.Model):
    kind = models.CharField(max_length=20, choices=DeliveryKind.choices)
    status = models.CharField(max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED)
    complaint = models.ForeignKey(
        "cases.Complaint", null=True, blank=True, on_delete=models.PROTECT, related_name="deliveries"
    )
    summary = models.CharField(max_length=300, help_text="What is being sent, for staff to read")
    # What the task needs. Cleared once the delivery ends: a sign-in code must not outlive its email.
    payload = models.JSONField(default=dict, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField()
    last_tried_at = models.DateTimeField(null=True, blank=True)
    next_try_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Set when a provider (GOV.UK Notify) took the message: its id, and the latest delivery
    # receipt it sent back ("delivered", "permanent-failure", ...).
    provider_reference = models.CharField(max_length=64, blank=True, db_index=True)
    provider_status = models.CharField(max_length=40, blank=True)

    class Meta:
        indexes = [models.Index(fields=["status", "complaint"])]
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.summary} ({self.status})"
