"""putright's pure rules core: the Complaint Handling Code as functions of dates and facts.

No Django, no clock, no I/O: callers pass the dates, the calendar and the case's state in.
Each module's public names are re-exported here: add its import and its names in __all__.
"""

from putright.rules.calendar import (
    Nation,
    UnknownNation,
    WorkingDayCalendar,
    calendar_for,
)
from putright.rules.editions import (
    HOS_2020,
    HOS_2024,
    RULESETS,
    Policy,
    Ruleset,
    Stage,
    code_policy,
    ruleset_by_key,
    ruleset_in_force,
)
from putright.rules.entries import Entry, FutureDated, LateEntryUnexplained, check_entry_date
from putright.rules.errors import (
    DateOrderInvalid,
    ExtensionOverCap,
    NotAcknowledged,
    PolicyLongerThanCode,
    RefusalWithinTimeLimit,
    RuleViolation,
    SameHandlerAtStageTwo,
    ThirdStageForbidden,
    TransitionForbidden,
)
from putright.rules.lifecycle import (
    OPEN_STATUSES,
    TRANSITIONS,
    Action,
    Status,
    check_acknowledgement_date,
    check_response_dates,
    check_stage_two_handler,
    new_issue_route,
    next_status,
)
from putright.rules.promises import (
    PromiseDateInvalid,
    actions_paragraph,
    check_promise_move,
    check_promised_on,
)
from putright.rules.timescales import (
    Timeliness,
    acknowledge_by,
    add_months,
    check_extension,
    check_refusal_time_limit,
    check_stage,
    respond_by,
    timeliness,
    validate_policy,
)

__all__ = [
    "HOS_2020",
    "HOS_2024",
    "OPEN_STATUSES",
    "RULESETS",
    "TRANSITIONS",
    "Action",
    "DateOrderInvalid",
    "Entry",
    "ExtensionOverCap",
    "FutureDated",
    "LateEntryUnexplained",
    "Nation",
    "NotAcknowledged",
    "Policy",
    "PolicyLongerThanCode",
    "PromiseDateInvalid",
    "RefusalWithinTimeLimit",
    "RuleViolation",
    "Ruleset",
    "SameHandlerAtStageTwo",
    "Stage",
    "Status",
    "ThirdStageForbidden",
    "Timeliness",
    "TransitionForbidden",
    "UnknownNation",
    "WorkingDayCalendar",
    "acknowledge_by",
    "actions_paragraph",
    "add_months",
    "calendar_for",
    "check_acknowledgement_date",
    "check_entry_date",
    "check_extension",
    "check_promise_move",
    "check_promised_on",
    "check_refusal_time_limit",
    "check_response_dates",
    "check_stage",
    "check_stage_two_handler",
    "code_policy",
    "new_issue_route",
    "next_status",
    "respond_by",
    "ruleset_by_key",
    "ruleset_in_force",
    "timeliness",
    "validate_policy",
]
