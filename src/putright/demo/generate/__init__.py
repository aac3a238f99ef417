"""Bulk generator: years of realistic complaints, for load tests and benchmarks.

Rows go straight into the tables in batches (COPY on PostgreSQL, prepared INSERTs on
SQLite) rather than through the services, which would take hours for a million
complaints; each action still writes its CaseEvent, and every deadline is computed by
the rules core on the Code's calendar, so the data obeys the same rules.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date
from typing import TextIO

from django.db import transaction

from putright.cases.models import Complaint
from putright.core.dates import code_calendar
from putright.demo.generate.record import reference_for
from putright.demo.generate.simulate import Simulator
from putright.demo.generate.sinks import sink_for_connection
from putright.demo.generate.world import arrival_day, arrival_days, build_world
from putright.demo.generate.writer import WRITE_ORDER, Writer


class Progress:
    """A one-line progress bar on stderr: done, rate and time left."""

    def __init__(self, total: int, out: TextIO | None, every: float = 0.5) -> None:
        self.total, self.out, self.every = total, out, every
        self.began = self.shown = time.monotonic()

    def update(self, done: int) -> None:
        now = time.monotonic()
        if self.out is None or (now - self.shown < self.every and done < self.total):
            return
        self.shown = now
        elapsed = max(now - self.began, 1e-9)
        rate = done / elapsed
        left = (self.total - done) / rate if rate else 0
        width = 30
        filled = int(width * done / max(self.total, 1))
        self.out.write(
            f"\rgenerate [{'#' * filled}{'.' * (width - filled)}] {done:,}/{self.total:,} complaints"
            f" {100 * done / max(self.total, 1):5.1f}% {rate:,.0f}/s ETA {int(left) // 60}:{int(left) % 60:02d} "
        )
        if done >= self.total:
            self.out.write(f"\n{self.total:,} complaints in {elapsed:.1f} s\n")
        self.out.flush()


def generate(
    *,
    complaints: int,
    today: date,
    seed: int = 1,
    batch: int = 10_000,
    years: int = 3,
    out: TextIO | None = sys.stderr,
) -> dict[str, int]:
    """Add `complaints` complaints received over the `years` before `today`; return rows per table.

    Deterministic for a seed: the same seed on an empty database gives the same data.
    """
    if complaints < 1 or batch < 1 or years < 1:
        raise ValueError("complaints, batch and years must be 1 or more")
    rng = random.Random(seed)
    with transaction.atomic():
        world = build_world(complaints=complaints, years=years)
    sink = sink_for_connection(chunk=max(1000, min(batch, 20_000)))
    sim = Simulator(rng=rng, calendar=code_calendar(), today=today, world=world, sink=sink)
    days, cum = arrival_days(today=today, years=years)
    may_clash = Complaint.objects.exists()
    written = dict.fromkeys(WRITE_ORDER, 0)
    progress = Progress(complaints, out)
    writer = Writer(sink)
    done = 0
    try:
        while done < complaints:
            size = min(batch, complaints - done)
            for i in range(done, done + size):
                sim.complaint(arrival_day(i, complaints, rng, days, cum))
            rows = sim.take_rows()
            if may_clash:
                _avoid_existing_references(rows["complaint"])
            for key in WRITE_ORDER:
                written[key] += len(rows[key])
            writer.submit(rows)
            done += size
            progress.update(done)
    except BaseException:
        writer.abandon()
        raise
    writer.close()
    return written


def _avoid_existing_references(rows: list[tuple[object, ...]]) -> None:
    """References made by the app are random; on the rare clash, take the id's second encoding."""
    taken = set(
        Complaint.objects.filter(reference__in=[row[1] for row in rows]).values_list("reference", flat=True)
    )
    if not taken:
        return
    for i, row in enumerate(rows):
        if row[1] in taken:
            complaint_id = row[0]
            assert isinstance(complaint_id, int)
            rows[i] = (complaint_id, reference_for(complaint_id | 1 << 39), *row[2:])


__all__ = ["generate", "reference_for"]
