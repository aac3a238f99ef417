"""One complaint's life, lived through the Code's timescales up to yesterday.

Deadlines come from the services' one deadline function (`cases.services.deadlines`: the
landlord's policy and each complaint's edition of the Code) and `check_extension`, on the
Code's calendar; states follow the lifecycle table (log, acknowledge, extend,
respond, escalate, close, refuse, withdraw). Whatever has not happened by today is
left open, so the open cases and the overdue ones are what a landlord would see.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from putright.cases.demo.data import service_area_for
from putright.cases.generate import texts
from putright.cases.generate.columns import Row
from putright.cases.generate.endings import Endings
from putright.cases.generate.hazards import hazard_progress, hazard_row
from putright.cases.generate.people import People
from putright.cases.generate.record import Case, StageRow
from putright.cases.generate.sinks import Sink
from putright.cases.generate.world import Staff, Weighted, World, choice, long_date, moment, randint
from putright.cases.models import EventAction
from putright.cases.models.people import channel_phrase
from putright.cases.services.deadlines import Due, acknowledge_due, edition_for, landlord_policy
from putright.rules.calendar import WorkingDayCalendar
from putright.rules.editions import ruleset_by_key
from putright.rules.hazard_scope import IN_FORCE, HazardKind
from putright.rules.timescales import check_extension

CHANNELS = Weighted(texts.CHANNELS)
REFUSALS = Weighted([(r, r[1]) for r in texts.REFUSALS])
ACK_DELAYS = (1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5, 5, 5, 6, 8)
P_WITHDRAWN, P_REFUSED, P_STALLED = 0.02, 0.04, 0.004
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
        rng, world, add = self.rng, self.world, self.calendar.add_working_days
        case = Case(self.sink.take("complaint"), self.rows["event"], self.sink.take)
        received_at = moment(rng, received_on, 7, 19)
        resident_id, vulnerable = self.people.resident(received_at)
        rep_id, case.party = self.people.representative(received_on)
        category_id = world.categories_by_month[received_on.month - 1].pick(rng)
        case.slug = world.category_slugs[category_id]
        area = service_area_for(case.slug, case.id)
        case.service_area_id = world.service_area_ids.get(area) if area else None
        channel = "representative" if rep_id and rng.random() < 0.3 else CHANNELS.pick(rng)
        description = choice(rng, texts.TEXTS[case.slug])
        fate = rng.random()
        refused = P_WITHDRAWN <= fate < P_WITHDRAWN + P_REFUSED
        refusal = REFUSALS.pick(rng) if refused else texts.REFUSALS[0]
        issue, aware = self._issue_dates(received_on, out_of_time=refused and refusal[0] == "over_12_months")
        case.intake = (
            resident_id,
            rep_id,
            category_id,
            channel,
            description,
            received_at,
            received_on,
            issue,
            aware,
        )
        case.edition = edition_for(received_on)
        s1 = StageRow(
            self.sink.take("stage"),
            1,
            received_at,
            received_on,
            self.acknowledge_due(case, 1, received_on),
        )
        case.records.append(s1)
        case.state = {
            "status": "received",
            "stage": 1,
            "handler": None,
            "next_due": s1.acknowledge_by,
            "priority": 10 if vulnerable else 0,
            "hazard": "",
            "vulnerable": vulnerable,
        }
        summary = f"Complaint received {channel_phrase(channel)} on {long_date(received_on)}"
        details = {"description": description, "received_at": received_at.isoformat()}
        case.event(
            received_at, world.officer, EventAction.LOGGED.value, summary, {}, case.snapshot(s1), details
        )
        intake = (
            case.id,
            "in",
            channel,
            case.party,
            "Complaint",
            description,
            received_at,
            world.officer[0],
            received_at,
        )
        self.rows["correspondence"].append((self.sink.take("correspondence"), *intake))
        handler = choice(rng, world.handlers)
        self._hazard(case, received_at)
        if rng.random() < 0.5 and add(received_on, 1) < self.today:
            self.outcomes.assign(case, s1, add(received_on, 1), handler)
        if fate < P_WITHDRAWN:
            self.outcomes.withdraw(case, s1, add(received_on, randint(rng, 1, 4)))
        elif refused:
            self.outcomes.refuse(case, s1, add(received_on, randint(rng, 1, 5)), handler, refusal)
            if case.refusal_reopens_on is not None:
                self.outcomes.reopen(case, s1, case.refusal_reopens_on)
                if self.stage(case, s1, handler):
                    self._after_stage_one(case)
        elif self.stage(case, s1, handler):
            self._after_stage_one(case)
        self.outcomes.flush_deferred(case)
        self.rows["complaint"].append(case.row())
        self.rows["stage"].extend(rec.row(case.id) for rec in case.records)

    def _issue_dates(self, received_on: date, *, out_of_time: bool) -> tuple[date, date | None]:
        """When the issue arose and when the resident became aware (Code 2.3's 12 months)."""
        rng = self.rng
        if out_of_time:
            issue = received_on - timedelta(days=randint(rng, 400, 1500))
            return issue, issue + timedelta(days=randint(rng, 0, 20))
        issue = received_on - timedelta(days=int(rng.triangular(0, 200, 5)))
        if rng.random() < 0.7:
            return issue, None
        return issue, issue + timedelta(days=randint(rng, 0, (received_on - issue).days))

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
