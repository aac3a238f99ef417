"""A letter's content, built from the structured fields of the case, never retyped.

Each builder reads the complaint as the action left it (inside the action's transaction)
and returns plain data keyed by placeholder name. `elements_filled` turns that content
into the mapping `putright.rules.letters.check_letter` checks.
"""

from __future__ import annotations

from typing import Any

from putright.cases.models import (
    Action,
    CaseEvent,
    Complaint,
    EventAction,
    Refusal,
    RefusalReason,
    Remedy,
    StageRecord,
)
from putright.landlord.models import LandlordSettings
from putright.letters.display import actions_sentence, long_date, remedy_sentence
from putright.letters.placeholders import PLACEHOLDERS
from putright.rules.letters import Element, LetterKind

# The actions the Code requires to be confirmed to the resident in writing.
EVENT_KINDS: dict[str, LetterKind] = {
    EventAction.ACKNOWLEDGED: LetterKind.ACKNOWLEDGEMENT,
    EventAction.CLARIFICATION_REQUESTED: LetterKind.CLARIFICATION_REQUEST,
    EventAction.EXTENDED: LetterKind.EXTENSION_NOTICE,
    EventAction.RESPONDED: LetterKind.STAGE1_RESPONSE,
    EventAction.REFUSED: LetterKind.REFUSAL,
    EventAction.ESCALATION_REFUSED: LetterKind.ESCALATION_REFUSAL,
    EventAction.REMEDY_COMPLETED: LetterKind.COMPLETION,
    EventAction.ACTION_COMPLETED: LetterKind.COMPLETION,
    EventAction.WITHDRAWN: LetterKind.WITHDRAWAL,
}

# A not-upheld response has a reason for no remedy that goes without saying; an upheld one
# without a remedy needs the caseworker's own reason, so its draft waits for it.
NOT_UPHELD_NO_REMEDY = "we have not found that we got anything wrong"

SUBJECTS = {
    LetterKind.ACKNOWLEDGEMENT: "we have received your complaint",
    LetterKind.CLARIFICATION_REQUEST: "we need to check some details with you",
    LetterKind.EXTENSION_NOTICE: "we need more time to reply",
    LetterKind.STAGE1_RESPONSE: "our reply at stage 1",
    LetterKind.STAGE2_RESPONSE: "our final reply at stage 2",
    LetterKind.REFUSAL: "why we cannot accept your complaint",
    LetterKind.ESCALATION_REFUSAL: "why we cannot look at your complaint again",
    LetterKind.UPDATE: "an update",
    LetterKind.COMPLETION: "we have done what we promised",
    LetterKind.WITHDRAWAL: "you have withdrawn your complaint",
}


def subject_for(kind: LetterKind, reference: str, stage: int) -> str:
    text = SUBJECTS[kind]
    if kind is LetterKind.ACKNOWLEDGEMENT and stage == 2:
        text = "we will look at your complaint again"
    return f"Your complaint {reference}: {text}"


def common(complaint: Complaint, stage: int, landlord: LandlordSettings) -> dict[str, Any]:
    return {
        "reference": complaint.reference,
        "stage": stage,
        "resident_name": complaint.resident.name,
        "landlord_name": landlord.name,
        "complaints_email": landlord.complaints_email,
        "complaints_phone": landlord.complaints_phone,
        "complaints_address": landlord.complaints_address,
        "opening": "",
        "closing": "",
    }


def stage_two_route(landlord: LandlordSettings) -> str:
    return (
        "You can ask us to look at your complaint again. This is stage 2 of our complaints "
        "process. You do not need to give a reason, and a different member of staff will look at it.\n\n"
        f"To ask, email {landlord.complaints_email} or call {landlord.complaints_phone}. "
        f"You can also write to {landlord.complaints_address}. Please quote your reference."
    )


