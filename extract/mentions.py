"""Instruments cited and organisations mentioned in running text.

Instruments (treaties, protocols, declarations, plans of action, the Charter)
are matched against the reference list with all their aliases ("Palermo
Protocol" = "Trafficking in Persons Protocol" = "Protocol to Prevent, Suppress
and Punish Trafficking in Persons, Especially Women and Children"); an
instrument named in the usual pattern but absent from the list ("the Bali
Declaration on ...") still becomes a node, marked as not in the reference list.
"Article 15 of the Convention" keeps the article.

Organisations come from the gazetteer; "Full Name (ACRONYM)" teaches the
acronym for the rest of the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from councilgraph.extract.gazetteer import Gazetteer, Match
from councilgraph.extract.read import normalise
from councilgraph.ontology.reference import Entity, instruments, slugify_name

__all__ = ["InstrumentRef", "instrument_refs", "learned_acronyms", "organisation_mentions"]


@dataclass(frozen=True, slots=True)
class InstrumentRef:
    """An instrument named in the text, with the article cited, if any."""

    entity: Entity
    article: str | None
    start: int
    end: int


_KEYWORD = r"(?:Convention|Protocol|Declaration|Treaty|Agreement|Accords?|Statute|Plan\s+of\s+Action|Programme\s+of\s+Action|Compact|Covenant)"
_CAP = r"[A-Z][\w'-]*"
_UNKNOWN_INSTRUMENT = re.compile(
    rf"\b(?:the|its)\s+(?P<name>(?:\d{{4}}\s+)?(?:{_CAP}\s+){{1,6}}{_KEYWORD}"
    rf"(?:\s+(?:on|against|for|relating\s+to|concerning|of)\s+(?:the\s+)?{_CAP}(?:\s+(?:and|of|the|in|on|for|{_CAP}))*)?)"
    r"(?=[\s,.;:)]|$)"
)
# In UN texts "the Charter" on its own is the Charter of the United Nations ("Article 35 of the Charter").
_BARE_CHARTER = re.compile(r"\bthe Charter\b(?!\s+of\s+(?!the\s+United\s+Nations))")
# Capitalised words that name no instrument in particular: an unknown name made only of these would
# merge unrelated treaties ("Peace Accords" of Angola and of El Salvador) into one node.
_GENERIC = {"Peace", "Joint", "General", "Armistice", "Final", "Framework", "Comprehensive", "Political",
            "Ceasefire", "Cease-fire", "Agreement", "Agreements", "Accord", "Accords", "Declaration", "Convention",
            "Protocol", "Protocols", "Treaty", "Plan", "Action", "Programme", "Compact", "Covenant", "Statute",
            "International", "Global", "Regional", "National", "Basic", "Interim", "Preliminary", "Additional",
            "Optional", "Supplementary", "The", "United", "Nations", "Security", "Council", "New", "Memorandum",
            "Understanding", "Document", "Principles", "Agenda", "Relevant", "Said", "Present", "This", "These"}
_TRAILING_CONNECTOR = re.compile(r"(?:\s+(?:and|of|the|in|on|for))+$")
_ARTICLE = re.compile(r"\b[Aa]rticles?\s+(?P<article>\d{1,3}(?:\s*\(\d+\))?(?:\s*(?:,|and)\s*\d{1,3})*)\s+of\s+(?:the\s+)?$")
_ACRONYM_DEFINITION = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z]{1,9})\)")
_ACRONYM = re.compile(r"\b[A-Z][A-Za-z]*[A-Z]\b")


# Instrument names are matched token by token (words, and commas as tokens of their own: official
# titles contain commas), longest first, with the lengths each first word can start.
_TOKEN = re.compile(r"[^\s,;:()\".]+(?:\.[^\s,;:()\".]+)*|,")  # a full stop ends a word unless inside it


@cache
def _instrument_forms() -> tuple[dict[str, Entity], dict[str, tuple[int, ...]]]:
    """Token key -> instrument, and first token -> the token lengths of the forms it starts."""
    by_key: dict[str, Entity] = {}
    lengths: dict[str, set[int]] = {}
    for entity in instruments():
        for form in (entity.name, *entity.aliases):
            tokens = [t.casefold() for t in _TOKEN.findall(normalise(form))]
            by_key.setdefault(" ".join(tokens), entity)
            lengths.setdefault(tokens[0], set()).add(len(tokens))
    return by_key, {word: tuple(sorted(ns, reverse=True)) for word, ns in lengths.items()}


def instrument_refs(text: str, start: int, end: int) -> list[InstrumentRef]:
    """Instruments named in ``text[start:end]``, known ones first claimed, left to right."""
    by_key, lengths = _instrument_forms()
    # Token strings come from the regex engine in one call; positions are only worked out for a
    # statement that names an instrument (most do not). Case folding never creates or removes a
    # delimiter, so the folded text has the same tokens.
    originals = _TOKEN.findall(text, start, end)
    words = _TOKEN.findall(text[start:end].casefold())
    hits: list[tuple[int, int, Entity]] = []
    free = 0
    for i in [i for i, word in enumerate(words) if word in lengths]:
        if i < free:
            continue
        capital = originals[i][0].isupper() or originals[i][0].isdigit()
        for n in lengths[words[i]]:
            if n < 4 and not capital:
                continue  # a short form in lower case is a common phrase; a long title is not
            entity = by_key.get(" ".join(words[i:i + n])) if i + n <= len(words) else None
            if entity is not None:
                hits.append((i, n, entity))
                free = i + n
                break
    found: list[InstrumentRef] = []
    if hits:
        spans = [m.span() for m in _TOKEN.finditer(text, start, end)]
        for i, n, entity in hits:
            s, e = spans[i][0], spans[i + n - 1][1]
            found.append(InstrumentRef(entity, _article(text, s), s, e))
    taken = [(r.start, r.end) for r in found]
    charter = _charter()
    for m in _BARE_CHARTER.finditer(text, start, end):
        if charter is not None and not any(a < m.end() and m.start() < b for a, b in taken):
            found.append(InstrumentRef(charter, _article(text, m.start()), m.start() + 4, m.end()))
            taken.append((m.start(), m.end()))
    for m in _UNKNOWN_INSTRUMENT.finditer(text, start, end):
        s, e = m.start("name"), m.start("name") + len(_TRAILING_CONNECTOR.sub("", m["name"]))
        if any(a < e and s < b for a, b in taken):
            continue
        name = " ".join(text[s:e].split())
        if not (set(re.findall(r"[A-Z][\w'-]*", name)) - _GENERIC):
            continue  # "the Peace Accords", "the General Armistice Agreement": which one is not said
        entity = Entity(kind="instrument", key=slugify_name(name), name=name,
                        category=_kind_of(name), in_reference=False)
        found.append(InstrumentRef(entity, _article(text, s), s, e))
    return sorted(found, key=lambda r: r.start)


@cache
def _charter() -> Entity | None:
    return next((e for e in instruments() if e.category == "charter"), None)


def _kind_of(name: str) -> str:
    for word, kind in (("Plan of Action", "plan-of-action"), ("Programme of Action", "plan-of-action"),
                       ("Protocol", "protocol"), ("Declaration", "declaration"), ("Statute", "statute"),
                       ("Compact", "compact"), ("Agreement", "agreement"), ("Accord", "agreement"),
                       ("Treaty", "treaty"), ("Covenant", "treaty")):
        if word in name:
            return kind
    return "convention"


def _article(text: str, pos: int) -> str | None:
    m = _ARTICLE.search(text, max(0, pos - 40), pos)
    return " ".join(m["article"].split()) if m else None


def learned_acronyms(text: str, places: Gazetteer) -> dict[str, Entity]:
    """Acronyms the document defines: "United Nations Office on Drugs and Crime (UNODC)"."""
    learned: dict[str, Entity] = {}
    for m in _ACRONYM_DEFINITION.finditer(text):
        acronym = m["acronym"]
        if acronym in learned or places.lookup(acronym) is not None:
            continue
        entity = _name_ending_at(text, m.start(), places)
        if entity is not None and entity.kind == "org":
            learned[acronym] = entity
    return learned


def _name_ending_at(text: str, end: int, places: Gazetteer) -> Entity | None:
    """The longest reference name that ends exactly at ``end``, looking back up to twelve words."""
    pos = end
    best = None
    for _ in range(12):
        pos = text.rfind(" ", 0, pos - 1) + 1
        if pos <= 0:
            break
        match = places.match_at(text, pos)
        if match is not None and match.end == end:
            best = match.entity
    return best


def organisation_mentions(text: str, start: int, end: int, places: Gazetteer,
                          acronyms: dict[str, Entity]) -> list[Match]:
    """Organisations named in ``text[start:end]`` (States are left out: they are delegations, not mentions)."""
    found = [m for m in places.find_all(text, start, end) if m.entity.kind == "org"]
    taken = [(m.start, m.end) for m in found]
    for m in _ACRONYM.finditer(text, start, end):
        entity = acronyms.get(m.group())
        if entity is not None and not any(a < m.end() and m.start() < b for a, b in taken):
            found.append(Match(entity, m.start(), m.end()))
    return sorted(found, key=lambda m: m.start)
