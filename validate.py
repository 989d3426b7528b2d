"""Validation: SHACL shapes over a document's graph, and a report people can act on.

The shapes (``shapes/``) are compiled once by the ``shacl`` engine, a Rust
implementation that validates a seed-size document in milliseconds (pyshacl
takes about 1.7 s, most of it parsing each SPARQL constraint again for every
focus node; the tests check that both give the same results). Results come back
as small records; ``report_triples`` turns them into a SHACL validation report
with stable IRIs, and ``report_markdown`` into a summary with the source text
around each finding.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox
import shacl
from rdflib import RDF, RDFS, Literal, URIRef

from councilgraph.exports.base import DocumentGraph
from councilgraph.graph.emit import Triple
from councilgraph.graph.namespace import CG, SH
from councilgraph.shapes import shapes_text

__all__ = ["Result", "Report", "summary", "compile_shapes", "validate_graph", "validate_ntriples", "validated_ntriples",
           "report_triples",
           "report_markdown", "report_header", "report_section", "severity_summary", "SEVERITIES"]

#: Severities in the order a reader cares about them.
SEVERITIES = ("Violation", "Warning", "Info")


@dataclass(frozen=True, slots=True)
class Result:
    """One validation result: what is wrong, where, how badly."""

    severity: str  # "Violation", "Warning" or "Info"
    focus: str  # IRI of the node
    path: str | None
    message: str
    value: str | None
    shape: str | None
    component: str


@dataclass(frozen=True, slots=True)
class Report:
    """The results for one document (or one file given to ``councilgraph validate``)."""

    name: str
    results: tuple[Result, ...]

    @property
    def conforms(self) -> bool:
        """No violations (warnings and infos are allowed)."""
        return not any(r.severity == "Violation" for r in self.results)

    def counts(self) -> Counter[str]:
        """Number of results per severity."""
        return Counter(r.severity for r in self.results)


_PLAIN_IRI = re.compile(r"https?://[^\s<>^]+")
_IRI_TERM = re.compile(r"<https?://[^\s<>]+>")


@cache
def _shapes() -> shacl.Shapes:
    return compile_shapes(shapes_text())


def compile_shapes(turtle: str) -> shacl.Shapes:
    """Compile shapes for the ``shacl`` engine, refusing a severity SHACL would not read.

    SHACL reads ``sh:severity`` on shapes only. The engine also honours it on a SPARQL
    constraint node, where pyshacl and the SHACL specification ignore it: such shapes would
    give different results in other validators, so they are an error here.
    """
    # Read with pyoxigraph's parser (5 instead of 16 ms with rdflib: every build process compiles the shapes).
    triples = list(ox.parse(input=turtle, format=ox.RdfFormat.TURTLE))
    severity, sparql = str(SH.severity), str(SH.sparql)  # once: each attribute of a namespace makes a new IRI
    severe = {t.subject for t in triples if t.predicate.value == severity}
    misplaced = sorted({t.subject.value for t in triples if t.predicate.value == sparql and t.object in severe})
    if misplaced:
        raise ValueError(f"sh:severity on a SPARQL constraint of {', '.join(misplaced)}: SHACL reads a severity "
                         "only on a shape; give the constraint a shape of its own with that severity")
    return shacl.Shapes.from_turtle(turtle)


def _iri(term: str | None) -> str | None:
    return term[1:-1] if term and term.startswith("<") and term.endswith(">") else term


def validate_ntriples(name: str, ntriples: str) -> Report:
    """Validate N-Triples (or N-Quads) text against the shapes."""
    report = _shapes().validate_text(ntriples, format="nquads")
    results = tuple(sorted(
        (Result(severity=str(r.severity).rsplit("#", 1)[-1], focus=_focus(r),
                path=_iri(str(r.path)) if r.path else None, message=str(r.message or r.component),
                value=str(r.value) if r.value is not None else None,
                shape=_iri(str(r.source_shape)) if r.source_shape else None, component=str(r.component))
         for r in report.results),
        key=lambda r: (SEVERITIES.index(r.severity), r.focus, r.path or "", r.message, r.value or ""),
    ))
    return Report(name, results)


def _focus(result: shacl.Result) -> str:
    """The node a result is about. The number/year rule runs once over all resolutions with the class
    as focus (for speed) and names the resolution as value: report it on the resolution."""
    focus = _iri(str(result.focus_node)) or ""
    if focus == str(CG.Resolution) and result.value is not None and _IRI_TERM.fullmatch(str(result.value)):
        return str(result.value)[1:-1]
    return focus


def validate_graph(document: DocumentGraph) -> Report:
    """Validate one document's triples."""
    return validate_ntriples(str(document.name), validated_ntriples(document))


