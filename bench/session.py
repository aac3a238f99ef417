"""One database's benchmark: migrate, then for each size generate up to it and measure.

Run by `bench/run.py` with the environment already set (DATABASE_URL and production-like
settings); results are written to `--out` after each size, so a long run that is
stopped keeps what it measured.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "putright.settings")
# Benchmarks drive one API token far past the per-token rate limit: measure the work
# (its counting query included), not 429s.
os.environ.setdefault("PUTRIGHT_API_RATE_PER_MINUTE", "100000000")


def _ensure_postgres_database(url: str) -> None:
    """.ci/postgres.sh starts an empty server: create the database DATABASE_URL names."""
    import psycopg
    from psycopg import sql

    name = url.rsplit("/", 1)[1].split("?")[0]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def loadavg() -> list[float]:
    return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", required=True)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--duration", type=float, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True)
    parser.add_argument("--skip-load", action="store_true")
    args = parser.parse_args()
    url = os.environ["DATABASE_URL"]
    if url.startswith("postgres"):
        _ensure_postgres_database(url)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from bench.inprocess import api_client, bench_user, measure
    from bench.machine import speed_ms
    from bench.throughput import run_load
    from putright.accounts.models import Role
    from putright.cases.models import Complaint
    from putright.demo.generate import generate
    from putright.governance.services import figures_count

    began = time.monotonic()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    migrate_seconds = time.monotonic() - began
    vendor = connection.vendor
    with connection.cursor() as cursor:
        if vendor == "postgresql":
            cursor.execute("SHOW server_version")
            version = cursor.fetchone()[0]
        else:
            version = sqlite3.sqlite_version
    runs: list[dict[str, Any]] = []
    for size in sorted(int(s) for s in args.sizes.split(",")):
        have = Complaint.objects.count()
        run: dict[str, Any] = {"database": vendor, "version": version, "complaints": size}
        if have < size:
            began = time.monotonic()
            written = generate(
                complaints=size - have, seed=args.seed + size, today=timezone.localdate(), out=None
            )
            seconds = time.monotonic() - began
            run["vacuum_seconds"] = _vacuum()
            # What the scheduled `putright figures` would have done by now on a live database.
            began = time.monotonic()
            counted = figures_count(now=timezone.now())
            run["figures_count"] = {"seconds": round(time.monotonic() - began, 1), "days": counted.days}
            run["generated"] = {
                "complaints": size - have,
                "seconds": round(seconds, 1),
                "per_second": round((size - have) / seconds),
                "rows": sum(written.values()),
                "loadavg_after": loadavg(),
            }
        run["rows"] = _table_rows()
        run["migrate_seconds"] = round(migrate_seconds, 1)
        run["loadavg_before"] = loadavg()
        run["speed_ms_before"] = speed_ms()
        run["endpoints"] = measure(n=args.requests, seed=args.seed)
        run["loadavg_after_endpoints"] = loadavg()
        run["speed_ms_after_endpoints"] = speed_ms()
        if not args.skip_load:
            officer = bench_user("bench-officer", Role.COMPLAINTS_OFFICER)
            token = api_client(officer).defaults["HTTP_AUTHORIZATION"].split()[1]
            ids = _sample_ids(500, args.seed)
            postmaster = _postmaster()
            connection.close()
            run["load"] = run_load(
                dict(os.environ), token=token, ids=ids, duration=args.duration, postmaster=postmaster
            )
            run["loadavg_after_load"] = loadavg()
        run["database_bytes"] = _database_bytes()
        runs.append(run)
        Path(args.out).write_text(json.dumps(runs, indent=2, default=str))
        print(f"bench: {vendor} at {size:,} complaints measured", flush=True)


def _vacuum() -> float | None:
    """What autovacuum would have done by now on a live database: set the visibility map
    (index-only scans depend on it) and refresh the statistics. Timed apart from generation."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    began = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
    return round(time.monotonic() - began, 1)


def _postmaster() -> int | None:
    """The PostgreSQL server process (the parent of this connection's backend), if on this machine."""
    from bench.sched import database_backend

    backend = database_backend()
    if backend is None:
        return None
    try:
        stat = Path(backend).with_name("stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


def _sample_ids(count: int, seed: int) -> list[int]:
    from putright.cases.models import Complaint

    ids = list(Complaint.objects.values_list("id", flat=True).order_by("?")[:count])
    random.Random(seed).shuffle(ids)
    return ids


def _table_rows() -> dict[str, int]:
    from putright.cases.models import CaseEvent, Complaint, Correspondence, StageRecord

    return {m._meta.db_table: m.objects.count() for m in (Complaint, StageRecord, CaseEvent, Correspondence)}


def _database_bytes() -> int | None:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_database_size(current_database())")
            return int(cursor.fetchone()[0])
    name = connection.settings_dict["NAME"]
    return Path(name).stat().st_size if name and Path(name).exists() else None


if __name__ == "__main__":
    main()
