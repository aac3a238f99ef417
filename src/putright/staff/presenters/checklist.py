"""A live Code checklist for one complaint, computed from the loaded record.

Each item names the paragraph it checks. States: met, not met, to do (not yet due or
not yet possible), not applicable.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from putright.cases.models import Complaint, Decision, StageRecord
from putright.core.dates import long_date

MET, NOT_MET, TO_DO, NOT_APPLICABLE = "met", "not_met", "to_do", "not_applicable"
TAGS = {
    MET: ("Met", "govuk-tag--green"),
    NOT_MET: ("Not met", "govuk-tag--red"),
    TO_DO: ("To do", ""),
    NOT_APPLICABLE: ("Not applicable", "govuk-tag--grey"),
}


@dataclass(frozen=True)
class CheckItem:
    key: str
    title: str
    paragraph: str
    state: str
    detail: str

    @property
    def tag(self) -> str:
        return TAGS[self.state][0]

    @property
    def tag_class(self) -> str:
        return TAGS[self.state][1]


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _acknowledged_in_time(record: StageRecord, today: date, *, refused: bool = False) -> CheckItem:
    para = "6.11" if record.stage == 2 else "6.2"
    title = f"Stage {record.stage} acknowledged within 5 working days"
    if refused and record.acknowledged_on is None:
        # A complaint not accepted is answered by the refusal letter (Code 2.4), not acknowledged.
        return CheckItem("ack", title, para, NOT_APPLICABLE, "Not accepted, so no acknowledgement is due")
    # Met or not is judged on the Code's date; the date to aim for is our policy's (told to the resident).
    due = record.code_acknowledge_by or record.acknowledge_by
    if record.acknowledged_on is None:
        if today > due:
            return CheckItem("ack", title, para, NOT_MET, f"Not acknowledged; it was due by {long_date(due)}")
        return CheckItem("ack", title, para, TO_DO, f"Acknowledge by {long_date(record.acknowledge_by)}")
    if record.acknowledged_on <= due:
        return CheckItem("ack", title, para, MET, f"Acknowledged on {long_date(record.acknowledged_on)}")
    return CheckItem(
        "ack",
        title,
        para,
        NOT_MET,
        f"Acknowledged on {long_date(record.acknowledged_on)}, after {long_date(due)}",
    )


def _definition(record: StageRecord) -> CheckItem:
    title = f"Stage {record.stage} complaint definition and outcomes sought recorded"
    if record.acknowledged_on is None:
        return CheckItem("definition", title, "5.6", TO_DO, "Record them when you acknowledge")
    missing = [
        n
        for n, v in (("definition", record.definition), ("outcomes sought", record.outcomes_sought))
        if not v.strip()
    ]
    if missing:
        return CheckItem("definition", title, "5.6", NOT_MET, f"No {' or '.join(missing)} recorded")
    return CheckItem("definition", title, "5.6", MET, "Recorded at acknowledgement")


def _responsibility(record: StageRecord) -> CheckItem:
    title = f"Stage {record.stage}: what we are and are not responsible for is set out"
    if record.acknowledged_on is None:
        return CheckItem("responsibility", title, "5.7", TO_DO, "Set it out when you acknowledge")
    if not record.responsibility.strip():
        return CheckItem("responsibility", title, "5.7", NOT_MET, "Nothing recorded about responsibility")
    return CheckItem("responsibility", title, "5.7", MET, "Set out at acknowledgement")


def _extensions(records: list[StageRecord]) -> Iterator[CheckItem]:
    extended = [r for r in records if list(r.extensions.all())]
    if not extended:
        yield CheckItem(
            "extension",
            "Extensions notified with the Ombudsman's details",
            "6.5",
            NOT_APPLICABLE,
            "No extension",
        )
        return
    for record in extended:
        para = "6.16" if record.stage == 2 else "6.5"
        title = f"Stage {record.stage} extension notified with the Ombudsman's details"
        gaps = [e for e in record.extensions.all() if not (e.ombudsman_details_given and e.notified_on)]
        if gaps:
            yield CheckItem("extension", title, para, NOT_MET, f"{len(gaps)} extension(s) without them")
        else:
            dates = ", ".join(long_date(e.notified_on) for e in record.extensions.all())
            yield CheckItem("extension", title, para, MET, f"Notified on {dates}")


def _different_handler(records: list[StageRecord]) -> CheckItem:
    title = "A different person considers stage 2"
    by_stage = {r.stage: r for r in records}
    if 2 not in by_stage:
        return CheckItem(
            "stage2_handler", title, "6.13", NOT_APPLICABLE, "Applies if the complaint is escalated"
        )
    first, second = by_stage.get(1), by_stage[2]
    if second.handler_id is None:
        return CheckItem("stage2_handler", title, "6.13", TO_DO, "Assign a stage 2 handler")
    if first is not None and first.handler_id == second.handler_id:
        return CheckItem("stage2_handler", title, "6.13", NOT_MET, "The stage 1 handler is handling stage 2")
    name = second.handler.display_name if second.handler else ""
    return CheckItem("stage2_handler", title, "6.13", MET, f"Stage 2 handled by {name}")


def _responded_in_time(record: StageRecord, today: date) -> CheckItem:
    para = "6.14" if record.stage == 2 else "6.3"
    title = f"Stage {record.stage} response sent in time"
    if record.respond_by is None:
        return CheckItem("respond", title, para, TO_DO, "The deadline starts at acknowledgement")
    due = record.code_respond_by or record.respond_by
    if record.responded_on is None:
        if today > due:
            return CheckItem("respond", title, para, NOT_MET, f"Overdue: it was due by {long_date(due)}")
        return CheckItem("respond", title, para, TO_DO, f"Respond by {long_date(record.respond_by)}")
    if record.responded_on <= due:
        return CheckItem("respond", title, para, MET, f"Sent on {long_date(record.responded_on)}")
    return CheckItem(
        "respond",
        title,
        para,
        NOT_MET,
        f"Sent on {long_date(record.responded_on)}, after {long_date(due)}",
    )


def _response_covers(record: StageRecord, complaint: Complaint) -> CheckItem:
    para = "6.19" if record.stage == 2 else "6.9"
    title = f"Stage {record.stage} response covers stage, definition, decision, reasons, remedy and actions"
    if record.responded_on is None:
        return CheckItem("covers", title, para, TO_DO, "Record them when you respond")
    gaps = []
    if not record.definition.strip():
        gaps.append("definition (b)")
    if not record.decision:
        gaps.append("decision (c)")
    if not record.reasons.strip():
        gaps.append("reasons (d)")
    remedies = [r for r in complaint.remedies.all() if r.stage == record.stage]
    upheld = record.decision in (Decision.UPHELD, Decision.PARTLY_UPHELD)
    if upheld and not remedies and not record.no_remedy_reason.strip():
        gaps.append("a remedy for an upheld complaint, or why none is offered (e)")
    if gaps:
        return CheckItem("covers", title, para, NOT_MET, "Missing: " + ", ".join(gaps))
    actions = [a for a in complaint.actions.all() if a.stage == record.stage]
    recorded = f"{_count(len(remedies), 'remedy', 'remedies')} and {_count(len(actions), 'outstanding action', 'outstanding actions')}"
    return CheckItem("covers", title, para, MET, f"{recorded} recorded")


def _actions_on_track(complaint: Complaint, today: date) -> CheckItem:
    title = "Outstanding actions and remedies on track"
    late = [a for a in complaint.actions.all() if a.completed_on is None and a.first_promise_on < today]
    late_remedies = [
        r
        for r in complaint.remedies.all()
        if r.completed_on is None and r.due_on is not None and r.due_on < today
    ]
    tracked = [a for a in complaint.actions.all()] + [r for r in complaint.remedies.all() if r.due_on]
    if not tracked:
        return CheckItem("actions", title, "6.6", NOT_APPLICABLE, "No outstanding actions")
    if late or late_remedies:
        return CheckItem(
            "actions", title, "6.6", NOT_MET, f"{len(late) + len(late_remedies)} past the date promised"
        )
    return CheckItem("actions", title, "6.6", MET, "Every promise date is still ahead or kept")


def code_checklist(complaint: Complaint, *, today: date) -> list[CheckItem]:
    """The Code's requirements for this complaint, stage by stage, as of `today`."""
    records = sorted(complaint.stages.all(), key=lambda r: r.stage)
    items: list[CheckItem] = []
    for record in records:
        refused = complaint.status == "refused"
        items += [
            _acknowledged_in_time(record, today, refused=refused),
            _definition(record),
            _responsibility(record),
        ]
    items += list(_extensions(records))
    items.append(_different_handler(records))
    for record in records:
        items += [_responded_in_time(record, today), _response_covers(record, complaint)]
    items.append(_actions_on_track(complaint, today))
    return items
