"""The Code's timescales (sections 2, 5 and 6) as dated rulesets, and the deadlines they give.

Counting rule for every working-day deadline: the day the period starts from (receipt,
escalation request, acknowledgement) is day 0; a deadline of N working days is the Nth
working day after it (see `WorkingDayCalendar.add_working_days`).
"""

from __future__ import annotations

import calendar as _gregorian
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum
from types import MappingProxyType

from putright.rules.calendar import WorkingDayCalendar
from putright.rules.errors import (
    ExtensionOverCap,
    PolicyLongerThanCode,
    RefusalWithinTimeLimit,
    RuleViolation,
    ThirdStageForbidden,
)


class Stage(IntEnum):
    """The only two stages the Code allows (Code 5.2, 5.3)."""

    ONE = 1
    TWO = 2


_TABLES = ("acknowledge_days", "respond_days", "extension_cap_days")


def _freeze_tables(obj: object) -> None:
    # Read-only and sorted, so a shared ruleset cannot be altered by one caller for all, and
    # equal tables hash equally.
    for name in _TABLES:
        table = MappingProxyType(dict(sorted(getattr(obj, name).items())))
        object.__setattr__(obj, name, table)


def _hash_tables(obj: object) -> int:
    return hash(tuple(tuple(getattr(obj, name).items()) for name in _TABLES))


@dataclass(frozen=True)
class Ruleset:
    """One edition of the Code's timescales, in force from `effective_from`."""

    key: str
    name: str
    effective_from: date
    acknowledge_days: Mapping[int, int]  # Code 6.2, 6.11
    respond_days: Mapping[int, int]  # Code 6.3, 6.14
    extension_cap_days: Mapping[int, int]  # Code 6.4, 6.15
    max_stages: int = 2  # Code 5.3
    refusal_time_limit_months: int = 12  # Code 2.3
    # What the response period counts from: "acknowledgement" (2024 Code 6.3, 6.14) or
    # "request", the receipt of the complaint or of the escalation request (2020 Code 3.11).
    respond_counts_from: str = "acknowledgement"

    def __post_init__(self) -> None:
        _freeze_tables(self)

    def __hash__(self) -> int:
        return hash(self.key)


HOS_2024 = Ruleset(
    key="hos-2024",
    name="Housing Ombudsman Complaint Handling Code 2024",
    effective_from=date(2024, 4, 1),
    acknowledge_days={1: 5, 2: 5},
    respond_days={1: 10, 2: 20},
    extension_cap_days={1: 10, 2: 20},
)

# The 2020 Code (paragraph 3.11), for complaints received before 1 April 2024: acknowledge
# within 5 working days; the stage 1 decision within 10 working days of receipt of the
# complaint and the stage 2 response within 20 of the request to escalate (both counted from
# the request, not the acknowledgement); each extendable by at most 10 working days without
# good reason. The 2020 Code sets one "logging and acknowledgement" timescale; putright applies
# it to both stages. Its optional third stage is not supported: putright has two stages.
HOS_2020 = Ruleset(
    key="hos-2020",
    name="Housing Ombudsman Complaint Handling Code 2020",
    effective_from=date(2020, 7, 1),
    acknowledge_days={1: 5, 2: 5},
    respond_days={1: 10, 2: 20},
    extension_cap_days={1: 10, 2: 10},
    respond_counts_from="request",
)

RULESETS: tuple[Ruleset, ...] = (HOS_2020, HOS_2024)

# Paragraph of each timescale, by stage.
_ACK_PARA = {1: "6.2", 2: "6.11"}
_RESPOND_PARA = {1: "6.3", 2: "6.14"}
_EXTENSION_PARA = {1: "6.4", 2: "6.15"}


def ruleset_in_force(on: date) -> Ruleset:
    """The edition of the Code a complaint received on `on` is judged by: the latest ruleset
    whose `effective_from` is on or before `on` (HOS_2020 before 1 April 2024, HOS_2024 from
    then). A complaint keeps its edition for its whole life, escalation included; dates before
    the first edition get the earliest.
    """
    in_force = [r for r in RULESETS if r.effective_from <= on]
    if not in_force:
        return min(RULESETS, key=lambda r: r.effective_from)
    return max(in_force, key=lambda r: r.effective_from)


def ruleset_by_key(key: str) -> Ruleset:
    """The ruleset stored on a complaint as `code_edition`."""
    for ruleset in RULESETS:
        if ruleset.key == key:
            return ruleset
    raise ValueError(f"No Code edition {key!r}: expected one of {', '.join(r.key for r in RULESETS)}")


@dataclass(frozen=True)
class Policy:
    """A landlord's own timescales in working days: shorter than the Code's, never longer."""

    acknowledge_days: Mapping[int, int]
    respond_days: Mapping[int, int]
    extension_cap_days: Mapping[int, int]

    def __post_init__(self) -> None:
        _freeze_tables(self)

    def __hash__(self) -> int:
        return _hash_tables(self)


def code_policy(ruleset: Ruleset = HOS_2024) -> Policy:
    """The policy that uses exactly the Code's timescales."""
    return Policy(ruleset.acknowledge_days, ruleset.respond_days, ruleset.extension_cap_days)


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
