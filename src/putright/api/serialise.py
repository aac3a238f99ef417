"""Plain data from a complaint loaded with `complaint_queryset` (no further queries)."""

from __future__ import annotations

from typing import Any

from putright.cases.models import Complaint, StageRecord


def _representative(c: Complaint) -> dict[str, Any] | None:
    rep = c.representative if c.representative_id else None
    if rep is None:
        return None
    return {
        "name": rep.name,
        "relationship": rep.relationship,
        "email": rep.email,
        "phone": rep.phone,
        "consent_recorded_on": rep.consent_recorded_on,
        "consent_method": rep.consent_method,
    }


def complaint_data(c: Complaint, *, new_stage: StageRecord | None = None) -> dict[str, Any]:
    """`new_stage`: the complaint was just logged with this one stage record, so it has no
    extensions, remedies or actions yet and nothing needs reading back (a create stays cheap)."""
    fresh = new_stage is not None
    return {
        "id": c.pk,
        "reference": c.reference,
        "stage": c.stage,
        "status": c.status,
        "channel": c.channel,
        "category": c.category.slug if c.category_id and c.category else None,
        "description": c.description,
        "received_at": c.received_at,
        "received_on": c.received_on,
        "issue_occurred_on": c.issue_occurred_on,
        "aware_on": c.aware_on,
        "handler": c.handler.username if c.handler_id and c.handler else None,
        "next_due": c.next_due,
        "hazard": c.hazard,
        "vulnerable": c.vulnerable,
        "version": c.version,
        "resident": {
            "name": c.resident.name,
            "email": c.resident.email,
            "phone": c.resident.phone,
            "tenancy_reference": c.resident.tenancy_reference,
            "tenure": c.resident.tenure,
        },
        "representative": _representative(c),
        "stages": [
            {
                "stage": s.stage,
                "requested_on": s.requested_on,
                "acknowledge_by": s.acknowledge_by,
                "acknowledged_on": s.acknowledged_on,
                "respond_by": s.respond_by,
                "responded_on": s.responded_on,
                "handler": s.handler.username if s.handler_id and s.handler else None,
                "definition": s.definition,
                "outcomes_sought": s.outcomes_sought,
                "responsibility": s.responsibility,
                "decision": s.decision or None,
                "reasons": s.reasons,
                "extensions": [
                    {
                        "working_days": e.working_days,
                        "reason": e.reason,
                        "good_reason": e.good_reason,
                        "notified_on": e.notified_on,
                        "new_respond_by": e.new_respond_by,
                    }
                    for e in ([] if fresh else s.extensions.all())
                ],
            }
            for s in ([new_stage] if new_stage is not None else c.stages.all())
        ],
        "remedies": [
            {
                "id": r.pk,
                "stage": r.stage,
                "kind": r.kind,
                "description": r.description,
                "amount": r.amount,
                "due_on": r.due_on,
                "completed_on": r.completed_on,
            }
            for r in ([] if fresh else c.remedies.all())
        ],
        "outstanding_actions": [
            {
                "id": a.pk,
                "stage": a.stage,
                "description": a.description,
                "promise_on": a.promise_on,
                "completed_on": a.completed_on,
            }
            for a in ([] if fresh else c.actions.all())
        ],
    }
