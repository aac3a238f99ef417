"""What reminders were sent, so running `putright remind` twice in a day sends nothing twice."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class SentReminder(models.Model):
    """One reminder item sent to one person on one day.

    `kind` is the reminder type (work, digest, review); `subject_key` names what it was
    about (a complaint and its deadline, an adjustment...). The unique constraint is the
    guarantee: a second run the same day finds the row and skips the item.
    """

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20)
    subject_key = models.CharField(max_length=120)
    day = models.DateField()
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "subject_key", "day"], name="reminder_once_per_day"
            )
        ]
        indexes = [models.Index(fields=["day"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.subject_key} to {self.recipient_id} on {self.day}"
