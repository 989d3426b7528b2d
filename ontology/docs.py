"""HTML documentation of the ontology, one self-contained page in the manner of pyLODE.

:func:`ontology_html` is a pure function of the ontology graph (and, if given,
the SHACL shapes): a header with the ontology's metadata, a table of contents,
one section per term whose ``id`` is the term's local name (so
``https://w3id.org/councilgraph/ontology#Statement`` can resolve to
``index.html#Statement``), the shapes' constraints under the classes they
target, and the namespace prefixes the page uses. The page's own ids are
hyphenated (``all-classes``, ``namespace-prefixes``), so they cannot clash with
camelCase term names. Everything is sorted and there is no timestamp: the same
graphs give the same bytes.
:func:`package_ontology_html` documents the files shipped in this package.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, XSD
from rdflib.term import Node

from councilgraph.ontology import ontology_path
from councilgraph.ontology.docs_shapes import NodeShape, read_shapes, shape_html
from councilgraph.ontology.docs_template import page
from councilgraph.shapes import shapes_text

__all__ = ["ontology_html", "package_ontology_html", "load_ontology", "load_shapes"]

Rows = tuple[tuple[str, tuple[tuple[URIRef, bool], ...]], ...]  # heading, (predicate, term is subject)


@dataclass(frozen=True, slots=True)
class _Kind:
    key: str
    title: str
    singular: str
    types: tuple[URIRef, ...]
    rows: Rows


_SEE_ALSO = ("See also", ((RDFS.seeAlso, True),))
_CLASS_ROWS: Rows = (
    ("Superclasses", ((RDFS.subClassOf, True),)), ("Subclasses", ((RDFS.subClassOf, False),)),
    ("Equivalent classes", ((OWL.equivalentClass, True), (OWL.equivalentClass, False))),
    ("Disjoint with", ((OWL.disjointWith, True), (OWL.disjointWith, False))),
    ("Properties with this domain", ((RDFS.domain, False),)), ("Properties with this range", ((RDFS.range, False),)),
    _SEE_ALSO,
)
_PROPERTY_ROWS: Rows = (
    ("Domain", ((RDFS.domain, True),)), ("Range", ((RDFS.range, True),)),
    ("Superproperties", ((RDFS.subPropertyOf, True),)), ("Subproperties", ((RDFS.subPropertyOf, False),)),
    ("Inverse", ((OWL.inverseOf, True), (OWL.inverseOf, False))),
    ("Equivalent properties", ((OWL.equivalentProperty, True), (OWL.equivalentProperty, False))),
    _SEE_ALSO,
)
_CONCEPT_ROWS: Rows = (
    ("In scheme", ((SKOS.inScheme, True),)), ("Concepts", ((SKOS.inScheme, False),)),
    ("Broader", ((SKOS.broader, True),)), ("Narrower", ((SKOS.broader, False),)), _SEE_ALSO,
)
_KINDS = (
    _Kind("all-classes", "Classes", "class", (OWL.Class, RDFS.Class), _CLASS_ROWS),
    _Kind("object-properties", "Object properties", "object property", (OWL.ObjectProperty,), _PROPERTY_ROWS),
    _Kind("datatype-properties", "Datatype properties", "datatype property", (OWL.DatatypeProperty,), _PROPERTY_ROWS),
    _Kind("annotation-properties", "Annotation properties", "annotation property", (OWL.AnnotationProperty,),
          _PROPERTY_ROWS),
    _Kind("other-properties", "Other properties", "property", (RDF.Property,), _PROPERTY_ROWS),
    _Kind("all-concepts", "Concept schemes and concepts", "concept", (SKOS.ConceptScheme, SKOS.Concept), _CONCEPT_ROWS),
    _Kind("named-individuals", "Named individuals", "individual", (OWL.NamedIndividual,), (_SEE_ALSO,)),
    _Kind("other-terms", "Other terms", "term", (), (_SEE_ALSO,)),
)
_CHARACTERISTICS = {OWL.FunctionalProperty, OWL.InverseFunctionalProperty, OWL.TransitiveProperty,
                    OWL.SymmetricProperty, OWL.AsymmetricProperty, OWL.ReflexiveProperty, OWL.IrreflexiveProperty}
_METADATA = (("Version IRI", (OWL.versionIRI,)), ("Version", (OWL.versionInfo,)),
             ("Licence", (DCTERMS.license, DCTERMS.rights)), ("Creators", (DCTERMS.creator,)),
             ("Publisher", (DCTERMS.publisher,)), ("Modified", (DCTERMS.modified,)), ("Imports", (OWL.imports,)))
_LOCAL = re.compile(r"[A-Za-z_][\w.-]*(?<!\.)")
_PREFIXED = re.compile(r"(?<![\w/#&.:-])([A-Za-z][\w-]*):([A-Za-z_][\w-]*)")
_PLAIN = {XSD.integer, XSD.decimal, XSD.double, XSD.boolean, XSD.int, XSD.nonNegativeInteger}


def load_ontology() -> Graph:
    """The ontology shipped in this package."""
    return Graph().parse(ontology_path(), format="turtle")


def load_shapes() -> Graph:
    """The SHACL shapes shipped in this package (hand-written and generated)."""
    return Graph().parse(data=shapes_text(), format="turtle")


def package_ontology_html() -> str:
    """The documentation of this package's ontology and shapes."""
    return ontology_html(load_ontology(), load_shapes())


