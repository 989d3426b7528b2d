"""What the ontology entails, precomputed so exported data needs no reasoner.

For every cg: class the external superclasses (fabio:PressRelease,
opengov:Speech, foaf:Person ...) and for every cg: property the external
superproperties (cito:cites, dcterms:creator ...) are read from the
ontology file once. The mapping then writes those types and shortcut
properties next to the cg: ones.
"""

from __future__ import annotations

from functools import cache

from rdflib import RDFS, Graph, URIRef

from councilgraph.graph.namespace import CG
from councilgraph.ontology import ontology_path

__all__ = ["ontology_graph", "superclasses", "superproperties"]


@cache
def ontology_graph() -> Graph:
    """The ontology, parsed once."""
    return Graph().parse(ontology_path(), format="turtle")


def _closure(term: URIRef, link: URIRef) -> tuple[URIRef, ...]:
    graph = ontology_graph()
    seen: list[URIRef] = []
    todo = [term]
    while todo:
        current = todo.pop()
        for parent in sorted(graph.objects(current, link), key=str):
            if isinstance(parent, URIRef) and parent not in seen:
                seen.append(parent)
                todo.append(parent)
    return tuple(sorted(seen))


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