def validated_ntriples(document: DocumentGraph) -> str:
    """The part of a document's N-Triples that validation reads: the lines whose predicate the shapes name.

    No result can depend on the other lines. Parsing the text is most of a validation's cost, and half of a
    release's text (quotes, statements' text, provenance, cito: and schema: links) is about predicates no
    shape reads.
    """
    named = _named_iris()
    if len(document.lines) == len(document.terms):  # the predicate is at hand: no split
        return "".join([line for line, (_, predicate, _) in zip(document.lines, document.terms, strict=True)
                        if predicate in named])
    # Lines given without their terms (a document's lines are made from its terms when it has any).
    return "".join([line for line in document.lines if line.split(" ", 2)[1] in named])


_QUERY_IRI = re.compile(r"<([^<>\s]+)>")
_PREFIX_DECLARATION = re.compile(r"PREFIX\s+([\w.-]*):\s*<([^<>\s]*)>", re.IGNORECASE)
_PREFIXED_NAME = re.compile(r"(?<![\w.:-])([A-Za-z][\w.-]*)?:([A-Za-z_][\w-]*)")  # read with the IRIs taken out


@cache
def _named_iris() -> frozenset[str]:
    """Every IRI the shapes name, in N-Triples syntax: in their triples, and in their SPARQL queries.

    A superset of the predicates validation reads, given shapes without sh:closed whose queries name
    each predicate they match (tests/test_validate.py checks both), plus the two SHACL reads unnamed:
    rdf:type and rdfs:subClassOf (sh:class, sh:targetClass).
    """
    triples = list(ox.parse(input=shapes_text(), format=ox.RdfFormat.TURTLE))
    iris = {str(RDF.type), str(RDFS.subClassOf)}
    iris.update(term.value for t in triples for term in (t.subject, t.predicate, t.object)
                if isinstance(term, ox.NamedNode))
    # The properties compared with every triple, made once: each attribute of a namespace makes a new IRI.
    sh_prefix, sh_namespace, sh_queries = str(SH.prefix), str(SH.namespace), (str(SH.select), str(SH.ask))
    prefixes = {t.subject: t.object.value for t in triples if t.predicate.value == sh_prefix}
    namespaces = {prefixes[t.subject]: t.object.value for t in triples
                  if t.predicate.value == sh_namespace and t.subject in prefixes}
    for query in (t.object.value for t in triples if t.predicate.value in sh_queries):
        declared = namespaces | {prefix: namespace for prefix, namespace in _PREFIX_DECLARATION.findall(query)}
        iris.update(_QUERY_IRI.findall(query))
        iris.update(declared[prefix] + local for prefix, local in _PREFIXED_NAME.findall(_QUERY_IRI.sub(" ", query))
                    if prefix in declared)
    return frozenset(f"<{iri}>" for iri in iris)


def report_triples(reports: Iterable[Report]) -> list[Triple]:
    """A SHACL validation report per document, with IRIs instead of blank nodes for stable output."""
    triples: list[Triple] = []
    for report in reports:
        node = URIRef(f"{report.name}/validation")
        triples += [(node, RDF.type, SH.ValidationReport), (node, SH.conforms, Literal(report.conforms))]
        for number, result in enumerate(report.results, start=1):
            item = URIRef(f"{node}/result/{number}")
            triples += [
                (node, SH.result, item), (item, RDF.type, SH.ValidationResult),
                (item, SH.focusNode, URIRef(result.focus)), (item, SH.resultSeverity, SH[result.severity]),
                (item, SH.resultMessage, Literal(result.message)),
                (item, SH.sourceConstraintComponent, SH[result.component.rsplit("#", 1)[-1]]),
            ]
            if result.path and _PLAIN_IRI.fullmatch(result.path):  # complex paths (^p, p/q) are left out
                triples.append((item, SH.resultPath, URIRef(result.path)))
            if result.value and result.value != f"<{result.focus}>":
                value = result.value
                triples.append((item, SH.value, URIRef(value[1:-1]) if _IRI_TERM.fullmatch(value) else Literal(value)))
            if result.shape and not result.shape.startswith("_:"):
                triples.append((item, SH.sourceShape, URIRef(result.shape)))
    return triples