def ombudsman_route(landlord: LandlordSettings) -> str:
    return (
        "This is our final reply. If you are still not happy, you can ask the Housing "
        "Ombudsman to look at your complaint. The Ombudsman is free and independent.\n\n"
        f"{landlord.ombudsman_details}"
    )


def ombudsman_right(landlord: LandlordSettings) -> str:
    return (
        "If you disagree with our decision, you can ask the Housing Ombudsman to look at it. "
        "The Ombudsman is free and independent.\n\n"
        f"{landlord.ombudsman_details}"
    )


def _record(complaint: Complaint, stage: int) -> StageRecord:
    return StageRecord.objects.get(complaint=complaint, stage=stage)


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def _response(complaint: Complaint, stage: int, landlord: LandlordSettings) -> dict[str, Any]:
    record = _record(complaint, stage)
    remedies = Remedy.objects.filter(complaint=complaint, stage=stage).order_by("id")
    actions = Action.objects.filter(complaint=complaint, stage=stage, completed_on__isnull=True).order_by(
        "id"
    )
    content = {
        "definition": record.definition,
        "decision": record.decision,
        "reasons": record.reasons,
        "remedies": [
            {
                "kind": r.get_kind_display(),
                "description": r.description,
                "amount": str(r.amount) if r.amount is not None else None,
                "due_on": _iso(r.due_on),
            }
            for r in remedies
        ],
        "no_remedy_reason": record.no_remedy_reason
        or (NOT_UPHELD_NO_REMEDY if record.decision == "not_upheld" else ""),
        "outstanding_actions": [
            {"description": a.description, "promise_on": _iso(a.promise_on)} for a in actions
        ]
        + (_still_open_from_stage_one(complaint) if stage == 2 else []),
    }
    if stage == 1:
        content["stage_two_route"] = stage_two_route(landlord)
    else:
        content["ombudsman_route"] = ombudsman_route(landlord)
    return content


def _still_open_from_stage_one(complaint: Complaint) -> list[dict[str, Any]]:
    """Stage 1 promises not yet kept, for the final response (Code 6.6, 6.19f).

    The final response is the resident's last word before the Ombudsman: what stage 1
    promised and is still to do must not drop out of it, so each goes in with its date.
    """
    actions = Action.objects.filter(complaint=complaint, stage=1, completed_on__isnull=True).order_by("id")
    remedies = Remedy.objects.filter(complaint=complaint, stage=1, completed_on__isnull=True).order_by("id")
    return [
        {"description": f"From our stage 1 answer: {a.description.strip()}", "promise_on": _iso(a.promise_on)}
        for a in actions
    ] + [
        {"description": f"From our stage 1 answer: {r.description.strip()}", "promise_on": _iso(r.due_on)}
        for r in remedies
    ]


def _refusal(complaint: Complaint, stage: int, landlord: LandlordSettings) -> dict[str, Any]:
    refusal = Refusal.objects.filter(complaint=complaint, stage=stage).order_by("-id").first()
    if refusal is None:
        return {"ombudsman_right": ombudsman_right(landlord)}
    return {
        "refusal_reasons": f"{RefusalReason(refusal.reason).label}.\n\n{refusal.explanation}",
        "ombudsman_right": ombudsman_right(landlord),
    }


