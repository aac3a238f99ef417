"""Writing batches, on PostgreSQL in a thread of its own so the database loads one batch
while Python generates the next (the two then share the machine's cores).

A thread has its own database connection, which cannot see rows of a transaction still
open on the caller's connection (a test's, say); inside a transaction the batches are
written in the caller's thread instead.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable

from django.db import connection, transaction

from putright.demo.generate.columns import Row
from putright.demo.generate.sinks import PostgresSink, Sink

# Parents before children, though the foreign keys are checked at commit.
WRITE_ORDER = (
    "resident",
    "adjustment",
    "representative",
    "complaint",
    "hazard",
    "stage",
    "extension",
    "refusal",
    "remedy",
    "action",
    "action_update",
    "update_agreement",
    "correspondence",
    "event",
)
Batch = dict[str, list[Row]]


def _write(sink: Sink, batch: Batch) -> None:
    with transaction.atomic():
        for key in WRITE_ORDER:
            sink.write(key, batch[key])


class Writer:
    def __init__(self, sink: Sink) -> None:
        self.sink = sink
        self.background = isinstance(sink, PostgresSink) and not connection.in_atomic_block
        self._queue: queue.Queue[Batch | None] = queue.Queue(maxsize=1)
        self._failure: BaseException | None = None
        self._thread: threading.Thread | None = None
        if self.background:
            self._thread = threading.Thread(target=self._run, name="putright-generate-writer", daemon=True)
            self._thread.start()
        else:
            sink.begin()

    def _run(self) -> None:
        try:
            self._guard(self.sink.begin)
            while (batch := self._queue.get()) is not None:
                if self._failure is None:
                    self._guard(lambda: _write(self.sink, batch))
            if self._failure is None:
                self._guard(self.sink.finish)
        finally:
            connection.close()

    def _guard(self, step: Callable[[], None]) -> None:
        # A failure is kept for the generating thread; the queue is still drained so that
        # thread is never left blocked on a full queue.
        try:
            step()
        except BaseException as failure:
            self._failure = failure

    def submit(self, batch: Batch) -> None:
        """Write `batch` (now, or as soon as the previous one is in): one transaction per batch."""
        if self._failure is not None:
            raise self._failure
        if self._thread is None:
            _write(self.sink, batch)
        else:
            self._queue.put(batch)

    def close(self) -> None:
        """Wait for the last batch, refresh the planner's statistics, and raise any failure."""
        if self._thread is None:
            self.sink.finish()
            return
        self._queue.put(None)
        self._thread.join()
        if self._failure is not None:
            raise self._failure

    def abandon(self) -> None:
        """After a failure in the generating thread: stop, leaving the session as it was."""
        if self._thread is None:
            self.sink.end()
            return
        self._queue.put(None)
        self._thread.join()
