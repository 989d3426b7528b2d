"""Segmenting: a :class:`Source` cut into header, summary and sections.

A meetings-coverage release has a fixed shape: a header (General Assembly session, "8111th
Meeting (AM)", the symbol "SC/13081", often a date), a headline and usually a sub-headline,
lead summary paragraphs, then sections under one-line headings ("Briefings", "Statements",
"Resolution"), and the closing line "For information media. Not an official record."

Real pages vary that shape: banners and navigation before the header, the header repeated
after a page title, the symbol only in a footer, lines separated by single newlines. So the
text is read line by line: every line before the first line of prose is header, furniture or
headline (:mod:`councilgraph.extract.header` tells which), wherever it stands; the lines of
furniture after the last line of prose are the footer. A text with no symbol still segments
when its header shows a meeting, a date or the press service's furniture.
"""

from __future__ import annotations

import bisect
import itertools
import re

from councilgraph.extract.header import HeaderLine, body_of_organ, read_line, stamped_date
from councilgraph.extract.read import InputError, Source
from councilgraph.extract.records import Header, Layout, MeetingRef, MeetingTimes, Paragraph, Section
from councilgraph.extract.scan import matches_at

__all__ = ["segment", "paragraphs", "lines", "release_evidence"]

_PARAGRAPH = re.compile(r"\S(?:.*\S)?(?:\n[ \t]*\S(?:.*\S)?)*")
_LINE = re.compile(r"\S(?:.*\S)?")
_CLOSING = re.compile(r"For information media\b|Not an official record|^[ \t]*\*\s*\*\*\*\s*\*[ \t]*$", re.M)
_TIME = r"(?:(?P<{0}h>\d{{1,2}})(?:[:.](?P<{0}m>\d{{2}}))?\s*(?P<{0}ap>a\.\s?m\.|p\.\s?m\.)|(?P<{0}noon>noon|midday|midnight))"
_OPENED = re.compile(
    r"The (?:meeting|session|Council|Assembly)\s+(?:was\s+)?(?:opened|began|started|called to order|convened)\s+at\s+"
    + _TIME.format("o")
)
# Searched after the opening time in the same paragraph, past any "was suspended at ... and resumed at ...".
_CLOSED = re.compile(r"\b(?:closed|ended|adjourned|concluded|rose)\s+at\s+" + _TIME.format("c"))
_HEADING_END = tuple('.,;:!?"\'')
_SENTENCE_END = re.compile(r"[.:](?:[\"')\]]*)$")
_WORDS = re.compile(r"[^\W\d_][\w'-]*")
_DATELINE = re.compile(r"[A-Z][A-Z .'-]{1,30},\s+\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?\s+\([^()\n]{2,40}\)\s*-{1,2}\s*(?=\S)")
_KEY_WORDS = re.compile(r"[^\W_][\w'-]*")
_DATE_STAMP = re.compile(r"(?:19|20)\d{6}\s+(?=\S)")
#: A line that ends a paragraph: the next line starts a new one unless it opens in lower case.
_ENDS_PARAGRAPH = tuple('.:;!?"\')]')
# A release reports on a UN organ and says so in its opening: pages that print no header at all
# (a headline, then the text) are recognised by it.
_ORGAN = re.compile(r"\b(?:Security Council|General Assembly|Economic and Social Council|Trusteeship Council"
                    r"|(?:First|Second|Third|Fourth|Fifth|Sixth) Committee|Secretary-General)\b")
_OPENING_CHARS = 2000
_PRESS_SERVICE = re.compile(r"Press\s+Release|Department\s+of\s+(?:Public\s+Information|Global\s+Communications)"
                            r"|In\s+progress\s+at\s+UNHQ|Meetings?\s+Coverage", re.I)
#: A title this long found inside an earlier one is a piece of its repeat, not a heading ("Resolution").
_PIECE_CHARS = 25
#: Hard-wrapped text breaks its lines at 70 to 110 characters; a longer line with no closing
#: punctuation is a paragraph of its own (a heading, a line of a table).
_WRAP_WIDTH = 160
#: How far into the text the header may reach, in lines.
_HEAD_LINES = 60
#: Titles whose words are mostly in lower case are prose, headlines are in title case or capitals.
_PROSE_LOWER_SHARE = 0.5


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Paragraph]:
    """Blocks of non-blank lines in ``text[start:end]``, trimmed."""
    end = len(text) if end is None else end
    return [Paragraph(m.start(), m.end()) for m in _PARAGRAPH.finditer(text, start, end)]


def lines(text: str, start: int = 0, end: int | None = None) -> list[Paragraph]:
    """The non-blank lines of ``text[start:end]``, trimmed."""
    end = len(text) if end is None else end
    return [Paragraph(m.start(), m.end()) for m in _LINE.finditer(text, start, end)]


