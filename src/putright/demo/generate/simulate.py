"""One complaint's life, lived through the Code's timescales up to yesterday.

Deadlines come from the services' one deadline function (`cases.services.deadlines`: the
landlord's policy and each complaint's edition of the Code) and `check_extension`, on the
Code's calendar; states follow the lifecycle table (log, acknowledge, extend,
respond, escalate, close, refuse, withdraw). Whatever has not happened by today is
left open, so the open cases and the overdue ones are what a landlord would see. How a
complaint comes in is `generate.intake`; what each step writes is `generate.outcomes`,
`generate.responses` and `generate.endings`.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from putright.cases.services.deadlines import Due, acknowledge_due, landlord_policy
from putright.demo.generate.columns import Row
from putright.demo.generate.endings import Endings
from putright.demo.generate.hazards import hazard_progress, hazard_row
from putright.demo.generate.intake import Refusal, log, take_in
from putright.demo.generate.people import People
from putright.demo.generate.record import Case, StageRow
from putright.demo.generate.sinks import Sink
from putright.demo.generate.world import Staff, World, choice, moment, randint
from putright.rules.calendar import WorkingDayCalendar
from putright.rules.editions import ruleset_by_key
from putright.rules.hazard_scope import IN_FORCE, HazardKind
from putright.rules.timescales import check_extension

ACK_DELAYS = (1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5, 5, 5, 6, 8)
P_STALLED = 0.004
P_ESCALATED_AFTER_RESPONSE = 0.23  # about one complaint in five overall reaches stage 2
P_LATE = {1: 0.12, 2: 0.18}
P_EXTENDED = {1: 0.15, 2: 0.2}
FIRST_EXTENSION = {1: (5, 5, 10, 10, 3, 7), 2: (5, 10, 10, 20)}


class Simulator:
    def __init__(
        self, *, rng: random.Random, calendar: WorkingDayCalendar, today: date, world: World, sink: Sink
    ) -> None:
        self.rng, self.calendar, self.today, self.world, self.sink = rng, calendar, today, world, sink
        # The landlord's timescales, read once: the generated history keeps to one policy.
        self.policy = landlord_policy()
        self.rows: dict[str, list[Row]] = {key: [] for key in sink.tables}
        self.outcomes = Endings(self)
        self.people = People(rng, world, sink, self.rows)

    def acknowledge_due(self, case: Case, stage: int, requested_on: date) -> Due:
        return acknowledge_due(
            edition=case.edition,
            stage=stage,
            requested_on=requested_on,
            policy=self.policy,
            calendar=self.calendar,
        )

    def take_rows(self) -> dict[str, list[Row]]:
        """The rows generated since the last call; generation carries on into empty lists."""
        taken = {key: list(rows) for key, rows in self.rows.items()}
        for rows in self.rows.values():
            rows.clear()
        return taken

    def at(self, case: Case, day: date) -> datetime:
        """A time on `day` after the case's last event, so its events stay in order."""
        when = moment(self.rng, day)
        if case.last_at is not None and when <= case.last_at:
            when = case.last_at + timedelta(minutes=randint(self.rng, 1, 20))
        return when

    def complaint(self, received_on: date) -> None:
        """One complaint received on `received_on`: logged, then lived up to yesterday."""
        case = Case(self.sink.take("complaint"), self.rows["event"], self.sink.take)
        vulnerable, withdrawn, refusal = take_in(self, case, received_on)
        s1 = log(self, case, vulnerable)
        handler = choice(self.rng, self.world.handlers)
        self._hazard(case, s1.requested_at)
        self._handle(case, s1, handler, withdrawn, refusal)
        self.outcomes.flush_deferred(case)
        self.rows["complaint"].append(case.row())
        self.rows["stage"].extend(rec.row(case.id) for rec in case.records)

    def _handle(
        self, case: Case, s1: StageRow, handler: Staff, withdrawn: bool, refusal: Refusal | None
    ) -> None:
        """Assigned (half the time), then withdrawn, refused (perhaps reopened) or taken through stage 1."""
        rng, add = self.rng, self.calendar.add_working_days
        received_on = s1.requested_on
        if rng.random() < 0.5 and add(received_on, 1) < self.today:
            self.outcomes.assign(case, s1, add(received_on, 1), handler)
        if withdrawn:
            self.outcomes.withdraw(case, s1, add(received_on, randint(rng, 1, 4)))
        elif refusal is not None:
            self.outcomes.refuse(case, s1, add(received_on, randint(rng, 1, 5)), handler, refusal)
            if case.refusal_reopens_on is not None:
                self.outcomes.reopen(case, s1, case.refusal_reopens_on)
                if self.stage(case, s1, handler):
                    self._after_stage_one(case)
        elif self.stage(case, s1, handler):
            self._after_stage_one(case)

    def _hazard(self, case: Case, received: datetime) -> None:
        """A hazard the complaint reveals: its record, in whatever state it has reached by
        now, and the complaint's sort keys as the hazard services store them (Awaab's Law)."""
        r, slug = self.rng.random(), case.slug
        kind, name = "", ""
        if slug == "damp-mould" and r < 0.5:
            kind, name = "significant", "damp_and_mould"
        elif slug == "heating-hot-water" and r < 0.1:
            kind, name = "emergency", "excess_cold"
        if not kind or received.date() < IN_FORCE:
            return
        now = datetime.combine(self.today, time(9), tzinfo=UTC)
        progress = hazard_progress(self.rng, HazardKind(kind), received, now, self.calendar)
        row, due = hazard_row(
            self.sink.take("hazard"),
            complaint_id=case.id,
            resident_id=case.intake[0],
            name=name,
            progress=progress,
            recorded_by=self.world.officer[0],
            calendar=self.calendar,
        )
        self.rows["hazard"].append(row)
        case.state["hazard"] = kind
        case.hazard_due_at = due
        # An open hazard raises the priority (a closed one no longer does), as `refresh_priority`.
        urgent = {"emergency": 30, "significant": 20}[kind] if due is not None else 0
        case.state["priority"] = urgent + (10 if case.state["vulnerable"] else 0)

    def stage(self, case: Case, rec: StageRow, handler: Staff) -> bool:
        """Acknowledge, extend and respond at one stage; True once the response has gone."""
        rng, add, today = self.rng, self.calendar.add_working_days, self.today
        stalled = rng.random() < P_STALLED
        if stalled and rng.random() < 0.5:
            return False
        ack = add(rec.started_on, choice(rng, ACK_DELAYS))
        if ack >= today:
            return False
        self.outcomes.acknowledge(case, rec, ack, handler)
        if rng.random() < 0.08:
            self.outcomes.clarify(case, rec, ack, handler)
        base = ruleset_by_key(case.edition).respond_days[rec.stage]
        # Whatever comes next happens on or after the day of the last extension.
        busy = ack
        if rng.random() < P_EXTENDED[rec.stage]:
            busy = self._extend(case, rec, add(ack, randint(rng, 3, base - 1)), handler)
        if rng.random() < 0.02:
            self.outcomes.withdraw(case, rec, add(busy, randint(rng, 1, 5)))
            return False
        if stalled:
            return False
        allowed = base + rec.extension_days
        late = rng.random() < P_LATE[rec.stage]
        replied = add(
            ack, allowed + randint(rng, 1, 10) if late else randint(rng, max(1, allowed // 3), allowed)
        )
        replied = max(replied, busy)
        if replied >= today:
            assert rec.respond_by is not None
            if rec.respond_by < today and rng.random() < 0.5:
                self.outcomes.agree_updates(case, rec, rec.respond_by, handler)
            return False
        self.outcomes.respond(case, rec, replied, handler)
        return True

    def _extend(self, case: Case, rec: StageRow, day: date, handler: Staff) -> date:
        """Within the cap (Code 6.4, 6.15) unless a second extension has good reason to pass it.

        Returns the day of the last extension granted.
        """
        rng = self.rng
        grants = [(day, choice(rng, FIRST_EXTENSION[rec.stage]))]
        if rng.random() < 0.15:
            grants.append((self.calendar.add_working_days(day, 3), choice(rng, (5, 10))))
        ruleset = ruleset_by_key(case.edition)
        cap = ruleset.extension_cap_days[rec.stage]
        last = rec.acknowledged_on
        assert last is not None
        for on, days in grants:
            if on >= self.today:
                break
            good = rec.extension_days + days > cap
            check_extension(
                stage=rec.stage,
                already_extended_days=rec.extension_days,
                requested_days=days,
                good_reason=good,
                ruleset=ruleset,
            )
            self.outcomes.extend(case, rec, on, days, good, handler)
            last = on
        return last

    def _after_stage_one(self, case: Case) -> None:
        """Closed after a while, or escalated by the resident (Code 6.10-6.12), or escalation refused (5.11)."""
        rng, add, today = self.rng, self.calendar.add_working_days, self.today
        s1 = case.records[0]
        assert s1.responded_on is not None
        close_on = add(s1.responded_on, randint(rng, 10, 25))
        escalates = rng.random() < P_ESCALATED_AFTER_RESPONSE
        asked = add(s1.responded_on, randint(rng, 1, 30)) if escalates else None
        if close_on < today and (asked is None or close_on < asked):
            self.outcomes.close(case, s1, close_on)
        if asked is None or asked >= today:
            return
        refuse_on = add(asked, randint(rng, 1, 7))  # a few after the 5 working days (late, 6.11)
        if rng.random() < 0.04 and refuse_on < today:
            self.outcomes.refuse_escalation(case, s1, asked, refuse_on)
            return
        s2 = self.outcomes.escalate(case, s1, asked)
        case.records.append(s2)
        reviewer = choice(rng, self.world.reviewers)
        if rng.random() < 0.5 and add(asked, 1) < today:
            self.outcomes.assign(case, s2, add(asked, 1), reviewer)
        if self.stage(case, s2, reviewer):
            assert s2.responded_on is not None
            close_on = s2.responded_on + timedelta(days=randint(rng, 0, 10))
            if close_on < today:
                self.outcomes.close(case, s2, close_on)
