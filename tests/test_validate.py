"""SHACL validation: the shapes, the findings as warnings, mutation tests, the report files and commands."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyshacl import validate as pyshacl_validate
from rdflib import RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.paths import NegatedPath
from rdflib.paths import Path as PropertyPath
from rdflib.plugins.sparql import prepareQuery

from councilgraph.cli import main
from councilgraph.exports.base import DocumentGraph
from councilgraph.exports.nquads import ntriples_lines
from councilgraph.graph.namespace import CG, ID, SH
from councilgraph.pipeline import build_path
from councilgraph.shapes import reference_shapes_path, shapes_text
from councilgraph.shapes.generate import reference_shapes
from councilgraph.validate import compile_shapes, node_offsets, validate_graph, validate_ntriples, validated_ntriples

DATA = Path(__file__).resolve().parent / "data"
ROOT = Path(__file__).resolve().parent.parent
STATEMENT = ID["doc/SC-13081/statement/5"]
R2388, R2331 = ID["doc/S-RES-2388-2017"], ID["doc/S-RES-2331-2016"]


@pytest.fixture(scope="module")
def seed_graph(seed_path: Path) -> Graph:
    graph = Graph()
    for triple in build_path(seed_path).graph.triples:
        graph.add(triple)
    return graph


def _validate(graph: Graph):
    # As the build validates (validate_graph), and checked against the engine given the whole text.
    report = validate_graph(DocumentGraph(URIRef("test"), (), tuple(ntriples_lines(graph))))
    assert report == validate_ntriples("test", "".join(ntriples_lines(graph)))
    return report


def test_seed_conforms_and_its_source_problems_are_warnings_on_their_nodes(seed_path: Path) -> None:
    report = validate_graph(build_path(seed_path).graph)
    assert report.conforms
    assert sorted((r.severity, r.focus.rsplit("/", 2)[-2:][-1], r.message.split(" ")[0]) for r in report.results) == [
        ("Warning", "27", "Libya"), ("Warning", "BWA", "Botswana"),
        ("Warning", "S-RES-2331-2016", "resolution"), ("Warning", "S-RES-2331-2016", "resolution"),
    ]


def test_validation_parses_the_lines_the_shapes_read_and_finds_the_same(seed_path: Path) -> None:
    document = build_path(seed_path).graph
    assert len(validated_ntriples(document)) < 0.6 * len(document.ntriples())
    assert validate_graph(document) == validate_ntriples(str(document.name), document.ntriples())


def _query_predicates(algebra: object, found: set[str]) -> None:
    """The predicates of the triple patterns and property paths in a query's algebra; fails on a variable one."""
    if isinstance(algebra, PropertyPath):
        parts = getattr(algebra, "args", None) or [getattr(algebra, "arg", None) or getattr(algebra, "path", None)]
        assert not isinstance(algebra, NegatedPath), algebra
        for part in parts:
            _query_predicates(part, found) if isinstance(part, PropertyPath) else found.add(str(part))
    elif isinstance(algebra, dict):
        for triple in dict.get(algebra, "triples") or ():  # not CompValue.get, which reads differently
            predicate = triple[1]
            assert not isinstance(predicate, Variable), f"a query matches any predicate: {triple}"
            _query_predicates(predicate, found) if isinstance(predicate, PropertyPath) else found.add(str(predicate))
        for value in algebra.values():
            _query_predicates(value, found)
    elif isinstance(algebra, list | tuple):
        for value in algebra:
            _query_predicates(value, found)


def test_validation_keeps_every_predicate_the_shapes_query() -> None:
    # validated_ntriples keeps the lines whose predicate the shapes name (in their triples or queries):
    # that holds while no shape is sh:closed and each query names the predicates it matches.
    shapes = Graph().parse(data=shapes_text(), format="turtle")
    assert not set(shapes.subjects(SH.closed, None))
    namespaces = {str(shapes.value(d, SH.prefix)): shapes.value(d, SH.namespace) for d in shapes.objects(None, SH.declare)}
    found: set[str] = set()
    for query in shapes.objects(None, SH.select):
        _query_predicates(prepareQuery(str(query), initNs=namespaces).algebra, found)
    assert str(CG.body) in found and len(found) > 15  # cg:body is only in a path: cg:consideredAt/cg:body
    lines = tuple(f"<{ID['a']}> <{predicate}> <{ID['b']}> .\n" for predicate in sorted(found))
    assert validated_ntriples(DocumentGraph(ID["a"], (), lines)) == "".join(lines)


