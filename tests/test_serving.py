"""A serving process sets up the garbage collector as the benchmarks measure it (issue 21)."""

from __future__ import annotations

import gc

from putright.core.serving import YOUNGEST_GENERATION_THRESHOLD, settle_for_serving


def test_serving_freezes_start_up_and_collects_the_youngest_generation_less_often():
    before = gc.get_threshold()
    try:
        settle_for_serving()
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold() == (YOUNGEST_GENERATION_THRESHOLD, before[1], before[2])
    finally:
        gc.set_threshold(*before)


def test_the_wsgi_entry_point_sets_the_collector_up():
    import putright.wsgi  # noqa: F401  (set up on import, as gunicorn imports it)

    assert gc.get_threshold()[0] == YOUNGEST_GENERATION_THRESHOLD
