"""The citation network: documents and instruments as nodes, citations as edges.

Built with NetworkX from the RDF triples of the build (not from a second
extraction). Nodes are resolutions, presidential statements, other UN
documents and instruments, with their symbol, kind, year, label and in-degree.
A paragraph's citation becomes an edge from its resolution; edges carry the
opening phrase, the CiTO type, the paragraph kind and a weight (how many
citations share them). A statement's citation becomes an edge from the press
release that reports it (the statements of one release citing one document
with one phrase are one edge, their number its weight), so what a release's
speakers cite is part of the network; with statements, from the speaker's
delegation instead. The format modules (GraphML, GEXF, node-link JSON) only
serialise the graph.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from rdflib import RDF, RDFS

from councilgraph.exports.base import DEFAULT_OPTIONS, DocumentGraph, ExportOptions, FragmentExporter
from councilgraph.graph.namespace import CG
from councilgraph.graph.terms import TermTriple, iri_of, lexical

if TYPE_CHECKING:  # NetworkX only for the graph objects (viz, tests): a build writes the files without it
    import networkx as nx

__all__ = ["NETWORK_NAME", "Edge", "NetworkExporter", "Node", "citation_network", "network_facts", "xml_attribute",
           "xml_text"]

def _terms(kinds: dict[object, str]) -> dict[str, str]:
    return {f"<{term}>": value for term, value in kinds.items()}


# The network reads terms in N-Triples syntax (councilgraph.graph.terms), compared as strings.
_NODE_KINDS = _terms({CG.Resolution: "resolution", CG.AssemblyResolution: "ga-resolution",
                      CG.PresidentialStatement: "presidential-statement", CG.PressRelease: "press-release",
                      CG.Document: "document", CG.Instrument: "instrument", CG.State: "state",
                      CG.Organization: "organization"})
_PARAGRAPH_KINDS = _terms({CG.PreambularParagraph: "preambular", CG.OperativeParagraph: "operative",
                           CG.Statement: "statement"})
_RDF_TYPE, _CITATION_CLASS = f"<{RDF.type}>", f"<{CG.Citation}>"
_NETWORK_CLASSES = frozenset({*_NODE_KINDS, *_PARAGRAPH_KINDS, _CITATION_CLASS})
_DOCUMENT_KINDS = ("resolution", "presidential-statement", "press-release")  # win over "document" when merging
_SPEAKERS = ("state", "organization", "press-release")  # cite through their statements only
_NODE_ATTRIBUTES = ("kind", "label", "symbol", "year")  # in this order in every format, then in_degree
NETWORK_NAME = "councilgraph citation network"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ATTRIBUTE_ESCAPES = str.maketrans({'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#09;"})
_LABEL, _SYMBOL, _YEAR, _CITING, _CITED, _PHRASE, _CITO, _PARAGRAPH_OF, _DELEGATION, _REPORTED_IN = (
    f"<{p}>" for p in (RDFS.label, CG.symbol, CG.year, CG.citing, CG.cited, CG.openingPhrase, CG.characterisation,
                       CG.paragraphOf, CG.delegation, CG.reportedIn))
_KEPT = frozenset({_LABEL, _SYMBOL, _YEAR, _CITING, _CITED, _PHRASE, _CITO, _PARAGRAPH_OF, _DELEGATION,
                   _REPORTED_IN})


def network_facts(document: DocumentGraph) -> list[TermTriple]:
    """The triples of one document that the network needs, in N-Triples syntax, in the document's order."""
    return [(s, p, o) for s, p, o in document.terms
            if p in _KEPT or (p == _RDF_TYPE and o in _NETWORK_CLASSES)]


@dataclass(frozen=True, slots=True)
class Node:
    """A node of the merged network: its IRI and attributes (kind, label, symbol, year, in_degree)."""

    id: str
    attributes: dict[str, object]


@dataclass(frozen=True, slots=True)
class Edge:
    """An edge of the merged network; ``key`` tells apart the edges between the same two nodes."""

    source: str
    target: str
    key: int
    phrase: str
    cito: str
    paragraph: str
    weight: int


