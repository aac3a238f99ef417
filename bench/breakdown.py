"""Where one API request's CPU goes, part by part, against the database in DATABASE_URL.

    DATABASE_URL=... .venv/bin/python bench/breakdown.py create
    DATABASE_URL=... .venv/bin/python bench/breakdown.py list [--path '/api/v1/complaints?stage=2']

The parts (authentication, the service, the read-back, the selectors, the response
validation) are timed by wrapping them for the run: CPU time of this thread from the
kernel, so other work on the machine does not count. The database's own CPU is not
included on PostgreSQL (it runs in the server's process); see bench/run.py for that.
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "putright.settings")
# Benchmarks drive one API token far past the per-token rate limit: measure the work
# (its counting query included), not 429s.
os.environ.setdefault("PUTRIGHT_API_RATE_PER_MINUTE", "100000000")


def _wrap(owner: Any, name: str, label: str, spent: dict[str, float], clock: Callable[[], int]) -> None:
    original = getattr(owner, name)

    @functools.wraps(original)
    def timed(*args: Any, **kwargs: Any) -> Any:
        began = clock()
        try:
            return original(*args, **kwargs)
        finally:
            spent[label] = spent.get(label, 0.0) + (clock() - began) / 1e6

    setattr(owner, name, timed)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("what", choices=("create", "list"))
    parser.add_argument("--path", default="/api/v1/complaints")
    parser.add_argument("-n", type=int, default=60)
    args = parser.parse_args()

    import django

    django.setup()
    import ninja.operation

    from bench import sched
    from bench.inprocess import api_client, bench_user
    from bench.throughput import new_complaint
    from putright.accounts.models import Role
    from putright.api import complaints as api_complaints
    from putright.cases import selectors, services
    from putright.cases.services import intake

    me = sched.this_thread()

    def clock() -> int:
        return sched.read(me)[0]

    spent: dict[str, float] = {}
    parts: list[tuple[Any, str, str]] = [
        (ninja.operation.Operation, "_run_authentication", "authentication (token)"),
        (ninja.operation.Operation, "_get_values", "request parsing and validation"),
        (ninja.operation.Operation, "_result_to_response", "response validation and JSON"),
    ]
    if args.what == "create":
        parts += [
            (services, "complaint_log", "complaint_log (the service)"),
            (intake, "create_with_reference", "  complaint INSERT with reference"),
            (intake, "record_event", "  record_event (version UPDATE, event INSERT)"),
            (api_complaints, "_complaint_out", "read-back of the new complaint"),
        ]
    else:
        parts += [(selectors, "complaints_page", "complaints_page (ids, then rows and prefetches)")]
        parts += [(api_complaints, "complaint_data", "complaint_data (to dicts)")]
    for owner, name, label in parts:
        _wrap(owner, name, label, spent, clock)
    client = api_client(bench_user("bench-officer", Role.COMPLAINTS_OFFICER))
    rng = random.Random(1)

    def once() -> None:
        if args.what == "create":
            _, path, body = new_complaint(rng)
            response = client.post(path, body, content_type="application/json")
        else:
            response = client.get(args.path)
        assert response.status_code in (200, 201), response.content[:300]

    for _ in range(5):
        once()
    spent.clear()
    total = 0.0
    for _ in range(args.n):
        began = clock()
        once()
        total += (clock() - began) / 1e6
    print(f"{args.what}: {total / args.n:.2f} ms CPU per request in this process (mean of {args.n})")
    for label, ms in spent.items():
        print(f"  {label:<55} {ms / args.n:6.2f} ms")


if __name__ == "__main__":
    main()
