"""When a demo step happens: a time in office hours on its day, and now and then entered
a few days after that day, with the reason the record keeps (Code 5.12).

Every demo module takes its times from here, drawn from the demo's one random stream, so
the same seed gives the same demo.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

LATE_ENTRY_REASONS = (
    "Sent by email while the system was down; entered when it came back.",
    "Done by phone on the day; the handler recorded it on return from leave.",
)


def moment(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(rng.randint(8, 17), rng.randint(0, 59)), tzinfo=UTC)


def entered(day: date, rng: random.Random, today: date) -> tuple[datetime, str]:
    """When a step dated `day` is recorded: now and then a day or three late, with why (5.12)."""
    late = day + timedelta(days=rng.randint(1, 3))
    if rng.random() < 0.06 and late <= today:
        return moment(late, rng), rng.choice(LATE_ENTRY_REASONS)
    return moment(day, rng), ""
