"""Resolution texts: preambular and operative paragraphs with their opening phrases.

Two sources: the full text inside a press release ("The full text of resolution
2388 (2017) reads as follows:" then "The Security Council," and the paragraphs),
and a stand-alone resolution file, whose first line names it ("Resolution 889
(1993)", "4 (1946). Resolution of 29 April 1946") and whose last lines are
usually the adoption record and footnotes.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from councilgraph.extract.read import InputError, Source
from councilgraph.extract.records import DocumentRef, Layout, Paragraph, ResolutionParagraph, ResolutionText
from councilgraph.extract.segment import paragraphs
from councilgraph.extract.votes import ADOPTION
from councilgraph.ontology.reference import opening_phrases

__all__ = ["FILE_NAME", "resolutions_in_release", "resolution_file", "classify", "lexicon", "looks_like_resolution"]

_FULL_TEXT = re.compile(
    r"The\s+(?:full\s+)?text\s+of\s+(?:the\s+)?(?:draft\s+)?resolution\s+(?P<number>\d{1,4})\s*\((?P<year>\d{4})\)"
    r"[^\n]{0,80}?reads\s+as\s+follows\s*:"
)
_ORGAN = re.compile(r"(?:Therefore\s+)?[Tt]he\s+(?:Security\s+Council|General\s+Assembly)\s*,?(?=\s|$)")
_ORGAN_SUBJECT = re.compile(r"The\s+Security\s+Council\s+(?=[a-z])")
_RULE = re.compile(r"[_*\s\u2014-]{3,}")
_ADVERB = re.compile(r"(?:Further|Also|Again|Once\s+again)\s+", re.I)
# A paragraph continued after a page break, or a dash or lettered sub-paragraph, belongs to the one before.
_CONTINUATION = re.compile(r"[a-z]|[-\u2014]\s|[(\[]?(?:[a-z]{1,2}|[ivx]{1,4}|\d)[)}\]]\s")
_NUMBERED = re.compile(r"[\"']?\s*(?P<number>\d{1,3})\.\s+")
_FILE_HEADER = re.compile(
    r"(?i:Resolution)\s+(?P<n1>\d{1,4})\s*\((?P<y1>\d{4})\)|(?P<n2>\d{1,4})\s*\((?P<y2>\d{4})\)\.?\s+Resolution\b"
)
FILE_NAME = re.compile(r"S_RES_(?P<number>\d{1,4})_(?P<year>\d{4})")
# After the text: "Adopted ..." (any adoption record) and numbered footnotes; "1/ S/24476, annex."
# (1990s style) starts with its mark whatever follows: no paragraph of the text begins "1/ ".
_AFTER_TEXT = re.compile(
    r"Adopted\b|\d{1,3}/[ \t]+[A-Z]|\d{1,3}/?\s*(?:Ibid|Jbid|I\[bid|See\b|Official\s+Records|Document|Resolutions?\s+adopted|"
    r"One\s+member|In\s+the\s+absence|Adopted\s+without|The\s+draft\s+resolution|No\s+details)"
)
_SECTION = re.compile(r"(?P<section>[A-H]|[IVX]{1,4})\.?")
_SECTION_PREFIX = re.compile(r"(?P<section>[A-H])\s+(?=[A-Z][a-z])")
# Page furniture and connectives that are not paragraphs: page numbers, symbols, dates, "Therefore".
_FURNITURE = re.compile(
    r"-\s*\d+\s*-|Page\s+\d+|S/RES/\d+\s*\(\d{4}\)|\d{2}-\d{5}.*|\[?[A-Z]/[\w./-]+\]?|Therefore|"
    r"(?:of\s+)?\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|Distr\.:?\s+\w+|[A-Z][A-Z ]{3,60}"
)
_FOOTNOTE_MARK = re.compile(r"\s+\d{1,3}/?$")
_LINE_START = re.compile(r"\n[ \t]*(?=\S)")


@cache
def lexicon() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """One pattern for every opening phrase (longest first), and phrase -> (part, CiTO name)."""
    phrases = opening_phrases()
    # The word must end with the phrase for every phrase: "denoting" is no "noting".
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(p.phrase) for p in phrases) + r")(?![\w-])", re.I)
    table: dict[str, tuple[str, str]] = {}
    for p in phrases:
        table.setdefault(p.phrase.lower(), (p.part, p.cito))
    return pattern, table


def classify(text: str, start: int, end: int, operative_hint: bool) -> ResolutionParagraph:
    """A paragraph's kind, opening phrase and printed number (ordinal 0 when unnumbered)."""
    numbered = _NUMBERED.match(text, start, end)
    pos = numbered.end() if numbered else start
    if numbered is None and text.startswith(('"', "'"), pos):
        pos += 1
    if (organ := _ORGAN_SUBJECT.match(text, pos, end)) is not None:
        pos = organ.end()  # early style: "1. The Security Council requests ..."
    pattern, table = lexicon()
    m = pattern.match(text, pos, end)
    adverb = _ADVERB.match(text, pos, end) if m is None else None
    if adverb is not None:  # "Further bearing in mind": the adverb, then a known phrase
        m = pattern.match(text, adverb.end(), end)
    if m is not None:
        part, cito = table[" ".join(m.group().split()).lower()]
        phrase = " ".join(text[pos:m.end()].split())
        phrase_end = m.end()
    else:
        word = re.match(r"[A-Za-z][\w-]*", text[pos:end])
        phrase = word.group() if word else ""
        phrase_end = pos + len(phrase)
        part, cito = ("operative" if operative_hint or text[end - 1:end] in ";." else "preambular"), "cites"
    kind = "operative" if numbered is not None or operative_hint else part
    number = int(numbered["number"]) if numbered else 0
    return ResolutionParagraph(kind=kind, ordinal=number, phrase=phrase, cito=cito,
                               start=start, end=end, phrase_start=pos, phrase_end=phrase_end)


