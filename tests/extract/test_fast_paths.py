"""The extractors' fast paths give exactly what the plain scans they replace give.

Each fast path (see issue 14: extraction time per document) skips work the plain scan does;
these tests run both on texts chosen to hit the corners: phrases inside words, overlapping
phrases, case, non-ASCII letters that case-insensitive matching treats as ASCII ones.
"""

from __future__ import annotations

import re
from pathlib import Path

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


def _guarded_scans() -> list[tuple[re.Pattern[str], tuple[str, ...]]]:
    from councilgraph.extract import alignments, citations, cited, mentions

    return [(alignments._COSPONSOR, alignments._COSPONSOR_HOLDS), (citations._SYMBOL, citations._SYMBOL_HOLDS), (citations._TRIGGER, citations._TRIGGER_HOLDS),
            (citations._PRST, citations._PRST_HOLDS), (cited._COREFERENCE, cited._COREFERENCE_HOLDS),
            (mentions._BARE_CHARTER, mentions._CHARTER_HOLDS), (mentions._UNKNOWN_INSTRUMENT, mentions._KEYWORD_WORDS)]


_SCAN_TEXTS = [
    "Recalling its resolutions 2331 (2016) and 2388 (2017), S/PRST/2015/25 and S/2017/939, the resolution just "
    "adopted, today's text, presidential statement 2015/25, Reso-\nlutions 1514 (XV), the Charter of the United "
    "Nations, the Bali Declaration on People Smuggling, the Comprehensive Peace Agreement and the Palermo Protocol.",
    "Article 35 of the Charter; the text of the Kampala Plan of Action and the Istanbul Programme of Action",
    "His delegation was a co-sponsor of the resolution; Her country cosponsored resolution 2331 (2016).",
]


@pytest.mark.parametrize("text", _SCAN_TEXTS + [p.read_text("utf-8") for p in sorted(
    (Path(__file__).resolve().parent.parent / "data" / "releases").glob("*.txt"))])
def test_every_match_of_a_guarded_scan_holds_its_literal(text: str) -> None:
    """A scan is skipped where none of its literals occurs: that is exact only if every match holds one."""
    seen = 0
    for pattern, literals in _guarded_scans():
        for m in pattern.finditer(text):
            assert any(literal in m.group() for literal in literals), (pattern.pattern[:40], m.group())
            seen += 1
    assert seen or text not in _SCAN_TEXTS


def test_a_name_looked_up_once_still_reads_the_words_after_it() -> None:
    """match_at remembers what a run of words names; the official suffix after it is read every time."""
    from councilgraph.extract.gazetteer import Gazetteer
    from councilgraph.ontology.reference import states

    places = Gazetteer(states())
    for _ in range(2):  # cold, then from the memo
        long = places.match_at("Iran (Islamic Republic of) said", 0)
        short = places.match_at("Iran (the delegation) said", 0)
        assert (long.entity.key, long.end, short.entity.key, short.end) == ("IRN", 26, "IRN", 4)
        assert places.match_at("Iran's delegation", 0).end == 4
        assert places.match_at("Iranian delegates", 0) is None


def test_a_document_gazetteer_does_not_share_what_the_reference_one_remembers() -> None:
    from councilgraph.extract.gazetteer import gazetteer
    from councilgraph.ontology.reference import Entity

    places = gazetteer()
    mission = Entity(kind="org", key="xland-mission", name="United Nations Mission in Xland", category="",
                     acronym="UNMIX", in_reference=False)
    text = "the United Nations Mission in Xland (UNMIX) and UNMIX"
    before = places.match_at(text, 4)  # "United Nations" alone, remembered for these words
    taught = places.extended((mission,))
    assert taught.match_at(text, 4).entity is mission
    assert taught.match_at(text, 48).entity is mission
    assert places.match_at(text, 4) == before and before.entity is not mission
    assert places.match_at(text, 48) is None


def test_the_gazetteer_memos_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from councilgraph.extract import gazetteer as module
    from councilgraph.ontology.reference import states

    monkeypatch.setattr(module, "_MEMO_LIMIT", 10)
    places = module.Gazetteer(states())
    places.find_all(" ".join(f"United Word{i} Other{i}" for i in range(100)))
    assert 0 < len(places._counts_memo) <= 10 and 0 < len(places._form_memo) <= 10


def test_every_match_of_the_associating_scan_holds_its_word() -> None:
    """The case-insensitive scan for "associating/aligning with" is skipped where the lower-cased ASCII
    statement holds neither "associat" nor "align"."""
    from councilgraph.extract.alignments import _ASSOCIATE

    texts = ["He ASSOCIATED himself with the statement of the European Union and Aligned fully with the remarks"
             " made by Chile", *(p.read_text("utf-8") for p in sorted(
                 (Path(__file__).resolve().parent.parent / "data" / "releases").glob("*.txt")))]
    matches = [m.group().lower() for text in texts for m in _ASSOCIATE.finditer(text)]
    assert len(matches) >= 2 and all("associat" in m or "align" in m for m in matches)


def test_within_spans_by_bisection_is_the_pairwise_test() -> None:
    import random

    from councilgraph.extract.press_release import _Within

    rng = random.Random(14)
    for _ in range(200):
        spans = [(a, a + rng.randrange(0, 30)) for a in (rng.randrange(0, 200) for _ in range(rng.randrange(0, 12)))]
        inside = _Within(spans)
        for pos in range(-2, 240):
            assert inside(pos) == any(a <= pos < b for a, b in spans), (spans, pos)


def _release_paragraphs() -> list[str]:
    texts = [p.read_text("utf-8") for p in sorted((Path(__file__).resolve().parent.parent / "data" / "releases")
                                                  .glob("*.txt"))]
    return [para for text in texts for para in text.split("\n\n") if para.isascii()]


@pytest.mark.parametrize("name", ["_ASSOCIATE", "_ON_BEHALF"])
def test_alignment_patterns_tried_where_their_first_words_occur_find_what_the_scan_finds(name: str) -> None:
    from councilgraph.extract import alignments
    from councilgraph.extract.scan import matches_at, occurrences

    pattern = getattr(alignments, name)
    starts = {"_ASSOCIATE": alignments._ASSOCIATE_STARTS, "_ON_BEHALF": alignments._ON_BEHALF_STARTS}[name]
    paragraphs = ["Speaking also for Chile (speaking for Peru), he ALIGNED himself with the statement made on behalf "
                  "of the Group and associated himself fully with the remarks of the European Union (for Spain)",
                  *_release_paragraphs()]
    seen = 0
    for para in paragraphs:
        text = "x " + para  # the span does not start at 0
        plain = [m.span() for m in pattern.finditer(text, 2, len(text))]
        fast = [m.span() for m in matches_at(pattern, text, 2, len(text), occurrences(para.lower(), starts, 2))]
        assert fast == plain, para[:80]
        seen += len(plain)
    assert seen >= 3