def report_markdown(reports: Iterable[Report], sources: dict[str, tuple[str, dict[object, list[tuple[int, int]]]]],
                    ) -> str:
    """A readable summary: per document the counts by severity, then each result with the source text.

    ``sources`` maps a document name to its text and to :func:`node_offsets`.
    """
    reports = list(reports)
    sections = [report_section(r, *sources.get(r.name, ("", {}))) for r in reports]
    return report_header([r.counts() for r in reports]) + "".join(sections)


def report_header(counts: Iterable[Counter[str]]) -> str:
    """The report's title and totals, from each document's counts by severity."""
    total: Counter[str] = Counter()
    documents = clean = 0
    for document in counts:
        total.update(document)
        documents += 1
        clean += not sum(document.values())
    return (f"# Validation report\n\n{documents} document(s): {severity_summary(total)}; "
            f"{clean} document(s) without any result.\n\n")


def report_section(report: Report, text: str, offsets: dict[object, list[tuple[int, int]]]) -> str:
    """One document's part of the readable report (empty when it has no result)."""
    if not report.results:
        return ""
    verdict = "conforms" if report.conforms else "does not conform"
    lines = [f"## {report.name}", "", f"{verdict}: {severity_summary(report.counts())}", ""]
    used: Counter[object] = Counter()
    for result in report.results:
        path = f" `{_short(result.path)}`" if result.path else ""
        value = f" (value: {result.value})" if result.value and result.value != f"<{result.focus}>" else ""
        lines.append(f"- **{result.severity}** <{result.focus}>{path}: {result.message}{value}")
        # A finding's own words when the result comes from one, else the node's span.
        key = (result.focus, result.message) if (result.focus, result.message) in offsets else result.focus
        spans = offsets.get(key, [])
        if spans and text:
            start, end = spans[min(used[key], len(spans) - 1)]
            used[key] += 1
            around = " ".join(text[max(0, start - 40):min(end + 40, start + 240)].split())
            lines.append(f"  > ...{around}...")
    return "\n".join(lines) + "\n\n"


def severity_summary(counts: Mapping[str, int]) -> str:
    """"0 violations, 4 warnings, 0 infos" from the number of results per severity."""
    return ", ".join(f"{counts[s]} {s.lower()}{'s' if counts[s] != 1 else ''}" for s in SEVERITIES)


def summary(report: Report) -> str:
    """"0 violations, 4 warnings, 0 infos"."""
    return severity_summary(report.counts())


def _short(iri: str) -> str:
    for prefix, namespace in (("cg:", str(CG)), ("rdfs:", "http://www.w3.org/2000/01/rdf-schema#")):
        if iri.startswith(namespace):
            return prefix + iri[len(namespace):]
    return iri


def node_offsets(document: DocumentGraph) -> dict[object, list[tuple[int, int]]]:
    """Where each node of a document is in its source: by node IRI, and by (node, message) for the
    findings about a node (several findings may be about one node: each keeps its own words)."""
    # One dict lookup per triple rather than four ==: rdflib's == is Python code.
    found: dict[object, dict[str, object]] = {CG.startOffset: {}, CG.endOffset: {}, CG.about: {}, RDFS.comment: {}}
    for s, p, o in document.triples:
        values = found.get(p)
        if values is not None:
            values[str(s)] = o
    starts = {node: int(str(value)) for node, value in found[CG.startOffset].items()}
    ends = {node: int(str(value)) for node, value in found[CG.endOffset].items()}
    about = {node: str(value) for node, value in found[CG.about].items()}
    comments = {node: str(value) for node, value in found[RDFS.comment].items()}
    offsets: dict[object, list[tuple[int, int]]] = {n: [(starts[n], ends[n])] for n in starts if n in ends}
    for finding in sorted(about, key=lambda f: starts.get(f, 0)):
        if finding in starts and finding in ends and finding in comments:
            offsets.setdefault((about[finding], comments[finding]), []).append((starts[finding], ends[finding]))
    return offsets
