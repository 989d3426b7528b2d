"""What the ontology entails, precomputed so exported data needs no reasoner.

For every cg: class the external superclasses (fabio:PressRelease,
opengov:Speech, foaf:Person ...) and for every cg: property the external
superproperties (cito:cites, dcterms:creator ...) are read from the
ontology file once. The mapping then writes those types and shortcut
properties next to the cg: ones.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

import pyoxigraph as ox
from rdflib import RDFS, Graph, URIRef

from councilgraph.graph.namespace import CG
from councilgraph.ontology import ontology_path

__all__ = ["ontology_graph", "superclasses", "superproperties", "terms"]


@cache
def ontology_graph() -> Graph:
    """The ontology, parsed once."""
    return Graph().parse(ontology_path(), format="turtle")


@cache
def _read() -> tuple[dict[tuple[str, str], set[str]], frozenset[str]]:
    """(term, rdfs:subClassOf or rdfs:subPropertyOf) -> the IRIs it names, and every term the ontology
    describes, read from the ontology once.

    Read with pyoxigraph's parser, not rdflib's: 2 instead of 15 ms, paid by every build process (a
    one-document build, the fork server of a larger one).
    """
    wanted = {str(RDFS.subClassOf), str(RDFS.subPropertyOf)}
    links: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    described = set()
    for triple in ox.parse(path=str(ontology_path()), format=ox.RdfFormat.TURTLE):
        if isinstance(triple.subject, ox.NamedNode):
            described.add(triple.subject.value)
            if triple.predicate.value in wanted and isinstance(triple.object, ox.NamedNode):
                links[(triple.subject.value, triple.predicate.value)].add(triple.object.value)
    return dict(links), frozenset(described)


def terms() -> set[URIRef]:
    """The terms (IRIs) the ontology describes."""
    return {URIRef(term) for term in _read()[1]}


def _closure(term: URIRef, link: URIRef) -> tuple[URIRef, ...]:
    links = _read()[0]
    seen: set[str] = set()
    todo = [str(term)]
    while todo:
        for parent in links.get((todo.pop(), str(link)), ()):
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return tuple(URIRef(parent) for parent in sorted(seen))


@cache
def superclasses(cls: URIRef) -> tuple[URIRef, ...]:
    """All classes ``cls`` is a subclass of, transitively, in a fixed order."""
    if not str(cls).startswith(str(CG)):
        return ()
    return _closure(cls, RDFS.subClassOf)


@cache
def superproperties(prop: URIRef) -> tuple[URIRef, ...]:
    """All properties ``prop`` is a subproperty of, transitively, in a fixed order."""
    if not str(prop).startswith(str(CG)):
        return ()
    return _closure(prop, RDFS.subPropertyOf)
