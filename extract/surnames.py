"""Speakers named by surname after an introduction earlier in the same release.

Running text introduces a person once, often not as a speaker, and later reports
their words by surname::

    The Committee elected Jan Doe Roe (Chile) as its Chair. ...
    Opening the session, Ms. Doe Roe said ...               -> Jan Doe Roe, Chile
    This will be confirmed by the Chair, Jan Roe of Chile.  Mr. Roe said ...  -> Chile
    Mr. Roe, speaking as the Secretary-General elect, said ...  -> the United Nations

The surname needs an honorific ("Mr.", "Ms.") and a reporting verb; the delegation is
the one printed at the latest earlier mention of a full name ending in that surname
("Name (State)", "Name of State", "Name, Title,"), or the office the sentence itself
gives ("speaking as ..."). With no such mention there is no speaker: a surname alone
names nobody. A person who already spoke in the release is not a new speaker
(``narrative`` drops the repeat).
"""

from __future__ import annotations

import re

from councilgraph.extract.gazetteer import Gazetteer
from councilgraph.extract.person_names import _L, _PERSON, _U, _speaker
from councilgraph.extract.records import Speaker
from councilgraph.extract.speaker_forms import _named, _office, _verb_follows
from councilgraph.extract.statements import Turn, _lead_end

__all__ = ["surname_turn"]

# "Mr. Roe, speaking as the Secretary-General elect after ..., said": the office the sentence gives.
_SPEAKING_AS = re.compile(
    r"\s*,\s+speaking\s+as\s+(?:the\s+|its\s+)?(?P<office>[A-Z][^,.;:]{2,80}?)"
    r"(?:\s+(?:after|before|at|in|on|and)\b[^,.;:]{0,120})?(?=,)"
)
_GIVEN = rf"(?:[{_U}][{_U}{_L}'.-]*\s+){{1,4}}"


def surname_turn(text: str, pos: int, end: int, places: Gazetteer, verb: bool = True) -> Turn | None:
    """"Mr. Roe said" at ``pos``, for a person introduced earlier in the text with a delegation."""
    m = _PERSON.match(text, pos, end)
    if m is None or m["title"] is None or len(m["bare"].split()) > 2:
        return None
    after = m.end()
    if (as_office := _SPEAKING_AS.match(text, after, end)) is not None:
        if not _verb_follows(text, as_office.end(), end, verb):
            return None
        delegation = _office(as_office["office"], as_office.span("office"), places)
        if delegation is None:
            return None
        return Turn(_follow_up(m, m["bare"]), delegation, as_office["office"], _lead_end(text, after, end), True)
    if not _verb_follows(text, after, end, verb):
        return None
    surname = r"\s+".join(map(re.escape, m["bare"].split()))
    for earlier in reversed(list(re.compile(rf"(?<![\w.]){_GIVEN}{surname}\b").finditer(text, 0, m.start()))):
        intro = _named(text, earlier.start(), min(m.start(), earlier.end() + 300), places, verb=False)
        if intro is not None and intro.speaker.end == earlier.end():
            return Turn(_follow_up(m, intro.speaker.name), intro.delegation, intro.role, _lead_end(text, after, end),
                        True)
    return None


def _follow_up(m: re.Match[str], full_name: str) -> Speaker:
    """The speaker as printed here ("Mr. Roe"), under the full name of the introduction."""
    printed = _speaker(m)
    return Speaker(printed_name=printed.printed_name, title=printed.title, name=full_name,
                   display_name=printed.display_name, start=printed.start, end=printed.end)

