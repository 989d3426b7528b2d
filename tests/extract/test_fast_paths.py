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
    from councilgraph.extract import alignments, cited, mentions

    return [(alignments._COSPONSOR, alignments._COSPONSOR_HOLDS), (cited._COREFERENCE, cited._COREFERENCE_HOLDS),
            (mentions._UNKNOWN_INSTRUMENT, mentions._KEYWORD_WORDS)]


def _started_scans() -> list[tuple[re.Pattern[str], tuple[tuple[str, int], ...]]]:
    from councilgraph.extract import citations, cited, mentions

    return [(citations._SYMBOL, citations._SYMBOL_STARTS), (citations._TRIGGER, citations._TRIGGER_STARTS),
            (citations._PRST, citations._PRST_STARTS), (mentions._BARE_CHARTER, mentions._CHARTER_STARTS),
            (mentions._UNKNOWN_INSTRUMENT, mentions._UNKNOWN_STARTS), (cited._COREFERENCE, cited._COREFERENCE_STARTS)]


_SCAN_TEXTS = [
    "Recalling its resolutions 2331 (2016) and 2388 (2017), S/PRST/2015/25 and S/2017/939, the resolution just "
    "adopted, today's text, presidential statement 2015/25, Reso-\nlutions 1514 (XV), the Charter of the United "
    "Nations, the Bali Declaration on People Smuggling, the Comprehensive Peace Agreement and the Palermo Protocol.",
    "Article 35 of the Charter; the text of the Kampala Plan of Action and the Istanbul Programme of Action",
    "His delegation was a co-sponsor of the resolution; Her country cosponsored resolution 2331 (2016).",
    "General Assembly resolution 70/1, General Assembly resolutions, ST/SGB/2003/13 (2003), A/RES/70/1, E/2020/1, "
    "Presidential Statements 2015/25 and 2016/1, resoiutions 1 (1946); the Charter",
    "Welcoming its Doha Declaration on Migrants and the 1951 Refugee Convention; bathe Xland Accord, the text of "
    "the text that had just been adopted, today's resolution and xtoday's text; inthe text adopted today",
]


def _scan_corpus() -> list[str]:
    return _SCAN_TEXTS + [p.read_text("utf-8") for p in sorted(
        (Path(__file__).resolve().parent.parent / "data" / "releases").glob("*.txt"))]


@pytest.mark.parametrize("text", _scan_corpus())
def test_every_match_of_a_guarded_scan_holds_its_literal(text: str) -> None:
    """A scan is skipped where none of its literals occurs: that is exact only if every match holds one."""
    seen = 0
    for pattern, literals in _guarded_scans():
        for m in pattern.finditer(text):
            assert any(literal in m.group() for literal in literals), (pattern.pattern[:40], m.group())
            seen += 1
    assert seen or text not in _SCAN_TEXTS[:3]