@pytest.mark.parametrize("path", [pytest.param(p, id=p.stem) for p in sorted((DATA / "releases").glob("*.txt"))])
def test_examples_conform(path: Path) -> None:
    assert validate_graph(build_path(path).graph).conforms


def test_shapes_are_valid_shacl() -> None:
    shapes = Graph().parse(data=shapes_text(), format="turtle")
    # pyshacl checks the shapes graph against the SHACL-SHACL shapes when meta_shacl is set (raises if invalid)
    conforms, _, _ = pyshacl_validate(Graph(), shacl_graph=shapes, meta_shacl=True)
    assert conforms


def test_generated_shapes_match_the_reference_data() -> None:
    # After editing ontology/states.csv or resolution_years.csv: python -m councilgraph.shapes.generate
    assert reference_shapes_path().read_text(encoding="utf-8") == reference_shapes()


def test_the_year_rule_looks_the_year_up_in_one_string() -> None:
    # One condition per year made the engine spend ~5 ms preparing the query on every validation (it grows
    # with the square of their number): the table is a string, and the query's size does not grow with it.
    query = reference_shapes().split("cgsh:ResolutionYearShape", 1)[1].split('""" ]', 1)[0]
    assert " 1990:647-683 " in query
    assert query.count("||") == 1 and "?year = 19" not in query


def _set(graph: Graph, s: URIRef, p: URIRef, o) -> None:
    graph.remove((s, p, None))
    graph.add((s, p, o))


def _first_of(graph: Graph, cls: URIRef) -> URIRef:
    return sorted(graph.subjects(RDF.type, cls))[0]


