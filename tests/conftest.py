"""Shared fixtures: the bundled seed release, the hand-written releases, RDF comparison."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, to_isomorphic

from councilgraph.extract.press_release import extract_press_release
from councilgraph.extract.read import Source, read_source
from councilgraph.extract.records import PressRelease

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "SC-13081.txt"
RELEASES = Path(__file__).resolve().parent / "data" / "releases"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed() -> tuple[Source, PressRelease]:
    source = read_source(SEED)
    return source, extract_press_release(source)


@pytest.fixture(scope="session")
def releases_dir() -> Path:
    return RELEASES


def _dump(graph: Graph) -> str:
    return "\n".join(sorted(line for line in graph.serialize(format="nt").splitlines() if line))


@pytest.fixture
def assert_isomorphic():
    """Compare two graphs; on failure print the triples only in one of them."""

    def check(expected: Graph, actual: Graph) -> None:
        iso_expected, iso_actual = to_isomorphic(expected), to_isomorphic(actual)
        if iso_expected == iso_actual:
            return
        _, only_expected, only_actual = graph_diff(iso_expected, iso_actual)
        pytest.fail(
            "graphs differ\n--- only in expected ---\n" + _dump(only_expected)
            + "\n--- only in actual ---\n" + _dump(only_actual)
        )

    return check


@pytest.fixture(scope="session")
def seed_store():
    """An in-memory store holding the seed's graph and the ontology, as `councilgraph build` writes it."""
    from councilgraph.ontology import ontology_path
    from councilgraph.pipeline import build_path
    from councilgraph.store import DocumentStore

    store = DocumentStore.create(None)
    _load(store, build_path(SEED).graph)
    store.load_ontology(ontology_path())
    return store


def _load(store, document) -> None:
    store.replace(str(document.name), document.ntriples())
