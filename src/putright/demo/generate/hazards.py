"""Generated hazard records (Awaab's Law) in every state, as the hazard services would store them.

A complaint that reveals a hazard gets one `Hazard` row whose clock starts at receipt (when
the landlord became aware). How far it has gone depends on its age and chance: waiting for
the investigation, investigated, summary sent, made safe, works begun and completed, a
recorded exception, alternative accommodation, or no hazard found. Its stored keys
(`next_due_at`, `next_duty`, `closed`) come from the rules core, so the queue and the hazards
list read generated hazards exactly as they read real ones. The hazard's own event log is not
generated: the complaint's record carries the history the figures need.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from putright.demo.generate.columns import Row
from putright.rules.calendar import WorkingDayCalendar
from putright.rules.hazard_scope import HazardKind
from putright.rules.hazards import Progress, due_instant, next_deadline, stored_outcomes

# The furthest step each generated hazard reaches, with its weight.
STATES = (
    ("reported", 3),
    ("investigated", 2),
    ("summary_sent", 2),
    ("made_safe", 3),
    ("works_started", 3),
    ("completed", 6),
    ("exception", 3),
    ("accommodation", 2),
    ("no_hazard", 2),
)
_ORDER = [name for name, _ in STATES]


def _pick(rng: random.Random) -> str:
    return rng.choices(_ORDER, weights=[w for _, w in STATES])[0]


def _days(at: datetime, n: int) -> datetime:
    return at + timedelta(days=n)


def hazard_progress(
    rng: random.Random, kind: HazardKind, aware_at: datetime, now: datetime, calendar: WorkingDayCalendar
) -> Progress:
    """How far this hazard got by `now`: a random furthest state, cut short where it lies ahead."""
    p = Progress(kind=kind, aware_at=aware_at)
    state = _pick(rng)
    emergency = kind is HazardKind.EMERGENCY
    late = rng.random() < 0.1  # some duties are met late, so the figures have misses to show
    if emergency:
        investigated = aware_at + timedelta(hours=rng.randint(2, 30 if late else 20))
    else:
        investigated = aware_at + timedelta(days=rng.randint(1, 20 if late else 12))
    if state == "reported" or investigated > now:
        return p
    p = replace(p, investigated_at=investigated, hazard_found=state != "no_hazard")
    if state in ("investigated", "no_hazard"):
        return p
    if state == "exception":
        return replace(p, stopped_at=_days(investigated, 1)) if _days(investigated, 1) <= now else p
    if state == "accommodation" or emergency:
        safe = investigated + timedelta(hours=rng.randint(1, 6))
        if safe > now:
            return p
        return (
            replace(p, accommodation_at=safe) if state == "accommodation" else replace(p, made_safe_at=safe)
        )
    concluded = investigated.date()
    summary = calendar.add_working_days(concluded, rng.randint(1, 5 if late else 3))
    if summary > now.date():
        return p
    p = replace(p, summary_sent_on=summary)
    safe = _days(investigated, rng.randint(1, 9 if late else 6))
    if state == "summary_sent" or safe > now:
        return p
    p = replace(p, made_safe_at=safe)
    started = calendar.add_working_days(concluded, rng.randint(2, 5))
    if state == "made_safe" or started > now.date():
        return p
    p = replace(p, works_begun_on=started, works_started_on=started)
    completed = started + timedelta(days=rng.randint(7, 60))
    if state == "works_started" or completed > now.date():
        return p
    return replace(p, works_completed_on=completed)


def hazard_row(
    hazard_id: int,
    *,
    complaint_id: int,
    resident_id: int,
    name: str,
    progress: Progress,
    recorded_by: int,
    calendar: WorkingDayCalendar,
) -> tuple[Row, datetime | None]:
    """The `hazard` table's row (see `columns.TABLES`) and the complaint's hazard deadline."""
    p = progress
    found = None if p.closed else next_deadline(p, calendar)
    # In UTC: the bulk writer stores instants as they are given.
    due = due_instant(found[1]).astimezone(UTC) if found else None
    found_text = "Black mould on the bedroom wall" if p.hazard_found else "No hazard found on inspection"
    row = (
        hazard_id,
        f"HZ-G{hazard_id:07d}",
        complaint_id,
        resident_id,
        p.kind.value,
        name,
        "Reported with the complaint",
        p.aware_at,
        p.aware_at,
        recorded_by,
        p.investigated_at,
        p.hazard_found,
        found_text if p.investigated_at else "",
        p.summary_sent_on,
        "{}",
        p.made_safe_at,
        "Treated and made safe" if p.made_safe_at else "",
        p.accommodation_at,
        "Temporary flat nearby" if p.accommodation_at else "",
        p.works_begun_on,
        p.works_started_on,
        p.works_completed_on,
        p.stopped_at,
        "decanted" if p.stopped_at else "",
        "Household moved to another home" if p.stopped_at else "",
        due,
        str(found[0]) if found else "",
        p.closed,
        *_utc(stored_outcomes(p, calendar, hazard=name)).values(),
    )
    return row, due


def _utc(values: dict[str, object]) -> dict[str, object]:
    # The bulk writer stores instants as given: in UTC, like `next_due_at` above.
    return {k: v.astimezone(UTC) if isinstance(v, datetime) else v for k, v in values.items()}
