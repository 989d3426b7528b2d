"""The citation network: documents and instruments as nodes, citations as edges.

Built with NetworkX from the RDF triples of the build (not from a second
extraction). Nodes are resolutions, presidential statements, other UN
documents and instruments, with their symbol, kind, year, label and in-degree.
A paragraph's citation becomes an edge from its resolution; edges carry the
opening phrase, the CiTO type, the paragraph kind and a weight (how many
citations share them). With statements, a statement's citation becomes an
edge from the speaker's delegation. The format modules (GraphML, GEXF,
node-link JSON) only serialise the graph.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from typing import BinaryIO

import networkx as nx
from rdflib import RDF, RDFS, URIRef

from councilgraph.exports.base import DEFAULT_OPTIONS, DocumentGraph, ExportOptions, FragmentExporter
from councilgraph.graph.namespace import CG
from councilgraph.store import DocumentStore

__all__ = ["NetworkExporter", "citation_network", "network_facts"]

_NODE_KINDS: dict[object, str] = {CG.Resolution: "resolution", CG.AssemblyResolution: "ga-resolution",
               CG.PresidentialStatement: "presidential-statement",
               CG.Document: "document", CG.Instrument: "instrument", CG.State: "state",
               CG.Organization: "organization"}
_PARAGRAPH_KINDS: dict[object, str] = {CG.PreambularParagraph: "preambular", CG.OperativeParagraph: "operative",
                    CG.Statement: "statement"}
_DOCUMENT_KINDS = ("resolution", "presidential-statement")
_KEPT = {RDFS.label, CG.symbol, CG.year, CG.citing, CG.cited, CG.openingPhrase, CG.characterisation,
         CG.paragraphOf, CG.delegation}


def network_facts(document: DocumentGraph) -> set[tuple[URIRef, URIRef, object]]:
    """The triples of one document that the network needs."""
    return {(s, p, o) for s, p, o in document.triples
            if p in _KEPT or (p == RDF.type and (o in _NODE_KINDS or o in _PARAGRAPH_KINDS or o == CG.Citation))}


class NetworkExporter(FragmentExporter):
    """Merges the per-document networks (nodes by IRI, edge weights summed); subclasses serialise the whole."""

    def __init__(self, out: BinaryIO, options: ExportOptions = DEFAULT_OPTIONS) -> None:
        super().__init__(out, options)
        self._nodes: dict[str, dict[str, object]] = {}
        self._edges: Counter[tuple[str, str, str, str, str]] = Counter()

    @staticmethod
    def fragment(document: DocumentGraph, options: ExportOptions = DEFAULT_OPTIONS) -> bytes:
        graph = citation_network(network_facts(document), options.with_statements)
        nodes = {node: {k: v for k, v in data.items() if k != "in_degree"} for node, data in graph.nodes(data=True)}
        edges = [[s, t, d["phrase"], d["cito"], d["paragraph"], d["weight"]] for s, t, d in graph.edges(data=True)]
        return json.dumps({"nodes": nodes, "edges": edges}, ensure_ascii=False, sort_keys=True).encode("utf-8")

    def write(self, fragment: bytes) -> None:
        part = json.loads(fragment)
        for node, attributes in part["nodes"].items():
            known = self._nodes.setdefault(node, attributes)
            if known is not attributes:  # described by an earlier document too: keep the most telling values
                if attributes["kind"] in _DOCUMENT_KINDS and known["kind"] not in _DOCUMENT_KINDS:
                    known["kind"] = attributes["kind"]
                if "year" in attributes:
                    known.setdefault("year", attributes["year"])
        for source, target, phrase, cito, paragraph, weight in part["edges"]:
            self._edges[(source, target, phrase, cito, paragraph)] += weight

    def graph(self) -> nx.MultiDiGraph:
        """The merged network, nodes and edges in a fixed order."""
        graph = nx.MultiDiGraph(name="councilgraph citation network")
        for node in sorted(self._nodes):
            graph.add_node(node, **self._nodes[node])
        for (source, target, phrase, cito, paragraph), weight in sorted(self._edges.items()):
            graph.add_edge(source, target, phrase=phrase, cito=cito, paragraph=paragraph, weight=weight)
        for node in graph.nodes:
            graph.nodes[node]["in_degree"] = len(set(graph.predecessors(node)))
        return graph

    def tail(self, store: DocumentStore) -> Iterator[bytes]:
        yield self.serialise(self.graph())

    def serialise(self, graph: nx.MultiDiGraph) -> bytes:  # pragma: no cover - each format overrides
        raise NotImplementedError


def citation_network(facts: set[tuple[URIRef, URIRef, object]], with_statements: bool = False) -> nx.MultiDiGraph:
    """The citation network of a set of triples, with nodes and edges in a fixed order."""
    kind: dict[object, str] = {}
    part: dict[object, str] = {}
    values: dict[tuple[object, URIRef], object] = {}
    citations = []
    for s, p, o in facts:
        if p == RDF.type:
            if o in _NODE_KINDS and kind.get(s) not in ("resolution", "presidential-statement"):
                kind[s] = _NODE_KINDS[o]
            elif o in _PARAGRAPH_KINDS:
                part[s] = _PARAGRAPH_KINDS[o]
            elif o == CG.Citation:
                citations.append(s)
        else:
            values[(s, p)] = o
    documents = {n for n, k in kind.items() if k not in ("state", "organization")}

    edges: Counter[tuple[str, str, str, str, str]] = Counter()
    for citation in citations:
        citing, cited = values.get((citation, CG.citing)), values.get((citation, CG.cited))
        if cited not in documents:
            continue
        paragraph_kind = part.get(citing, "document")
        if paragraph_kind in ("preambular", "operative"):
            source = values.get((citing, CG.paragraphOf))
        elif paragraph_kind == "statement" and with_statements:
            source = values.get((citing, CG.delegation))
        elif citing in documents:
            source = citing
        else:
            continue  # a press release's own narrative: not part of the document network
        if source is None or source == cited:
            continue
        phrase = str(values.get((citation, CG.openingPhrase), ""))
        cito = str(values.get((citation, CG.characterisation), "")).rsplit("/", 1)[-1]
        edges[(str(source), str(cited), phrase, cito, paragraph_kind)] += 1

    graph = nx.MultiDiGraph(name="councilgraph citation network")
    used = {e[0] for e in edges} | {e[1] for e in edges} | {str(n) for n in documents}
    for node in sorted(used):
        iri = URIRef(node)
        symbol = str(values.get((iri, CG.symbol), ""))
        node_kind = kind.get(iri, "document")
        attributes: dict[str, object] = {"label": str(values.get((iri, RDFS.label), node)), "kind": node_kind,
                                         "symbol": symbol}
        year = values.get((iri, CG.year))
        if year is not None:  # no placeholder: tools would read 0 as a year
            attributes["year"] = int(str(year))
        graph.add_node(node, **attributes)
    for (source, target, phrase, cito, paragraph_kind), weight in sorted(edges.items()):
        graph.add_edge(source, target, phrase=phrase, cito=cito, paragraph=paragraph_kind, weight=weight)
    for node in graph.nodes:
        graph.nodes[node]["in_degree"] = len(set(graph.predecessors(node)))
    return graph
