"""Worker processes that each build one document at a time and are watched one by one.

``multiprocessing.Pool`` replaces a worker the system killed (out of memory)
but loses the task it held, and the build waited for it until the document's
timeout. Here each worker has its own pipe and the main process waits on the
pipes and on the workers' process sentinels together: a worker that dies
costs the one document it was given, at once, and is replaced. A worker that
takes longer than the timeout is killed the same way.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["ordered_map"]

T = TypeVar("T")
R = TypeVar("R")
#: Test-only: a worker given an input of this file name SIGKILLs itself, as the system's OOM killer would.
_KILL_ON = "COUNCILGRAPH_TEST_KILL_WORKER_ON"


def ordered_map(work: Callable[[T], R], items: Sequence[T], *, context: BaseContext, processes: int,
                per_worker: int, timeout: float, ahead: int, lost: Callable[[T, str], R]) -> Iterator[R]:
    """``work`` over ``items`` in ``processes`` worker processes; the results in the order of ``items``.

    At most ``ahead`` items are being worked on or waiting to be taken, so results do not pile up while
    the consumer is busy. A worker is replaced after ``per_worker`` items. An item whose worker dies or
    runs past ``timeout`` seconds gets ``lost(item, why)`` as its result. An exception ``work`` raises in a
    worker is raised here, as it would be without workers (the worker goes on to the next item).
    """
    workers = _Workers(context, work, processes)
    results: dict[int, R] = {}
    given = 0
    try:
        for index in range(len(items)):
            while index not in results:
                while given < len(items) and given < index + ahead and workers.has_room():
                    workers.give(given, items[given])
                    given += 1
                for done, result in workers.collect(timeout, per_worker):
                    if isinstance(result, _Raised):
                        raise result.error
                    results[done] = result if not isinstance(result, _Lost) else lost(items[done], result.why)
            yield results.pop(index)
        workers.stop()
    finally:
        workers.kill()


@dataclass(frozen=True, slots=True)
class _Lost:
    why: str


@dataclass(frozen=True, slots=True)
class _Raised:
    error: Exception


@dataclass(slots=True)
class _Worker:
    process: Any  # a multiprocessing Process of the context
    connection: Connection
    index: int | None = None  # the item it works on
    started: float = 0.0
    done: int = 0


class _Workers:
    def __init__(self, context: BaseContext, work: Callable[[Any], Any], processes: int) -> None:
        self._context, self._work, self._processes = context, work, processes
        self._busy: list[_Worker] = []
        self._idle: list[_Worker] = []
        self._started: list[_Worker] = []  # every worker not retired, whatever it is doing: kill() stops them all

    def has_room(self) -> bool:
        return len(self._busy) < self._processes

    def give(self, index: int, item: object) -> None:
        worker = self._idle.pop() if self._idle else self._start()
        if not worker.process.is_alive():  # died idle: no item lost
            self._retire(worker, kill=True)
            worker = self._start()
        with contextlib.suppress(OSError):  # it died just now: collect() finds it gone and says so
            worker.connection.send(item)
        worker.index, worker.started = index, time.monotonic()
        self._busy.append(worker)

    def _start(self) -> _Worker:
        # Ctrl-C waits until the worker is recorded: a worker started but not yet recorded was never stopped, and
        # the fork server, waiting for it, kept the interrupted build from exiting.
        with _interrupt_held():
            ours, theirs = self._context.Pipe()
            process = self._context.Process(target=_serve, args=(theirs, self._work, os.getpid()), daemon=True)
            process.start()
            theirs.close()  # the worker holds its end: when it dies, ours reads end-of-file
            worker = _Worker(process, ours)
            self._started.append(worker)
        return worker

    def collect(self, timeout: float, per_worker: int) -> list[tuple[int, Any]]:
        """Wait for some busy worker to answer, die or run out of time; what became of their items."""
        deadline = min(worker.started for worker in self._busy) + timeout
        ready = set(wait([w.connection for w in self._busy] + [w.process.sentinel for w in self._busy],
                         timeout=max(0.0, deadline - time.monotonic())))
        finished: list[tuple[int, Any]] = []
        for worker in list(self._busy):
            index = worker.index
            if worker.connection in ready or worker.process.sentinel in ready:
                try:  # an answer sent just before dying still counts
                    answer = worker.connection.recv() if worker.connection.poll() else _Lost("")
                except (EOFError, OSError):
                    answer = _Lost("")
                if isinstance(answer, _Lost):  # it died before answering
                    finished.append((index, _Lost(self._retire(worker, kill=True))))
                    continue
                finished.append((index, answer))
                self._busy.remove(worker)
                worker.index, worker.done = None, worker.done + 1
                if worker.done >= per_worker:  # its memory has crept up: a fresh one for the next items
                    self._retire(worker, kill=False)
                else:
                    self._idle.append(worker)
            elif time.monotonic() - worker.started >= timeout:
                self._retire(worker, kill=True)
                finished.append((index, _Lost(f"not built within {timeout:g} s; its worker was stopped")))
        return finished

    def _retire(self, worker: _Worker, kill: bool) -> str:
        """Stop a worker (gone, stuck or done its share); why it is gone when it died."""
        with contextlib.suppress(ValueError):
            self._busy.remove(worker)
        if kill:
            worker.process.kill()
        else:
            with contextlib.suppress(OSError):
                worker.connection.send(None)
        worker.process.join()
        worker.connection.close()
        with contextlib.suppress(ValueError):
            self._started.remove(worker)
        return _death(worker.process.exitcode)

    def stop(self) -> None:
        """Let the idle workers finish (all items are done)."""
        while self._idle:
            self._retire(self._idle.pop(), kill=False)

    def kill(self) -> None:
        """Stop every worker still there (on Ctrl-C: the workers ignore it, the main process decides)."""
        for worker in self._started:
            if worker.process.is_alive():
                worker.process.terminate()
            worker.process.join()
            worker.connection.close()
        self._started.clear()
        self._busy.clear()
        self._idle.clear()


@contextlib.contextmanager
def _interrupt_held() -> Iterator[None]:
    """Ctrl-C during the block is raised on leaving it. Blocking SIGINT in this thread is not enough: when the
    process has other threads (a Dask client's, a store's), the kernel hands the signal to one of them, and Python
    raises KeyboardInterrupt in the main thread at once. So the handler itself only notes the signal here."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, frame: caught.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught and callable(previous):
            previous(signal.SIGINT, None)  # Python's own handler raises KeyboardInterrupt


