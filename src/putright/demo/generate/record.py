"""One complaint's record as it is built: its state, events and correspondence.

Events mirror what the services write (`record_event`): the fields that changed, before
and after, and the complaint's version goes up by one with each.
"""

from __future__ import annotations

import json
import json.encoder
from datetime import UTC, date, datetime
from operator import methodcaller
from typing import Any

from putright.cases.services.deadlines import Due
from putright.cases.services.queue_key import running_due_at
from putright.demo.generate.columns import Row

_make_encoder = json.encoder.c_make_encoder  # type: ignore[attr-defined]
# Dates and times are written as the services write them (`isoformat()`).
_iso = methodcaller("isoformat")
_fallback = json.JSONEncoder(separators=(",", ":"), default=_iso).encode
# The C encoder called directly: json.dumps adds two Python calls per event, and events
# are most of what the generator writes.
_chunks = (
    _make_encoder(None, _iso, json.encoder.encode_basestring_ascii, None, ":", ",", False, False, True)
    if _make_encoder is not None
    else None
)


def _dumps(value: dict[str, Any]) -> str:
    if not value:
        return "{}"
    if _chunks is None:
        return _fallback(value)
    return "".join(_chunks(value, 0))


STAGE_KEYS = {
    n: tuple(
        f"stage{n}_{name}"
        for name in (
            "acknowledge_by",
            "acknowledged_on",
            "respond_by",
            "extension_days",
            "responded_on",
            "decision",
        )
    )
    for n in (1, 2)
}
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_MASK = (1 << 40) - 1


def reference_for(complaint_id: int) -> str:
    """`CMP-XXXX-XXXX` from the id by a fixed permutation of 40-bit numbers.

    Distinct ids give distinct references, whatever the seed or the run; each step
    (odd multiplication, xor with a right shift) is invertible modulo 2**40.
    """
    x = complaint_id & _MASK
    for multiplier in (0x9E3779B97F, 0xC2B2AE3D27, 0x165667B19F):
        x = (x * multiplier) & _MASK
        x ^= x >> 19
    body = "".join(REFERENCE_ALPHABET[(x >> shift) & 31] for shift in range(35, -1, -5))
    return f"CMP-{body[:4]}-{body[4:]}"


class StageRow:
    """A StageRecord under construction (Code 6.2-6.4, 6.11-6.15)."""

    __slots__ = (
        "ack_late_reason",
        "ack_recorded_on",
        "acknowledge_by",
        "acknowledged_on",
        "code_acknowledge_by",
        "code_respond_by",
        "decision",
        "definition",
        "extension_days",
        "handler_id",
        "id",
        "outcomes_sought",
        "reasons",
        "requested_at",
        "requested_on",
        "respond_by",
        "responded_on",
        "response_late_reason",
        "response_recorded_on",
        "responsibility",
        "stage",
        "started_on",
    )

    def __init__(self, id: int, stage: int, requested_at: datetime, requested_on: date, ack_by: Due) -> None:
        self.id, self.stage = id, stage
        self.requested_at, self.requested_on = requested_at, requested_on
        # The landlord's date (told to the resident) and the Code's, as `cases.services.deadlines`.
        self.acknowledge_by, self.code_acknowledge_by = ack_by.policy, ack_by.code
        # The day the Code's clock runs from: the request, or a reopening after a refusal (2.4).
        self.started_on = requested_on
        self.acknowledged_on: date | None = None
        self.respond_by: date | None = None
        self.code_respond_by: date | None = None
        self.responded_on: date | None = None
        self.handler_id: int | None = None
        self.extension_days = 0
        self.definition = self.outcomes_sought = self.responsibility = self.decision = self.reasons = ""
        # The day each step was entered, and why when that is after the day it names (5.12).
        self.ack_recorded_on: date | None = None
        self.response_recorded_on: date | None = None
        self.ack_late_reason = self.response_late_reason = ""

    def row(self, complaint_id: int) -> Row:
        return (
            self.id,
            complaint_id,
            self.stage,
            self.requested_at,
            self.requested_on,
            self.acknowledge_by,
            self.acknowledged_on,
            self.definition,
            self.outcomes_sought,
            self.responsibility,
            self.handler_id,
            self.respond_by,
            self.extension_days,
            self.responded_on,
            self.decision,
            self.reasons,
            self.code_acknowledge_by,
            self.code_respond_by,
            # Generated letters all go through putright and upheld cases always carry a remedy.
            "",
            "",
            "",
            self.ack_recorded_on,
            self.ack_late_reason,
            self.response_recorded_on,
            self.response_late_reason,
        )


