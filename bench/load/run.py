"""A bounded load run against putright on loopback, optionally with a fault in the middle.

    bash bench/load/run.sh DURATION [--kill-worker-at S] [--restart-db-at S] [--users N]

Sets up a fresh database (migrate, seed, collectstatic), starts gunicorn with two workers,
runs locust headless for DURATION seconds, then reports requests, failures, p50/p95, and
how many complaints the server acknowledged against how many are in the database.
`--kill-worker-at` SIGKILLs one gunicorn worker S seconds in (gunicorn starts another; repeatable);
`--restart-db-at` restarts PostgreSQL S seconds in and probes the app every 100 ms to
measure how long it takes to answer again. The summary is printed and saved as JSON.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.load.server import (
    BIN,
    HOST,
    ROOT,
    command,
    environment,
    gunicorn,
    postgres_restart,
    task_worker,
    workers,
)

# The run's working folder, once made: its logs are shown when a step fails.
RUN_LOGS: list[Path] = []


class Probe(threading.Thread):
    """GET an API page that reads the database every 100 ms; record status and time taken."""

    def __init__(self, port: int, token: str, start: float) -> None:
        super().__init__(daemon=True)
        self.url = f"http://{HOST}:{port}/api/v1/complaints?page_size=1"
        self.token, self.origin, self.rows = token, start, []  # type: ignore[var-annotated]
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            sent = time.monotonic()
            request = urllib.request.Request(self.url, headers={"Authorization": f"Bearer {self.token}"})
            try:
                with urllib.request.urlopen(request, timeout=15) as answer:
                    status: int | str = answer.status
            except urllib.error.HTTPError as exc:
                status = exc.code
            except OSError as exc:
                status = type(exc).__name__
            self.rows.append((sent - self.origin, status, time.monotonic() - sent))
            self.stop.wait(0.1)


def restart_database(probe: Probe, t0: float, probe_after: float) -> dict[str, Any]:
    started, done = postgres_restart()
    time.sleep(probe_after)
    probe.stop.set()
    probe.join()
    rows = [(t + probe.origin - t0, status, took) for t, status, took in probe.rows]
    start, ready = started - t0, done - t0
    failed = [r for r in rows if r[1] != 200]
    after = [r for r in rows if r[0] >= ready and r[1] == 200]
    last_failure = max((r[0] for r in failed), default=None)
    back = next((r[0] + r[2] for r in rows if r[1] == 200 and last_failure and r[0] > last_failure), None)
    return {
        "restart_started_s": round(start, 2),
        "postgres_accepting_s": round(ready, 2),
        "probes": len(rows),
        "probes_failed": len(failed),
        "failed_statuses": sorted({str(r[1]) for r in failed}),
        "slowest_failed_probe_s": round(max((r[2] for r in failed), default=0.0), 3),
        "first_ok_after_postgres_ready_s": round(after[0][0] + after[0][2] - ready, 3) if after else None,
        "app_answering_again_s": round(back, 2) if back else None,
        "outage_seen_by_app_s": round(back - start, 3) if back else 0.0,
    }


def kill_worker(master: int, t0: float) -> dict[str, Any]:
    before = workers(master)
    victim = before[0]
    os.kill(victim, signal.SIGKILL)
    killed = time.monotonic()
    while time.monotonic() < killed + 30:
        now = workers(master)
        if len(now) == len(before) and victim not in now:
            return {
                "killed_pid": victim,
                "killed_at_s": round(killed - t0, 2),
                "replaced_after_s": round(time.monotonic() - killed, 2),
                "workers": now,
            }
        time.sleep(0.05)
    return {"killed_pid": victim, "killed_at_s": round(killed - t0, 2), "replaced_after_s": None}


def locust_figures(prefix: Path) -> dict[str, Any]:
    with open(f"{prefix}_stats.csv") as handle:
        rows = list(csv.DictReader(handle))
    total = next(r for r in rows if r["Name"] == "Aggregated")
    with open(f"{prefix}_failures.csv") as handle:
        failures = [
            {"method": r["Method"], "name": r["Name"], "error": r["Error"], "count": int(r["Occurrences"])}
            for r in csv.DictReader(handle)
        ]
    return {
        "requests": int(total["Request Count"]),
        "failures": int(total["Failure Count"]),
        "requests_per_s": round(float(total["Requests/s"]), 2),
        "p50_ms": float(total["50%"]),
        "p95_ms": float(total["95%"]),
        "p99_ms": float(total["99%"]),
        "max_ms": round(float(total["Max Response Time"])),
        "by_request": {
            f"{r['Type']} {r['Name']}": {
                "requests": int(r["Request Count"]),
                "failures": int(r["Failure Count"]),
                "p50_ms": float(r["50%"]),
                "p95_ms": float(r["95%"]),
            }
            for r in rows
            if r["Name"] != "Aggregated"
        },
        "failure_kinds": failures,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("duration", type=int, help="seconds of load")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--spawn-rate", type=float, default=4)
    parser.add_argument("--seed-complaints", type=int, default=100)
    parser.add_argument("--kill-worker-at", type=float, action="append", default=[], help="repeatable")
    parser.add_argument("--restart-db-at", type=float)
    parser.add_argument("--probe-after", type=float, default=20, help="seconds to probe after a restart")
    parser.add_argument("--out", type=Path, help="write the summary JSON here")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="putright-load-"))
    RUN_LOGS.append(work)
    env = environment(work)
    putright = str(BIN / "putright")
    command(env, putright, "migrate", "--no-input", "-v0")
    seed = work / "seed.json"
    seed.write_text(command(env, sys.executable, "bench/load/seed.py", str(args.seed_complaints)))
    command(env, putright, "collectstatic", "--no-input", "-v0")
    acked = work / "acknowledged.jsonl"
    summary: dict[str, Any] = {"duration_s": args.duration, "users": args.users, "work": str(work)}
    with task_worker(env, work) as background, gunicorn(env, work) as (master, port):
        summary["gunicorn_workers_at_start"] = workers(master.pid)
        locust_env = {**env, "PUTRIGHT_LOAD_SEED": str(seed), "PUTRIGHT_LOAD_ACKED": str(acked)}
        locust = subprocess.Popen(
            [
                str(BIN / "locust"),
                "-f", "bench/load/locustfile.py", "--headless", "--only-summary",
                "-u", str(args.users), "-r", str(args.spawn_rate), "--run-time", f"{args.duration}s",
                "--stop-timeout", "20", "--host", f"http://{HOST}:{port}",
                "--csv", str(work / "locust"), "--loglevel", "WARNING",
            ],
            env=locust_env, cwd=ROOT, stdout=(work / "locust.log").open("w"), stderr=subprocess.STDOUT,
        )  # fmt: skip
        t0 = time.monotonic()
        token = next(iter(json.loads(seed.read_text())["tokens"].values()))
        for at in sorted(args.kill_worker_at):
            time.sleep(max(0.0, at - (time.monotonic() - t0)))
            summary.setdefault("kills", []).append(kill_worker(master.pid, t0))
        if args.restart_db_at is not None:
            time.sleep(max(0.0, args.restart_db_at - 5 - (time.monotonic() - t0)))
            probe = Probe(port, token, time.monotonic())
            probe.start()
            time.sleep(5)
            summary["restart"] = restart_database(probe, t0, args.probe_after)
        locust.wait(timeout=args.duration + 120)
        summary["gunicorn_workers_at_end"] = workers(master.pid)
        summary["gunicorn_master_restarted"] = master.poll() is not None
        # The background worker must outlive the faults too: sign-in codes and letters queued
        # after a database restart are sent only if it reconnected.
        summary["task_worker_running_at_end"] = background.poll() is None
    summary["locust"] = locust_figures(work / "locust")
    summary["writes"] = json.loads(command(env, sys.executable, "bench/load/count.py", str(acked)))
    text = json.dumps(summary, indent=2)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n")


def explain(error: BaseException) -> None:
    """A failed step says which, with its output and the tail of every log of the run, so a CI
    log shows the cause rather than only an exit status."""
    print(f"load run failed: {error!r}", file=sys.stderr)
    if isinstance(error, subprocess.CalledProcessError):
        print(f"stdout:\n{error.stdout}\nstderr:\n{error.stderr}", file=sys.stderr)
    folders = [*RUN_LOGS, Path(os.environ.get("PUTRIGHT_LOAD_PGDATA", "/nonexistent"))]
    for log in [log for folder in folders for log in sorted(folder.glob("*.log"))]:
        lines = log.read_text(errors="replace").splitlines()[-30:]
        print(f"--- {log} (last {len(lines)} lines)", *lines, sep="\n", file=sys.stderr)


if __name__ == "__main__":
    try:
        main()
    except Exception as error:
        explain(error)
        raise SystemExit(1) from error
