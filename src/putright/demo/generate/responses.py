"""How a generated stage is answered: the decision with its reasons, remedies (an apology,
often compensation; Code 7.1-7.3) and outstanding actions, some promises moved before they
fall due and the resident told (6.6). Completions come after the rest of the story, as
deferred events (`Outcomes.flush_deferred`).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from putright.cases.models import EventAction, RemedyKind
from putright.demo.generate import texts
from putright.demo.generate.outcomes import Outcomes
from putright.demo.generate.record import Case, StageRow
from putright.demo.generate.world import Staff, Weighted, choice, long_date, moment, randint

DECISIONS = Weighted(texts.DECISIONS)
AMOUNTS = Weighted(texts.FINANCIAL)
DECISION_LABELS = {"upheld": "upheld", "partly_upheld": "partly upheld", "not_upheld": "not upheld"}
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
DONE = "The work is complete."


class Responses(Outcomes):
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
