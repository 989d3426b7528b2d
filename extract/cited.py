"""Assembling citations and mentions for each citing part of a document.

The citing part is a statement, a resolution paragraph or (for the release's
own summary and narrative) the release itself. A paragraph's citations take
its opening phrase and CiTO property; a statement's take the lexicon word
that introduces them in the same clause ("welcoming resolution 2331 (2016)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from councilgraph.extract.citations import document_refs
from councilgraph.extract.gazetteer import Gazetteer
from councilgraph.extract.mentions import instrument_refs, organisation_mentions
from councilgraph.extract.records import Citation, DocumentRef, Finding, Mention, ResolutionParagraph
from councilgraph.extract.resolution_text import lexicon
from councilgraph.extract.scan import holds_any, matches_at, occurrences, scan
from councilgraph.ontology.reference import Entity

__all__ = ["Citing", "cite_and_mention"]

# "the resolution just adopted", "today's resolution", "the text": the one resolution the meeting adopted.
_COREFERENCE = re.compile(
    r"\b(?:the\s+(?:resolution|text)\s+(?:just\s+|that\s+had\s+just\s+been\s+|adopted\s+today|it\s+had\s+just\s+)?adopted"
    r"|the\s+(?:resolution|text)\s+adopted\s+today|today's\s+(?:resolution|text)|the\s+text\b(?!\s+of\b))"
)
_COREFERENCE_HOLDS = ("resolution", "text")  # every match holds one: where neither occurs the scan is skipped
_COREFERENCE_STARTS = (("the", 0), ("today's", 0))  # every match starts with one: the pattern is tried there only
_CLAUSE_START = re.compile(r"[,;.:]\s")


@dataclass(frozen=True, slots=True)
class Citing:
    """Who cites: a statement (order), a resolution paragraph, or the document itself (neither)."""

    statement: int | None = None
    resolution: str | None = None
    paragraph: ResolutionParagraph | None = None


def cite_and_mention(text: str, start: int, end: int, citing: Citing, places: Gazetteer,
                     acronyms: dict[str, Entity], adopted: DocumentRef | None,
                     self_symbol: str | None = None, year: int | None = None,
                     ) -> tuple[list[Citation], list[Mention], list[Finding]]:
    """Citations, organisation mentions and year findings in ``text[start:end]``; ``year`` is the citing
    document's (see :func:`document_refs`)."""
    refs, findings = document_refs(text, start, end, year=year)
    paragraph = citing.paragraph
    citations = []
    for ref in refs:
        if ref.symbol == self_symbol:
            continue  # a resolution's text naming itself is not a citation
        citations.append(_citation(text, citing, ref, None, None, ref.start, ref.end, start))
    for inst in instrument_refs(text, start, end):
        citations.append(_citation(text, citing, None, inst.entity, inst.article, inst.start, inst.end, start))
    if adopted is not None and paragraph is None and holds_any(text, start, end, _COREFERENCE_HOLDS):
        for m in scan(_COREFERENCE, text, start, end, _COREFERENCE_STARTS):
            if adopted.symbol != self_symbol:
                ref = DocumentRef(adopted.symbol, adopted.kind, adopted.number, adopted.year, m.start(), m.end())
                citations.append(_citation(text, citing, ref, None, None, m.start(), m.end(), start))
    mentions = [Mention(citing.statement, citing.resolution, paragraph, m.entity, m.start, m.end)
                for m in organisation_mentions(text, start, end, places, acronyms)]
    citations.sort(key=lambda c: c.start)
    return citations, mentions, findings


def _citation(text: str, citing: Citing, ref: DocumentRef | None, instrument: Entity | None,
              article: str | None, start: int, end: int, floor: int) -> Citation:
    phrase: str | None
    if citing.paragraph is not None:
        phrase, cito = citing.paragraph.phrase, citing.paragraph.cito
    else:
        phrase, cito = _introducing_phrase(text, start, floor)
    return Citation(statement=citing.statement, resolution=citing.resolution, paragraph=citing.paragraph,
                    document=ref, instrument=instrument, article=article, phrase=phrase, cito=cito,
                    start=start, end=end)


def _introducing_phrase(text: str, pos: int, floor: int) -> tuple[str | None, str]:
    """The lexicon word introducing a citation in its clause ("welcoming resolution ..."), if any."""
    clause = max([floor, *(m.end() for m in _CLAUSE_START.finditer(text, max(floor, pos - 120), pos))])
    pattern, table = lexicon()
    last = _last_phrase(pattern, text, clause, pos)
    if last is None:
        return None, "cites"
    phrase = " ".join(last.group().split())
    return phrase, table[phrase.lower()][1]


# Every phrase of the lexicon is at least this long; its first characters, lower-cased, find where one may start.
_PREFIX = 5


@cache
def _phrase_prefixes() -> tuple[str, ...] | None:
    """The distinct lower-cased openings of the lexicon's phrases; None if a phrase is not ASCII."""
    phrases = lexicon()[1]
    if not all(phrase.isascii() for phrase in phrases):
        return None
    return tuple(sorted({phrase[:_PREFIX] for phrase in phrases}))


def _last_phrase(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The last match of ``pattern.finditer(text, start, end)``, found without running the pattern everywhere.

    The lexicon's case-insensitive alternation of ~190 phrases tries every phrase at every character
    (~1.5 us a character, ~90 us a call). In ASCII text a phrase can only start where the lower-cased
    text holds one of its openings, so ``str.find`` of the ~70 openings gives every position where a
    match may start, and the pattern itself decides there, left to right and without overlaps, as
    ``finditer`` would. Other text (where case-insensitive matching is not plain lower-casing) takes
    the pattern's own scan.
    """
    window = text[start:end]
    prefixes = _phrase_prefixes()
    if prefixes is None or not window.isascii():
        matches = pattern.finditer(text, start, end)
    else:
        matches = matches_at(pattern, text, start, end, occurrences(window.lower(), prefixes, start))
    last = None
    for m in matches:
        last = m
    return last
