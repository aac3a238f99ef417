"""Creation throughput from two (or more) checkouts, in alternating rounds in the same minutes.

    DATABASE_URL=postgres://… .venv/bin/python bench/compare_create.py ../before . [--rounds 3 --seconds 15]

Like bench/compare.py for pages: this machine's speed moves within an hour, so two runs of
`bench/run.py` apart cannot tell a 10% change from the weather. Each round starts gunicorn
(2 sync workers, as `make bench` and the peer benchmark serve) from each checkout in turn
(its `src/` first on the path), warms it for 5 s, then has 8 clients create complaints
through the API for `--seconds`. Printed per checkout: creates per second, and the CPU the
workers and their PostgreSQL backends spent per create (what two free cores could sustain).
Both checkouts write to the same database, whose schema is this checkout's: an older
checkout runs against newer triggers, which may cost it a little.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "putright.settings")
os.environ.setdefault("PUTRIGHT_API_RATE_PER_MINUTE", "100000000")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("checkouts", nargs="+")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument(
        "--postmaster", type=int, help="the PostgreSQL server's pid, to count its backends' CPU"
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.utils import timezone

    from bench import throughput
    from bench.inprocess import bench_user
    from putright.accounts.models import Role
    from putright.accounts.services.tokens import api_token_issue

    _, token = api_token_issue(user=bench_user("bench-officer", Role.COMPLAINTS_OFFICER), now=timezone.now())
    results: dict[str, list[dict]] = {c: [] for c in args.checkouts}
    for number in range(args.rounds):
        for checkout in args.checkouts:
            env = dict(os.environ, PYTHONPATH=str(Path(checkout).resolve() / "src"))
            with throughput.gunicorn(env) as (proc, port):

                def servers(master: int = proc.pid) -> list[int]:
                    backends = throughput._children(args.postmaster) if args.postmaster else []
                    return throughput._children(master) + backends

                throughput.drive(port, throughput.new_complaint, token=token, duration=5, threads=8)
                out = throughput.drive(
                    port,
                    throughput.new_complaint,
                    token=token,
                    duration=args.seconds,
                    threads=8,
                    servers=servers,
                )
            results[checkout].append(out)
            print(
                f"round {number + 1}: {checkout}: {out['per_second']}/s, {out['errors']} errors, "
                f"{out['server_cpu_ms_per_request']} ms server CPU each",
                flush=True,
            )
    for checkout, runs in results.items():
        rates = sorted(r["per_second"] for r in runs)
        cpu = sorted(r["server_cpu_ms_per_request"] for r in runs)
        print(
            f"{checkout}: median {rates[len(rates) // 2]}/s of {rates}; {cpu[len(cpu) // 2]} ms server CPU each"
        )


if __name__ == "__main__":
    main()
