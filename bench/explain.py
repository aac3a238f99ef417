"""What the database does for one request: every SELECT it sent, explained.

On PostgreSQL each query is run again under `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)`
and summarised: execution time, and any sequential scan of a large table (the sign of
a missing index). On SQLite, `EXPLAIN QUERY PLAN` shows full-table scans. Run against
the benchmark's throwaway database only: the queries are run a second time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

BIG_TABLE_ROWS = 10_000


def _walk(node: dict[str, Any]) -> list[dict[str, Any]]:
    found = [node]
    for child in node.get("Plans", []):
        found += _walk(child)
    return found


def _postgres(sql: str) -> dict[str, Any]:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql)
        (plan,) = cursor.fetchone()[0]
    nodes = _walk(plan["Plan"])
    scans = [
        f"{n['Node Type']} on {n.get('Relation Name')} ({n.get('Actual Rows', 0) * n.get('Actual Loops', 1):,} rows, "
        f"{n.get('Rows Removed by Filter', 0):,} filtered out)"
        for n in nodes
        if n["Node Type"] == "Seq Scan"
        and n.get("Actual Rows", 0) + n.get("Rows Removed by Filter", 0) >= BIG_TABLE_ROWS
    ]
    indexes = sorted({n["Index Name"] for n in nodes if "Index Name" in n})
    return {
        "ms": round(plan["Execution Time"] + plan.get("Planning Time", 0), 2),
        "seq_scans": scans,
        "indexes": indexes,
        "top": plan["Plan"]["Node Type"],
    }


def _sqlite(sql: str) -> dict[str, Any]:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql)
        steps = [row[-1] for row in cursor.fetchall()]
    return {"plan": steps, "seq_scans": [s for s in steps if s.startswith("SCAN") and "INDEX" not in s]}


def explain_call(call: Callable[[], Any], keep: int = 6) -> list[dict[str, Any]]:
    """The SELECTs `call` makes, slowest first (PostgreSQL) or full scans first (SQLite)."""
    with CaptureQueriesContext(connection) as captured:
        call()
    explained = []
    for query in captured.captured_queries:
        sql = query["sql"]
        if not sql.lstrip().upper().startswith("SELECT"):
            continue
        try:
            detail = _postgres(sql) if connection.vendor == "postgresql" else _sqlite(sql)
        except Exception as failure:
            detail = {"error": f"{type(failure).__name__}: {failure}"[:200]}
        explained.append({"sql": sql[:600], "request_ms": float(query.get("time") or 0) * 1000, **detail})
    explained.sort(key=lambda q: (-len(q.get("seq_scans", [])), -q.get("ms", q["request_ms"])))
    return explained[:keep]
