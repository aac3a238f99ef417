"""What arrives before (or instead of) a complaint: contacts and service requests (Code 1.2-1.6, 3.2).

Kept apart from the complaint: a contact may become a complaint, a service request, or
neither, and a service request carries on whatever complaint it raises (1.5).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from putright.cases.models.people import Channel, Resident, channel_phrase
from putright.landlord.models import Category

USER = settings.AUTH_USER_MODEL


class ServiceRequest(models.Model):
    """A request to put something right (Code 1.4): recorded, monitored, reviewed."""

    class State(models.TextChoices):
        OPEN = "open", "Open"
        COMPLETED = "completed", "Completed"
        CANCELLED = "cancelled", "Cancelled"

    reference = models.CharField(max_length=20, unique=True)
    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, related_name="service_requests")
    description = models.TextField()
    category = models.ForeignKey(Category, null=True, blank=True, on_delete=models.SET_NULL)
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    opened_on = models.DateField()
    review_on = models.DateField(db_index=True)
    completed_on = models.DateField(null=True, blank=True)
    owner = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["state", "review_on"])]


class Contact(models.Model):
    """Any expression received by any channel by any member of staff (1.2-1.6, 3.2)."""

    class Triage(models.TextChoices):
        UNTRIAGED = "", "Not yet triaged"
        COMPLAINT = "complaint", "Complaint"
        SERVICE_REQUEST = "service_request", "Service request"
        SURVEY_FEEDBACK = "survey_feedback", "Survey feedback"

    resident = models.ForeignKey(Resident, null=True, blank=True, on_delete=models.SET_NULL)
    channel = models.CharField(max_length=20, choices=Channel.choices)
    received_at = models.DateTimeField()
    received_on = models.DateField()
    summary = models.TextField()
    recorded_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    triage = models.CharField(max_length=20, choices=Triage.choices, default=Triage.UNTRIAGED, blank=True)
    choice_to_complain_offered = models.BooleanField(default=False)
    # Recorded only when someone confirms it was done, with how and when (1.6): never by default.
    how_to_complain_given = models.BooleanField(default=False)
    how_to_complain_method = models.CharField(max_length=200, blank=True)
    how_to_complain_given_on = models.DateField(null=True, blank=True)
    triaged_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    triaged_at = models.DateTimeField(null=True, blank=True)
    # Named by label: the complaint's own module refers to `ServiceRequest` here, so importing
    # `Complaint` back would be a cycle.
    complaint = models.ForeignKey("cases.Complaint", null=True, blank=True, on_delete=models.SET_NULL)
    service_request = models.ForeignKey(ServiceRequest, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        indexes = [models.Index(fields=["triage", "received_at"])]

    @property
    def received_how(self) -> str:
        return channel_phrase(self.channel)