# (mutation, expected violations as (focus, message start))
MUTATIONS: list = [
    pytest.param(lambda g: g.remove((STATEMENT, CG.speaker, None)), [(STATEMENT, "A statement has exactly one speaker")],
                 id="statement-without-speaker"),
    pytest.param(lambda g: g.add((STATEMENT, CG.delegation, ID["state/FRA"])),
                 [(STATEMENT, "A statement has exactly one delegation")], id="two-delegations"),
    pytest.param(lambda g: _set(g, STATEMENT, CG.startOffset, Literal(10**7)),
                 [(STATEMENT, "A statement has one start offset")], id="start-after-end"),
    pytest.param(lambda g: _set(g, ID["doc/SC-13081/statement/6"], CG.order, Literal(5)),
                 [(ID["doc/SC-13081"], "Two statements of this press release share the order number 5")],
                 id="duplicate-order"),
    pytest.param(lambda g: g.add((STATEMENT, CG.onBehalfOf, ID["state/ETH"])),
                 [(STATEMENT, "The statement's delegation")], id="delegation-is-also-behalf"),
    pytest.param(lambda g: g.remove((ID["person/tekeda-alemu"], RDFS.label, None)),
                 [(ID["person/tekeda-alemu"], "Every node has an rdfs:label")], id="node-without-label"),
    pytest.param(lambda g: _set(g, ID["state/ETH"], CG.iso3, Literal("XYZ")),
                 [(ID["state/ETH"], "A State's ISO code is in the reference list")], id="unknown-iso-code"),
    pytest.param(lambda g: _set(g, ID["meeting/S-PV-8111"], CG.meetingNumber, Literal(0)),
                 [(ID["meeting/S-PV-8111"], "A meeting has exactly one positive meeting number")],
                 id="meeting-number-zero"),
    pytest.param(lambda g: _set(g, R2388, CG.symbol, Literal("S/RES/2388")),
                 [(R2388, "The resolution's symbol S/RES/2388 does not match"),
                  (R2388, "A Security Council resolution's symbol")], id="resolution-symbol"),
    pytest.param(lambda g: _set(g, R2331, CG.year, Literal(2015)),
                 [(R2331, "Resolution 2331"), (R2331, "The resolution's symbol S/RES/2331 (2016) does not match")],
                 id="number-disagrees-with-year"),
    pytest.param(lambda g: g.add((R2331, CG.cites, R2388)), [(R2331, "The resolution cites itself or a later")],
                 id="cites-a-later-resolution"),
    pytest.param(lambda g: _set(g, R2388, CG.votesInFavour, Literal(16)),
                 [(R2388, "16 votes in favour, against and abstaining, more than")], id="more-votes-than-members"),
    pytest.param(lambda g: g.remove((_first_of(g, CG.Citation), CG.cited, None)),
                 [("citation", "A citation has exactly one cited")], id="citation-without-cited"),
    pytest.param(lambda g: _set(g, _first_of(g, CG.Alignment), CG.alignmentKind, CG.Finding),
                 [("alignment", "An alignment has exactly one kind")], id="alignment-kind-outside-scheme"),
    pytest.param(lambda g: _set(g, _first_of(g, CG.Finding), CG.severity, SH.Violation),
                 [("finding", "A finding has exactly one severity")], id="finding-severity"),
    pytest.param(lambda g: g.remove((_first_of(g, CG.OperativeParagraph), CG.paragraphOf, None)),
                 [("operative", "A paragraph belongs to exactly one resolution")], id="paragraph-without-resolution"),
    pytest.param(lambda g: g.remove((ID["doc/SC-13081"], CG.symbol, None)),
                 [(ID["doc/SC-13081"], "A press release has exactly one symbol")], id="release-without-symbol"),
    pytest.param(lambda g: _set(g, ID["state/ETH"], CG.iso3, Literal("eth")),
                 [(ID["state/ETH"], "A State has exactly one ISO 3166-1 alpha-3 code"),
                  (ID["state/ETH"], "A State's ISO code is in the reference list")], id="iso-code-pattern"),
    pytest.param(lambda g: g.add((ID["doc/S-PRST-2015-25"], CG.symbol, Literal("S/PRST/2015/26"))),
                 [(ID["doc/S-PRST-2015-25"], "A document has at most one symbol")], id="two-symbols"),
    pytest.param(lambda g: _set(g, R2331, CG.year, Literal(2999)),
                 [(R2331, "The resolution's symbol S/RES/2331 (2016) does not match"),
                  (R2331, "The resolution's year 2999 is after the current year")], id="year-in-the-future"),
    pytest.param(lambda g: g.remove((R2331, CG.resolutionNumber, None)),
                 [(R2331, "A resolution has exactly one positive number")], id="resolution-without-number"),
    pytest.param(lambda g: g.remove((STATEMENT, CG.reportedIn, None)),
                 [(STATEMENT, "A statement is reported in exactly one press release")], id="statement-not-reported"),
    pytest.param(lambda g: _set(g, _first_of(g, CG.Finding), CG.findingKind, CG.Statement),
                 [("finding", "A finding has exactly one kind")], id="finding-kind-outside-scheme"),
    pytest.param(lambda g: _set(g, R2331, CG.symbol, Literal("S/RES/1 (1946)")),
                 [(R2331, "The resolution's symbol S/RES/1 (1946) does not match")], id="symbol-disagrees"),
    pytest.param(lambda g: g.remove((ID["org/european-union"], RDF.type, CG.IntergovernmentalOrganization)),
                 [(ID["org/european-union"], "An organisation carries one of the finer")],
                 id="organisation-without-finer-class"),
    pytest.param(lambda g: g.add((ID["person/tekeda-alemu"], RDFS.label, Literal("Ambassador Alemu"))),
                 [(ID["person/tekeda-alemu"], "A person has one rdfs:label")], id="person-with-two-labels"),
    pytest.param(lambda g: g.add((ID["instrument/charter-of-the-united-nations"], CG.instrumentKind,
                                  Literal("treaty"))),
                 [(ID["instrument/charter-of-the-united-nations"], "An instrument has at most one kind")],
                 id="instrument-with-two-kinds"),
]


