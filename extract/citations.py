"""Citations of UN documents: Security Council and General Assembly resolutions,
presidential statements, and any document by its symbol.

Written forms handled (line breaks and non-breaking spaces inside are fine)::

    resolution 2331 (2016)             Resolution 1261 (1999)
    resolutions 2359 (2017) and 2374 (2017)
    resolutions 2195 (2014), 2253 (2015), 2199 (2015) and 2368 (2017), which ..., as well as 2242 (2015)
    its resolution 889 (1993) of 15 December 1993
    presidential statement 2015/25     S/PRST/2015/25
    S/2017/939   S/1994/262   A/72/L.1   A/47/277-S/24111
    (See Press Release GA/12250.)      see Press Releases SC/8089 and SC/8090 of 20 November
    General Assembly resolution 1514 (XV)     resolution 70/1
    resolution 1566                    resolutions 1267 and 1373 (no year printed)
    a list cut into two paragraphs     "resolutions 1270 (1999) of" / "7 February 2000, 1313 (2000) of ..."

A Security Council resolution number fixes its year; a printed year that the
resolution-years table contradicts ("resolution 2331 (2661)") is corrected and
reported as a finding, never turned into a second resolution.
"""

from __future__ import annotations

import re
from dataclasses import replace

from councilgraph.extract.records import DocumentRef, Finding
from councilgraph.extract.scan import scan
from councilgraph.ontology.reference import ResolutionYears, resolution_years

__all__ = ["document_refs"]

# "resoiutions" and "reso-\nlutions" are OCR and hyphenation forms in older resolution texts.
_TRIGGER = re.compile(r"\b(?P<ga>General\s+Assembly\s+)?[Rr]eso(?:-\s*)?[li1]utions?\b")
_NUMBER_YEAR = re.compile(r"(?<![\d/.\w-])(?P<number>\d{1,4})\s*\(\s*(?P<year>\d{4})\s*\)")
_GA_ROMAN = re.compile(r"\s*(?P<number>\d{1,4}(?:\s+[A-H])?)\s*\((?P<session>(?:E?S-)?[IVXL]{1,6}|S-\d{1,2})\)")
_GA_SLASH = re.compile(r"\s*(?P<session>\d{1,2})/(?P<number>\d{1,3})(?![\d/])")
_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|,?\s+as\s+well\s+as\s+)")
# A clause ends at a full stop or semicolon, unless the list of numbers goes on after it (a
# comma misread as a full stop: "276 (1970) of 30 January. 282 (1970) of 23 July").
_CLAUSE_END = re.compile(r"[.;](?:\s|$)(?!\s*(?:and\s+)?\d{1,4}\s*\(\d{4}\))|\n\s*\n")
_DATE = re.compile(r"\s+of\s+\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?")
# A paragraph that breaks off inside a list ("1289 (2000) of", "..., and") goes on in the next one.
_BROKEN_OFF = re.compile(r"(?:\bof|\band|,)$")
_LIST_GOES_ON_HERE = re.compile(r"\s*(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*,\s*)?(?:and\s+)?\d{1,4}\s*\(\s*\d{4}\s*\)")
_LOOK_BACK = 400
_GAP = 80  # "resolutions on the question of Namibia, particularly 435 (1978)"
# A number without its year counts only right after "resolution(s)" and only where no other organ
# owns the numbering: not "draft resolution 1", "Human Rights Council resolution 5", "Assembly resolution 2758".
_BARE_NUMBER = re.compile(r"\s*(?P<number>\d{1,4})(?![\d/\w(-]|\s*\(|[.,]\d)")
_OTHER_NUMBERING = re.compile(
    r"(?:\bdraft|Assembly|Human\s+Rights\s+Council|Economic\s+and\s+Social\s+Council|ECOSOC|Commission|"
    r"Conference|Board|Committee|Council\s+of\s+\w+)\s*$", re.I)
# "Human Rights Council resolution 24/24": a session/number of another organ, no Assembly resolution.
_OTHER_ORGAN = re.compile(
    r"(?:Human\s+Rights\s+Council|Economic\s+and\s+Social\s+Council|ECOSOC|Commission|Conference|Board|"
    r"Council\s+of\s+\w+)\s*$", re.I)
