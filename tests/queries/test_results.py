"""Query answers in the table and the W3C SPARQL results formats."""

from __future__ import annotations

import csv
import io
import json

import pytest
from pyoxigraph import Literal, NamedNode, QueryResultsFormat, parse_query_results

from councilgraph.queries.results import format_answer
from councilgraph.store import Answer, answer

LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
STATEMENT = NamedNode("https://w3id.org/councilgraph/ontology#Statement")
TEXT = Literal('He said "stop", then\nleft', language="en")
ANSWER = Answer(variables=("class", "n", "text", "missing"),
                rows=((STATEMENT, Literal("71", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
                       TEXT, None),))


def test_table_compacts_iris_and_says_how_many_rows() -> None:
    table = format_answer(ANSWER, "table")
    lines = table.splitlines()
    assert lines[0].split() == ["class", "n", "text", "missing"]
    assert lines[2].split()[:2] == ["cg:Statement", "71"]
    assert "\n" not in lines[2] and lines[-1] == "(1 row)"


def test_csv_is_plain_values_with_crlf() -> None:
    text = format_answer(ANSWER, "csv")
    assert text.startswith("class,n,text,missing\r\n")
    assert list(csv.reader(io.StringIO(text))) == [
        ["class", "n", "text", "missing"], [STATEMENT.value, "71", TEXT.value, ""]]


@pytest.mark.parametrize("fmt", ["json", "tsv"])
def test_standard_formats_parse_back_to_the_same_terms(fmt: str) -> None:
    text = format_answer(ANSWER, fmt)
    parsed = answer(parse_query_results(text.encode("utf-8"), format=getattr(QueryResultsFormat, fmt.upper())))
    assert parsed.variables == ANSWER.variables
    assert parsed.rows == ANSWER.rows


def test_boolean_and_graph_answers() -> None:
    assert format_answer(Answer(boolean=True), "table") == "true\n"
    assert json.loads(format_answer(Answer(boolean=False), "json")) == {"head": {}, "boolean": False}
    from pyoxigraph import Triple

    triples = (Triple(STATEMENT, LABEL, Literal("statement", language="en")),)
    assert "cg:Statement rdfs:label \"statement\"@en" in format_answer(Answer(triples=triples), "turtle")
    with pytest.raises(ValueError, match="turtle or ntriples"):
        format_answer(Answer(triples=triples), "csv")
    with pytest.raises(ValueError, match="CONSTRUCT and DESCRIBE"):
        format_answer(ANSWER, "turtle")