@pytest.mark.parametrize("text", _scan_corpus())
def test_a_scan_tried_next_to_its_literals_finds_what_the_plain_scan_finds(text: str) -> None:
    from councilgraph.extract.scan import scan

    text = "x " + text  # the span does not start at 0
    for pattern, starts in _started_scans():
        for start, end in ((2, len(text)), (3, len(text) - 5), (len(text) // 2, len(text))):
            plain = [m.span() for m in pattern.finditer(text, start, end)]
            assert [m.span() for m in scan(pattern, text, start, end, starts)] == plain, (pattern.pattern[:40],)


def test_taught_acronyms_are_found_where_they_occur_as_the_plain_scan_finds_them() -> None:
    from councilgraph.extract.mentions import _ACRONYM
    from councilgraph.extract.scan import scan

    taught = {"UNMIX": 1, "MIX": 2, "UNMIXED": 3, "AB": 4}
    text = "UNMIX and UNMIXED, the MIX; XUNMIX UNMIXes AB-AB ABAB (UNMIX) UNMIX"
    for start in range(0, len(text), 4):
        plain = [m.span() for m in _ACRONYM.finditer(text, start) if m.group() in taught]
        found = [m.span() for m in scan(_ACRONYM, text, start, len(text), tuple((a, 0) for a in taught))
                 if m.group() in taught]
        assert found == plain, start


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


@pytest.mark.parametrize("tail", [
    "\n\n* *** *\n\nFor information media. Not an official record.\n",
    "\nFor information mediation only, Not an official record",
    "\n  *\n ***  *  \n",
    "\n* ** *\n*no*\nFor information media",
    "\nno closing at all *",
])
def test_the_closing_line_is_found_where_the_plain_search_finds_it(tail: str) -> None:
    from councilgraph.extract.segment import _CLOSING, _closing_line

    text = "SC/13081\n\nThe Council met. A * star.\n" + tail
    for pos in range(len(text) + 1):
        plain, fast = _CLOSING.search(text, pos), _closing_line(text, pos)
        assert (fast.span() if fast else None) == (plain.span() if plain else None), pos


@pytest.mark.parametrize("text", [
    "the United Nations Office on Drugs and Crime (UNODC) and  \n (UNMIX) (AB-Cd)((EF)( GH) (2016) (Mali)",
    "(UNODC) at the start, \u00a0\u2003(UN-Women) after other spaces, x(AB)", "", "no brackets", "( (AB)",
    *_release_paragraphs()[:200],
])
def test_acronym_definitions_are_found_where_the_plain_scan_finds_them(text: str) -> None:
    from councilgraph.extract.mentions import _ACRONYM_DEFINITION, _acronym_definitions

    assert [m.span() for m in _acronym_definitions(text)] == [m.span() for m in _ACRONYM_DEFINITION.finditer(text)]


def _words_by_loop(text: str, pos: int, most: int) -> str:
    """The loop match_at ran before: up to ``most`` words, while the text between them strips to "" or ","."""
    from councilgraph.extract.gazetteer import _WORD

    ends: list[int] = []
    for token in _WORD.finditer(text, pos):
        if len(ends) == most or (ends and text[ends[-1]:token.start()].strip() not in ("", ",")):
            break
        ends.append(token.end())
    return text[pos:ends[-1]]


def test_the_words_a_name_may_take_are_those_the_word_loop_took() -> None:
    from councilgraph.extract.gazetteer import _run

    texts = ['Accountability, Coherence and Transparency Group; ACT Group', 'United  Nations\n(UNODC) said',
             'A ,B , C,,D "E" F:G H\u00a0I\u2003J. K.L', 'Iran (Islamic Republic of), Chad', 'One', 'X\t,\t Y ,\nZ']
    for text in texts + _release_paragraphs()[:100]:
        for pos in (i for i, c in enumerate(text) if not re.match(r'[\s,;:()"]', c)):  # mid-word too
            for most in (1, 2, 3, 5, 15):
                assert _run(most).match(text, pos).group() == _words_by_loop(text, pos, most), (text[pos:pos + 40], most)


def _known_instruments_token_by_token(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The plain scan: every token of the span folded on its own, each tried for the longest form it starts."""
    from councilgraph.extract.mentions import _TOKEN, _instrument_forms

    by_key, lengths = _instrument_forms()
    tokens = list(_TOKEN.finditer(text, start, end))
    words = [token.group().casefold() for token in tokens]
    found, i = [], 0
    while i < len(words):
        for n in lengths.get(words[i], ()):
            initial = tokens[i].group()[0]
            entity = by_key.get(" ".join(words[i:i + n])) if i + n <= len(words) else None
            if entity is not None and (n >= 4 or initial.isupper() or initial.isdigit()):
                found.append((entity.key, tokens[i].start(), tokens[i + n - 1].end()))
                i += n
                break
        else:
            i += 1
    return found


@pytest.mark.parametrize("text", [
    "the Palermo Protocol, the palermo protocol, PALERMO PROTOCOL and the Trafficking in Persons Protocol.",
    # folding changes the length ("ß" -> "ss", "İ" -> "i̇"): the positions are the text's tokens', not the folded span's
    "Stra\u00dfe des Rome Statute; the Rome Statute",
    "\u0130stanbul and the Rome Statute, the Arms Trade Treaty",
    "x.Rome Statute, Rome Statute.x, Rome..Statute, Rome Statute.., \u212a Rome Statute",  # full stops, Kelvin sign
    "the convention against transnational organized crime and its protocols",  # a long form in lower case
    "",
    *_release_paragraphs()[:150],
])
def test_known_instruments_found_in_the_folded_span_are_those_token_by_token(text: str) -> None:
    from councilgraph.extract.mentions import _known_instruments

    text = "Rome x" + text  # the span does not start at 0, nor at a token's start
    for start in (0, 5, 6, 7):
        found = [(entity.key, s, e) for s, e, entity in _known_instruments(text, start, len(text))]
        assert found == _known_instruments_token_by_token(text, start, len(text)), start


def test_case_folding_never_makes_or_removes_a_token_delimiter() -> None:
    """What lets _known_instruments fold a whole span and take its tokens for the folded tokens."""
    import sys

    from councilgraph.extract.mentions import _TOKEN

    for code in range(sys.maxunicode + 1):
        character = chr(code)
        folded = character.casefold()
        if _TOKEN.fullmatch(character) is None:  # a delimiter (or the full stop): folded to itself
            assert folded == character, hex(code)
        else:  # part of a word: so is every character it folds to
            assert "".join(_TOKEN.findall(folded)) == folded and len(_TOKEN.findall(folded)) == 1, hex(code)


@pytest.mark.parametrize("text", [
    "The Council (UNODC), \"Boko Haram\"; Mr. Alemu:Ethiopia-led talks, 2016 résumé Éthiopie \u00a0Chile",
    "A", "a", "", "((X", "x,Y", "xY Zz", *_release_paragraphs()[:100],
])
def test_name_candidates_class_first_are_those_of_the_look_behind_first_pattern(text: str) -> None:
    """gazetteer._CANDIDATE tests the character before a word after its first character, for speed; the plain
    form tests it first. Spans that start inside the text see the character before them in both."""
    from councilgraph.extract.gazetteer import _CANDIDATE

    plain = re.compile(r"(?<![^\s,;:()\"])[^\s,;:()\"a-z0-9][^\s,;:()\"]*")
    for start in range(min(len(text), 12) + 1):
        assert ([m.span() for m in _CANDIDATE.finditer(text, start)]
                == [m.span() for m in plain.finditer(text, start)]), start


@pytest.mark.parametrize("text", [
    "U.N. and the U.N.D.P., a..b...c.d; (Palermo) \"Protocol\": x,y ,, .", "...", ".a.", "a.", "",
    "Stra\u00dfe\u00a0des\u2003Statuts\x1c\u3000end.", *_release_paragraphs()[:100],
])
def test_tokens_by_str_methods_are_those_of_the_token_pattern(text: str) -> None:
    import random

    from councilgraph.extract.mentions import _TOKEN, _tokens

    assert _tokens(text) == _TOKEN.findall(text)
    rng = random.Random(text)
    alphabet = [*'ab.,;:()" \n\t\u00a0\u2003\x1c-', "\u00e9", "X"]
    for _ in range(300):
        piece = "".join(rng.choice(alphabet) for _ in range(rng.randrange(16)))
        assert _tokens(piece) == _TOKEN.findall(piece), piece


def test_str_split_and_the_patterns_agree_on_what_is_whitespace() -> None:
    import sys

    space = re.compile(r"\s")
    assert all((space.fullmatch(c) is not None) == c.isspace() for c in map(chr, range(sys.maxunicode + 1)))


def _names_by_match_at(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The plain scan find_all replaces: match_at at the start of every word of the span, left to right."""
    from councilgraph.extract.gazetteer import gazetteer

    found: list[tuple[str, int, int]] = []
    free = start
    for pos in range(start, end):
        if pos < free or not (pos == start or text[pos - 1] in ',;:()"' or text[pos - 1].isspace()):
            continue
        match = gazetteer().match_at(text, pos)
        if match is not None and match.end <= end:
            found.append((match.entity.key, match.start, match.end))
            free = match.end
    return found


@pytest.mark.parametrize("text", [
    "Ethiopia, the United States and the Russian Federation; Iran (Islamic Republic of) and UNODC-led talks",
    "the Netherlands (Kingdom of the), Bolivia (Plurinational State of)and the African Union's envoy",
    *_release_paragraphs()[:60],
])
def test_names_found_in_a_span_are_those_match_at_finds_word_by_word(text: str) -> None:
    from councilgraph.extract.gazetteer import gazetteer

    text = "Chile" + text  # a span may start inside a word
    for start, end in ((0, len(text)), (5, len(text)), (3, len(text) - 3), (7, len(text) // 2), (0, 7)):
        found = [(m.entity.key, m.start, m.end) for m in gazetteer().find_all(text, start, end)
                 if text[m.start].isupper()]  # the lower-case names ("the high-level political forum ...") aside
        assert found == _names_by_match_at(text, start, end), (start, end)


_VOTE_TEXTS = [
    "adopting, Adopted, ADOPTS, passed by, approving, Approved, approves, retaining, Retained, by its unanimous "
    "adoption of, the Council's adoption, on 5 May, of, Reached Consensus On",
    "failed to pass, failed -- by a vote of 9 -- to garner the required, was not adopted, owing to the negative "
    "vote, was vetoed, vetoed a draft, were defeated, defeated by, rejected the amendment, rejected, also by "
    "recorded vote, an oral amendment, did not obtain the required number of votes, lacked the minimum number of "
    "affirmative votes, FAILED TO ADOPT",
    "support from 13 Council members, affirmative votes by the other 14 members, FAVOURABLE VOTE OF 9 members",
    "by a vote of 11-0-4, Adopted by 13-0-2 Vote, by 14-0-1",
]


@pytest.mark.parametrize("text", _VOTE_TEXTS + _release_paragraphs()[:300])
def test_every_match_of_a_worded_vote_scan_holds_one_of_its_words(text: str) -> None:
    """votes skips a case-insensitive scan where the lower-cased ASCII sentence holds none of its words (a
    tally: no hyphen): exact only if every match holds one."""
    from councilgraph.extract import votes

    scans = [(votes._ADOPTING, votes._ADOPTING_WORDS), (votes._FAILED, votes._FAILED_WORDS),
             (votes._SUPPORT, votes._SUPPORT_WORDS), (votes._TALLY, ("-",)), (votes._WERE_PASSED, ("passed",))]
    seen = 0
    for pattern, words in scans:
        for m in pattern.finditer(text):
            assert any(word in m.group().lower() for word in words), (pattern.pattern[:40], m.group())
            seen += 1
    if text in _VOTE_TEXTS:
        assert seen >= 3


@pytest.mark.parametrize("words", [
    ["fifth", "fiftieth", "fifty-first", "first"], ["a", "ab", "abc", "b"], ["one"], ["x.y", "x(y", "x"],
    ["sixty-sixth", "sixtieth", "sixth", "six"],
])
def test_a_word_tree_matches_exactly_its_words(words: list[str]) -> None:
    from councilgraph.extract.scan import word_tree

    tree = re.compile(f"(?:{word_tree(words)})")
    assert all(tree.fullmatch(word) for word in words)
    others = {word[:-1] for word in words} | {word + "x" for word in words} | {"", "zz"}
    assert not [other for other in others - set(words) if tree.fullmatch(other)]


def test_the_furniture_pattern_with_its_ordinals_as_a_tree_removes_what_the_plain_alternation_removes() -> None:
    from councilgraph.extract import header

    plain = re.compile(header._FURNITURE.pattern.replace(
        header._ORDINAL_WORDS, "(?:" + "|".join(sorted(header.ORDINALS, key=len, reverse=True)) + ")"), re.I)
    assert plain.pattern != header._FURNITURE.pattern
    lines = ["Seventy-Second Session, Fifty-first and ELEVENTH Emergency Special Session; sixtieth fifty-fifth x",
             "General Assembly Seventy-Ninth Session 10th Meeting (AM)", "the twenty-firsts firstly fourth-",
             *(line for paragraph in _release_paragraphs()[:300] for line in paragraph.splitlines())]
    assert [header._FURNITURE.sub(" ", line) for line in lines] == [plain.sub(" ", line) for line in lines]
    assert header._FURNITURE.sub(" ", lines[0]).split() == [",", "and", ";", "x"]


def test_name_keys_are_those_of_the_plain_normalisation() -> None:
    """normalise tries only the ASCII replacements on ASCII text, and normalise_name joins str.split's words:
    the same key as every replacement followed by collapsing \\s+ runs, for every reference name and for
    random strings."""
    import random

    from councilgraph.extract.gazetteer import normalise_name
    from councilgraph.extract.read import _ONE_TO_ONE, normalise
    from councilgraph.ontology.reference import instruments, organizations, states

    def replaced(text: str) -> str:
        if "\r" in text and "\n" not in text:
            text = text.replace("\r", "\n")
        for typographic, replacement in _ONE_TO_ONE.items():
            text = text.replace(typographic, replacement)
        return text

    names = [form for entity in states() + organizations() + instruments() for form in (entity.name, *entity.aliases)]
    rng = random.Random(38)
    alphabet = [*"aB c\t\r\n'-x", "\u00a0", "\u2019", "\u2013", "\u00c9", "\u00df", "\u2003"]
    names += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(12))) for _ in range(20_000)]
    assert [normalise(name) for name in names] == [replaced(name) for name in names]
    assert [normalise_name(name) for name in names] == [re.sub(r"\s+", " ", replaced(name)).strip().casefold()
                                                        for name in names]
