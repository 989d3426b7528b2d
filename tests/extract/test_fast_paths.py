"""The extractors' fast paths give exactly what the plain scans they replace give.

Each fast path (see issue 14: extraction time per document) skips work the plain scan does;
these tests run both on texts chosen to hit the corners: phrases inside words, overlapping
phrases, case, non-ASCII letters that case-insensitive matching treats as ASCII ones.
"""

from __future__ import annotations

import pytest

from councilgraph.extract.cited import _last_phrase
from councilgraph.extract.resolution_text import lexicon

_PHRASE_TEXTS = [
    "The Council, welcoming resolution 2331 (2016)",
    "Reaffirming also its resolutions and Recalling further, and noting with concern",
    "denoting the text; expressing deep concern; Noted",  # a phrase inside a word matches too
    "Recalling also recalling alsorecalling",  # overlapping and glued phrases
    "notedx noted- noted",  # the last phrase of the alternation carries the word-boundary check
    "Welcoming \u017ftrongly condemns, Stre\u017f\u017fing",  # long s: case-insensitive matching takes it for "s"
    "\u212aeeping in mind, keeping \u0131n mind",  # Kelvin sign for K, dotless i
    "R\u00e9affirming, Reaffirming",
    "",
    "no phrase here at all",
]


@pytest.mark.parametrize("text", _PHRASE_TEXTS)
def test_last_phrase_is_the_last_match_of_the_lexicon_scan(text: str) -> None:
    pattern, _ = lexicon()
    for start in range(0, len(text) + 1, 3):
        for end in range(start, len(text) + 1, 2):
            plain = list(pattern.finditer(text, start, end))
            fast = _last_phrase(pattern, text, start, end)
            expected = (plain[-1].span(), plain[-1].group()) if plain else None
            got = (fast.span(), fast.group()) if fast else None
            assert got == expected, (start, end)
