"""The SPARQL endpoint: the real oxigraph server on loopback, loaded over HTTP, queried over HTTP."""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import QueryResultsFormat, parse_query_results

from councilgraph import serve
from councilgraph.cli import main
from councilgraph.loading import open_store
from councilgraph.manifest import Manifest
from councilgraph.queries import named_queries
from councilgraph.serve import SparqlServer, free_port, serve_following
from councilgraph.store import ONTOLOGY_GRAPH, DocumentStore, StoreError, answer

RESULTS_JSON = "application/sparql-results+json"


@pytest.fixture(scope="module")
def built(tmp_path_factory, seed_path: Path, releases_dir: Path) -> Path:
    out = tmp_path_factory.mktemp("built")
    inputs = [str(seed_path), str(releases_dir / "sc-veto-multipart.txt"), str(releases_dir / "ga-g77.txt")]
    result = CliRunner().invoke(main, ["build", *inputs, "--out", str(out), "--quiet", "--format", "nquads"])
    assert result.exit_code == 0, result.output
    return out


def _send(url: str, data: bytes, content_type: str, method: str = "POST") -> int:
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": content_type})
    with urllib.request.urlopen(request, timeout=60) as response:
        return int(response.status)


def _http_query(server_url: str, query: str):
    request = urllib.request.Request(f"{server_url}/query", data=query.encode("utf-8"), method="POST",
                                     headers={"Content-Type": "application/sparql-query", "Accept": RESULTS_JSON})
    with urllib.request.urlopen(request, timeout=60) as response:
        return answer(parse_query_results(response.read(), format=QueryResultsFormat.JSON))


def test_exported_nquads_loaded_over_http_answer_every_named_query_as_the_embedded_store(built: Path,
                                                                                       tmp_path: Path) -> None:
    empty = tmp_path / "http-store"
    DocumentStore.create(empty).close()
    with SparqlServer(empty, free_port(), writable=True) as server:
        assert server.url.startswith("http://127.0.0.1:")
        # SPARQL 1.1 Graph Store protocol: the dataset into /store, the ontology into its named graph.
        assert _send(f"{server.url}/store", (built / "graph.nq").read_bytes(), "application/n-quads") in (200, 204)
        ontology_url = f"{server.url}/store?graph={urllib.parse.quote(ONTOLOGY_GRAPH, safe='')}"
        assert _send(ontology_url, (built / "ontology.ttl").read_bytes(), "text/turtle", "PUT") in (200, 201, 204)
        embedded = open_store(built / "store")  # loaded first: a build does not load its store
        try:
            for name, query in named_queries().items():
                over_http = _http_query(server.url, query.text)
                local = embedded.query(query.text)
                assert over_http.variables == local.variables, name
                assert over_http.rows == local.rows, name
                assert len(local.rows) > 0, name
        finally:
            embedded.close()


def test_the_server_is_read_only_unless_asked(built: Path) -> None:
    with SparqlServer(built / "store", free_port()) as server:
        assert _http_query(server.url, "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/councilgraph/ontology#Meeting> }").rows
        with pytest.raises(urllib.error.HTTPError) as refused:
            _send(f"{server.url}/update", b"CLEAR ALL", "application/sparql-update")
        assert refused.value.code in (403, 404, 405)


def test_a_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not a councilgraph store"):
        SparqlServer(tmp_path, free_port())


