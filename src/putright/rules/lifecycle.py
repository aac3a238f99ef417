"""A complaint's states and the moves the Code allows between them (sections 2, 5 and 6).

`TRANSITIONS` is the table of allowed moves, whatever the stage; `next_status` adds the
stage rules (refusal, new issues and escalation belong to stage 1 only) and turns every
forbidden move into the RuleViolation that names the paragraph it protects.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Literal

from putright.rules.errors import (
    DateOrderInvalid,
    NotAcknowledged,
    SameHandlerAtStageTwo,
    ThirdStageForbidden,
    TransitionForbidden,
)
from putright.rules.timescales import check_stage


class Status(StrEnum):
    RECEIVED = "received"  # logged at a stage, awaiting acknowledgement
    ACKNOWLEDGED = "acknowledged"  # acknowledged/defined, being investigated
    RESPONDED = "responded"  # response issued at the current stage
    CLOSED = "closed"
    REFUSED = "refused"  # not accepted under section 2
    WITHDRAWN = "withdrawn"


class Action(StrEnum):
    ACKNOWLEDGE = "acknowledge"
    REQUEST_CLARIFICATION = "request_clarification"
    ASSIGN = "assign"
    EXTEND = "extend"
    ADD_ISSUE = "add_issue"
    RESPOND = "respond"
    ESCALATE = "escalate"
    REFUSE = "refuse"
    REFUSE_ESCALATION = "refuse_escalation"
    WITHDRAW = "withdraw"
    CLOSE = "close"
    AGREE_UPDATES = "agree_updates"
    REOPEN = "reopen"


OPEN_STATUSES: frozenset[Status] = frozenset({Status.RECEIVED, Status.ACKNOWLEDGED, Status.RESPONDED})

_S, _A = Status, Action
TRANSITIONS: Mapping[tuple[Status, Action], Status] = MappingProxyType(
    {
        (_S.RECEIVED, _A.ACKNOWLEDGE): _S.ACKNOWLEDGED,  # 6.2, 6.11
        (_S.RECEIVED, _A.REQUEST_CLARIFICATION): _S.RECEIVED,  # 5.6
        (_S.RECEIVED, _A.ASSIGN): _S.RECEIVED,
        (_S.RECEIVED, _A.ADD_ISSUE): _S.RECEIVED,  # 6.8, stage 1 only
        (_S.RECEIVED, _A.REFUSE): _S.REFUSED,  # 2.1, stage 1 only
        (_S.RECEIVED, _A.WITHDRAW): _S.WITHDRAWN,
        (_S.RECEIVED, _A.AGREE_UPDATES): _S.RECEIVED,  # 5.9
        (_S.ACKNOWLEDGED, _A.REQUEST_CLARIFICATION): _S.ACKNOWLEDGED,  # 5.6, 5.7
        (_S.ACKNOWLEDGED, _A.ASSIGN): _S.ACKNOWLEDGED,
        (_S.ACKNOWLEDGED, _A.EXTEND): _S.ACKNOWLEDGED,  # 6.4, 6.15
        (_S.ACKNOWLEDGED, _A.ADD_ISSUE): _S.ACKNOWLEDGED,  # 6.8, stage 1 only
        (_S.ACKNOWLEDGED, _A.RESPOND): _S.RESPONDED,  # 6.3, 6.14
        (_S.ACKNOWLEDGED, _A.REFUSE): _S.REFUSED,  # 2.1, stage 1 only
        (_S.ACKNOWLEDGED, _A.WITHDRAW): _S.WITHDRAWN,
        (_S.ACKNOWLEDGED, _A.AGREE_UPDATES): _S.ACKNOWLEDGED,  # 5.9
        (_S.RESPONDED, _A.ASSIGN): _S.RESPONDED,  # outstanding actions still have an owner, 6.6
        (_S.RESPONDED, _A.ESCALATE): _S.RECEIVED,  # 6.10, stage 1 only: becomes stage 2
        (_S.RESPONDED, _A.REFUSE_ESCALATION): _S.CLOSED,  # 5.11, stage 1 only
        (_S.RESPONDED, _A.WITHDRAW): _S.WITHDRAWN,
        (_S.RESPONDED, _A.CLOSE): _S.CLOSED,
        (_S.RESPONDED, _A.AGREE_UPDATES): _S.RESPONDED,  # updates on outstanding actions, 6.6
        # A resident may come back after a stage 1 closure: stage 2 starts (6.10, 6.12).
        (_S.CLOSED, _A.ESCALATE): _S.RECEIVED,  # stage 1 only
        (_S.CLOSED, _A.REFUSE_ESCALATION): _S.CLOSED,  # 5.11, stage 1 only
        # The landlord or the Ombudsman decides to take on a complaint not accepted (2.4):
        # stage 1 starts again from the reopening.
        (_S.REFUSED, _A.REOPEN): _S.RECEIVED,
    }
)

# Moves that exist at stage 1 only; at stage 2 they raise with this paragraph.
_STAGE_ONE_ONLY: Mapping[Action, str] = MappingProxyType(
    {
        Action.ADD_ISSUE: "6.8",
        Action.REFUSE: "5.11",
        Action.REFUSE_ESCALATION: "6.20",
        Action.REOPEN: "2.4",
    }
)


def _paragraph(status: Status, stage: int, action: Action) -> str:
    """The paragraph a forbidden move offends most directly."""
    two = stage == 2
    if status is Status.REFUSED:
        return "2.4"
    if status in (Status.CLOSED, Status.WITHDRAWN):
        return "5.12"
    by_action = {
        Action.ACKNOWLEDGE: "6.11" if two else "6.2",
        Action.EXTEND: "6.15" if two else "6.4",
        Action.CLOSE: "6.14" if two else "6.3",
        Action.ESCALATE: "6.10",
        Action.REQUEST_CLARIFICATION: "5.6",
        Action.ADD_ISSUE: "6.8",
        Action.REFUSE: "5.11" if status is Status.RESPONDED else "2.1",
        Action.REFUSE_ESCALATION: "5.11",
        Action.RESPOND: "6.20" if two else "6.10",
        Action.REOPEN: "2.4",
    }
    return by_action.get(action, "5.12")


def next_status(*, status: Status, stage: int, action: Action) -> tuple[Status, int]:
    """The status and stage after `action`, or the RuleViolation the Code requires.

    Escalating at stage 2 is ThirdStageForbidden (Code 5.3); responding before acknowledging
    is NotAcknowledged (Code 6.3, 6.14); refusing, refusing escalation and adding an issue
    happen at stage 1 only (Code 2.1, 5.11, 6.8); any other move missing from `TRANSITIONS`
    is TransitionForbidden naming the most relevant paragraph.
    """
    check_stage(stage)
    status, action = Status(status), Action(action)
    if action is Action.ESCALATE and stage >= 2:
        raise ThirdStageForbidden(
            "Stage 2 is the landlord's final response: there is no third stage; the "
            "resident may go to the Ombudsman",
            code_paragraph="5.3",
        )
    if action is Action.RESPOND and status is Status.RECEIVED:
        raise NotAcknowledged(
            f"Acknowledge the complaint at stage {stage} before responding",
            code_paragraph="6.14" if stage == 2 else "6.3",
        )
    if stage != 1 and action in _STAGE_ONE_ONLY:
        raise TransitionForbidden(
            f"'{action}' is not possible at stage {stage}",
            code_paragraph=_STAGE_ONE_ONLY[action],
        )
    new = TRANSITIONS.get((status, action))
    if new is None:
        raise TransitionForbidden(
            f"'{action}' is not allowed for a complaint that is {status} at stage {stage}",
            code_paragraph=_paragraph(status, stage, action),
        )
    return new, (stage + 1 if action is Action.ESCALATE else stage)


def check_stage_two_handler(*, stage_one_handler: object | None, stage_two_handler: object | None) -> None:
    """Code 6.13: the person considering stage 2 is not the person who considered stage 1."""
    if stage_one_handler is not None and stage_one_handler == stage_two_handler:
        raise SameHandlerAtStageTwo(
            "The stage 2 handler must not be the person who considered stage 1",
            code_paragraph="6.13",
        )


def check_stage_two_actors(
    *, stage_one_actors: frozenset[object], acting: object | None, handler: object | None
) -> None:
    """Code 6.13: nobody who acted at stage 1 acts at, or handles, stage 2.

    `stage_one_actors` is everyone who acknowledged, extended or responded at stage 1, or was
    ever its handler (reassigning stage 1 afterwards does not wash that out). `acting` is the
    person taking the stage 2 action and `handler` the stage 2 handler; either may be None.
    """
    if acting is not None and acting in stage_one_actors:
        raise SameHandlerAtStageTwo(
            "You acted on this complaint at stage 1, so someone else must take it at stage 2",
            code_paragraph="6.13",
        )
    if handler is not None and handler in stage_one_actors:
        raise SameHandlerAtStageTwo(
            "The stage 2 handler acted on this complaint at stage 1: choose someone who did not",
            code_paragraph="6.13",
        )


def check_response_dates(*, stage: int, acknowledged_on: date | None, responded_on: date) -> None:
    """Code 6.3 / 6.14: a response follows the acknowledgement (the same day is allowed)."""
    check_stage(stage)
    para = "6.14" if stage == 2 else "6.3"
    if acknowledged_on is None:
        raise NotAcknowledged(
            f"Acknowledge the complaint at stage {stage} before responding",
            code_paragraph=para,
        )
    if responded_on < acknowledged_on:
        raise DateOrderInvalid(
            f"Responded on {responded_on.isoformat()}, before the acknowledgement on "
            f"{acknowledged_on.isoformat()}",
            code_paragraph=para,
        )


def check_acknowledgement_date(*, stage: int, requested_on: date, acknowledged_on: date) -> None:
    """Code 6.2 / 6.11: an acknowledgement cannot precede the complaint or escalation request."""
    check_stage(stage)
    if acknowledged_on < requested_on:
        raise DateOrderInvalid(
            f"Acknowledged on {acknowledged_on.isoformat()}, before it was received on "
            f"{requested_on.isoformat()}",
            code_paragraph="6.11" if stage == 2 else "6.2",
        )


def new_issue_route(
    *, stage: int, status: Status, related: bool, would_unreasonably_delay: bool
) -> Literal["fold_in", "new_complaint"]:
    """Code 6.8: a new issue joins the stage 1 response if it is related, that response has
    not been issued and it would not unreasonably delay it; otherwise it is a new complaint."""
    check_stage(stage)
    open_at_stage_one = stage == 1 and status in (Status.RECEIVED, Status.ACKNOWLEDGED)
    if open_at_stage_one and related and not would_unreasonably_delay:
        return "fold_in"
    return "new_complaint"
