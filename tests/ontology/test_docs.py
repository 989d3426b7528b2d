"""The HTML documentation of the ontology (ontology/docs.py) and the ``docs`` command."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import OWL, RDF, RDFS, SKOS, Graph, URIRef

from councilgraph.graph.namespace import CG
from councilgraph.ontology.docs import load_ontology, load_shapes, ontology_html, package_ontology_html
from councilgraph.ontology.docs_command import docs_command
from councilgraph.ontology.docs_shapes import read_shapes

NS = str(CG)
BLOCK = {"section", "div", "header", "table", "thead", "tbody", "tr", "th", "td", "p", "h1", "h2", "h3", "h4",
         "ol", "ul", "li", "details", "summary", "pre"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
              SKOS.Concept, SKOS.ConceptScheme)


class Page(HTMLParser):
    """Checks that tags balance, and collects ids, links, and the text and links of each section.

    The text of a section has a space at each block element's edges, as a browser shows it.
    """

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.errors: list[str] = []
        self.ids: Counter[str] = Counter()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: dict[str, list[str]] = {}
        self.hrefs: dict[str, list[str]] = {}
        self.order: list[str] = []
        self._stack: list[str] = []
        self._open: list[tuple[int, str]] = []  # (depth, id) of the sections being read
        self.feed(html)
        self.close()
        if self._stack:
            self.errors.append(f"unclosed: {self._stack}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.elements.append((tag, found))
        if found.get("id"):
            self.ids[found["id"]] += 1
        for _, section in self._open:
            if tag == "a" and found.get("href"):
                self.hrefs[section].append(found["href"])
            if tag in BLOCK:
                self.text[section].append(" ")
        if tag in VOID:
            return
        self._stack.append(tag)
        if tag == "section" and found.get("id"):
            self._open.append((len(self._stack), found["id"]))
            self.text[found["id"]], self.hrefs[found["id"]] = [], []
            self.order.append(found["id"])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag not in VOID:
            self.errors.append(f"self-closing <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            self.errors.append(f"end tag of void element </{tag}>")
        elif not self._stack or self._stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self._stack[-1] if self._stack else None}>")
        else:
            for _, section in self._open:
                self.text[section].append(" " if tag in BLOCK else "")
            if self._open and self._open[-1][0] == len(self._stack):
                self._open.pop()
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        for _, section in self._open:
            self.text[section].append(data)

    def section(self, anchor: str) -> str:
        return " ".join("".join(self.text[anchor]).split())


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


@pytest.fixture(scope="module")
def html() -> str:
    return package_ontology_html()


@pytest.fixture(scope="module")
def page(html: str) -> Page:
    return Page(html)


def _terms(ontology: Graph) -> set[URIRef]:
    typed = {s for t in TERM_TYPES for s in ontology.subjects(RDF.type, t) if str(s).startswith(NS)}
    return typed | {CG[name] for name in CG.__annotations__}


def _words(text: str) -> str:
    return " ".join(text.split())


def test_page_is_well_formed(html: str, page: Page) -> None:
    assert html.startswith("<!DOCTYPE html>")
    assert page.errors == []
    assert [i for i, n in page.ids.items() if n > 1] == []
    assert [h for _, a in page.elements if (h := a.get("href") or "").startswith("#") and h[1:] not in page.ids] == []


def test_page_is_self_contained(html: str, page: Page) -> None:
    assert not re.search(r"""\ssrc\s*=\s*["']?\s*https?:""", html, re.IGNORECASE)
    assert [tag for tag, _ in page.elements if tag in ("script", "link", "iframe", "img", "object")] == []
    assert "@import" not in html and "url(" not in html


def test_every_term_has_a_section_with_label_and_comment(ontology: Graph, page: Page) -> None:
    terms = _terms(ontology)
    assert len(terms) == len(CG.__annotations__) > 100
    missing = []
    for term in sorted(terms):
        anchor = str(term)[len(NS):]
        text = page.section(anchor) if anchor in page.text else ""
        label, comment = (_words(str(ontology.value(term, p) or "")) for p in (RDFS.label, RDFS.comment))
        if not (label and comment and label in text and comment in text and str(term) in text):
            missing.append(anchor)
    assert missing == []


def test_sections_are_sorted_by_local_name(ontology: Graph, page: Page) -> None:
    classes = [a for a in page.order if URIRef(NS + a) in set(ontology.subjects(RDF.type, OWL.Class))]
    assert classes == sorted(classes, key=str.lower)
    assert classes[0] == "Alignment" and len(classes) == len(set(ontology.subjects(RDF.type, OWL.Class)))


def test_superclasses_link_to_alignments_and_terms(ontology: Graph, page: Page) -> None:
    assert "opengov:Speech" in page.section("Statement")
    assert "http://www.w3.org/ns/opengov#Speech" in page.hrefs["Statement"]
    assert "#Organization" in page.hrefs["UNOrgan"]
    assert "#UNOrgan" in page.hrefs["Organization"]  # subclasses too
    for cls, parent in ontology.subject_objects(RDFS.subClassOf):
        href = "#" + str(parent)[len(NS):] if str(parent).startswith(NS) else str(parent)
        assert href in page.hrefs[str(cls)[len(NS):]], (cls, parent)


