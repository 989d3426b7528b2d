"""Briefers named in a list: one sentence naming the officials a body heard.

Lead summaries and press statements name the briefers without a reporting verb::

    The Council heard briefings from Jan Doe, Special Envoy for Freedonia, and Ann Roe, Director-General of X.
    The members of the Council heard a briefing by the Deputy Special Representative, Jan Doe, and by ...
    The Council was briefed several times by the Executive Chairman of X, Jan Doe, and Ann Roe, Head of Y.
    The ceremony also heard from Deputy Secretary-General Ann Roe and Jan Doe, Permanent Representative of Chile.
    The meeting started with several briefings, from Secretary-General Jan Doe, as well as from the head of X.
    Also addressing the summit were Jan Doe, Permanent Representative of Chile, and Ann Roe, Director-General of X.

Each briefer is a speaker of their own: a United Nations official speaks for the United
Nations, others for the State or organisation their title names (``speaker_forms._office``);
one printed with a State in parentheses speaks for that State. An item is a name with a
title ("Name, Title", "the Title, Name", "Title Name") or a title alone naming an
organisation ("the head of X"); a name without a title, or a title naming nothing known,
is no speaker (precision first), and the list ends at the first item of another kind
("leaders of civil society", "on the situation in ...").
"""

from __future__ import annotations

import re

from councilgraph.extract.gazetteer import Gazetteer, Match
from councilgraph.extract.person_names import _PAREN, _PERSON, _TITLE_WORD, _known, _person, _speaker
from councilgraph.extract.records import Speaker
from councilgraph.extract.speaker_forms import _office, _presiding, _titled
from councilgraph.extract.statements import Turn
from councilgraph.ontology.reference import unknown_organization

__all__ = ["briefings"]

# What opens the list: "heard (a) briefing(s) by/from", "heard from", "received briefings from", "was briefed by",
# "Also addressing the summit were".
# "today, 14 December,", "on 10 August": when the briefing was given, between the verb and "by"/"from".
_WHEN = r"(?:today|on\s+\d{1,2}\s+[A-Z][a-z]+)(?:,\s*\d{1,2}\s+[A-Z][a-z]+,)?\s+"
_HEARD = re.compile(
    r"\b(?:(?:heard|hearing|received|receiving)\s+(?:(?:a|two|three|several)\s+)?"
    rf"(?:(?:briefings?|statements?|presentations?|remarks)\s+)?(?:{_WHEN}|on\s+[^.;:,]{{1,100}}?\s+)?"
    rf"|briefed\s+(?:(?:several|many|two|three)\s+times\s+)?(?:{_WHEN})?"
    r"|(?<=\s)briefings?,?\s+(?:on\s+[^.;:,]{1,100}?\s+)?)"
    r"(?:,?\s*including\s+)?(?:by|from)\s+"
    r"|\b[Aa]ddressing\s+(?:the\s+)?(?:[a-z]+\s+)?(?:meeting|summit|session|Council|Assembly|Committee|debate)\s+(?:were|was)\s+"
)
# A briefing at an earlier meeting: "Recalling a December 2005 briefing by X, ...", "a previous briefing by".
_EARLIER = re.compile(r"\b(?:[Rr]ecall(?:ing|ed|s)?|previous|earlier|last|(?:19|20)\d\d)\b[^.;:]{0,40}$")
# Between items: ", ", " and ", ", and ", " as well as ", each optionally repeating "by"/"from".
_SEPARATOR = re.compile(r"(?:\s*,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)"
                        r"(?:(?:(?:a\s+)?(?:briefings?|statements?)\s+)?(?:by|from)\s+)?")
_THE = re.compile(r"(?:the|its)\s+")
_PLAIN_AND = re.compile(r"\s+and\s+")
_IN = re.compile(r"\bin\s+(?:the\s+)?$")
# A title heading an organisation the reference does not list: "the Head of the French Red Cross in Guinea".
_HEAD_OF = re.compile(r"(?:Head|President|Director|Director-General|Chair|Secretary-General)\s+of\s+(?:the\s+)?"
                      r"(?P<org>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*\s+(?:Cross|Crescent|Society|Federation|Foundation|"
                      r"Institute|Council|Committee|Association|Organization|Network|Centre|Center))\b")
# An office without a title word: "the head of X", "the senior United Nations official responsible for ...".
_OFFICIAL = re.compile(r"\b(?:head|official)\b")
# A title's name going on after a comma or "and": "Programme Planning, Finance and Budget".
_GOES_ON = re.compile(r"[A-Z][\w'-]*(?:\s+(?:of|for|on|in|and|the|[A-Z][\w'-]*))*(?:\s*\([^()]{1,20}\))?$")


