"""Turtle: all documents merged into one graph, written by a small deterministic writer.

Each document's own nodes (the release, its statements, paragraphs,
citations) are written from its fragment; the nodes several documents share
(States, people, resolutions) come last, once each, with the triples of all
documents merged (see :mod:`councilgraph.exports.shared`).

rdflib's serializer spends most of a large build looking up prefixed names
(measured: 75% of building the 301 resolution texts). This writer groups
triples by subject, sorts subjects, predicates and objects, abbreviates IRIs
with the project's prefixes where the local part is a plain name, and writes
integers and booleans bare. The output parses back to the same graph (tests
check it against the N-Quads).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from rdflib import RDF, RDFS, XSD, Literal, URIRef

from councilgraph.exports.base import DEFAULT_OPTIONS, DocumentGraph, ExportOptions
from councilgraph.exports.shared import MergedExporter, pack, split_triples
from councilgraph.graph.namespace import ID, PREFIXES, SH
from councilgraph.graph.terms import TermTriple, escape, iri_of

__all__ = ["PREFIX_LINES", "TurtleExporter", "subject_blocks", "term_blocks", "turtle_form", "turtle_term"]

_PREFIXES = (*((name, str(ns)) for name, ns in PREFIXES if name != "id"),
             ("rdf", str(RDF)), ("rdfs", str(RDFS)), ("xsd", str(XSD)), ("sh", str(SH)))
#: The ``@prefix`` lines that :func:`turtle_term` relies on, sorted; TriG starts with the same.
PREFIX_LINES = tuple(f"@prefix {name}: <{namespace}> ." for name, namespace in sorted(_PREFIXES))
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def _integer(lexical: str) -> bool:
    """Whether ``lexical`` reads ``[+-]?\\d+`` (str.isdecimal is \\d's class, Unicode Nd, without a regex call)."""
    return (lexical[1:] if lexical[:1] in ("+", "-") else lexical).isdecimal()


#: Datatypes whose literals Turtle writes bare, when their lexical form is the Turtle form.
_BARE: dict[str, Callable[[str], bool]] = {str(XSD.integer): _integer,
                                           str(XSD.boolean): frozenset({"true", "false"}).__contains__}


_NAMESPACES = {namespace: name for name, namespace in reversed(_PREFIXES)}  # the first prefix wins
_COMPACTED: dict[str, str] = {}


def _compact(iri: str) -> str:
    """The prefixed name of an IRI whose local part is a plain name, else the IRI in angle brackets."""
    known = _COMPACTED.get(iri)
    if known is None:
        # A plain local name holds no "/" or "#": the namespace ends at the last of them.
        cut = max(iri.rfind("#"), iri.rfind("/")) + 1
        name = _NAMESPACES.get(iri[:cut])
        known = f"{name}:{iri[cut:]}" if name is not None and _LOCAL.fullmatch(iri, cut) else f"<{iri}>"
        if len(_COMPACTED) < 65536:  # a build repeats few distinct IRIs many times
            _COMPACTED[iri] = known
    return known


def turtle_term(term: URIRef | Literal) -> str:
    """An rdflib term in Turtle syntax."""
    if type(term) is URIRef:
        return _compact(term)
    if isinstance(term, Literal):
        return _literal(str(term), str(term.datatype) if term.datatype else None, term.language)
    return _compact(str(term))


_TURTLE: dict[str, str] = {}  # IRI terms (the same few hundred in every document) in Turtle
# The instances' IRIs (a document's own nodes, new in every document) have no prefix in Turtle: no prefix's
# namespace lies under their base (tests/exports/test_rdf_formats.py checks it), so they are written as in
# N-Triples, without a lookup.
_AS_IN_NTRIPLES = f"<{ID}"


def turtle_form(term: str) -> str:
    """A term in N-Triples syntax (:mod:`councilgraph.graph.terms`) in Turtle syntax, as :func:`turtle_term`
    writes the rdflib term. A literal's quoted text is the same in both: only a datatype changes."""
    if term[-1] == '"' or term.startswith(_AS_IN_NTRIPLES):  # a plain literal, an instance: the same in both
        return term
    known = _TURTLE.get(term)
    if known is not None:
        return known
    if term[0] == '"':
        end = term.rindex('"')
        if term[end + 1] == "@":
            return term
        datatype = term[end + 4:-1]
        bare = _BARE.get(datatype)
        if bare is not None and bare(term[1:end]):
            return term[1:end]
        return f"{term[:end + 1]}^^{_compact(datatype)}"
    known = _compact(iri_of(term))
    if len(_TURTLE) < 65536:
        _TURTLE[term] = known
    return known


def _literal(lexical: str, datatype: str | None, language: str | None) -> str:
    if datatype in _BARE and _BARE[datatype](lexical):
        return lexical
    quoted = f'"{escape(lexical)}"'
    if language:
        return f"{quoted}@{language}"
    return f"{quoted}^^{_compact(datatype)}" if datatype else quoted


def subject_blocks(triples: Iterable[tuple[Any, Any, Any]], indent: str = "",
                   term: Callable[[Any], str] = turtle_term) -> list[str]:
    """One Turtle statement per subject, sorted, each line starting with ``indent``.

    Shared by Turtle and TriG (where each graph's statements are indented), so
    that both write a node the same way: ``a`` first, then predicates, objects
    and subjects in sorted order, repeated objects once.
    """
    by_subject: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples:
        by_subject[term(s)][term(p)].append(term(o))
    return _blocks({s: {p: _objects(objects) for p, objects in predicates.items()}
                    for s, predicates in by_subject.items()}, indent)


def term_blocks(triples: Iterable[TermTriple], indent: str = "") -> list[str]:
    """:func:`subject_blocks` of terms in N-Triples syntax. No two such terms read the same in Turtle, so the
    triples are grouped as they are and each subject and predicate is written once, not once per triple."""
    grouped: dict[str, dict[str, list[str]]] = {}
    for s, p, o in triples:
        predicates = grouped.get(s)
        if predicates is None:
            predicates = grouped[s] = {}
        objects = predicates.get(p)
        if objects is None:
            predicates[p] = [o]
        else:
            objects.append(o)
    forms: dict[str, str] = {}  # the predicates, written once per document
    by_subject: dict[str, dict[str, str]] = {}
    for s, predicates in grouped.items():
        written = by_subject[turtle_form(s)] = {}
        for p, objects in predicates.items():
            form = forms.get(p)
            if form is None:
                form = forms[p] = turtle_form(p)
            # A plain literal (most objects: labels, quotes, texts) is the same in Turtle: no call for it.
            if len(objects) == 1:
                written[form] = objects[0] if objects[0][-1] == '"' else turtle_form(objects[0])
            else:
                written[form] = _objects([o if o[-1] == '"' else turtle_form(o) for o in objects])
    return _blocks(by_subject, indent)


def _blocks(by_subject: Mapping[str, Mapping[str, str]], indent: str) -> list[str]:
    """The statements of subjects whose predicates' objects are written already."""
    blocks = []
    separator = f" ;\n{indent}    "
    for subject in sorted(by_subject):
        predicates = by_subject[subject]
        order = sorted(predicates)
        if "rdf:type" in predicates:  # "a" first
            order.remove("rdf:type")
            order.insert(0, "rdf:type")
        body = separator.join(f"{'a' if p == 'rdf:type' else p} {predicates[p]}" for p in order)
        blocks.append(f"{indent}{subject} {body} .")
    return blocks


def _objects(objects: list[str]) -> str:
    """A predicate's objects, sorted, each once (most predicates have one)."""
    return objects[0] if len(objects) == 1 else ", ".join(sorted(set(objects)))


class TurtleExporter(MergedExporter):
    """All documents merged into one graph: each document's own nodes, then the shared nodes once each."""

    file_name = "graph.ttl"

    def head(self) -> bytes:
        return "\n".join(PREFIX_LINES).encode("utf-8") + b"\n"

    @staticmethod
    def fragment(document: DocumentGraph, options: ExportOptions = DEFAULT_OPTIONS) -> bytes:
        own, shared = split_triples(document)
        return pack("".join(f"\n{block}\n" for block in term_blocks(own)), _shared_lines(shared))

    def tail(self) -> Iterator[bytes]:
        for _, payloads in self.shared.by_node():
            # The terms are written already: the subject, the predicate, then the object (which may hold a tab).
            triples = ((s, p, o) for s, p, o in (payload.split("\t", 2) for payload in payloads))
            for block in subject_blocks(triples, term=str):
                yield f"\n{block}\n".encode()


def _shared_lines(triples: list[TermTriple]) -> Iterator[str]:
    """"IRI<TAB>subject<TAB>predicate<TAB>object" for the shared nodes' triples; a node's triples mostly come
    one after the other, so its IRI and subject are written once for them."""
    subject = lead = ""
    for s, p, o in triples:
        if s != subject:
            subject, lead = s, f"{iri_of(s)}\t{turtle_form(s)}\t"
        written = o if o[-1] == '"' else turtle_form(o)  # a plain literal is the same in Turtle
        yield f"{lead}{turtle_form(p)}\t{written}\n"