def _structure(text: str, body: list[Paragraph], preamble: int = 0) -> tuple[ResolutionParagraph, ...]:
    """Classify body paragraphs; once a numbered paragraph is seen, the rest are operative.

    The first ``preamble`` paragraphs come before "The Security Council," and are preambular.
    A line "A", "B" or "II" starts a part of the resolution with its own preamble and numbering;
    continuations (after a page break) and sub-items ("(a)", "- ...") join the paragraph before.
    """
    merged: list[Paragraph] = list(body[:preamble])
    for para in body[preamble:]:
        if len(merged) > preamble and _CONTINUATION.match(text, para.start, para.end):
            merged[-1] = Paragraph(merged[-1].start, para.end)
        else:
            merged.append(para)
    out: list[ResolutionParagraph] = []
    counts = {"preambular": 0, "operative": 0}
    operative_seen = False
    section: str | None = None
    keys: set[str] = set()
    for index, para in enumerate(merged):
        start = para.start
        marker = _SECTION.fullmatch(text, para.start, para.end) if index >= preamble else None
        if marker is not None:
            section = marker["section"]
            counts = {"preambular": 0, "operative": 0}
            operative_seen = False
            continue
        if index >= preamble and (glued := _SECTION_PREFIX.match(text, para.start, para.end)) is not None \
                and lexicon()[0].match(text, glued.end(), para.end):
            section, start = glued["section"], glued.end()  # "B Acting under Chapter VII ..."
            counts = {"preambular": 0, "operative": 0}
            operative_seen = False
        if index < preamble:
            paragraph = replace(classify(text, start, para.end, False), kind="preambular")
        else:
            operative_seen = operative_seen or _NUMBERED.match(text, start, para.end) is not None
            paragraph = classify(text, start, para.end, operative_hint=operative_seen)
        counts[paragraph.kind] += 1
        if paragraph.ordinal == 0:  # unnumbered: count within its kind
            paragraph = replace(paragraph, ordinal=counts[paragraph.kind])
        part = "preamble" if paragraph.kind == "preambular" else "operative"
        key = f"{section + '/' if section else ''}{part}/{paragraph.ordinal}"
        base, n = key, 1
        while key in keys:  # a misnumbered source repeats a number: keep both paragraphs
            n += 1
            key = f"{base}-{n}"
        keys.add(key)
        out.append(replace(paragraph, section=section, key=key))
    return tuple(out)