_ORGAN = re.compile(r"\b(?:Assembly|Committee|Council)\b")
# After the first number, a bare number continues the list only before a clause word: "resolutions 1267
# and 1373 were", not "resolution 2388 and 14 other texts".
_LIST_GOES_ON = re.compile(
    r"\s*(?:[,;.:)]|$)|\s+(?:and|or|as|of|by|in|on|under|to|which|that|were|was|are|is|had|have|has|would|"
    r"will|adopted|respectively)\b")
_PRST = re.compile(r"\b[Pp]residential\s+[Ss]tatements?\s+(?:S/PRST/)?(?P<year>\d{4})/(?P<number>\d{1,3})\b")
_PRST_MORE = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:S/PRST/)?(?P<year>\d{4})/(?P<number>\d{1,3})\b")
# Press releases are named only after "Press Release(s)": bare, "SC/8089" could be anything.
_RELEASE_SYMBOL = r"(?P<symbol>[A-Z]{1,10}(?:/[A-Z]{1,10})*/\d{1,6}(?:-[A-Z]{1,10}(?:/[A-Z]{1,10})*/\d{1,6})*)\b"
_PRESS_RELEASE = re.compile(rf"\b[Pp]ress\s+[Rr]eleases?\s+{_RELEASE_SYMBOL}")
_PRESS_RELEASE_MORE = re.compile(rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+){_RELEASE_SYMBOL}")
_SEGMENT = r"(?:RES|PRST|PV\.\d+|C\.\d+|CN\.\d+|AC\.\d+|L\.\d+|Add\.\d+|Rev\.\d+|Corr\.\d+|[A-Z]{2,6}|\d{1,5})"
_SYMBOL = re.compile(rf"(?<![\w/])(?P<symbol>(?:S|A|E|ST)(?:/{_SEGMENT}){{1,5}})(?P<paren>\s*\(\s*(?P<year>\d{{4}})\s*\))?")
# Where a match can start: next to a literal every match starts with ("S/", "ST/"; "General" or "Reso";
# "Presidential"), as (literal, shift).
_SYMBOL_STARTS = (("/", -1), ("/", -2))
_TRIGGER_STARTS = (("General", 0), ("eso", -1))
_PRST_STARTS = (("residential", -1),)


def document_refs(text: str, start: int, end: int, years: ResolutionYears | None = None,
                  year: int | None = None) -> tuple[list[DocumentRef], list[Finding]]:
    """UN documents cited in ``text[start:end]``, left to right, and year findings. ``year`` is the citing
    document's, when known: it tells which of a resolution's number and printed year is misprinted."""
    years = years or resolution_years()
    refs: list[DocumentRef] = []
    findings: list[Finding] = []
    taken: set[int] = set()  # character positions already cited: a long list of numbers stays linear

    def add(ref: DocumentRef) -> None:
        span = range(ref.start, max(ref.end, ref.start + 1))
        if not any(p in taken for p in span):
            refs.append(ref)
            taken.update(span)

    # Each pattern is tried only where a match can start, next to the literal it starts with (see extract.scan).
    for m in scan(_SYMBOL, text, start, end, _SYMBOL_STARTS):
        ref = _from_symbol(m)
        if ref is not None and (checked := _checked(ref, years, findings, year)) is not None:
            add(checked)
    for ref in _carried_over(text, start, end):
        if (checked := _checked(ref, years, findings, year)) is not None:
            add(checked)
    for trigger in scan(_TRIGGER, text, start, end, _TRIGGER_STARTS):
        for ref in _resolution_list(text, trigger, end):
            if (checked := _checked(ref, years, findings, year)) is not None:
                add(checked)
        for ref in _undated_list(text, trigger, start, end, years):
            add(ref)
    for m in scan(_PRST, text, start, end, _PRST_STARTS):
        add(_prst(m, m.start("year")))
        pos = m.end()
        while (more := _PRST_MORE.match(text, pos, end)) is not None:
            add(_prst(more, more.start("year")))
            pos = more.end()
    # every match holds "elease": the substring test saves scanning most paragraphs
    for m in _PRESS_RELEASE.finditer(text, start, end) if text.find("elease", start, end) >= 0 else ():
        add(_press_release(m))
        pos = m.end()
        while True:
            if (date := _DATE.match(text, pos, end)) is not None:
                pos = date.end()  # "GA/SHC/3872 of 20 November and GA/SHC/3873"
            if (more := _PRESS_RELEASE_MORE.match(text, pos, end)) is None:
                break
            add(_press_release(more))
            pos = more.end()
    refs.sort(key=lambda r: r.start)
    return refs, findings


