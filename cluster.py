"""Building on a Dask cluster: the documents go to its workers, their fragments come back.

``councilgraph build ... --scheduler tcp://HOST:PORT`` hands :class:`DaskExecutor`
to :func:`councilgraph.batch.build_archive` in place of the local process pool;
everything else (the manifest, what is unchanged, the failures, the store, the
files, the commit) stays on this machine, the client, exactly as without a
cluster.

What travels: the client reads each input's bytes and sends them with the task
(a release is 20-150 KB), so the workers need not share a file system with it,
nor see the same paths; a worker runs :func:`councilgraph.batch.build_fragments`,
a pure function of the bytes and the options, and sends back the outcome and
the document's fragments (a few times the input's size), which the client
writes into ``DIR/.councilgraph/`` as a local worker would have. Inputs that
are unchanged are not read or sent at all.

A worker that dies (killed, out of memory, its machine gone) has its documents
rescheduled by Dask on the others; a document that has killed
``distributed.scheduler.allowed-failures`` + 1 workers (Dask's setting,
default 3) fails alone, as a document whose local worker was killed does.
``distributed`` is imported here only, and only when a build uses a cluster.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from councilgraph import __version__
from councilgraph.batch import (
    DOCUMENT_TIMEOUT,
    BuildOptions,
    ClusterError,
    Outcome,
    _write_fragments,
    build_fragments,
)
from councilgraph.extract.read import InputError, read_input

__all__ = ["ClusterError", "DaskExecutor", "scheduler_address"]


@dataclass(frozen=True, slots=True)
class DaskExecutor:
    """Builds documents on the Dask cluster whose scheduler is at ``address``; a
    :class:`councilgraph.batch.Executor`. ``ahead``: documents sent before their turn comes (default: twice
    the workers' threads), which bounds the fragments the client holds."""

    address: str
    ahead: int | None = None

    def __call__(self, todo: list[str], options: BuildOptions, cache: Path) -> Iterator[Outcome]:
        if not todo:
            return  # nothing changed: the cluster is not even asked
        client = _connect(self.address)
        futures: dict[int, Any] = {}
        try:
            ahead = self.ahead or max(4, 2 * sum(client.nthreads().values()))
            given = 0
            for index, path in enumerate(todo):
                while given < len(todo) and given < index + ahead:
                    futures[given] = _submit(client, todo[given], options)
                    given += 1
                outcome, fragments = _result(futures.pop(index), path)
                if fragments:
                    _write_fragments(cache, outcome.fragments, fragments)
                yield outcome
        finally:  # also when the consumer stops early: the cluster stops working for this build
            for future in futures.values():
                if not isinstance(future, Outcome):  # an unreadable input failed here, without a task
                    future.cancel()
            client.close()


def scheduler_address(text: str) -> str:
    """``text`` as a scheduler address (``HOST:PORT`` means ``tcp://HOST:PORT``), without connecting.

    Raises:
        ValueError: an unknown scheme or no port: a usage error, not a cluster that is away.
    """
    from distributed.comm.addressing import parse_address, parse_host_port
    from distributed.comm.registry import get_backend

    scheme, location = parse_address(text)
    get_backend(scheme)
    if scheme != "inproc":
        _, port = parse_host_port(location)
        if not 0 < int(port) < 65536:
            raise ValueError(f"port {port} is out of range in {text!r}")
    return f"{scheme}://{location}"


def _submit(client: Any, path: str, options: BuildOptions) -> Any:
    """Send one input's bytes to be built: its future, or its failure when they cannot be read here."""
    try:
        data = read_input(Path(path))
    except InputError as err:
        return Outcome(path, "", error=str(err))
    # pure=False: each build is its own task, even of two inputs with the same bytes and name
    return client.submit(_build_on_worker, path, options, data, __version__, pure=False)


def _build_on_worker(path: str, options: BuildOptions, data: bytes, version: str) -> tuple[Outcome, dict[str, bytes]]:
    """Run on a worker: :func:`councilgraph.batch.build_fragments`, unless the worker runs another councilgraph
    than the client, ``version``. Workers are checked when the client connects, but one may join later: its
    fragments would be another version's, so the document fails instead."""
    if __version__ != version:
        return Outcome(path, "", error=f"its Dask worker runs councilgraph {__version__}, this client {version}: "
                       "install the same version on every worker"), {}
    return build_fragments(path, options, data)


def _result(future: Any, path: str) -> tuple[Outcome, dict[str, bytes]]:
    """A document's outcome and fragments once built; a document the cluster lost is a failure of its own.

    An exception raised by the build itself is raised here, as the local pool raises it.
    """
    if isinstance(future, Outcome):
        return future, {}
    # asyncio and concurrent.futures come with distributed: imported with it, not at this module's start
    import asyncio
    import concurrent.futures

    from distributed.scheduler import KilledWorker

    try:
        return future.result(timeout=DOCUMENT_TIMEOUT)
    except KilledWorker:
        return Outcome(path, "", error=f"its worker was lost {_allowed_failures() + 1} times (Dask's "
                       "distributed.scheduler.allowed-failures): the document may be what kills them"), {}
    except TimeoutError:
        future.cancel()
        return Outcome(path, "", error=f"not built within {DOCUMENT_TIMEOUT:g} s on the cluster"), {}
    except (OSError, asyncio.CancelledError, concurrent.futures.CancelledError) as err:
        # the scheduler is gone (its connection closed, or it dropped the task): nothing is committed
        raise ClusterError(f"lost the Dask scheduler: {type(err).__name__}: {err}") from None


def _allowed_failures() -> int:
    import dask

    return int(dask.config.get("distributed.scheduler.allowed-failures"))


def _connect(address: str) -> Any:
    """A client of the scheduler at ``address``, with a worker that runs this councilgraph; within Dask's
    connect timeout (``distributed.comm.timeouts.connect``, or DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT)."""
    import dask
    from dask.utils import parse_timedelta
    from distributed import Client

    timeout = parse_timedelta(dask.config.get("distributed.comm.timeouts.connect"), default="s")
    try:
        client = Client(scheduler_address(address), timeout=timeout, set_as_default=False)
    except OSError as err:
        raise ClusterError(f"no Dask scheduler answers at {address}: {err}") from None
    try:
        _check_workers(client, timeout)
    except BaseException:
        client.close()
        raise
    return client


def _check_workers(client: Any, timeout: float) -> None:
    """Wait (bounded) for a worker, and refuse workers that cannot run this councilgraph: a task would fail
    on them with an import error, or make fragments of another version's layout."""
    try:
        client.wait_for_workers(1, timeout=timeout)
    except TimeoutError:
        raise ClusterError(f"the Dask scheduler at {client.scheduler.address} has no workers (waited "
                           f"{timeout:g} s); start some with `dask worker {client.scheduler.address}`") from None
    try:
        versions = client.run(_version)
    except Exception as err:  # noqa: BLE001 - what a worker without councilgraph raises varies
        raise ClusterError(f"the Dask workers cannot run councilgraph ({type(err).__name__}: {err}); "
                           f"install councilgraph {__version__} on them") from None
    wrong = {worker: version for worker, version in versions.items() if version != __version__}
    if wrong:
        worker, version = sorted(wrong.items())[0]
        raise ClusterError(f"Dask worker {worker} runs councilgraph {version}, this client {__version__}: "
                           f"their fragments would differ; install the same version on the workers")


def _version() -> str:
    """Run on each worker: the councilgraph it imports."""
    import councilgraph

    return councilgraph.__version__
