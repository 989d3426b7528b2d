"""HTML: a page saved from the UN press site turned into the plain-text layout of a release.

press.un.org is a Drupal site: the release sits in ``<main>``, its fields in
``div.field--name-…`` blocks (meeting line, symbol, date in a ``<time>``, the
``<h1>`` headline, the sub-headline, and ``field--name-body`` holding the
``<p>`` paragraphs); around it are the skip link, header, menus, breadcrumbs,
share buttons, a sidebar, the footer and scripts. :func:`html_to_text` keeps
the words and drops the rest, giving the text our ``.txt`` releases have:
header lines, a blank line, the headline, the sub-headline, then paragraphs
and one-line headings separated by blank lines.

Rules, applied with nothing but :mod:`html.parser`:

* Dropped with everything inside: ``<head>``, scripts, styles, ``<nav>``,
  ``<aside>``, form controls, hidden elements (``hidden``, ``aria-hidden``,
  ``display:none``), landmark roles other than main, page-level ``<header>``
  and ``<footer>`` (not those inside an article, section or main), and
  elements whose class or id names site chrome (menu, breadcrumb, share...).
* When the page has a ``<main>`` (or ``role="main"``), only its text is kept.
* Paragraph-like blocks (``p``, headings, lists, tables, quotes) are separated
  by a blank line; other blocks (``div``, ``li``, table rows) and ``<br>``
  start a new line, so the meeting and symbol fields become consecutive lines.
* Inside a block, runs of ASCII white space become one space; entities are
  decoded and kept as the characters they name (``&nbsp;`` stays U+00A0,
  curly quotes stay curly); white space at the ends of lines is trimmed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from typing import NamedTuple

__all__ = ["html_to_text"]

_SKIP_TAGS = frozenset({
    "head", "title", "script", "style", "noscript", "template", "svg", "math", "nav", "aside",
    "button", "select", "textarea", "iframe", "object", "canvas", "dialog", "menu",
})
_SKIP_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "complementary", "menu",
                         "menubar", "dialog"})
#: Class or id names of site chrome; matched as whole words of a class token ("main-menu", "block-share").
_CHROME = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|share|sharing|social|footer|pager|skip-link"
    r"|visually-hidden|sr-only|element-invisible|language-switcher|field__label|field--name-field-doctype)"
    r"(?=$|[\s_-])", re.IGNORECASE)
_SECTIONING = frozenset({"article", "section", "main"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                   "source", "track", "wbr"})
#: Newlines that separate a block from its neighbours: 2 = a blank line, 1 = a line break.
_BREAKS = {
    **dict.fromkeys(("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "blockquote",
                     "pre", "figure", "address", "hr"), 2),
    **dict.fromkeys(("div", "li", "dt", "dd", "tr", "article", "section", "main", "header", "footer",
                     "figcaption", "caption", "details", "summary", "fieldset", "legend", "center", "body"), 1),
}
_SPACES = re.compile(r"[ \t\n\r\f]+")  # ASCII white space only: U+00A0 is text, as in the .txt releases
_BLANK_LINES = re.compile(r"\n{3,}")


class _Element(NamedTuple):
    tag: str
    skip: bool       # dropped, with everything inside
    main: bool       # inside <main> or role="main"
    sectioned: bool  # inside article/section/main: a <header> or <footer> here is content


_ROOT = _Element("", skip=False, main=False, sectioned=False)


class _Writer:
    """Text with the breaks between blocks: the largest break asked for between two pieces of text wins."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pending = 0

    def text(self, chunk: str) -> None:
        if chunk == " ":  # white space between tags: a word separator, never a line of its own
            if not self.pending:
                self.parts.append(chunk)
            return
        if self.pending and self.parts:
            self.parts.append("\n" * self.pending)
        self.pending = 0
        self.parts.append(chunk)

    def line_break(self) -> None:
        if self.parts:
            self.parts.append("\n")

    def block(self, newlines: int) -> None:
        self.pending = max(self.pending, newlines)

    def result(self) -> str:
        text = re.sub(" {2,}", " ", "".join(self.parts))
        text = "\n".join(line.strip() for line in text.split("\n"))
        return _BLANK_LINES.sub("\n\n", text).strip("\n")


class _PageText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[_Element] = []
        self.everything = _Writer()
        self.main = _Writer()

    @property
    def current(self) -> _Element:
        return self.stack[-1] if self.stack else _ROOT

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":  # a <head> left open must not swallow the page
            self.stack.clear()
        parent = self.current
        if tag in _VOID:
            if not parent.skip:
                if tag == "br":
                    self._each(parent, _Writer.line_break)
                self._block(_BREAKS.get(tag, 0))
            return
        attributes = {name: value or "" for name, value in attrs}
        role = attributes.get("role", "").lower()
        element = _Element(
            tag,
            skip=parent.skip or _is_chrome(tag, role, attributes, parent),
            main=parent.main or tag == "main" or role == "main",
            sectioned=parent.sectioned or tag in _SECTIONING,
        )
        self.stack.append(element)
        if not element.skip:
            self._block(_BREAKS.get(tag, 0))
            if tag in ("td", "th"):
                self._each(element, _Writer.text, " ")

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth].tag == tag:  # closes any element left open inside it
                closed = self.stack[depth:]
                del self.stack[depth:]
                self._block(max((_BREAKS.get(e.tag, 0) for e in closed if not e.skip), default=0))
                return

    def handle_data(self, data: str) -> None:
        element = self.current
        if not element.skip and data:
            self._each(element, _Writer.text, _SPACES.sub(" ", data))

    def _each(self, element: _Element, method: Callable[..., None], *args: str) -> None:
        method(self.everything, *args)
        if element.main:
            method(self.main, *args)

    def _block(self, newlines: int) -> None:
        if newlines:
            self.everything.block(newlines)
            self.main.block(newlines)


def _is_chrome(tag: str, role: str, attributes: dict[str, str], parent: _Element) -> bool:
    if tag in _SKIP_TAGS or role in _SKIP_ROLES or "hidden" in attributes:
        return True
    if tag in ("header", "footer") and not parent.sectioned:
        return True
    style = attributes.get("style", "").replace(" ", "").lower()
    if attributes.get("aria-hidden", "").lower() == "true" or "display:none" in style:
        return True
    names = f"{attributes.get('class', '')} {attributes.get('id', '')}".strip()
    return bool(names) and _CHROME.search(names) is not None


def html_to_text(markup: str) -> str:
    """The words of a web page, laid out like a plain-text press release.

    Pure and deterministic: the same markup always gives the same text.
    """
    parser = _PageText()
    parser.feed(markup.removeprefix("\ufeff"))
    parser.close()
    main = parser.main.result()
    return main if main else parser.everything.result()
