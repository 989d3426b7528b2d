"""The document pool: results in order, a worker that dies or hangs costs its item only (real processes)."""

from __future__ import annotations

import multiprocessing
import operator
import os
import time
from functools import partial

import pytest

from councilgraph.pool import ordered_map

# Work that pickles by reference (the fork server imports no test module): each item is a callable.
FINE = [partial(int, str(n)) for n in range(8)]


def _run(items: list[object], **options: object) -> list[object]:
    settings = {"processes": 2, "per_worker": 3, "timeout": 60.0, "ahead": 4, **options}
    return list(ordered_map(operator.call, items, context=multiprocessing.get_context("forkserver"),
                            lost=lambda item, why: why, **settings))


def test_results_come_in_order_through_replaced_workers() -> None:
    assert _run(FINE, per_worker=1) == list(range(8))


def test_a_worker_that_dies_costs_its_item_and_is_replaced() -> None:
    items = [*FINE[:3], os.abort, *FINE[3:]]  # SIGABRT: the worker dies without answering
    assert _run(items) == [0, 1, 2, "its worker process was killed by SIGABRT", 3, 4, 5, 6, 7]


def test_a_worker_past_the_timeout_is_stopped_and_costs_its_item() -> None:
    items = [FINE[0], partial(time.sleep, 600), FINE[1]]  # the test ends long before the sleep would
    assert _run(items, timeout=0.5) == [0, "not built within 0.5 s; its worker was stopped", 1]


def test_an_exception_in_a_worker_is_raised_in_the_main_process() -> None:
    """As it would be without workers: the caller reports it (a worker's traceback is not printed)."""
    missing = partial(open, "/nonexistent/councilgraph-test")
    with pytest.raises(FileNotFoundError, match="councilgraph-test"):
        _run([FINE[0], missing, FINE[1]])
