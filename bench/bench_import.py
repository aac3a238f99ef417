"""Rows per second for `putright import complaints` (issue 19).

Run: .venv/bin/python bench/bench_import.py --rows 10000 [--database-url URL] [--first-only]
Writes a CSV in the shape of docs/import-sample.csv (its rows repeated with new references
and dates spread over three years), imports it into a fresh SQLite database in a temporary
directory (or the empty database DATABASE_URL names), then imports it again: the second run
updates every complaint. The figures recount at the end of each run is timed on its own.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE, MAPPING = ROOT / "docs" / "import-sample.csv", ROOT / "docs" / "import-sample.toml"
DATE_COLUMNS = (
    "Date Received", "Date Acknowledged", "Response Date", "Escalation Date",
    "Stage 2 Acknowledged", "Stage 2 Response", "Date Closed",
)  # fmt: skip


def _rows(count: int) -> tuple[list[str], list[dict[str, str]]]:
    sample = list(csv.DictReader(SAMPLE.open(encoding="utf-8")))
    rows = []
    for n in range(count):
        row = dict(sample[n % len(sample)])
        # Move the whole row back by whole weeks so working days stay working days.
        shift = timedelta(weeks=(n * 7) % 60)
        for column in DATE_COLUMNS:
            if row[column]:
                day = datetime.strptime(row[column], "%d/%m/%Y").date() - shift
                row[column] = day.strftime("%d/%m/%Y")
        row["Complaint Ref"] = f"BENCH-{n:07d}"
        rows.append(row)
    return list(sample[0]), rows


def _load() -> str:
    """The 1, 5 and 15 minute load averages: the machine's two cores are shared."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--database-url", help="An empty database (default: a new SQLite file)")
    parser.add_argument(
        "--first-only", action="store_true", help="Only the first import (all new): the update run is slower"
    )
    options = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="putright-import-bench-"))
    os.environ["DATABASE_URL"] = options.database_url or f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "putright.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from putright.imports.mapping import mapping_load
    from putright.imports.reading import table_read
    from putright.imports.services import import_complaints

    call_command("migrate", verbosity=0)
    headers, rows = _rows(options.rows)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=headers)
    writer.writeheader()
    writer.writerows(rows)
    data = out.getvalue().encode()
    mapping = mapping_load(MAPPING)
    print(f"{connection.vendor}, {options.rows:,} rows, load average {_load()}", flush=True)
    labels = ("first import (all new)", "second import (all updated)")
    for label in labels[:1] if options.first_only else labels:
        table = table_read("bench.csv", io.BytesIO(data))
        began, cpu = time.perf_counter(), time.process_time()

        def progress(done: int, total: int, began: float = began, cpu: float = cpu) -> None:
            # Every 10,000 rows: the rate so far by the clock, and by this process's own CPU
            # time (what the import costs when the machine's cores are shared).
            if done % 10_000 == 0 or done == total:
                wall, used = time.perf_counter() - began, time.process_time() - cpu
                print(
                    f"  {done:,} rows: {done / wall:,.0f} rows/s, {done / used:,.0f} rows per CPU second "
                    f"of this process; load average {_load()}",
                    flush=True,
                )

        summary = import_complaints(
            actor=None,
            now=datetime.now(UTC),
            file_name="bench.csv",
            table=table,
            mapping=mapping,
            progress=progress,
        )
        elapsed = time.perf_counter() - began
        assert summary.failed == 0, summary.errors[:3]
        print(
            f"{label}: {elapsed:.1f} s with the figures recount, "
            f"{options.rows / elapsed:,.0f} rows/s ({summary.created:,} new, {summary.updated:,} updated); "
            f"load average after {_load()}",
            flush=True,
        )


if __name__ == "__main__":
    main()
