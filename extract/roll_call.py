"""Roll calls: one sentence naming several delegations that spoke.

Releases in running text close a debate with the delegations not quoted::

    Other speakers on the item were the representatives of Peru, Chile (on behalf of the Rio Group) and Fiji.
    Statements in explanation of vote were made by the representatives of Japan, China and Egypt.
    Speaking on the draft were the representatives of Ghana and Peru.
    The representative of Norway (on behalf of the Nordic countries), Chile and Fiji spoke in explanation of vote.
    Several delegations spoke in exercise of the right of reply: Peru, Chile and Fiji.

Each delegation listed is a speaker of its own; a group in parentheses after it is
whom it spoke for (``alignments`` reads "(on behalf of ...)" in the statement's
opening). A list counts only in a sentence about speaking: "met with the
representatives of Kenya and Somalia" names no speaker. The participants sentence
("Also speaking were the representatives of ...", "Representatives of ... also
spoke") recaps every speaker, those quoted included: ``participants`` reads it and
checks it against the statements, and its delegations are speakers here only when the
text quoted them nowhere else (``Turn.recap``; the narrative reader drops the others).
"""

from __future__ import annotations

import re
from dataclasses import replace

from councilgraph.extract.gazetteer import Gazetteer, Match
from councilgraph.extract.participants import _OPENING as _PARTICIPANTS
from councilgraph.extract.records import Speaker
from councilgraph.extract.speaker_forms import _REPORTING
from councilgraph.extract.statements import Turn

__all__ = ["roll_call", "roll_items"]

# "... speakers ... were the representatives of", "Statements ... were made by the representatives of".
_LIST_AFTER = re.compile(
    r"\b(?:[Ss]peakers?|[Ss]peaking|[Ss]tatements?|spoke|heard|took\s+the\s+floor)\b[^.;:]{0,100}?"
    r"\b(?:the\s+)?(?:representatives|delegates|delegations)\s+(?:of|for|from)\s+"
    r"|\b(?:spoke|speaking)\s+in\s+(?:explanation|exercise)\s+of\s+[^.;:]{0,50}:\s*"
)
# "The United States and France spoke ...", "The representatives of Syria and Lebanon also spoke".
_LIST_FIRST = re.compile(r"(?:[Tt]he\s+(?:representatives?|delegates?|delegations?)\s+(?:of|for)\s+)?")
_SPOKE = re.compile(r"\s+(?:also\s+|then\s+|each\s+)?(?:spoke|took\s+the\s+floor|made\s+statements)\b")
# After a list the sentence opens as the representatives': any reporting verb ("The representatives of Uganda and
# the United Kingdom referred to the report"); a list of States alone needs "spoke" ("Peru and Chile agreed" is no speech).
_REPORTED = re.compile(rf",?\s+(?:also\s+|then\s+|each\s+|both\s+)?(?:{_REPORTING}|referred|gave\s+statements)\b")
# "The United States and France spoke": a list may open the sentence, article capitalised.
# "The delegates of both Uganda and of the United Kingdom".
_ITEM_LEAD = re.compile(r"(?:both\s+)?(?:of\s+)?(?:[Tt]he\s+)?(?:(?:Permanent\s+)?[Oo]bservers?\s+(?:for|of)\s+(?:the\s+)?)?")
# A group after the delegation, closed or cut off by the end of the text ("(on behalf of the Associa").
_ASIDE = re.compile(r"\s*\((?:[^()]|\([^()]*\))*(?:\)|$)")
# A group between commas instead of parentheses, or a role: the list goes on after it. "Italy, on behalf of the
# European Community, Russian Federation", "Belgium, speaking on behalf of the European Union and its associated
# States, and the United States, as Host Country, gave statements".
_INLINE_BEHALF = re.compile(r",\s+(?:speaking\s+)?on\s+behalf\s+of\s+(?:the\s+)?")
_ASSOCIATED = re.compile(r"\s+and\s+(?:its\s+)?associated\s+(?:States|countries)")
_AS_ROLE = re.compile(r",\s+as\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}(?=,)")
_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|,?\s+as\s+well\s+as\s+")


def roll_call(text: str, start: int, end: int, places: Gazetteer) -> list[tuple[int, Turn]]:
    """(statement start, turn) of each delegation a roll-call sentence ``text[start:end]`` lists."""
    if (recap := _PARTICIPANTS.search(text, start, end)) is not None:
        return [(at, replace(turn, recap=True)) for at, turn in roll_items(text, recap.end(), end, places)]
    opening = _LIST_AFTER.search(text, start, end)
    if opening is not None:
        return roll_items(text, opening.end(), end, places)
    first = _LIST_FIRST.match(text, start, end)
    items = roll_items(text, first.end(), end, places)
    if items and _SPOKE.match(text, items[-1][1].lead_end, end):
        return items
    if items and first.group() and _REPORTED.match(text, items[-1][1].lead_end, end):
        # Several quoted together: each one also quoted alone nearby is that statement's speaker.
        return [(at, replace(turn, recap=True)) for at, turn in items]
    return []


def roll_items(text: str, pos: int, end: int, places: Gazetteer) -> list[tuple[int, Turn]]:
    out: list[tuple[int, Turn]] = []
    while True:
        at = _ITEM_LEAD.match(text, pos, end).end()
        found = places.match_at(text, at)
        if found is None or found.end > end or not found.entity.in_reference:
            return out
        item_end = found.end
        if (aside := _ASIDE.match(text, item_end, end)) is not None:
            item_end = aside.end()
        elif (behalf := _INLINE_BEHALF.match(text, item_end, end)) is not None and \
                (group := places.match_at(text, behalf.end())) is not None and group.end <= end:
            item_end = group.end  # "Italy, on behalf of the European Community, Russian Federation, ..."
            if (associated := _ASSOCIATED.match(text, item_end, end)) is not None:
                item_end = associated.end()
        elif (role := _AS_ROLE.match(text, item_end, end)) is not None:
            item_end = role.end()
        label = f"Representative of {found.entity.name}"
        speaker = Speaker.unnamed(label, found.start, found.end)
        out.append((found.start, Turn(speaker, Match(found.entity, found.start, found.end), None, item_end)))
        sep = _SEPARATOR.match(text, item_end, end)
        if sep is None:
            return out
        pos = sep.end()
