"""Letters to residents and the landlord's letter templates. Thin models.

A letter is drafted from the case's structured fields, checked against what the Code
requires (`putright.rules.letters`), then issued: its PDF and DOCX are rendered once,
stored with their SHA-256, and from then on the letter never changes. Sending only
adds when and how it went (`sent_at`, `correspondence`), each set once.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from putright.cases.models import CaseEvent, Complaint, Correspondence
from putright.rules.letters import LetterKind, letter_label

USER = settings.AUTH_USER_MODEL

KIND_CHOICES = [(kind.value, letter_label(kind)[0].upper() + letter_label(kind)[1:]) for kind in LetterKind]


class LetterIsIssued(Exception):
    """Raised on any attempt to change or delete what an issued letter said."""


class LetterStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    ISSUED = "issued", "Issued"


class LetterChannel(models.TextChoices):
    EMAIL = "email", "Email"
    POST = "post", "Post"


# What the resident was told: fixed at issue. Only the record of sending may follow.
FROZEN_AT_ISSUE = (
    "complaint_id",
    "stage",
    "kind",
    "status",
    "event_id",
    "template_id",
    "content",
    "subject",
    "body_html",
    "created_at",
    "issued_at",
    "issued_by_id",
    "channel",
    "recipient",
    "recipient_address",
    "copy_recipient",
    "copy_relationship",
    "copy_channel",
    "copy_address",
    "large_print",
    "pdf",
    "pdf_sha256",
    "docx",
    "docx_sha256",
)
SET_ONCE = ("sent_at", "correspondence_id", "copy_sent_at", "copy_correspondence_id")
# A letter with GOV.UK Notify to print and post: out of the print queue until it is posted
# or Notify gives it back.
WITH_NOTIFY = ("queued", "pending-virus-check", "accepted")


class LetterQuerySet(models.QuerySet["Letter"]):
    def update(self, **kwargs: Any) -> int:
        # Bulk updates bypass save(), so they may only touch drafts.
        if self.filter(status=LetterStatus.ISSUED).exists():
            raise LetterIsIssued("issued letters cannot be changed in bulk")
        return super().update(**kwargs)

    def delete(self) -> tuple[int, dict[str, int]]:
        if self.filter(status=LetterStatus.ISSUED).exists():
            raise LetterIsIssued("issued letters cannot be deleted")
        return super().delete()


class LetterTemplate(models.Model):
    """The landlord's wording for one kind of letter. Saving makes a new version; old ones stay,
    because issued letters point at the version they were written from."""

    kind = models.CharField(max_length=32, choices=KIND_CHOICES)
    body = models.TextField(help_text="Wording with placeholders such as {{ reference }}")
    signature = models.TextField(blank=True, help_text="Name and job title under the letter")
    logo = models.FileField(upload_to="letters/logos/", blank=True)
    logo_content_type = models.CharField(max_length=20, blank=True)
    version = models.PositiveIntegerField()
    active = models.BooleanField(default=True)
    created_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["kind", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "version"], name="letter_template_version_once"),
            models.UniqueConstraint(
                fields=["kind"], condition=models.Q(active=True), name="letter_template_one_active"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} v{self.version}"


class Letter(models.Model):
    complaint = models.ForeignKey(Complaint, on_delete=models.PROTECT, related_name="letters")
    stage = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=32, choices=KIND_CHOICES)
    status = models.CharField(max_length=8, choices=LetterStatus.choices, default=LetterStatus.DRAFT)
    event = models.OneToOneField(
        CaseEvent, null=True, blank=True, on_delete=models.PROTECT, related_name="letter"
    )
    template = models.ForeignKey(
        LetterTemplate, null=True, blank=True, on_delete=models.PROTECT, related_name="letters"
    )
    content: Any = models.JSONField(default=dict, help_text="The structured content, by placeholder")
    subject = models.CharField(max_length=300)
    body_html = models.TextField(help_text="The letter's body as HTML, as sent by email")
    created_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    issued_at = models.DateTimeField(null=True, blank=True)
    issued_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    channel = models.CharField(max_length=8, choices=LetterChannel.choices)
    recipient = models.CharField(max_length=200)
    recipient_address = models.TextField(blank=True, help_text="Email address or postal address")
    # A copy to the resident's representative (Code 3.6), only when their consent is recorded.
    # Blank when there is no copy. Set at drafting like the recipient, fixed at issue.
    copy_recipient = models.CharField(max_length=200, blank=True)
    copy_relationship = models.CharField(max_length=120, blank=True)
    copy_channel = models.CharField(max_length=8, choices=LetterChannel.choices, blank=True)
    copy_address = models.TextField(blank=True, help_text="The representative's email or postal address")
    large_print = models.BooleanField(default=False)
    pdf = models.FileField(upload_to="letters/%Y/%m/", blank=True)
    pdf_sha256 = models.CharField(max_length=64, blank=True)
    docx = models.FileField(upload_to="letters/%Y/%m/", blank=True)
    docx_sha256 = models.CharField(max_length=64, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    correspondence = models.OneToOneField(
        Correspondence, null=True, blank=True, on_delete=models.PROTECT, related_name="letter"
    )
    copy_sent_at = models.DateTimeField(null=True, blank=True)
    # The entry recording the copy: the same one as `correspondence` when both went together.
    copy_correspondence = models.ForeignKey(
        Correspondence, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    send_error = models.TextField(blank=True, help_text="Why the last attempt to send failed")
    # The resident's letter for post when GOV.UK Notify prints and posts it: Notify's id for
    # it, and its latest status ("queued" until the worker hands it over, then Notify's own:
    # "pending-virus-check", "accepted", "received" once posted, or a failure).
    post_reference = models.CharField(max_length=64, blank=True, db_index=True)
    post_status = models.CharField(max_length=40, blank=True)
    issue_error = models.TextField(
        blank=True, help_text="Why the letter could not be made (a draft that was meant to go by itself)"
    )

    objects = LetterQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["complaint", "created_at"], name="letter_by_complaint"),
            models.Index(fields=["channel", "status", "sent_at"], name="letter_print_queue"),
            models.Index(fields=["copy_channel", "status", "copy_sent_at"], name="letter_copy_print_queue"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(stage__in=[1, 2]), name="letter_two_stages_only"),
            models.CheckConstraint(
                condition=models.Q(status=LetterStatus.DRAFT)
                | (~models.Q(pdf_sha256="") & ~models.Q(docx_sha256="") & models.Q(issued_at__isnull=False)),
                name="letter_issued_has_files",
            ),
            models.CheckConstraint(
                condition=(models.Q(copy_recipient="") & models.Q(copy_channel=""))
                | (~models.Q(copy_recipient="") & models.Q(copy_channel__in=LetterChannel.values)),
                name="letter_copy_has_channel",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.complaint_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not self._state.adding:
            stored = Letter.objects.filter(pk=self.pk).values(*FROZEN_AT_ISSUE, *SET_ONCE).first()
            if stored and stored["status"] == LetterStatus.ISSUED:
                _refuse_changes(self, stored)
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        if self.status == LetterStatus.ISSUED or (
            self.pk and Letter.objects.filter(pk=self.pk, status=LetterStatus.ISSUED).exists()
        ):
            raise LetterIsIssued(f"letter {self.pk} is issued and cannot be deleted")
        return super().delete(*args, **kwargs)

    @property
    def copy_to(self) -> str:
        """'Bob Smith (son)': how the letter names the representative who gets a copy, or ''."""
        if not self.copy_recipient:
            return ""
        return (
            f"{self.copy_recipient} ({self.copy_relationship})"
            if self.copy_relationship
            else self.copy_recipient
        )

    @property
    def copy_waiting(self) -> bool:
        return bool(self.copy_channel) and self.copy_sent_at is None

    @property
    def email_waiting(self) -> bool:
        """An issued letter with an email (to the resident or the copy) not yet sent."""
        return self.status == LetterStatus.ISSUED and (
            (self.channel == LetterChannel.EMAIL and self.sent_at is None)
            or (self.copy_channel == LetterChannel.EMAIL and self.copy_sent_at is None)
        )

    @property
    def with_notify(self) -> bool:
        """The resident's letter is with GOV.UK Notify to be printed and posted."""
        return self.sent_at is None and self.post_status in WITH_NOTIFY

    @property
    def post_waiting(self) -> bool:
        """An issued letter with a printed letter (to the resident or the copy) for staff to post."""
        return self.status == LetterStatus.ISSUED and (
            (self.channel == LetterChannel.POST and self.sent_at is None and not self.with_notify)
            or (self.copy_channel == LetterChannel.POST and self.copy_sent_at is None)
        )


def _refuse_changes(letter: Letter, stored: dict[str, Any]) -> None:
    for name in FROZEN_AT_ISSUE:
        value = getattr(letter, name)
        if hasattr(value, "name") and not isinstance(value, str):
            value = value.name or ""
        if value != stored[name]:
            raise LetterIsIssued(f"letter {letter.pk} is issued: {name} cannot change")
    for name in SET_ONCE:
        if stored[name] is not None and getattr(letter, name) != stored[name]:
            raise LetterIsIssued(f"letter {letter.pk} is issued: {name} is already recorded")
