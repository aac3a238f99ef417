"""putright beside django-helpdesk: runs the shared peer benchmark and writes its table.

    make bench-peer                      # or: .venv/bin/python bench/peer.py
    .venv/bin/python bench/peer.py --report-only   # the table again from the last run's files

The peer benchmark (`../shared/peer-bench/`, see its README) measures both tools on one
PostgreSQL 15 at 100,000 cases each, gunicorn with 2 sync workers, in one run: the first
page of open cases, opening a random case, creating one, and 8 clients creating for 30 s
(twice). It needs root (it starts PostgreSQL as the postgres user) and installs
django-helpdesk's pinned packages into its own venv. Its scratch folder (`--peer-dir`) is
kept, so the 100,000 cases of each tool are generated once and reused by later runs.

putright runs from this checkout (`src/` first on PYTHONPATH) with the venv's packages.
The figures, the ratios, the load average before and after, the date and the commit go
to bench/peer.json, and bench/RESULTS.md is written again with them (bench/report.py).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.report import render  # noqa: E402

PEER_JSON = ROOT / "bench" / "peer.json"
RESULTS_JSON = ROOT / "bench" / "results.json"
RESULTS_MD = ROOT / "bench" / "RESULTS.md"


def loadavg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def _commit() -> str:
    out = subprocess.run(
        ["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True, text=True
    )
    return out.stdout.strip() or "unknown"


def _shared_bench() -> Path:
    """`../shared/peer-bench` beside the checkout (or beside the folder of worktrees)."""
    for up in (ROOT.parent, ROOT.parent.parent):
        if (up / "shared" / "peer-bench").is_dir():
            return up / "shared" / "peer-bench"
    return ROOT.parent / "shared" / "peer-bench"


def _patch_data_check(script: Path) -> None:
    """Django 5.2's `shell -c` also prints how many objects it imported, so the script's
    "are there 100,000 tickets already?" test never passed and every run added 100,000 more
    tickets to django-helpdesk. Its copy here compares the last line only, as the script
    already does for putright's count."""
    text = script.read_text()
    text = text.replace(
        "print(Ticket.objects.count())')\" -ge", "print(Ticket.objects.count())' | tail -1)\" -ge"
    )
    script.write_text(text)


def run(source: Path, peer_dir: Path, venv: Path) -> dict[str, Any]:
    """Copy the shared benchmark into `peer_dir` (keeping its data) and run it once."""
    peer_dir.mkdir(parents=True, exist_ok=True)
    for item in source.iterdir():
        target = peer_dir / item.name
        if item.is_dir():
            shutil.copytree(item, target, dirs_exist_ok=True)
        else:
            shutil.copyfile(item, target)
    _patch_data_check(peer_dir / "putright" / "side_by_side.sh")
    for stale in ("dh-1.json", "dh-2.json", "pr-1.json", "pr-2.json"):
        (peer_dir / stale).unlink(missing_ok=True)
    env = dict(os.environ, PEER_DIR=str(peer_dir), PR_VENV=str(venv))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH", "")]))
    before, began = loadavg(), time.monotonic()
    subprocess.run(["bash", str(peer_dir / "putright" / "side_by_side.sh")], env=env, check=True)
    return {"loadavg_before": before, "loadavg_after": loadavg(), "seconds": round(time.monotonic() - began)}


def figures(peer_dir: Path) -> dict[str, Any]:
    """The four comparisons (p50 / p95 in ms, creates per second) and their ratios."""
    dh1, pr1 = (json.loads((peer_dir / f).read_text()) for f in ("dh-1.json", "pr-1.json"))
    # django-helpdesk's first page is its list page and then the JSON rows it loads.
    dh_first = {
        stat: dh1["a_list_page"][stat] + dh1["b_datatables_json"][stat] for stat in ("p50_ms", "p95_ms")
    }
    rows = [
        ("first page of open cases", dh_first, pr1["a_first_page_open"], 25.0),
        ("open one case", dh1["c_view_ticket"], pr1["c_case_page"], 2.5),
        ("create one", dh1["d_create_post"], pr1["d_create_api"], None),
    ]
    table = [
        {
            "operation": name,
            "peer": {"p50_ms": peer["p50_ms"], "p95_ms": peer["p95_ms"]},
            "putright": {"p50_ms": ours["p50_ms"], "p95_ms": ours["p95_ms"]},
            "ratio": round(peer["p50_ms"] / ours["p50_ms"], 2),
            "target": target,
        }
        for name, peer, ours, target in rows
    ]
    pairs = [(1, dh1, pr1)]
    if (peer_dir / "dh-2.json").exists() and (peer_dir / "pr-2.json").exists():
        pairs.append((2, *(json.loads((peer_dir / f).read_text()) for f in ("dh-2.json", "pr-2.json"))))
    for run_no, dh, pr in pairs:
        peer, ours = dh["d_create_concurrent"], pr["d_create_concurrent"]
        table.append(
            {
                "operation": f"create, 8 clients for 30 s (run {run_no})",
                "peer": {"per_second": peer["rps"], "errors": peer["errors"]},
                "putright": {"per_second": ours["rps"], "errors": ours["errors"]},
                "ratio": round(ours["rps"] / peer["rps"], 2),
                "target": 2.5,
            }
        )
    return {"rows": table, "rows_on_first_page": pr1.get("a_rows")}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--source", default=os.environ.get("PEER_BENCH") or str(_shared_bench()))
    parser.add_argument("--peer-dir", default=os.environ.get("PEER_DIR", "/tmp/putright-peer-bench"))
    parser.add_argument("--venv", default=os.environ.get("PR_VENV", str(Path(sys.executable).parents[1])))
    parser.add_argument(
        "--report-only", action="store_true", help="no run: the table from the last run's files"
    )
    parser.add_argument("--note", help="with --report-only: how the run differed from one `make bench-peer`")
    parser.add_argument("--loadavg-before", help="with --report-only: the load average when that run began")
    parser.add_argument("--loadavg-after", help="with --report-only: the load average when that run ended")
    args = parser.parse_args()
    peer_dir = Path(args.peer_dir)
    measured = {} if args.report_only else run(Path(args.source), peer_dir, Path(args.venv))
    if args.report_only and args.note:
        measured["note"] = args.note
    for key in ("loadavg_before", "loadavg_after"):
        given = getattr(args, key)
        if args.report_only and given:
            measured[key] = [float(x) for x in given.split(",")]
    earlier = json.loads(PEER_JSON.read_text()) if PEER_JSON.exists() and args.report_only else {}
    result = {
        **earlier,
        **measured,
        **figures(peer_dir),
        "date": earlier.get("date") or datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": earlier.get("commit") or _commit(),
        "command": "bench/peer.py --report-only"
        if args.report_only
        else "make bench-peer"
        if os.environ.get("N", "100") == "100"
        else f"N={os.environ['N']} make bench-peer",
        "requests_per_latency": int(os.environ.get("N", "100")),
    }
    PEER_JSON.write_text(json.dumps(result, indent=2) + "\n")
    results = json.loads(RESULTS_JSON.read_text()) if RESULTS_JSON.exists() else {"runs": []}
    RESULTS_MD.write_text(render(results))
    print(f"bench-peer: wrote {PEER_JSON} and {RESULTS_MD}")


if __name__ == "__main__":
    main()