@pytest.mark.parametrize(("mutate", "expected"), MUTATIONS)
def test_each_shape_catches_its_defect(seed_graph: Graph, mutate: Callable[[Graph], None], expected) -> None:
    graph = Graph()
    for triple in seed_graph:
        graph.add(triple)
    mutate(graph)
    violations = [r for r in _validate(graph).results if r.severity == "Violation"]
    assert len(violations) == len(expected), violations
    for (focus, message), result in zip(expected, violations, strict=True):
        assert (result.focus == str(focus)) if isinstance(focus, URIRef) else (focus in result.focus)
        assert result.message.startswith(message), result.message


# The shapes are standard SHACL: pyshacl, the reference implementation, gives the same results as the
# shacl engine. Conformance is compared as the project defines it (warnings and infos allowed).
Outcome = tuple[bool, set[tuple[str, str | None, str]]]


@pytest.fixture(scope="module")
def shapes_graph() -> Graph:
    return Graph().parse(data=shapes_text(), format="turtle")


def _pyshacl_outcome(graph: Graph, shapes: Graph) -> Outcome:
    conforms, report, _ = pyshacl_validate(graph, shacl_graph=shapes, allow_warnings=True)
    found = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus, value, path = (report.value(result, p) for p in (SH.focusNode, SH.value, SH.resultPath))
        if focus == CG.Resolution and isinstance(value, URIRef):  # the year rule runs on the class: see validate._focus
            focus = value
        inverse = report.value(path, SH.inversePath) if isinstance(path, BNode) else None
        found.add((str(focus), f"^<{inverse}>" if inverse else (str(path) if path else None),
                   str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]))
    return bool(conforms), found


def _engine_outcome(graph: Graph) -> Outcome:
    report = _validate(graph)
    return report.conforms, {(r.focus, r.path, r.severity) for r in report.results}


def test_pyshacl_agrees_on_the_seed(seed_graph: Graph, shapes_graph: Graph) -> None:
    outcome = _engine_outcome(seed_graph)
    assert outcome == (True, {(str(ID["doc/SC-13081/statement/27"]), None, "Warning"), (str(ID["state/BWA"]), None, "Warning"),
                              (str(R2331), None, "Warning")})
    assert _pyshacl_outcome(seed_graph, shapes_graph) == outcome


def _beyond_the_table(graph: Graph) -> None:
    _set(graph, R2388, CG.year, Literal(2026))  # after resolution_years.csv's last year: a Warning
    _set(graph, R2388, CG.symbol, Literal("S/RES/2388 (2026)"))


AGREEMENT_MUTATIONS = [
    *(pytest.param(mutate, id=param.id) for param in MUTATIONS for mutate in param.values[:1]),
    pytest.param(lambda g: _set(g, R2388, CG.votesInFavour, Literal(14)), id="fewer-votes-than-members"),
    pytest.param(_beyond_the_table, id="year-beyond-the-table"),
    # The year rule looks the year up as an integer: a decimal of an integer's value is checked, 2016.5 is not.
    pytest.param(lambda g: _set(g, R2331, CG.year, Literal("2015.0", datatype=XSD.decimal)), id="decimal-year"),
    pytest.param(lambda g: _set(g, R2331, CG.year, Literal("2016.5", datatype=XSD.decimal)), id="fractional-year"),
]


@pytest.mark.parametrize("mutate", AGREEMENT_MUTATIONS)
def test_pyshacl_agrees_on_each_mutation(seed_graph: Graph, shapes_graph: Graph,
                                         mutate: Callable[[Graph], None]) -> None:
    graph = Graph()
    for triple in seed_graph:
        graph.add(triple)
    mutate(graph)
    outcome = _engine_outcome(graph)
    assert outcome[1] != _engine_outcome(seed_graph)[1]  # the mutation did change the results
    assert _pyshacl_outcome(graph, shapes_graph) == outcome


