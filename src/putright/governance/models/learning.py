"""Learning from complaints and the service improvements it leads to (Code 9.1-9.3)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from putright.cases.models import Complaint
from putright.landlord.models import Category


class LearningStatus(models.TextChoices):
    IDENTIFIED = "identified", "Identified"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"
    NOT_PROCEEDING = "not_proceeding", "Not going ahead"


class Audience(models.TextChoices):
    SENIOR_LEAD = "senior_lead", "Senior lead for complaints"
    MRC = "mrc", "Member Responsible for Complaints"
    GOVERNING_BODY = "governing_body", "Governing body"
    RESIDENTS_PANEL = "residents_panel", "Residents' panel"
    STAFF = "staff", "Staff"


class LearningItem(models.Model):
    title = models.CharField(max_length=200)
    learning = models.TextField(help_text="What the complaints showed, beyond the individual case (9.1)")
    improvement = models.TextField(help_text="The change to the service (9.2)")
    category = models.ForeignKey(Category, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    complaints = models.ManyToManyField(Complaint, blank=True, related_name="+")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        max_length=16, choices=LearningStatus.choices, default=LearningStatus.IDENTIFIED
    )
    identified_on = models.DateField(db_index=True)
    due_on = models.DateField(null=True, blank=True)
    completed_on = models.DateField(null=True, blank=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-identified_on", "-id"]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return self.title


class LearningReport(models.Model):
    """Who the learning was reported to, and when (9.3, 9.4, 9.7b)."""

    item = models.ForeignKey(LearningItem, on_delete=models.CASCADE, related_name="reports")
    audience = models.CharField(max_length=20, choices=Audience.choices)
    reported_on = models.DateField()
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["reported_on", "id"]
