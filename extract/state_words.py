"""Capitals and adjectives of nationality, read only where they stand for a delegation.

Releases name a delegation by its capital or by the adjective of its nationality before a delegate's title::

    Kyiv's Permanent Representative Condemns ...      Kabul Representative Says ...
    Pyongyang's representative said ...               The Iranian delegate said ...

The words come from ``ontology/state_names.csv``. Only the speaker forms (``speaker_forms``, ``narrative``) ask for
them, each with the title that must follow: elsewhere "the attack in Kabul" or "Moscow's decision" names no State,
and the gazetteer never learns them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from councilgraph.extract.gazetteer import Match
from councilgraph.ontology.reference import Entity, state_names, states

__all__ = ["StateWord", "state_word_at"]


@dataclass(frozen=True, slots=True)
class StateWord:
    """A capital or an adjective of nationality found in the text, and the State it stands for."""

    match: Match
    demonym: bool  # "Iranian" (never possessive) rather than "Tehran" ("Tehran's delegate")


@cache
def _table() -> tuple[re.Pattern[str], dict[str, tuple[str, bool]]]:
    """The words as one pattern, longest first ("South Sudanese" before "Sudanese"), and each word's State."""
    words: dict[str, tuple[str, bool]] = {}
    for row in state_names():
        words.update((capital, (row.key, False)) for capital in row.capitals)
        words.update((demonym, (row.key, True)) for demonym in row.demonyms)
    forms = sorted(words, key=lambda w: (-len(w), w))
    return re.compile(rf"(?:{'|'.join(map(re.escape, forms))})(?![\w-])"), words


@cache
def _entities() -> dict[str, Entity]:
    return {state.key: state for state in states()}


def state_word_at(text: str, pos: int, end: int) -> StateWord | None:
    """The capital or adjective of nationality printed exactly at ``pos`` (and ending by ``end``), if any."""
    pattern, words = _table()
    m = pattern.match(text, pos, end)
    if m is None:
        return None
    key, demonym = words[m.group()]
    return StateWord(Match(_entities()[key], m.start(), m.end()), demonym)
