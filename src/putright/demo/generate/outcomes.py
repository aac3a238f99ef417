"""The actions on a generated complaint at a stage: each adds its rows and records one event.

They mirror the services in `putright.cases.services` field for field (status, next
deadline, handler, dates), so a generated case reads like one handled through the app.
The snapshot for an event is taken before the change, as the services do.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from putright.cases.models import EventAction
from putright.cases.services.deadlines import extended_due, respond_due
from putright.demo.generate import texts
from putright.demo.generate.record import Case, StageRow
from putright.demo.generate.world import Staff, choice, long_date, moment, randint

if TYPE_CHECKING:
    from putright.demo.generate.simulate import Simulator

Deferred = tuple[date, Staff, str, str, dict[str, Any], dict[str, Any], dict[str, Any]]
# About one acknowledgement or response in 25 is entered a day or two after it went (5.12).
P_LATE_ENTRY = 0.04


class Outcomes:
    def __init__(self, sim: Simulator) -> None:
        self.sim = sim
        self.rows = sim.rows
        self.take = sim.sink.take
        self.deferred: list[Deferred] = []

    def record(
        self,
        case: Case,
        rec: StageRow | None,
        before: dict[str, Any],
        day: date,
        actor: Staff,
        action: str,
        summary: str,
        details: dict[str, Any] | None = None,
        **state: Any,
    ) -> datetime:
        """Apply `state` and write the event for the change since `before`; return its time."""
        at = self.sim.at(case, day)
        case.state.update(state)
        case.event(at, actor, action, summary, before, case.snapshot(rec), details)
        return at

    def letter(self, case: Case, at: datetime, direction: str, subject: str, body: str, by: Staff) -> None:
        channel = "letter" if direction == "out" else "email"
        self.rows["correspondence"].append(
            (
                self.take("correspondence"),
                case.id,
                direction,
                channel,
                case.party,
                subject,
                body,
                at,
                by[0],
                at,
            )
        )

    def entered(self, day: date) -> tuple[date, dict[str, Any]]:
        """The day a step dated `day` is recorded, and what its event keeps of a late entry (5.12)."""
        rng = self.sim.rng
        if rng.random() >= P_LATE_ENTRY:
            return day, {}
        recorded = day + timedelta(days=randint(rng, 1, 2))
        if recorded >= self.sim.today:
            return day, {}
        reason = choice(rng, texts.LATE_ENTRY_REASONS)
        return recorded, {"date_given": day, "recorded_on": recorded, "late_entry_reason": reason}

    def assign(self, case: Case, rec: StageRow, day: date, who: Staff) -> None:
        before = case.snapshot(rec)
        rec.handler_id = who[0]
        summary = f"Assigned to {who[1]} at stage {rec.stage}"
        self.record(
            case,
            rec,
            before,
            day,
            self.sim.world.officer,
            EventAction.ASSIGNED.value,
            summary,
            handler=who[1],
        )

    def acknowledge(self, case: Case, rec: StageRow, day: date, who: Staff) -> None:
        """Code 6.2, 6.11; the response deadline runs from this actual date (6.3, 6.14)."""
        before = case.snapshot(rec)
        rec.acknowledged_on, rec.handler_id = day, who[0]
        rec.definition = texts.DEFINITIONS[case.slug]
        if rec.stage == 2:
            rec.definition += " The resident is unhappy with the stage 1 response."
        rec.outcomes_sought = choice(self.sim.rng, texts.OUTCOMES)
        rec.responsibility = texts.RESPONSIBILITY
        rec.respond_by, rec.code_respond_by = self._respond_by(case, rec, day)
        rec.ack_recorded_on, late = self.entered(day)
        rec.ack_late_reason = late.get("late_entry_reason", "")
        at = self.record(
            case,
            rec,
            before,
            rec.ack_recorded_on,
            who,
            EventAction.ACKNOWLEDGED.value,
            f"Stage {rec.stage} acknowledged on {long_date(day)}; response due {long_date(rec.respond_by)}",
            {
                "definition": rec.definition,
                "outcomes_sought": rec.outcomes_sought,
                "responsibility": rec.responsibility,
                **late,
            },
            status="acknowledged",
            handler=who[1],
            next_due=rec.respond_by,
        )
        body = (
            f"We understand your complaint as: {rec.definition} We will reply by {long_date(rec.respond_by)}."
        )
        self.letter(case, at, "out", f"Stage {rec.stage}: we have your complaint", body, who)

    def _respond_by(self, case: Case, rec: StageRow, acknowledged_on: date) -> tuple[date, date]:
        due = respond_due(
            edition=case.edition,
            stage=rec.stage,
            requested_on=rec.requested_on,
            acknowledged_on=acknowledged_on,
            extension_days=rec.extension_days,
            policy=self.sim.policy,
            calendar=self.sim.calendar,
        )
        return due.policy, due.code

    def clarify(self, case: Case, rec: StageRow, day: date, who: Staff) -> None:
        """Code 5.6: ask where the complaint is unclear."""
        question = "Please tell us which rooms are affected and when the problem started."
        before = case.snapshot(rec)
        summary = "Asked the resident for clarification"
        at = self.record(
            case,
            rec,
            before,
            day,
            who,
            EventAction.CLARIFICATION_REQUESTED.value,
            summary,
            {"questions": question},
        )
        self.letter(case, at, "out", "We need to check our understanding of your complaint", question, who)

    def extend(self, case: Case, rec: StageRow, day: date, days: int, good: bool, who: Staff) -> None:
        """Code 6.4, 6.15, with the Ombudsman's details given (6.5, 6.16)."""
        assert rec.acknowledged_on is not None
        before = case.snapshot(rec)
        assert rec.respond_by is not None
        due = extended_due(
            respond_by=rec.respond_by,
            code_respond_by=rec.code_respond_by,
            working_days=days,
            calendar=self.sim.calendar,
        )
        rec.extension_days += days
        rec.respond_by, rec.code_respond_by = due.policy, due.code
        reason = choice(self.sim.rng, texts.EXTENSION_REASONS)
        # Only an extension that passes the cap needs its good reason written down for the
        # resident; picked without the random stream so the rest of the simulation is unchanged.
        explanation = texts.GOOD_REASONS[rec.id % len(texts.GOOD_REASONS)] if good else ""
        at = self.record(
            case,
            rec,
            before,
            day,
            who,
            EventAction.EXTENDED.value,
            f"Stage {rec.stage} response extended by {days} working days to {long_date(rec.respond_by)}",
            {
                "reason": reason,
                "good_reason": good,
                "working_days": days,
                "notified_on": day,
                "beyond_cap": good,
                **({"good_reason_explanation": explanation} if good else {}),
            },
            next_due=rec.respond_by,
        )
        self.rows["extension"].append(
            (
                self.take("extension"),
                rec.id,
                days,
                reason,
                good,
                explanation,
                day,
                True,
                rec.respond_by,
                who[0],
                at,
            )
        )
        body = f"{' '.join(filter(None, (reason, explanation)))} We will reply by {long_date(rec.respond_by)}. {texts.OMBUDSMAN}"
        self.letter(case, at, "out", "We need more time to reply", body, who)

    def agree_updates(self, case: Case, rec: StageRow, day: date, who: Staff) -> None:
        """Code 5.9: a late response, with updates agreed at an interval."""
        interval = choice(self.sim.rng, (5, 5, 10))
        following = self.sim.calendar.add_working_days(day, interval)
        self.rows["update_agreement"].append(
            (self.take("update_agreement"), case.id, interval, day, following, "Phone call", True, day, "")
        )
        before = case.snapshot(rec)
        summary = f"Agreed to update the resident every {interval} working days"
        details = {"next_update_on": following, "method": "Phone call"}
        self.record(case, rec, before, day, who, EventAction.UPDATES_AGREED.value, summary, details)

    def flush_deferred(self, case: Case) -> None:
        """Completions of remedies and actions, which come after the rest of the story."""
        latest = case.last_at
        for day, who, action, summary, before, after, details in self.deferred:
            at = moment(self.sim.rng, day)
            case.event(at, who, action, summary, before, after, details)
            latest = max(latest, at) if latest else at
        case.last_at = latest
        self.deferred.clear()
