"""What a response promises the resident, tracked until kept (Code 5.9, 6.6, 6.17, 7.3).

Remedies and outstanding actions (with every update and moved date), and the intervals
agreed for updates while a response is late. Each keeps the date first promised, so the
figures measure "kept on time" against it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from putright.cases.models.complaint import Complaint

USER = settings.AUTH_USER_MODEL


class RemedyKind(models.TextChoices):
    APOLOGY = "apology", "Apology"
    ACKNOWLEDGEMENT = "acknowledgement", "Acknowledging what went wrong"
    EXPLANATION = "explanation", "Explanation, help or reasons"
    ACT_ON_DELAY = "act_on_delay", "Acting on a delay"
    RECONSIDER = "reconsider", "Reconsidering or changing a decision"
    AMEND_RECORD = "amend_record", "Amending a record"
    FINANCIAL = "financial", "Financial remedy"
    CHANGE_POLICY = "change_policy", "Changing policy or practice"


class Remedy(models.Model):
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="remedies")
    stage = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=20, choices=RemedyKind.choices)
    description = models.TextField(help_text="What will happen (7.3)")
    amount = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    # The compensation band a financial remedy was weighed against (7.4), and why an amount
    # outside it was right.
    band = models.CharField(max_length=40, blank=True)
    band_reason = models.TextField(blank=True)
    due_on = models.DateField(null=True, blank=True, db_index=True)
    agreed_with_resident = models.BooleanField(default=False)
    completed_on = models.DateField(null=True, blank=True, db_index=True)
    completion_recorded_on = models.DateField(null=True, blank=True)
    completion_late_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # Remedies still to do, counted and checked against their date from the index alone.
        indexes = [
            models.Index(
                fields=["due_on", "id"], condition=models.Q(completed_on__isnull=True), name="remedy_open"
            )
        ]


class Action(models.Model):
    """An outstanding action promised in a response (6.6, 6.17), tracked to completion."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="actions")
    stage = models.PositiveSmallIntegerField()
    description = models.TextField()
    owner = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL)
    promise_on = models.DateField(db_index=True, help_text="The date now promised")
    # The date first promised in the response: moving the promise later never moves the
    # measure, so "kept on time" and "overdue" are counted against this (6.6, 6.17).
    first_promise_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["first_promise_on", "id"],
                condition=models.Q(completed_on__isnull=True),
                name="action_open",
            ),
            # Someone's open actions, the earliest promise first (their queue and the team
            # view): read in order from the index, and counted from it, at any size.
            models.Index(
                fields=["owner", "promise_on", "id"],
                condition=models.Q(completed_on__isnull=True),
                name="action_owner_open",
            ),
        ]

    @property
    def promise_moved(self) -> bool:
        return self.promise_on != self.first_promise_on


class ActionUpdate(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    text = models.TextField()
    given_on = models.DateField()
    recorded_on = models.DateField(null=True, blank=True)
    late_entry_reason = models.TextField(blank=True)
    # A moved promise: from and to, why, and when and how the resident was told (6.6, 6.17).
    promise_moved_from = models.DateField(null=True, blank=True)
    promise_moved_to = models.DateField(null=True, blank=True)
    promise_change_reason = models.TextField(blank=True)
    resident_told_on = models.DateField(null=True, blank=True)
    resident_told_how = models.CharField(max_length=60, blank=True)
    created_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL)


class UpdateAgreement(models.Model):
    """Intervals agreed with the resident when a response will be late (5.9)."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="update_agreements")
    interval_working_days = models.PositiveSmallIntegerField()
    agreed_on = models.DateField()
    next_update_on = models.DateField(db_index=True)
    method = models.CharField(max_length=40, blank=True)
    active = models.BooleanField(default=True)
    # The London day it was entered, and why it names an earlier day (Code 5.12).
    recorded_on = models.DateField(null=True, blank=True)
    late_entry_reason = models.TextField(blank=True)