def _resolution_list(text: str, trigger: re.Match[str], end: int) -> list[DocumentRef]:
    """The resolutions after "resolution(s)": every "N (YYYY)" up to the end of the clause."""
    clause = _CLAUSE_END.search(text, trigger.end(), end)
    stop = clause.start() if clause else end
    if trigger["ga"]:
        return _ga_list(text, trigger.end(), stop)
    first = _NUMBER_YEAR.search(text, trigger.end(), min(stop, trigger.end() + _GAP))
    if first is None or "(" in text[trigger.end():first.start()]:
        if _OTHER_ORGAN.search(text, max(0, trigger.start() - 40), trigger.start()):
            return []
        return _ga_list(text, trigger.end(), stop)  # "resolution 70/1" without "General Assembly"
    refs = []
    for m in _NUMBER_YEAR.finditer(text, first.start(), stop):
        number, year = int(m["number"]), int(m["year"])
        refs.append(DocumentRef(symbol=f"S/RES/{number} ({year})", kind="resolution", number=number,
                                year=year, start=m.start(), end=m.end()))
    return refs


def _carried_over(text: str, start: int, end: int) -> list[DocumentRef]:
    """The rest of a list of resolutions that a line break cut into two paragraphs: "Recalling its resolutions
    1270 (1999) of 22 October 1999, 1289 (2000) of" + "7 February 2000, 1313 (2000) of 4 August 2000, ..."."""
    floor = max(0, start - _LOOK_BACK)
    window = text[floor:start]  # not the whole text before: this runs for every paragraph
    before = window.rstrip()
    # endswith first: _BROKEN_OFF's search would scan the whole window to find its end anchor
    if "\n" not in window[len(before):] or not before.endswith(("of", "and", ",")) or not _BROKEN_OFF.search(before) \
            or not _LIST_GOES_ON_HERE.match(text, start, end):
        return []
    triggers = list(_TRIGGER.finditer(before))
    trigger = triggers[-1] if triggers else None
    if trigger is None or trigger["ga"] or _CLAUSE_END.search(before, trigger.end()):
        return []  # no list of Council resolutions runs up to the break
    clause = _CLAUSE_END.search(text, start, end)
    stop = clause.start() if clause else end
    return [DocumentRef(symbol=f"S/RES/{int(m['number'])} ({m['year']})", kind="resolution", number=int(m["number"]),
                        year=int(m["year"]), start=m.start(), end=m.end())
            for m in _NUMBER_YEAR.finditer(text, start, stop)]


def _undated_list(text: str, trigger: re.Match[str], floor: int, end: int,
                  years: ResolutionYears) -> list[DocumentRef]:
    """Security Council resolutions named by number alone ("resolutions 1267 and 1373"), dated by the
    resolution-years table. A dated item ends the list: "resolution 435 (1978), 68" ends in a footnote mark."""
    if trigger["ga"] or _OTHER_NUMBERING.search(text, max(floor, trigger.start() - 40), trigger.start()):
        return []
    sentence = max(floor, text.rfind(". ", floor, trigger.start()) + 1)
    organs = _ORGAN.findall(text, sentence, trigger.start())
    if organs and organs[-1] != "Council":  # "the Assembly ... its resolution 2758": the Assembly's numbering
        return []
    clause = _CLAUSE_END.search(text, trigger.end(), end)
    stop = clause.start() if clause else end
    refs: list[DocumentRef] = []
    pos = trigger.end()
    while (item := _BARE_NUMBER.match(text, pos, stop)) is not None:
        number = int(item["number"])
        year = years.year_of(number)
        if year is None or (refs and not _LIST_GOES_ON.match(text, item.end(), stop)):
            return refs
        refs.append(DocumentRef(symbol=f"S/RES/{number} ({year})", kind="resolution", number=number,
                                year=year, start=item.start("number"), end=item.end()))
        after = item.end()
        if (date := _DATE.match(text, after, stop)) is not None:
            after = date.end()
        if (sep := _LIST_SEPARATOR.match(text, after, stop)) is None:
            return refs
        pos = sep.end()
    return refs