def release_evidence(source: Source) -> str | None:
    """How surely the text is a press release: "header" when its header or footer shows a press-release
    symbol, a meeting line, the press service's lines or the closing line; "opening" when it shows only
    a date or names a UN organ in its opening (a page that prints no header); None otherwise."""
    reading = _reading(source.matchable)
    if reading.symbol is not None or reading.header_signals:
        return "header"
    return "opening" if reading.opening_signals and (reading.titles or reading.body) else None


def segment(source: Source) -> Layout:
    """Cut a press release into its parts.

    Raises:
        InputError: the text shows neither a press-release symbol nor a meeting, date or press
            service line, or it has nothing after its header.
    """
    text = source.matchable
    reading = _reading(text)
    if reading.symbol is None and not (reading.header_signals or reading.opening_signals):
        raise InputError("not a press release: no symbol such as SC/13081 or GA/12345, and no meeting or date line")
    if not reading.titles and not reading.body:
        raise InputError("truncated press release: nothing after the header")
    headline, sub, *more = reading.titles + [None, None]
    body = [p for p in more if p is not None] + _body_paragraphs(text, reading.body)
    summary, sections = _sections(text, body)
    symbol = reading.symbol
    header = Header(
        symbol=text[symbol[0]:symbol[1]] if symbol else None,
        symbol_start=symbol[0] if symbol else None, symbol_end=symbol[1] if symbol else None,
        meetings=tuple(reading.meetings()),
        headline=_one_line(text, headline) if headline else None,
        headline_start=headline.start if headline else None, headline_end=headline.end if headline else None,
        sub_headline=_one_line(text, sub) if sub else None,
        sub_headline_start=sub.start if sub else None, sub_headline_end=sub.end if sub else None,
        date=reading.date,
    )
    return Layout(header=header, summary=tuple(summary), sections=tuple(sections), times=_times(text),
                  closed=reading.closed)


_LAST: list = [None, None]  # the text last read and its reading: the pipeline asks twice


def _reading(text: str) -> _Reading:
    """The reading of ``text``, kept for the next call on the same string."""
    if _LAST[0] is not text:
        _LAST[0], _LAST[1] = text, _Reading(text)
    return _LAST[1]


class _Reading:
    """The zones of a text: header lines (furniture and titles), body lines, footer lines."""

    def __init__(self, text: str) -> None:
        self.text = text
        every = lines(text)
        first_prose = next((i for i, line in enumerate(every[:_HEAD_LINES])
                            if _opens_prose(text, line, every[i + 1:i + 2])
                            and not read_line(text, line.start, line.end).furniture),
                           min(len(every), _HEAD_LINES))
        head = [read_line(text, line.start, line.end) for line in every[:first_prose]]
        closing = None  # one search over the body, not one per line
        if first_prose < len(every) and (found := _closing_line(text, every[first_prose].start)) is not None:
            closing = bisect.bisect_right([line.start for line in every], found.start()) - 1
        self.closed = closing is not None
        body_end = len(every) if closing is None else closing
        # The footer: furniture after the last line of prose, and after the closing line.
        footer = [read for line in every[body_end + 1 if closing is not None else len(every):]
                  if _may_be_furniture(text, line) and (read := read_line(text, line.start, line.end)).furniture]
        while body_end > first_prose and _may_be_furniture(text, every[body_end - 1]):
            line = read_line(text, every[body_end - 1].start, every[body_end - 1].end)
            if not line.furniture:
                break
            footer.insert(0, line)
            body_end -= 1
        # A running header at a page break ("Security Council - 2 - Press Release SC/6918 4193rd
        # Meeting (AM)") is no paragraph, and may give the symbol or meeting the header lacks. Other
        # short lines of the body ("Background", a letter's date) stay paragraphs and say nothing
        # about the release.
        self.body = []
        running: list[HeaderLine] = []
        for line in every[first_prose:body_end]:
            read = read_line(text, line.start, line.end) if _may_be_furniture(text, line) else None
            if read is not None and read.furniture and (read.symbol or read.meetings):
                running.append(read)
            else:
                self.body.append(line)
        furniture = [line for line in head if line.furniture]
        self.titles = _titles(text, [line for line in head if not line.furniture], furniture)
        around = furniture + footer
        self.symbol = next((line.symbol for line in around + running if line.symbol), None)
        self._furniture = next((lines for lines in (furniture, footer, running) if any(x.meetings for x in lines)), [])
        self.session = next((line.session for line in around if line.session is not None), None)
        # Else a stamp opening a header line or the first line of prose ("20000929As the Fourth Committee").
        opening = every[:first_prose + 1] if first_prose < min(len(every), _HEAD_LINES) else every[:first_prose]
        self.date = next((line.date for line in around + running if line.date), None) or next(
            (d for line in opening if (d := stamped_date(text, line.start, line.end))), None)
        organs = [line.organ for line in furniture + footer if line.organ]
        # A Main Committee's release prints the Assembly too: the committee is the finer organ.
        self.organ = next((o for o in organs if o.startswith("GA/")), organs[0] if organs else None)
        if self.organ is None and self.titles:  # no organ line: the organ the headline names
            self.organ = body_of_organ(text[self.titles[0].start:self.titles[0].end])
        self.header_signals = bool(
            self.closed or any(line.meetings or line.symbol for line in around + running)
            or any(_PRESS_SERVICE.search(text, line.start, line.end) for line in around))
        # A page that prints no header at all names the organ in its headline or first paragraph.
        opening = self.titles[:1] + every[first_prose:first_prose + 2]
        self.opening_signals = bool(any(line.date for line in around)
                                    or any(_ORGAN.search(text, line.start, line.end) for line in opening))

    def meetings(self) -> list[MeetingRef]:
        """The meetings the header (or else the footer) names, each once, in order."""
        body = _series(self.text[self.symbol[0]:self.symbol[1]]) if self.symbol is not None else self.organ or ""
        seen: set[int] = set()
        out = []
        for line in self._furniture:
            for number, part, start, end in line.meetings:
                if number not in seen:
                    seen.add(number)
                    out.append(MeetingRef(number=number, body=body, session=self.session, part=part,
                                          start=start, end=end))
        return out


