"""The CG namespace object and the ontology file describe the same terms."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from councilgraph.graph.namespace import CG
from councilgraph.graph.vocabulary import ontology_graph, superclasses, superproperties


def _declared_in_code() -> set[URIRef]:
    return {CG[name] for name in CG.__annotations__}


def _defined_in_ontology(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef) and s.startswith(str(CG))}


def test_code_and_ontology_agree() -> None:
    graph = ontology_graph()
    assert _declared_in_code() == _defined_in_ontology(graph)


def test_misspelt_term_fails_at_once() -> None:
    with pytest.raises(AttributeError):
        CG.Statment  # noqa: B018


def test_every_term_has_label_and_comment() -> None:
    graph = ontology_graph()
    missing = [t for t in _defined_in_ontology(graph)
               if graph.value(t, RDFS.label) is None or graph.value(t, RDFS.comment) is None]
    assert missing == []


CONTRACT_CLASSES = ["PressRelease", "Meeting", "Statement", "Person", "State", "Organization", "Resolution",
                    "PresidentialStatement", "Document", "Instrument", "Alignment", "Citation"]
CONTRACT_PROPERTIES = ["symbol", "meetingNumber", "reportsOn", "atMeeting", "reportedIn", "order", "speaker",
                       "delegation", "role", "onBehalfOf", "alignsWith", "cites", "mentions", "resolutionNumber",
                       "year", "iso3", "startOffset", "endOffset"]


@pytest.mark.parametrize("name", CONTRACT_CLASSES)
def test_contract_classes_are_owl_classes(name: str) -> None:
    assert (CG[name], RDF.type, OWL.Class) in ontology_graph()


@pytest.mark.parametrize("name", CONTRACT_PROPERTIES)
def test_contract_properties_are_owl_properties(name: str) -> None:
    types = set(ontology_graph().objects(CG[name], RDF.type))
    assert types & {OWL.ObjectProperty, OWL.DatatypeProperty}


@pytest.mark.parametrize(("term", "expected"), [
    (CG.Statement, "http://www.w3.org/ns/opengov#Speech"),
    (CG.PressRelease, "http://purl.org/spar/fabio/PressRelease"),
    (CG.Person, "http://xmlns.com/foaf/0.1/Person"),
    (CG.Resolution, "http://data.europa.eu/eli/ontology#LegalResource"),
    (CG.AssemblyResolution, "http://data.europa.eu/eli/ontology#LegalResource"),
    (CG.Instrument, "http://data.europa.eu/eli/ontology#LegalResource"),
    (CG.UNEntity, "http://www.w3.org/ns/org#Organization"),
    (CG.Citation, "http://purl.org/spar/cito/Citation"),
])
def test_alignment_to_standard_classes(term: URIRef, expected: str) -> None:
    assert URIRef(expected) in superclasses(term)


def test_cites_is_materialised_as_cito_cites() -> None:
    assert URIRef("http://purl.org/spar/cito/cites") in superproperties(CG.cites)
