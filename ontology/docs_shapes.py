"""The SHACL side of the ontology documentation: node shapes read into rows of constraints.

Every function takes a ``link`` callable that turns an RDF node into HTML (a
compact, linked name), so this module knows nothing about prefixes or anchors.
Rows are sorted by their text, never by blank-node identifiers, so two parses
of the same shapes give the same page.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from html import escape

from rdflib import RDF, BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node

__all__ = ["Constraint", "NodeShape", "read_shapes", "shape_html"]

Link = Callable[[Node], str]

#: Constraint parameters shown in the "other" column, with the words that introduce them.
_OTHER = (
    (SH.pattern, "pattern"), (SH["in"], "one of"), (SH.hasValue, "value"), (SH.nodeKind, "node kind"),
    (SH.minInclusive, "≥"), (SH.minExclusive, ">"), (SH.maxInclusive, "≤"), (SH.maxExclusive, "<"),
    (SH.minLength, "min length"), (SH.maxLength, "max length"), (SH.lessThan, "less than"),
    (SH.lessThanOrEquals, "at most"), (SH.equals, "equals"), (SH.disjoint, "disjoint with"), (SH.node, "shape"),
)
_TARGETS = ((SH.targetClass, "instances of"), (SH.targetNode, "node"),
            (SH.targetSubjectsOf, "subjects of"), (SH.targetObjectsOf, "objects of"))
_MAX_LISTED = 12  # an sh:in list longer than this shows its first items and its length


@dataclass(frozen=True, slots=True)
class Constraint:
    """One row of a shape's table, in HTML."""

    path: str
    min: str
    max: str
    value: str
    other: str
    severity: str
    message: str


@dataclass(frozen=True, slots=True)
class NodeShape:
    """A node shape, the classes it is documented under, and its rows."""

    name: str
    targets: str
    classes: tuple[URIRef, ...]
    constraints: tuple[Constraint, ...]
    paths: tuple[URIRef, ...]  # properties constrained by a property shape (direct or inverse path)


def read_shapes(shapes: Graph, link: Link, text: Callable[[str], str], classes: set[URIRef]) -> list[NodeShape]:
    """Every node shape of ``shapes``, sorted by name; ``classes`` are the ontology's classes.

    ``text`` escapes a message (and may link the names it mentions).
    """
    found = []
    for shape in set(shapes.subjects(RDF.type, SH.NodeShape)):
        targets = [(word, node) for pred, word in _TARGETS for node in shapes.objects(shape, pred)]
        bound = {node for word, node in targets if isinstance(node, URIRef) and node in classes
                 and word in ("instances of", "node")}
        rows = [replace(row, message=text(row.message))
                for row in (*_property_rows(shapes, shape, link), *_node_rows(shapes, shape, link))]
        paths = {p for ps in shapes.objects(shape, SH.property) for p in _plain_path(shapes, ps)}
        found.append(NodeShape(
            name=link(shape),
            targets="; ".join(f"{word} " + ", ".join(sorted(link(n) for w, n in targets if w == word))
                              for _, word in _TARGETS if any(w == word for w, _ in targets)),
            classes=tuple(sorted(bound)),
            constraints=tuple(sorted(rows, key=lambda r: (r.path == "", r.path, r.message, r.other))),
            paths=tuple(sorted(paths)),
        ))
    return sorted(found, key=lambda s: s.name)


def shape_html(shape: NodeShape) -> str:
    """A node shape as a heading line and a table of its constraints."""
    head = "<tr><th>Path</th><th>Min</th><th>Max</th><th>Datatype / class</th><th>Other</th>" \
           "<th>Severity</th><th>Message</th></tr>"
    rows = "".join(
        f"<tr><td>{c.path or '<em>the node</em>'}</td><td>{c.min}</td><td>{c.max}</td><td>{c.value}</td>"
        f"<td>{c.other}</td><td>{c.severity}</td><td>{c.message}</td></tr>"
        for c in shape.constraints)
    return (f'<div class="shape"><p>Shape {shape.name}, targets {shape.targets or "none"}</p>'
            f'<table class="shacl"><thead>{head}</thead><tbody>{rows}</tbody></table></div>')


