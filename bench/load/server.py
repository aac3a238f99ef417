"""The server side of a load run: environment, set-up commands, gunicorn, PostgreSQL restarts."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"


def environment(work: Path) -> dict[str, str]:
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Run through bench/load/run.sh: it starts PostgreSQL and sets DATABASE_URL")
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.load.settings",
        PYTHONPATH=str(ROOT),
        SECRET_KEY="load-run-only-" + "k" * 50,
        ALLOWED_HOSTS=HOST,
        DEBUG="false",
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        PUTRIGHT_STAFF_2FA="optional",
        # As behind the landlord's TLS proxy: the client address comes from X-Forwarded-For.
        BEHIND_TLS_PROXY="true",
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        PUTRIGHT_LOAD_MAIL_DIR=str(work / "mail"),
        STATIC_ROOT=str(work / "static"),
        PUTRIGHT_MEDIA_ROOT=str(work / "files"),
        LOG_LEVEL="WARNING",
        # Four handler tokens carry every user's API requests (and the probe's, ten a second):
        # the run measures the application under load, not the per-token rate limit.
        PUTRIGHT_API_RATE_PER_MINUTE="100000000",
    )
    (work / "mail").mkdir(parents=True, exist_ok=True)
    return env


def command(env: dict[str, str], *args: str, **kwargs: Any) -> str:
    done = subprocess.run(args, env=env, cwd=ROOT, check=True, capture_output=True, text=True, **kwargs)
    return done.stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def workers(master: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == master:
                found.append(int(entry.name))
    return sorted(found)


@contextmanager
def gunicorn(env: dict[str, str], work: Path, count: int = 2):  # type: ignore[no-untyped-def]
    port = free_port()
    log = (work / "gunicorn.log").open("w")
    proc = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "putright.wsgi:application",
            f"--workers={count}",
            f"--bind={HOST}:{port}",
            "--timeout=30",
            "--graceful-timeout=10",
        ],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=log,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://{HOST}:{port}/policy/", timeout=5) as answer:
                    if answer.status == 200 and len(workers(proc.pid)) >= count:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not start: see {work / 'gunicorn.log'}")
            time.sleep(0.3)
        yield proc, port
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@contextmanager
def task_worker(env: dict[str, str], work: Path):  # type: ignore[no-untyped-def]
    """The background worker beside gunicorn, as `make run` and production run it: it sends the
    sign-in emails the simulated residents read and the letters staff actions queue."""
    log = (work / "worker.log").open("w")
    proc = subprocess.Popen(
        [str(BIN / "putright"), "worker", "--interval=0.2"], env=env, cwd=ROOT, stdout=log, stderr=log
    )
    try:
        yield proc
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def postgres_restart() -> tuple[float, float]:
    """Restart PostgreSQL (fast shutdown: open sessions are cut). Answers (started, done) on the monotonic clock."""
    data = os.environ["PUTRIGHT_LOAD_PGDATA"]
    # -l: the new server writes to its log, not to our pipe (which would never close).
    pg_ctl = [f"{os.environ['PUTRIGHT_LOAD_PGBIN']}/pg_ctl", "-D", data, "-l", f"{data}/server.log"]
    as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    started = time.monotonic()
    subprocess.run(
        [*as_pg, *pg_ctl, "-m", "fast", "-w", "-t", "60", "restart"], check=True, capture_output=True
    )
    return started, time.monotonic()
