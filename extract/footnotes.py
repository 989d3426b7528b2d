"""Footnotes of a stand-alone resolution text, and the documents they cite.

Printed resolutions cite their sources in numbered footnotes after the adoption record::

    Recalling the report of the Commission 1/ ...        (1990s: "1/" marks)
    Having considered the report of the Secretary-General 8 on ...   (older volumes: a bare number)
    ...
    1/ Official Records of the Security Council, Fourth Year, Supplement for July, August and
    September 1949, document S/1380.
    8 Ibid., documents S/4389 and Add.1-3.

Each document a footnote prints is a citation of the resolution: of the paragraph(s) carrying
the footnote's mark when the marks can be read reliably, else of the resolution as a whole.
"Ibid." alone (or with a pinpoint: "Ibid., para. 51.") repeats the previous footnote's documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from councilgraph.extract.citations import document_refs
from councilgraph.extract.records import Citation, DocumentRef, Finding, ResolutionParagraph, ResolutionText

__all__ = ["Footnote", "footnotes", "footnote_marks", "footnote_citations"]

# A footnote starts a line with its number (and "/" in the 1990s), then its text: a capital ("See",
# "Official Records", "S/1366"), "$/4429" (OCR) or an OCR form of "Ibid." ("I[bid", "fbid", "Jbid").
# Lines of the adoption record never qualify: "2 abstentions (France, ...", "2828th meeting".
_START = re.compile(r"^[ \t]*(?:(?P<number>\d{1,3})(?!\d)/?[ \t]*(?=[A-Z$\[(]|[fJ]bid)|(?P<star>\*)[ \t]*(?=\S))",
                    re.M)
_IBID = re.compile(r"(?P<word>(?:I\[?bid|[Jf]bid|ibid)\b\.?)[.,]*", re.I)
# After "Ibid.", only a place in the same source: "Ibid., para. 51.", "Ibid., annex III."
_PINPOINT = re.compile(r"[\s.,]*(?:(?:paras?|chaps?|sects?|pp?|annex(?:es)?|appendix|appendices|footnote)\b[^;]*)?$",
                       re.I)
# OCR and layout forms of a symbol that the ordinary pattern does not read: "$/4429", "s/21183",
# "S/ 12402", "8/17227" after "document(s)", a symbol broken after its slash ("A/6000/\nRev.1") and a
# spaced addendum ("S/18164/Add. 1").
_OCR_SYMBOL = re.compile(
    r"(?:(?<![\w/])(?:\$|s)/|(?<![\w/])S/[ \t]|(?<=documents\s)8/|(?<=document\s)8/)[ \t]?(?P<number>\d{2,6})\b(?!/)")
_BROKEN_SYMBOL = re.compile(r"(?<![\w/])(?P<head>[SAE]/\d{1,5}/)(?:\s*\n\s*(?P<tail>(?:Rev|Add|Corr)\.)|"
                            r"(?P<spaced>(?:Rev|Add|Corr)\.)[ \t])(?P<number>\d{1,2})\b")

# Marks in the text. "1/": unambiguous. A bare number is a mark only where a footnote number can
# stand: after a word, a closing bracket, punctuation or a year ("Pakistan, 3", "of 13 August 1948 4
# and"), not after "paragraph", "of" or "and", and not before a month, a year in brackets or a unit.
_SLASH_MARK = re.compile(r"(?<![\w/.])(?P<number>\d{1,3})/(?![\w/])")
_BARE_MARK = re.compile(r"(?<![\w/.(-])(?P<number>\d{1,3})(?![\w/(-]|\.\d|\s*\(|,\s*\d{4})")
_MARK_BEFORE = re.compile(r"(?:[A-Za-z\u2019'\u201d)\]]|[,;.:]|\b\d{4}|(?P<mark>\b\d{1,3}))[ \t]?\n?[ \t]?$")
_NOT_BEFORE_MARK = re.compile(
    r"\b(?:paragraphs?|paras?|resolutions?|articles?|chapters?|annex(?:es)?|nos?|sections?|items?|rules?|"
    r"phases?|and|or|to|of|on|by|than|at|about|some|over|for|under|with|within|from|between|Add|Corr|Rev|"
    r"pages?|pp?|vol|part|protocol|stage|zone|sector|points?|category|level|table|annexes|appendix|the|a|"
    r"every|each|first|last|next|all|only|least|per|Mr|Mrs|Ms)[.,]?[ \t]?\n?[ \t]?$", re.I)
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_NOT_AFTER_MARK = re.compile(
    rf"\s*(?:{_MONTH}\b|\.\s+[A-Z]|(?:months?|weeks?|days?|years?|hours?|per\b|percent|members?|States?|votes?|abstentions?|"
    r"kilomet|miles?|persons?|men\b|troops|observers|officers|copies|times)\b)")


@dataclass(frozen=True, slots=True)
class Footnote:
    """One footnote: its printed number (None for "*"), where it starts, where its text starts, its end."""

    number: int | None
    start: int
    body: int
    end: int


def footnotes(text: str, start: int, end: int | None = None) -> list[Footnote]:
    """The footnotes printed in ``text[start:end]``: each runs to the next one or to the end."""
    end = len(text) if end is None else end
    starts = list(_START.finditer(text, start, end))
    out = []
    for m, following in zip(starts, [*starts[1:], None], strict=False):
        stop = following.start() if following is not None else end
        number = int(m["number"]) if m["number"] else None
        out.append(Footnote(number, m.start(), m.end(), len(text[:stop].rstrip())))
    return out


def footnote_marks(text: str, paragraphs: tuple[ResolutionParagraph, ...],
                   numbers: set[int]) -> dict[int, list[ResolutionParagraph]]:
    """Footnote number -> the paragraphs that carry its mark, where the marks can be read reliably.

    "1/" marks are used when the text has any; else bare numbers that pass the context test. A
    footnote's first mark must come after the previous footnote's: marks out of order are not marks.
    """
    found: dict[int, list[tuple[int, ResolutionParagraph]]] = {}
    for paragraph in paragraphs:
        for m in _SLASH_MARK.finditer(text, paragraph.start, paragraph.end):
            if int(m["number"]) in numbers:
                found.setdefault(int(m["number"]), []).append((m.start(), paragraph))
    if not found:
        for paragraph in paragraphs:
            for m in _BARE_MARK.finditer(text, paragraph.start, paragraph.end):
                if int(m["number"]) in numbers and _bare_mark(text, m, paragraph.start, numbers):
                    found.setdefault(int(m["number"]), []).append((m.start(), paragraph))
    marks: dict[int, list[ResolutionParagraph]] = {}
    floor = -1
    for number in sorted(found):
        kept = [(pos, paragraph) for pos, paragraph in found[number] if pos > floor]
        if not kept:
            continue
        floor = kept[0][0]
        marks[number] = list(dict.fromkeys(paragraph for _, paragraph in kept))  # each paragraph once
    return marks


def _bare_mark(text: str, m: re.Match[str], floor: int, numbers: set[int]) -> bool:
    before = text[max(floor, m.start() - 40):m.start()]
    if m.start() == floor or not before or before.endswith("\n\n"):
        return False  # "4. Resolves": a paragraph's own number
    context = _MARK_BEFORE.search(before)
    if context is None or (context["mark"] and int(context["mark"]) not in numbers):
        return False  # "S/7930/Add.107 40": a number before it that is no footnote mark
    if context["mark"] is None and _NOT_BEFORE_MARK.search(before):
        return False
    if (day := re.search(r"\b(\d{1,2}),\s*$", before)) is not None and int(day[1]) not in numbers:
        return False  # "of 3, 11 and 22 March": a list of days
    return _NOT_AFTER_MARK.match(text, m.end()) is None


def footnote_citations(text: str, record: ResolutionText,
                       self_symbol: str | None = None) -> tuple[list[Citation], list[Finding]]:
    """The documents cited in the footnotes after ``record`` (its adoption record and footnotes)."""
    notes = footnotes(text, record.end)
    numbers = {note.number for note in notes if note.number is not None}
    marks = footnote_marks(text, record.paragraphs, numbers)
    # A footnote marked in the adoption record ("Adopted ... paragraph, 57") is about the vote: its
    # "draft resolution contained in document S/17172" is the resolution's own draft, not a source.
    adoption = _adoption_marks(text, record.end, notes[0].start if notes else record.end, numbers)
    citations: list[Citation] = []
    findings: list[Finding] = []
    previous: tuple[int | None, list[DocumentRef]] = (None, [])
    for note in notes:
        if note.number in adoption:
            previous = (note.number, [])
            continue
        refs, found = _refs(text, note.body, note.end)
        findings += found
        refs = [ref for ref in refs if ref.symbol != self_symbol]  # its own symbol is no citation
        ibid = _IBID.match(text, note.body)
        if ibid is not None and not refs:
            repeated = previous[0] is not None and previous[0] == (note.number or 0) - 1
            if repeated and _PINPOINT.match(text, ibid.end(), note.end):
                # "Ibid." names the previous footnote's documents: the citation's words are "Ibid."
                refs = [DocumentRef(r.symbol, r.kind, r.number, r.year, ibid.start(), ibid.end("word"))
                        for r in previous[1]]
        previous = (note.number, refs)
        citing: list[ResolutionParagraph | None] = [*marks.get(note.number or 0, [])] or [None]
        for ref in refs:
            for paragraph in citing:
                phrase, cito = (paragraph.phrase, paragraph.cito) if paragraph is not None else (None, "cites")
                citations.append(Citation(statement=None, resolution=record.document.symbol, paragraph=paragraph,
                                          document=ref, instrument=None, article=None, phrase=phrase, cito=cito,
                                          start=ref.start, end=ref.end))
    return citations, findings


def _adoption_marks(text: str, start: int, end: int, numbers: set[int]) -> set[int]:
    return {int(m["number"]) for m in _BARE_MARK.finditer(text, start, end)
            if int(m["number"]) in numbers and _NOT_AFTER_MARK.match(text, m.end()) is None
            and not re.search(r"\b(?:at\s+the|the|by|with|to)\s*$", text[max(start, m.start() - 12):m.start()])}


def _refs(text: str, start: int, end: int) -> tuple[list[DocumentRef], list[Finding]]:
    """``document_refs`` and the OCR and line-broken symbol forms footnotes print; a title that
    names a resolution ("... notwithstanding Security Council Resolution 276 (1970), Advisory
    Opinion") cites the opinion, not the resolution."""
    refs, findings = document_refs(text, start, end)
    opinion = text.find("Advisory Opinion", start, end)
    if opinion >= 0:
        refs = [ref for ref in refs if ref.start > opinion or ref.kind not in ("resolution", "ga-resolution")]
    extra = []
    for m in _OCR_SYMBOL.finditer(text, start, end):
        extra.append(DocumentRef(f"S/{m['number']}", "document", None, None, m.start(), m.end()))
    for m in _BROKEN_SYMBOL.finditer(text, start, end):
        symbol = m["head"] + (m["tail"] or m["spaced"]) + m["number"]
        extra.append(DocumentRef(symbol, "document", None, None, m.start(), m.end()))
    for ref in extra:
        # The broken form replaces the ordinary pattern's "A/6000", read up to the line break.
        refs = [r for r in refs if not (r.start == ref.start and r.end < ref.end)]
        if not any(r.start < ref.end and ref.start < r.end for r in refs):
            refs.append(ref)
    refs.sort(key=lambda r: r.start)
    return refs, findings
