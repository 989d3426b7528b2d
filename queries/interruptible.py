"""Running a query so that Ctrl-C and a time limit can abandon it.

pyoxigraph evaluates a query in Rust without looking at Python's signals, so a
long query run on the main thread ignores Ctrl-C until it ends. Run on a
worker thread (pyoxigraph lets go of Python's lock while it works), the main
thread stays free to take Ctrl-C or give up after a time limit. The worker
cannot be stopped from outside: the caller abandons it by ending the process.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

__all__ = ["interruptible"]

T = TypeVar("T")


def interruptible(work: Callable[[], T], timeout: float | None = None) -> T:
    """``work()``'s result, or its exception; KeyboardInterrupt on Ctrl-C and TimeoutError after ``timeout`` s.

    On either, ``work`` still runs on a daemon thread: end the process (``os._exit``) to stop it.
    """
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as err:  # noqa: BLE001 - handed to the caller's thread, which decides
            outcome["error"] = err

    worker = threading.Thread(target=run, name="query", daemon=True)
    worker.start()
    worker.join(timeout)  # a lock wait: Ctrl-C interrupts it on POSIX
    if worker.is_alive():
        raise TimeoutError(f"did not finish within {timeout:g} s")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
