"""The lines around a release's text: symbol, meeting, session and date lines, and page furniture.

Real releases put these lines in many places: the house style opens with "8111th Meeting (AM)"
and "SC/13081"; pages of the press site open with a banner ("In progress at UNHQ"), repeat the
symbol and headline, run the symbol into other words ("Press ReleaseSC/8301", "Security
CouncilSC/8737"), print "Department of Public Information • News and Media Division • New York",
or give the symbol and meeting only in a footer ("Press Release GA/9453 15th Meeting (AM)").

Rather than one rule per layout, every line is read the same way: the symbol, meeting,
session, date and furniture phrases are taken out of it, and a line with no word left is a
:class:`HeaderLine` of furniture. :mod:`councilgraph.extract.segment` decides where such lines
may stand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from councilgraph.extract.scan import word_tree

__all__ = ["HeaderLine", "read_line", "ORDINALS", "body_of_organ", "parse_date", "stamped_date"]

# A press release's own symbol: a series of two or more capitals ("SC", "GA/SHC", "SG/SM"), so that
# document symbols ("S/2004/50", "A/60/L.48") are never taken for it. The series may follow a
# lower-case letter with no space ("Press ReleaseSC/8301"), never another capital or slash.
PRESS_SYMBOL = re.compile(
    r"(?<![A-Z/])(?P<symbol>(?P<body>[A-Z]{2,10}(?:/[A-Z]{1,10})*)/\d{1,6}(?:/\d{1,6})?(?:/Rev\.\d)?"
    r"(?:-(?:[A-Z]{1,10}/)+\d{1,6})*)(?![\w/])"
)
_ORDINAL_NUMBER = r"(?:\d{1,2},\d{3}|\d{1,5})\s?(?:st|nd|rd|th)"  # "10,000th Meeting": the Council's, from 2025
MEETING = re.compile(
    rf"(?P<numbers>{_ORDINAL_NUMBER}(?:\s*(?:,|&|and)\s*{_ORDINAL_NUMBER}){{0,8}})"  # bounded: no slow run-on lines
    r"(?:\s*(?:Plenary\s+)?Meetings?\*?(?:\s*\([Rr]esumed\))?(?:\s*\((?P<part>[^)\n]{1,30})\))?"
    # "43rd & 44th (AM & PM)": the word "Meetings" left out before the time of day.
    r"|\s*\((?P<time>(?:AM|PM)(?:\s*(?:&|and)\s*(?:AM|PM))?)\))"
)
_NUMBER = re.compile(r"\d{1,2},\d{3}|\d{1,5}")
# "Organizational Meeting (AM)", "Resumed Meeting": a meeting line without a number.
_UNNUMBERED_MEETING = re.compile(r"\b(?:Organizational|Resumed|Special|Closing|Opening)\s+Meetings?\*?(?:\s*\([^)\n]{1,30}\))?")
_SESSION = re.compile(
    r"(?<!Special )(?<!Emergency )\b(?P<ordinal>[A-Z][a-z]+(?:-[A-Za-z]+)?)\s+(?:Session|session|General\s+Assembly),?"
)
_MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"), start=1)}
_DATE = re.compile(
    r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    r"(?:(?P<d1>\d{1,2})\s+(?P<m1>[A-Z][a-z]+)\s+(?P<y1>\d{4})"
    r"|(?P<m2>[A-Z][a-z]+)\s+(?P<d2>\d{1,2}),\s+(?P<y2>\d{4})"
    r"|(?P<d3>\d{2})/(?P<m3>\d{2})/(?P<y3>\d{4}|\d{2})"  # "03/11/03" on pages of the early 2000s
    r"|(?P<y4>(?:19|20)\d{2})(?P<m4>\d{2})(?P<d4>\d{2}))(?!\d)"
)
# A date stamp that opens a line, glued to what follows: "19971029 Resolution 1135 (1997) Adopted ...",
# "20000929As the Fourth Committee ..." (press pages of the 1990s), "date 2024-06-26 The following ...".
_STAMP = re.compile(r"\s*(?:date\s+)?(?:(?P<y4>(?:19|20)\d\d)(?P<m4>\d\d)(?P<d4>\d\d)"
                    r"|(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d))(?!\d)")
_WORD = re.compile(r"[^\W_]")

#: "Seventy-Second" -> 72, for General Assembly sessions.
_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
          "seventh": 7, "eighth": 8, "ninth": 9}
_TENS = {"tenth": 10, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
         "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
         "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
         "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19}
_TENS_PREFIX = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                "seventy": 70, "eighty": 80, "ninety": 90}
ORDINALS: dict[str, int] = {**_UNITS, **_TENS}
ORDINALS.update({f"{t}-{u}": tv + uv for t, tv in _TENS_PREFIX.items() for u, uv in _UNITS.items()})

# "Eleventh Emergency Special Session", "Fifty-eighth General Assembly": the ordinal is furniture too. As a tree
# of letters, not 99 alternatives: the furniture pattern runs over every line of a release's head and foot.
_ORDINAL_WORDS = f"(?:{word_tree(ORDINALS)})"
# Words that pages print around a release and that say nothing about it. Kept together here, as
# the vocabulary of page furniture, so that a new layout needs a phrase, not a rule. (Case is ignored;
# punctuation is left in place, since a line is furniture when no word is left.)
_FURNITURE = re.compile((
    r"In\s+progress\s+at\s+UNHQ|Meetings?\s+Coverage(?:\s+and\s+Press\s+Releases)?|Press\s+Releases?(?:\s+No\b)?"
    r"|Release\s+Date|For\s+information\s+only|not\s+an\s+official\s+document|Skip\s+to\s+main\s+content"
    r"|-\s*\d{1,2}\s*-"  # a page number in a running header: "Security Council - 2 - Press Release SC/6918"
    r"|Department\s+of\s+(?:Public\s+Information|Global\s+Communications)|News\s+and\s+Media\s+Division"
    r"|Media\s+Division|New\s+York|Geneva|Vienna|Nairobi|United\s+Nations"
    r"|Security\s+Council|General\s+Assembly|Economic\s+and\s+Social\s+Council|Trusteeship\s+Council"
    r"|(?:First|Second|Third|Fourth|Fifth|Sixth|Main|Special\s+Political\s+and\s+Decolonization)\s+Committee"
    r"|\((?:Disarmament\s+and\s+International\s+Security|Economic\s+and\s+Financial|Social,\s+Humanitarian\s+and\s+Cultural"
    r"|Special\s+Political\s+and\s+Decolonization|Administrative\s+and\s+Budgetary|Legal)\)"
    r"|Plenary|Round-?up|Background(?:\s+Release)?|Note\s+No\.\s*\d+|(?:Resumed|Emergency|Special)\b"
    r"|\bSession\b|Press\s+Conference|Home|Print|Share|\b(?:19|20)\d{2}\b|\b{ordinal}\b"
).replace("{ordinal}", _ORDINAL_WORDS),
    re.IGNORECASE,
)
# The organ a line names, for the meetings of a release that prints no symbol.
_ORGANS = (
    (re.compile(r"Security\s+Council"), "SC"),
    (re.compile(r"First\s+Committee"), "GA/DIS"), (re.compile(r"Second\s+Committee"), "GA/EF"),
    (re.compile(r"Third\s+Committee"), "GA/SHC"), (re.compile(r"Fourth\s+Committee"), "GA/SPD"),
    (re.compile(r"Fifth\s+Committee"), "GA/AB"), (re.compile(r"Sixth\s+Committee"), "GA/L"),
    (re.compile(r"Economic\s+and\s+Social\s+Council"), "ECOSOC"),
    (re.compile(r"General\s+Assembly"), "GA"),
)


@dataclass(frozen=True, slots=True)
class HeaderLine:
    """What one line says about the release, offsets into the text.

    ``furniture`` is true when nothing is left of the line once its symbol, meetings, session,
    date and furniture phrases are taken out: the line is not part of the headline or body.
    """

    start: int
    end: int
    furniture: bool
    symbol: tuple[int, int] | None
    meetings: tuple[tuple[int, str | None, int, int], ...]  # (number, part, start, end)
    session: int | None
    date: str | None  # ISO 8601
    organ: str | None  # "SC", "GA", "GA/SHC" ...


def read_line(text: str, start: int, end: int) -> HeaderLine:
    """Read one line (``text[start:end]``, trimmed) as a possible header or furniture line."""
    line = text[start:end]
    symbol = None
    meetings: list[tuple[int, str | None, int, int]] = []
    session = None
    found_date = None
    rest = line
    if (m := PRESS_SYMBOL.search(line)) is not None:
        symbol = (start + m.start("symbol"), start + m.end("symbol"))
        rest = PRESS_SYMBOL.sub(" ", rest)
    for m in MEETING.finditer(line):
        part = (m["part"] or m["time"] or "").strip() or None
        meetings.extend((int(n.replace(",", "")), part, start + m.start(), start + m.end()) for n in _NUMBER.findall(m["numbers"]))
    rest = _UNNUMBERED_MEETING.sub(" ", MEETING.sub(" ", rest))
    if (m := _SESSION.search(rest)) is not None and m["ordinal"].lower() in ORDINALS:
        session = ORDINALS[m["ordinal"].lower()]
        rest = rest[:m.start()] + " " + rest[m.end():]
    if (m := _DATE.search(rest)) is not None and (found_date := parse_date(m)) is not None:
        rest = rest[:m.start()] + " " + rest[m.end():]
    furniture = _WORD.search(_FURNITURE.sub(" ", rest)) is None
    organ = body_of_organ(line) if furniture else None
    return HeaderLine(start, end, furniture, symbol, tuple(meetings), session, found_date, organ)


def body_of_organ(line: str) -> str | None:
    """The symbol series of the organ a line names first: "Third Committee" -> "GA/SHC"; "General
    Assembly, Security Council Elect Judges" -> "GA"."""
    found = [(m.start(), -len(m[0]), body) for pattern, body in _ORGANS if (m := pattern.search(line))]
    return min(found)[2] if found else None