class Case:
    """The running state of one complaint: what `snapshot()` would show, its version, its dates."""

    def __init__(self, complaint_id: int, events: list[Row], take_event_id: Any) -> None:
        self.id = complaint_id
        self.state: dict[str, Any] = {}
        self.version = 1
        self.last_at: datetime | None = None
        self.hazard_due_at: datetime | None = None
        # Dates promised for remedies and actions not yet done: running deadlines (6.6, 7.3).
        self.promised: list[date] = []
        self.closed_on: date | None = None
        self.withdrawn_on: date | None = None
        # How and why the resident withdrew, and whether a deadline had passed (Code 5.12).
        self.withdrawal: tuple[str, str, bool] = ("", "", False)
        self.escalation_requested_on: date | None = None
        self.records: list[StageRow] = []
        self.party = "Resident"
        self.slug = ""
        self.service_area_id: int | None = None
        self.edition = "hos-2024"
        # A refusal later reversed (Code 2.4): the day stage 1 starts again.
        self.refusal_reopens_on: date | None = None
        # resident, representative, category, channel, description, received_at, received_on,
        # issue_occurred_on, aware_on: fixed when the complaint is logged.
        self.intake: Row = ()
        self._events = events
        self._take = take_event_id

    def snapshot(self, record: StageRow | None) -> dict[str, Any]:
        data = dict(self.state)
        if record is not None:
            ack_by, ack_on, respond_by, extension, responded, decision = STAGE_KEYS[record.stage]
            data[ack_by] = record.acknowledge_by
            data[ack_on] = record.acknowledged_on
            data[respond_by] = record.respond_by
            data[extension] = record.extension_days
            data[responded] = record.responded_on
            data[decision] = record.decision
        return data

    def event(
        self,
        at: datetime,
        actor: tuple[int, str] | None,
        action: str,
        summary: str,
        before: dict[str, Any],
        after: dict[str, Any],
        details: dict[str, Any] | None = None,
    ) -> None:
        old, new = {}, {}
        for k, value in after.items():
            was = before.get(k)
            if was != value:
                old[k] = was
                new[k] = value
        if details:
            new.update(details)
        self.version += 1
        self.last_at = at
        actor_id, label = actor if actor else (None, "system")
        self._events.append(
            (
                self._take("event"),
                self.id,
                at,
                actor_id,
                label,
                action,
                summary[:500],
                _dumps(old),
                _dumps(new),
            )
        )

    def next_due(self) -> date | None:
        """As `refresh_due`: the next Code deadline at the current stage, while one is running."""
        current, status = self.records[-1], self.state["status"]
        if status == "received":
            return current.acknowledge_by
        if status == "acknowledged":
            return current.respond_by
        return None

    def due_at(self) -> datetime | None:
        """As `refresh_queue_key`, in UTC: the bulk writer stores instants as they are given."""
        due = running_due_at(
            hazard_due_at=self.hazard_due_at, next_due=self.next_due(), promised=self.promised
        )
        return due.astimezone(UTC) if due else None

    def row(self) -> Row:
        state = self.state
        received_at = self.intake[5]
        handler_id = self.records[-1].handler_id if state["handler"] else None
        return (
            self.id,
            reference_for(self.id),
            *self.intake,
            state["status"],
            state["stage"],
            handler_id,
            self.next_due(),
            state["vulnerable"],
            state["hazard"],
            self.hazard_due_at,
            self.due_at(),
            state["priority"],
            self.closed_on,
            self.withdrawn_on,
            self.escalation_requested_on,
            self.version,
            received_at,
            self.last_at or received_at,
            self.edition,
            *self.withdrawal,
            self.service_area_id,
        )
