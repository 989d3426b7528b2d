"""Alignments: whom a speaker associates with, aligns with, speaks for, co-sponsors.

Recognised forms (typos of the source included, e.g. "aligning him with")::

    associating herself with the European Union
    aligning himself with the statement to be made by the European Union and the Nordic countries
    aligned herself with the statement to be made by the European Union
    speaking on behalf of the Nordic Countries / speaking for Latvia and Lithuania
    his country was a co-sponsor of resolution 2388 (2017)

Each target of a list is its own :class:`Alignment`. Targets are resolved with
the gazetteer, so "the Group of 77 and China" stays one target while "Latvia
and Lithuania" are two; "the statement delivered by Cuba on behalf of the Group
of 77 and China" targets the group.

Only the speaker's own declarations count. "Speaking for" is read in the
opening clause, with no reported words between the speaker and it ("Egypt said that Cuba,
speaking on behalf of the Group of 77, had noted ..." is not Egypt's), in a sentence that
opens the statement with the group ("For the European Union, the representative of Austria
said"), or opening a later sentence with the speaker as subject ("Speaking for the Group, he said"). Associating and aligning count in the
opening clause or in a later sentence whose subject is the speaker ("He also
aligned himself with ..."). Co-sponsoring needs the speaker's country as subject
("his country was a co-sponsor of resolution ...", not "thanked the co-sponsors").
"""

from __future__ import annotations

import re

from councilgraph.extract.citations import document_refs
from councilgraph.extract.gazetteer import Gazetteer
from councilgraph.extract.read import Source
from councilgraph.extract.records import Alignment, Statement
from councilgraph.extract.scan import holds_any, lower_ascii, matches_at, may_hold, occurrences
from councilgraph.ontology.reference import GROUP_WORDS, Entity, unknown_organization

__all__ = ["extract_alignments"]

_SELF = r"(?:herself|himself|themselves|itself|him|her|(?:his|her|its|their)\s+(?:delegation|country|Government|Governments|countries))"
_STATEMENT_OF = (
    r"(?:(?:the\s+|a\s+)?(?:joint\s+)?(?:statements?|remarks|positions?|views)\s+"
    r"(?:(?:to\s+be\s+|that\s+would\s+be\s+|was\s+|were\s+)?(?:made|delivered|given|read\s+out|presented)\s+)?"
    r"(?:by|of|on\s+behalf\s+of)\s+|that\s+of\s+)?"
    r"(?:the\s+(?:representative|delegate|delegation|observer)\s+(?:of|for)\s+)?"
)
_ASSOCIATE = re.compile(
    rf"(?<![\w-])(?P<verb>associat|align)(?:ing|ed|es|e)\s+(?:(?:{_SELF})\s+(?:fully\s+)?with\s+{_STATEMENT_OF}"
    rf"|(?:fully\s+)?with\s+(?=(?:the\s+)?(?:joint\s+)?(?:statements?|remarks)\s){_STATEMENT_OF})",
    re.I,
)
# "speaking on behalf of", or in a roll call the group in parentheses: "Finland (on behalf of the European Union)".
_ON_BEHALF = re.compile(
    r"(?:(?<![\w-])(?:speaking|spoke|speaks)\s+|\(\s*(?:speaking\s+)?)(?:also\s+)?(?:on\s+behalf\s+of|for)\s+", re.I)
# Lower-cased, what every match of _ASSOCIATE and of _ON_BEHALF starts with.
_ASSOCIATE_STARTS, _ON_BEHALF_STARTS = ("associat", "align"), ("speak", "spoke", "(")
# "on behalf of" with another verb, read only next to the speaker: in the lead-in before the introduction
# ("Introducing the draft on behalf of X, the representative of Y said") or right after it ("introduced by
# the representative of Y on behalf of X").
_BEHALF = re.compile(r"(?<![\w-])on\s+behalf\s+of\s+")
_RIGHT_AFTER = re.compile(r"[\s,]*")
# The speaker's side as subject of a later sentence: "He also aligned himself with ...".
_OWN_SENTENCE = re.compile(
    r"(?:(?:He|She|It|They|(?:His|Her|Its|Their)\s+(?:delegation|country|Government))\b[^.]{0,60}"
    r"|(?:Also\s+|Further\s+)?)$"
)
_COSPONSOR = re.compile(
    r"(?<![\w-])(?:(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?:country|delegation|Government|nation)\s+"
    r"(?:(?:was|is|were|are|had\s+been|has\s+been|would\s+be|had|has)\s+)?(?:also\s+|proudly\s+|proud\s+to\s+be\s+)?"
    r"(?:an?\s+|one\s+of\s+the\s+)?(?:original\s+|main\s+|proud\s+)?co-?sponsor(?:ed|s)?(?:\s+of)?\s+(?:the\s+)?)"
)
_COSPONSOR_HOLDS = ("sponsor",)  # every match holds it: where it does not occur the scan is skipped
_RESOLUTION_WORD = re.compile(r"\s*(?:draft\s+)?[Rr]esolution\s+")
_SEPARATOR = re.compile(
    r"(?:\s*,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)"
    r"(?:with\s+)?(?:that\s+of\s+|those\s+of\s+)?(?:the\s+)?"
)
_ACRONYM = re.compile(r"\s*\([A-Z][A-Za-z0-9-]{1,11}\)")
_FOR_GROUP = re.compile(r"\s+(?:on\s+behalf\s+of|for)\s+(?:the\s+)?")
_UNKNOWN_GROUP = re.compile(
    r"(?:the\s+)?(?P<name>[A-Z][\w'-]*(?:\s+(?:of|for|and|on|the|[A-Z0-9][\w'-]*))*?\s+"
    rf"(?:{'|'.join(GROUP_WORDS)})"
    r"(?:\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)?)"
)
# The elected members, often named by their number, which the gazetteer's capitalised names cannot start with;
# the reference decides which phrasings name the group ("elected Council members", not "elected members").
_ELECTED = re.compile(r"(?:(?:\d+|ten)\s+)?elected\s+(?:Council\s+)?members(?:\s+of\s+the\s+(?:Security\s+)?Council)?")
# The group opening the sentence with its members printed beside it: "The New Agenda Coalition — Brazil, ... and
# Sweden — felt, said Sweden's delegate, ...".
_MEMBERS = re.compile(r"\s*(?:[—–]|--?|\()(?P<members>[^—–()]{3,300}?)(?:[—–]|--?|\))")
# A group the release does not name, before one it names: "a group of States and the European Union", "78 countries
# and the European Union".
_UNNAMED_GROUP = re.compile(r"(?:a|several|other|some|\d{1,3})\s+(?:group\s+of\s+)?(?:[a-z-]+\s+){0,2}(?:States|countries|delegations)"
                            r"(?:,\s*|\s+)(?:and|as\s+well\s+as)\s+")
