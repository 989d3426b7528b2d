"""Persons' names in running text: the words of a name, its title, the delegation beside it.

Shared by ``narrative`` (speakers introduced in running text) and its forms: a
person's name is mixed case ("Jean-Marie Guéhenno", "Miguel d'Escoto Brockmann",
"Adamantios Th. Vassilakis"), at most six words, never a body's or a place's; a
title printed before it ("Under-Secretary-General for Peacekeeping Operations")
is split from it by the words of offices and places.
"""

from __future__ import annotations

import re

from councilgraph.extract.gazetteer import Gazetteer, Match
from councilgraph.extract.records import Speaker
from councilgraph.extract.statements import TITLES, display_name, is_person_name

_U = "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isupper())
_L = "".join(chr(c) for c in range(0x61, 0x250) if chr(c).islower())
# A mixed-case name word ("Guéhenno", "Jean-Marie", "Muhammad-Bande", "ElBaradei", "O'Brien") or an initial ("L.").
_PART = rf"[{_U}][{_U}{_L}']*[{_L}][{_U}{_L}']*"
_TOKEN = rf"(?:[{_U}][a-z]?\.|(?:[dl]')?{_PART}(?:-[{_U}{_L}][{_U}{_L}']*)*)"
_PARTICLE = r"(?:de|da|das|do|dos|du|van|von|der|den|del|della|di|la|le|bin|ibn|al|el|y|e|ter|af)"
# Tokens are joined by exactly one space, so the pattern cannot backtrack badly on long capitalised runs.
_NAME = rf"(?P<name>(?:(?P<title>{'|'.join(TITLES)})\.?\s)?(?P<bare>{_TOKEN}(?:\s(?:{_PARTICLE}\s)*{_TOKEN}){{0,5}}))"
_PERSON = re.compile(_NAME)
_PAREN = re.compile(r"\s*,?\s*\((?P<paren>[^()]{2,80}(?:\([^()]*\)[^()]*)?)\)")
# Words of an office or a place, never of the name after it: "for Peacekeeping Operations Jean-Marie Guéhenno".
_OFFICE_WORDS = frozenset({
    "affairs", "operations", "support", "coordination", "information", "management", "services", "communications",
    "security", "safety", "disarmament", "rights", "refugees", "relief", "humanitarian", "political", "legal",
    "economic", "social", "peacekeeping", "peacebuilding", "development", "children", "armed", "conflict", "policy",
    "general", "assembly", "conference", "field", "public", "human", "coordinator", "counter-terrorism", "africa",
    "asia", "europe", "america", "middle", "east", "west", "central", "great", "lakes", "region", "horn", "sahel",
    "balkans", "pacific", "caribbean", "prevention", "genocide", "violence", "sexual", "women", "gender",
    "migration", "environment",
})
_CONNECTORS = frozenset({"for", "of", "on", "in", "and", "the", "to"})
_OFFICE_OPENERS = frozenset({"for", "of", "on", "in"})
_PARTICLE_SET = frozenset(_PARTICLE[3:-1].split("|"))
# Where the words after a title stop being a name: a parenthesis, a comma, a lower-case word that is no particle.
_AFTER_NAME = re.compile(
    rf"\s*[(,]|\s(?!(?:{_PARTICLE}|{'|'.join(sorted(_CONNECTORS))})\s|[dl]')[a-z]"
    r"|\s(?:to|at|in|on|before)\s+(?:the\s+)?[a-z0-9]"  # "... Kofi Annan to the fifty-second session"
)
# Words a sentence opens with that never begin a person's name.
_NOT_FIRST = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "he", "she", "it", "they", "we", "his", "her", "its",
    "their", "in", "on", "at", "by", "for", "with", "after", "before", "during", "also", "however", "meanwhile",
    "following", "members", "several", "many", "some", "other", "both", "all", "most", "such", "as", "while",
    "when", "since", "according", "speaking", "council", "delegates", "speakers",
})
# Heads of state, ministers, envoys: a title word makes a role out of ", ... ,".
_TITLE_WORD = re.compile(
    r"\b(?:President|Vice-President|Chairman|Chairperson|Chair|Chairwoman|Rapporteur|Secretary-General|"
    r"Under-Secretary-General|Representative|Envoy|Adviser|Coordinator|Commissioner|Director|Director-General|"
    r"Administrator|Prosecutor|Registrar|Minister|Ambassador|Head|Chief|Commander|Judge|Observer|Secretary|"
    r"Officer-in-Charge)\b"
)
def _clause_end(text: str, pos: int, end: int) -> int:
    """Where the name after a title ends: before a parenthesis, a comma or the first lower-case word."""
    m = _AFTER_NAME.search(text, pos, end)
    return m.start() if m else end


def _split_name(tokens: list[re.Match[str]], places: Gazetteer) -> int | None:
    """Index of the first token of the name in "for Peacekeeping Operations Jean-Marie Guéhenno" (3), or None.

    The name is the longest run of words at the end that belong to no office and no place; the
    word after "for" or "of" always belongs to the office ("for Darfur Jan Eliasson").
    """
    words = [t.group() for t in tokens]
    i = len(words)
    while i > 0 and _name_word(words, i - 1, places):
        i -= 1
    while i < len(words) and words[i].casefold() in _PARTICLE_SET:
        i += 1  # a name does not start with "de"
    if i >= len(words) or len(words) - i > 6:
        return None
    if i and words[0].casefold() not in _OFFICE_OPENERS:
        return None  # between the title and the name comes the office only: "for Political Affairs"
    return i


def _name_word(words: list[str], k: int, places: Gazetteer) -> bool:
    word = words[k]
    lower = word.casefold()
    if lower in _PARTICLE_SET:
        return True
    if lower in _OFFICE_WORDS or lower in _CONNECTORS or lower in _NOT_FIRST or places.lookup(word) is not None:
        return False
    return not (k and words[k - 1].casefold() in _OFFICE_OPENERS)


def _person(m: re.Match[str], places: Gazetteer) -> bool:
    """A person's name: not a sentence's first word, not a body's, not a place's ("Sierra Leone (UNAMSIL)")."""
    bare = m["bare"]
    words = bare.split()
    if words[0].casefold() in _NOT_FIRST or not is_person_name(bare):
        return False
    if m["title"] is None and len([w for w in words if w.casefold() not in _PARTICLE_SET]) < 2:
        return False  # one capitalised word alone opens many sentences
    if any(w.casefold() in _OFFICE_WORDS or _TITLE_WORD.fullmatch(w) for w in words):
        return False
    place = places.match_at(m.string, m.start("bare"))
    return place is None or place.end < m.end("bare")


def _speaker(m: re.Match[str]) -> Speaker:
    return Speaker(printed_name=m["name"], title=m["title"], name=display_name(m["bare"]),
                   display_name=display_name(m["name"]), start=m.start("name"), end=m.end("name"))


def _known(text: str, start: int, end: int, places: Gazetteer) -> Match | None:
    """The delegation in parentheses, when the reference lists it: "(Sri Lanka)", not "(UNAMSIL)" of a place."""
    entity = places.lookup(text[start:end])
    return Match(entity, start, end) if entity is not None and entity.in_reference else None