def ontology_html(ontology: Graph, shapes: Graph | None = None) -> str:
    """One self-contained HTML page documenting ``ontology``, with the constraints of ``shapes``."""
    return _Page(ontology, shapes).html()


class _Page:
    def __init__(self, g: Graph, shapes: Graph | None) -> None:
        heads = sorted(s for s in g.subjects(RDF.type, OWL.Ontology) if isinstance(s, URIRef))
        if not heads:
            raise ValueError("the graph declares no owl:Ontology")
        self.g, self.iri = g, heads[0]
        self.prefixes: dict[str, str] = {}
        for graph in (g, shapes) if shapes is not None else (g,):
            for prefix, ns in sorted(graph.namespaces()):
                if prefix and str(ns) not in self.prefixes.values():
                    self.prefixes.setdefault(prefix, str(ns))
        self.by_length = sorted(((ns, p) for p, ns in self.prefixes.items()), key=lambda x: (-len(x[0]), x[1]))
        self.used: set[str] = set()
        self.ns = base = _namespace(g, self.iri)
        self.anchors = {s: str(s)[len(base):] for s in set(g.subjects()) if isinstance(s, URIRef)
                        and str(s).startswith(base) and _LOCAL.fullmatch(str(s)[len(base):])}
        classes = {t for t in self.anchors if self._kind(t).key == "all-classes"}
        self.shapes: list[NodeShape] = read_shapes(shapes, self.link, self.text, classes) if shapes is not None else []
        self.has_shapes = shapes is not None

    # Names and links ---------------------------------------------------------------------------------------
    def compact(self, iri: str) -> str:
        for ns, prefix in self.by_length:
            if iri.startswith(ns) and _LOCAL.fullmatch(iri[len(ns):]):
                self.used.add(prefix)
                return f"{prefix}:{iri[len(ns):]}"
        return iri

    def link(self, node: Node) -> str:
        if isinstance(node, URIRef):
            name = f"<code>{escape(self.compact(str(node)))}</code>"
            if node in self.anchors:
                return f'<a href="#{escape(self.anchors[node])}" title="{escape(self.label(node))}">{name}</a>'
            return f'<a href="{escape(str(node))}">{name}</a>'
        if isinstance(node, Literal):
            return escape(str(node)) if node.datatype in _PLAIN else f'<code>"{escape(str(node))}"</code>'
        for pred, word in ((OWL.unionOf, " or "), (OWL.intersectionOf, " and ")):
            for members in self.g.objects(node, pred):
                return "(" + word.join(sorted(self.link(m) for m in Collection(self.g, members))) + ")"
        return "<em>an anonymous node</em>"

    def links(self, nodes: Iterable[Node]) -> str:
        return ", ".join(sorted((self.link(n) for n in nodes), key=lambda h: re.sub(r"<[^>]+>", "", h)))

    def text(self, value: str) -> str:
        """Escaped text, with the prefixed names it mentions (``cg:Alignment``) linked."""
        def name(m: re.Match[str]) -> str:
            ns = self.prefixes.get(m[1])
            return self.link(URIRef(ns + m[2])) if ns else m[0]
        return _PREFIXED.sub(name, escape(value))

    def first(self, node: Node, *preds: URIRef) -> str:
        """The value of the first of ``preds`` set on ``node``: English first, then no language."""
        for pred in preds:
            values = sorted(self.g.objects(node, pred), key=lambda o: (
                getattr(o, "language", None) not in ("en", None), getattr(o, "language", None) is not None, str(o)))
            if values:
                return str(values[0])
        return ""

    def label(self, node: Node) -> str:
        found = self.first(node, RDFS.label, SKOS.prefLabel, DCTERMS.title)
        return found or (self.anchors.get(node, str(node)) if isinstance(node, URIRef) else str(node))

    # Sections ----------------------------------------------------------------------------------------------
    def _kind(self, term: URIRef) -> _Kind:
        types = set(self.g.objects(term, RDF.type))
        return next(k for k in _KINDS if types & set(k.types) or not k.types)

    def html(self) -> str:
        groups = [(k, sorted((t for t in self.anchors if self._kind(t) is k), key=lambda t: (
            self.anchors[t].lower(), self.anchors[t]))) for k in _KINDS]
        groups = [(k, terms) for k, terms in groups if terms]
        body = [f'<section id="{k.key}"><h2>{k.title}</h2>{"".join(self.term(t, k) for t in terms)}</section>'
                for k, terms in groups]
        loose = [s for s in self.shapes if not s.classes]
        if loose:
            body.append('<section id="other-shapes"><h2>Shapes without a target class</h2>'
                        + "".join(shape_html(s) for s in loose) + "</section>")
        header = self.header()  # after the terms: both add to the prefixes used
        rows = "".join(f"<tr><td><code>{escape(p)}</code></td><td><code>{escape(self.prefixes[p])}</code></td></tr>"
                       for p in sorted(self.used))
        body.append('<section id="namespace-prefixes"><h2>Namespace prefixes</h2><table class="grid"><thead><tr>'
                    f"<th>Prefix</th><th>Namespace</th></tr></thead><tbody>{rows}</tbody></table></section>")
        entries = [(k.key, k.title, "".join(f'<li><a href="#{self.anchors[t]}">{escape(self.anchors[t])}</a></li>'
                                            for t in terms)) for k, terms in groups]
        entries += [("other-shapes", "Shapes without a target class", "")] if loose else []
        entries.append(("namespace-prefixes", "Namespace prefixes", ""))
        toc = "<h2>Contents</h2><ol>" + "".join(
            f'<li><a href="#{key}">{title}</a>' + (f"<ol>{items}</ol>" if items else "") + "</li>"
            for key, title, items in entries) + "</ol>"
        return page(self.label(self.iri), toc, header + "\n" + "\n".join(body))

    def header(self) -> str:
        rows = [f'<tr><th>IRI</th><td><a href="{escape(self.iri)}"><code>{escape(self.iri)}</code></a></td></tr>',
                f"<tr><th>Term namespace</th><td><code>{escape(self.ns)}</code></td></tr>"]
        for heading, preds in _METADATA:
            values = {o for p in preds for o in self.g.objects(self.iri, p)}
            if values:  # literals here are plain text (a version, a date), not quoted values
                shown = sorted(escape(str(v)) if isinstance(v, Literal) else self.link(v) for v in values)
                rows.append(f"<tr><th>{heading}</th><td>{', '.join(shown)}</td></tr>")
        description = self.first(self.iri, DCTERMS.description, RDFS.comment, SKOS.definition)
        return (f"<header><h1>{escape(self.label(self.iri))}</h1><table class=\"meta\">{''.join(rows)}</table>"
                f'<p class="description">{self.text(description)}</p></header>')

    def term(self, term: URIRef, kind: _Kind) -> str:
        anchor, label = escape(self.anchors[term]), escape(self.label(term))
        comment = self.first(term, RDFS.comment, SKOS.definition, DCTERMS.description)
        rows = [("IRI", f"<code>{escape(term)}</code>"), ("Label", label), ("Comment", self.text(comment)),
                ("Type", self.links(set(self.g.objects(term, RDF.type))))]
        for heading, preds in kind.rows:
            values = {v for p, forward in preds
                      for v in (self.g.objects(term, p) if forward else self.g.subjects(p, term))}
            if values:
                rows.append((heading, self.links(values)))
        if kind.rows is _PROPERTY_ROWS:
            found = set(self.g.objects(term, RDF.type)) & _CHARACTERISTICS
            rows.append(("Characteristics", self.links(found) if found else "none declared"))
            users = {c for s in self.shapes if term in s.paths for c in s.classes}
            if users:
                rows.append(("Constrained in shapes of", self.links(users)))
        table = "".join(f"<tr><th>{h}</th><td>{v}</td></tr>" for h, v in rows)
        shapes = ""
        if kind.key == "all-classes" and self.has_shapes:
            mine = [shape_html(s) for s in self.shapes if term in s.classes]
            shapes = "<h4>SHACL constraints</h4>" + ("".join(mine) or "<p>No shape targets this class.</p>")
        return (f'<section id="{anchor}" class="term"><h3>{label} <code>{escape(self.compact(term))}</code> '
                f'<span class="kind">{kind.singular}</span> <a class="anchor" href="#{anchor}">#</a></h3>'
                f'<table class="facts">{table}</table>{shapes}</section>\n')


def _namespace(g: Graph, iri: URIRef) -> str:
    """The namespace of the ontology's terms: its IRI followed by ``#`` or ``/``."""
    subjects = {str(s) for s in g.subjects() if isinstance(s, URIRef)}
    return next((iri + sep for sep in "#/" if any(s.startswith(iri + sep) for s in subjects)), iri + "#")
