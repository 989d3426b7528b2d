"""The mapping's light terms (N-Triples syntax as strings) say exactly what rdflib's terms would."""

from __future__ import annotations

import re

import pytest
from rdflib import RDF, XSD, BNode, Literal, URIRef

from councilgraph.exports.turtle import turtle_form, turtle_term
from councilgraph.graph.emit import Triples
from councilgraph.graph.namespace import CG, ID
from councilgraph.graph.terms import Lit, escape, lexical, literal, nquad_term, rdflib_term, typed_literal

VALUES = ['say "no"\nthen\\stop\r\tnow', "Résolution « paix » — 和平 😀", "", "007", 0, -12, 2017, True, False]
TERMS = [
    *(Literal(value) for value in VALUES),
    Literal("Peace", lang="en-GB"),
    Literal("typed string", datatype=XSD.string),
    Literal("007", datatype=XSD.integer, normalize=False),
    Literal("+5", datatype=XSD.integer, normalize=False),
    Literal("1.50", datatype=XSD.decimal, normalize=False),
    Literal("10:08:00", datatype=XSD.time),
    Literal("007", datatype=URIRef("https://example.org/datatypes#padded")),
    ID["state/Côte_d'Ivoire"], CG.Statement, URIRef("https://undocs.org/S/RES/2388(2017)"), BNode("b1"),
]


@pytest.mark.parametrize("value", VALUES)
def test_a_literal_is_written_as_rdflib_writes_it(value: str | int | bool) -> None:
    assert literal(value) == nquad_term(Literal(value))
    assert type(literal(value)) is Lit


@pytest.mark.parametrize(("lexical_form", "datatype"), [("2017-11-08", XSD.date), ("10:08:00", XSD.time)])
def test_a_typed_literal_is_written_as_rdflib_writes_it(lexical_form: str, datatype: URIRef) -> None:
    assert typed_literal(lexical_form, datatype) == nquad_term(Literal(lexical_form, datatype=datatype))


@pytest.mark.parametrize("term", TERMS, ids=repr)
def test_terms_round_trip_and_read_the_same(term: URIRef | BNode | Literal) -> None:
    written = nquad_term(term)
    back = rdflib_term(written)
    assert back == term and str(back) == str(term) and type(back) is type(term)
    assert lexical(written) == str(term)
    if not isinstance(term, BNode):
        assert turtle_form(written) == turtle_term(term)


def test_the_collector_refuses_an_rdflib_literal() -> None:
    # Written as an IRI it would be wrong without any error: the collector takes Lit for literals.
    with pytest.raises(TypeError, match="not an IRI or a Lit"):
        Triples().add(ID["doc/X"], CG.symbol, Literal("X"))  # type: ignore[arg-type]


def test_the_collector_adds_entailed_types_once_in_order() -> None:
    out = Triples()
    out.typed(ID["doc/X"], CG.Statement)
    out.typed(ID["doc/X"], CG.Statement)
    out.add(ID["doc/X"], CG.order, literal(3))
    triples = list(out)
    assert triples[0] == (f"<{ID['doc/X']}>", f"<{RDF.type}>", f"<{CG.Statement}>")
    assert len(triples) == len(set(triples))
    assert (f"<{ID['doc/X']}>", f"<{CG.order}>", nquad_term(Literal(3))) in triples


@pytest.mark.parametrize("lexical_form", ["5", "+5", "-0", "007", "٣", "+", "", "5\n", "1.5", " 5", "true", "True",
                                          "false", "1"])
def test_bare_integers_and_booleans_are_those_turtle_reads_back(lexical_form: str) -> None:
    for datatype, pattern in ((XSD.integer, r"[+-]?\d+"), (XSD.boolean, r"true|false")):
        term = f'"{escape(lexical_form)}"^^<{datatype}>'  # by hand: rdflib warns of weird booleans
        bare = re.fullmatch(pattern, lexical_form) is not None
        assert (turtle_form(term) == lexical_form) is bare
