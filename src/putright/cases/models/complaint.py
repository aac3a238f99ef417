"""The complaint, its stages and what happens at each (Code sections 1, 2, 5 and 6)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from putright.cases.models.people import Channel, Representative, Resident
from putright.landlord.models import Category

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


class ServiceRequest(models.Model):
    """A request to put something right (Code 1.4): recorded, monitored, reviewed."""

    class State(models.TextChoices):
        OPEN = "open", "Open"
        COMPLETED = "completed", "Completed"
        CANCELLED = "cancelled", "Cancelled"

    reference = models.CharField(max_length=20, unique=True)
    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, related_name="service_requests")
    description = models.TextField()
    category = models.ForeignKey(Category, null=True, blank=True, on_delete=models.SET_NULL)
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    opened_on = models.DateField()
    review_on = models.DateField(db_index=True)
    completed_on = models.DateField(null=True, blank=True)
    owner = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["state", "review_on"])]


class Complaint(models.Model):
    reference = models.CharField(max_length=20, unique=True)
    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, related_name="complaints")
    representative = models.ForeignKey(
        Representative, null=True, blank=True, on_delete=models.SET_NULL, related_name="complaints"
    )
    category = models.ForeignKey(Category, null=True, blank=True, on_delete=models.SET_NULL)
    channel = models.CharField(max_length=20, choices=Channel.choices)
    description = models.TextField()
    received_at = models.DateTimeField()
    received_on = models.DateField(db_index=True, help_text="The date in England at receipt")
    issue_occurred_on = models.DateField(null=True, blank=True)
    aware_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.RECEIVED)
    stage = models.PositiveSmallIntegerField(default=1)
    handler = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="complaints_handled"
    )
    # The next Code deadline at the current stage, stored so the queue is one indexed scan.
    next_due = models.DateField(null=True, blank=True)
    vulnerable = models.BooleanField(default=False)
    # Sort keys written only by the hazard services from the complaint's open hazard records:
    # the most urgent kind and the soonest hazard deadline (which leads the queue when sooner).
    hazard = models.CharField(max_length=12, choices=Hazard.choices, default=Hazard.NONE, blank=True)
    hazard_due_at = models.DateTimeField(null=True, blank=True)
    priority = models.PositiveSmallIntegerField(default=0, help_text="Higher is more urgent (6.1)")
    service_request = models.ForeignKey(
        ServiceRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="complaints"
    )
    linked_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="linked_complaints"
    )
    closed_on = models.DateField(null=True, blank=True)
    withdrawn_on = models.DateField(null=True, blank=True)
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
            models.Index(fields=["-priority", "hazard_due_at", "next_due"], name="complaint_priority"),
            # A caseworker's own open complaints in queue order, read in order with no sort
            # (the condition is the "open" filter of `complaints_filtered`).
            models.Index(
                fields=["handler", "-priority", "hazard_due_at", "next_due", "id"],
                condition=models.Q(status__in=["received", "acknowledged", "responded"]),
                name="complaint_handler_open",
            ),
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


class StageRecord(models.Model):
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="stages")
    stage = models.PositiveSmallIntegerField()
    requested_at = models.DateTimeField()
    requested_on = models.DateField()
    escalation_reason = models.TextField(blank=True, help_text="Optional: never required (6.12)")
    acknowledge_by = models.DateField(db_index=True)
    acknowledged_on = models.DateField(null=True, blank=True)
    definition = models.TextField(blank=True)
    outcomes_sought = models.TextField(blank=True)
    responsibility = models.TextField(
        blank=True, help_text="Aspects the landlord is and is not responsible for (5.7)"
    )
    handler = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="stage_records"
    )
    respond_by = models.DateField(null=True, blank=True, db_index=True)
    extension_days = models.PositiveSmallIntegerField(default=0)
    responded_on = models.DateField(null=True, blank=True, db_index=True)
    decision = models.CharField(max_length=16, choices=Decision.choices, blank=True)
    reasons = models.TextField(blank=True)

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
    notified_on = models.DateField()
    ombudsman_details_given = models.BooleanField(default=True)
    new_respond_by = models.DateField()
    created_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]


class RefusalReason(models.TextChoices):
    OVER_12_MONTHS = "over_12_months", "The issue arose more than 12 months ago"
    LEGAL_PROCEEDINGS = "legal_proceedings", "Legal proceedings have started"
    PREVIOUSLY_CONSIDERED = "previously_considered", "Already considered under the policy"
    OTHER = "other", "Another reason set out in the policy"


class Refusal(models.Model):
    """A decision not to accept a complaint (2.1-2.5) or not to escalate it (5.11)."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="refusals")
    stage = models.PositiveSmallIntegerField(help_text="1: not accepted; 2: escalation refused")
    reason = models.CharField(max_length=24, choices=RefusalReason.choices)
    evidence = models.TextField(blank=True)
    explanation = models.TextField()
    refused_on = models.DateField()
    created_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL)


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
    due_on = models.DateField(null=True, blank=True, db_index=True)
    agreed_with_resident = models.BooleanField(default=False)
    completed_on = models.DateField(null=True, blank=True, db_index=True)
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
    promise_on = models.DateField(db_index=True)
    completed_on = models.DateField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["promise_on", "id"], condition=models.Q(completed_on__isnull=True), name="action_open"
            )
        ]


class ActionUpdate(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    text = models.TextField()
    given_on = models.DateField()
    created_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL)


class UpdateAgreement(models.Model):
    """Intervals agreed with the resident when a response will be late (5.9)."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="update_agreements")
    interval_working_days = models.PositiveSmallIntegerField()
    agreed_on = models.DateField()
    next_update_on = models.DateField(db_index=True)
    method = models.CharField(max_length=40, blank=True)
    active = models.BooleanField(default=True)


class Contact(models.Model):
    """Any expression received by any channel by any member of staff (1.2-1.6, 3.2)."""

    class Triage(models.TextChoices):
        UNTRIAGED = "", "Not yet triaged"
        COMPLAINT = "complaint", "Complaint"
        SERVICE_REQUEST = "service_request", "Service request"
        SURVEY_FEEDBACK = "survey_feedback", "Survey feedback"

    resident = models.ForeignKey(Resident, null=True, blank=True, on_delete=models.SET_NULL)
    channel = models.CharField(max_length=20, choices=Channel.choices)
    received_at = models.DateTimeField()
    received_on = models.DateField()
    summary = models.TextField()
    recorded_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    triage = models.CharField(max_length=20, choices=Triage.choices, default=Triage.UNTRIAGED, blank=True)
    choice_to_complain_offered = models.BooleanField(default=False)
    how_to_complain_given = models.BooleanField(default=False)
    triaged_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    triaged_at = models.DateTimeField(null=True, blank=True)
    complaint = models.ForeignKey(Complaint, null=True, blank=True, on_delete=models.SET_NULL)
    service_request = models.ForeignKey(ServiceRequest, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        indexes = [models.Index(fields=["triage", "received_at"])]