class NetworkExporter(FragmentExporter):
    """Merges the per-document networks (nodes by IRI, edge weights summed); subclasses write the whole.

    The writers stream: each node and edge is formatted and written on its own, so only the merged
    network is held, never a document tree of the file. Each distinct string (an IRI, a phrase) is held
    once however many documents repeat it: at 2,000 documents (45,000 edges) the merged network took
    46 MB with a copy per document, 8 MB shared.
    """

    def __init__(self, out: BinaryIO, options: ExportOptions = DEFAULT_OPTIONS) -> None:
        super().__init__(out, options)
        self._nodes: dict[str, dict[str, object]] = {}
        self._edges: Counter[tuple[str, str, str, str, str]] = Counter()
        self._strings: dict[str, str] = {}

    @staticmethod
    def fragment(document: DocumentGraph, options: ExportOptions = DEFAULT_OPTIONS) -> bytes:
        nodes, weighted = _network(network_facts(document), options.with_statements)
        # The edges in the order of citation_network's graph: by source, target, then insertion (sorted).
        edges = [[*edge, weight] for edge, weight in weighted]
        return json.dumps({"nodes": nodes, "edges": edges}, ensure_ascii=False, sort_keys=True).encode("utf-8")

    def write(self, fragment: bytes) -> None:
        part = json.loads(fragment)
        one = self._strings.setdefault
        for node, attributes in part["nodes"].items():
            known = self._nodes.get(node)
            if known is None:
                self._nodes[one(node, node)] = {k: one(v, v) if isinstance(v, str) else v for k, v in attributes.items()}
                continue
            # Described by an earlier document too: keep the most telling values.
            if attributes["kind"] in _DOCUMENT_KINDS and known["kind"] not in _DOCUMENT_KINDS:
                known["kind"] = one(attributes["kind"], attributes["kind"])
            if "year" in attributes:
                known.setdefault("year", attributes["year"])
            if not known["symbol"]:
                known["symbol"] = one(attributes["symbol"], attributes["symbol"])
        for source, target, phrase, cito, paragraph, weight in part["edges"]:
            key = (one(source, source), one(target, target), one(phrase, phrase), one(cito, cito),
                   one(paragraph, paragraph))
            self._edges[key] += weight

    def merged(self) -> tuple[list[Node], Iterator[Edge]]:
        """The merged network: nodes sorted by IRI with their in-degree, then the edges sorted, keyed per node
        pair (made one by one as they are read)."""
        order = sorted(self._edges)
        in_degree: Counter[str] = Counter()
        pair = None
        for source, target, *_ in order:
            if (source, target) != pair:  # sorted: the edges between two nodes come together
                in_degree[target] += 1
                pair = (source, target)
        nodes = []
        for node in sorted(self._nodes):
            attributes = {name: self._nodes[node][name] for name in _NODE_ATTRIBUTES if name in self._nodes[node]}
            attributes["in_degree"] = in_degree[node]
            nodes.append(Node(node, attributes))
        return nodes, self._keyed(order)

    def _keyed(self, order: list[tuple[str, str, str, str, str]]) -> Iterator[Edge]:
        key, pair = 0, None
        for source, target, phrase, cito, paragraph in order:
            key = key + 1 if (source, target) == pair else 0
            pair = (source, target)
            yield Edge(source, target, key, phrase, cito, paragraph, self._edges[(source, target, phrase, cito,
                                                                                  paragraph)])

    def graph(self) -> nx.MultiDiGraph:
        """The merged network as a NetworkX graph, nodes and edges in a fixed order."""
        import networkx as nx  # 60-100 ms to import, see the module's imports

        nodes, edges = self.merged()
        graph = nx.MultiDiGraph(name=NETWORK_NAME)
        graph.add_nodes_from((node.id, node.attributes) for node in nodes)
        for e in edges:
            graph.add_edge(e.source, e.target, key=e.key, phrase=e.phrase, cito=e.cito, paragraph=e.paragraph,
                           weight=e.weight)
        return graph

    def tail(self) -> Iterator[bytes]:
        nodes, edges = self.merged()
        for text in self.serialise(nodes, edges):
            yield text.encode("utf-8")

    def serialise(self, nodes: list[Node], edges: Iterator[Edge]) -> Iterator[str]:  # pragma: no cover - per format
        raise NotImplementedError


