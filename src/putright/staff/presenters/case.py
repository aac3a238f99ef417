"""The case page as plain data: deadlines, the next steps the Code allows, hazards, the record."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from putright.cases.access import access_event_summary
from putright.cases.models import (
    Adjustment,
    CaseEvent,
    Complaint,
    Correspondence,
    Resident,
    Restriction,
    StageRecord,
)
from putright.core.dates import long_date
from putright.rules import lifecycle
from putright.rules.calendar import WorkingDayCalendar
from putright.rules.errors import RuleViolation
from putright.staff.presenters.deadlines import Deadline, deadline, done
from putright.ui.links import link

# (lifecycle action, URL name, label); the order is the order of the buttons.
ACTIONS: tuple[tuple[lifecycle.Action | None, str, str], ...] = (
    (lifecycle.Action.ACKNOWLEDGE, "acknowledge", "Acknowledge and define"),
    (lifecycle.Action.RESPOND, "respond", "Send the response"),
    (lifecycle.Action.ESCALATE, "escalate", "Record an escalation request"),
    (lifecycle.Action.CLOSE, "close", "Close the complaint"),
    (lifecycle.Action.ASSIGN, "assign", "Assign a handler"),
    (lifecycle.Action.EXTEND, "extend", "Extend the response deadline"),
    (lifecycle.Action.REQUEST_CLARIFICATION, "clarify", "Ask for clarification"),
    (lifecycle.Action.ADD_ISSUE, "add_issue", "Add a new issue"),
    (lifecycle.Action.AGREE_UPDATES, "agree_updates", "Agree update intervals"),
    (lifecycle.Action.REFUSE, "refuse", "Do not accept the complaint"),
    (lifecycle.Action.REFUSE_ESCALATION, "refuse_escalation", "Refuse the escalation"),
    (lifecycle.Action.WITHDRAW, "withdraw", "Record a withdrawal"),
    (lifecycle.Action.REOPEN, "reopen", "Reopen the complaint"),
    (None, "correspondence", "Add correspondence"),
    (None, "hazard", "Record a hazard"),
)


@dataclass(frozen=True)
class NextStep:
    key: str
    label: str
    url: str
    primary: bool


def allowed(complaint: Complaint, action: lifecycle.Action) -> bool:
    try:
        lifecycle.next_status(status=lifecycle.Status(complaint.status), stage=complaint.stage, action=action)
    except RuleViolation:
        return False
    return True


def next_steps(complaint: Complaint) -> list[NextStep]:
    """The actions the Code allows now; the first is the natural next step."""
    steps = []
    for action, name, label in ACTIONS:
        if action is None or allowed(complaint, action):
            steps.append(NextStep(name, label, link(f"staff:{name}", complaint.pk), False))
    if complaint.stage == 2 and complaint.handler_id is None:
        # Stage 2 waits for a different person (6.13): assigning comes first.
        steps.sort(key=lambda s: s.key != "assign")
    if steps and steps[0].key not in ("correspondence", "hazard"):
        steps[0] = NextStep(steps[0].key, steps[0].label, steps[0].url, True)
    return steps


@dataclass(frozen=True)
class StageView:
    stage: int
    record: StageRecord
    acknowledge: Deadline
    respond: Deadline | None
    extensions: list[Any]
    handler: str


def stage_views(complaint: Complaint, today: date, calendar: WorkingDayCalendar) -> list[StageView]:
    views = []
    for record in sorted(complaint.stages.all(), key=lambda r: r.stage):
        if record.acknowledged_on:
            ack = done(record.acknowledge_by, record.acknowledged_on, calendar)
        elif complaint.status == "refused":
            # Not accepted: the refusal letter answers the resident (Code 2.4); no clock runs.
            ack = Deadline(None, None, "None: the complaint was not accepted", "", "")
        elif complaint.status in ("closed", "withdrawn"):
            ack = Deadline(record.acknowledge_by, None, "No longer running", "", "")
        else:
            ack = deadline(record.acknowledge_by, today, calendar)
        respond = None
        if record.respond_by:
            respond = (
                done(record.respond_by, record.responded_on, calendar)
                if record.responded_on
                else deadline(record.respond_by, today, calendar)
            )
        if complaint.status in ("closed", "refused", "withdrawn") and not record.responded_on and respond:
            respond = Deadline(record.respond_by, None, "No longer running", "", "")
        views.append(
            StageView(
                stage=record.stage,
                record=record,
                acknowledge=ack,
                respond=respond,
                extensions=list(record.extensions.all()),
                handler=record.handler.display_name if record.handler else "Not assigned",
            )
        )
    return views


def closures_before_deadlines(views: list[StageView], closures: list[date], today: date) -> list[date]:
    """Office closures between today and a running deadline: shown, never counted (the Code has no exemption)."""
    running = [
        d.due
        for v in views
        for d in (v.acknowledge, v.respond)
        if d is not None and d.due and d.days_left is not None
    ]
    if not running:
        return []
    last = max(running)
    return [day for day in closures if today <= day <= last]


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str
    title: str
    text: str
    who: str
    attachments: list[dict[str, Any]] = field(default_factory=list)


def late_entry_note(after: dict[str, Any]) -> str:
    """For an action entered after the day it names: both days and why (Code 5.12); else ''."""
    reason = after.get("late_entry_reason") if isinstance(after, dict) else None
    if not reason:
        return ""
    given, recorded = (_long(after.get(k)) for k in ("date_given", "recorded_on"))
    return f"Entered late: dated {given}, recorded {recorded}. Reason: {reason}"


def _long(iso: Any) -> str:
    try:
        return f"{long_date(date.fromisoformat(str(iso)))}"
    except ValueError:
        return str(iso)


def timeline(
    complaint_id: int, events: list[CaseEvent], letters: list[Correspondence], *, user: Any
) -> list[TimelineEntry]:
    """The event log and the correspondence, merged in date order (Code 5.12); disclosures
    named in events only for roles that may read special category data."""
    entries = [
        TimelineEntry(
            e.at,
            "event",
            access_event_summary(user, action=e.action, summary=e.summary),
            late_entry_note(e.after),
            e.actor_label,
        )
        for e in events
    ] + [
        TimelineEntry(
            c.occurred_at,
            "correspondence",
            f"{c.get_direction_display()}: {c.subject or c.channel} ({c.party})",
            c.body,
            c.created_by.display_name if c.created_by else "",
            [
                {
                    "name": a.original_name,
                    "size_kb": max(1, a.size // 1024),
                    "url": link("staff:attachment", complaint_id, a.pk),
                }
                for a in c.attachments.all()
            ],
        )
        for c in letters
    ]
    return sorted(entries, key=lambda e: e.at)


@dataclass(frozen=True)
class Circumstances:
    """Adjustments, disclosures and restrictions: special category data, shown only to roles allowed."""

    adjustments: list[Adjustment]
    restrictions: list[Restriction]

    @property
    def any(self) -> bool:
        return bool(self.adjustments or self.restrictions)


def circumstances(resident: Resident) -> Circumstances:
    return Circumstances(
        adjustments=list(resident.adjustments.filter(active=True).order_by("review_on")),
        restrictions=list(resident.restrictions.filter(ends_on__isnull=True).order_by("review_on")),
    )