def content_for_event(
    event: CaseEvent, complaint: Complaint, landlord: LandlordSettings
) -> tuple[LetterKind, int, dict[str, Any]] | None:
    """The kind, stage and content of the letter an event calls for, or None if it calls for none."""
    kind = EVENT_KINDS.get(event.action)
    if kind is None:
        return None
    after: dict[str, Any] = event.after or {}
    stage = complaint.stage
    extra: dict[str, Any]
    if kind is LetterKind.ACKNOWLEDGEMENT:
        record = _record(complaint, stage)
        extra = {
            "definition": record.definition,
            "outcomes_sought": record.outcomes_sought,
            "responsibility": record.responsibility,
            "response_date": _iso(record.respond_by),
        }
    elif kind is LetterKind.CLARIFICATION_REQUEST:
        extra = {"questions": after.get("questions", "")}
    elif kind is LetterKind.EXTENSION_NOTICE:
        extension = _record(complaint, stage).extensions.order_by("-created_at", "-id").first()
        extra = {
            "new_response_date": _iso(extension.new_respond_by) if extension else None,
            "extension_reasons": extension.reason if extension else "",
            "good_reason_explanation": extension.good_reason_explanation if extension else "",
            "beyond_cap": bool(after.get("beyond_cap")),
            "ombudsman_details": landlord.ombudsman_details,
        }
    elif kind is LetterKind.STAGE1_RESPONSE:
        kind = LetterKind.STAGE1_RESPONSE if stage == 1 else LetterKind.STAGE2_RESPONSE
        extra = _response(complaint, stage, landlord)
    elif kind in (LetterKind.REFUSAL, LetterKind.ESCALATION_REFUSAL):
        extra = _refusal(complaint, 1 if kind is LetterKind.REFUSAL else 2, landlord)
    elif kind is LetterKind.WITHDRAWAL:
        extra = {"withdrawal_details": _withdrawal(complaint)}
    else:
        stage, extra = _completion(event, complaint)
    return kind, stage, {**common(complaint, stage, landlord), **extra}


def _withdrawal(complaint: Complaint) -> str:
    if complaint.withdrawn_on is None:
        return ""
    how = {
        "web": "online",
        "email": "by email",
        "phone": "by phone",
        "letter": "by letter",
        "in_person": "in person",
        "social_media": "on social media",
        "representative": "through your representative",
    }.get(complaint.withdrawal_channel, "")
    told = (
        f"You told us {how} on {long_date(complaint.withdrawn_on)}"
        if how
        else (f"On {long_date(complaint.withdrawn_on)} you told us")
    )
    return (
        f"{told} that you want to withdraw your complaint. We have recorded the reason as: "
        f"{complaint.withdrawal_note.strip().rstrip('.')}.\n\n"
        "If this is not right, please tell us. If you want us to look at the matter again later, "
        "you can make a new complaint."
    )


def _completion(event: CaseEvent, complaint: Complaint) -> tuple[int, dict[str, Any]]:
    after: dict[str, Any] = event.after or {}
    if event.action == EventAction.REMEDY_COMPLETED:
        remedy = Remedy.objects.filter(pk=int(after.get("remedy") or 0), complaint=complaint).first()
        if remedy is None:
            return complaint.stage, {"completed_items": []}
        item = f"{remedy.description.rstrip('.')}. We did this on {long_date(remedy.completed_on)}."
        return remedy.stage, {"completed_items": [item]}
    action = Action.objects.filter(pk=int(after.get("action") or 0), complaint=complaint).first()
    if action is None:
        return complaint.stage, {"completed_items": []}
    item = f"{action.description.rstrip('.')}. We did this on {long_date(action.completed_on)}."
    note = str(after.get("update") or "").strip()
    return action.stage, {"completed_items": [f"{item} {note}".strip()]}


def content_for_update(
    complaint: Complaint, landlord: LandlordSettings, *, summary: str, next_update_on: Any
) -> dict[str, Any]:
    """An update the caseworker writes (Code 5.9, 6.6, 6.17): their summary and the next date."""
    return {
        **common(complaint, complaint.stage, landlord),
        "update_summary": summary.strip(),
        "next_update_date": _iso(next_update_on),
    }


def elements_filled(content: dict[str, Any]) -> dict[Element | str, object]:
    """The content as `check_letter` reads it: Element -> what fills it (blank when missing)."""
    filled: dict[Element | str, object] = {
        element: content.get(name) for element, name in PLACEHOLDERS.items()
    }
    filled["beyond_cap"] = content.get("beyond_cap")
    filled[Element.REMEDY] = remedy_sentence(content)
    filled[Element.OUTSTANDING_ACTIONS] = actions_sentence(content)
    return filled
