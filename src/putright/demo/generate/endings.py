"""How a generated stage ends: a response with remedies and actions, a closure, an
escalation, a refusal or a withdrawal. Each writes one event, as the services do."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from putright.cases.models import EventAction, RemedyKind
from putright.demo.generate import texts
from putright.demo.generate.outcomes import Outcomes
from putright.demo.generate.record import Case, StageRow
from putright.demo.generate.world import Staff, Weighted, choice, long_date, moment, randint
from putright.rules.endings import deadline_missed_by

DECISIONS = Weighted(texts.DECISIONS)
AMOUNTS = Weighted(texts.FINANCIAL)
DECISION_LABELS = {"upheld": "upheld", "partly_upheld": "partly upheld", "not_upheld": "not upheld"}
REFUSAL_LABELS = {
    "over_12_months": "the issue arose more than 12 months ago",
    "legal_proceedings": "legal proceedings have started",
    "previously_considered": "already considered under the policy",
    "other": "another reason set out in the policy",
}
ACTIONS = (
    "Complete the outstanding repair",
    "Inspect the home again and report back",
    "Arrange a contractor visit and confirm the date",
    "Update the resident's contact preferences on our systems",
)
OTHER_REMEDIES = (
    ("explanation", "We have explained how we will handle reports like yours from now on."),
    ("act_on_delay", "We have booked the work for the first available date."),
    ("change_policy", "We are changing how repairs are booked so appointments are confirmed in writing."),
    ("amend_record", "We have corrected your rent account."),
)
# About one promise in eight is moved once, and the resident told (Code 6.6).
P_PROMISE_MOVED = 0.12
APOLOGY = "We apologise for the delay and the distress caused."
WITHDRAWAL_REASONS = (
    "The resident says the repair has now been done.",
    "The resident has moved home and no longer wants to pursue it.",
    "The resident asked to withdraw the complaint.",
)
DISCRETION = "We considered whether there were good reasons for the delay in complaining; none were given."
PREVIOUS_DECISION = "Earlier complaint about the same matter, answered at stage 2."
REOPEN_REASON = "The Ombudsman found the exclusion was not fairly applied, so we are taking the complaint on."
P_REOPENED = 0.25
DONE = "The work is complete."


class Endings(Outcomes):
    def respond(self, case: Case, rec: StageRow, day: date, who: Staff) -> None:
        """Code 6.3, 6.9, 6.14, 6.19 with remedies (7.1-7.3) and outstanding actions (6.6)."""
        rng = self.sim.rng
        before = case.snapshot(rec)
        decision = DECISIONS.pick(rng)
        rec.responded_on, rec.decision, rec.reasons = day, decision, choice(rng, texts.REASONS)
        remedies = self._remedies(case, rec, day, who) if decision != "not_upheld" else []
        actions = (
            self._actions(case, rec, day, who) if decision != "not_upheld" and rng.random() < 0.8 else []
        )
        rec.response_recorded_on, late = self.entered(day)
        rec.response_late_reason = late.get("late_entry_reason", "")
        details = {"reasons": rec.reasons, "remedies": remedies, "outstanding_actions": actions, **late}
        summary = f"Stage {rec.stage} response sent on {long_date(day)}: {DECISION_LABELS[decision]}"
        at = self.record(
            case,
            rec,
            before,
            rec.response_recorded_on,
            who,
            EventAction.RESPONDED.value,
            summary,
            details,
            status="responded",
            next_due=None,
        )
        after = "the Housing Ombudsman" if rec.stage == 2 else "stage 2 of our complaints procedure"
        body = f"Our decision: {DECISION_LABELS[decision]}. {rec.reasons} If you are not satisfied you can ask for {after}."
        self.letter(case, at, "out", f"Our stage {rec.stage} response", body, who)

    def _remedies(self, case: Case, rec: StageRow, day: date, who: Staff) -> list[dict[str, Any]]:
        rng, today = self.sim.rng, self.sim.today
        created = moment(rng, day)
        offered: list[tuple[str, str, Any, date | None, date | None]] = [
            # An apology is given in the response itself: due, and done, that day (7.3).
            ("apology", APOLOGY, None, day, day)
        ]
        if rng.random() < 0.5:
            done = day + timedelta(days=randint(rng, 1, 21))
            paid = done if done < today and rng.random() < 0.9 else None
            money = (
                "financial",
                "Compensation for time and trouble.",
                AMOUNTS.pick(rng),
                day + timedelta(days=14),
                paid,
            )
            offered.append(money)
        if rng.random() < 0.15:
            kind, text = choice(rng, OTHER_REMEDIES)
            offered.append((kind, text, None, day + timedelta(days=30), None))
        for kind, text, amount, due, completed in offered:
            rid = self.take("remedy")
            agreed = rng.random() < 0.7
            self.rows["remedy"].append(
                (rid, case.id, rec.stage, kind, text, amount, due, agreed, completed, created)
            )
            if completed is None and due is not None:
                case.promised.append(due)
            if completed and completed != day:
                details = {"remedy": rid, "completed_on": completed, "note": ""}
                summary = f"Remedy completed: {RemedyKind(kind).label}"
                self.deferred.append(
                    (completed, who, EventAction.REMEDY_COMPLETED.value, summary, {}, {}, details)
                )
        return [
            {"kind": k, "description": t, "amount": a and str(a), "due_on": d and d.isoformat()}
            for k, t, a, d, _ in offered
        ]

    def _actions(self, case: Case, rec: StageRow, day: date, who: Staff) -> list[dict[str, Any]]:
        rng, today = self.sim.rng, self.sim.today
        created = moment(rng, day)
        promised = []
        for _ in range(1 if rng.random() < 0.8 else 2):
            text = choice(rng, ACTIONS)
            first = day + timedelta(days=randint(rng, 5, 60))
            aid = self.take("action")
            promise = self._move_promise(aid, first, who) if rng.random() < P_PROMISE_MOVED else first
            done: date | None = max(promise + timedelta(days=randint(rng, -5, 12)), day + timedelta(days=1))
            if not (done and done < today and rng.random() < 0.85):
                done = None
            self.rows["action"].append((aid, case.id, rec.stage, text, who[0], promise, first, done, created))
            if done is None:
                case.promised.append(promise)
            if done:
                self.rows["action_update"].append(
                    (self.take("action_update"), aid, DONE, done, who[0], done, None, None, "", None, "")
                )
                old, new = (
                    {"promise_on": promise, "completed_on": None},
                    {"promise_on": promise, "completed_on": done},
                )
                summary = f"Outstanding action completed: {text}"
                self.deferred.append(
                    (
                        done,
                        who,
                        EventAction.ACTION_COMPLETED.value,
                        summary,
                        old,
                        new,
                        {"action": aid, "update": DONE},
                    )
                )
            promised.append({"description": text, "promise_on": first.isoformat()})
        return promised

    def _move_promise(self, aid: int, first: date, who: Staff) -> date:
        """The promise moved later before it fell due, the resident told why (Code 6.6, 6.17).

        The first date stays on the action and remains the measure of "kept on time".
        """
        rng = self.sim.rng
        told = first - timedelta(days=randint(rng, 1, 3))
        if told >= self.sim.today:
            return first
        moved = first + timedelta(days=randint(rng, 7, 28))
        why = choice(rng, texts.PROMISE_MOVES)
        text = f"We have had to move the date to {long_date(moved)}. {why}"
        self.rows["action_update"].append(
            (self.take("action_update"), aid, text, told, who[0], told, first, moved, why, told, "Phone call")
        )
        old, new = {"promise_on": first}, {"promise_on": moved}
        summary = (
            f"Promise moved from {long_date(first)} to {long_date(moved)} (first promised {long_date(first)})"
        )
        details = {
            "action": aid,
            "update": text,
            "first_promise_on": first,
            "promise_moved_from": first,
            "promise_change_reason": why,
            "resident_told_on": told,
            "resident_told_how": "Phone call",
        }
        self.deferred.append((told, who, "action_updated", summary, old, new, details))
        return moved

    def close(self, case: Case, rec: StageRow, day: date) -> None:
        case.closed_on = day
        before = case.snapshot(rec)
        self.record(
            case,
            rec,
            before,
            day,
            self.sim.world.officer,
            EventAction.CLOSED.value,
            "Complaint closed",
            status="closed",
        )

    def withdraw(self, case: Case, rec: StageRow, day: date) -> None:
        if day >= self.sim.today:
            return
        case.withdrawn_on = day
        officer = self.sim.world.officer
        before = case.snapshot(rec)
        reason = choice(self.sim.rng, WITHDRAWAL_REASONS)
        late = deadline_missed_by(
            on=day,
            acknowledge_by=rec.code_acknowledge_by,
            acknowledged_on=rec.acknowledged_on,
            respond_by=rec.code_respond_by,
            responded_on=rec.responded_on,
        )
        case.withdrawal = ("email", reason, late)
        note = {"note": reason, "channel": "email", "after_deadline": late}
        at = self.record(
            case,
            rec,
            before,
            day,
            officer,
            EventAction.WITHDRAWN.value,
            "Complaint withdrawn",
            note,
            status="withdrawn",
            next_due=None,
        )
        self.letter(case, at, "in", "Withdrawal", "Please withdraw my complaint.", officer)

    def refuse(
        self,
        case: Case,
        rec: StageRow,
        day: date,
        who: Staff,
        refusal: tuple[str, int, str],
    ) -> None:
        """Code 2.1-2.5: not accepted, explained in writing with the right to go to the Ombudsman."""
        if day >= self.sim.today:
            return
        reason, _, explanation = refusal
        evidence = "Checked against our records"
        # Over 12 months: the awareness date is on the complaint (see `_issue_dates`), and
        # the discretion considered is recorded (Code 2.3).
        discretion = DISCRETION if reason == "over_12_months" else ""
        reopen_on = reopen_at = None
        if self.sim.rng.random() < P_REOPENED:
            reopen_on = self.sim.calendar.add_working_days(day, randint(self.sim.rng, 3, 15))
            if reopen_on < self.sim.today:
                reopen_at = moment(self.sim.rng, reopen_on, 9, 17)
            else:
                reopen_on = None
        self.rows["refusal"].append(
            (
                self.take("refusal"),
                case.id,
                1,
                reason,
                evidence,
                explanation,
                day,
                who[0],
                False,
                discretion,
                None,
                None,
                None,
                reopen_at,
                reopen_on,
                REOPEN_REASON if reopen_on else "",
            )
        )
        case.refusal_reopens_on = reopen_on
        case.closed_on = day
        before = case.snapshot(rec)
        details = {"reason": reason, "explanation": explanation, "evidence": evidence}
        summary = f"Not accepted: {REFUSAL_LABELS[reason]}"
        at = self.record(
            case,
            rec,
            before,
            day,
            who,
            EventAction.REFUSED.value,
            summary,
            details,
            status="refused",
            next_due=None,
        )
        body = f"{explanation} {texts.OMBUDSMAN}"
        self.letter(case, at, "out", "We cannot accept your complaint", body, who)

    def reopen(self, case: Case, rec: StageRow, day: date) -> None:
        """Code 2.4: a refused complaint taken on; stage 1 starts again from the reopening."""
        before = case.snapshot(rec)
        due = self.sim.acknowledge_due(case, 1, day)
        rec.acknowledge_by, rec.code_acknowledge_by = due.policy, due.code
        rec.started_on = day
        case.closed_on = None
        summary = f"Reopened on {long_date(day)}; acknowledge by {long_date(rec.acknowledge_by)}"
        self.record(
            case,
            rec,
            before,
            day,
            self.sim.world.officer,
            "reopened",
            summary,
            {"reason": REOPEN_REASON},
            status="received",
            next_due=rec.acknowledge_by,
        )

    def refuse_escalation(self, case: Case, rec: StageRow, asked: date, day: date) -> None:
        """Code 5.11: escalation refused for a reason consistent with section 2."""
        reason, _, explanation = texts.REFUSALS[1]
        officer = self.sim.world.officer
        self.letter(
            case,
            self.sim.at(case, asked),
            "in",
            "Escalation request",
            "I want to take my complaint to stage 2.",
            officer,
        )
        requested_at = self.sim.at(case, asked)
        # A refusal is measured against the Code's stage 2 acknowledgement (6.11).
        due = self.sim.acknowledge_due(case, 2, asked).code
        self.rows["refusal"].append(
            (
                self.take("refusal"),
                case.id,
                2,
                reason,
                PREVIOUS_DECISION,
                explanation,
                day,
                officer[0],
                False,
                "",
                requested_at,
                asked,
                due,
                None,
                None,
                "",
            )
        )
        case.closed_on = case.closed_on or day
        before = case.snapshot(rec)
        details = {"reason": reason, "explanation": explanation}
        summary = f"Escalation refused: {REFUSAL_LABELS[reason]}"
        at = self.record(
            case,
            rec,
            before,
            day,
            officer,
            EventAction.ESCALATION_REFUSED.value,
            summary,
            details,
            status="closed",
        )
        self.letter(
            case,
            at,
            "out",
            "We cannot escalate your complaint",
            f"{explanation} {texts.OMBUDSMAN}",
            officer,
        )

    def escalate(self, case: Case, first: StageRow, asked: date) -> StageRow:
        """Code 6.10-6.12: stage 2 at the resident's request, no reason needed; handler cleared (6.13)."""
        at = self.sim.at(case, asked)
        ack = self.sim.acknowledge_due(case, 2, asked)
        due = ack.policy
        record = StageRow(self.take("stage"), 2, at, asked, ack)
        before = case.snapshot(first)
        case.state.update(status="received", stage=2, handler=None, next_due=due)
        case.escalation_requested_on, case.closed_on = asked, None
        summary = f"Stage 2 requested on {long_date(asked)}; acknowledge by {long_date(due)}"
        case.event(
            at,
            self.sim.world.officer,
            EventAction.ESCALATED.value,
            summary,
            before,
            case.snapshot(record),
            {"reason": ""},
        )
        self.letter(
            case,
            at,
            "in",
            "Escalation request",
            "I want to take my complaint to stage 2.",
            self.sim.world.officer,
        )
        return record
