"""Endpoints of housing systems that receive case events, and the log of what was sent them."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class WebhookEvent(models.TextChoices):
    CREATED = "complaint.created", "Complaint created"
    ACKNOWLEDGED = "complaint.acknowledged", "Complaint acknowledged"
    RESPONDED = "complaint.responded", "Complaint responded to"
    ESCALATED = "complaint.escalated", "Complaint escalated to stage 2"
    CLOSED = "complaint.closed", "Complaint closed (closed, withdrawn or refused)"
    HAZARD_RECORDED = "hazard.recorded", "Hazard recorded"


class WebhookEndpoint(models.Model):
    url = models.URLField(max_length=500)
    events = models.JSONField(default=list, help_text="WebhookEvent values this endpoint receives")
    # Kept to sign each request; shown to the complaints officer once, when the endpoint is made.
    secret = models.CharField(max_length=100)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return self.url


class WebhookDelivery(models.Model):
    """One event sent (or being sent) to one endpoint; its attempts live on the outbox delivery."""

    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.PROTECT, related_name="deliveries")
    event = models.ForeignKey("cases.CaseEvent", on_delete=models.PROTECT, related_name="+")
    event_name = models.CharField(max_length=40, choices=WebhookEvent.choices)
    body = models.TextField()
    delivery = models.OneToOneField("outbox.Delivery", on_delete=models.PROTECT, related_name="webhook")
    response_status = models.PositiveSmallIntegerField(null=True, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["endpoint", "event"], name="webhook_event_once_per_endpoint")
        ]
