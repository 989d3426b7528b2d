"""N-Triples, TriG and JSON-LD exporters: the same quads as the N-Quads, byte-identical output, the shipped context."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef

from councilgraph.cli import main
from councilgraph.exports import EXPORTERS, JSONLD_CONTEXT, DocumentGraph, export_documents
from councilgraph.exports.jsonld import compact_iri, load_context
from councilgraph.exports.nquads import nquad_term
from councilgraph.graph.namespace import CG, CITO, ID, PREFIXES, SCHEMA
from councilgraph.pipeline import build_path

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT / "tests" / "data"
INPUTS = [ROOT / "examples" / "SC-13081.txt", DATA / "releases" / "sc-observers.txt", DATA / "releases" / "ga-g77.txt",
          DATA / "resolutions" / "S_RES_0001_1946_EN_GOLD.txt"]
NEW = {"ntriples": "nt", "trig": "trig", "jsonld": "json-ld"}  # exporter name -> rdflib parser
Quads = dict[str, set[tuple]]  # graph name -> triples

# rdflib's own TriG and JSON-LD parsers still build a ConjunctiveGraph inside.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")


@pytest.fixture(scope="module")
def documents() -> list[DocumentGraph]:
    return [build_path(path).graph for path in INPUTS]


@pytest.fixture(scope="module")
def exported(documents: list[DocumentGraph], tmp_path_factory) -> dict[str, Path]:
    return _export(tmp_path_factory.mktemp("rdf"), documents, ["nquads", *NEW])


def _export(folder: Path, documents: list[DocumentGraph], names: list[str]) -> dict[str, Path]:
    return export_documents(documents, folder, tuple(names))


def _quads(path: Path, rdf_format: str) -> Quads:
    dataset = Dataset()
    dataset.parse(path, format=rdf_format)
    graphs: Quads = {}
    for s, p, o, g in dataset.quads((None, None, None, None)):
        graphs.setdefault(str(g), set()).add((s, p, o))
    return graphs


def _assert_same_quads(expected: Quads, actual: Quads) -> None:
    """Compare graph by graph; on failure show the first differing triples of each graph, as N-Triples."""
    if expected == actual:
        return
    report = []
    for name in sorted(expected.keys() | actual.keys()):
        only_expected = expected.get(name, set()) - actual.get(name, set())
        only_actual = actual.get(name, set()) - expected.get(name, set())
        for label, triples in (("only in expected", only_expected), ("only in actual", only_actual)):
            if triples:
                lines = sorted(" ".join(nquad_term(t) for t in triple) for triple in triples)
                report.append(f"--- graph <{name}>, {label} ({len(lines)}) ---\n" + "\n".join(lines[:20]))
    pytest.fail("quads differ\n" + "\n".join(report))


@pytest.mark.parametrize("name", ["trig", "jsonld"])
def test_named_graphs_hold_the_quads_of_the_nquads(exported: dict[str, Path], name: str) -> None:
    expected = _quads(exported["nquads"], "nquads")
    assert set(expected) == {str(ID[f"doc/{symbol}"]) for symbol in ("SC-13081", "SC-16231", "GA-12600", "S-RES-1-1946")}
    _assert_same_quads(expected, _quads(exported[name], NEW[name]))


@pytest.mark.parametrize("name", ["nquads", "trig", "jsonld"])
def test_lexical_forms_survive_a_second_parser(exported: dict[str, Path], name: str) -> None:
    # rdflib normalises some literals as it reads them ("007"^^xsd:integer -> "7"); Oxigraph keeps them as written.
    oxigraph = pytest.importorskip("pyoxigraph")
    formats = {"nquads": oxigraph.RdfFormat.N_QUADS, "trig": oxigraph.RdfFormat.TRIG,
               "jsonld": oxigraph.RdfFormat.JSON_LD}
    expected = {str(quad) for quad in oxigraph.parse(path=exported["nquads"], format=formats["nquads"])}
    actual = {str(quad) for quad in oxigraph.parse(path=exported[name], format=formats[name])}
    assert sorted(expected - actual)[:20] == [] and sorted(actual - expected)[:20] == []


def test_ntriples_is_the_union_of_the_quads(exported: dict[str, Path], documents: list[DocumentGraph]) -> None:
    union = set().union(*_quads(exported["nquads"], "nquads").values())
    _assert_same_quads({"union": union}, {"union": set(Graph().parse(exported["ntriples"], format="nt"))})
    lines = exported["ntriples"].read_text("utf-8").splitlines(keepends=True)
    assert len(lines) == len(set(lines)) == len(union)  # each triple once, shared nodes included


@pytest.mark.parametrize("name", list(NEW))
def test_input_order_does_not_change_the_file(documents: list[DocumentGraph], tmp_path: Path, name: str) -> None:
    first = _export(tmp_path / "a", documents, [name])[name]
    second = _export(tmp_path / "b", list(reversed(documents)), [name])[name]
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes().endswith(b"\n")


def test_trig_writes_nodes_as_the_turtle_does(exported: dict[str, Path]) -> None:
    trig = exported["trig"].read_text("utf-8")
    assert trig.startswith("@prefix cg: <https://w3id.org/councilgraph/ontology#> .\n")
    assert "\n<https://w3id.org/councilgraph/id/doc/SC-13081> {\n    " in trig
    assert "\n        cg:symbol \"SC/13081\" ;\n" in trig  # predicates indented under their subject


def test_jsonld_embeds_the_shipped_context(exported: dict[str, Path]) -> None:
    shipped = json.loads(JSONLD_CONTEXT.read_text("utf-8"))
    data = json.loads(exported["jsonld"].read_text("utf-8"))
    assert data["@context"] == shipped["@context"]
    assert list(data) == ["@context", "@graph"]
    names = [graph["@id"] for graph in data["@graph"]]
    assert "id:doc/SC-13081" in names and names == sorted(names)
    nodes = data["@graph"][0]["@graph"]
    assert [node["@id"] for node in nodes] == sorted(node["@id"] for node in nodes)


def test_shipped_context_is_a_plain_prefix_map() -> None:
    # The project prefixes plus rdf, rdfs and xsd; every value a namespace ending in / or #, which JSON-LD 1.1
    # accepts as a prefix; nothing that could change what a value means (no @vocab, @base, terms or coercion).
    assert JSONLD_CONTEXT.parent.name == "ontology" and JSONLD_CONTEXT.name == "context.jsonld"
    expected = {name: str(ns) for name, ns in PREFIXES} | {"rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD)}
    context = load_context()
    assert context == expected
    assert all(isinstance(v, str) and v.endswith(("/", "#")) for v in context.values())


@pytest.mark.parametrize(("iri", "written"), [
    (str(CG.symbol), "cg:symbol"),
    (str(ID["doc/SC-13081"]), "id:doc/SC-13081"),
    ("https://undocs.org/S/RES/2388(2017)", "https://undocs.org/S/RES/2388(2017)"),
    (str(CITO), str(CITO)),  # nothing after the namespace: written in full
    (f"{SCHEMA}/x", "schema:/x"),
    (f"{SCHEMA}//x", f"{SCHEMA}//x"),  # "schema://x" would read as an absolute IRI
])
def test_compact_iri(iri: str, written: str) -> None:
    assert compact_iri(iri, load_context()) == written


def test_compact_iri_refuses_an_iri_that_reads_as_a_compact_one() -> None:
    with pytest.raises(ValueError, match="reads as a compact IRI"):
        compact_iri("cg:unbound", load_context())


PADDED = URIRef("https://example.org/datatypes#padded")
TRICKY = DocumentGraph.from_triples(ID["doc/TRICKY-1"], (
    (ID["doc/TRICKY-1"], RDFS.label, Literal('say "no"\nthen\\stop\r\tnow')),
    (ID["doc/TRICKY-1"], RDFS.label, Literal("Résolution « paix » — 和平 😀", lang="fr")),
    (ID["doc/TRICKY-1"], RDFS.label, Literal("Peace", lang="en-GB")),
    (ID["doc/TRICKY-1"], RDFS.comment, Literal("typed string", datatype=XSD.string)),
    (ID["doc/TRICKY-1"], CG.year, Literal(2017)),
    (ID["doc/TRICKY-1"], CG.year, Literal("007", datatype=PADDED)),  # not normalised by any reader
    (ID["doc/TRICKY-1"], CG.unanimous, Literal(True)),
    (ID["doc/TRICKY-1"], CG.openedAt, Literal("10:08:00", datatype=XSD.time)),
    (ID["doc/TRICKY-1"], RDF.type, CG.PressRelease),
    (ID["doc/TRICKY-1"], RDF.type, Literal("a literal type")),
    (ID["state/Côte_d'Ivoire"], RDFS.seeAlso, URIRef("https://undocs.org/S/RES/2388(2017)")),
    (ID["state/Côte_d'Ivoire"], RDFS.seeAlso, URIRef(str(CITO))),
))


@pytest.mark.parametrize("name", list(NEW))
def test_escapes_languages_and_datatypes_round_trip(tmp_path: Path, name: str) -> None:
    path = _export(tmp_path, [TRICKY], [name])[name]
    expected = {str(TRICKY.name): set(TRICKY.triples)}
    if name == "ntriples":
        _assert_same_quads(expected, {str(TRICKY.name): set(Graph().parse(path, format="nt"))})
    else:
        _assert_same_quads(expected, _quads(path, NEW[name]))
    assert "😀" in path.read_text("utf-8")  # UTF-8, not escaped


UNNORMALISED = DocumentGraph.from_triples(ID["doc/TRICKY-2"], (
    (ID["doc/TRICKY-2"], CG.year, Literal("007", datatype=XSD.integer, normalize=False)),
    (ID["doc/TRICKY-2"], CG.year, Literal("+5", datatype=XSD.integer, normalize=False)),
    (ID["doc/TRICKY-2"], CG.unanimous, Literal("1", datatype=XSD.boolean, normalize=False)),
    (ID["doc/TRICKY-2"], RDFS.label, Literal("1.50", datatype=XSD.decimal, normalize=False)),
))


@pytest.mark.parametrize("name", list(NEW))
def test_lexical_forms_are_kept_as_written(tmp_path: Path, name: str) -> None:
    # rdflib would read "007"^^xsd:integer back as "7"; Oxigraph keeps the lexical form, so compare with it.
    oxigraph = pytest.importorskip("pyoxigraph")
    formats = {"nquads": oxigraph.RdfFormat.N_QUADS, "ntriples": oxigraph.RdfFormat.N_TRIPLES,
               "trig": oxigraph.RdfFormat.TRIG, "jsonld": oxigraph.RdfFormat.JSON_LD}
    paths = _export(tmp_path, [TRICKY, UNNORMALISED], ["nquads", name])
    expected, actual = ({str(quad.triple if name == "ntriples" else quad)
                         for quad in oxigraph.parse(path=paths[kind], format=formats[kind])} for kind in ("nquads", name))
    assert '"007"^^<http://www.w3.org/2001/XMLSchema#integer>' in " ".join(expected)
    assert sorted(expected - actual) == [] and sorted(actual - expected) == []


def test_cli_writes_and_validates_the_new_formats(tmp_path: Path, seed_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(seed_path), "--out", str(tmp_path), "-q", "--format", "all"])
    assert result.exit_code == 0, result.output
    nquads = _quads(tmp_path / "graph.nq", "nquads")
    for name in NEW:
        path = tmp_path / EXPORTERS[name].file_name
        assert path.stat().st_size > 100_000
        if name != "ntriples":
            _assert_same_quads(nquads, _quads(path, NEW[name]))
        check = runner.invoke(main, ["validate", str(path)])
        assert check.exit_code == 0, check.output  # the seed has warnings, no violations
    only = runner.invoke(main, ["build", str(seed_path), "--out", str(tmp_path), "-q", "-f", "jsonld", "-f", "trig"])
    assert only.exit_code == 0, only.output
    graph_files = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("graph."))
    assert graph_files == ["graph.jsonld", "graph.trig"]  # the formats not asked for are removed, not left stale


def test_no_prefix_lies_under_the_instances_base() -> None:
    """The Turtle writer gives instances' IRIs in full without looking for a prefix: none may apply to them."""
    from councilgraph.exports.turtle import _NAMESPACES
    from councilgraph.graph.namespace import ID

    assert _NAMESPACES and not any(namespace.startswith(str(ID)) for namespace in _NAMESPACES)
