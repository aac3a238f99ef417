"""Where each imported complaint came from (its provenance) and each run of an import."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class RunStatus(models.TextChoices):
    # Uploaded from the staff page, its mapping not yet confirmed.
    DRAFT = "draft", "Not started"
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Importing"
    FINISHED = "finished", "Finished"


class ImportRun(models.Model):
    file_name = models.CharField(max_length=255)
    # The uploaded file (staff page only; the command reads the file where it is).
    upload = models.FileField(upload_to="imports/%Y/%m/", blank=True)
    mapping = models.JSONField(default=dict, help_text="field -> header in the file")
    status = models.CharField(max_length=10, choices=RunStatus.choices, default=RunStatus.RUNNING)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    dry_run = models.BooleanField(default=False)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    total_rows = models.PositiveIntegerField(default=0)
    done_rows = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    # [{"row": 7, "column": "received date", "message": "..."}], for the page and the CSV.
    errors = models.JSONField(default=list)


class ImportedComplaint(models.Model):
    """Marks a complaint as imported and keeps the landlord's own reference, unique, so a
    re-run of the same file updates the complaint instead of adding a second one."""

    complaint = models.OneToOneField("cases.Complaint", on_delete=models.CASCADE, related_name="imported")
    external_reference = models.CharField(max_length=100, unique=True)
    run = models.ForeignKey(ImportRun, on_delete=models.PROTECT, related_name="complaints")
    file_name = models.CharField(max_length=255)
    row_number = models.PositiveIntegerField()
    imported_at = models.DateTimeField()
    code_edition = models.CharField(max_length=20, help_text="The Code in force on the day it was received")