def resolutions_in_release(source: Source, layout: Layout) -> list[ResolutionText]:
    """Every "The full text of resolution N (YYYY) reads as follows:" block of a release."""
    text = source.matchable
    found = []
    for section in layout.sections:
        paras = list(section.paragraphs)
        for i, para in enumerate(paras):
            intro = _FULL_TEXT.match(text, para.start, para.end)
            if intro is None:
                continue
            body: list[Paragraph] = []
            for follower in paras[i + 1:]:
                opening = follower.start + (text[follower.start] in "\"'")  # quoted text: '"The Security Council,'
                if _FULL_TEXT.match(text, follower.start, follower.end) or _RULE.fullmatch(text, follower.start,
                                                                                          follower.end):
                    break  # the next text, or the rule that closes the quotation
                if not body and _ORGAN.match(text, opening, follower.end):
                    continue
                body.append(follower)
            number, year = int(intro["number"]), int(intro["year"])
            ref = DocumentRef(f"S/RES/{number} ({year})", "resolution", number, year,
                              intro.start("number"), intro.end("year") + 1)
            end = body[-1].end if body else para.end
            found.append(ResolutionText(ref, para.start, end, _structure(text, body)))
    return found


def looks_like_resolution(source: Source) -> bool:
    """Whether a file reads as a resolution text: "Resolution N (YYYY)" or "The Security Council," on a
    line of its own near the top, or a CR-UNSC style file name."""
    head = source.matchable[:2000]
    for line in head.splitlines()[:12]:
        line = line.strip()
        if _FILE_HEADER.match(line) or _ORGAN.fullmatch(line):
            return True
    return FILE_NAME.search(source.name) is not None


def resolution_file(source: Source) -> ResolutionText:
    """The structure of a stand-alone resolution text.

    Raises:
        InputError: no resolution number in the first lines or the file name, or no paragraphs.
    """
    text = source.matchable
    paras = _split_wrapped(text, paragraphs(text))
    if not paras:
        raise InputError("empty resolution text")
    first, header = 0, None
    for index, para in enumerate(paras[:8]):
        header = _FILE_HEADER.match(text, para.start, para.end)
        if header is not None:
            first = index
            break
    if header is not None:
        number = int(header["n1"] or header["n2"])
        year = int(header["y1"] or header["y2"])
        span = (header.start(), header.end())
    elif (named := FILE_NAME.search(source.name)) is not None:
        first = -1
        number, year, span = int(named["number"]), int(named["year"]), (paras[0].start, paras[0].start)
    else:
        raise InputError("not a resolution text: no 'Resolution N (YYYY)' in its first lines")
    ref = DocumentRef(f"S/RES/{number} ({year})", "resolution", number, year, span[0], span[1])
    body: list[Paragraph] = []
    preamble: int | None = None  # paragraphs before "The Security Council,"
    for para in paras[first + 1:]:
        chunk = text[para.start:para.end]
        if ADOPTION.match(chunk) and not body:
            continue  # "Adopted by the Security Council at its 3107th meeting" under the title
        if _AFTER_TEXT.match(chunk) and body:
            break  # the adoption record or the footnotes: the text is over
        if _FURNITURE.fullmatch(chunk.strip()):
            continue
        organ = _ORGAN.match(text, para.start, para.end)
        if organ is not None and preamble is None:
            preamble = len(body)
            rest = _skip_blank(text, organ.end(), para.end)
            if rest < para.end:  # "The Security Council, Recalling ..." on one line
                body.append(Paragraph(rest, para.end))
            continue
        body.append(para)
    if not body:
        raise InputError("not a resolution text: no preambular or operative paragraphs found")
    return ResolutionText(ref, paras[0].start, body[-1].end, _structure(text, body, preamble or 0))


def _skip_blank(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _split_wrapped(text: str, paras: list[Paragraph]) -> list[Paragraph]:
    """Split blocks where a numbered or phrase-led paragraph starts on a new line without a blank line."""
    pattern, _ = lexicon()
    out = []
    for para in paras:
        start = para.start
        for line in _LINE_START.finditer(text, para.start, para.end):
            pos = line.end()
            previous = _FOOTNOTE_MARK.sub("", text[start:line.start()].rstrip())
            if previous.endswith((",", ";", ":", ".")) and (
                _NUMBERED.match(text, pos, para.end) or pattern.match(text, pos, para.end)
            ):
                out.append(Paragraph(start, start + len(text[start:line.start()].rstrip())))
                start = pos
        out.append(Paragraph(start, para.end))
    return out