def stamped_date(text: str, start: int, end: int) -> str | None:
    """The date of a stamp opening the line ``text[start:end]``, if any."""
    m = _STAMP.match(text, start, end)
    return parse_date(m) if m is not None else None


def _full_year(printed: str) -> int:
    """"03" -> 2003, "97" -> 1997: two-digit years on the press pages are of 1946-2045 (dates are printed
    day first, DD/MM/YY, as everywhere on them)."""
    year = int(printed)
    return year if len(printed) == 4 else year + (1900 if year >= 46 else 2000)


def parse_date(m: re.Match[str]) -> str | None:
    """The ISO date of a :data:`_DATE` or :data:`_STAMP` match, or None when it is no calendar date."""
    groups = m.groupdict()
    try:
        if groups.get("y1"):
            day, month, year = int(m["d1"]), _MONTHS.get(m["m1"].lower()), int(m["y1"])
        elif groups.get("y2"):
            day, month, year = int(m["d2"]), _MONTHS.get(m["m2"].lower()), int(m["y2"])
        elif m["y3"]:
            day, month, year = int(m["d3"]), int(m["m3"]), _full_year(m["y3"])
        else:
            day, month, year = int(m["d4"]), int(m["m4"]), int(m["y4"])
        return date(year, month, day).isoformat() if month else None
    except ValueError:
        return None
