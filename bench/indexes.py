"""Measure candidate fixes before and after, on a loaded throwaway PostgreSQL database.

    PG_PORT=54341 bash .ci/postgres.sh bash -c '.venv/bin/putright migrate -v0 &&
        .venv/bin/putright generate --complaints 1000000 && .venv/bin/python bench/indexes.py'

Three kinds of candidate, each timed on the requests it is meant to help:
- the planner told the disk is an SSD (`random_page_cost = 1.1`, this session only);
- indexes, each a Django `Index` added through the schema editor (the SQL a migration
  would run) and dropped again afterwards, so the database is left as migrations made it;
- other shapes of the slowest report queries, checked to give the same answer.
Figures go to bench/candidates.json, which bench/report.py adds to RESULTS.md.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "putright.settings")
# Benchmarks drive one API token far past the per-token rate limit: measure the work
# (its counting query included), not 429s.
os.environ.setdefault("PUTRIGHT_API_RATE_PER_MINUTE", "100000000")
OUT = Path(__file__).with_name("candidates.json")


def _candidates() -> list[tuple[Any, Any]]:
    from django.db import models

    from putright.cases.models import Complaint, Remedy, Resident

    return [
        # The performance report joins every stage record of the year to its complaint and
        # resident: narrow covering indexes let those joins read the index, not 1M wide rows.
        (
            Complaint,
            models.Index(
                fields=["id"],
                include=["resident", "status", "stage", "vulnerable", "hazard", "escalation_requested_on"],
                name="complaint_report_cover",
            ),
        ),
        (Resident, models.Index(fields=["id"], include=["tenure"], name="resident_tenure_cover")),
        (
            Remedy,
            models.Index(fields=["complaint", "stage"], include=["kind", "amount"], name="remedy_response"),
        ),
        # The queue pages count open complaints by stage, overdue and due soon.
        (
            Complaint,
            models.Index(fields=["status", "next_due"], include=["stage"], name="complaint_queue_counts"),
        ),
    ]


def _shapes(as_of: Any, start: Any, end: Any) -> dict[str, tuple[Callable[[], Any], Callable[[], Any]]]:
    """(as the report does it, another way) for the slowest report queries."""
    from django.db.models import Count, Q

    from putright.cases.models import Action, Refusal, Remedy
    from putright.governance.selectors.breakdowns import response_sent

    not_done = Q(completed_on__isnull=True) | Q(completed_on__gt=as_of)

    def counts(qs: Any, due: str) -> Any:
        return qs.aggregate(open=Count("id"), overdue=Count("id", filter=Q(**{f"{due}__lt": as_of})))

    def refusals_split() -> Any:
        first = Refusal.objects.filter(stage=1, complaint__received_on__range=(start, end))
        second = Refusal.objects.filter(stage=2, refused_on__range=(start, end))
        rows = [*first.values_list("stage", "reason").annotate(n=Count("id")).order_by()]
        rows += [*second.values_list("stage", "reason").annotate(n=Count("id")).order_by()]
        return sorted(rows)

    return {
        # Every remedy and action comes with its response: leaving out those whose response
        # came after `as_of` touches only recent responses, not every response ever sent.
        "follow_through_remedies": (
            lambda: counts(
                Remedy.objects.filter(not_done).filter(response_sent(responded_on__lte=as_of)), "due_on"
            ),
            lambda: counts(
                Remedy.objects.filter(not_done).exclude(response_sent(responded_on__gt=as_of)), "due_on"
            ),
        ),
        "follow_through_actions": (
            lambda: counts(
                Action.objects.filter(not_done).filter(response_sent(responded_on__lte=as_of)), "promise_on"
            ),
            lambda: counts(
                Action.objects.filter(not_done).exclude(response_sent(responded_on__gt=as_of)), "promise_on"
            ),
        ),
        # An OR across two tables defeats both indexes: two queries each use one.
        "refusals": (
            lambda: sorted(
                Refusal.objects.filter(
                    Q(stage=1, complaint__received_on__range=(start, end))
                    | Q(stage=2, refused_on__range=(start, end))
                )
                .values_list("stage", "reason")
                .annotate(n=Count("id"))
                .order_by()
            ),
            refusals_split,
        ),
    }


def main() -> None:
    import django

    django.setup()
    from django.db import connection
    from django.utils import timezone

    from bench.explain import explain_call
    from bench.inprocess import api_client, bench_user, staff_client, timed
    from putright.accounts.models import Role
    from putright.cases.models import Complaint

    officer = bench_user("bench-officer", Role.COMPLAINTS_OFFICER)
    api, staff = api_client(officer), staff_client(officer)
    today = timezone.localdate()
    start, end = today - timedelta(days=365), today - timedelta(days=1)
    requests = {
        "api_report_year": (api, f"/api/v1/reports/performance?from={start}&to={end}", 3),
        "staff_all_complaints": (staff, "/staff/complaints/", 30),
    }

    def measure(label: str) -> dict[str, Any]:
        figures: dict[str, Any] = {}
        for name, (client, path, n) in requests.items():
            figure = timed(partial(client.get, path), n=n, warm=1)
            plans = explain_call(partial(client.get, path), keep=5)
            figures[name] = {
                "p50_ms": figure["p50_ms"],
                "unqueued_p50_ms": figure["unqueued_p50_ms"],
                "cpu_p50_ms": figure["cpu_p50_ms"],
                "slowest": [
                    {"sql": p["sql"][:90], **{k: p.get(k) for k in ("ms", "seq_scans", "indexes")}}
                    for p in plans
                ],
            }
        print(json.dumps({label: figures}, indent=1), flush=True)
        return figures

    def set_page_cost(value: float | None) -> None:
        with connection.cursor() as cursor:
            cursor.execute("RESET random_page_cost" if value is None else f"SET random_page_cost = {value}")

    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
    results: dict[str, Any] = {"baseline": measure("baseline")}
    set_page_cost(1.1)
    results["random_page_cost 1.1"] = measure("random_page_cost 1.1")
    set_page_cost(None)
    shapes = {}
    for name, (current, other) in _shapes(end, start, end).items():
        assert current() == other(), name
        shapes[name] = {
            "as now ms": timed(current, n=3, warm=1)["p50_ms"],
            "other shape ms": timed(other, n=3, warm=1)["p50_ms"],
        }
    print(json.dumps({"shapes": shapes}, indent=1), flush=True)
    results["shapes"] = shapes
    candidates = _candidates()
    with connection.schema_editor() as editor:
        for model, index in candidates:
            editor.add_index(model, index)
    try:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE)")
        results["with indexes"] = measure("with indexes")
        set_page_cost(1.1)
        results["with indexes, random_page_cost 1.1"] = measure("with indexes, random_page_cost 1.1")
        set_page_cost(None)
    finally:
        with connection.schema_editor() as editor:
            for model, index in candidates:
                editor.remove_index(model, index)
    results["loadavg"] = [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]
    results["complaints"] = Complaint.objects.count()
    OUT.write_text(json.dumps(results, indent=1) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
