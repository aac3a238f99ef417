"""The columns the generator fills in each table, in the order its row tuples carry them."""

from __future__ import annotations

from typing import Any

from django.db import models

from putright.cases import models as cases

Row = tuple[Any, ...]

# The columns the generator fills, per table, in the order its tuples carry them.
# Columns a model gains later are filled with their default (see Table).
TABLES: dict[str, tuple[type[models.Model], tuple[str, ...]]] = {
    "resident": (
        cases.Resident,
        (
            "id",
            "name",
            "email",
            "phone",
            "phone_digits",
            "address",
            "tenancy_reference",
            "tenure",
            "preferred_channel",
            "preferred_format",
            "language",
            "created_at",
        ),
    ),
    "adjustment": (
        cases.Adjustment,
        ("id", "resident_id", "kind", "description", "recorded_on", "review_on", "active", "created_by_id"),
    ),
    "representative": (
        cases.Representative,
        ("id", "name", "relationship", "email", "phone", "consent_recorded_on", "consent_method"),
    ),
    # Every generated complaint is new to the governance figures by day: marked as changed,
    # as `record_event` would, so that stored day counts never hide the generated history.
    "uncounted": (cases.UncountedChange, ("complaint_id",)),
    "complaint": (
        cases.Complaint,
        (
            "id",
            "reference",
            "resident_id",
            "representative_id",
            "category_id",
            "channel",
            "description",
            "received_at",
            "received_on",
            "issue_occurred_on",
            "aware_on",
            "status",
            "stage",
            "handler_id",
            "next_due",
            "vulnerable",
            "hazard",
            "hazard_due_at",
            "priority",
            "closed_on",
            "withdrawn_on",
            "escalation_requested_on",
            "version",
            "created_at",
            "updated_at",
        ),
    ),
    "stage": (
        cases.StageRecord,
        (
            "id",
            "complaint_id",
            "stage",
            "requested_at",
            "requested_on",
            "acknowledge_by",
            "acknowledged_on",
            "definition",
            "outcomes_sought",
            "responsibility",
            "handler_id",
            "respond_by",
            "extension_days",
            "responded_on",
            "decision",
            "reasons",
        ),
    ),
    "extension": (
        cases.Extension,
        (
            "id",
            "stage_record_id",
            "working_days",
            "reason",
            "good_reason",
            "notified_on",
            "ombudsman_details_given",
            "new_respond_by",
            "created_by_id",
            "created_at",
        ),
    ),
    "refusal": (
        cases.Refusal,
        ("id", "complaint_id", "stage", "reason", "evidence", "explanation", "refused_on", "created_by_id"),
    ),
    "remedy": (
        cases.Remedy,
        (
            "id",
            "complaint_id",
            "stage",
            "kind",
            "description",
            "amount",
            "due_on",
            "agreed_with_resident",
            "completed_on",
            "created_at",
        ),
    ),
    "action": (
        cases.Action,
        (
            "id",
            "complaint_id",
            "stage",
            "description",
            "owner_id",
            "promise_on",
            "completed_on",
            "created_at",
        ),
    ),
    "action_update": (
        cases.ActionUpdate,
        ("id", "action_id", "text", "given_on", "created_by_id"),
    ),
    "update_agreement": (
        cases.UpdateAgreement,
        ("id", "complaint_id", "interval_working_days", "agreed_on", "next_update_on", "method", "active"),
    ),
    "correspondence": (
        cases.Correspondence,
        (
            "id",
            "complaint_id",
            "direction",
            "channel",
            "party",
            "subject",
            "body",
            "occurred_at",
            "created_by_id",
            "created_at",
        ),
    ),
    "event": (
        cases.CaseEvent,
        ("id", "complaint_id", "at", "actor_id", "actor_label", "action", "summary", "before", "after"),
    ),
}
