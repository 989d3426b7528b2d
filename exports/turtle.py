"""Turtle: all documents merged into one graph, written by a small deterministic writer.

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
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Literal, URIRef

from councilgraph.exports.base import DocumentGraph, StagedFiles, write_output
from councilgraph.exports.nquads import ESCAPES
from councilgraph.graph.mapping import Triple
from councilgraph.graph.namespace import PREFIXES, SH

__all__ = ["PREFIX_LINES", "TurtleExporter", "subject_blocks", "turtle_term"]

_PREFIXES = (*((name, str(ns)) for name, ns in PREFIXES if name != "id"),
             ("rdf", str(RDF)), ("rdfs", str(RDFS)), ("xsd", str(XSD)), ("sh", str(SH)))
#: The ``@prefix`` lines that :func:`turtle_term` relies on, sorted; TriG starts with the same.
PREFIX_LINES = tuple(f"@prefix {name}: <{namespace}> ." for name, namespace in sorted(_PREFIXES))
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_BARE = {str(XSD.integer): re.compile(r"[+-]?\d+"), str(XSD.boolean): re.compile(r"true|false")}


@lru_cache(maxsize=65536)  # a build repeats few distinct IRIs many times
def _compact(iri: str) -> str:
    for name, namespace in _PREFIXES:
        if iri.startswith(namespace) and _LOCAL.fullmatch(iri[len(namespace):]):
            return f"{name}:{iri[len(namespace):]}"
    return f"<{iri}>"


def turtle_term(term: URIRef | Literal) -> str:
    """A term in Turtle syntax."""
    if isinstance(term, Literal):
        lexical = str(term)
        datatype = str(term.datatype) if term.datatype else None
        if datatype in _BARE and _BARE[datatype].fullmatch(lexical):
            return lexical
        quoted = f'"{lexical.translate(ESCAPES)}"'
        if term.language:
            return f"{quoted}@{term.language}"
        return f"{quoted}^^{_compact(datatype)}" if datatype else quoted
    return _compact(str(term))


def subject_blocks(triples: Iterable[Triple], indent: str = "") -> list[str]:
    """One Turtle statement per subject, sorted, each line starting with ``indent``.

    Shared by Turtle and TriG (where each graph's statements are indented), so
    that both write a node the same way: ``a`` first, then predicates, objects
    and subjects in sorted order, repeated objects once.
    """
    by_subject: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples:
        by_subject[turtle_term(s)][turtle_term(p)].append(turtle_term(o))
    blocks = []
    for subject in sorted(by_subject):
        predicates = by_subject[subject]
        order = sorted(predicates, key=lambda p: (p != "rdf:type", p))
        body = f" ;\n{indent}    ".join(
            f"{'a' if p == 'rdf:type' else p} {', '.join(sorted(set(predicates[p])))}" for p in order)
        blocks.append(f"{indent}{subject} {body} .")
    return blocks


class TurtleExporter:
    """Merges every document into one graph; shared nodes (States, people) appear once."""

    def __init__(self, path: Path, files: StagedFiles | None = None) -> None:
        self.path = path
        self._files = files
        self._triples: set[tuple[URIRef, URIRef, URIRef | Literal]] = set()

    def write(self, document: DocumentGraph) -> None:
        self._triples.update(document.triples)

    def finalize(self) -> None:
        lines = [*PREFIX_LINES, *(f"\n{block}" for block in subject_blocks(self._triples))]
        write_output(self.path, ("\n".join(lines) + "\n").encode("utf-8"), self._files)