@pytest.fixture(scope="module")
def archive_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 50-release synthetic archive (benchmarks/synthetic.py) built by `councilgraph build`."""
    work = tmp_path_factory.mktemp("archive")
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "synthetic.py"), "50", str(work / "in")],
                   check=True, capture_output=True, timeout=300)
    built = CliRunner().invoke(main, ["build", str(work / "in"), "--out", str(work / "out"), "--jobs", "2", "-q"])
    assert built.exit_code == 0, built.output
    return work / "out"


def test_pyshacl_agrees_on_a_50_document_archive(archive_out: Path, shapes_graph: Graph) -> None:
    # All fifty documents as one graph, checked once by each: pyshacl takes over a second per document.
    graph = Graph()
    for s, p, o, _ in Dataset().parse(archive_out / "graph.nq", format="nquads").quads((None, None, None, None)):
        graph.add((s, p, o))
    outcome = _engine_outcome(graph)
    assert outcome[0] and {severity for _, _, severity in outcome[1]} == {"Warning"}
    assert _pyshacl_outcome(graph, shapes_graph) == outcome


def test_validate_counts_and_checks_each_document_of_an_nquads_file(archive_out: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(archive_out / "graph.nq")])
    assert result.exit_code == 0, result.output
    built = (archive_out / "validation.md").read_text("utf-8")
    assert built.split("\n")[2].startswith("50 document(s): 0 violations, ")
    assert result.output.split("\n")[:3] == built.split("\n")[:3]  # the build's totals
    sections = [line for line in result.output.splitlines() if line.startswith("## ")]
    assert sections == [line for line in built.splitlines() if line.startswith("## ")]  # each document on its own


def test_a_severity_on_a_sparql_constraint_is_refused() -> None:
    # The shacl engine would honour it; SHACL, and so pyshacl, ignores it: the two would disagree.
    shapes = """@prefix sh: <http://www.w3.org/ns/shacl#> .
        <http://example.org/S> a sh:NodeShape ; sh:targetNode <http://example.org/a> ;
            sh:sparql [ a sh:SPARQLConstraint ; sh:severity sh:Warning ; sh:select "SELECT $this WHERE { }" ] ."""
    with pytest.raises(ValueError, match="sh:severity on a SPARQL constraint of http://example.org/S"):
        compile_shapes(shapes)
    assert len(compile_shapes(shapes.replace("sh:severity sh:Warning ; ", ""))) == 1


def test_the_engine_reads_severities_on_shapes_as_pyshacl_does() -> None:
    # What the refusal above relies on: a node shape's severity covers its SPARQL and node constraints,
    # and a property shape inside it has its own (sh:Violation unless it says otherwise).
    shapes = """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        ex:Sparql a sh:NodeShape ; sh:targetClass ex:C ; sh:severity sh:Warning ;
            sh:sparql [ a sh:SPARQLConstraint ; sh:select "SELECT $this WHERE { $this <http://example.org/p> ?v }" ] .
        ex:Node a sh:NodeShape ; sh:targetClass ex:C ; sh:severity sh:Info ; sh:in ( ex:other ) ;
            sh:property [ sh:path ex:q ; sh:minCount 1 ] .
        ex:Property a sh:NodeShape ; sh:targetClass ex:C ;
            sh:property [ sh:path ex:p ; sh:datatype <http://www.w3.org/2001/XMLSchema#string> ; sh:severity sh:Info ] ."""
    data = Graph().parse(format="turtle", data="<http://example.org/a> a <http://example.org/C> ; "
                                                "<http://example.org/p> 1 .")
    expected = {("Warning", None), ("Info", None), ("Violation", "http://example.org/q"), ("Info", "http://example.org/p")}
    results = compile_shapes(shapes).validate_text("".join(ntriples_lines(data)), format="nquads").results
    assert {(r.severity, r.path.strip("<>") if r.path else None) for r in results} == expected
    _, report, _ = pyshacl_validate(data, shacl_graph=Graph().parse(data=shapes, format="turtle"))
    assert {(str(report.value(r, SH.resultSeverity)).rsplit("#", 1)[-1], report.value(r, SH.resultPath) and
             str(report.value(r, SH.resultPath))) for r in report.subjects(RDF.type, SH.ValidationResult)} == expected


def test_info_findings_are_info_results() -> None:
    report = validate_graph(build_path(DATA / "resolutions" / "S_RES_0778_1992_EN_GOLD.txt").graph)
    assert report.conforms
    assert [(r.severity, r.focus.rsplit("/", 1)[-1]) for r in report.results if "file name" in r.message] == [
        ("Info", "S-RES-773-1992")]


def test_fewer_votes_than_members_is_only_info(seed_graph: Graph) -> None:
    graph = Graph()
    for triple in seed_graph:
        graph.add(triple)
    _set(graph, R2388, CG.votesInFavour, Literal(14))
    report = _validate(graph)
    assert report.conforms
    assert [r.message for r in report.results if r.severity == "Info"] == [
        "14 votes in favour, against and abstaining, fewer than the Council's 15 members (absent or not voting)."]


def test_build_writes_validation_files_and_strict_fails_on_violations(tmp_path: Path, seed_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(seed_path), "--out", str(tmp_path / "a"), "--strict"])
    assert result.exit_code == 0, result.output
    assert "0 violations, 4 warnings" in result.output
    report = Graph().parse(tmp_path / "a" / "validation.ttl")
    assert (URIRef(f"{ID['doc/SC-13081']}/validation"), SH.conforms, Literal(True)) in report
    markdown = (tmp_path / "a" / "validation.md").read_text("utf-8")
    assert "Botswana, Botswana" in markdown and "0 violations, 4 warnings" in markdown
    bad = tmp_path / "bad.txt"  # a delegation speaking on behalf of itself breaks a cross-node rule
    bad.write_text("9000th Meeting (AM)\nSC/16000\n\nHeadline\n\nSummary.\n\nStatements\n\n"
                   "TORE HATTREM (Norway), speaking on behalf of Norway, said it.\n", "utf-8")
    lenient = CliRunner().invoke(main, ["build", str(bad), "--out", str(tmp_path / "b")])
    # The text stops before the closing line: a warning besides the violation.
    assert lenient.exit_code == 0 and "1 violation, 1 warning" in lenient.output
    strict = CliRunner().invoke(main, ["build", str(bad), "--out", str(tmp_path / "c"), "--strict"])
    assert strict.exit_code == 1


