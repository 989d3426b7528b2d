"""The SPARQL 1.1 endpoint: the ``oxigraph`` server (from PyPI) over a build's store, on loopback.

The server is a separate program; this module finds it, starts it on the
store, waits until it answers, and stops it. Read-only unless asked, so a
served store cannot be changed by a stray UPDATE. Each query has a time limit,
so that one nobody waits for any more does not keep the cores busy. A rebuild
replaces the store under a running server: :func:`serve_following` restarts the
server on the new store, so the endpoint answers from the latest build. A build
does not load its store (the first reader does, see :mod:`councilgraph.loading`):
the server loads it, at start and after each rebuild, while the previous one
is still served.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import NamedTuple

from councilgraph.loading import ensure_store
from councilgraph.manifest import MANIFEST, Manifest
from councilgraph.output import OutputBusy
from councilgraph.store import StoreError, StoreMissing, find_store

__all__ = ["DEFAULT_TIMEOUT", "SparqlServer", "StoreGeneration", "free_port", "oxigraph_program", "serve_following",
           "store_generation"]

LOOPBACK = "127.0.0.1"
#: Seconds a query may run on the endpoint before the server gives it up.
DEFAULT_TIMEOUT = 30


def oxigraph_program() -> str:
    """The ``oxigraph`` program installed with councilgraph (beside this Python first, then on PATH)."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise StoreError("the oxigraph server is not installed (pip install oxigraph)")
    return found


def free_port(host: str = LOOPBACK) -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def _address(host: str, port: int) -> str:
    """host:port, with an IPv6 address in brackets ("[::1]:7878") as URLs need it."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


class SparqlServer:
    """The oxigraph server on ``store`` (or a build's output folder); starts and stops as a context manager."""

    def __init__(self, store: Path, port: int, host: str = LOOPBACK, writable: bool = False,
                 timeout: int | None = DEFAULT_TIMEOUT, announce: Callable[[str], None] = lambda line: None) -> None:
        store = ensure_store(store, announce)  # loaded first when the build's store is not yet
        self.store, self.host, self.port, self.writable, self.timeout = store, host.strip("[]"), port, writable, timeout
        self._process: subprocess.Popen[bytes] | None = None
        self.generation: StoreGeneration | None = None  # the store the running server opened
        # The server's messages go to a file: a pipe nobody reads could fill up and block it.
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in stop()

    @property
    def url(self) -> str:
        """The server's base URL; the SPARQL endpoint is ``url + "/query"``."""
        return f"http://{_address(self.host, self.port)}"

    @property
    def pid(self) -> int | None:
        """The server process's id while it runs."""
        return self._process.pid if self._process is not None else None

    def command(self) -> list[str]:
        mode = "serve" if self.writable else "serve-read-only"
        limit = ["--timeout-s", str(self.timeout)] if self.timeout else []  # the server has no bound on result size
        return [oxigraph_program(), mode, "--location", str(self.store), "--bind", _address(self.host, self.port),
                "--union-default-graph", *limit]

    def start(self, timeout: float = 30.0) -> None:
        """Start the server and wait until it answers a query."""
        self._log.seek(0)
        self._log.truncate()
        # Without a backtrace, the server's error is its first line ("Error: Address already in use ...").
        quiet = {**os.environ, "RUST_BACKTRACE": "0", "RUST_LIB_BACKTRACE": "0"}
        self.generation = store_generation(self.store)
        self._process = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                         stderr=self._log, env=quiet)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise StoreError(self._start_error())
            if self._answers():
                return
            time.sleep(0.1)
        self.stop()
        raise StoreError(f"the oxigraph server did not answer on {self.url} within {timeout:.0f} s")

    def _start_error(self) -> str:
        """Why the server stopped at start, in one line."""
        self._log.seek(0)
        lines = [line.strip() for line in self._log.read().decode(errors="replace").splitlines() if line.strip()]
        first = lines[0].removeprefix("Error: ") if lines else f"exit status {self._process.returncode}"
        if "Address already in use" in first:
            return f"{_address(self.host, self.port)} is already in use (another server?); choose another --port"
        return f"the oxigraph server stopped at start: {first[:300]}"

    def _answers(self) -> bool:
        # Here, not at the top: urllib.request and http.client take 15 ms to import, in every command's start.
        import urllib.error
        import urllib.request

        request = urllib.request.Request(f"{self.url}/query?query=ASK%7B%7D",
                                         headers={"Accept": "application/sparql-results+json"})
        try:
            with urllib.request.urlopen(request, timeout=1) as response:
                return bool(response.status == 200)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return False

    def wait(self, timeout: float | None = None) -> int:
        """Block until the server exits (Ctrl-C stops it); its exit status. TimeoutExpired after ``timeout`` s."""
        assert self._process is not None, "start() first"
        return self._process.wait(timeout)

    def restart(self, store: Path) -> None:
        """Serve ``store`` instead, on the same address (the endpoint is away for the moment this takes)."""
        self._end_process()
        self.store = store
        self.start()

    def _end_process(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._process = None

    def stop(self) -> None:
        """Stop the server if it runs."""
        self._end_process()
        self._log.close()

    def __enter__(self) -> SparqlServer:
        self.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.stop()


class StoreGeneration(NamedTuple):
    """Which store a path names at one moment: its folder, and that folder's identity on disk."""

    path: Path
    inode: int


def store_generation(given: Path) -> StoreGeneration | None:
    """The store ``given`` (a store or a build's output folder) names now; None while a build swaps it.

    A rebuild puts a new folder in place of the old one, so a new folder, or the same name on a new inode,
    is a new store. Kept to this one function so that it follows however a build commits its store.
    """
    try:
        store = find_store(given).resolve()
        return StoreGeneration(store, store.stat().st_ino)
    except (StoreError, OSError):
        return None


def _pending_generation(given: Path) -> str | None:
    """The name of the store generation the build in ``given`` made and no reader has loaded yet."""
    try:
        find_store(given)
    except StoreMissing as missing:
        return Manifest.load(missing.folder / MANIFEST).store or None
    except (StoreError, OSError):
        pass
    return None


def serve_following(server: SparqlServer, given: Path, announce: Callable[[str], None], poll: float = 1.0) -> int:
    """Run the started ``server`` until it exits (its exit status); when a rebuild replaces the store that
    ``given`` names, load it (the previous one is served meanwhile), restart the server on it and ``announce``
    it. A store that cannot be loaded is announced once, and the previous one served; a build whose load
    failed is not loaded again (loading is the costly part) until another build comes."""
    refused: str | None = None  # the generation whose load failed
    said = ""  # the last error announced
    while True:
        try:
            return server.wait(timeout=poll)
        except subprocess.TimeoutExpired:
            pass
        latest = store_generation(given)
        if latest is None:
            pending = _pending_generation(given)
            if pending is not None and pending == refused:
                continue
            try:
                ensure_store(given, announce, wait=False)
            except OutputBusy:
                continue  # a build or another reader writes the folder: look again at the next poll
            except (StoreError, OSError) as err:
                refused = pending
                if str(err) != said or pending is not None:  # a new build that fails alike is said again
                    said = str(err)
                    announce(f"error: {err}; still serving {server.store}")
                continue
            latest = store_generation(given)
        if latest is not None and latest != server.generation:
            # Said before the restart, so that whoever sees the new store's answers can also read why.
            announce(f"the store was rebuilt: now serving {latest.path}")
            server.restart(latest.path)
