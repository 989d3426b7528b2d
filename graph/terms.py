"""The light form of the terms the mapping writes: each term already in N-Triples syntax, as a plain string.

rdflib's terms cost more than the rest of the mapping together: a ``Literal``
is built through several Python calls, and rdflib's ``==`` (Python code) runs
whenever two equal terms are different objects, in the collector's
deduplication and in every exporter. The mapping therefore writes strings:
an IRI as ``<iri>``, a literal as ``"text"``, ``"5"^^<datatype>`` or
``"text"@lang``, exactly as :func:`councilgraph.exports.nquads.nquad_term`
writes the rdflib term. Strings hash and compare in C, an N-Triples line is
three of them joined, and every exporter reads the same form. rdflib terms
are made back from it only for readers that want them
(:func:`rdflib_term`: tests, the validation report's offsets).
"""

from __future__ import annotations

import re

from rdflib import XSD, BNode, Literal, URIRef

__all__ = ["ESCAPES", "Lit", "TermTriple", "escape", "iri_of", "lexical", "literal", "literal_suffix", "nquad_term",
           "rdflib_term", "typed_literal"]

#: A triple of terms in N-Triples syntax: subject, predicate, object.
TermTriple = tuple[str, str, str]

ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_INTEGER = f"^^<{XSD.integer}>"
_UNESCAPES = {"\\": "\\", '"': '"', "n": "\n", "r": "\r"}  # the inverse of nquads.ESCAPES
_ESCAPED = re.compile(r"\\(.)")


def escape(lexical: str) -> str:
    """A literal's text with the N-Triples/Turtle escapes; most texts need none, and copying is the cost."""
    if '"' in lexical or "\\" in lexical or "\n" in lexical or "\r" in lexical:
        return lexical.translate(ESCAPES)
    return lexical


def nquad_term(term: URIRef | Literal | BNode) -> str:
    """An rdflib term in N-Triples/N-Quads syntax (UTF-8, only the mandatory escapes)."""
    if type(term) is URIRef:  # most terms; an exact type test is much cheaper than isinstance on rdflib terms
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        quoted = f'"{escape(str(term))}"'
        if term.language:
            return f"{quoted}@{term.language}"
        if term.datatype:
            return f"{quoted}^^<{term.datatype}>"
        return quoted
    return f"<{term}>"


class Lit(str):
    """A literal in N-Triples syntax; its own type so that the collector tells it from an IRI at once."""

    __slots__ = ()


_TRUE, _FALSE = Lit(nquad_term(Literal(True))), Lit(nquad_term(Literal(False)))


def literal(value: str | int | bool) -> Lit:
    """The literal rdflib's ``Literal(value)`` is, in N-Triples syntax: a string plain, an int an
    xsd:integer, a bool an xsd:boolean; any other value is left to rdflib (rare: none in the mapping)."""
    kind = type(value)
    if kind is str:
        return Lit(f'"{escape(value)}"')  # type: ignore[arg-type]
    if kind is bool:
        return _TRUE if value else _FALSE
    if kind is int:
        return Lit(f'"{value}"{_INTEGER}')
    return Lit(nquad_term(Literal(value)))


def typed_literal(lexical_form: str, datatype_iri: URIRef) -> Lit:
    """``Literal(lexical_form, datatype=datatype_iri)`` in N-Triples syntax, made by rdflib: it normalises
    the lexical form of the datatypes it knows (dates, times), and a few per document cost nothing."""
    return Lit(nquad_term(Literal(lexical_form, datatype=datatype_iri)))


def iri_of(term: str) -> str:
    """The IRI of an ``<iri>`` term (the label of a blank node ``_:b``)."""
    return term[1:-1] if term[0] == "<" else term[2:]


def lexical(term: str) -> str:
    """A literal's text (an IRI term's IRI): what ``str()`` of the rdflib term gives."""
    if term[0] != '"':
        return iri_of(term)
    body = term[1:term.rindex('"')]
    return _ESCAPED.sub(lambda m: _UNESCAPES[m.group(1)], body) if "\\" in body else body


def literal_suffix(term: str) -> tuple[str | None, str | None]:
    """A literal's datatype IRI and language tag (either or both None)."""
    suffix = term[term.rindex('"') + 1:]
    if suffix.startswith("^^<"):
        return suffix[3:-1], None
    return None, suffix[1:] or None


def rdflib_term(term: str) -> URIRef | BNode | Literal:
    """The rdflib term of a term in N-Triples syntax, lexical form kept as written."""
    if term[0] == "<":
        return URIRef(term[1:-1])
    if term[0] == "_":
        return BNode(term[2:])
    dt, language = literal_suffix(term)
    if dt is not None:
        return Literal(lexical(term), datatype=URIRef(dt), normalize=False)
    return Literal(lexical(term), lang=language)
