"""The deadlines the Code's timescales give (sections 2, 5 and 6), and the checks on them.

The timescales themselves, one ruleset per edition of the Code, are data in
:mod:`putright.rules.editions`.

Counting rule for every working-day deadline: the day the period starts from (receipt,
escalation request, acknowledgement) is day 0; a deadline of N working days is the Nth
working day after it (see `WorkingDayCalendar.add_working_days`).
"""

from __future__ import annotations

import calendar as _gregorian
from dataclasses import dataclass, field
from datetime import date

from putright.rules.calendar import WorkingDayCalendar
from putright.rules.editions import HOS_2024, Policy, Ruleset
from putright.rules.errors import (
    ExtensionOverCap,
    PolicyLongerThanCode,
    RefusalWithinTimeLimit,
    RuleViolation,
    ThirdStageForbidden,
)

# Paragraph of each timescale, by stage.
_ACK_PARA = {1: "6.2", 2: "6.11"}
_RESPOND_PARA = {1: "6.3", 2: "6.14"}
_EXTENSION_PARA = {1: "6.4", 2: "6.15"}


def check_stage(stage: int, ruleset: Ruleset = HOS_2024) -> None:
    """Code 5.3: no more than two stages; Code 5.2: no "stage 0" before stage 1."""
    if stage < 1:
        raise ThirdStageForbidden(
            f"Stage {stage} does not exist: the Code allows no stage before stage 1",
            code_paragraph="5.2",
        )
    if stage > ruleset.max_stages:
        raise ThirdStageForbidden(
            f"Stage {stage} does not exist: the Code allows no more than {ruleset.max_stages} stages",
            code_paragraph="5.3",
        )


def validate_policy(policy: Policy, ruleset: Ruleset = HOS_2024) -> None:
    """Code 6.2, 6.3, 6.4, 6.11, 6.14, 6.15: a landlord's timescale may not exceed the Code's.

    Every stage must be set, to at least 1 working day; a stage the Code does not have is
    ThirdStageForbidden (Code 5.3).
    """
    for label, ours, code, paragraphs in (
        ("acknowledge", policy.acknowledge_days, ruleset.acknowledge_days, _ACK_PARA),
        ("respond", policy.respond_days, ruleset.respond_days, _RESPOND_PARA),
        ("extension cap", policy.extension_cap_days, ruleset.extension_cap_days, _EXTENSION_PARA),
    ):
        for stage in ours:
            check_stage(stage, ruleset)
        for stage in range(1, ruleset.max_stages + 1):
            para = paragraphs[stage]
            if stage not in ours:
                raise RuleViolation(
                    f"The policy sets no {label} timescale for stage {stage}",
                    code_paragraph=para,
                )
            if ours[stage] < 1:
                raise RuleViolation(
                    f"The stage {stage} {label} timescale must be at least 1 working day, not {ours[stage]}",
                    code_paragraph=para,
                )
            if ours[stage] > code[stage]:
                raise PolicyLongerThanCode(
                    f"The stage {stage} {label} timescale of {ours[stage]} working days is "
                    f"longer than the Code's {code[stage]} (Code {para})",
                    code_paragraph=para,
                )


def _policy(ruleset: Ruleset, policy: Policy | None) -> Policy | Ruleset:
    if policy is None:
        return ruleset
    validate_policy(policy, ruleset)
    return policy


def acknowledge_by(
    calendar: WorkingDayCalendar,
    *,
    stage: int,
    requested_on: date,
    ruleset: Ruleset = HOS_2024,
    policy: Policy | None = None,
) -> date:
    """Last day to acknowledge, define and log: Code 6.2 (stage 1, from receipt of the
    complaint) and Code 6.11 (stage 2, from receipt of the escalation request).

    The day of `requested_on` is day 0; the deadline is the 5th working day after it.
    """
    check_stage(stage, ruleset)
    days = _policy(ruleset, policy).acknowledge_days[stage]
    return calendar.add_working_days(requested_on, days)


