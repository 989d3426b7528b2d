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

from collections import Counter
from pathlib import Path

import networkx as nx
from rdflib import RDF, RDFS, URIRef

from councilgraph.exports.base import DocumentGraph, StagedFiles, write_output
from councilgraph.graph.namespace import CG

__all__ = ["NetworkExporter", "NetworkFacts", "citation_network"]

_NODE_KINDS: dict[object, str] = {CG.Resolution: "resolution", CG.AssemblyResolution: "ga-resolution",
               CG.PresidentialStatement: "presidential-statement",
               CG.Document: "document", CG.Instrument: "instrument", CG.State: "state",
               CG.Organization: "organization"}
_PARAGRAPH_KINDS: dict[object, str] = {CG.PreambularParagraph: "preambular", CG.OperativeParagraph: "operative",
                    CG.Statement: "statement"}
_KEPT = {RDFS.label, CG.symbol, CG.year, CG.citing, CG.cited, CG.openingPhrase, CG.characterisation,
         CG.paragraphOf, CG.delegation}


class NetworkFacts:
    """The triples the network needs, gathered once per build and shared by the network exporters."""

    def __init__(self, with_statements: bool = False) -> None:
        self.with_statements = with_statements
        self._facts: set[tuple[URIRef, URIRef, object]] = set()
        self._documents: set[URIRef] = set()
        self._graph: nx.MultiDiGraph | None = None

    def add(self, document: DocumentGraph) -> None:
        """Keep a document's relevant triples (once, however many exporters pass it on)."""
        if document.name in self._documents:
            return
        self._documents.add(document.name)
        self._graph = None
        for s, p, o in document.triples:
            if p in _KEPT or (p == RDF.type and (o in _NODE_KINDS or o in _PARAGRAPH_KINDS or o == CG.Citation)):
                self._facts.add((s, p, o))

    def graph(self) -> nx.MultiDiGraph:
        """The network, built on first use after the last document."""
        if self._graph is None:
            self._graph = citation_network(self._facts, self.with_statements)
        return self._graph


class NetworkExporter:
    """Passes documents to the shared :class:`NetworkFacts`; subclasses serialise the network."""

    def __init__(self, path: Path, files: StagedFiles | None = None, facts: NetworkFacts | None = None) -> None:
        self.path = path
        self._files = files
        self._facts = facts or NetworkFacts()

    def write(self, document: DocumentGraph) -> None:
        self._facts.add(document)

    def finalize(self) -> None:
        write_output(self.path, self.serialise(self._facts.graph()), self._files)

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
