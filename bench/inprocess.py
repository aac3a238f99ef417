"""Server-side latency and queries per request, measured in-process with Django's test Client.

Each endpoint is requested a few times to warm caches, then `n` times with the timer
around the whole request (URL routing, middleware, view, template, serialisation): the
time a worker spends on it, without the network. Queries are counted on every timed
request with `CaptureQueriesContext`; the report gives the largest count seen.

Pages and endpoints other engineers build are measured once their URL resolves.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import Resolver404, resolve
from django.utils import timezone

from bench import sched
from bench.explain import explain_call
from putright.accounts.models import Role, User
from putright.accounts.services.tokens import api_token_issue
from putright.cases.models import CaseEvent, Complaint
from putright.core.serving import settle_for_serving

Result = dict[str, Any]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def summarise(times: list[float], queries: list[int], cpu: list[float], queued: list[float]) -> Result:
    ms = [t * 1000 for t in times]
    busy = [t - q for t, q in zip(ms, queued, strict=True)]
    return {
        "n": len(ms),
        "p50_ms": round(percentile(ms, 0.5), 2),
        "p95_ms": round(percentile(ms, 0.95), 2),
        "max_ms": round(max(ms), 2) if ms else None,
        "mean_ms": round(statistics.fmean(ms), 2) if ms else None,
        # Wall time less the time spent runnable but waiting for a core (app and database).
        "unqueued_p50_ms": round(percentile(busy, 0.5), 2),
        "unqueued_p95_ms": round(percentile(busy, 0.95), 2),
        "cpu_p50_ms": round(percentile(cpu, 0.5), 2),
        "cpu_p95_ms": round(percentile(cpu, 0.95), 2),
        "queued_p95_ms": round(percentile(queued, 0.95), 2),
        "queries": max(queries) if queries else None,
        "queries_min": min(queries) if queries else None,
    }


def timed(call: Callable[[], Any], *, n: int, warm: int = 3) -> Result:
    """Call `call` warm + n times; it returns an HTTP response or bytes.

    Besides wall time, each call's CPU time and run-queue wait are read from the kernel
    for this thread and for the PostgreSQL backend serving it.
    """
    for _ in range(warm):
        _check(call())
    times: list[float] = []
    queries: list[int] = []
    cpu: list[float] = []
    queued: list[float] = []
    me = sched.this_thread()
    for _ in range(n):
        backend = sched.database_backend()
        tasks = [me, backend] if backend else [me]
        before = [sched.read(t) for t in tasks]
        with CaptureQueriesContext(connection) as captured:
            began = time.perf_counter()
            _check(call())
            times.append(time.perf_counter() - began)
        after = [sched.read(t) for t in tasks]
        cpu.append(sum(a[0] - b[0] for a, b in zip(after, before, strict=True)) / 1e6)
        queued.append(sum(a[1] - b[1] for a, b in zip(after, before, strict=True)) / 1e6)
        queries.append(len(captured))
    return summarise(times, queries, cpu, queued)


def _check(response: Any) -> None:
    status = getattr(response, "status_code", 200)
    if status != 200:
        raise RuntimeError(f"answered {status}: {getattr(response, 'content', b'')[:300]!r}")


def resolves(path: str) -> bool:
    try:
        resolve(path.split("?")[0])
    except Resolver404:
        return False
    return True


def bench_user(username: str, role: str) -> User:
    user, _ = User.objects.get_or_create(username=username, defaults={"role": role})
    if user.role != role:
        user.role = role
        user.save(update_fields=["role"])
    return user


def staff_client(user: User) -> Client:
    """A signed-in client whose session has passed the second factor, as in production."""
    from putright.accounts.session import VERIFIED_KEY

    client = Client()
    client.force_login(user)
    session = client.session
    session[VERIFIED_KEY] = user.pk
    session.save()
    return client


def api_client(user: User) -> Client:
    _, raw = api_token_issue(user=user, now=timezone.now())
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def measure(*, n: int, seed: int = 1, explain: bool = True) -> dict[str, Result]:
    """Every endpoint that exists, against the data in the database now.

    With `explain`, one request to each endpoint also has its queries explained.
    """
    rng = random.Random(seed)
    officer = bench_user("bench-officer", Role.COMPLAINTS_OFFICER)
    api = api_client(officer)
    staff = staff_client(officer)
    bounds = Complaint.objects.order_by("id").values_list("id", flat=True)
    low, high = bounds.first(), bounds.last()
    assert low is not None and high is not None, "no complaints to measure"

    def some_id() -> int:
        while True:
            pk = rng.randint(low, high)
            if Complaint.objects.filter(pk=pk).exists():
                return pk

    ids = [some_id() for _ in range(n)]
    results: dict[str, Result] = {}
    # Measure as a gunicorn worker serves: putright/wsgi.py sets up the garbage collector
    # before the first request (`putright.core.serving`). Without it, the collector's pauses
    # land on whichever requests trigger them (the p95s).
    settle_for_serving()

    def run(name: str, path: str, client: Client, count: int = n, **extra: Any) -> None:
        if not resolves(path):
            results[name] = {"skipped": f"{path} does not resolve yet"}
            return
        try:
            results[name] = {"path": path, **timed(lambda: client.get(path), n=count), **extra}
            if explain:
                results[name]["plans"] = explain_call(lambda: client.get(path))
        except Exception as failure:
            results[name] = {"path": path, "error": f"{type(failure).__name__}: {failure}"[:500]}

    def run_ids(name: str, pattern: str, client: Client) -> None:
        path = pattern.format(id=ids[0])
        if not resolves(path):
            results[name] = {"skipped": f"{pattern} does not resolve yet"}
            return
        cycle = iter(ids * 2)
        try:
            results[name] = {
                "path": pattern,
                **timed(lambda: client.get(pattern.format(id=next(cycle))), n=n),
            }
            if explain:
                results[name]["plans"] = explain_call(lambda: client.get(path))
        except Exception as failure:
            results[name] = {"path": pattern, "error": f"{type(failure).__name__}: {failure}"[:500]}

    run("api_list", "/api/v1/complaints", api)
    run("api_list_overdue", "/api/v1/complaints?overdue=true", api)
    run("api_list_stage2", "/api/v1/complaints?stage=2", api)
    run_ids("api_detail", "/api/v1/complaints/{id}", api)
    handler = _busiest_handler()
    if handler is not None:
        run("staff_queue", "/staff/", staff_client(handler))
    run("staff_all_complaints", "/staff/complaints/", staff)
    run_ids("staff_case", "/staff/complaints/{id}/", staff)
    run("staff_team", "/staff/team/", staff)
    run("staff_search", f"/staff/search/?q={_surname()}", staff)
    run("staff_hazards", "/staff/hazards/", staff)
    run_ids("staff_case_letters", "/staff/complaints/{id}/letters/", staff)
    run("staff_print_queue", "/staff/letters/print-queue/", staff)
    run("staff_dashboard", "/staff/reports/", staff)
    today = timezone.localdate()
    year = f"from={today - timedelta(days=365)}&to={today - timedelta(days=1)}"
    run("api_report_year", f"/api/v1/reports/performance?{year}", api, count=max(3, n // 20))
    results["letter_pdf"] = _letter_pdf(officer, count=max(3, n // 20))
    results["annual_report_pdf"] = _annual_pdf(officer, staff, today)
    return results


def _surname() -> str:
    """A surname some resident has, as a person searching by name would type it."""
    from putright.cases.models import Resident

    name = Resident.objects.order_by("id").values_list("name", flat=True).first() or "Smith"
    return name.split()[-1]


def _busiest_handler() -> User | None:
    from django.db.models import Count

    row = (
        Complaint.objects.filter(status__in=("received", "acknowledged"), handler__isnull=False)
        .values("handler")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    return User.objects.get(pk=row["handler"]) if row else None


def _letter_pdf(officer: User, *, count: int) -> Result:
    """Render a stage 1 response letter to PDF (what issuing a response costs, without storing it)."""
    try:
        from putright.landlord.models import LandlordSettings
        from putright.letters.formats.pdf import letter_pdf
        from putright.letters.services.compose import page_for
        from putright.letters.services.drafting import letter_draft_for_event, letters_held_as_drafts
    except ImportError as missing:
        return {"skipped": f"letters rendering not available: {missing}"}
    try:
        event = CaseEvent.objects.filter(action="responded").select_related("complaint__resident").last()
        if event is None:
            return {"skipped": "no responded complaint"}
        from putright.letters.models import Letter

        # An earlier size's measurement may have drafted this event's letter already.
        letter = Letter.objects.filter(event=event).first()
        if letter is None:
            with letters_held_as_drafts():
                letter = letter_draft_for_event(event=event)
        if letter is None:
            return {"skipped": "no letter drafted for a response"}
        landlord = LandlordSettings.current()

        def render() -> bytes:
            page = page_for(letter, landlord=landlord, template=None, actor=officer, dated=date.today())
            return letter_pdf(page)

        return {
            "what": "stage 1 response letter, page composed and rendered",
            **timed(render, n=count, warm=1),
        }
    except Exception as failure:
        return {"error": f"{type(failure).__name__}: {failure}"[:500]}


def _annual_pdf(officer: User, staff: Client, today: date) -> Result:
    """The annual complaints performance and service improvement report (Code 8.1) as PDF, for the last year."""
    try:
        from putright.governance.models import AnnualReport
        from putright.governance.services.annual import annual_report_save
    except ImportError as missing:
        return {"skipped": f"annual report not available: {missing}"}
    try:
        start, end = today - timedelta(days=365), today - timedelta(days=1)
        report = AnnualReport.objects.filter(
            period_start=start, period_end=end
        ).first() or annual_report_save(
            actor=officer,
            now=timezone.now(),
            period_start=start,
            period_end=end,
            commentary="Benchmark year.",
        )
        path = f"/staff/reports/annual/{report.pk}/report.pdf"
        if not resolves(path):
            return {"skipped": f"{path} does not resolve yet"}
        return {
            "path": "/staff/reports/annual/{id}/report.pdf",
            **timed(lambda: staff.get(path), n=2, warm=1),
        }
    except Exception as failure:
        return {"error": f"{type(failure).__name__}: {failure}"[:500]}
