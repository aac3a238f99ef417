"""The Ombudsman's cases about the landlord: evidence, findings, orders (Code 8.1c, 8.5, 9.7c)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from putright.cases.models import Complaint
from putright.governance.models.publications import Publication

USER = settings.AUTH_USER_MODEL


class OmbudsmanCase(models.Model):
    class State(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    complaint = models.ForeignKey(Complaint, on_delete=models.PROTECT, related_name="+")
    ombudsman_reference = models.CharField(max_length=60, blank=True)
    referred_on = models.DateField(db_index=True, help_text="When the Ombudsman told us of the case")
    summary = models.TextField(blank=True)
    state = models.CharField(max_length=8, choices=State.choices, default=State.OPEN)
    closed_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-referred_on", "-id"]

    def __str__(self) -> str:
        return self.ombudsman_reference or f"Ombudsman case {self.pk}"


class EvidenceRequest(models.Model):
    """A request for evidence; answered within 15 working days unless the Ombudsman says otherwise."""

    case = models.ForeignKey(OmbudsmanCase, on_delete=models.CASCADE, related_name="evidence_requests")
    requested_on = models.DateField()
    due_on = models.DateField(db_index=True)
    description = models.TextField()
    sent_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["requested_on", "id"]


class FindingKind(models.TextChoices):
    NO_MALADMINISTRATION = "no_maladministration", "No maladministration"
    SERVICE_FAILURE = "service_failure", "Service failure"
    MALADMINISTRATION = "maladministration", "Maladministration"
    SEVERE_MALADMINISTRATION = "severe_maladministration", "Severe maladministration"
    MEDIATION = "mediation", "Mediation"
    REASONABLE_REDRESS = "reasonable_redress", "Reasonable redress"
    OUTSIDE_JURISDICTION = "outside_jurisdiction", "Outside jurisdiction"
    WITHDRAWN = "withdrawn", "Withdrawn"


# Findings that say the landlord got something wrong.
ADVERSE_FINDINGS = (
    FindingKind.SERVICE_FAILURE,
    FindingKind.MALADMINISTRATION,
    FindingKind.SEVERE_MALADMINISTRATION,
)


class Finding(models.Model):
    """The Ombudsman's determination on one issue of a case."""

    case = models.ForeignKey(OmbudsmanCase, on_delete=models.CASCADE, related_name="findings")
    issue = models.CharField(max_length=300)
    kind = models.CharField(max_length=28, choices=FindingKind.choices)
    complaint_handling = models.BooleanField(
        default=False, help_text="The issue is the landlord's complaint handling (Code 8.1c)"
    )
    determined_on = models.DateField(db_index=True)

    class Meta:
        ordering = ["determined_on", "id"]


class OrderKind(models.TextChoices):
    ORDER = "order", "Order"
    RECOMMENDATION = "recommendation", "Recommendation"


class OmbudsmanOrder(models.Model):
    """An order (binding, dated) or a recommendation, with the evidence that it was complied with."""

    case = models.ForeignKey(OmbudsmanCase, on_delete=models.CASCADE, related_name="orders")
    finding = models.ForeignKey(
        Finding, null=True, blank=True, on_delete=models.SET_NULL, related_name="orders"
    )
    kind = models.CharField(max_length=16, choices=OrderKind.choices)
    description = models.TextField()
    due_on = models.DateField(null=True, blank=True, db_index=True)
    completed_on = models.DateField(null=True, blank=True)
    compliance_evidence = models.TextField(blank=True)
    evidence_sent_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]


class FailureReason(models.TextChoices):
    STUCK = "stuck", "Complaint stuck in the landlord's process"
    EVIDENCE = "evidence", "Evidence not supplied to the Ombudsman"
    NON_COMPLIANCE = "non_compliance", "Not complying with the Complaint Handling Code"
    OTHER = "other", "Another complaint handling failure"


class ComplaintHandlingFailureOrder(models.Model):
    complaint = models.ForeignKey(
        Complaint, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    ombudsman_reference = models.CharField(max_length=60, blank=True)
    reason = models.CharField(max_length=16, choices=FailureReason.choices)
    description = models.TextField()
    issued_on = models.DateField(db_index=True)
    due_on = models.DateField(null=True, blank=True)
    complied_on = models.DateField(null=True, blank=True)
    compliance_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-issued_on", "-id"]


class ExceptionalCircumstance(models.Model):
    """A period when the landlord cannot comply with the Code (8.5): who was told, and when it ends."""

    title = models.CharField(max_length=200)
    description = models.TextField(help_text="What happened and how residents are affected")
    started_on = models.DateField()
    ombudsman_informed_on = models.DateField()
    residents_informed_on = models.DateField(null=True, blank=True)
    return_to_compliance_by = models.DateField()
    returned_on = models.DateField(null=True, blank=True)
    publication = models.ForeignKey(
        Publication, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-started_on", "-id"]