def briefings(text: str, start: int, stop: int, places: Gazetteer) -> list[tuple[int, Turn]]:
    """(statement start, turn) of each briefer the sentence ``text[start:stop]`` lists after "heard from" or the like."""
    heard = _HEARD.search(text, start, stop)
    if heard is None or _EARLIER.search(text, start, heard.start()):
        return []
    kinds = [(_kind(text, a, b, places), a, b) for a, b in _chunks(text, heard.end(), stop, places)]
    out: list[tuple[int, Turn]] = []
    i = 0
    while i < len(kinds):
        (kind, a, b), following = kinds[i], kinds[i + 1] if i + 1 < len(kinds) else None
        if kind == "titled":
            turn, step = _titled(text, a, b, places, verb=False), 1
        elif kind == "person" and following and following[0] == "title":
            turn, step = _person_with_title(text, (a, b), following[1:], places), 2
        elif kind == "title" and following and following[0] == "person":
            turn, step = _person_with_title(text, following[1:], (a, b), places), 2
        elif kind == "title":
            turn, step = _unnamed(text, a, b, places), 1
        elif kind == "person":
            turn, step = _person_with_title(text, (a, b), None, places), 1
        else:
            break  # "leaders of civil society organizations": the list of briefers is over
        if turn is not None:
            out.append((a, turn))
        i += step
    return out


def _chunks(text: str, pos: int, stop: int, places: Gazetteer) -> list[tuple[int, int]]:
    """The list cut at its separators, never inside an organisation's name or a parenthesis, with the
    pieces of a title's name joined again ("for Programme Planning, Finance and Budget")."""
    inside = [(pos + m.start, pos + m.end) for m in places.find_all(text[pos:stop])]
    depth, parens = 0, []
    for k in range(pos, stop):
        depth += {"(": 1, ")": -1}.get(text[k], 0)
        if depth > 0:
            parens.append(k)
    cuts = [m for m in _SEPARATOR.finditer(text, pos, stop)
            if not any(a < m.start() < b for a, b in inside) and m.start() not in parens]
    chunks, at, plain_and = [], pos, False
    for m in cuts:
        chunks.append((at, m.start(), plain_and))
        at, plain_and = m.end(), _PLAIN_AND.fullmatch(m.group()) is not None
    chunks.append((at, stop, plain_and))
    joined: list[tuple[int, int]] = []
    for a, b, after_and in chunks:
        b = a + len(text[a:b].rstrip(" .;:\n"))
        person = _PERSON.match(text, a, b)  # "Jan Roe (Chile)" is the next item, not the title going on
        title = _TITLE_WORD.search(text, a, b)
        if joined and _GOES_ON.fullmatch(text, a, b) and not (person and _person(person, places)) \
                and _TITLE_WORD.search(text, *joined[-1]) and (not title or after_and) \
                and _titled(text, a, b, places, verb=False) is None:  # "... and United States Secretary of State X"
            joined[-1] = (joined[-1][0], b)  # "Special Representative and Head of X": one person's two offices
        elif a < b:
            joined.append((a, b))
    return joined


def _kind(text: str, a: int, b: int, places: Gazetteer) -> str:
    """"titled" (Title Name), "person" (a name, perhaps with its State), "title" (an office) or "other"."""
    titled = _titled(text, a, b, places, verb=False)
    if titled is not None and len(titled.speaker.name.split()) > 1:  # not "for Programme Planning"
        return "titled"
    m = _PERSON.match(text, a, b)
    if m is not None and _person(m, places):
        paren = _PAREN.match(text, m.end(), b)
        if (paren.end() if paren else m.end()) == b:
            return "person"
    opens = text[a].isupper() or _THE.match(text, a, b) is not None
    if opens and (_TITLE_WORD.search(text, a, b) or _OFFICIAL.search(text, a, b)):
        return "title"
    return "other"


def _person_with_title(text: str, name: tuple[int, int], title: tuple[int, int] | None,
                       places: Gazetteer) -> Turn | None:
    m = _PERSON.match(text, *name)
    if m is None:
        return None
    role = _role_text(text, title) if title else None
    paren = _PAREN.match(text, m.end(), name[1])
    if paren is not None and (state := _known(text, paren.start("paren"), paren.end("paren"), places)):
        delegation = _presiding(role, None, state, places)
    elif title is not None and role is not None:
        delegation = _office(role, title, places)
        if delegation is not None and delegation.entity.kind == "state" and any(
                _IN.search(role, 0, m.start) for m in places.find_all(role) if m.entity == delegation.entity):
            delegation = None  # "Head of the French Red Cross in Guinea": where the post is, not whom it serves
        if delegation is None and (head := _HEAD_OF.search(role)) is not None \
                and places.lookup(head["org"]) is None:
            delegation = Match(unknown_organization(head["org"]), *title)
    else:
        return None  # a name alone: no delegation to give it
    if delegation is None:
        return None
    return Turn(_speaker(m), delegation, role, max(name[1], title[1] if title else 0))


def _unnamed(text: str, a: int, b: int, places: Gazetteer) -> Turn | None:
    """"the head of the United Nations Entity ... (UN-Women)": an official named by title alone."""
    role = _role_text(text, (a, b))
    delegation = _office(role, (a, b), places)
    if delegation is None or delegation.entity.key == "united-nations" and not (_TITLE_WORD.search(role)
                                                                                or _OFFICIAL.search(role)):
        return None
    label = role[0].upper() + role[1:]
    return Turn(Speaker.unnamed(label, a, b),
                Match(delegation.entity, delegation.start, delegation.end), role, b)


def _role_text(text: str, span: tuple[int, int]) -> str:
    a, b = span
    if (the := _THE.match(text, a, b)) is not None:
        a = the.end()
    return " ".join(text[a:b].split())