def _closing_line(text: str, pos: int) -> re.Match[str] | None:
    """``_CLOSING.search(text, pos)``, tried only where a match can start: at "For information media", at
    "Not an official record", or at the start of a line with a "*" (the pattern's third form), instead of at
    every character of the body (1 ms a document)."""
    positions = set()
    for literal in ("For information media", "Not an official record", "*"):
        i = text.find(literal, pos)
        while i >= 0:
            positions.add(text.rfind("\n", 0, i) + 1 if literal == "*" else i)
            i = text.find(literal, i + 1)
    return next(matches_at(_CLOSING, text, pos, len(text), sorted(p for p in positions if p >= pos)), None)


def _series(symbol: str) -> str:
    """"SC/13081" -> "SC"; "GA/SHC/3872" -> "GA/SHC"; "SG/SM/18800-SC/13100" -> "SG/SM"."""
    return symbol.split("-")[0].rsplit("/", 1)[0]


def _may_be_furniture(text: str, line: Paragraph) -> bool:
    """A cheap test before :func:`read_line`: furniture lines are short, end no sentence and have words
    (a rule of underscores or asterisks in the body marks where a text or its notes end)."""
    return (line.end - line.start < 200 and text[line.end - 1] not in ".!?\"'"
            and _WORDS.search(text, line.start, line.end) is not None)


def _opens_prose(text: str, line: Paragraph, following: list[Paragraph]) -> bool:
    """Whether the body starts at this line: it is prose, or a sentence wrapped onto the next line.
    A headline wrapped before a lower-case word ("... Mission in Liberia / for Six Months") is no prose."""
    if _wraps_on(text, line, following):
        return _is_prose(text, Paragraph(line.start, following[0].end))
    return _is_prose(text, line)


def _wraps_on(text: str, line: Paragraph, following: list[Paragraph]) -> bool:
    """Whether the next line continues this one's sentence: a hard-wrapped paragraph or title."""
    return bool(following) and text.count("\n", line.end, following[0].start) == 1 \
        and text[following[0].start].islower() and text[line.end - 1] not in _ENDS_PARAGRAPH


def _is_prose(text: str, line: Paragraph) -> bool:
    """Running text, not a headline: it ends a sentence with a full stop or colon, or most of its words
    are in lower case (a headline may end with a question or exclamation mark)."""
    chunk = text[line.start:line.end]
    words = _WORDS.findall(chunk)
    if not words:
        return False
    lower = sum(1 for w in words if w[0].islower())
    if _SENTENCE_END.search(chunk):
        return True
    return len(words) >= 8 and lower / len(words) >= _PROSE_LOWER_SHARE


