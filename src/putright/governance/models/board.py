"""The report to the governing body (Code 9.6, 9.7) as it was sent: kept, never changed."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class BoardReportVersion(models.Model):
    """One period's board report exactly as sent: figures and text as JSON, the PDF and Word files,
    and the PDF's SHA-256. A later send for the same period is the next version."""

    period_start = models.DateField()
    period_end = models.DateField()
    number = models.PositiveIntegerField()
    sent_on = models.DateField()
    sent_at = models.DateTimeField()
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(max_length=300)
    content = models.JSONField()
    pdf = models.FileField(upload_to="board-reports/%Y/")
    docx = models.FileField(upload_to="board-reports/%Y/")
    sha256 = models.CharField(max_length=64)
    # The governing body's response to this version, and only this one: a later version of the
    # same period is different figures and needs its own. Kept as recorded once recorded.
    response = models.TextField(blank=True)
    response_on = models.DateField(null=True, blank=True)
    response_recorded_at = models.DateTimeField(null=True, blank=True)
    response_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-period_end", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["period_start", "period_end", "number"], name="board_report_version_number_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(response_on__isnull=True) | models.Q(response_on__gte=models.F("sent_on")),
                name="board_report_response_not_before_sent",
            ),
        ]
