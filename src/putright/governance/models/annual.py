"""The annual complaints performance and service improvement report (Code 8.1, 8.2)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from putright.governance.models.publications import Publication


class AnnualReport(models.Model):
    """One year's report: the figures come live from the record; the words are kept here."""

    period_start = models.DateField()
    period_end = models.DateField()
    commentary = models.TextField(
        blank=True, help_text="Qualitative analysis of complaint handling performance (8.1b)"
    )
    other_ombudsman_reports = models.TextField(
        blank=True, help_text="Other reports or publications by the Ombudsman about the landlord (8.1f)"
    )
    presented_to_governing_body_on = models.DateField(null=True, blank=True)
    governing_body_response = models.TextField(blank=True, help_text="Published with the report (8.2)")
    response_recorded_on = models.DateField(null=True, blank=True)
    publication = models.ForeignKey(
        Publication, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-period_end", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["period_start", "period_end"], name="one_annual_report_per_year"),
            models.CheckConstraint(
                condition=models.Q(period_start__lte=models.F("period_end")),
                name="annual_report_period_in_order",
            ),
        ]


class AnnualReportDocument(models.Model):
    """The Ombudsman's annual report on the landlord (8.1e), uploaded as a PDF checked by content."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(upload_to="ombudsman-reports/%Y/")
    original_name = models.CharField(max_length=255)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_on = models.DateField()

    class Meta:
        ordering = ["uploaded_on", "id"]