def _titles(text: str, candidates: list[HeaderLine], furniture: list[HeaderLine]) -> list[Paragraph]:
    """Headline and sub-headlines: the header's lines that are not furniture, each once.

    A headline in capitals broken over several lines is one title; a page title repeated by the
    release below it is one title.
    """
    furniture_starts = sorted(line.start for line in furniture)
    titles: list[Paragraph] = []
    for line in candidates:
        start = line.start
        if stamp := _DATE_STAMP.match(text, start, line.end):  # "19961111 Eight Draft Resolutions Approved"
            start = stamp.end()
        line = Paragraph(start, line.end)
        chunk = text[line.start:line.end]
        previous = text[titles[-1].start:titles[-1].end] if titles else ""
        if titles and chunk[:1].islower() and text.count("\n", titles[-1].end, line.start) == 1:
            titles[-1] = Paragraph(titles[-1].start, line.end)  # "... Mission in Liberia / for Six Months"
        elif titles and _is_capitals(chunk) and _is_capitals(previous) \
                and not _title_key(previous).startswith(_title_key(chunk)) \
                and not any(titles[-1].end < f < line.start for f in furniture_starts):
            titles[-1] = Paragraph(titles[-1].start, line.end)
        else:
            titles.append(Paragraph(line.start, line.end))
    # A repeat may be broken over lines in title case: each piece is then part of the first copy.
    keys: list[str] = []
    distinct = []
    for title in titles:
        key = _title_key(text[title.start:title.end])
        if not (len(key) >= _PIECE_CHARS and any(key in earlier for earlier in keys)) and key not in keys:
            keys.append(key)
            distinct.append(title)
    return distinct


def _title_key(chunk: str) -> str:
    """A title's words, case and punctuation aside: the same title printed twice has one key."""
    return " ".join(_KEY_WORDS.findall(chunk.casefold()))


def _is_capitals(chunk: str) -> bool:
    letters = [c for c in chunk if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _body_paragraphs(text: str, body: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs of the body.

    A line continues the one before (no blank line between) when that one was cut mid-sentence:
    the next line opens in lower case, or, in a text that separates its paragraphs by blank lines,
    the line before is no longer than a hard-wrapped line and ends without closing punctuation.
    Otherwise every line is a paragraph, as in pages copied with single newlines. A dateline
    ("NEW YORK, 21 April (UN Headquarters) --") is furniture: the paragraph starts after it.
    """
    blank_lines = any(text.count("\n", a.end, b.start) > 1 for a, b in itertools.pairwise(body))
    out: list[Paragraph] = []
    previous: Paragraph | None = None  # the line before, not the paragraph
    for line in body:
        if dateline := _DATELINE.match(text, line.start, line.end):
            line = Paragraph(dateline.end(), line.end)
        if out and previous is not None and text.count("\n", previous.end, line.start) == 1 \
                and text[previous.end - 1] not in _ENDS_PARAGRAPH \
                and (text[line.start].islower() or (blank_lines and previous.end - previous.start <= _WRAP_WIDTH)):
            out[-1] = Paragraph(out[-1].start, line.end)
        else:
            out.append(line)
        previous = line
    return out


_CLAUSE_AFTER_COMMA = re.compile(r",\s+[a-z]")


def _one_line(text: str, para: Paragraph) -> str:
    return " ".join(text[para.start:para.end].split())


def _is_heading(text: str, para: Paragraph) -> bool:
    chunk = text[para.start:para.end]
    return (
        "\n" not in chunk and len(chunk) <= 80 and len(chunk.split()) <= 8
        and chunk[0].isupper() and not chunk.endswith(_HEADING_END)
        and not chunk.split()[0].isupper()  # "TEKEDA ALEMU (Ethiopia)" opens a statement
        and _CLAUSE_AFTER_COMMA.search(chunk) is None  # "Canada's representative, welcoming the" begins a sentence
    )


def _sections(text: str, body: list[Paragraph]) -> tuple[list[Paragraph], list[Section]]:
    summary: list[Paragraph] = []
    sections: list[Section] = []
    heading: Paragraph | None = None
    members: list[Paragraph] = []

    def close() -> None:
        if heading is not None:
            end = members[-1].end if members else heading.end
            sections.append(Section(_one_line(text, heading), heading.start, end, tuple(members)))

    for para in body:
        if _is_heading(text, para):
            close()
            heading, members = para, []
        elif heading is None:
            summary.append(para)
        else:
            members.append(para)
    close()
    return summary, sections


def _clock(match: re.Match[str], prefix: str) -> str | None:
    if match[f"{prefix}noon"]:
        return "00:00" if match[f"{prefix}noon"] == "midnight" else "12:00"
    if not match[f"{prefix}h"]:
        return None
    hour, minute = int(match[f"{prefix}h"]) % 12, int(match[f"{prefix}m"] or 0)
    if match[f"{prefix}ap"].startswith("p"):
        hour += 12
    return f"{hour:02d}:{minute:02d}"


def _times(text: str) -> MeetingTimes | None:
    opened = _OPENED.search(text)
    if opened is None:
        return None
    paragraph_end = text.find("\n", opened.end())
    closed = _CLOSED.search(text, opened.end(), len(text) if paragraph_end == -1 else paragraph_end)
    return MeetingTimes(opened=_clock(opened, "o"), closed=_clock(closed, "c") if closed else None,
                        start=opened.start(), end=closed.end() if closed else opened.end())
