"""The document pool: results in order, a worker that dies or hangs costs its item only (real processes)."""

from __future__ import annotations

import multiprocessing
import operator
import os
import signal
import subprocess
import sys
import threading
import time
from functools import partial
from pathlib import Path

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


_ORPHANS = """
import multiprocessing, operator, time
from functools import partial
from councilgraph.pool import ordered_map
list(ordered_map(operator.call, [partial(time.sleep, 3)] * 2, context=multiprocessing.get_context("forkserver"),
                 processes=2, per_worker=3, timeout=600.0, ahead=4, lost=lambda item, why: why))
"""


def _children() -> dict[int, list[int]]:
    """The running (not zombie) processes of /proc by their parent."""
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        try:
            state, parent = (entry / "stat").read_text().rsplit(")", 1)[1].split()[:2]
        except (OSError, IndexError, ValueError):
            continue
        if entry.name.isdigit() and state != "Z":
            tree.setdefault(int(parent), []).append(int(entry.name))
    return tree


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
def test_busy_workers_of_a_killed_main_process_stop_quietly(tmp_path: Path) -> None:
    """SIGKILL to the main process while its workers are busy: they stop without a BrokenPipeError
    traceback (and on Linux at once, with their parent), instead of working on for nobody."""
    errors = tmp_path / "stderr"
    with errors.open("wb") as sink:
        main = subprocess.Popen([sys.executable, "-c", _ORPHANS], stderr=sink)
    workers: list[int] = []
    try:
        for _ in range(1200):  # until both workers are there (a minute at most)
            tree = _children()
            workers = [w for child in tree.get(main.pid, []) for w in tree.get(child, [])]
            if len(workers) == 2:
                break
            time.sleep(0.05)
        assert len(workers) == 2, "the workers never started"
    finally:
        main.kill()
        main.wait(timeout=60)
    for _ in range(1200):  # until they are gone
        running = {pid for pids in _children().values() for pid in pids}
        if not running & set(workers):
            break
        time.sleep(0.05)
    assert not running & set(workers), "the workers outlived the main process"
    assert errors.read_text() == ""


class _InterruptedAfterStart:
    """A context whose workers start, then the main process is sent SIGINT at once: Ctrl-C at the worst moment."""

    def __init__(self) -> None:
        self._real = multiprocessing.get_context("forkserver")
        self.processes: list[multiprocessing.process.BaseProcess] = []

    def Pipe(self):  # noqa: N802 - the multiprocessing context's name
        return self._real.Pipe()

    def Process(self, *args, **kwargs):  # noqa: N802
        process = self._real.Process(*args, **kwargs)
        self.processes.append(process)
        return _StartThenInterrupt(process)


class _StartThenInterrupt:
    """A worker process whose start is followed at once by Ctrl-C in the main process."""

    def __init__(self, process: multiprocessing.process.BaseProcess) -> None:
        self._process = process

    def start(self) -> None:
        self._process.start()
        os.kill(os.getpid(), signal.SIGINT)

    def __getattr__(self, name: str) -> object:
        return getattr(self._process, name)


def test_ctrl_c_as_a_worker_starts_stops_that_worker_too() -> None:
    """A worker started but not yet recorded when Ctrl-C came was never stopped: the fork server waited for it,
    and the interrupted build never exited."""
    context = _InterruptedAfterStart()
    with pytest.raises(KeyboardInterrupt):
        list(ordered_map(operator.call, [partial(time.sleep, 0)] * 2, context=context, processes=2, per_worker=10,
                         timeout=60, ahead=2, lost=lambda item, why: why))
    assert context.processes and not any(process.is_alive() for process in context.processes)


def test_ctrl_c_as_a_worker_starts_stops_it_while_another_thread_runs() -> None:
    """With another thread in the process (as a Dask client or a store has), the kernel may hand SIGINT to that
    thread, and blocking it in the main thread did not hold it: the worker was left running (a flaky test)."""
    done = threading.Event()
    other = threading.Thread(target=done.wait, daemon=True)
    other.start()
    try:
        for _ in range(5):  # the kernel picks the thread: try a few times
            context = _InterruptedAfterStart()
            with pytest.raises(KeyboardInterrupt):
                list(ordered_map(operator.call, [partial(time.sleep, 0)] * 2, context=context, processes=2,
                                 per_worker=10, timeout=60, ahead=2, lost=lambda item, why: why))
            assert context.processes and not any(process.is_alive() for process in context.processes)
    finally:
        done.set()
        other.join()
