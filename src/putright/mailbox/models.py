"""Every message read from the complaints mailbox, once, and what became of it."""

from __future__ import annotations

from django.db import models


class Outcome(models.TextChoices):
    CONTACT = "contact", "A contact waiting for triage"
    CORRESPONDENCE = "correspondence", "Added to a complaint's record"
    AUTO_REPLY = "auto_reply", "An automatic reply: skipped"
    BOUNCE = "bounce", "A delivery failure report: skipped"


class InboundEmail(models.Model):
    # The Message-ID (or, without one, the message's own bytes) hashed: the key that makes
    # each message read once, however often the mailbox is polled.
    key = models.CharField(max_length=64, unique=True)
    message_id = models.CharField(max_length=500, blank=True)
    sender = models.CharField(max_length=320, blank=True)
    subject = models.CharField(max_length=300, blank=True)
    received_at = models.DateTimeField()
    read_at = models.DateTimeField()
    outcome = models.CharField(max_length=16, choices=Outcome.choices)
    contact = models.ForeignKey("cases.Contact", null=True, blank=True, on_delete=models.SET_NULL)
    complaint = models.ForeignKey("cases.Complaint", null=True, blank=True, on_delete=models.SET_NULL)
    # Attachments not kept (wrong type, too large), with the reason, for the person triaging.
    refused_files = models.JSONField(default=list)


class InboundAttachment(models.Model):
    """A file sent with a new contact, kept until triage (a complaint's files live on it)."""

    email = models.ForeignKey(InboundEmail, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="mailbox/%Y/%m/")
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