def _death(exitcode: int | None) -> str:
    if exitcode == -signal.SIGKILL:
        return "its worker process was killed (SIGKILL: out of memory?)"
    if exitcode is not None and exitcode < 0:
        with contextlib.suppress(ValueError):
            return f"its worker process was killed by {signal.Signals(-exitcode).name}"
    return f"its worker process stopped with status {exitcode}"


def _serve(connection: Connection, work: Callable[[Any], Any], main: int) -> None:
    """A worker: work on each item it is sent, until it is sent None or the main process goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with(main)
    kill_on = os.environ.get(_KILL_ON)
    while True:
        try:
            item = connection.recv()
        except (EOFError, OSError):
            return
        if item is None:
            return
        if kill_on and Path(str(item)).name == kill_on:
            os.kill(os.getpid(), signal.SIGKILL)
        try:
            answer = work(item)
        except Exception as err:  # noqa: BLE001 - the main process raises it: one line, not a worker's traceback
            answer = _Raised(err)
        try:
            connection.send(answer)
        except (EOFError, OSError):  # the main process is gone (killed): nobody to answer, nothing to say
            return
        except (pickle.PicklingError, TypeError, AttributeError) as err:  # it does not pickle: in words
            what = answer.error if isinstance(answer, _Raised) else err
            connection.send(_Raised(RuntimeError(f"{type(what).__name__}: {what}")))


def _die_with(main: int) -> None:
    """Exit this worker as soon as the main process is gone (killed), instead of working on for nobody and
    failing to answer. Not through its parent: that is the fork server, which lives on while its workers do.
    A thread waits on a pidfd of the main process (Linux 5.3); elsewhere a worker stops at its next answer."""
    try:
        watched = os.pidfd_open(main)
    except (AttributeError, OSError):
        return

    def watch() -> None:
        select.select([watched], [], [])
        os._exit(1)

    threading.Thread(target=watch, name="watch the main process", daemon=True).start()
