"""Query answers written as a terminal table or in the W3C SPARQL results formats (CSV, TSV, JSON).

Graph answers (CONSTRUCT, DESCRIBE) are written as Turtle or N-Triples.
"""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox

from councilgraph.store import Answer, Term, query_prefixes

__all__ = ["ANSWER_FORMATS", "format_answer", "plain_value"]

ANSWER_FORMATS = ("table", "csv", "tsv", "json", "turtle", "ntriples")
_GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES}
_CELL = 60  # widest table cell; longer values are cut with an ellipsis (use csv for everything)


def format_answer(answer: Answer, fmt: str) -> str:
    """The answer as text in ``fmt``; ValueError when the format does not fit the kind of answer."""
    if answer.triples is not None:
        return _graph(answer.triples, fmt)
    if fmt in _GRAPH_FORMATS:
        raise ValueError(f"--format {fmt} is for CONSTRUCT and DESCRIBE queries; use table, csv, tsv or json")
    if answer.boolean is not None:
        return _boolean(answer.boolean, fmt)
    return {"table": _table, "csv": _csv, "tsv": _tsv, "json": _json}[fmt](answer)


def plain_value(term: Term | None) -> str:
    """A term as a spreadsheet wants it: IRIs and literals as their plain text, unbound as empty."""
    if term is None:
        return ""
    return term.value if isinstance(term, ox.NamedNode | ox.Literal) else str(term)


def _compact(term: Term | None, prefixes: dict[str, str]) -> str:
    if isinstance(term, ox.NamedNode):
        for name, namespace in prefixes.items():
            local = term.value[len(namespace):]
            if term.value.startswith(namespace) and local and "/" not in local:
                return f"{name}:{local}"
        return term.value
    return plain_value(term)


def _table(answer: Answer) -> str:
    prefixes = dict(sorted(query_prefixes().items(), key=lambda item: -len(item[1])))  # longest namespace wins
    rows = [[_cut(" ".join(_compact(term, prefixes).split())) for term in row] for row in answer.rows]
    widths = [max([len(name), *(len(row[i]) for row in rows)]) for i, name in enumerate(answer.variables)]
    lines = ["  ".join(name.ljust(w) for name, w in zip(answer.variables, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return "\n".join(lines) + "\n"


def _cut(text: str) -> str:
    return text if len(text) <= _CELL else text[:_CELL - 1] + "…"


def _csv(answer: Answer) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # the SPARQL CSV format uses CRLF
    writer.writerow(answer.variables)
    writer.writerows([plain_value(term) for term in row] for row in answer.rows)
    return out.getvalue()


def _tsv(answer: Answer) -> str:
    lines = ["\t".join(f"?{name}" for name in answer.variables)]
    lines += ["\t".join("" if term is None else str(term) for term in row) for row in answer.rows]
    return "\n".join(lines) + "\n"


def _json(answer: Answer) -> str:
    bindings = [{name: _json_term(term) for name, term in zip(answer.variables, row, strict=True) if term is not None}
                for row in answer.rows]
    document = {"head": {"vars": list(answer.variables)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        value = {"type": "literal", "value": term.value}
        if term.language:
            value["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            value["datatype"] = term.datatype.value
        return value
    return {"type": "triple", "value": str(term)}


def _boolean(value: bool, fmt: str) -> str:
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}) + "\n"
    return ("true" if value else "false") + "\n"


def _graph(triples: tuple[ox.Triple, ...], fmt: str) -> str:
    if fmt not in _GRAPH_FORMATS:
        raise ValueError(f"a CONSTRUCT or DESCRIBE query gives triples; use --format turtle or ntriples, not {fmt}")
    ordered = sorted(triples, key=str)  # the store's order is its index order: sort for stable output
    prefixes = query_prefixes() if fmt == "turtle" else None
    data = ox.serialize(ordered, format=_GRAPH_FORMATS[fmt], prefixes=prefixes)
    return data.decode("utf-8") if data is not None else ""