# "On behalf of the Group, the representative of X said", "For the European Union, the representative of X told".
_LEAD_FOR = re.compile(r"(?:On\s+behalf\s+of|For)\s+(?=[^,.;:]{3,120},\s+(?:[Tt]he\s|[A-Z]))")
_AFTER_STOP = re.compile(r"[.!?][\"”’]?\s+$")
# A later sentence's clause "Speaking for X, he said": the speaker comes back as subject.
_THEN_SPEAKER = re.compile(r"[^.;:]*?,\s+(?:he|she)\s")
_REPORTED = re.compile(r"\b(?:said|says|stated|states|that)\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)(?=\S)")


def extract_alignments(source: Source, statements: list[Statement], places: Gazetteer) -> list[Alignment]:
    """All alignments declared in the statements, in document order."""
    text = source.matchable
    found: list[Alignment] = []
    for statement in statements:
        # Every match of _ASSOCIATE starts with "associat" or "align", one of _ON_BEHALF with "speak", "spoke" or
        # "(" and holds "for" or "behalf": in the lower-cased ASCII statement, substring tests skip most
        # statements and the case-insensitive patterns are tried only where their first words occur (outside
        # ASCII, re.I folds more than lower(): the plain scans)
        low = lower_ascii(text, statement.start, statement.end)
        for m in _ASSOCIATE.finditer(text, statement.start, statement.end) if low is None else \
                matches_at(_ASSOCIATE, text, statement.start, statement.end,
                           occurrences(low, _ASSOCIATE_STARTS, statement.start)):
            if m.start() < statement.lead_end or _speaker_is_subject(text, m.start(), statement.start):
                kind = "associating" if m["verb"].lower() == "associat" else "aligning"
                found += _targets(text, m, kind, statement, places)
        scan = may_hold(low, ("speak", "spoke", "(")) and may_hold(low, ("for", "behalf"))
        for m in (_ON_BEHALF.finditer(text, statement.start, statement.end) if low is None else
                  matches_at(_ON_BEHALF, text, statement.start, statement.end,
                             occurrences(low, _ON_BEHALF_STARTS, statement.start))) if scan else ():
            if _own_on_behalf(text, m, statement):
                found += _targets(text, m, "on-behalf-of", statement, places)
        for m in _BEHALF.finditer(text, statement.start, statement.lead_end):
            if _beside_the_speaker(text, m, statement) and not any(a.start <= m.start() < a.end for a in found):
                found += _targets(text, m, "on-behalf-of", statement, places)
        if (lead := _LEAD_FOR.match(text, statement.start, statement.lead_end)) is not None:
            found += _targets(text, lead, "on-behalf-of", statement, places)
        found += _group_subject(text, statement, places)
        for m in _COSPONSOR.finditer(text, statement.start, statement.end) if \
                holds_any(text, statement.start, statement.end, _COSPONSOR_HOLDS) else ():
            refs = [r for r in document_refs(text, m.end(), min(m.end() + 40, statement.end))[0]
                    if r.kind == "resolution"]
            if refs and _RESOLUTION_WORD.fullmatch(text, m.end(), refs[0].start):
                ref = refs[0]
                found.append(Alignment(statement=statement.order, kind="co-sponsoring", target=None,
                                       document=ref, start=m.start(), end=ref.end,
                                       target_start=ref.start, target_end=ref.end))
    return sorted(found, key=lambda a: (a.statement, a.start, a.target_start))