def _ga_list(text: str, pos: int, stop: int) -> list[DocumentRef]:
    refs: list[DocumentRef] = []
    while True:
        roman = _GA_ROMAN.match(text, pos, stop)
        slash = _GA_SLASH.match(text, pos, stop) if roman is None else None
        if roman is not None:
            symbol = f"A/RES/{roman['number'].replace(' ', '')} ({roman['session']})"
            number = int(roman["number"].split()[0])
            m = roman
        elif slash is not None:
            symbol, number = f"A/RES/{slash['session']}/{slash['number']}", int(slash["number"])
            m = slash
        else:
            return refs
        begin = m.start("number") if roman is not None else m.start("session")
        refs.append(DocumentRef(symbol=symbol, kind="ga-resolution", number=number, year=None,
                                start=begin, end=m.end()))
        after = m.end()
        if (date := _DATE.match(text, after, stop)) is not None:
            after = date.end()  # "1514 (XV) of 14 December 1960 and 2145 (XXI)"
        sep = _LIST_SEPARATOR.match(text, after, stop)
        if sep is None:
            return refs
        pos = sep.end()


def _prst(m: re.Match[str], start: int) -> DocumentRef:
    symbol = f"S/PRST/{m['year']}/{int(m['number'])}"
    return DocumentRef(symbol=symbol, kind="presidential-statement", number=int(m["number"]),
                       year=int(m["year"]), start=start, end=m.end())


def _press_release(m: re.Match[str]) -> DocumentRef:
    return DocumentRef(symbol=m["symbol"], kind="press-release", number=None, year=None,
                       start=m.start("symbol"), end=m.end("symbol"))


def _from_symbol(m: re.Match[str]) -> DocumentRef | None:
    symbol = m["symbol"]
    if not any(c.isdigit() for c in symbol):
        return None
    parts = symbol.split("/")
    if parts[:2] == ["S", "RES"] and len(parts) == 3 and parts[2].isdigit():
        number = int(parts[2])
        year = int(m["year"]) if m["year"] else None
        if year is None:
            return DocumentRef(symbol=symbol, kind="resolution", number=number, year=None,
                               start=m.start(), end=m.end("symbol"))
        return DocumentRef(symbol=f"S/RES/{number} ({year})", kind="resolution", number=number, year=year,
                           start=m.start(), end=m.end())
    if parts[:2] == ["S", "PRST"] and len(parts) == 4:
        return DocumentRef(symbol=symbol, kind="presidential-statement", number=int(parts[3]),
                           year=int(parts[2]), start=m.start(), end=m.end("symbol"))
    kind = "ga-resolution" if parts[:2] == ["A", "RES"] else "document"
    return DocumentRef(symbol=symbol, kind=kind, number=None, year=None, start=m.start(), end=m.end("symbol"))


def _checked(ref: DocumentRef, years: ResolutionYears, findings: list[Finding],
             year: int | None = None) -> DocumentRef | None:
    """Check a Security Council resolution's number against its printed year.

    When the printed year is impossible ("2331 (2661)") the number is trusted: the citation is
    linked to the right resolution, with a finding. So it is when the number is of the citing
    document's own year (a release of 2010 "adopting resolution 1908 (2001)"): a misprinted number
    would hardly land in that year. Otherwise, when both are possible but disagree ("587 (1991)",
    where 687 (1991) was meant), it is unclear which is wrong: the finding is kept and no citation
    is asserted (None).
    """
    if ref.kind != "resolution" or ref.number is None:
        return ref
    actual = years.year_of(ref.number)
    if ref.year is None and actual is not None:
        return DocumentRef(f"S/RES/{ref.number} ({actual})", ref.kind, ref.number, actual, ref.start, ref.end)
    if ref.year is None:  # "S/RES/2900" beyond the table: a symbol, but not a resolution we can date
        return replace(ref, kind="document")
    if ref.year is None or actual is None or actual == ref.year:
        return ref
    first_year, last_year = years.ranges[0][0], years.ranges[-1][0]
    impossible = not first_year <= ref.year <= last_year
    number_trusted = impossible or actual == year
    fixed = DocumentRef(f"S/RES/{ref.number} ({actual})", ref.kind, ref.number, actual, ref.start, ref.end,
                        printed_year=ref.year)
    message = (f"resolution {ref.number} is printed with the year {ref.year}, but it was adopted in {actual}"
               + ("" if impossible else "; the number is of the citing text's own year, so the citation goes to it"
                  if number_trusted else "; number or year is misprinted, so no citation is recorded"))
    findings.append(Finding(kind="YearMismatch", severity="Warning", message=message,
                            start=ref.start, end=ref.end, document=fixed if number_trusted else None))
    return fixed if number_trusted else None