def test_property_sections(page: Page) -> None:
    text = page.section("reportsOn")
    assert "Domain cg:PressRelease" in text and "Range cg:Meeting" in text
    assert "Superproperties schema:about" in text and "Characteristics none declared" in text
    assert "https://schema.org/about" in page.hrefs["reportsOn"]
    assert "Properties with this domain" in page.section("Meeting")
    assert "#meetingNumber" in page.hrefs["Meeting"]
    assert "#Alignment" in page.hrefs["alignmentKind"]
    assert "#AlignmentKinds" in page.hrefs["alignmentKind"]  # "a concept of cg:AlignmentKinds" in the comment
    assert "In scheme cg:FindingKinds" in page.section("YearMismatch")


def test_shape_constraints_appear_under_their_class(page: Page) -> None:
    statement = page.section("Statement")
    assert "cgsh:StatementShape" in statement
    assert "cg:speaker 1 1 class cg:Person sh:Violation A statement has exactly one speaker, a cg:Person." in statement
    assert "class cg:Organization or class cg:State" in statement
    assert "^cg:alignment 1 1 class cg:Statement" in page.section("Alignment")
    assert 'pattern "^[A-Z]{3}$"' in page.section("State")
    assert "(202 values)" in page.section("State")  # the generated shape's long sh:in list is cut short
    assert "sh:Info" in page.section("other-shapes")
    assert "cg:Finding" in page.section("about") and "Constrained in shapes of" in page.section("severity")


def test_each_rule_shows_the_severity_of_its_shape(page: Page) -> None:
    # SHACL reads sh:severity on shapes: the shipped Info and Warning rules are shapes of their own.
    shown = {part.split(",")[0]: part for section in ("other-shapes", "Resolution")
             for part in page.section(section).split("Shape cgsh:")[1:]}
    assert "} sh:Info {?total} votes in favour, against and abstaining, fewer" in shown["AbsentVotesShape"]
    assert "} sh:Warning Resolution {?number} of {?year} is beyond" in shown["ResolutionYearUncheckedShape"]
    assert "} sh:Warning {?message}" in shown["SourceWarningShape"] and "sh:Info" not in shown["SourceWarningShape"]
    assert "sh:Info" not in shown["VoteShape"] and "sh:Warning" not in shown["ResolutionYearShape"]
    # A severity on a SPARQL constraint node is not SHACL: the page shows what validators apply, the shape's.
    shapes = Graph().parse(format="turtle", data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:severity sh:Info ;
            sh:sparql [ sh:severity sh:Warning ; sh:message "m" ; sh:select "SELECT $this WHERE { }" ] .""")
    shape, = read_shapes(shapes, lambda node: str(node).rsplit("#", 1)[-1], str, set())
    assert [(row.severity, row.message) for row in shape.constraints] == [("Info", "m")]


def test_header_and_prefixes(page: Page, html: str) -> None:
    assert "<title>councilgraph ontology</title>" in html
    header = re.search(r"<header>.*?</header>", html, re.S)
    assert header and 'href="https://w3id.org/councilgraph/ontology"' in header[0]
    assert "Version</th><td>0.1.0" in header[0]
    assert 'href="https://creativecommons.org/publicdomain/zero/1.0/"' in header[0]
    assert "Meetings, statements, speakers" in header[0]
    prefixes = page.section("namespace-prefixes")
    for prefix, ns in (("cg", NS), ("opengov", "http://www.w3.org/ns/opengov#"), ("sh", "http://www.w3.org/ns/shacl#")):
        assert f"{prefix} {ns}" in prefixes
    assert "brick" not in prefixes  # rdflib binds many prefixes; only those used are listed


def test_output_is_deterministic(html: str) -> None:
    assert ontology_html(load_ontology(), load_shapes()) == html  # fresh parses: other blank-node ids


def test_text_is_escaped_and_shapes_are_optional() -> None:
    graph = Graph().parse(format="turtle", data="""
        @prefix ex: <http://example.org/onto#> . @prefix owl: <http://www.w3.org/2002/07/owl#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <http://example.org/onto> a owl:Ontology ; rdfs:label "Test <b>ontology</b>" .
        ex:Thing a owl:Class ; rdfs:label "thing & <script>alert(1)</script>" ; rdfs:comment "a \\"quoted\\" 'term'" .
        ex:partOf a owl:ObjectProperty, owl:TransitiveProperty ; owl:inverseOf ex:hasPart ; rdfs:domain ex:Thing .
        ex:hasPart a owl:ObjectProperty .
    """)
    html = ontology_html(graph, None)
    page = Page(html)
    assert page.errors == []
    assert "<script>" not in html and "<b>" not in html
    assert "thing &amp; &lt;script&gt;" in html
    assert page.section("Thing").startswith("thing & <script>alert(1)</script>")
    assert "Characteristics owl:TransitiveProperty" in page.section("partOf")
    assert "#partOf" in page.hrefs["hasPart"]  # the inverse, from both sides
    assert "SHACL" not in html


def test_command_writes_the_page(tmp_path: Path, html: str) -> None:
    out = tmp_path / "site" / "docs"
    result = CliRunner().invoke(docs_command, ["--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"{out / 'index.html'}\n"
    assert (out / "index.html").read_text(encoding="utf-8") == html
    assert CliRunner().invoke(docs_command, ["-o", str(out), "--quiet"]).output == ""
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]  # no temporary file left


def test_command_help_and_write_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(docs_command, ["--help"])
    assert result.exit_code == 0 and "index.html" in result.output and "out/docs" in result.output
    (tmp_path / "file").write_text("x")
    result = CliRunner().invoke(docs_command, ["--out", str(tmp_path / "file" / "docs")])
    assert result.exit_code == 1
    assert "error: cannot write" in result.output
