"""Throughput through gunicorn (2 sync workers on 127.0.0.1) under a bounded load.

The load generator is threads with `http.client`, loopback only, for a fixed duration:
no request outlives the deadline by more than its timeout. Worker memory is read from
/proc (VmRSS of each worker process) every quarter second; the peak is reported.
"""

from __future__ import annotations

import http.client
import json
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench import sched
from bench.inprocess import percentile

HOST = "127.0.0.1"
WARM_UP = 8.0
Request = tuple[str, str, bytes | None]


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


@contextmanager
def gunicorn(env: dict[str, str], workers: int = 2, threads: int = 1):  # type: ignore[no-untyped-def]
    port = free_port()
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "putright.wsgi:application",
        f"--workers={workers}",
        *([f"--threads={threads}", "--worker-class=gthread"] if threads > 1 else []),
        f"--bind={HOST}:{port}",
        "--timeout=60",
        "--log-level=warning",
    ]
    # The workers' log goes to a file, never to a pipe: nothing reads a pipe while the load
    # runs, and once its 64 KiB buffer filled, every worker would block on its next log line.
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=log)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with socket.create_connection((HOST, port), timeout=1):
                        break
                except OSError:
                    if proc.poll() is not None or time.monotonic() > deadline:
                        log.seek(0)
                        err = log.read().decode(errors="replace")
                        raise RuntimeError(f"gunicorn did not start: {err[-2000:]}") from None
                    time.sleep(0.2)
            while len(_children(proc.pid)) < workers and time.monotonic() < deadline:
                time.sleep(0.2)
            yield proc, port
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


class RssSampler(threading.Thread):
    def __init__(self, master: int) -> None:
        super().__init__(daemon=True)
        self.master, self.peak = master, {}  # type: ignore[var-annotated]
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            for pid in _children(self.master):
                self.peak[pid] = max(self.peak.get(pid, 0.0), _rss_mb(pid))
            self.stop.wait(0.25)


def drive(
    port: int,
    make: Callable[[random.Random], Request],
    *,
    token: str,
    duration: float,
    threads: int,
    servers: Callable[[], list[int]] = list,
) -> dict[str, Any]:
    """Send requests from `threads` threads for `duration` seconds; count answers by status.

    `servers` lists the processes doing the work (gunicorn workers, database backends):
    their CPU time per request is what the machine spends on one, whoever else is busy.
    """
    deadline = time.monotonic() + duration
    latencies: list[float] = []
    statuses: dict[str, int] = {}
    lock = threading.Lock()

    def worker(index: int) -> None:
        rng = random.Random(index)
        mine: list[float] = []
        seen: dict[str, int] = {}
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        while time.monotonic() < deadline:
            method, path, body = make(rng)
            began = time.perf_counter()
            try:
                conn = http.client.HTTPConnection(HOST, port, timeout=30)
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                key = str(response.status)
                conn.close()
            except OSError as failure:
                key = type(failure).__name__
            mine.append(time.perf_counter() - began)
            seen[key] = seen.get(key, 0) + 1
        with lock:
            latencies.extend(mine)
            for key, count in seen.items():
                statuses[key] = statuses.get(key, 0) + count

    cpu_before = sched.processes(servers())
    began = time.monotonic()
    pool = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    elapsed = time.monotonic() - began
    cpu_after = sched.processes(servers())
    ok = sum(count for key, count in statuses.items() if key.startswith("2"))
    ms = [x * 1000 for x in latencies]
    return {
        "seconds": round(elapsed, 1),
        "threads": threads,
        "requests": len(latencies),
        "ok": ok,
        "errors": len(latencies) - ok,
        "statuses": statuses,
        "per_second": round(ok / elapsed, 1),
        "p50_ms": round(percentile(ms, 0.5), 1),
        "p95_ms": round(percentile(ms, 0.95), 1),
        # Server CPU per answered request, and the time server processes waited for a core.
        "server_cpu_ms_per_request": round((cpu_after[0] - cpu_before[0]) / 1e6 / max(ok, 1), 2),
        "server_queued_s": round((cpu_after[1] - cpu_before[1]) / 1e9, 1),
    }


def new_complaint(rng: random.Random) -> Request:
    """A complaint as an integration would send it (docs/api.md: POST /complaints)."""
    received = datetime.now(UTC) - timedelta(minutes=rng.randint(1, 600))
    body = {
        "resident": {"name": f"Load Test {rng.randint(1, 10**6)}", "email": "load@example.com"},
        "channel": rng.choice(["email", "phone", "web"]),
        "received_at": received.isoformat(),
        "description": "The kitchen tap has leaked for three weeks.",
        "category": "repairs",
    }
    return "POST", "/api/v1/complaints", json.dumps(body).encode()


def reads(ids: list[int]) -> Callable[[random.Random], Request]:
    """Seven reads of a complaint for three pages of the overdue list."""

    def make(rng: random.Random) -> Request:
        if rng.random() < 0.3:
            return "GET", "/api/v1/complaints?overdue=true", None
        return "GET", f"/api/v1/complaints/{rng.choice(ids)}", None

    return make


def run_load(
    env: dict[str, str], *, token: str, ids: list[int], duration: float, postmaster: int | None = None
) -> dict[str, Any]:
    """Creation, then reads, each for `duration` seconds against one gunicorn with two workers;
    then creation again with two threaded workers (4 threads each), to see whether overlapping
    database round trips helps.

    `postmaster` is the PostgreSQL server's process, whose children serve the workers.
    """
    results: dict[str, Any] = {"workers": 2}
    with gunicorn(env) as (proc, port):
        sampler = RssSampler(proc.pid)
        sampler.start()
        results["idle_rss_mb"] = [round(_rss_mb(pid), 1) for pid in _children(proc.pid)]
        for name, make in (("create", new_complaint), ("read", reads(ids))):
            results[name] = _phase(port, make, token, duration, proc.pid, postmaster)
        sampler.stop.set()
        sampler.join()
        results["peak_rss_mb"] = sorted(round(v, 1) for v in sampler.peak.values())
    with gunicorn(env, threads=4) as (proc, port):
        results["create_gthread"] = _phase(port, new_complaint, token, duration, proc.pid, postmaster)
    return results


def _phase(
    port: int,
    make: Callable[[random.Random], Request],
    token: str,
    duration: float,
    master: int,
    postmaster: int | None,
) -> dict[str, Any]:
    def servers() -> list[int]:
        return _children(master) + (_children(postmaster) if postmaster else [])

    # Each worker loads the URL configuration, the API schemas and templates on its first
    # requests: warm both up before the clock starts.
    drive(port, make, token=token, duration=WARM_UP, threads=4)
    return drive(port, make, token=token, duration=duration, threads=4, servers=servers)
