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
    # Statements of absence are printed only when a person confirmed them (never by default).
    no_ombudsman_annual_report = models.BooleanField(
        default=False,
        help_text="Confirmed: the Ombudsman published no annual report on us for the year (8.1e)",
    )
    no_other_ombudsman_reports = models.BooleanField(
        default=False,
        help_text="Confirmed: the Ombudsman published no other report about us in the year (8.1f)",
    )
    # Counts changes to what the report says (words or attachments). A version records the
    # revision it froze; once the report moves on, that version is out of date and the next
    # version needs its own response. A counter, not a time: two actions can share a clock tick.
    revision = models.PositiveIntegerField(default=0)
    publication = models.ForeignKey(
        Publication, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_version = models.ForeignKey(
        "AnnualReportVersion", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
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


class AnnualReportVersion(models.Model):
    """The report exactly as the governing body received it (Code 8.2): its figures and text as JSON
    and the rendered PDF and Word files with the PDF's SHA-256. Never changed once made, except
    that the governing body's response is recorded against it."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    report_revision = models.PositiveIntegerField(help_text="The report's revision this version froze")
    sent_on = models.DateField(help_text="The day the version went to the governing body")
    sent_at = models.DateTimeField()
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(max_length=300)
    content = models.JSONField(help_text="The blocks and figures as sent")
    pdf = models.FileField(upload_to="annual-reports/%Y/")
    docx = models.FileField(upload_to="annual-reports/%Y/")
    sha256 = models.CharField(max_length=64)
    response = models.TextField(blank=True)
    response_on = models.DateField(null=True, blank=True)
    response_recorded_at = models.DateTimeField(null=True, blank=True)
    response_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["report", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="annual_report_version_number_unique"),
            models.CheckConstraint(
                condition=models.Q(response_on__isnull=True) | models.Q(response_on__gte=models.F("sent_on")),
                name="annual_report_response_not_before_sent",
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
