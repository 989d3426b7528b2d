"""The SPARQL endpoint: the real oxigraph server on loopback, loaded over HTTP, queried over HTTP."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import QueryResultsFormat, parse_query_results

from councilgraph.cli import main
from councilgraph.queries import named_queries
from councilgraph.serve import SparqlServer, free_port
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
        embedded = DocumentStore.open_read_only(built / "store")
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
