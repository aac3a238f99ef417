"""The editions of the Code's timescales (2020 and 2024) and a landlord's own policy, as data.

A ruleset is one edition's timescale tables with the date it came into force; a complaint
is judged by the edition in force when it was received and keeps it for life. Kept apart
from :mod:`putright.rules.timescales` (the deadlines and checks computed from a ruleset) so
that a new edition is a change of data here and the counting code does not move with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from types import MappingProxyType


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
