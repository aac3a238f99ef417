"""Every stage deadline, set in one place: the landlord's policy and the complaint's Code edition.

A landlord has one complaints policy (Code 5.1) and publishes its timescales (3.4). Those
timescales, never longer than the Code's, give the dates residents are told, the letters
and the queue (`acknowledge_by`, `respond_by`); the Code's own timescales give the dates
CH02 and the compliance figures measure against (`code_acknowledge_by`, `code_respond_by`).

A complaint is judged by the Code edition in force when it was received (`code_edition`):
the 2020 Code before 1 April 2024. The landlord's policy in putright is checked against the
2024 Code, so it applies to 2024-edition complaints; a 2020-edition complaint gets the 2020
Code's timescales for both dates.

Changing the policy changes deadlines set from then on (a new complaint, an acknowledgement,
an escalation). A date already set, and told to the resident, is never recomputed: an
extension moves on from the date in force by its working days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from putright.cases.models import Complaint, StageRecord
from putright.core.dates import code_calendar
from putright.landlord.models import LandlordSettings
from putright.rules.calendar import WorkingDayCalendar
from putright.rules.editions import HOS_2024, Policy, Ruleset, ruleset_by_key, ruleset_in_force
from putright.rules.timescales import acknowledge_by, respond_by


@dataclass(frozen=True)
class Due:
    """One deadline twice: by the landlord's policy (told to the resident) and by the Code."""

    policy: date
    code: date


def landlord_policy(landlord: LandlordSettings | None = None) -> Policy:
    """The landlord's timescales as a rules-core policy, each capped at the Code's.

    The settings service refuses a longer timescale; the cap only guards a row edited by
    other means, so that no resident is ever given a later date than the Code allows.
    """
    landlord = landlord or LandlordSettings.current()
    code = HOS_2024

    def capped(ours: int, limit: int) -> int:
        return min(ours, limit) if ours >= 1 else limit

    return Policy(
        acknowledge_days={
            1: capped(landlord.stage1_acknowledge_days, code.acknowledge_days[1]),
            2: capped(landlord.stage2_acknowledge_days, code.acknowledge_days[2]),
        },
        respond_days={
            1: capped(landlord.stage1_respond_days, code.respond_days[1]),
            2: capped(landlord.stage2_respond_days, code.respond_days[2]),
        },
        extension_cap_days=dict(code.extension_cap_days),
    )


def edition_for(received_on: date) -> str:
    """The Code edition a complaint received on `received_on` is judged by, as stored."""
    return ruleset_in_force(received_on).key


def ruleset_of(complaint: Complaint) -> Ruleset:
    return ruleset_by_key(complaint.code_edition)


def _policy_for(ruleset: Ruleset, policy: Policy | None) -> Policy | None:
    # None means "the Code's own timescales" to the rules core.
    return policy if ruleset is HOS_2024 else None


def acknowledge_due(
    *,
    edition: str,
    stage: int,
    requested_on: date,
    policy: Policy | None = None,
    calendar: WorkingDayCalendar | None = None,
) -> Due:
    """Code 6.2 and 6.11 (2020 Code 3.11): the acknowledgement deadlines of a stage requested on
    `requested_on` (day 0). `policy` defaults to the landlord's current timescales, `calendar`
    to the Code's (bank holidays of the configured nation; closures never count)."""
    ruleset = ruleset_by_key(edition)
    calendar = calendar or code_calendar()
    ours = _policy_for(ruleset, policy or landlord_policy())
    return Due(
        policy=acknowledge_by(calendar, stage=stage, requested_on=requested_on, ruleset=ruleset, policy=ours),
        code=acknowledge_by(calendar, stage=stage, requested_on=requested_on, ruleset=ruleset),
    )


def respond_due(
    *,
    edition: str,
    stage: int,
    requested_on: date,
    acknowledged_on: date,
    extension_days: int = 0,
    policy: Policy | None = None,
    calendar: WorkingDayCalendar | None = None,
) -> Due:
    """Code 6.3 and 6.14 (2020 Code 3.11): the response deadlines once the stage is acknowledged,
    with `extension_days` already granted at the stage. Day 0 is the acknowledgement (2024
    Code) or the request (2020 Code)."""
    ruleset = ruleset_by_key(edition)
    cal = calendar or code_calendar()
    ours = _policy_for(ruleset, policy or landlord_policy())

    def due(policy: Policy | None) -> date:
        return respond_by(
            cal,
            stage=stage,
            acknowledged_on=acknowledged_on,
            requested_on=requested_on,
            extension_days=extension_days,
            ruleset=ruleset,
            policy=policy,
        )

    return Due(policy=due(ours), code=due(None))


def extended_due(
    *,
    respond_by: date,
    code_respond_by: date | None,
    working_days: int,
    calendar: WorkingDayCalendar | None = None,
) -> Due:
    """Code 6.4 and 6.15: both response dates moved on by `working_days` from the dates in force,
    so an extension never silently changes the date the resident was given before it."""
    calendar = calendar or code_calendar()
    return Due(
        policy=calendar.add_working_days(respond_by, working_days),
        code=calendar.add_working_days(code_respond_by or respond_by, working_days),
    )


def extend_record_due(record: StageRecord, working_days: int) -> Due:
    """`extended_due` for a stage record that has a response date."""
    assert record.respond_by is not None
    return extended_due(
        respond_by=record.respond_by, code_respond_by=record.code_respond_by, working_days=working_days
    )


def set_acknowledge_due(complaint: Complaint, record: StageRecord) -> None:
    """Set a new stage's acknowledgement deadlines on `record` (not saved)."""
    due = acknowledge_due(
        edition=complaint.code_edition, stage=record.stage, requested_on=record.requested_on
    )
    record.acknowledge_by, record.code_acknowledge_by = due.policy, due.code


def set_respond_due(complaint: Complaint, record: StageRecord) -> None:
    """Set the response deadlines on an acknowledged `record` (not saved)."""
    assert record.acknowledged_on is not None
    due = respond_due(
        edition=complaint.code_edition,
        stage=record.stage,
        requested_on=record.requested_on,
        acknowledged_on=record.acknowledged_on,
        extension_days=record.extension_days,
    )
    record.respond_by, record.code_respond_by = due.policy, due.code
