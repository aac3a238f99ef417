"""The self-assessment against the Code (Appendix A; Code 8.1-8.4). Thin models only.

Every write goes through `putright.assessment.services`, which stores each saved state
as an immutable `Version` row (who, when, what changed, and the whole state), so the
version table the governing body approves can always be rebuilt exactly.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from putright.core.immutable import AppendOnlyModel
from putright.rules.provisions import Edition

USER = settings.AUTH_USER_MODEL

# The RAG key of seed 002, which landlords may reword (the key text is the landlord's).
DEFAULT_RAG_GREEN = "Compliant with appropriate assurance"
DEFAULT_RAG_AMBER = "Compliant but further assurance needed"
DEFAULT_RAG_RED = "Not compliant and/or significant assurance gaps"

EDITION_CHOICES = [
    (Edition.HOS_2024.value, "Complaint Handling Code 2024"),
    (Edition.HOS_2020.value, "Complaint Handling Code 2020"),
]


class Reason(models.TextChoices):
    ANNUAL = "annual", "Annual self-assessment (Code 8.1, 8.2)"
    RESTRUCTURE = "restructure", "After a restructure (Code 8.3)"
    MERGER = "merger", "After a merger (Code 8.3)"
    PROCEDURE_CHANGE = "procedure_change", "After a change of procedure (Code 8.3)"
    OMBUDSMAN_REQUEST = "ombudsman_request", "At the Ombudsman's request (Code 8.4)"


class Comply(models.TextChoices):
    NOT_ANSWERED = "", "Not answered"
    YES = "yes", "Yes"
    PARTLY = "partly", "Partly"
    NO = "no", "No"
    NOT_APPLICABLE = "n/a", "Not applicable"


# Answers that say the landlord falls short or the provision does not apply need reasons.
COMPLY_NEEDS_EXPLANATION = frozenset({Comply.NO, Comply.PARTLY, Comply.NOT_APPLICABLE})


class Rag(models.TextChoices):
    NONE = "", "Not rated"
    GREEN = "green", "Green"
    AMBER = "amber", "Amber"
    RED = "red", "Red"


class ActionStatus(models.TextChoices):
    OPEN = "open", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Completed"


class Assessment(models.Model):
    title = models.CharField(max_length=200)
    edition = models.CharField(max_length=10, choices=EDITION_CHOICES, default=Edition.HOS_2024.value)
    reason = models.CharField(max_length=20, choices=Reason.choices, default=Reason.ANNUAL)
    reason_detail = models.TextField(
        blank=True, help_text="What changed (8.3) or the Ombudsman's request and case (8.4)"
    )
    period_start = models.DateField()
    period_end = models.DateField()
    rag_green = models.CharField(max_length=300, default=DEFAULT_RAG_GREEN)
    rag_amber = models.CharField(max_length=300, default=DEFAULT_RAG_AMBER)
    rag_red = models.CharField(max_length=300, default=DEFAULT_RAG_RED)
    # The number of the latest Version row; also the optimistic lock for whole-assessment changes.
    revision = models.PositiveIntegerField(default=0)
    completed_on = models.DateField(null=True, blank=True)
    completed_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    completed_by_name = models.CharField(max_length=200, blank=True)
    previous = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="followers"
    )
    created_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-period_end", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="assessment_period_in_order",
            )
        ]

    def __str__(self) -> str:
        return self.title


class EvidenceDocument(models.Model):
    """A document relied on as evidence (the policy, training material), checked on upload."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to="assessment/%Y/%m/")
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField()

    class Meta:
        ordering = ["title", "id"]


