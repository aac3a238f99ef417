"""The machine the figures come from: CPU, cores, memory, load, and software versions."""

from __future__ import annotations

import os
import platform
import sqlite3
from pathlib import Path
from typing import Any


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _memory_gb() -> float:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return round(int(line.split()[1]) / 1024 / 1024, 1)
    return 0.0


def describe() -> dict[str, Any]:
    import django

    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "memory_gb": _memory_gb(),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "sqlite": sqlite3.sqlite_version,
        "loadavg": [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]],
    }


def speed_ms() -> float:
    """CPU milliseconds a fixed piece of pure Python takes here now (the least of five tries).

    The machine is a virtual one on a shared host: the same code on the same data measured
    1.7 times slower at one hour than at another with nothing else running in it, and the
    load average cannot see that. Set beside every set of figures, this says how fast the
    machine was while they were taken (about 175 ms on a quiet 2.8 GHz Xeon core)."""
    import time

    def work() -> int:
        total = 0
        for i in range(2_000_000):
            total += i * i % 7
        return total

    tries = []
    for _ in range(5):
        began = time.thread_time()
        work()
        tries.append(time.thread_time() - began)
    return round(min(tries) * 1000, 1)
