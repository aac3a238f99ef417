"""One page from two checkouts, in alternating batches in the same minutes.

    .venv/bin/python bench/compare.py --url postgres://… /staff/ ../before .

This machine's speed moves by up to 1.7 times within an hour (bench/README.md), so two runs of
`bench/run.py` an hour apart cannot tell a 10% change from the weather. Here each checkout
runs in a child process of its own (its `src/` first on the path) against the same database;
the parent asks each in turn for a batch of timed requests until every checkout has had
`--rounds` batches, so a slow stretch falls on both. Like `bench/run.py`, each child serves as
a gunicorn worker of that checkout does (`putright.core.serving`), warmed up first.

`/staff/` is measured as the busiest handler's My work, an `/api/` path with the benchmark
officer's token, any other path as the benchmark officer (bench.inprocess).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BATCH = 10


def child(path: str) -> None:
    import gc

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "putright.settings")
    django.setup()
    from bench.inprocess import _busiest_handler, api_client, bench_user, staff_client
    from putright.accounts.models import Role

    officer = bench_user("bench-officer", Role.COMPLAINTS_OFFICER)
    if path.startswith("/api/"):
        client = api_client(officer)
    else:
        client = staff_client(_busiest_handler() if path == "/staff/" else officer)
    for _ in range(5):
        client.get(path)
    try:  # as this checkout's gunicorn worker would: older checkouts only froze start-up
        from putright.core.serving import settle_for_serving
    except ImportError:
        gc.collect()
        gc.freeze()
    else:
        settle_for_serving()
    print("ready", flush=True)
    for _ in sys.stdin:
        times = []
        for _ in range(BATCH):
            began = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - began) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{path} answered {response.status_code}")
        print(json.dumps(times), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("path")
    parser.add_argument("checkouts", nargs="+", help="two or more checkout folders")
    parser.add_argument("--url", default=os.environ.get("BENCH_POSTGRES_URL", ""), help="the database")
    parser.add_argument("--rounds", type=int, default=8, help=f"batches of {BATCH} per checkout")
    args = parser.parse_args()
    env = dict(os.environ, DATABASE_URL=args.url) if args.url else dict(os.environ)
    children = {}
    for folder in args.checkouts:
        root = Path(folder).resolve()
        process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--child", args.path],
            cwd=root,
            env=dict(env, PYTHONPATH=f"{root / 'src'}:{root}"),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None
        while process.stdout.readline().strip() != "ready":
            if process.poll() is not None:
                raise SystemExit(f"{folder}: the child stopped before it was ready")
        children[folder] = process
    times: dict[str, list[float]] = {folder: [] for folder in children}
    for round_number in range(args.rounds):
        for folder, process in children.items():
            assert process.stdin is not None and process.stdout is not None
            process.stdin.write("go\n")
            process.stdin.flush()
            times[folder] += json.loads(process.stdout.readline())
        print(f"round {round_number + 1} of {args.rounds}", file=sys.stderr, flush=True)
    for folder, found in times.items():
        found.sort()
        p95 = found[min(len(found) - 1, int(0.95 * len(found)))]
        print(f"{folder}: {len(found)} requests, p50 {statistics.median(found):.1f} ms, p95 {p95:.1f} ms")
    for process in children.values():
        assert process.stdin is not None
        process.stdin.close()
        process.wait()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2])
    else:
        main()
