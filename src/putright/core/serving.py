"""How a serving process sets up Python's garbage collector: gunicorn's workers
(`putright.wsgi`), and the benchmarks that measure pages as those workers serve them.

Two settings, each measured at a million complaints on PostgreSQL:
- What start-up loaded (settings, models, the app registry) lives as long as the worker.
  Frozen apart from the collector's generations, a full collection no longer walks
  ~200,000 objects: that walk was a pause of about 110 ms once every 20 to 40 requests.
- The youngest generation is collected after 10,000 allocations rather than 700. A list of
  25 complaints through the API allocates hundreds of thousands of objects, nearly all
  freed by reference counting; at 700 the collector ran hundreds of times a request and
  its older generations' passes landed as pauses on one request in ten (the stage 2 list:
  p95 37.0 ms at 700, 26.3 ms at 10,000; p50 unchanged). Larger (20,000, 50,000) made the
  rarer passes long enough to show again.
"""

from __future__ import annotations

import gc

YOUNGEST_GENERATION_THRESHOLD = 10_000


def settle_for_serving() -> None:
    """Freeze what is loaded now and collect the youngest generation less often. Call once,
    after start-up and before the first request."""
    gc.collect()
    gc.freeze()
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(YOUNGEST_GENERATION_THRESHOLD, middle, oldest)