def test_serve_command_answers_then_stops_with_its_server(built: Path) -> None:
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "councilgraph.cli", "serve", "--store", str(built), "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                rows = _http_query(url, "SELECT ?m WHERE { ?m a <https://w3id.org/councilgraph/ontology#Meeting> }").rows
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, process.stderr.read().decode()
                time.sleep(0.2)
        assert len(rows) == 3  # SC 8111, the two-part SC meeting, the GA plenary
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0
    with pytest.raises(OSError):  # the oxigraph server went with it
        _http_query(url, "ASK {}")


MEETINGS = "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a <https://w3id.org/councilgraph/ontology#Meeting> }"


def _serve_command(store: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "councilgraph.cli", "serve", "--store", str(store), *options]


@contextlib.contextmanager
def _serving(store: Path, *options: str, host: str = "127.0.0.1"
             ) -> Iterator[tuple[subprocess.Popen[bytes], str, str]]:
    """`councilgraph serve` in its own process, once it answers and has said where (its first line on standard
    error, which is yielded too); stopped (SIGTERM) at the end."""
    port = free_port(host)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(_serve_command(store, "--port", str(port), "--host", host, *options),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    url = f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                _http_query(url, "ASK {}")
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, process.communicate(timeout=10)
                time.sleep(0.2)
        # The server may answer a moment before the command prints its line: wait for it (bounded).
        ready, _, _ = select.select([process.stderr], [], [], max(1.0, deadline - time.monotonic()))
        banner = process.stderr.readline().decode() if ready else ""
        yield process, url, banner
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=20)


def _count(url: str, query: str) -> int:
    return int(_http_query(url, query).rows[0][0].value)


def test_serve_stops_a_query_past_its_timeout_and_goes_on_answering(built: Path) -> None:
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # years on any store
    with _serving(built, "--timeout", "1") as (_, url, _):
        request = urllib.request.Request(f"{url}/query", data=slow.encode(), method="POST",
                                         headers={"Content-Type": "application/sparql-query", "Accept": RESULTS_JSON})
        # The server streams its answer: a query it gives up on ends the answer early, with its message.
        with urllib.request.urlopen(request, timeout=120) as response:
            body = response.read().decode()
        assert "cancelled" in body and not body.rstrip().endswith("}")
        assert _count(url, MEETINGS) == 3


def test_serve_follows_a_rebuild_of_its_store(tmp_path: Path, seed_path: Path, releases_dir: Path) -> None:
    out = tmp_path / "out"

    def build(*inputs: Path) -> None:
        result = CliRunner().invoke(main, ["build", *map(str, inputs), "--out", str(out), "-q", "--format", "nquads"])
        assert result.exit_code == 0, result.output

    build(seed_path)
    with _serving(out) as (process, url, _):
        assert _count(url, MEETINGS) == 1
        build(seed_path, releases_dir / "ga-g77.txt")
        deadline = time.monotonic() + 60
        while True:  # the server restarts on the new store within a second or so; away meanwhile
            with contextlib.suppress(OSError):
                if _count(url, MEETINGS) == 2:
                    break
            assert process.poll() is None and time.monotonic() < deadline, "still answering from the old store"
            time.sleep(0.2)
    assert f"the store was rebuilt: now serving {(out / 'store').resolve()}" in process.stderr.read().decode()


def _ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as probe:
            probe.bind(("::1", 0))
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _ipv6_loopback(), reason="no IPv6 loopback here")
def test_serve_on_the_ipv6_loopback(built: Path) -> None:
    with _serving(built, host="::1") as (_, url, banner):
        assert _count(url, MEETINGS) == 3
    assert f"SPARQL endpoint {url}/query" in banner


