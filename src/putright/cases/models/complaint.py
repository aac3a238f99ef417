"""The complaint and its stages: where it is, who has it, what is due (Code sections 5 and 6).

What arrives before a complaint is in `intake`, a refusal in `refusals`, and what a
response promises in `promises`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from putright.cases.models.intake import ServiceRequest
from putright.cases.models.people import Channel, Representative, Resident, channel_phrase
from putright.landlord.models import Category, ServiceArea

USER = settings.AUTH_USER_MODEL


class Status(models.TextChoices):
    RECEIVED = "received", "Awaiting acknowledgement"
    ACKNOWLEDGED = "acknowledged", "Being investigated"
    RESPONDED = "responded", "Response sent"
    CLOSED = "closed", "Closed"
    REFUSED = "refused", "Not accepted"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Decision(models.TextChoices):
    UPHELD = "upheld", "Upheld"
    PARTLY_UPHELD = "partly_upheld", "Partly upheld"
    NOT_UPHELD = "not_upheld", "Not upheld"


class Hazard(models.TextChoices):
    """The kind of the complaint's most urgent open hazard record (``putright.hazards``)."""

    NONE = "", "No open hazard"
    EMERGENCY = "emergency", "Emergency hazard"
    SIGNIFICANT = "significant", "Significant hazard"


