"""Documents the landlord publishes on its complaints pages (Code 8.2, 8.5)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class PublicationKind(models.TextChoices):
    ANNUAL_REPORT = "annual_report", "Annual complaints performance and service improvement report"
    SELF_ASSESSMENT = "self_assessment", "Self-assessment against the Complaint Handling Code"
    BOARD_REPORT = "board_report", "Report to the governing body"
    EXCEPTIONAL_CIRCUMSTANCES = "exceptional", "Notice of exceptional circumstances"


class Publication(models.Model):
    kind = models.CharField(max_length=20, choices=PublicationKind.choices)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    pdf = models.FileField(upload_to="publications/%Y/")
    docx = models.FileField(upload_to="publications/%Y/", blank=True)
    published_on = models.DateField(db_index=True)
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-published_on", "-id"]

    def __str__(self) -> str:
        return self.title
