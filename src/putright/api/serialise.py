"""Plain data from a complaint loaded with `complaint_queryset` (no further queries)."""

from __future__ import annotations

from typing import Any

from putright.cases.models import Action, Complaint, Extension, Refusal, Remedy, StageRecord


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
        "service_area": c.service_area.slug if c.service_area_id and c.service_area else None,
        "description": c.description,
        "received_at": c.received_at,
        "received_on": c.received_on,
        "code_edition": c.code_edition,
        "issue_occurred_on": c.issue_occurred_on,
        "aware_on": c.aware_on,
        "handler": c.handler.username if c.handler_id and c.handler else None,
        "next_due": c.next_due,
        "hazard": c.hazard,
        "vulnerable": c.vulnerable,
        "version": c.version,
        "resident": _resident(c),
        "representative": _representative(c),
        "stages": [
            _stage(s, fresh=fresh) for s in ([new_stage] if new_stage is not None else c.stages.all())
        ],
        "remedies": [_remedy(r) for r in ([] if fresh else c.remedies.all())],
        "outstanding_actions": [_action(a) for a in ([] if fresh else c.actions.all())],
        "refusals": [_refusal(r) for r in ([] if fresh else c.refusals.all())],
        "withdrawal": _withdrawal(c),
    }


def _resident(c: Complaint) -> dict[str, Any]:
    return {
        "name": c.resident.name,
        "email": c.resident.email,
        "phone": c.resident.phone,
        "tenancy_reference": c.resident.tenancy_reference,
        "tenure": c.resident.tenure,
        "sms_consent_on": c.resident.sms_consent_on,
        "sms_consent_how": c.resident.sms_consent_how,
    }


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


def _stage(s: StageRecord, *, fresh: bool) -> dict[str, Any]:
    """One stage record; a `fresh` one (just logged) has no extensions to read."""
    return {
        "stage": s.stage,
        "requested_on": s.requested_on,
        "requested_recorded_on": s.request_recorded_on,
        "request_late_entry_reason": s.request_late_reason,
        "acknowledge_by": s.acknowledge_by,
        "acknowledged_on": s.acknowledged_on,
        "acknowledgement_recorded_on": s.acknowledgement_recorded_on,
        "acknowledgement_late_entry_reason": s.acknowledgement_late_reason,
        "respond_by": s.respond_by,
        "code_acknowledge_by": s.code_acknowledge_by,
        "code_respond_by": s.code_respond_by,
        "responded_on": s.responded_on,
        "response_recorded_on": s.response_recorded_on,
        "response_late_entry_reason": s.response_late_reason,
        "handler": s.handler.username if s.handler_id and s.handler else None,
        "definition": s.definition,
        "outcomes_sought": s.outcomes_sought,
        "responsibility": s.responsibility,
        "decision": s.decision or None,
        "reasons": s.reasons,
        "no_remedy_reason": s.no_remedy_reason,
        "acknowledgement_sent_outside": s.acknowledgement_sent_outside,
        "response_sent_outside": s.response_sent_outside,
        "extensions": [_extension(e) for e in ([] if fresh else s.extensions.all())],
    }


def _extension(e: Extension) -> dict[str, Any]:
    return {
        "working_days": e.working_days,
        "reason": e.reason,
        "good_reason": e.good_reason,
        "good_reason_explanation": e.good_reason_explanation,
        "notified_on": e.notified_on,
        "recorded_on": e.recorded_on,
        "late_entry_reason": e.late_entry_reason,
        "new_respond_by": e.new_respond_by,
    }


def _remedy(r: Remedy) -> dict[str, Any]:
    return {
        "id": r.pk,
        "stage": r.stage,
        "kind": r.kind,
        "description": r.description,
        "amount": r.amount,
        "band": r.band,
        "band_reason": r.band_reason,
        "due_on": r.due_on,
        "completed_on": r.completed_on,
        "completion_recorded_on": r.completion_recorded_on,
        "completion_late_entry_reason": r.completion_late_reason,
    }


def _action(a: Action) -> dict[str, Any]:
    return {
        "id": a.pk,
        "stage": a.stage,
        "description": a.description,
        "promise_on": a.promise_on,
        "first_promise_on": a.first_promise_on,
        "completed_on": a.completed_on,
    }


def _refusal(r: Refusal) -> dict[str, Any]:
    return {
        "stage": r.stage,
        "reason": r.reason,
        "refused_on": r.refused_on,
        "requested_on": r.requested_on,
        "acknowledge_by": r.acknowledge_by,
        "late": r.acknowledge_by is not None and r.refused_on > r.acknowledge_by,
        "reopened_on": r.reopened_on,
        "reopen_reason": r.reopen_reason,
    }


def _withdrawal(c: Complaint) -> dict[str, Any] | None:
    if c.withdrawn_on is None:
        return None
    return {
        "withdrawn_on": c.withdrawn_on,
        "channel": c.withdrawal_channel,
        "note": c.withdrawal_note,
        "after_deadline": c.withdrawn_after_deadline,
    }
