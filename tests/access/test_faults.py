"""Faults under load, short version of bench/load (docs/load-and-faults.md): a gunicorn worker
SIGKILLed and PostgreSQL restarted while residents and staff are using the service.

Runs only against PostgreSQL (`make test-postgres`): the runner starts its own throwaway
server, gunicorn and locust on loopback, so the suite's database is never touched.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.faults,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="fault tests run against PostgreSQL only (make test-postgres)",
    ),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_no_acknowledged_complaint_is_lost_and_the_app_recovers_from_a_database_restart_code_5_12(
    tmp_path: Path,
):
    summary = tmp_path / "summary.json"
    env = {**os.environ, "PG_PORT": str(free_port())}
    # The runner's own arguments, fixed here: nothing from outside reaches the command line.
    run = subprocess.run(  # noqa: S603
        [
            "/bin/bash",
            "bench/load/run.sh",
            "24",
            "--users=8",
            "--seed-complaints=10",
            "--kill-worker-at=6",
            "--restart-db-at=14",
            "--probe-after=6",
            f"--out={summary}",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    # The runner prints what failed and the tail of each log: show it, not only the exit status.
    assert run.returncode == 0, f"load run failed:\n{run.stdout[-3000:]}\n{run.stderr[-6000:]}"
    result = json.loads(summary.read_text())
    writes, restart = result["writes"], result["restart"]
    # Every complaint the server answered for is in the record (Code 5.12), whatever was cut off.
    assert writes["acknowledged"] > 0
    assert writes["found"] == writes["acknowledged"] and writes["missing"] == []
    assert writes["id_reference_mismatch"] == []
    # The killed worker was replaced; gunicorn itself was never restarted.
    assert result["kills"][0]["replaced_after_s"] is not None
    assert not result["gunicorn_master_restarted"]
    assert result["task_worker_running_at_end"], "putright worker did not outlive the database restart"
    # During the restart requests failed fast with a server error, and the app answered again
    # within seconds of PostgreSQL accepting connections, on the same workers.
    assert set(restart["failed_statuses"]) <= {"500", "502", "503"}
    assert restart["slowest_failed_probe_s"] < 10
    assert restart["first_ok_after_postgres_ready_s"] is not None
    assert restart["first_ok_after_postgres_ready_s"] < 5
