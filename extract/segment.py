"""Segmenting: a :class:`Source` cut into header, summary and sections.

A meetings-coverage release has a fixed shape: a header block (General
Assembly session, "8111th Meeting (AM)", the symbol "SC/13081"), a headline
and usually a sub-headline, lead summary paragraphs, then sections under
one-line headings ("Briefings", "Statements", "Resolution"), and the footer
"For information media. Not an official record."
"""

from __future__ import annotations

import re

from councilgraph.extract.read import InputError, Source
from councilgraph.extract.records import Header, Layout, MeetingRef, MeetingTimes, Paragraph, Section

__all__ = ["segment", "paragraphs", "looks_like_press_release", "ORDINALS"]

_PARAGRAPH = re.compile(r"\S(?:.*\S)?(?:\n[ \t]*\S(?:.*\S)?)*")
_LINE = re.compile(r"\S(?:.*\S)?")
_SYMBOL = re.compile(r"(?P<symbol>(?P<body>[A-Z]{1,10}(?:/[A-Z]{1,10})*)/\d{1,6}(?:-(?:[A-Z]{1,10}/)+\d{1,6})*)")
_MEETING = re.compile(
    r"(?P<n>\d{1,5})(?:st|nd|rd|th)(?:\s*(?:&|and)\s*(?P<n2>\d{1,5})(?:st|nd|rd|th))?"
    r"\s+(?:Plenary\s+)?Meetings?\*?(?:\s*\((?P<part>[^)]{1,30})\))?"
)
_SESSION = re.compile(r"(?P<ordinal>[A-Z][a-z]+(?:-[A-Za-z]+)?)\s+Session,?")
_DATE = re.compile(r"\d{1,2} [A-Z][a-z]+ \d{4}")
_FOOTER = re.compile(r"For information media\b.*Not an official record", re.S)
_TIME = r"(?:(?P<{0}h>\d{{1,2}})(?:[:.](?P<{0}m>\d{{2}}))?\s*(?P<{0}ap>a\.\s?m\.|p\.\s?m\.)|(?P<{0}noon>noon|midday|midnight))"
_OPENED = re.compile(
    r"The (?:meeting|session|Council|Assembly)\s+(?:was\s+)?(?:opened|began|started|called to order|convened)\s+at\s+"
    + _TIME.format("o")
)
# Searched after the opening time in the same paragraph, past any "was suspended at ... and resumed at ...".
_CLOSED = re.compile(r"\b(?:closed|ended|adjourned|concluded|rose)\s+at\s+" + _TIME.format("c"))
_HEADING_END = tuple('.,;:!?"\'')

_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
          "seventh": 7, "eighth": 8, "ninth": 9}
_TENS = {"tenth": 10, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
         "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
         "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
         "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19}
_TENS_PREFIX = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                "seventy": 70, "eighty": 80, "ninety": 90}
#: "Seventy-Second" -> 72, for General Assembly sessions.
ORDINALS: dict[str, int] = {**_UNITS, **_TENS}
ORDINALS.update({f"{t}-{u}": tv + uv for t, tv in _TENS_PREFIX.items() for u, uv in _UNITS.items()})


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Paragraph]:
    """Blocks of non-blank lines in ``text[start:end]``, trimmed."""
    end = len(text) if end is None else end
    return [Paragraph(m.start(), m.end()) for m in _PARAGRAPH.finditer(text, start, end)]


def looks_like_press_release(source: Source) -> bool:
    """Whether the first lines carry a press-release symbol such as SC/13081."""
    text = source.matchable[:3000]
    return _read_header(text, paragraphs(text))[1] is not None


def segment(source: Source) -> Layout:
    """Cut a press release into its parts.

    Raises:
        InputError: the text has no press-release symbol in its header, or
            nothing after it.
    """
    text = source.matchable
    paras = paragraphs(text)
    header_count, symbol, meetings = _read_header(text, paras)
    if symbol is None:
        raise InputError("not a press release: no symbol such as SC/13081 or GA/12345 in its first lines")
    rest = [p for p in paras[header_count:] if not _FOOTER.match(text, p.start, p.end)]
    if len(rest) < 2:
        raise InputError("truncated press release: nothing after the " + ("headline" if rest else "header"))
    headline = rest[0]
    sub = rest[1] if len(rest) > 1 and _is_sub_headline(text, rest[1]) else None
    body = rest[2 if sub else 1:]
    summary, sections = _sections(text, body)
    header = Header(
        symbol=text[symbol[0]:symbol[1]], symbol_start=symbol[0], symbol_end=symbol[1],
        meetings=tuple(meetings),
        headline=_one_line(text, headline), headline_start=headline.start, headline_end=headline.end,
        sub_headline=_one_line(text, sub) if sub else None,
        sub_headline_start=sub.start if sub else None, sub_headline_end=sub.end if sub else None,
    )
    return Layout(header=header, summary=tuple(summary), sections=tuple(sections), times=_times(text))


def _read_header(text: str, paras: list[Paragraph]) -> tuple[int, tuple[int, int] | None, list[MeetingRef]]:
    """Consume leading paragraphs made only of session, meeting, symbol and date lines."""
    symbol: tuple[int, int] | None = None
    session: int | None = None
    found: list[tuple[int, int | None, str | None, int, int]] = []
    count = 0
    for para in paras[:6]:
        lines = list(_LINE.finditer(text, para.start, para.end))
        kinds = []
        for line in lines:
            if (m := _SESSION.fullmatch(text, line.start(), line.end())) and m["ordinal"].lower() in ORDINALS:
                session = ORDINALS[m["ordinal"].lower()]
                kinds.append("session")
            elif m := _MEETING.match(text, line.start(), line.end()):
                found.append((int(m["n"]), int(m["n2"]) if m["n2"] else None, m["part"], m.start(), m.end()))
                kinds.append("meeting")
            elif m := _SYMBOL.fullmatch(text, line.start(), line.end()):
                if symbol is None:
                    symbol = (m.start("symbol"), m.end("symbol"))
                kinds.append("symbol")
            elif _DATE.fullmatch(text, line.start(), line.end()):
                kinds.append("date")
            else:
                kinds.append("other")
        if "other" in kinds:
            break
        count += 1
    symbol_match = _SYMBOL.fullmatch(text, *symbol) if symbol is not None else None
    body = symbol_match["body"] if symbol_match else ""
    meetings = []
    for number, second, part, start, end in found:
        for n in (number, second):
            if n is not None:
                meetings.append(MeetingRef(number=n, body=body, session=session,
                                           part=part.strip() if part else None, start=start, end=end))
    return count, symbol, meetings


def _one_line(text: str, para: Paragraph) -> str:
    return " ".join(text[para.start:para.end].split())


def _is_sub_headline(text: str, para: Paragraph) -> bool:
    chunk = text[para.start:para.end]
    return "\n" not in chunk and len(chunk) < 300 and not chunk.endswith((".", ":"))


def _is_heading(text: str, para: Paragraph) -> bool:
    chunk = text[para.start:para.end]
    return (
        "\n" not in chunk and len(chunk) <= 80 and len(chunk.split()) <= 8
        and chunk[0].isupper() and not chunk.endswith(_HEADING_END)
        and not chunk.split()[0].isupper()  # "TEKEDA ALEMU (Ethiopia)" opens a statement
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