def _own_on_behalf(text: str, m: re.Match[str], statement: Statement) -> bool:
    """"Speaking for" the speaker declares: in the opening clause, with no reported words between the speaker
    and it, or opening a later sentence whose subject is the speaker ("Speaking for the Group, he said")."""
    if m.start() < statement.lead_end:
        since = statement.speaker.end if statement.speaker.end <= m.start() else statement.start
        return not _REPORTED.search(text, since, m.start())  # "Egypt said that Cuba, speaking for ..." is Cuba's
    sentence = _AFTER_STOP.search(text, max(statement.start, m.start() - 6), m.start()) is not None
    return sentence and _THEN_SPEAKER.match(text, m.end(), min(statement.end, m.end() + 150)) is not None


def _group_subject(text: str, statement: Statement, places: Gazetteer) -> list[Alignment]:
    """The group opening the statement's sentence, when the members printed beside it include the speaker's State."""
    start = statement.start + 4 if text.startswith("The ", statement.start) else statement.start
    group = _target_at(text, start, statement.speaker.start, places)
    if group is None or group[0].kind != "org" or statement.delegation.kind != "state":
        return []
    members = _MEMBERS.match(text, group[3], statement.speaker.start)
    if members is None or statement.delegation not in {m.entity for m in places.find_all(members["members"])}:
        return []
    entity, target_start, target_end, _ = group
    return [Alignment(statement=statement.order, kind="on-behalf-of", target=entity, document=None,
                      start=target_start, end=members.end(), target_start=target_start, target_end=target_end)]


def _beside_the_speaker(text: str, m: re.Match[str], statement: Statement) -> bool:
    """"on behalf of" in a lead-in clause before the speaker, or right after the speaker's introduction."""
    speaker = statement.speaker
    if m.end() <= speaker.start:
        return "," in text[m.end():speaker.start] and not _REPORTED.search(text, statement.start, m.start())
    return _RIGHT_AFTER.fullmatch(text, max(speaker.end, statement.delegation_end), m.start()) is not None


def _speaker_is_subject(text: str, pos: int, floor: int) -> bool:
    """Whether the sentence around ``pos`` has the speaker (he, she, his delegation) as subject."""
    starts = [m.end() for m in _SENTENCE_START.finditer(text, floor, pos)]
    sentence_start = starts[-1] if starts else floor
    return _OWN_SENTENCE.fullmatch(text, sentence_start, pos) is not None


def _targets(text: str, m: re.Match[str], kind: str, statement: Statement, places: Gazetteer) -> list[Alignment]:
    out = []
    pos = m.end()
    # A list before the speaker ends where the speaker is introduced: "On behalf of the Group, Iran's representative".
    limit = statement.speaker.start if m.end() <= statement.speaker.start else statement.end
    if (unnamed := _UNNAMED_GROUP.match(text, pos, limit)) is not None:
        pos = unnamed.end()  # "speaking for a group of States and the European Union": the group named is the EU
    while True:
        if text.startswith("the ", pos):
            pos += 4
        target = _target_at(text, pos, limit, places)
        if target is None:
            break
        out.append(target)
        sep = _SEPARATOR.match(text, target[3], limit)
        if sep is None or _target_at(text, sep.end(), limit, places) is None:
            break
        pos = sep.end()
    if not out:
        return []
    end = out[-1][3]
    return [Alignment(statement=statement.order, kind=kind, target=e, document=None,
                      start=m.start(), end=end, target_start=s, target_end=t) for e, s, t, _ in out]


def _target_at(text: str, pos: int, limit: int, places: Gazetteer) -> tuple[Entity, int, int, int] | None:
    """The target named at ``pos``: (entity, start, end of its name, end of the whole phrase).

    The phrase may go on with an acronym in parentheses ("the Caribbean Community (CARICOM)") or
    name a group the first name spoke for ("Cuba on behalf of the Group of 77 and China"): then
    the group is the target.
    """
    if text.startswith(('"', "\u201c"), pos):
        pos += 1  # 'on behalf of the "Group of 77" developing countries and China'
    found = places.match_at(text, pos)
    if found is not None and found.end <= limit:
        entity, start, end = found.entity, found.start, found.end
    elif (elected := _ELECTED.match(text, pos, limit)) is not None and (known := places.lookup(elected[0])):
        entity, start, end = known, elected.start(), elected.end()
    elif (unknown := _UNKNOWN_GROUP.match(text, pos, limit)) is not None:
        entity = unknown_organization(unknown["name"], category="GroupOfStates")
        start, end = unknown.start("name"), unknown.end("name")
    else:
        return None
    phrase_end = end
    if (acronym := _ACRONYM.match(text, phrase_end, limit)) is not None:
        phrase_end = acronym.end()
    if (spoke_for := _FOR_GROUP.match(text, phrase_end, limit)) is not None:
        group = places.match_at(text, spoke_for.end())
        if group is not None and group.end <= limit:
            entity, start, end = group.entity, group.start, group.end
            phrase_end = end
            if (acronym := _ACRONYM.match(text, phrase_end, limit)) is not None:
                phrase_end = acronym.end()
    return entity, start, end, phrase_end