def xml_text(value: object) -> str:
    """Character data escaped for XML; characters XML 1.0 forbids become U+FFFD, so the file stays readable."""
    text = _NOT_XML.sub("\ufffd", str(value))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xml_attribute(value: object) -> str:
    """A double-quoted XML attribute value; line breaks and tabs as references, so that readers keep them."""
    return '"' + xml_text(value).translate(_ATTRIBUTE_ESCAPES) + '"'


def citation_network(facts: Iterable[TermTriple], with_statements: bool = False) -> nx.MultiDiGraph:
    """The citation network of a set of triples, with nodes and edges in a fixed order."""
    import networkx as nx  # 60-100 ms to import, see the module's imports

    nodes, edges = _network(facts, with_statements)
    graph = nx.MultiDiGraph(name=NETWORK_NAME)
    for node, attributes in nodes.items():
        graph.add_node(node, **attributes)
    for (source, target, phrase, cito, paragraph_kind), weight in edges:
        graph.add_edge(source, target, phrase=phrase, cito=cito, paragraph=paragraph_kind, weight=weight)
    for node in graph.nodes:
        graph.nodes[node]["in_degree"] = len(set(graph.predecessors(node)))
    return graph


def _network(facts: Iterable[TermTriple], with_statements: bool,
             ) -> tuple[dict[str, dict[str, object]], list[tuple[tuple[str, str, str, str, str], int]]]:
    """The nodes (sorted by IRI, with their attributes) and the weighted edges (sorted) of the citation network.

    Plain dictionaries and lists: a build's fragment needs nothing else, and NetworkX costs more to import
    than a document takes to build.
    """
    kind: dict[str, str] = {}
    part: dict[str, str] = {}
    values: dict[tuple[str, str], str] = {}
    citations = []
    for s, p, o in facts:
        if p == _RDF_TYPE:
            if o in _NODE_KINDS and kind.get(s) not in _DOCUMENT_KINDS:
                kind[s] = _NODE_KINDS[o]
            elif o in _PARAGRAPH_KINDS:
                part[s] = _PARAGRAPH_KINDS[o]
            elif o == _CITATION_CLASS:
                citations.append(s)
        else:
            values[(s, p)] = o
    documents = {n for n, k in kind.items() if k not in _SPEAKERS}

    edges: Counter[tuple[str, str, str, str, str]] = Counter()
    for citation in citations:
        citing, cited = values.get((citation, _CITING)), values.get((citation, _CITED))
        if cited not in documents:
            continue
        paragraph_kind = part.get(citing, "document")
        if paragraph_kind in ("preambular", "operative"):
            source = values.get((citing, _PARAGRAPH_OF))
        elif paragraph_kind == "statement":  # per delegation when asked, else per release (or without delegation)
            source = (with_statements and values.get((citing, _DELEGATION))) or values.get((citing, _REPORTED_IN))
        elif citing in documents:
            source = citing
        else:
            continue  # a press release's own narrative: not part of the document network
        if source is None or source == cited:
            continue
        phrase = _text(values.get((citation, _PHRASE)))
        cito = _text(values.get((citation, _CITO))).rsplit("/", 1)[-1]
        edges[(iri_of(source), iri_of(cited), phrase, cito, paragraph_kind)] += 1

    nodes: dict[str, dict[str, object]] = {}
    used = {e[0] for e in edges} | {e[1] for e in edges} | {iri_of(n) for n in documents}
    for node in sorted(used):
        term = f"<{node}>"
        attributes: dict[str, object] = {"label": _text(values.get((term, _LABEL)), node),
                                         "kind": kind.get(term, "document"), "symbol": _text(values.get((term, _SYMBOL)))}
        year = values.get((term, _YEAR))
        if year is not None:  # no placeholder: tools would read 0 as a year
            attributes["year"] = int(lexical(year))
        nodes[node] = attributes
    return nodes, sorted(edges.items())


def _text(term: str | None, default: str = "") -> str:
    """A literal's text or an IRI, as ``str()`` of the rdflib term; ``default`` when there is none."""
    return default if term is None else lexical(term)
