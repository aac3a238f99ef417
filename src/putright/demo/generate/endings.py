"""How a generated stage ends other than by its response: a closure, an escalation, a
refusal (perhaps reopened), an escalation refused or a withdrawal. Each writes one event,
as the services do."""

from __future__ import annotations

from datetime import date, datetime

from putright.cases.models import EventAction
from putright.demo.generate import texts
from putright.demo.generate.record import Case, StageRow
from putright.demo.generate.responses import Responses
from putright.demo.generate.world import Staff, choice, long_date, moment, randint
from putright.rules.endings import deadline_missed_by

REFUSAL_LABELS = {
    "over_12_months": "the issue arose more than 12 months ago",
    "legal_proceedings": "legal proceedings have started",
    "previously_considered": "already considered under the policy",
    "other": "another reason set out in the policy",
}
WITHDRAWAL_REASONS = (
    "The resident says the repair has now been done.",
    "The resident has moved home and no longer wants to pursue it.",
    "The resident asked to withdraw the complaint.",
)
DISCRETION = "We considered whether there were good reasons for the delay in complaining; none were given."
PREVIOUS_DECISION = "Earlier complaint about the same matter, answered at stage 2."
REOPEN_REASON = "The Ombudsman found the exclusion was not fairly applied, so we are taking the complaint on."
P_REOPENED = 0.25


class Endings(Responses):
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
        # Over 12 months: the awareness date is on the complaint (see `intake._issue_dates`), and
        # the discretion considered is recorded (Code 2.3).
        discretion = DISCRETION if reason == "over_12_months" else ""
        reopen_on, reopen_at = self._reopening(day)
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

    def _reopening(self, refused_on: date) -> tuple[date | None, datetime | None]:
        """A quarter of refusals are reopened a few working days later (Code 2.4), if by now."""
        rng = self.sim.rng
        if rng.random() >= P_REOPENED:
            return None, None
        reopen_on = self.sim.calendar.add_working_days(refused_on, randint(rng, 3, 15))
        if reopen_on >= self.sim.today:
            return None, None
        return reopen_on, moment(rng, reopen_on, 9, 17)

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
