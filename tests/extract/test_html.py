"""HTML input: pages saved from the UN press site become the plain text of a release.

``tests/data/html/SC-13081.html`` carries the whole seed release and
``GA-small.html`` the hand-written ``ga-g77.txt``, each in markup modelled on
press.un.org (Drupal fields, header, menus, breadcrumbs, share buttons, a
sidebar, a footer, scripts), so that what is built from them can be compared
with what is built from the text files.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from councilgraph.cli import main
from councilgraph.extract.html import html_to_text
from councilgraph.extract.read import InputError, decode_source, read_source
from councilgraph.graph.namespace import CG, DCTERMS
from councilgraph.pipeline import build_path, expand_inputs

DATA = Path(__file__).resolve().parent.parent / "data"
PAGES = DATA / "html"
SC_PAGE = PAGES / "SC-13081.html"
GA_PAGE = PAGES / "GA-small.html"
GA_TEXT = DATA / "releases" / "ga-g77.txt"
#: Triples that depend on where the words sit in the file, or on the file itself.
_FILE_BOUND = {CG.startOffset, CG.endOffset, CG.sha256, CG.sourceName}
#: The page prints the release's date; the plain-text copy does not.
_PAGE_ONLY = {CG.issued, DCTERMS.issued}

CASES = [
    pytest.param("<p>a &amp; b &lt;c&gt; caf&eacute; Al&#8209;Shabaab Da&#x2019;esh</p>",
                 "a & b <c> caf\u00e9 Al\u2011Shabaab Da\u2019esh", id="entities-decoded"),
    pytest.param("<p>accountable.&nbsp; It cost 12&nbsp;months</p>",
                 "accountable.\u00a0 It cost 12\u00a0months", id="nbsp-kept-as-u00a0"),
    pytest.param("<p>&ldquo;stop&rdquo; and \u201cgo\u201d, Lord\u2019s</p>",
                 "\u201cstop\u201d and \u201cgo\u201d, Lord\u2019s", id="curly-quotes-kept"),
    pytest.param('<p><strong>TEKEDA <em>ALEMU</em></strong> (<a href="/e">Ethiopia</a>) said</p>',
                 "TEKEDA ALEMU (Ethiopia) said", id="nested-inline-tags"),
    pytest.param("<p>three <strong>four </strong> five</p>", "three four five", id="spaces-around-inline-tags"),
    pytest.param("<p>Al<span>-</span>Shabaab</p>", "Al-Shabaab", id="inline-tags-join-words"),
    pytest.param("<p>\n   a\tb\r\n      c   </p>", "a b c", id="whitespace-collapsed-in-paragraph"),
    pytest.param("<p>one<br>two<br/>three</p>", "one\ntwo\nthree", id="br-breaks-line"),
    pytest.param("<p>one<br><br>two</p>", "one\n\ntwo", id="double-br-blank-line"),
    pytest.param("<p>a</p>\n\n   <p>b</p>", "a\n\nb", id="paragraphs-blank-line"),
    pytest.param("<p>a<p>b", "a\n\nb", id="unclosed-paragraphs"),
    pytest.param("<div>8111th Meeting (AM)</div>\n<div>SC/13081</div>\n<h1>Headline</h1>",
                 "8111th Meeting (AM)\nSC/13081\n\nHeadline", id="divs-are-lines-heading-is-paragraph"),
    pytest.param("<p>x</p><h3>Statements</h3><p>y</p>", "x\n\nStatements\n\ny", id="heading-own-paragraph"),
    pytest.param("<p>x</p><p><strong>Briefings</strong></p><p>y</p>", "x\n\nBriefings\n\ny", id="bold-heading"),
    pytest.param("<p>Members:</p><ul><li>Ethiopia</li>\n<li>Sweden</li></ul><p>End</p>",
                 "Members:\n\nEthiopia\nSweden\n\nEnd", id="list-items-are-lines"),
    pytest.param("<table><tr><td>In favour</td><td>122</td></tr><tr><td>Against</td><td>5</td></tr></table>",
                 "In favour 122\nAgainst 5", id="table-rows-are-lines"),
    pytest.param("<p>&nbsp;</p><p>a</p><p> </p><p>b</p>", "a\n\nb", id="empty-paragraphs-dropped"),
    pytest.param('<p>a</p><script>var s = "<p>x</p>";</script><style>p { color: red }</style><p>b</p>',
                 "a\n\nb", id="scripts-and-styles-dropped"),
    pytest.param("<p>a<!-- note -->b</p>", "ab", id="comments-dropped"),
    pytest.param("<header><a>Home</a></header><nav><ul><li>Menu</li></ul></nav><p>a</p><footer>Terms</footer>",
                 "a", id="page-header-nav-footer-dropped"),
    pytest.param("<article><header><h1>Title</h1></header><p>a</p><footer>For information media.</footer></article>",
                 "Title\n\na\n\nFor information media.", id="article-header-footer-kept"),
    pytest.param("<div>Banner</div><main><p>a</p><aside>Related</aside></main><div>After</div>",
                 "a", id="only-main-kept"),
    pytest.param('<div>Banner</div><div role="main"><p>a</p></div>', "a", id="role-main"),
    pytest.param('<div class="block-sharing">Share</div><ol class="breadcrumb"><li>Home</li></ol>'
                 '<a class="visually-hidden focusable skip-link">Skip to main content</a><p>a</p>'
                 '<ul class="menu nav"><li>Security Council</li></ul>', "a", id="chrome-classes-dropped"),
    pytest.param('<p hidden>x</p><p aria-hidden="true">y</p><p style="display: none">z</p><p>a</p>',
                 "a", id="hidden-dropped"),
    pytest.param('<div class="field field--name-field-doctype"><a>Meetings Coverage</a></div><div>SC/1</div>',
                 "SC/1", id="document-type-label-dropped"),
    pytest.param('<h1 class="page-header">Headline</h1>', "Headline", id="page-header-class-kept"),
    pytest.param("<html><head><title>T</title><body><p>a</p>", "a", id="head-left-open"),
    pytest.param("\ufeff<p>a</p>", "a", id="byte-order-mark"),
    pytest.param("<html><body><img src='x.png' alt='photo'></body></html>", "", id="no-text"),
    pytest.param("", "", id="empty"),
]


@pytest.mark.parametrize(("markup", "expected"), CASES)
def test_markup_to_text(markup: str, expected: str) -> None:
    assert html_to_text(markup) == expected


def test_pages_convert_to_the_text_files() -> None:
    """Word for word: the seed (the page adds its date line to the header) and the GA release."""
    seed = (DATA.parent.parent / "examples" / "SC-13081.txt").read_text("utf-8")
    page = SC_PAGE.read_text("utf-8")
    assert html_to_text(page) == seed.replace("SC/13081\n", "SC/13081\n21 November 2017\n", 1)
    assert html_to_text(page) == html_to_text(page)  # deterministic
    assert html_to_text(GA_PAGE.read_text("utf-8")) == GA_TEXT.read_text("utf-8").rstrip("\n")


def test_read_source_converts_and_hashes_the_file() -> None:
    source = read_source(SC_PAGE)
    assert source.name == "SC-13081.html"
    assert source.sha256 == hashlib.sha256(SC_PAGE.read_bytes()).hexdigest()
    assert source.text.startswith("8111th Meeting (AM)\nSC/13081\n21 November 2017\n\nSecurity Council Reiterates")
    assert "<" not in source.text and "Skip to main content" not in source.text
    assert len(source.matchable) == len(source.text)


@pytest.mark.parametrize(("name", "content", "converted"), [
    pytest.param("page.htm", "<p>8111th Meeting (AM)</p>", True, id="htm-suffix"),
    pytest.param("PAGE.HTML", "<p>8111th Meeting (AM)</p>", True, id="upper-case-suffix"),
    pytest.param("saved.txt", "\ufeff \n <!doctype HTML>\n<p>8111th Meeting (AM)</p>", True, id="doctype-opening"),
    pytest.param("saved", "<HTML lang='en'><p>8111th Meeting (AM)</p></HTML>", True, id="html-opening"),
    pytest.param("release.txt", "8111th Meeting (AM)\n\nSee <html> and <p>", False, id="text-mentioning-tags"),
    pytest.param("release.txt", "<htmlish>8111th Meeting (AM)", False, id="not-an-html-tag"),
])
def test_web_pages_are_recognised(name: str, content: str, converted: bool) -> None:
    source = decode_source(content.encode("utf-8"), name)
    assert (source.text == "8111th Meeting (AM)") is converted


@pytest.mark.parametrize(("content", "message"), [
    pytest.param(b"", "file is empty", id="empty-file"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary", id="binary"),
    pytest.param("<p>Caf\u00e9</p>".encode("latin-1"), "not valid UTF-8", id="latin-1"),
    pytest.param(b"<!DOCTYPE html><html><head><title>Page not found</title></head><body><nav>Home</nav>"
                 b"<main><h1>Page not found</h1><p>The requested page could not be found.</p></main></body></html>",
                 "neither a press release", id="404-page"),
    pytest.param(b"<!DOCTYPE html><html><head><title>x</title></head><body><script>x()</script></body></html>",
                 "neither a press release", id="page-without-text"),
])
def test_bad_pages_get_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    page = tmp_path / "bad.html"
    page.write_bytes(content)
    with pytest.raises(InputError) as err:
        build_path(page)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize(("page", "text"), [
    pytest.param(SC_PAGE, DATA.parent.parent / "examples" / "SC-13081.txt", id="seed"),
    pytest.param(GA_PAGE, GA_TEXT, id="ga"),
])
def test_page_builds_what_the_text_builds(page: Path, text: Path) -> None:
    from_page, from_text = build_path(page), build_path(text)
    a, b = from_page.record, from_text.record
    assert [(s.order, s.section, s.speaker.display_name, s.delegation.key, s.role) for s in a.statements] == \
           [(s.order, s.section, s.speaker.display_name, s.delegation.key, s.role) for s in b.statements]
    assert [(x.statement, x.kind, x.target and x.target.key, x.document and x.document.symbol) for x in a.alignments] == \
           [(x.statement, x.kind, x.target and x.target.key, x.document and x.document.symbol) for x in b.alignments]
    assert [(c.cito, c.statement, c.resolution, c.document and c.document.symbol, c.phrase) for c in a.citations] == \
           [(c.cito, c.statement, c.resolution, c.document and c.document.symbol, c.phrase) for c in b.citations]
    assert [from_page.source.text[s.start:s.end] for s in a.statements] == \
           [from_text.source.text[s.start:s.end] for s in b.statements]
    page_facts = {t for t in from_page.graph.triples if t[1] not in _FILE_BOUND | _PAGE_ONLY}
    text_facts = {t for t in from_text.graph.triples if t[1] not in _FILE_BOUND}
    assert page_facts == text_facts


def test_seed_page_counts() -> None:
    record = build_path(SC_PAGE).record
    assert (len(record.statements), len(record.alignments)) == (71, 19)
    kinds = {(a.kind, a.target.key if a.target else None) for a in record.alignments}
    assert {("associating", "european-union"), ("on-behalf-of", "nordic-countries")} <= kinds
    assert any(c.resolution for c in record.citations)  # the adopted resolution's text is read as such


@pytest.mark.parametrize(("page", "at_least"), [(SC_PAGE, 200), (GA_PAGE, 15)], ids=["seed", "ga"])
def test_every_quote_is_the_converted_text(page: Path, at_least: int) -> None:
    built = build_path(page)
    by_subject: dict = {}
    for subject, predicate, value in built.graph.triples:
        if predicate in (CG.startOffset, CG.endOffset, CG.quote, CG.text):
            by_subject.setdefault(subject, {}).setdefault(predicate, []).append(value.toPython())
    quoted = 0
    for facts in by_subject.values():
        if CG.startOffset not in facts:
            continue
        (start,), (end,) = facts[CG.startOffset], facts[CG.endOffset]
        for words in facts.get(CG.quote, []) + facts.get(CG.text, []):
            assert words == built.source.text[start:end]
            quoted += 1
    assert quoted >= at_least


def test_folders_are_searched_for_pages(tmp_path: Path) -> None:
    for name in ("a.txt", "b.html", "c.HTM", "d.json"):
        (tmp_path / name).write_text("x", "utf-8")
    assert [p.name for p in expand_inputs([str(tmp_path)])] == ["a.txt", "b.html", "c.HTM"]


def test_cli_builds_the_pages_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(PAGES), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    for name, symbol in (("SC-13081.html", "SC/13081"), ("GA-small.html", "GA/12600")):
        assert any(name in line and symbol in line for line in result.output.splitlines()), result.output


def test_cli_reports_a_page_that_is_not_a_release(tmp_path: Path) -> None:
    page = tmp_path / "404.html"
    page.write_text("<!DOCTYPE html><html><body><header>UN</header><main><h1>Page not found</h1>"
                    "<p>Sorry, the page you requested could not be found.</p></main></body></html>", "utf-8")
    result = CliRunner().invoke(main, ["build", str(page), str(GA_PAGE), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if "404.html" in line]
    assert len(lines) == 1 and "neither a press release" in lines[0], result.output
