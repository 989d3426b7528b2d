"""Finding States and organisations by name in running text.

Names are matched on ``Source.matchable`` (typography already normalised), by
whole words, longest name first, ignoring case except for acronyms (so
"NAM" matches but "nam" does not). A match must begin with a capital letter:
names of States and bodies are proper nouns, and this keeps "chad" or
"georgia" in running text from becoming States.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from councilgraph.extract.read import normalise
from councilgraph.ontology.reference import Entity, organizations, states

__all__ = ["Gazetteer", "Match", "gazetteer", "normalise_name"]

_WORD = re.compile(r"[^\s,;:()\"]+")
# The words find_all needs to look at: a whole word (a delimiter or the text's start before it) that does not
# start with a lower-case ASCII letter or a digit. Skipping the other ~85% in the regex engine, not in Python,
# halves the cost of scanning a statement. The first character's class comes first and the look-behind (at the
# character before it) second: a pattern that starts with a class lets the engine skip the characters outside it
# in one tight loop, twice as fast as trying a look-behind at every character.
_CANDIDATE = re.compile(r"[^\s,;:()\"a-z0-9](?<![^\s,;:()\"].)[^\s,;:()\"]*")
_OFFICIAL_SUFFIX = re.compile(r" ?\([^()\n]{2,40}\)")
_LOWER_CASE_WORDS = 5
# The memos of match_at are emptied when they reach this many entries (~3 MB; 200 synthetic releases leave
# ~7,000): a long build stays bounded.
_MEMO_LIMIT = 20_000
_UNSEEN = object()


def normalise_name(text: str) -> str:
    """Key for name lookup: straight quotes and hyphens, single spaces, case folded."""
    return " ".join(normalise(text).split()).casefold()  # str.split splits where \s+ matches


@dataclass(frozen=True, slots=True)
class Match:
    """A name found in the text: the entity and the span of its written form."""

    entity: Entity
    start: int
    end: int


class Gazetteer:
    """Lookup of entities by any of their written forms."""

    def __init__(self, entities: tuple[Entity, ...]) -> None:
        self._by_name: dict[str, Entity] = {}
        self._by_acronym: dict[str, Entity] = {}
        self._lengths: dict[str, tuple[int, ...]] = {}
        self._lower_case: dict[str, Entity] = {}
        self._lower_case_names: re.Pattern[str] | None = None
        self._lower_case_firsts: tuple[str, ...] = ()
        self._counts_memo: dict[str, tuple[int, ...]] = {}
        self._form_memo: dict[str, tuple[Entity, int] | None] = {}
        self._add(entities)

    def _add(self, entities: tuple[Entity, ...]) -> None:
        self._counts_memo, self._form_memo = {}, {}
        keys = []
        for entity in entities:
            for form in (entity.name, *entity.aliases):
                if form.isupper() and len(form) <= 8:
                    if self._by_acronym.setdefault(form, entity) is entity:
                        keys.append(form.casefold())
                elif self._by_name.setdefault(key := normalise_name(form), entity) is entity:
                    keys.append(key)
            if entity.acronym and self._by_acronym.setdefault(entity.acronym, entity) is entity:
                keys.append(entity.acronym.casefold())
        # Derived forms come after every listed one, so that they never take a form another entity lists.
        for entity in entities:
            for form in _short_forms(entity):
                if self._by_name.setdefault(key := normalise_name(form), entity) is entity:
                    keys.append(key)
        # Most capitalised words start no name, and a first word starts names of few lengths:
        # first word -> word counts of the names it starts keeps match_at and find_all fast.
        lengths: dict[str, set[int]] = {word: set(ns) for word, ns in self._lengths.items()}
        for key in keys:
            words = _WORD.findall(key)
            if words:
                lengths.setdefault(words[0], set()).add(len(words))
        self._lengths = {word: tuple(sorted(ns, reverse=True)) for word, ns in lengths.items()}
        # A long name the reference spells in lower case is written so ("the high-level political forum on
        # sustainable development"); a short one ("least developed countries") is a common phrase, left out.
        for entity in entities:
            for form in (entity.name, *entity.aliases):
                if form[0].islower() and len(form.split()) >= _LOWER_CASE_WORDS:
                    self._lower_case.setdefault(" ".join(form.split()), entity)
        self._lower_case_firsts = tuple(sorted({form.split()[0] for form in self._lower_case}))
        if self._lower_case:
            forms = sorted(self._lower_case, key=len, reverse=True)
            self._lower_case_names = re.compile(
                r"(?<![\w-])(?:" + "|".join(r"\s+".join(map(re.escape, f.split())) for f in forms) + r")(?![\w-])")

    def extended(self, entities: tuple[Entity, ...]) -> Gazetteer:
        """A copy that also knows ``entities`` (the organisations one document defines); a form
        already taken keeps its entity, so a document cannot redefine a reference name."""
        if not entities:
            return self
        copy = Gazetteer(())
        copy._by_name = dict(self._by_name)
        copy._by_acronym = dict(self._by_acronym)
        copy._lengths = dict(self._lengths)
        copy._lower_case = dict(self._lower_case)
        copy._add(entities)
        return copy

    def lookup(self, name: str) -> Entity | None:
        """The entity whose name (or alias, or acronym) is exactly ``name``."""
        name = normalise(name.strip())  # "UN\u2011Women" with a non-breaking hyphen is UN-Women
        return self._by_acronym.get(name) or self._by_name.get(normalise_name(name))

    def match_at(self, text: str, pos: int) -> Match | None:
        """The longest name starting exactly at ``pos`` and ending at a word boundary."""
        if pos >= len(text) or not text[pos].isupper():
            return None
        first = _WORD.match(text, pos)
        if first is None:
            return None
        counts = self._counts_memo.get(word := first.group())
        if counts is None:
            counts = self._name_lengths(word)
        if not counts:
            return None
        return self._match_from(text, pos, word, counts)

    def _match_from(self, text: str, pos: int, word: str, counts: tuple[int, ...]) -> Match | None:
        """:meth:`match_at` once the first word (``word``, starting names of ``counts`` words) is known."""
        # The words a name may take: up to the longest count, while only spaces and at most one comma part
        # them (a comma may sit inside a name: "Accountability, Coherence and Transparency Group"; only a listed
        # form with that comma matches across it). What they name depends on them alone (the first word fixes
        # the counts), and the same few names recur in every statement: it is looked up once.
        run = _run(counts[0]).match(text, pos)
        words = run.group() if run is not None else word  # (it always matches: the first word did)
        found = self._form_memo.get(words, _UNSEEN)
        if found is _UNSEEN:
            found = self._longest_form(words, [token.end() for token in _WORD.finditer(words)], counts)
            if len(self._form_memo) >= _MEMO_LIMIT:
                self._form_memo.clear()
            self._form_memo[words] = found
        if found is None:
            return None
        entity, length = found
        end = pos + length
        if text.startswith(("(", " ("), end):  # most names have no suffix: no regex tried
            end = self._official_suffix(text, pos, end, entity)
        return Match(entity, pos, end)

    def _name_lengths(self, word: str) -> tuple[int, ...]:
        """The word counts of the names that ``word`` (or its variants) can start, longest first."""
        word_key = word.casefold()
        counts: set[int] = set()
        for variant in (word_key, word_key.rstrip("."), _drop_possessive(word_key), _drop_compound(word_key)):
            counts.update(self._lengths.get(variant, ()))
        lengths = tuple(sorted(counts, reverse=True))
        if len(self._counts_memo) >= _MEMO_LIMIT:
            self._counts_memo.clear()
        self._counts_memo[word] = lengths
        return lengths

    def _longest_form(self, words: str, ends: list[int], counts: tuple[int, ...]) -> tuple[Entity, int] | None:
        """The entity of the longest listed form among the first ``n`` words (``ends``: where each ends)
        for each ``n`` in ``counts``, and the form's length; a form may drop a final full stop, a
        possessive or a compound's participle."""
        by_acronym, by_name = self._by_acronym, self._by_name
        for end in (ends[n - 1] for n in counts if n <= len(ends)):
            candidate = words[:end]
            tried: list[str] = []
            for form in (candidate, candidate.rstrip("."), _drop_possessive(candidate), _drop_compound(candidate)):
                if form in tried:  # most variants are the candidate itself: look each form up once
                    continue
                tried.append(form)
                # ``text`` is already typography-normalised: a cheaper key than lookup() builds
                entity = by_acronym.get(form) or by_name.get(" ".join(form.split()).casefold())
                if entity is not None:
                    return entity, len(form)
        return None

    def _official_suffix(self, text: str, start: int, end: int, entity: Entity) -> int:
        """Extend a match over the UN-list suffix: "Iran (Islamic Republic of)", "Netherlands (Kingdom of the)"."""
        suffix = _OFFICIAL_SUFFIX.match(text, end)
        if suffix is not None and self.lookup(text[start:suffix.end()]) is entity:
            return suffix.end()
        return end

    def find_all(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Every non-overlapping name in ``text[start:end]``, left to right."""
        end = len(text) if end is None else end
        found: list[Match] = []
        pos = start
        counts_memo = self._counts_memo
        words = _CANDIDATE.finditer(text, start, end)
        first = _WORD.match(text, start, end)
        if first is not None and start > 0 and _WORD.match(text[start - 1]):  # a word cut by ``start``
            words = itertools.chain([first], words)
        for word in words:
            # Cheap checks inline: find_all visits every word of every statement.
            written = word.group()
            if word.start() < pos or not written[0].isupper():
                continue
            counts = counts_memo.get(written)  # a word seen before: no case folding, no variants
            if counts is None:
                counts = self._name_lengths(written)
            if not counts:
                continue  # it starts no name
            # The candidate is match_at's first word. Where the span's end cuts it, any name found runs past the end
            # (a name takes whole words of the text), and is left out below, as match_at's would be.
            match = self._match_from(text, word.start(), written, counts)
            if match is not None and match.end <= end:
                found.append(match)
                pos = match.end
        # every lower-case name starts with its literal first word: find() rules out most spans
        if self._lower_case_names is not None and any(text.find(w, start, end) >= 0 for w in self._lower_case_firsts):
            taken = [(m.start, m.end) for m in found]
            for m in self._lower_case_names.finditer(text, start, end):
                if not any(a < m.end() and m.start() < b for a, b in taken):
                    found.append(Match(self._lower_case[" ".join(m.group().split())], m.start(), m.end()))
            found.sort(key=lambda m: m.start)
        return found


_RUNS: dict[int, re.Pattern[str]] = {}


def _run(words: int) -> re.Pattern[str]:
    """Up to ``words`` words (runs of _WORD) parted by spaces with at most one comma: one regex match instead of
    a loop over the words in Python."""
    pattern = _RUNS.get(words)
    if pattern is None:
        pattern = _RUNS[words] = re.compile(rf'[^\s,;:()"]+(?:\s*,?\s*[^\s,;:()"]+){{0,{words - 1}}}')
    return pattern


def _short_forms(entity: Entity) -> list[str]:
    """Forms the texts write without listing them: "UN Interim Force in Lebanon" for "United Nations ..."."""
    return [f"UN {form[15:]}" for form in (entity.name, *entity.aliases) if form.startswith("United Nations ")]


def _drop_possessive(form: str) -> str:
    """"the Union's" -> "the Union"; a plural takes the apostrophe alone: "the Board of Auditors' report";
    a title-case headline writes an acronym's in capitals: "UNAMIR'S"."""
    if form.endswith(("'s", "'S")):
        return form[:-2]
    return form[:-1] if form.endswith("s'") else form


# Participles that make a name the first half of a compound adjective: "the East African Community-led
# dialogue", "an AU-mandated force", "ISIL-affiliated groups". A hyphen before other words is the name's own.
_COMPOUND = re.compile(r"-(?:led|brokered|backed|mandated|sponsored|supported|funded|facilitated|mediated|chaired|"
                       r"hosted|run|organi[sz]ed|authori[sz]ed|commanded|based|owned|deployed|convened|appointed|"
                       r"initiated|affiliated|linked|allied)$", re.IGNORECASE)


def _drop_compound(form: str) -> str:
    """"the AU-led force" -> "AU" (see _COMPOUND)."""
    return _COMPOUND.sub("", form) if "-" in form else form  # no hyphen, no compound: skip the regex


@cache
def gazetteer() -> Gazetteer:
    """The shared gazetteer of all reference States and organisations (built once)."""
    return Gazetteer(states() + organizations())
