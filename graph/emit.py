"""Shared pieces of the mapping: the triple collector and the nodes every document may name.

States, organisations, people, documents and instruments are shared nodes:
the same IRI in every document, described by the same triples (labels, types,
codes) wherever they appear, so that graphs merge cleanly.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from rdflib import RDF, RDFS, Literal, URIRef

from councilgraph.extract.read import Source, normalise
from councilgraph.extract.records import DocumentRef
from councilgraph.graph import iris
from councilgraph.graph.namespace import CG, FOAF, PROV, SKOS
from councilgraph.graph.terms import Lit, TermTriple, literal
from councilgraph.graph.vocabulary import superclasses, superproperties
from councilgraph.ontology.reference import ORG_KINDS, Entity

__all__ = ["ALT_LABEL", "COMMENT", "DERIVED_FROM", "LABEL", "NAME", "SEE_ALSO", "Node", "Triple", "Triples",
           "entity_node", "document_node", "evidence"]

Node = URIRef | Literal
Triple = tuple[URIRef, URIRef, Node]  # in rdflib terms; the collector gives them in N-Triples syntax

# The properties of other vocabularies the mapping writes, looked up once: rdflib makes a new URIRef on every
# attribute access of a namespace (1-2 µs, hundreds of times per release).
LABEL, COMMENT, SEE_ALSO = RDFS.label, RDFS.comment, RDFS.seeAlso
DERIVED_FROM, NAME, ALT_LABEL = PROV.wasDerivedFrom, FOAF.name, SKOS.altLabel

# The CSV's short kinds name ontology classes; two are spelled out in the ontology.
_ORG_CLASSES = {kind: CG[{"NGO": "NonGovernmentalOrganization", "Media": "MediaOrganization"}.get(kind, kind)]
                for kind in ORG_KINDS}
_TYPE = f"<{RDF.type}>"
_DOCUMENT_CLASSES = {"resolution": CG.Resolution, "ga-resolution": CG.AssemblyResolution,
                     "presidential-statement": CG.PresidentialStatement, "press-release": CG.PressRelease}
_IRIS = (URIRef, str)  # the types of an IRI given to the collector; a literal is a Lit
# A property or class with the ones it specialises, in N-Triples syntax: written out once per process, and
# the same string objects in every triple, so that comparing them is an identity test.
_PROPERTIES: dict[URIRef, tuple[str, ...]] = {}
_CLASSES: dict[URIRef, tuple[str, ...]] = {}


def _property_terms(p: URIRef) -> tuple[str, ...]:
    terms = _PROPERTIES[p] = tuple(f"<{q}>" for q in (p, *superproperties(p)))
    return terms


def _class_terms(cls: URIRef) -> tuple[str, ...]:
    terms = _CLASSES[cls] = tuple(f"<{c}>" for c in (cls, *superclasses(cls)))
    return terms


class Triples:
    """Collects triples once each, in insertion order, adding entailed types and superproperties.

    Subjects and IRI objects are IRIs (``URIRef`` or ``str``), literal objects :class:`~councilgraph.graph.terms.Lit`;
    the triples come out in N-Triples syntax (:mod:`councilgraph.graph.terms`).
    """

    def __init__(self) -> None:
        self._seen: dict[TermTriple, None] = {}
        self.entities: dict[Entity, URIRef] = {}  # the entities described so far, by entity_node
        self._subject: object = None  # the last subject and its term: the mapping adds to one node in a row
        self._subject_term = ""

    def add(self, s: URIRef | str, p: URIRef, o: URIRef | str | Lit | None) -> None:
        """Add a triple and its superproperty triples; ``None`` objects are skipped."""
        if o is None:
            return
        if type(o) is Lit:
            term = o
        elif type(o) in _IRIS:
            term = f"<{o}>"
        else:  # an rdflib Literal would be written as an IRI: refuse it
            raise TypeError(f"not an IRI or a Lit: {o!r}")
        if s is not self._subject:  # the mapping adds to one node several times in a row
            self._subject, self._subject_term = s, f"<{s}>"
        subject, seen = self._subject_term, self._seen
        for predicate in _PROPERTIES.get(p) or _property_terms(p):
            seen[(subject, predicate, term)] = None  # a triple seen before keeps its place

    def typed(self, s: URIRef | str, cls: URIRef) -> None:
        """Type a node with a class and all the classes it specialises."""
        if s is not self._subject:
            self._subject, self._subject_term = s, f"<{s}>"
        subject, seen = self._subject_term, self._seen
        for term in _CLASSES.get(cls) or _class_terms(cls):
            seen[(subject, _TYPE, term)] = None

    def __iter__(self) -> Iterator[TermTriple]:
        return iter(self._seen)


def evidence(out: Triples, source: Source, doc: URIRef, node: URIRef, start: int, end: int) -> None:
    """Where a fact comes from: the source document, the offsets and the exact words."""
    out.add(node, DERIVED_FROM, doc)
    out.add(node, CG.startOffset, literal(start))
    out.add(node, CG.endOffset, literal(end))
    out.add(node, CG.quote, literal(source.text[start:end]))


def entity_node(out: Triples, entity: Entity, written: str | None = None) -> URIRef:
    """A State, organisation or instrument; ``written`` (the form in the text) becomes an alias."""
    node = out.entities.get(entity)
    if node is None:  # described once per document: a release names the same States hundreds of times
        node = out.entities[entity] = _describe(out, entity)
    _alias(out, node, entity, written)
    return node


def _describe(out: Triples, entity: Entity) -> URIRef:
    if entity.kind == "instrument":
        node = iris.id_iri(f"instrument/{entity.key}")
        out.typed(node, CG.Instrument)
        out.add(node, LABEL, literal(entity.name))
        out.add(node, CG.instrumentKind, literal(entity.category) if entity.category else None)
        out.add(node, CG.year, literal(entity.year) if entity.year else None)
        if not entity.in_reference:
            out.add(node, CG.inReferenceList, literal(False))
        return node
    node = iris.entity_iri(entity)
    out.add(node, LABEL, literal(entity.name))
    if entity.kind == "state":
        out.typed(node, CG.State)
        out.add(node, CG.iso3, literal(entity.key))
        out.add(node, CG.membershipStatus, literal(entity.status) if entity.status else None)
        out.add(node, SEE_ALSO, iris.eu_country_iri(entity))
    else:
        out.typed(node, CG.Organization)
        if entity.category in _ORG_CLASSES:
            out.typed(node, _ORG_CLASSES[entity.category])
        out.add(node, CG.acronym, literal(entity.acronym) if entity.acronym else None)
        if not entity.in_reference:
            out.add(node, CG.inReferenceList, literal(False))
    return node


def _alias(out: Triples, node: URIRef, entity: Entity, written: str | None) -> None:
    if written:
        written = _written_form(written)
        if written != entity.name and written != entity.acronym:
            out.add(node, ALT_LABEL, literal(written))


@lru_cache(maxsize=8192)  # the same few names, written the same way, hundreds of times a release
def _written_form(written: str) -> str:
    return " ".join(normalise(written).split())


def document_node(out: Triples, ref: DocumentRef) -> URIRef:
    """A UN document by symbol: resolution, presidential statement, press release or other document.

    A press release gets the node it has as a document of its own, described the same way.
    """
    node = iris.document_iri(ref.symbol)
    out.typed(node, _DOCUMENT_CLASSES.get(ref.kind, CG.Document))
    out.add(node, CG.symbol, literal(ref.symbol))
    out.add(node, LABEL, literal(ref.symbol))
    if ref.kind != "press-release":  # undocs.org serves documents, not press releases
        out.add(node, SEE_ALSO, iris.undocs_iri(ref.symbol))
    if ref.kind == "resolution" and ref.number is not None:
        out.add(node, CG.resolutionNumber, literal(ref.number))
        out.add(node, CG.year, literal(ref.year) if ref.year is not None else None)
    elif ref.kind == "presidential-statement":
        out.add(node, CG.year, literal(ref.year) if ref.year is not None else None)
    return node
