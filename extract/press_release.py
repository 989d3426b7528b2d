"""One press release, end to end: Source -> PressRelease records."""

from __future__ import annotations

import bisect
import itertools
import re

from councilgraph.extract.alignments import extract_alignments
from councilgraph.extract.cited import Citing, cite_and_mention
from councilgraph.extract.gazetteer import Gazetteer, gazetteer
from councilgraph.extract.mentions import document_gazetteer, learned_acronyms
from councilgraph.extract.participants import extract_participants, reconcile
from councilgraph.extract.read import Source
from councilgraph.extract.records import Citation, DocumentRef, Finding, Layout, Mention, PressRelease, Vote
from councilgraph.extract.resolution_text import resolutions_in_release
from councilgraph.extract.segment import segment
from councilgraph.extract.statements import extract_statements
from councilgraph.extract.votes import vote_findings, votes_in_release
from councilgraph.ontology.reference import resolution_years

__all__ = ["extract_press_release"]


def extract_press_release(source: Source, places: Gazetteer | None = None) -> PressRelease:
    """Segment a release and extract statements, alignments, participants, resolution texts,
    citations, mentions and votes.

    Raises:
        InputError: the text is not a press release.
    """
    places = places or gazetteer()
    text = source.matchable
    layout = segment(source)
    # "United Nations Mission in Xland (UNMIX)" teaches the document an organisation outside the
    # reference lists: speakers' delegations, alignments, participants and mentions all see it.
    acronyms = learned_acronyms(text, places)
    taught = document_gazetteer(places, acronyms)
    statements, findings = extract_statements(source, layout, taught)
    alignments = extract_alignments(source, statements, taught)
    participants = extract_participants(source, layout, taught)
    findings += reconcile(participants, statements)
    resolutions = resolutions_in_release(source, layout)

    # Narrative: what the release says in its own voice (headline, summary, procedural paragraphs).
    covered = [(s.start, s.end) for s in statements] + [(r.start, r.end) for r in resolutions]
    header = layout.header
    narrative = [(header.headline_start, header.headline_end)] if header.headline_start is not None else []
    if header.sub_headline_start is not None and header.sub_headline_end is not None:
        narrative.append((header.sub_headline_start, header.sub_headline_end))
    narrative += [(p.start, p.end) for p in layout.summary]
    inside = _Within(covered)
    narrative += [(p.start, p.end) for section in layout.sections for p in section.paragraphs
                  if not inside(p.start)]
    meeting = header.meetings[0].number if header.meetings else None
    council = (header.symbol or "").startswith("SC/") or any(m.body == "SC" for m in header.meetings)
    year = int(header.date[:4]) if header.date else _latest_resolution_year(text)
    votes = votes_in_release(text, narrative, meeting, places, security_council=council, year=year)
    findings += vote_findings(votes, security_council=council)
    findings += _text_findings(text, layout)
    adopted = _the_adopted_text(votes, resolutions)

    citations: list[Citation] = []
    mentions: list[Mention] = []

    def collect(start: int, end: int, citing: Citing, self_symbol: str | None = None) -> None:
        found, mentioned, years = cite_and_mention(text, start, end, citing, taught, acronyms, adopted, self_symbol,
                                                   year)
        citations.extend(found)
        mentions.extend(mentioned)
        findings.extend(years)

    # A narrative statement may lie in the summary or open mid-paragraph: what it covers it cites, not the release.
    spoken = sorted((s.start, s.end) for s in statements)
    for start, end in (part for span in narrative for part in _outside(text, span, spoken)):
        collect(start, end, Citing())
    for statement in statements:
        collect(statement.start, statement.end, Citing(statement=statement.order))
    for resolution in resolutions:
        for paragraph in resolution.paragraphs:
            collect(paragraph.start, paragraph.end, Citing(resolution=resolution.document.symbol, paragraph=paragraph),
                    self_symbol=resolution.document.symbol)
    return PressRelease(
        layout=layout,
        statements=tuple(statements),
        alignments=tuple(alignments),
        participants=tuple(participants),
        findings=tuple(sorted(findings, key=lambda f: (f.start, f.kind))),
        resolutions=tuple(resolutions),
        citations=tuple(sorted(citations, key=lambda c: c.start)),
        mentions=tuple(sorted(mentions, key=lambda m: m.start)),
        votes=tuple(votes),
    )