def _property_rows(g: Graph, shape: Node, link: Link) -> Iterator[Constraint]:
    for prop in g.objects(shape, SH.property):
        path = next(iter(g.objects(prop, SH.path)), None)
        yield Constraint(
            path=_path(g, path, link) if path is not None else "",
            min=escape(str(_one(g, prop, SH.minCount) or 0)),
            max=escape(str(_one(g, prop, SH.maxCount) or "*")),
            value=_value(g, prop, link), other=_other(g, prop, link),
            severity=link(_one(g, prop, SH.severity) or SH.Violation),
            message=str(_one(g, prop, SH.message) or ""),
        )


def _node_rows(g: Graph, shape: Node, link: Link) -> Iterator[Constraint]:
    """Constraints on the focus node itself, and SPARQL constraints (their query in a fold-out).

    All carry the shape's severity: SHACL reads sh:severity on shapes, never on a SPARQL constraint."""
    severity = _one(g, shape, SH.severity) or SH.Violation
    value, other = _value(g, shape, link), _other(g, shape, link)
    if value or other:
        yield Constraint("", "", "", value, other, link(severity), str(_one(g, shape, SH.message) or ""))
    for sparql in g.objects(shape, SH.sparql):
        query = textwrap.dedent(str(_one(g, sparql, SH.select) or "")).strip()
        fold = f"<details><summary>SPARQL</summary><pre>{escape(query)}</pre></details>"
        yield Constraint("", "", "", "", fold, link(severity),
                         str(_one(g, sparql, SH.message) or _one(g, shape, SH.message) or ""))


def _value(g: Graph, node: Node, link: Link) -> str:
    """sh:datatype, sh:class and sh:or of those, in words."""
    parts = [f"datatype {link(o)}" for o in g.objects(node, SH.datatype)]
    parts += [f"class {link(o)}" for o in g.objects(node, SH["class"])]
    for alternatives in g.objects(node, SH["or"]):
        parts.append(" or ".join(sorted(_value(g, member, link) or "a shape"
                                        for member in Collection(g, alternatives))))
    return "; ".join(sorted(parts))


def _other(g: Graph, node: Node, link: Link) -> str:
    parts = []
    for pred, word in _OTHER:
        for o in g.objects(node, pred):
            if pred == SH["in"]:
                items = [link(i) for i in Collection(g, o)]
                shown = ", ".join(items[:_MAX_LISTED])
                more = f", … ({len(items)} values)" if len(items) > _MAX_LISTED else ""
                parts.append(f"{word} {shown}{more}")
            else:
                parts.append(f"{word} {link(o)}")
    return "; ".join(parts)


def _path(g: Graph, path: Node, link: Link) -> str:
    """A SHACL property path in SPARQL syntax."""
    if isinstance(path, URIRef):
        return link(path)
    for pred, fmt in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "{}*"), (SH.oneOrMorePath, "{}+"),
                      (SH.zeroOrOnePath, "{}?")):
        inner = _one(g, path, pred)
        if inner is not None:
            return fmt.format(_path(g, inner, link))
    alternatives = _one(g, path, SH.alternativePath)
    if alternatives is not None:
        return "(" + " | ".join(_path(g, p, link) for p in Collection(g, alternatives)) + ")"
    if isinstance(path, BNode) and (path, RDF.first, None) in g:
        return "/".join(_path(g, p, link) for p in Collection(g, path))
    return escape(str(path))


def _plain_path(g: Graph, prop: Node) -> list[URIRef]:
    """The property of a path that is one IRI or the inverse of one."""
    path = _one(g, prop, SH.path)
    inverse = _one(g, path, SH.inversePath) if isinstance(path, BNode) else None
    return [p for p in (path, inverse) if isinstance(p, URIRef)]


def _one(g: Graph, node: Node, pred: URIRef) -> Node | None:
    """The smallest value of ``pred`` on ``node`` (there is normally at most one)."""
    values = sorted(g.objects(node, pred), key=lambda o: (isinstance(o, BNode), str(o)))
    return values[0] if values else None
