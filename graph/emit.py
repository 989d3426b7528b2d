"""Shared pieces of the mapping: the triple collector and the nodes every document may name.

States, organisations, people, documents and instruments are shared nodes:
the same IRI in every document, described by the same triples (labels, types,
codes) wherever they appear, so that graphs merge cleanly.
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import RDF, RDFS, Literal, URIRef

from councilgraph.extract.read import Source, normalise
from councilgraph.extract.records import DocumentRef
from councilgraph.graph import iris
from councilgraph.graph.namespace import CG, ID, PROV, SKOS
from councilgraph.graph.vocabulary import superclasses, superproperties
from councilgraph.ontology.reference import ORG_KINDS, Entity

__all__ = ["Node", "Triple", "Triples", "entity_node", "document_node", "evidence"]

Node = URIRef | Literal
Triple = tuple[URIRef, URIRef, Node]

# The CSV's short kinds name ontology classes; two are spelled out in the ontology.
_ORG_CLASSES = {kind: CG[{"NGO": "NonGovernmentalOrganization", "Media": "MediaOrganization"}.get(kind, kind)]
                for kind in ORG_KINDS}
_TYPE = RDF.type  # one object: rdflib looks the name up on every attribute access
_DOCUMENT_CLASSES = {"resolution": CG.Resolution, "ga-resolution": CG.AssemblyResolution,
                     "presidential-statement": CG.PresidentialStatement, "press-release": CG.PressRelease}


class Triples:
    """Collects triples once each, in insertion order, adding entailed types and superproperties."""

    def __init__(self) -> None:
        self._seen: dict[Triple, None] = {}
        self.entities: dict[Entity, URIRef] = {}  # the entities described so far, by entity_node

    def add(self, s: URIRef, p: URIRef, o: Node | None) -> None:
        """Add a triple and its superproperty triples; ``None`` objects are skipped."""
        if o is None:
            return
        self._seen.setdefault((s, p, o), None)
        for parent in superproperties(p):
            self._seen.setdefault((s, parent, o), None)

    def typed(self, s: URIRef, cls: URIRef) -> None:
        """Type a node with a class and all the classes it specialises."""
        self.add(s, _TYPE, cls)
        for parent in superclasses(cls):
            self._seen.setdefault((s, _TYPE, parent), None)

    def __iter__(self) -> Iterator[Triple]:
        return iter(self._seen)


def evidence(out: Triples, source: Source, doc: URIRef, node: URIRef, start: int, end: int) -> None:
    """Where a fact comes from: the source document, the offsets and the exact words."""
    out.add(node, PROV.wasDerivedFrom, doc)
    out.add(node, CG.startOffset, Literal(start))
    out.add(node, CG.endOffset, Literal(end))
    out.add(node, CG.quote, Literal(source.text[start:end]))


def entity_node(out: Triples, entity: Entity, written: str | None = None) -> URIRef:
    """A State, organisation or instrument; ``written`` (the form in the text) becomes an alias."""
    node = out.entities.get(entity)
    if node is None:  # described once per document: a release names the same States hundreds of times
        node = out.entities[entity] = _describe(out, entity)
    _alias(out, node, entity, written)
    return node


def _describe(out: Triples, entity: Entity) -> URIRef:
    if entity.kind == "instrument":
        node = ID[f"instrument/{entity.key}"]
        out.typed(node, CG.Instrument)
        out.add(node, RDFS.label, Literal(entity.name))
        out.add(node, CG.instrumentKind, Literal(entity.category) if entity.category else None)
        out.add(node, CG.year, Literal(entity.year) if entity.year else None)
        if not entity.in_reference:
            out.add(node, CG.inReferenceList, Literal(False))
        return node
    node = iris.entity_iri(entity)
    out.add(node, RDFS.label, Literal(entity.name))
    if entity.kind == "state":
        out.typed(node, CG.State)
        out.add(node, CG.iso3, Literal(entity.key))
        out.add(node, CG.membershipStatus, Literal(entity.status) if entity.status else None)
        out.add(node, RDFS.seeAlso, iris.eu_country_iri(entity))
    else:
        out.typed(node, CG.Organization)
        if entity.category in _ORG_CLASSES:
            out.typed(node, _ORG_CLASSES[entity.category])
        out.add(node, CG.acronym, Literal(entity.acronym) if entity.acronym else None)
        if not entity.in_reference:
            out.add(node, CG.inReferenceList, Literal(False))
    return node


def _alias(out: Triples, node: URIRef, entity: Entity, written: str | None) -> None:
    if written:
        written = " ".join(normalise(written).split())
        if written != entity.name and written != entity.acronym:
            out.add(node, SKOS.altLabel, Literal(written))


def document_node(out: Triples, ref: DocumentRef) -> URIRef:
    """A UN document by symbol: resolution, presidential statement, press release or other document.

    A press release gets the node it has as a document of its own, described the same way.
    """
    node = iris.document_iri(ref.symbol)
    out.typed(node, _DOCUMENT_CLASSES.get(ref.kind, CG.Document))
    out.add(node, CG.symbol, Literal(ref.symbol))
    out.add(node, RDFS.label, Literal(ref.symbol))
    if ref.kind != "press-release":  # undocs.org serves documents, not press releases
        out.add(node, RDFS.seeAlso, iris.undocs_iri(ref.symbol))
    if ref.kind == "resolution" and ref.number is not None:
        out.add(node, CG.resolutionNumber, Literal(ref.number))
        out.add(node, CG.year, Literal(ref.year) if ref.year is not None else None)
    elif ref.kind == "presidential-statement":
        out.add(node, CG.year, Literal(ref.year) if ref.year is not None else None)
    return node