class Complaint(models.Model):
    reference = models.CharField(max_length=20, unique=True)
    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, related_name="complaints")
    representative = models.ForeignKey(
        Representative, null=True, blank=True, on_delete=models.SET_NULL, related_name="complaints"
    )
    category = models.ForeignKey(Category, null=True, blank=True, on_delete=models.SET_NULL)
    # Indexed by the FK: reports group and filter by it.
    service_area = models.ForeignKey(
        ServiceArea, null=True, blank=True, on_delete=models.PROTECT, related_name="complaints"
    )
    channel = models.CharField(max_length=20, choices=Channel.choices)
    description = models.TextField()
    received_at = models.DateTimeField()
    received_on = models.DateField(db_index=True, help_text="The date in England at receipt")
    # The edition of the Code the complaint is judged by (`putright.rules.editions`), fixed at
    # receipt: stored rather than derived from `received_on` so that deadlines and figures read
    # it as a plain column, and an import can state it.
    code_edition = models.CharField(max_length=10, default="hos-2024")
    issue_occurred_on = models.DateField(null=True, blank=True)
    aware_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.RECEIVED)
    stage = models.PositiveSmallIntegerField(default=1)
    handler = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="complaints_handled"
    )
    # The next deadline at the current stage (the landlord's date, told to the resident), stored
    # so the queue is one indexed scan.
    next_due = models.DateField(null=True, blank=True)
    vulnerable = models.BooleanField(default=False)
    # Sort keys written only by the hazard services from the complaint's open hazard records:
    # the most urgent kind and the soonest hazard deadline (which leads the queue when sooner).
    hazard = models.CharField(max_length=12, choices=Hazard.choices, default=Hazard.NONE, blank=True)
    hazard_due_at = models.DateTimeField(null=True, blank=True)
    priority = models.PositiveSmallIntegerField(default=0, help_text="Higher is more urgent (6.1)")
    # The queue's key: the instant the next running deadline passes (hazard duty, acknowledgement,
    # response, or a date promised for a remedy or action); null when none is running. Kept in
    # step by `cases.services.queue_key.refresh_queue_key` on every action.
    due_at = models.DateTimeField(null=True, blank=True)
    service_request = models.ForeignKey(
        ServiceRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="complaints"
    )
    linked_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="linked_complaints"
    )
    closed_on = models.DateField(null=True, blank=True)
    withdrawn_on = models.DateField(null=True, blank=True)
    # How and why the resident withdrew (5.12), and whether a Code deadline had already
    # passed unmet when they did: a withdrawal must not hide a late stage from the figures.
    withdrawal_channel = models.CharField(max_length=20, choices=Channel.choices, blank=True)
    withdrawal_note = models.TextField(blank=True)
    withdrawn_after_deadline = models.BooleanField(default=False)
    escalation_requested_on = models.DateField(null=True, blank=True, db_index=True)
    version = models.PositiveIntegerField(default=1, help_text="Optimistic lock")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Not stored: set by `complaint_log` on the complaint it returns.
    logged_stage: StageRecord | None = None

    class Meta:
        indexes = [
            models.Index(fields=["status", "next_due"], name="complaint_queue"),
            models.Index(fields=["handler", "status", "next_due"], name="complaint_handler_queue"),
            models.Index(fields=["stage", "status"], name="complaint_stage_status"),
            # Open complaints in queue order (the next running deadline, then flags), read in
            # order with no sort; those with nothing running sit together after them (NULLS
            # LAST), ordered by flags. The condition is the "open" filter of `complaints_filtered`.
            models.Index(
                fields=["due_at", "-priority", "id"],
                condition=models.Q(status__in=["received", "acknowledged", "responded"]),
                name="complaint_open_due",
            ),
            # A caseworker's own open complaints in the same order.
            models.Index(
                fields=["handler", "due_at", "-priority", "id"],
                condition=models.Q(status__in=["received", "acknowledged", "responded"]),
                name="complaint_handler_open",
            ),
            # The team view: each handler's open cases by stage and deadline, read in order;
            # the counts per handler and per stage are read from this index alone, not from a
            # heap page per open case. Status and due_at are trailing key columns rather than
            # INCLUDE, which SQLite (the default database) cannot build.
            models.Index(
                fields=["handler", "stage", "next_due", "id", "status", "due_at"],
                condition=models.Q(status__in=["received", "acknowledged", "responded"]),
                name="complaint_team",
            ),
            # Nobody's open cases in the same order: PostgreSQL cannot read "handler IS NULL"
            # in order from the index above, so without this it sorts every one of them.
            models.Index(
                fields=["stage", "next_due", "id"],
                condition=models.Q(
                    handler__isnull=True, status__in=["received", "acknowledged", "responded"]
                ),
                name="complaint_unassigned",
            ),
            # Every complaint in the API's default order (the open ones, soonest deadline
            # first, then the rest), read in order rather than sorting a million rows.
            models.Index(fields=["due_at", "-priority", "id"], name="complaint_list_order"),
            # The newest first: a search for a common name reads these in order until a page
            # of matches is found.
            models.Index(fields=["received_at", "id"], name="complaint_newest"),
            # Complaints ended without a response, for the "overdue as at" figures: small,
            # and read alone (index-only) to leave their stage records out.
            models.Index(
                fields=["withdrawn_on", "id"],
                condition=models.Q(withdrawn_on__isnull=False),
                name="complaint_withdrawn",
            ),
            models.Index(
                fields=["closed_on", "id"], condition=models.Q(status="refused"), name="complaint_refused"
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(stage__in=[1, 2]), name="complaint_two_stages_only"),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def received_how(self) -> str:
        """ "by email", "through a representative": how it reached us, as a sentence says it."""
        return channel_phrase(self.channel)


class StageRecord(models.Model):
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="stages")
    stage = models.PositiveSmallIntegerField()
    requested_at = models.DateTimeField()
    requested_on = models.DateField()
    # Each dated step keeps the day it was entered beside the date given (5.12): a step
    # entered after the date it names is a late entry and carries its reason.
    request_recorded_on = models.DateField(null=True, blank=True)
    request_late_reason = models.TextField(blank=True)
    escalation_reason = models.TextField(blank=True, help_text="Optional: never required (6.12)")
    # `acknowledge_by` and `respond_by` are the landlord's own deadlines, told to the resident and
    # driving the queue (Code 3.4, 5.1); the `code_` pair are the Code's, which CH02 and the
    # compliance figures measure against. Both are set by `cases.services.deadlines` only.
    acknowledge_by = models.DateField(db_index=True)
    code_acknowledge_by = models.DateField(null=True, blank=True)
    acknowledged_on = models.DateField(null=True, blank=True)
    acknowledgement_recorded_on = models.DateField(null=True, blank=True)
    acknowledgement_late_reason = models.TextField(blank=True)
    definition = models.TextField(blank=True)
    outcomes_sought = models.TextField(blank=True)
    responsibility = models.TextField(
        blank=True, help_text="Aspects the landlord is and is not responsible for (5.7)"
    )
    handler = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="stage_records"
    )
    respond_by = models.DateField(null=True, blank=True, db_index=True)
    code_respond_by = models.DateField(null=True, blank=True)
    extension_days = models.PositiveSmallIntegerField(default=0)
    responded_on = models.DateField(null=True, blank=True, db_index=True)
    response_recorded_on = models.DateField(null=True, blank=True)
    response_late_reason = models.TextField(blank=True)
    decision = models.CharField(max_length=16, choices=Decision.choices, blank=True)
    reasons = models.TextField(blank=True)
    no_remedy_reason = models.TextField(
        blank=True, help_text="Why an upheld complaint has no remedy, as told to the resident (6.9e, 6.19e)"
    )
    # How the resident was told when putright did not send the letter (blank: putright sent it).
    acknowledgement_sent_outside = models.TextField(
        blank=True, help_text="How and when the acknowledgement was sent outside putright (5.12)"
    )
    response_sent_outside = models.TextField(
        blank=True, help_text="How and when the response was sent outside putright (5.12)"
    )

    class Meta:
        ordering = ["stage"]
        constraints = [
            models.UniqueConstraint(fields=["complaint", "stage"], name="one_record_per_stage"),
            models.CheckConstraint(condition=models.Q(stage__in=[1, 2]), name="stage_one_or_two"),
        ]
        indexes = [
            models.Index(fields=["stage", "requested_on"]),
            # The stages still awaiting a response, with what "overdue" needs: counted from
            # the index alone, not from a heap page per row.
            models.Index(
                fields=[
                    "requested_on",
                    "stage",
                    "acknowledge_by",
                    "acknowledged_on",
                    "respond_by",
                    "complaint",
                    "id",
                ],
                condition=models.Q(responded_on__isnull=True),
                name="stage_unanswered",
            ),
        ]


class Extension(models.Model):
    stage_record = models.ForeignKey(StageRecord, on_delete=models.CASCADE, related_name="extensions")
    working_days = models.PositiveSmallIntegerField()
    reason = models.TextField()
    good_reason = models.BooleanField(default=False)
    good_reason_explanation = models.TextField(
        blank=True, help_text="Why the cap is passed, as told to the resident (6.4, 6.15)"
    )
    notified_on = models.DateField()
    recorded_on = models.DateField(null=True, blank=True)
    late_entry_reason = models.TextField(blank=True)
    ombudsman_details_given = models.BooleanField(default=True)
    new_respond_by = models.DateField()
    created_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
