"""Benchmarks at scale (issue #9): generate complaints, measure pages and the API, load-test.

    .venv/bin/python bench/run.py                       # everything: SQLite 10k, 100k; PostgreSQL 10k, 100k, 1M
    .venv/bin/python bench/run.py --databases postgres --sizes 10000,100000
    .venv/bin/python bench/run.py --databases sqlite --sizes 10000 --duration 10 --requests 50

Each database runs in a child process with production settings (DEBUG off, the second
factor required, static files collected). PostgreSQL is a throwaway server started by
.ci/postgres.sh on --pg-port. Results are merged into bench/results.json (a new figure
replaces the one for the same database and size) and bench/RESULTS.md is written from it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.machine import describe  # noqa: E402
from bench.report import render  # noqa: E402

DEFAULT_SIZES = "10000,100000,1000000"


def _environment(workdir: Path, database_url: str | None) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="putright.settings",
        DEBUG="false",
        SECRET_KEY="bench-only-" + "k" * 50,
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        # Plain HTTP on loopback: no TLS in front of gunicorn here.
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        STATIC_ROOT=str(workdir / "static"),
        PUTRIGHT_MEDIA_ROOT=str(workdir / "files"),
        LOG_LEVEL="WARNING",
        # Nothing measured sends mail; no SMTP server listens here.
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")])),
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def _commit() -> str:
    found = subprocess.run(
        ["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True, text=True
    )
    return found.stdout.strip() or "unknown"


def _session(args: argparse.Namespace, database: str, sizes: list[int], workdir: Path) -> list[dict]:  # type: ignore[type-arg]
    out = workdir / f"{database}.json"
    command = [
        sys.executable,
        "-m",
        "bench.session",
        f"--sizes={','.join(map(str, sizes))}",
        f"--requests={args.requests}",
        f"--duration={args.duration}",
        f"--seed={args.seed}",
        f"--out={out}",
        *(["--skip-load"] if args.skip_load else []),
    ]
    if database == "sqlite":
        env = _environment(workdir, f"sqlite:///{workdir / 'bench.sqlite3'}")
    elif args.postgres_url:
        # A server kept between runs: a million complaints are generated once, then each
        # change is measured against the same rows (sizes already present are not regenerated).
        env = _environment(workdir, args.postgres_url)
    else:
        env = _environment(workdir, None)
        env["PG_PORT"] = str(args.pg_port)
        command = ["bash", str(ROOT / ".ci" / "postgres.sh"), *command]
    began = time.monotonic()
    subprocess.run(command, env=env, cwd=ROOT, check=False)
    print(f"bench: {database} done in {time.monotonic() - began:.0f} s", flush=True)
    return json.loads(out.read_text()) if out.exists() else []


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--databases", default="sqlite,postgres", help="sqlite, postgres or both")
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="complaint counts, comma-separated")
    parser.add_argument("--sqlite-max", type=int, default=100_000, help="largest size run on SQLite")
    parser.add_argument("--requests", type=int, default=100, help="timed requests per endpoint")
    parser.add_argument("--duration", type=float, default=30, help="seconds per load phase")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pg-port", type=int, default=int(os.environ.get("PG_PORT", "54340")))
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("BENCH_POSTGRES_URL", ""),
        help="measure an existing PostgreSQL database instead of a throwaway server",
    )
    parser.add_argument("--skip-load", action="store_true", help="no gunicorn load test")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results.json"))
    parser.add_argument("--markdown", default=str(ROOT / "bench" / "RESULTS.md"))
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    results_path = Path(args.out)
    results = json.loads(results_path.read_text()) if results_path.exists() else {"runs": []}
    for database in [d.strip() for d in args.databases.split(",") if d.strip()]:
        if database not in ("sqlite", "postgres"):
            parser.error(f"unknown database {database!r}")
        chosen = [s for s in sizes if database == "postgres" or s <= args.sqlite_max]
        if not chosen:
            continue
        with tempfile.TemporaryDirectory(prefix=f"putright-bench-{database}-") as tmp:
            runs = _session(args, database, chosen, Path(tmp))
        for run in runs:
            run["measured"] = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
            run["commit"] = _commit()
            run["command"] = (
                f"python bench/run.py --databases {database} --sizes {run['complaints']} "
                f"--requests {args.requests} --duration {args.duration:g}"
            )
            key = (run["database"], run["complaints"])
            results["runs"] = [r for r in results["runs"] if (r["database"], r["complaints"]) != key] + [run]
        results["machine"] = describe()
        results["runs"].sort(key=lambda r: (r["database"], r["complaints"]))
        results_path.write_text(json.dumps(results, indent=2, default=str) + "\n")
        Path(args.markdown).write_text(render(results))
    print(f"bench: wrote {results_path} and {args.markdown}")


if __name__ == "__main__":
    main()
