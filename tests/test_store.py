"""The embedded store: one named graph per document, replaced on rebuild, the union for queries."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from councilgraph.manifest import MANIFEST, Entry, Manifest
from councilgraph.ontology import ontology_path
from councilgraph.pipeline import build_path
from councilgraph.store import (
    ONTOLOGY_GRAPH,
    DocumentStore,
    QueryError,
    StoreError,
    StoreMissing,
)

COUNT_STATEMENTS = "SELECT (COUNT(?s) AS ?n) WHERE { ?s a cg:Statement }"


def _count(store: DocumentStore, query: str = COUNT_STATEMENTS) -> int:
    (row,) = store.query(query).rows
    return int(row[0].value)


def test_each_document_is_a_named_graph_and_queries_see_the_union(seed_path: Path, releases_dir: Path) -> None:
    store = DocumentStore.create(None)
    seed, other = build_path(seed_path).graph, build_path(releases_dir / "sc-observers.txt").graph
    _load(store, seed)
    _load(store, other)
    assert store.documents() == sorted([str(seed.name), str(other.name)])
    assert len(store) == len(seed.triples) + len(other.triples)
    assert _count(store) == 71 + _count_in(other)


def _count_in(document) -> int:
    from rdflib import RDF

    from councilgraph.graph.namespace import CG

    return sum(1 for s, p, o in document.triples if p == RDF.type and o == CG.Statement)


def test_building_a_document_twice_replaces_its_graph(seed_path: Path) -> None:
    store = DocumentStore.create(None)
    document = build_path(seed_path).graph
    _load(store, document)
    _load(store, document)
    assert len(store) == len(document.triples)
    assert _count(store) == 71


def test_ontology_has_its_own_graph_and_gives_labels(seed_store: DocumentStore) -> None:
    assert ONTOLOGY_GRAPH not in seed_store.documents()
    answer = seed_store.query("SELECT ?label WHERE { cg:Associating rdfs:label ?label }")
    assert [row[0].value for row in answer.rows] == ["associating"]


def test_bindings_fix_a_variable_before_the_query_runs(seed_store: DocumentStore) -> None:
    from pyoxigraph import Literal

    query = "SELECT ?resolution ?symbol WHERE { ?resolution cg:symbol ?symbol ; a cg:Resolution }"
    answer = seed_store.query(query, {"symbol": Literal("S/RES/2388 (2017)")})
    assert {row[0].value for row in answer.rows} == {"https://w3id.org/councilgraph/id/doc/S-RES-2388-2017"}
    assert len(seed_store.query(query).rows) > 1


def test_binding_a_variable_the_query_does_not_return_is_a_query_error(seed_store: DocumentStore) -> None:
    from pyoxigraph import Literal

    with pytest.raises(QueryError, match=r"cannot bind \?nothing"):
        seed_store.query("SELECT ?s WHERE { ?s a cg:Statement }", {"nothing": Literal("x")})


def test_ask_and_construct(seed_store: DocumentStore) -> None:
    assert seed_store.query("ASK { ?s cg:symbol 'S/RES/2331 (2016)' }").boolean is True
    triples = seed_store.query("CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a cg:Instrument ; rdfs:label ?l }").triples
    assert triples is not None and len(triples) == 11


@pytest.mark.parametrize(("query", "position"), [
    ("SELECT ?x WHERE { ?x ?y }", "1:"),
    ("SELECT ?x WHERE {\n  ?x a cg:Statement .\n  FILTER(?x = ) }", "3:"),
], ids=["one-line", "third-line"])
def test_a_query_that_does_not_parse_says_where(seed_store: DocumentStore, query: str, position: str) -> None:
    with pytest.raises(QueryError, match=rf"error at {position}\d+"):
        seed_store.query(query)


def test_opening_a_folder_that_is_not_a_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not a councilgraph store"):
        DocumentStore.open_read_only(tmp_path)


def test_readers_find_the_store_generation_the_manifest_names(tmp_path: Path, seed_path: Path) -> None:
    document = build_path(seed_path).graph
    generation = tmp_path / "store" / "0123abcd"
    generation.parent.mkdir()
    store = DocumentStore.create(generation)
    _load(store, document)
    store.load_ontology(ontology_path())
    store.close()
    entry = Entry("0" * 64, str(document.name), "SC/13081", "", (0, 4, 0), "key")
    manifest = Manifest("f", {str(seed_path): entry}, store=generation.name)
    (tmp_path / MANIFEST).write_bytes(manifest.dumps())
    for path in (tmp_path, tmp_path / "store", generation):  # the output folder, its store folder, the store
        reader = DocumentStore.open_read_only(path)
        try:
            assert reader.path == generation and _count(reader) == 71
        finally:
            reader.close()
    manifest.put("other.txt", Entry("1" * 64, "https://w3id.org/councilgraph/id/doc/SC-1", "SC/1", "", (0, 0, 0), "k2"))
    (tmp_path / MANIFEST).write_bytes(manifest.dumps())
    with pytest.raises(StoreError, match="does not hold the documents its manifest lists"):
        DocumentStore.open_read_only(tmp_path / "store")
    manifest.store = "fedcba98"  # a generation that is not there (yet: its first reader loads it)
    (tmp_path / MANIFEST).write_bytes(manifest.dumps())
    with pytest.raises(StoreMissing, match="is missing") as missing:
        DocumentStore.open_read_only(tmp_path)
    assert missing.value.folder == tmp_path
    (tmp_path / "store" / "fedcba98").mkdir()  # there, but not a store: damaged, not loaded over
    with pytest.raises(StoreError, match="missing or unreadable") as damaged:
        DocumentStore.open_read_only(tmp_path)
    assert not isinstance(damaged.value, StoreMissing)


def _load(store, document) -> None:
    store.replace(str(document.name), document.ntriples())


def test_closing_a_closed_store_does_no_more_work(tmp_path: Path) -> None:
    # A build closes its store twice (after writing, and on the way out); the full garbage collection that
    # lets RocksDB release its files belongs to the first close only (about 10 ms each).
    store = DocumentStore.create(tmp_path / "store")
    store.close()
    full_collections = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and info["generation"] == 2:
            full_collections.append(info)

    gc.callbacks.append(count)
    try:
        store.close()
    finally:
        gc.callbacks.remove(count)
    assert full_collections == []