def test_a_port_in_use_is_one_line_without_backtrace(built: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = {**os.environ, "RUST_BACKTRACE": "1"}  # as a Rust developer's shell has it
        result = subprocess.run(_serve_command(built, "--port", str(port)), capture_output=True, env=env, timeout=60)
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [
        f"error: 127.0.0.1:{port} is already in use (another server?); choose another --port"]


def test_a_store_that_cannot_be_loaded_is_one_line_for_serve_as_for_query(tmp_path: Path, seed_path: Path) -> None:
    """`serve` as the first reader after a build, when loading the store fails for another reason than the
    folder's permissions (here a file where the store's folder goes; a full disk fails the same way): one
    line and exit 1, as `query` says it, where `serve` printed a traceback."""
    out = tmp_path / "out"
    built = CliRunner().invoke(main, ["build", str(seed_path), "--out", str(out), "-q", "--format", "nquads"])
    assert built.exit_code == 0, built.output
    shutil.rmtree(out / "store")
    (out / "store").write_text("in the way\n", encoding="utf-8")
    queried = subprocess.run([sys.executable, "-m", "councilgraph.cli", "query", "--store", str(out), "ASK {}"],
                             capture_output=True, text=True, timeout=120)
    served = subprocess.run(_serve_command(out, "--port", str(free_port())), capture_output=True, text=True,
                            timeout=120)
    for result in (queried, served):
        assert result.returncode == 1, result.stderr
        assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr, result.stderr
        assert result.stderr.startswith("error: cannot load the store of ") and str(out) in result.stderr, result.stderr
    assert not list(out.glob(".store.*"))  # the staging store went with the failure


def test_a_build_whose_store_cannot_be_loaded_is_tried_once_while_the_old_store_is_served(
        tmp_path: Path, seed_path: Path, releases_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Loading is the costly part: `serve` tried the same failing load again at every poll (every second)."""
    served, out = tmp_path / "served", tmp_path / "out"
    for folder in (served, out):
        result = CliRunner().invoke(main, ["build", str(seed_path), "--out", str(folder), "-q", "--format", "nquads"])
        assert result.exit_code == 0, result.output
    shutil.rmtree(out / "store", ignore_errors=True)
    (out / "store").write_text("in the way\n", encoding="utf-8")  # the load fails (as on a full disk)
    loads, polls, announced = [], [], []

    def counted_load(*args, **kwargs):
        loads.append(args[0])
        return ensure_store(*args, **kwargs)

    def counted_poll(given: Path):
        polls.append(given)
        if len(polls) == 6:  # a new build, whose load fails the same way: tried again
            (out / "store").unlink()
            rebuilt = CliRunner().invoke(main, ["build", str(seed_path), str(releases_dir / "ga-g77.txt"),
                                                "--out", str(out), "-q", "--format", "nquads"])
            assert rebuilt.exit_code == 0, rebuilt.output
            shutil.rmtree(out / "store", ignore_errors=True)
            (out / "store").write_text("in the way\n", encoding="utf-8")
        if len(polls) == 12:
            os.kill(server.pid, signal.SIGTERM)
        return store_generation(given)

    ensure_store, store_generation = serve.ensure_store, serve.store_generation
    with SparqlServer(served, free_port()) as server:
        monkeypatch.setattr(serve, "ensure_store", counted_load)
        monkeypatch.setattr(serve, "store_generation", counted_poll)
        serve_following(server, out, announced.append, poll=0.05)
    assert len(polls) == 12 and loads == [out, out]
    errors = [line for line in announced if line.startswith("error: ")]
    assert len(errors) == 2 and all(line.startswith("error: cannot load the store of ") for line in errors), announced


def test_a_store_that_stays_unreadable_is_announced_once(tmp_path: Path, seed_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A generation folder that is no store (nothing to load: the same error at every poll) is said once."""
    served, out = tmp_path / "served", tmp_path / "out"
    for folder in (served, out):
        result = CliRunner().invoke(main, ["build", str(seed_path), "--out", str(folder), "-q", "--format", "nquads"])
        assert result.exit_code == 0, result.output
    (out / "store" / Manifest.load(out / "manifest.json").store).mkdir(parents=True)  # there, but not a store
    polls, announced = [], []

    def counted_poll(given: Path):
        polls.append(given)
        if len(polls) == 10:
            os.kill(server.pid, signal.SIGTERM)
        return store_generation(given)

    store_generation = serve.store_generation
    with SparqlServer(served, free_port()) as server:
        monkeypatch.setattr(serve, "store_generation", counted_poll)
        serve_following(server, out, announced.append, poll=0.05)
    errors = [line for line in announced if line.startswith("error: ")]
    assert len(polls) == 10 and len(errors) == 1, announced
