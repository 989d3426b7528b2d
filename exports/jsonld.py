"""JSON-LD: one named graph per document, IRIs abbreviated through the project's published context.

The context (``ontology/context.jsonld``, published at :data:`CONTEXT_IRI`)
is a plain prefix map: no ``@vocab``, no terms, no type coercion. A key such
as ``cg:symbol`` is then only an abbreviation of the full IRI, and every
value says what it is itself, so the file means the same to any JSON-LD
processor, whatever it does with contexts. The exported file embeds that
context object instead of referring to its IRI: it must read offline and
must not change meaning if the published copy moves or changes.

Literals other than plain strings are value objects that keep the lexical
form as a string (``{"@value": "5", "@type": "xsd:integer"}``): native JSON
numbers and booleans would be read back in canonical form, so ``"007"`` or
an ``xsd:decimal`` would not round-trip. Graphs, nodes, properties and
values are sorted, so the file is byte-identical whatever the order of the
inputs. Keys are placed rather than sorted by ``json.dumps``: ``@id`` comes
before ``@graph`` and ``@value`` before ``@type``, so that a graph's name is
read before its thousands of lines, not after them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

from rdflib import RDF, BNode, Literal, URIRef

from councilgraph.exports.base import DocumentGraph, StagedFiles, write_output
from councilgraph.ontology import data_path

__all__ = ["CONTEXT_IRI", "JSONLD_CONTEXT", "JSONLDExporter", "compact_iri", "load_context"]

#: Where the context is published, for JSON-LD documents that want to refer to it.
CONTEXT_IRI = "https://w3id.org/councilgraph/context.jsonld"
#: The shipped copy of that context: ``{"@context": {prefix: namespace, ...}}``.
JSONLD_CONTEXT: Path = data_path("context.jsonld")

Value = str | dict[str, str]
_TYPE = RDF.type  # looked up once: a namespace attribute costs a call per triple


def load_context(path: Path = JSONLD_CONTEXT) -> dict[str, str]:
    """The context object of the shipped file (the value of its ``"@context"``)."""
    return json.loads(path.read_text("utf-8"))["@context"]


def compact_iri(iri: str, context: Mapping[str, str]) -> str:
    """``iri`` as ``prefix:suffix`` with the longest matching namespace, or whole if none fits.

    A suffix starting with ``//`` would be read as an absolute IRI, and an
    empty one is no shorter; those IRIs are written in full. A full IRI whose
    scheme is also a prefix name would be misread as a compact one: refused.
    """
    fits = [(len(namespace), f"{name}:{iri[len(namespace):]}") for name, namespace in context.items()
            if iri.startswith(namespace) and len(iri) > len(namespace) and not iri.startswith("//", len(namespace))]
    if fits:
        return max(fits)[1]
    if iri.partition(":")[0] in context:
        raise ValueError(f"the IRI {iri} reads as a compact IRI with the councilgraph context")
    return iri


def _order(value: Value) -> tuple[str, ...]:
    """A sort key for the values of one property, different for any two different values."""
    return ("", value) if isinstance(value, str) else (*value, *value.values())


class JSONLDExporter:
    """Keeps each document's triples apart and writes them as ``{"@id": document, "@graph": [nodes]}``."""

    def __init__(self, path: Path, files: StagedFiles | None = None) -> None:
        self.path = path
        self._files = files
        self._context = load_context()  # read now: a missing file fails before any document is built
        self._compacted: dict[str, str] = {}
        self._documents: dict[URIRef, tuple[tuple[URIRef, URIRef, URIRef | Literal], ...]] = {}

    def write(self, document: DocumentGraph) -> None:
        self._documents[document.name] = document.triples

    def finalize(self) -> None:
        graphs = [{"@id": self._iri(name), "@graph": self._nodes(self._documents[name])}
                  for name in sorted(self._documents, key=str)]
        context = dict(sorted(self._context.items()))
        text = json.dumps({"@context": context, "@graph": graphs}, ensure_ascii=False, indent=1)
        write_output(self.path, (text + "\n").encode("utf-8"), self._files)

    def _nodes(self, triples: Iterable[tuple[URIRef | BNode, URIRef, URIRef | BNode | Literal]]) -> list[dict]:
        """The node objects of one graph, sorted by ``@id``; ``rdf:type`` to IRIs becomes ``@type``."""
        nodes: dict[str, dict[str, dict[tuple[str, ...], Value]]] = defaultdict(lambda: defaultdict(dict))
        for s, p, o in triples:
            node = nodes[self._reference(s)]
            if p == _TYPE and isinstance(o, URIRef):
                node["@type"][("", self._iri(o))] = self._iri(o)
            else:
                value = self._value(o)
                node[self._iri(p)][_order(value)] = value
        return [{"@id": subject, **{key: [node[key][v] for v in sorted(node[key])] for key in sorted(node)}}
                for subject, node in sorted(nodes.items())]

    def _value(self, term: URIRef | BNode | Literal) -> Value:
        if not isinstance(term, Literal):
            return {"@id": self._reference(term)}
        if term.language:
            return {"@value": str(term), "@language": term.language}
        if term.datatype:
            return {"@value": str(term), "@type": self._iri(term.datatype)}
        return str(term)  # a plain JSON string is an xsd:string literal

    def _reference(self, term: URIRef | BNode) -> str:
        return f"_:{term}" if isinstance(term, BNode) else self._iri(term)

    def _iri(self, iri: URIRef) -> str:
        key = str(iri)  # a plain str hashes faster than a URIRef
        compact = self._compacted.get(key)
        if compact is None:
            compact = self._compacted[key] = compact_iri(key, self._context)
        return compact
