"""Heads of State or Government listed in a sentence about who spoke at a summit.

Summit releases name the leaders who addressed the meeting in one list, each by
name and State, under a plural title that covers the names after it::

    The summit, presided over by President Jan Roe of Chile, was addressed by ...
    Also addressing the meeting were Presidents Jan Roe of Chile, Ann Doe of Peru and Prime Minister Li Wu of Fiji.
    Joining President Roe were Secretary-General Ann Doe, Presidents Jan Poe of Peru and Ed Noe of Fiji.

Each leader speaks for the State printed after "of", with the title in the singular
as role. A list counts only in a sentence about speaking ("addressed", "spoke",
"heard") or one joining a leader who spoke already ("Joining President Roe, ...,
were"): a list of leaders merely attending, elected or welcomed names no speaker.
"""

from __future__ import annotations

import re

from councilgraph.extract.gazetteer import Gazetteer
from councilgraph.extract.person_names import _PERSON, _person, _speaker
from councilgraph.extract.speaker_forms import _OF_STATE, _titled
from councilgraph.extract.statements import Turn

__all__ = ["heads_of_state"]

# The sentence is about speaking.
_SPOKE = re.compile(r"\b(?:addressed|addressing|spoke|speaking|heard|took\s+the\s+floor|made\s+statements)\b")
# "Joining President Roe, whose country ..., were": joining a leader named by title and surname.
_JOINING = re.compile(r"Joining\s+(?:President|Prime\s+Minister|King|Emir|Chancellor)\s+(?P<surname>[A-Z][\w'-]+)\b")
_WERE = re.compile(r"\b(?:were|was)\s+")
_HEAD = re.compile(r"\b(?P<head>(?:Vice-)?President|Prime\s+Minister|Chancellor)(?P<plural>s)?\s+")
_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|,?\s+as\s+well\s+as\s+")


def heads_of_state(text: str, start: int, stop: int, places: Gazetteer, spoken: frozenset[str] = frozenset()
                   ) -> list[tuple[int, Turn]]:
    """(statement start, turn) of each leader "Title Name of State" the sentence ``text[start:stop]`` lists."""
    joining = _JOINING.match(text, start, stop)
    if not (_SPOKE.search(text, start, stop) or joining and joining["surname"] in spoken):
        return []
    starts = [m.start() for m in _HEAD.finditer(text, start, stop)]
    if joining and (were := _WERE.search(text, joining.end(), stop)) is not None:
        starts.insert(0, were.end())
    found: dict[int, Turn] = {}
    for pos in starts:
        if pos not in found:
            found.update(_run(text, pos, stop, places))
    return sorted(found.items()) if any(t.role for t in found.values()) else []


def _run(text: str, pos: int, stop: int, places: Gazetteer) -> list[tuple[int, Turn]]:
    """The leaders listed from ``pos`` on, each under the last title printed."""
    out: list[tuple[int, Turn]] = []
    role = None
    while pos < stop:
        head = _HEAD.match(text, pos, stop)
        if head is not None:
            role, pos = " ".join(head["head"].split()), head.end()
        turn = _leader(text, pos, stop, places, role)
        if turn is None and head is None and not out:
            titled = _titled(text, pos, stop, places, verb=False)  # "Secretary-General Ann Doe" before the leaders
            turn = titled if titled is not None and _SEPARATOR.match(text, titled.speaker.end, stop) else None
        if turn is None:
            break
        out.append((turn.speaker.start, turn))
        separator = _SEPARATOR.match(text, max(turn.speaker.end, turn.delegation.end), stop)
        if separator is None:
            break
        pos = separator.end()
    return out


def _leader(text: str, pos: int, stop: int, places: Gazetteer, role: str | None) -> Turn | None:
    """"Jan Roe of Chile" under a title printed before it."""
    person = _PERSON.match(text, pos, stop)
    if role is None or person is None or not _person(person, places):
        return None
    of = _OF_STATE.match(text, person.end(), stop)
    state = places.match_at(text, of.end()) if of is not None else None
    if state is None or state.entity.kind != "state":
        return None
    return Turn(_speaker(person), state, role, state.end)