class Answer(models.Model):
    """The landlord's answer to one provision: comply, evidence, commentary, RAG."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    provision_id = models.CharField(max_length=10)
    position = models.PositiveSmallIntegerField()
    comply = models.CharField(max_length=8, choices=Comply.choices, default=Comply.NOT_ANSWERED, blank=True)
    evidence = models.TextField(blank=True)
    commentary = models.TextField(blank=True)
    rag = models.CharField(max_length=5, choices=Rag.choices, default=Rag.NONE, blank=True)
    documents = models.ManyToManyField(EvidenceDocument, blank=True, related_name="answers")
    revision = models.PositiveIntegerField(default=1, help_text="Optimistic lock")
    updated_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "provision_id"], name="one_answer_per_provision")
        ]


class EvidenceSource(models.TextChoices):
    RECORD = "record", "Complaint record"
    QA = "qa", "Quality assurance sampling"


class SystemEvidence(models.Model):
    """A figure computed from the record or from QA sampling, attached by the assessor.

    The figure is frozen when attached, so a published assessment keeps the number the
    governing body saw even as the record grows.
    """

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="system_evidence")
    source = models.CharField(max_length=8, choices=EvidenceSource.choices)
    measure = models.CharField(max_length=40)
    summary = models.TextField()
    passed = models.PositiveIntegerField(null=True, blank=True)
    total = models.PositiveIntegerField(null=True, blank=True)
    suggested_rag = models.CharField(max_length=5, choices=Rag.choices, blank=True)
    period_start = models.DateField()
    period_end = models.DateField()
    computed_on = models.DateField()
    attached_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    attached_at = models.DateTimeField()

    class Meta:
        ordering = ["attached_at", "id"]


class ImprovementAction(models.Model):
    """An ACTION in the improvement plan: what, who, by when, and where it stands."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField()
    owner = models.CharField(max_length=200)
    due_on = models.DateField(db_index=True)
    status = models.CharField(max_length=12, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    completed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["status", "due_on"])]


class Version(AppendOnlyModel):
    """One saved state of an assessment: who, when, what changed, and the whole state."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    at = models.DateTimeField()
    actor = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    actor_label = models.CharField(max_length=200)
    summary = models.CharField(max_length=500)
    changes: Any = models.JSONField(default=list)
    state: Any = models.JSONField(default=dict)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "number"], name="assessment_version_once")
        ]


class Approval(AppendOnlyModel):
    """The governing body's approval of one version, with its response (Appendix A, 8.2)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="approvals")
    version_number = models.PositiveIntegerField()
    approver_name = models.CharField(max_length=200)
    body = models.CharField(max_length=200, help_text="The governing body or its committee")
    approved_on = models.DateField(db_index=True)
    response = models.TextField(help_text="The governing body's response, published alongside")
    recorded_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["approved_on", "id"]


class Publication(AppendOnlyModel):
    """An approved version made public (Code 8.2). The public page shows exactly that version."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="publications")
    version_number = models.PositiveIntegerField()
    published_at = models.DateTimeField(db_index=True)
    published_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["published_at", "id"]


class QAScore(models.TextChoices):
    NOT_SCORED = "", "Not scored"
    YES = "yes", "Yes"
    NO = "no", "No"
    NOT_APPLICABLE = "n/a", "Not applicable"


class QASample(models.Model):
    """A random sample of complaints closed in a quarter, drawn with a recorded seed."""

    quarter_start = models.DateField()
    quarter_end = models.DateField()
    seed = models.BigIntegerField(help_text="Drawing again with this seed gives the same sample")
    size = models.PositiveIntegerField()
    population = models.PositiveIntegerField(help_text="Complaints closed in the quarter")
    late_entries = models.PositiveIntegerField(
        default=0, help_text="Of the population, complaints with an action entered late (5.12): drawn first"
    )
    drawn_at = models.DateTimeField()
    drawn_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-quarter_start", "-id"]


class QASampleCase(models.Model):
    """One sampled complaint scored against the checklist."""

    sample = models.ForeignKey(QASample, on_delete=models.CASCADE, related_name="cases")
    complaint = models.ForeignKey("cases.Complaint", on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(max_length=20)
    position = models.PositiveSmallIntegerField()
    late_entry = models.BooleanField(default=False, help_text="Drawn from the late entries (5.12)")
    definition_recorded = models.CharField(max_length=3, choices=QAScore.choices, blank=True)
    acknowledged_in_time = models.CharField(max_length=3, choices=QAScore.choices, blank=True)
    all_points_addressed = models.CharField(max_length=3, choices=QAScore.choices, blank=True)
    remedy_proportionate = models.CharField(max_length=3, choices=QAScore.choices, blank=True)
    letter_plain_complete = models.CharField(max_length=3, choices=QAScore.choices, blank=True)
    record_complete = models.CharField(max_length=3, choices=QAScore.choices, blank=True)
    notes = models.TextField(blank=True)
    scored_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    scored_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["sample", "complaint"], name="qa_case_once")]
