"""Alignments: whom a speaker associates with, aligns with, speaks for, co-sponsors.

Recognised forms (typos of the source included, e.g. "aligning him with")::

    associating herself with the European Union
    aligning himself with the statement to be made by the European Union and the Nordic countries
    aligned herself with the statement to be made by the European Union
    speaking on behalf of the Nordic Countries / speaking for Latvia and Lithuania
    his country was a co-sponsor of resolution 2388 (2017)

Each target of a list is its own :class:`Alignment`. Targets are resolved with
the gazetteer, so "the Group of 77 and China" stays one target while "Latvia
and Lithuania" are two.
"""

from __future__ import annotations

import re

from councilgraph.extract.gazetteer import Gazetteer
from councilgraph.extract.read import Source
from councilgraph.extract.records import Alignment, DocumentRef, Statement
from councilgraph.ontology.reference import Entity, unknown_organization

__all__ = ["extract_alignments", "resolution_refs"]

_SELF = r"(?:herself|himself|themselves|itself|him|her|(?:his|her|its|their)\s+(?:delegation|country|Government|Governments|countries))"
_STATEMENT_OF = (
    r"(?:(?:the\s+|a\s+)?(?:joint\s+)?(?:statements?|remarks|positions?|views)\s+"
    r"(?:(?:to\s+be\s+|that\s+would\s+be\s+|was\s+|were\s+)?(?:made|delivered|given|read\s+out|presented)\s+)?"
    r"(?:by|of|on\s+behalf\s+of)\s+|that\s+of\s+)?"
)
_ASSOCIATE = re.compile(
    rf"(?<![\w-])(?P<verb>associat|align)(?:ing|ed|es|e)\s+(?:(?:{_SELF})\s+(?:fully\s+)?with\s+{_STATEMENT_OF}"
    rf"|(?:fully\s+)?with\s+(?=(?:the\s+)?(?:joint\s+)?(?:statements?|remarks)\s){_STATEMENT_OF})",
    re.I,
)
_ON_BEHALF = re.compile(r"(?<![\w-])(?:speaking|spoke|speaks)\s+(?:also\s+)?(?:on\s+behalf\s+of|for)\s+", re.I)
_COSPONSOR = re.compile(r"(?<![\w-])co-?sponsor(?:s|ed|ing|ship)?\b", re.I)
_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)(?:the\s+)?")
_UNKNOWN_GROUP = re.compile(
    r"(?:the\s+)?(?P<name>[A-Z][\w'-]*(?:\s+(?:of|for|and|on|the|[A-Z0-9][\w'-]*))*?\s+"
    r"(?:Group|Countries|countries|States|Movement|Union|Alliance|Community|Forum|Network|Coalition|Friends)"
    r"(?:\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)?)"
)
_RESOLUTION = re.compile(r"\b[Rr]esolutions?\s+(?P<number>\d{1,4})\s*\((?P<year>\d{4})\)")
_SUBJECT = re.compile(r"\b(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Tt]he)\s+(?:country|delegation|Government|nation)\b")
_SENTENCE_END = re.compile(r"\.(?:\s|$)")


def resolution_refs(text: str, start: int, end: int) -> list[DocumentRef]:
    """Security Council resolutions written "resolution 2388 (2017)" in ``text[start:end]``."""
    refs = []
    for m in _RESOLUTION.finditer(text, start, end):
        number, year = int(m["number"]), int(m["year"])
        refs.append(DocumentRef(symbol=f"S/RES/{number} ({year})", kind="resolution",
                                number=number, year=year, start=m.start(), end=m.end()))
    return refs


def extract_alignments(source: Source, statements: list[Statement], places: Gazetteer) -> list[Alignment]:
    """All alignments declared in the statements, in document order."""
    text = source.matchable
    found: list[Alignment] = []
    for statement in statements:
        for m in _ASSOCIATE.finditer(text, statement.start, statement.end):
            kind = "associating" if m["verb"].lower() == "associat" else "aligning"
            found += _targets(text, m, kind, statement, places)
        for m in _ON_BEHALF.finditer(text, statement.start, statement.end):
            found += _targets(text, m, "on-behalf-of", statement, places)
        for m in _COSPONSOR.finditer(text, statement.start, statement.end):
            sentence = _SENTENCE_END.search(text, m.end(), statement.end)
            stop = sentence.start() if sentence else statement.end
            refs = resolution_refs(text, m.end(), stop)
            if refs and text[m.end():refs[0].start].count(",") == 0:
                ref = refs[0]
                found.append(Alignment(statement=statement.order, kind="co-sponsoring", target=None,
                                       document=ref, start=_clause_start(text, m.start(), statement.start),
                                       end=ref.end, target_start=ref.start, target_end=ref.end))
    return sorted(found, key=lambda a: (a.statement, a.start, a.target_start))


def _targets(text: str, m: re.Match[str], kind: str, statement: Statement, places: Gazetteer) -> list[Alignment]:
    out = []
    pos = m.end()
    while True:
        if text.startswith("the ", pos):
            pos += 4
        target = _target_at(text, pos, statement.end, places)
        if target is None:
            break
        entity, t_start, t_end = target
        out.append((entity, t_start, t_end))
        sep = _SEPARATOR.match(text, t_end, statement.end)
        if sep is None or _target_at(text, sep.end(), statement.end, places) is None:
            break
        pos = sep.end()
    if not out:
        return []
    end = out[-1][2]
    return [Alignment(statement=statement.order, kind=kind, target=e, document=None,
                      start=m.start(), end=end, target_start=s, target_end=t) for e, s, t in out]


def _target_at(text: str, pos: int, limit: int, places: Gazetteer) -> tuple[Entity, int, int] | None:
    found = places.match_at(text, pos)
    if found is not None and found.end <= limit:
        return found.entity, found.start, found.end
    unknown = _UNKNOWN_GROUP.match(text, pos, limit)
    if unknown is not None:
        entity = unknown_organization(unknown["name"], org_class="GroupOfStates")
        return entity, unknown.start("name"), unknown.end("name")
    return None


def _clause_start(text: str, pos: int, floor: int) -> int:
    """Where the co-sponsoring clause starts: its subject ("his country was a co-sponsor")."""
    window = max(floor, pos - 60)
    subjects = list(_SUBJECT.finditer(text, window, pos))
    return subjects[-1].start() if subjects else pos
