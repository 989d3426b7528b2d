"""Mapping records to RDF: a hand-reviewed golden graph, the seed's key facts, SHACL conformance."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, URIRef

from councilgraph.exports.nquads import ntriples_lines
from councilgraph.graph.namespace import CG, FOAF, ID, OPENGOV
from councilgraph.pipeline import build_path
from councilgraph.validate import validate_graph, validate_ntriples

DATA = Path(__file__).resolve().parent.parent / "data"


def _graph(path: Path) -> Graph:
    graph = Graph()
    for triple in build_path(path).graph.triples:
        graph.add(triple)
    return graph


def test_mini_release_matches_golden_graph(assert_isomorphic) -> None:
    # The golden file was reviewed by hand; when the mapping changes on purpose, review the diff and update it.
    expected = Graph().parse(DATA / "golden" / "mini-release.ttl")
    assert_isomorphic(expected, _graph(DATA / "golden" / "mini-release.txt"))


@pytest.fixture(scope="module")
def seed_graph(seed_path) -> Graph:
    return _graph(seed_path)


def test_seed_statements_have_speaker_delegation_and_standard_types(seed_graph: Graph) -> None:
    statements = set(seed_graph.subjects(RDF.type, CG.Statement))
    assert len(statements) == 71
    assert statements == set(seed_graph.subjects(RDF.type, OPENGOV.Speech))
    for statement in statements:
        assert len(list(seed_graph.objects(statement, CG.speaker))) == 1
        assert len(list(seed_graph.objects(statement, CG.delegation))) == 1


def test_seed_shortcuts_count_the_18_relations(seed_graph: Graph) -> None:
    aligns = list(seed_graph.subject_objects(CG.alignsWith))
    behalf = list(seed_graph.subject_objects(CG.onBehalfOf))
    assert len(aligns) + len(behalf) == 18
    assert list(seed_graph.subject_objects(CG.coSponsorOf)) == [(ID["state/IRL"], ID["doc/S-RES-2388-2017"])]
    assert (ID["doc/S-RES-2388-2017"], CG.resolutionNumber, Literal(2388)) in seed_graph


def test_alignment_links_the_groups_own_statement(seed_graph: Graph) -> None:
    def target_statements(order: int) -> set[URIRef]:
        statement = ID[f"doc/SC-13081/statement/{order}"]
        return {t for a in seed_graph.objects(statement, CG.alignment) for t in seed_graph.objects(a, CG.targetStatement)}

    eu, nam, nordic = (ID[f"doc/SC-13081/statement/{n}"] for n in (33, 20, 46))
    assert target_statements(9) == {eu}  # France -> European Union delegation
    assert target_statements(15) == {nam}  # Egypt -> Venezuela for the Non-Aligned Movement
    assert target_statements(6) == {eu, nordic}  # Sweden -> EU and Norway for the Nordic countries


def test_seed_states_link_out_and_people_are_foaf(seed_graph: Graph) -> None:
    eth = ID["state/ETH"]
    assert (eth, CG.iso3, Literal("ETH")) in seed_graph
    assert (eth, URIRef("http://www.w3.org/2000/01/rdf-schema#seeAlso"),
            URIRef("http://publications.europa.eu/resource/authority/country/ETH")) in seed_graph
    assert (ID["person/tekeda-alemu"], FOAF.name, Literal("Tekeda Alemu")) in seed_graph
    assert (ID["state/TUR"], URIRef("http://www.w3.org/2004/02/skos/core#altLabel"), Literal("Turkey")) in seed_graph


def test_statement_offsets_and_quotes_match_the_source(seed_graph: Graph, seed) -> None:
    source, _ = seed
    quoted = list(seed_graph.subjects(CG.quote, None))
    assert len(quoted) > 100  # alignments, citations, paragraphs, findings
    for node in quoted:
        start = seed_graph.value(node, CG.startOffset).toPython()
        end = seed_graph.value(node, CG.endOffset).toPython()
        assert source.text[start:end] == str(seed_graph.value(node, CG.quote))


@pytest.mark.parametrize("path", [pytest.param(p, id=p.stem) for p in
                                  [*sorted((DATA / "releases").glob("*.txt")), DATA / "golden" / "mini-release.txt"]])
def test_every_example_conforms_to_the_shapes(path: Path) -> None:
    report = validate_graph(build_path(path).graph)
    assert report.conforms, report.results


def test_all_301_resolution_files_merged_conform_to_the_shapes() -> None:
    merged = Graph()
    for path in sorted((DATA / "resolutions").glob("S_RES_*.txt")):
        for triple in build_path(path).graph.triples:
            merged.add(triple)
    report = validate_ntriples("301 resolutions", "".join(ntriples_lines(merged)))
    assert report.conforms, [r for r in report.results if r.severity == "Violation"][:5]


def test_seed_conforms_to_the_shapes(seed_graph: Graph) -> None:
    report = validate_ntriples("seed", "".join(ntriples_lines(seed_graph)))
    assert report.conforms, report.results
