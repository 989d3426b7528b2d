"""The SPARQL 1.1 endpoint: the ``oxigraph`` server (from PyPI) over a build's store, on loopback.

The server is a separate program; this module finds it, starts it on the
store, waits until it answers, and stops it. Read-only unless asked, so a
served store cannot be changed by a stray UPDATE.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType

from councilgraph.store import StoreError, find_store

__all__ = ["SparqlServer", "free_port", "oxigraph_program"]

LOOPBACK = "127.0.0.1"


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
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


class SparqlServer:
    """The oxigraph server on ``store`` (or a build's output folder); starts and stops as a context manager."""

    def __init__(self, store: Path, port: int, host: str = LOOPBACK, writable: bool = False) -> None:
        store = find_store(store)
        self.store, self.host, self.port, self.writable = store, host, port, writable
        self._process: subprocess.Popen[bytes] | None = None
        # The server's messages go to a file: a pipe nobody reads could fill up and block it.
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in stop()

    @property
    def url(self) -> str:
        """The server's base URL; the SPARQL endpoint is ``url + "/query"``."""
        return f"http://{self.host}:{self.port}"

    def command(self) -> list[str]:
        mode = "serve" if self.writable else "serve-read-only"
        return [oxigraph_program(), mode, "--location", str(self.store), "--bind", f"{self.host}:{self.port}",
                "--union-default-graph"]

    def start(self, timeout: float = 30.0) -> None:
        """Start the server and wait until it answers a query."""
        self._process = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                         stderr=self._log)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                self._log.seek(0)
                error = self._log.read().decode(errors="replace")
                raise StoreError(f"the oxigraph server stopped at start: {' '.join(error.split())[:300]}")
            if self._answers():
                return
            time.sleep(0.1)
        self.stop()
        raise StoreError(f"the oxigraph server did not answer on {self.url} within {timeout:.0f} s")

    def _answers(self) -> bool:
        request = urllib.request.Request(f"{self.url}/query?query=ASK%7B%7D",
                                         headers={"Accept": "application/sparql-results+json"})
        try:
            with urllib.request.urlopen(request, timeout=1) as response:
                return bool(response.status == 200)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return False

    def wait(self) -> int:
        """Block until the server exits (Ctrl-C stops it); its exit status."""
        assert self._process is not None, "start() first"
        return self._process.wait()

    def stop(self) -> None:
        """Stop the server if it runs."""
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._process = None
        self._log.close()

    def __enter__(self) -> SparqlServer:
        self.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.stop()