def respond_by(
    calendar: WorkingDayCalendar,
    *,
    stage: int,
    acknowledged_on: date,
    extension_days: int = 0,
    ruleset: Ruleset = HOS_2024,
    policy: Policy | None = None,
    requested_on: date | None = None,
) -> date:
    """Last day for the response: Code 6.3 (10 working days at stage 1) and Code 6.14
    (20 at stage 2), counted from the ACTUAL acknowledgement, plus `extension_days`, the
    total of the extensions granted at this stage (Code 6.4, 6.15).

    Under the 2020 Code (paragraph 3.11) the period counts from the request instead (receipt
    of the complaint, or of the escalation request), so `requested_on` is needed for it.
    The day the period counts from is day 0.
    """
    check_stage(stage, ruleset)
    if extension_days < 0:
        raise ValueError(f"extension_days must be 0 or more, not {extension_days}")
    start = acknowledged_on
    if ruleset.respond_counts_from == "request":
        if requested_on is None:
            raise ValueError(f"{ruleset.name}: the response period counts from requested_on")
        start = requested_on
    days = _policy(ruleset, policy).respond_days[stage]
    return calendar.add_working_days(start, days + extension_days)


def check_extension(
    *,
    stage: int,
    already_extended_days: int,
    requested_days: int,
    good_reason: bool,
    ruleset: Ruleset = HOS_2024,
    policy: Policy | None = None,
) -> None:
    """Code 6.4 (stage 1) and Code 6.15 (stage 2): extensions at a stage add up, and without
    good reason their total may not pass 10 (stage 1) or 20 (stage 2) working days.

    A landlord `policy` with a shorter cap applies that cap instead. Days are working days
    counted on from the current response deadline.
    """
    check_stage(stage, ruleset)
    para = _EXTENSION_PARA[stage]
    if requested_days < 1:
        raise RuleViolation(
            f"An extension must be at least 1 working day, not {requested_days}",
            code_paragraph=para,
        )
    if already_extended_days < 0:
        raise ValueError(f"already_extended_days must be 0 or more, not {already_extended_days}")
    cap = _policy(ruleset, policy).extension_cap_days[stage]
    total = already_extended_days + requested_days
    if total > cap and not good_reason:
        raise ExtensionOverCap(
            f"Extensions at stage {stage} would total {total} working days; without good "
            f"reason they may not pass {cap} (Code {para})",
            code_paragraph=para,
        )


def add_months(day: date, months: int) -> date:
    """The same day of the month `months` calendar months later, clamped to the month's end
    (29 February plus 12 months is 28 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, _gregorian.monthrange(year, month)[1]))


def check_refusal_time_limit(
    *,
    received_on: date,
    issue_occurred_on: date | None,
    aware_on: date | None,
    ruleset: Ruleset = HOS_2024,
) -> None:
    """Code 2.3: a complaint received within 12 months of the issue occurring or of the
    resident becoming aware of it may not be refused as out of time.

    The later of the two known dates counts. "Within 12 months" means `received_on` is on or
    before the same day of the month 12 calendar months later. With neither date known the
    refusal cannot be evidenced (Code 2.1), so it is refused too.
    """
    known = [d for d in (issue_occurred_on, aware_on) if d is not None]
    if not known:
        raise RefusalWithinTimeLimit(
            "Record when the issue occurred or when the resident became aware of it: "
            "a refusal as out of time must be evidenced (Code 2.1)",
            code_paragraph="2.1",
        )
    latest = max(known)
    limit = add_months(latest, ruleset.refusal_time_limit_months)
    if received_on <= limit:
        raise RefusalWithinTimeLimit(
            f"The complaint was received on {received_on.isoformat()}, within "
            f"{ruleset.refusal_time_limit_months} months of {latest.isoformat()} (until "
            f"{limit.isoformat()}), so it must be accepted (Code 2.3)",
            code_paragraph="2.3",
        )


@dataclass(frozen=True)
class Timeliness:
    """How a deadline was met. Day 0 is the day the period started from."""

    due: date
    done_on: date | None = None
    working_days_taken: int | None = field(default=None)

    @property
    def on_time(self) -> bool | None:
        """True or False once done; None while still open."""
        return None if self.done_on is None else self.done_on <= self.due

    def overdue_on(self, today: date) -> bool:
        """Open and past its due date on `today` (the caller reads the clock, not the core)."""
        return self.done_on is None and today > self.due


def timeliness(
    calendar: WorkingDayCalendar, *, started_on: date, due: date, done_on: date | None
) -> Timeliness:
    """Timeliness of one deadline; working days taken count the day of `started_on` as day 0."""
    taken = None if done_on is None else calendar.working_days_between(started_on, done_on)
    return Timeliness(due=due, done_on=done_on, working_days_taken=taken)