def test_validate_command_exit_codes(tmp_path: Path, seed_path: Path) -> None:
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(seed_path), "--out", str(out), "-q"]).exit_code == 0
    ok = CliRunner().invoke(main, ["validate", str(out / "graph.nq"), str(out / "graph.ttl")])
    assert ok.exit_code == 0, ok.output
    assert "conforms: 0 violations, 4 warnings" in ok.output
    broken = tmp_path / "broken.ttl"
    broken.write_text((out / "graph.ttl").read_text("utf-8").replace("cg:iso3 \"ETH\"", "cg:iso3 \"XYZ\""), "utf-8")
    violated = CliRunner().invoke(main, ["validate", str(broken)])
    assert violated.exit_code == 1 and "reference list of States" in violated.output
    # A Turtle file's triples are kept when an N-Quads file follows it (rdflib's parser would drop them).
    mixed = CliRunner().invoke(main, ["validate", str(broken), str(out / "graph.nq")])
    assert mixed.exit_code == 1 and "2 document(s): 1 violation, 8 warnings" in mixed.output
    garbage = tmp_path / "garbage.ttl"
    garbage.write_text("this is not turtle <", "utf-8")
    unreadable = CliRunner().invoke(main, ["validate", str(garbage)])
    assert unreadable.exit_code == 2 and unreadable.output.startswith(f"error: {garbage}: cannot read it as RDF")
    assert CliRunner().invoke(main, ["validate", str(tmp_path / "none.ttl")]).exit_code == 2


def test_node_offsets_point_at_the_words_of_nodes_and_findings(seed_path: Path) -> None:
    document = build_path(seed_path)
    offsets = node_offsets(document.graph)
    text = document.source.text
    (start, end), = offsets[str(STATEMENT)]
    assert text[start:end].startswith("TEKEDA ALEMU (Ethiopia) said")
    findings = {key: spans for key, spans in offsets.items() if isinstance(key, tuple)}
    assert len(findings) >= 1
    for (node, message), spans in findings.items():
        assert node.startswith(str(ID)) and message
        assert all(0 <= s < e <= len(text) for s, e in spans)
