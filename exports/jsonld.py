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
from collections.abc import Iterable, Iterator, Mapping
from functools import cache, lru_cache
from pathlib import Path

from rdflib import RDF

from councilgraph.exports.base import DEFAULT_OPTIONS, DocumentGraph, ExportOptions, FragmentExporter
from councilgraph.graph.terms import TermTriple, lexical, literal_suffix
from councilgraph.ontology import data_path

__all__ = ["CONTEXT_IRI", "JSONLD_CONTEXT", "JSONLDExporter", "compact_iri", "load_context"]

#: Where the context is published, for JSON-LD documents that want to refer to it.
CONTEXT_IRI = "https://w3id.org/councilgraph/context.jsonld"
#: The shipped copy of that context: ``{"@context": {prefix: namespace, ...}}``.
JSONLD_CONTEXT: Path = data_path("context.jsonld")

Value = str | dict[str, str]
_RDF_TYPE = f"<{RDF.type}>"


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


class JSONLDExporter(FragmentExporter):
    """Writes ``graph.jsonld``: ``{"@context": ..., "@graph": [{"@id": document, "@graph": [nodes]}, ...]}``."""

    file_name = "graph.jsonld"
    separator = b",\n"

    def head(self) -> bytes:
        context = json.dumps(dict(sorted(_context().items())), ensure_ascii=False, indent=1)
        return f'{{\n "@context": {context.replace(chr(10), chr(10) + " ")},\n "@graph": [\n'.encode()

    @staticmethod
    def fragment(document: DocumentGraph, options: ExportOptions = DEFAULT_OPTIONS) -> bytes:
        graph = {"@id": _iri(document.name), "@graph": _nodes(document.terms)}
        text = json.dumps(graph, ensure_ascii=False, indent=1)
        return ("  " + text.replace("\n", "\n  ")).encode("utf-8")  # one level in, as an item of "@graph"

    def tail(self) -> Iterator[bytes]:
        yield b"\n ]\n}\n"


@cache
def _context() -> dict[str, str]:
    return load_context()


def _nodes(triples: Iterable[TermTriple]) -> list[dict]:
    """The node objects of one graph, sorted by ``@id``; ``rdf:type`` to IRIs becomes ``@type``."""
    nodes: dict[str, dict[str, dict[tuple[str, ...], Value]]] = defaultdict(lambda: defaultdict(dict))
    for s, p, o in triples:
        node = nodes[_reference(s)]
        if p == _RDF_TYPE and o[0] == "<":
            node["@type"][("", _reference(o))] = _reference(o)
        else:
            value = _value(o)
            node[_reference(p)][_order(value)] = value
    return [{"@id": subject, **{key: [node[key][v] for v in sorted(node[key])] for key in sorted(node)}}
            for subject, node in sorted(nodes.items())]


def _value(term: str) -> Value:
    if term[0] != '"':
        return {"@id": _reference(term)}
    datatype, language = literal_suffix(term)
    if language:
        return {"@value": lexical(term), "@language": language}
    if datatype:
        return {"@value": lexical(term), "@type": _iri(datatype)}
    return lexical(term)  # a plain JSON string is an xsd:string literal


@lru_cache(maxsize=65536)  # a document repeats few distinct IRIs many times
def _reference(term: str) -> str:
    """An IRI or blank node term, as JSON-LD names it."""
    return term if term[0] == "_" else _iri(term[1:-1])


@lru_cache(maxsize=65536)  # a document repeats few distinct IRIs many times
def _iri(iri: str) -> str:
    return compact_iri(str(iri), _context())