# "1373 (2001)", "S/RES/2623 (2022)", "resolution 1624": a Security Council resolution and its year. Each pattern
# opens on a literal ("(", "esolution"), which the regex engine finds fast: one alternation cost 1.7 ms a release.
_PRINTED_YEAR = re.compile(r"\(((?:19|20)\d\d)\)")
_NUMBER_BEFORE = re.compile(r"(?<!\d)(\d{1,4})\s*$")
_RESOLUTION_NUMBER = re.compile(r"esolutions?\s+(\d{1,4})\b(?!\s*\()")


def _latest_resolution_year(text: str) -> int | None:
    """The release's year when the page gives no date (many copied pages show none): no older than the
    newest Security Council resolution it names, dated by its number (a printed year that is not the
    number's is a misprint or no resolution, and is left out)."""
    years = resolution_years()
    found = []
    for m in _PRINTED_YEAR.finditer(text):
        number = _NUMBER_BEFORE.search(text, max(0, m.start() - 6), m.start())
        if number is not None and years.year_of(int(number[1])) == int(m[1]):
            found.append(int(m[1]))
    found += [year for m in _RESOLUTION_NUMBER.finditer(text) if (year := years.year_of(int(m[1]))) is not None]
    return max(found, default=None)


class _Within:
    """Whether a position lies in one of some spans (``a <= pos < b``), by bisection: a release has
    hundreds of paragraphs and of statements, and testing every pair cost a millisecond."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self._starts = [a for a, _ in spans]
        self._reach = list(itertools.accumulate((b for _, b in spans), max))  # furthest end of the spans so far

    def __call__(self, pos: int) -> bool:
        i = bisect.bisect_right(self._starts, pos)  # the spans starting at or before ``pos``
        return i > 0 and self._reach[i - 1] > pos


def _outside(text: str, span: tuple[int, int], covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``span`` outside the sorted ``covered`` spans, trimmed, blank parts dropped."""
    parts, pos = [], span[0]
    for start, end in covered:
        if start < span[1] and end > pos:
            parts.append((pos, max(pos, start)))
            pos = max(pos, end)
    parts.append((pos, span[1]))
    out = []
    for start, end in parts:
        chunk = text[start:end]
        if chunk.strip():
            out.append((start + len(chunk) - len(chunk.lstrip()), end - len(chunk) + len(chunk.rstrip())))
    return out


def _the_adopted_text(votes: list[Vote], resolutions: list) -> DocumentRef | None:
    """The one text the meeting adopted, for "the resolution just adopted"; None when not exactly one."""
    adopted = {v.document.symbol: v.document for v in votes if v.adopted and v.document.symbol}
    if len(adopted) == 1:
        return next(iter(adopted.values()))
    if not adopted and len(resolutions) == 1:
        return resolutions[0].document
    return None


def _text_findings(text: str, layout: Layout) -> list[Finding]:
    """What the text as a whole lacks: a symbol, or its end (the closing line, the last sentence)."""
    header = layout.header
    findings = []
    paragraphs = [*layout.summary, *(p for s in layout.sections for p in s.paragraphs)]
    first = (header.headline_start, header.headline_end) if header.headline_start is not None else \
        (paragraphs[0].start, paragraphs[0].end) if paragraphs else (0, 0)
    if header.symbol is None:
        findings.append(Finding(
            kind="MissingSymbol", severity="Warning",
            message="the text prints no press-release symbol such as SC/13081; its IRI is made from the file name",
            start=first[0], end=first[1]))
    if not layout.closed:
        last = max([first[1], *(p.end for p in layout.summary), *(s.end for s in layout.sections)])
        last_start = text.rfind("\n", 0, last) + 1
        cut = not text[:last].rstrip("\"')] ").endswith((".", "!", "?", ":", ";"))
        findings.append(Finding(
            kind="TextEndsEarly", severity="Warning",
            message="the text ends before the closing line 'For information media. Not an official record.'"
                    + ("; its last sentence is cut" if cut else "") + ": the graph holds only what it contains",
            start=last_start, end=last))
    return findings
