"""Instruments cited and organisations mentioned in running text.

Instruments (treaties, protocols, declarations, plans of action, the Charter)
are matched against the reference list with all their aliases ("Palermo
Protocol" = "Trafficking in Persons Protocol" = "Protocol to Prevent, Suppress
and Punish Trafficking in Persons, Especially Women and Children"); an
instrument named in the usual pattern but absent from the list ("the Bali
Declaration on ...") still becomes a node, marked as not in the reference list.
"Article 15 of the Convention" keeps the article.

Organisations come from the gazetteer; "Full Name (ACRONYM)" teaches the
acronym for the rest of the document. When the full name is in no reference
list but reads as an organisation's ("the United Nations Mission in Xland
(UNMIX)"), the document teaches the organisation itself: a node marked as not
in the reference list, whose later names and bare acronyms are mentions of it.
A name inside a longer proper name that is about it ("the Conference on the
Least Developed Countries") is not a mention.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from councilgraph.extract.gazetteer import Gazetteer, Match
from councilgraph.extract.read import normalise
from councilgraph.extract.scan import holds_any, matches_at, scan
from councilgraph.ontology.reference import Entity, instruments, slugify_name, unknown_organization

__all__ = ["InstrumentRef", "document_gazetteer", "instrument_refs", "learned_acronyms", "organisation_mentions"]


@dataclass(frozen=True, slots=True)
class InstrumentRef:
    """An instrument named in the text, with the article cited, if any."""

    entity: Entity
    article: str | None
    start: int
    end: int


_KEYWORD = r"(?:Convention|Protocol|Declaration|Treaty|Agreement|Accords?|Statute|Plan\s+of\s+Action|Programme\s+of\s+Action|Compact|Covenant)"
# Every match of _KEYWORD holds one of these: a span without them names no unknown instrument.
_KEYWORD_WORDS = ("Convention", "Protocol", "Declaration", "Treaty", "Agreement", "Accord", "Statute", "Action",
                  "Compact", "Covenant")
_CAP = r"[A-Z][\w'-]*"
_UNKNOWN_INSTRUMENT = re.compile(
    rf"\b(?:the|its)\s+(?P<name>(?:\d{{4}}\s+)?(?:{_CAP}\s+){{1,6}}{_KEYWORD}"
    rf"(?:\s+(?:on|against|for|relating\s+to|concerning|of)\s+(?:the\s+)?{_CAP}(?:\s+(?:and|of|the|in|on|for|{_CAP}))*)?)"
    r"(?=[\s,.;:)]|$)"
)
_UNKNOWN_STARTS = (("the", 0), ("its", 0))  # every match starts with one: the pattern is tried there only
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
_CHARTER_STARTS = (("the Charter", 0),)  # every match starts with it: the pattern is tried there only
_TRAILING_CONNECTOR = re.compile(r"(?:\s+(?:and|of|the|in|on|for))+$")
_ARTICLE = re.compile(r"\b[Aa]rticles?\s+(?P<article>\d{1,3}(?:\s*\(\d+\))?(?:\s*(?:,|and)\s*\d{1,3})*)\s+of\s+(?:the\s+)?$")
_ACRONYM_DEFINITION = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z]{1,9}(?:-[A-Z][A-Za-z]{1,5})?)\)")
_ACRONYM = re.compile(r"\b[A-Z][A-Za-z]*[A-Z]\b")


# Instrument names are matched token by token (words, and commas as tokens of their own: official
# titles contain commas), longest first, with the lengths each first word can start.
_TOKEN = re.compile(r"[^\s,;:()\".]+(?:\.[^\s,;:()\".]+)*|,")  # a full stop ends a word unless inside it
_FULL_STOPS = re.compile(r"\.{2,}")


def _tokens(text: str) -> list[str]:
    """``_TOKEN.findall(text)``, with str methods in C: twice as fast over a release's ~17,000 tokens.

    The delimiters other than the comma become spaces, a comma a token of its own; ``str.split`` splits at the
    characters ``\\s`` matches (the same over all of Unicode). A full stop then only ends or splits a word:
    "U.N." is "U.N", "a..b" is "a" and "b".
    """
    for delimiter in ';:()"':
        if delimiter in text:
            text = text.replace(delimiter, " ")
    if "," in text:
        text = text.replace(",", " , ")
    words = text.split()
    if "." not in text:
        return words
    tokens: list[str] = []
    for word in words:
        if "." not in word:
            tokens.append(word)
        elif word := word.strip("."):
            if ".." in word:
                tokens += _FULL_STOPS.split(word)
            else:
                tokens.append(word)
    return tokens


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
    found = [InstrumentRef(entity, _article(text, s), s, e) for s, e, entity in _known_instruments(text, start, end)]
    taken = [(r.start, r.end) for r in found]
    charter = _charter()
    for m in scan(_BARE_CHARTER, text, start, end, _CHARTER_STARTS):
        if charter is not None and not any(a < m.end() and m.start() < b for a, b in taken):
            found.append(InstrumentRef(charter, _article(text, m.start()), m.start() + 4, m.end()))
            taken.append((m.start(), m.end()))
    for m in scan(_UNKNOWN_INSTRUMENT, text, start, end, _UNKNOWN_STARTS) if holds_any(text, start, end, _KEYWORD_WORDS) else ():
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


def _known_instruments(text: str, start: int, end: int) -> list[tuple[int, int, Entity]]:
    """The spans of the reference list's instruments in ``text[start:end]``, left to right: at each token, the
    longest form it starts (a form of fewer than four tokens only from a capital or a digit), then on after it."""
    by_key, lengths = _instrument_forms()
    # Token strings come from the regex engine in one call; positions are only worked out where they are
    # needed: for a short form's first letter, and for the forms found (most statements name none). Case
    # folding never creates or removes a delimiter (checked over all of Unicode; a test keeps it so): the
    # tokens of the folded span are the folded tokens, the span folded at once in C instead of ~100 times.
    words = _tokens(text[start:end].casefold())
    hits: list[tuple[int, int, Entity]] = []
    spans: list[tuple[int, int]] = []  # the text's tokens' positions, as far as read
    tokens = _TOKEN.finditer(text, start, end)
    free = 0
    for i in [i for i, word in enumerate(words) if word in lengths]:
        if i < free:
            continue
        for n in lengths[words[i]]:
            entity = by_key.get(" ".join(words[i:i + n])) if i + n <= len(words) else None
            if entity is None:
                continue
            if n < 4:  # a short form in lower case is a common phrase; a long title is not
                spans += [m.span() for m in itertools.islice(tokens, max(0, i + 1 - len(spans)))]
                initial = text[spans[i][0]]
                if not (initial.isupper() or initial.isdigit()):
                    continue
            hits.append((i, n, entity))
            free = i + n
            break
    if not hits:
        return []
    spans += [m.span() for m in itertools.islice(tokens, max(0, max(i + n for i, n, _ in hits) - len(spans)))]
    return [(spans[i][0], spans[i + n - 1][1], entity) for i, n, entity in hits]


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
    """Acronyms the document defines: "United Nations Office on Drugs and Crime (UNODC)".

    A full name in no reference list teaches an organisation outside it when it reads as one
    ("United Nations Mission in Xland (UNMIX)": see :func:`document_gazetteer`).
    """
    learned: dict[str, Entity] = {}
    for m in _acronym_definitions(text):
        acronym = m["acronym"]
        if acronym in learned or places.lookup(acronym) is not None:
            continue
        entity = _name_ending_at(text, m.start(), places)
        if entity is not None and entity.kind == "org":
            learned[acronym] = entity
        elif (unknown := _unknown_name_ending_at(text, m.start(), acronym)
              or _spelled_name_ending_at(text, m.start(), acronym)) is not None:
            if (known := places.lookup(unknown)) is not None:
                if known.kind == "org":
                    learned[acronym] = known  # a reference name the look-back did not reach
            elif all(e.name != unknown for e in learned.values()):  # a second acronym: the look-back went wrong
                learned[acronym] = _learned_organisation(unknown, acronym)
    return learned


def _acronym_definitions(text: str) -> Iterator[re.Match[str]]:
    """``_ACRONYM_DEFINITION.finditer(text)``, the pattern tried only where a match can start: where the spaces
    before a "(" begin (``\\s`` is ``str.isspace``), not at every character of the text (~1 ms a document)."""
    positions = []
    i = text.find("(")
    while i >= 0:
        j = i
        while j > 0 and text[j - 1].isspace():
            j -= 1
        positions.append(j)
        i = text.find("(", i + 1)
    return matches_at(_ACRONYM_DEFINITION, text, 0, len(text), positions)


def document_gazetteer(places: Gazetteer, acronyms: dict[str, Entity]) -> Gazetteer:
    """``places`` plus the organisations the document taught (see :func:`learned_acronyms`), by name
    and acronym, so that statements, alignments and mentions find them like reference ones."""
    taught = tuple(dict.fromkeys(e for e in acronyms.values() if not e.in_reference))
    return places.extended(taught)


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


# Head nouns of organisations' names: a capitalised phrase before "(ACRONYM)" without one of
# these ("the Comprehensive Peace Agreement (CPA)", "Disarmament, Demobilization and Reintegration
# (DDR)") is not taken for an organisation.
_ORG_WORDS = frozenset([
    "Organization", "Organisation", "Mission", "Office", "Operation", "Force", "Forces", "Programme", "Program",
    "Fund", "Agency", "Commission", "Council", "Court", "Courts", "Chambers", "Tribunal", "Union", "Community",
    "Bank", "Institute", "Front", "Movement", "Army", "Group", "Committee", "Authority", "Association", "Alliance",
    "League", "Federation", "Secretariat", "Department", "Directorate", "Service", "Centre", "Center", "Team",
    "Unit", "Panel", "Board", "Mechanism", "Administration", "Parliament", "Party", "Coalition", "Network",
    "Brigade", "Brigades", "Militia", "Corps", "Police", "Entity", "Facility", "Observers", "Bureau",
    # French, Spanish and Portuguese heads: parties and movements keep their own names in English texts
    "Mouvement", "Rassemblement", "Coordination", "Parti", "Conseil", "Comité", "Armée", "Congrès",
    "Unidad", "Unión", "Frente", "Movimiento", "Partido", "Ejército", "Fuerzas", "Alianza", "Coordinadora",
    "Consejo", "Comisión", "União", "Movimento", "Exército", "Forças", "Aliança", "Resistência",
])
# Words that join the words of a name ("Mission for Justice Support in Haiti", "Mission de l'Organisation"),
# in French, Spanish and Portuguese names as in English ones.
_FRENCH = frozenset(["de", "du", "des", "la", "le", "les", "pour", "en", "et", "los", "las", "para", "do", "da",
                     "dos", "das"])
_CONNECTORS = frozenset(["of", "for", "in", "on", "the", "and", "to", "against", "y", "del", "al", "el"]) | _FRENCH
_NAME_TOKEN = re.compile(r"[^\s()\"]+")
_ELIDED = re.compile(r"[a-z]{1,2}['-][A-Z]")
# Words that make a taught organisation a non-State armed group rather than the usual guess.
_ARMED_WORDS = frozenset(["Front", "Liberation", "Militia", "Militias", "Brigade", "Brigades", "Resistance",
                          "Revolutionary", "Rebel", "Rebels", "Frente", "Liberación", "Libertação", "Resistência",
                          "Revolucionaria", "Revolucionario", "Revolucionarias", "Revolucionária", "Ejército",
                          "Exército"])


def _capitalised(token: str) -> bool:
    """A word of a proper name: "Mission", "77", "d'Ivoire", "al-Nusra"."""
    return token[0].isupper() or token[0].isdigit() or _ELIDED.match(token) is not None


def _unknown_name_ending_at(text: str, end: int, acronym: str) -> str | None:
    """The organisation's name written just before "(ACRONYM)" at ``end``, or None.

    The name runs back over capitalised words and the connectors between them, but not past
    "of the" once it has a head noun: "Head of the United Nations Mission in Xland" gives
    "United Nations Mission in Xland", while "Office of the Special Coordinator" stays whole.
    When the initials of a longer run spell the acronym, that run is the name.
    """
    if sum(c.isupper() for c in acronym) < 2:
        return None  # "(Mali)", "(Chair)": not an acronym
    chain: list[str] = []  # the run of name words and connectors, last word first
    starts: list[int] = []
    for m in reversed(list(_NAME_TOKEN.finditer(text, max(0, end - 300), end))):
        token = m.group()
        if token[-1] in ".;:!?'" or not (_capitalised(token) or token in _CONNECTORS) or len(chain) == 16:
            break  # a sentence or a clause ends, or the text is no longer a name
        chain.append(token)
        starts.append(m.start())
    if not chain or not _capitalised(chain[0]) or chain[0].endswith(","):
        return None
    letters = acronym.replace("-", "").upper()
    spelled = [i for i in range(len(chain)) if _capitalised(chain[i]) and chain[i] != "The"
               and "".join(w[0] for w in chain[i::-1] if _capitalised(w)).upper() == letters]
    first = spelled[-1] if spelled else _head_bounded(chain)
    name = " ".join(text[starts[first]:end].split())
    words = [w.rstrip(",") for w in name.split()]
    if sum(_capitalised(w) for w in words) < 2 or not _ORG_WORDS.intersection(words):
        return None
    return name


def _initial(word: str) -> str:
    """The letter a word gives an acronym: "l'Azawad" gives A."""
    return word[word.index("'") + 1] if _ELIDED.match(word) and "'" in word else word[0]


def _spelled_name_ending_at(text: str, end: int, acronym: str) -> str | None:
    """A name written in the French manner, its later words in lower case, before "(ACRONYM)" at ``end``:
    "Front de libération nationale kanak et socialiste (FLNKS)". :func:`_unknown_name_ending_at` stops at
    the first lower-case word; here the run of words counts only if its initials, connectors aside, spell
    the acronym exactly, from a capitalised first word, and it has a head noun."""
    letters = acronym.replace("-", "").upper()
    if sum(c.isupper() for c in acronym) < 2:
        return None
    initials = ""  # of the words so far, first word first
    for m in reversed(list(_NAME_TOKEN.finditer(text, max(0, end - 300), end))):
        word = m.group()
        if word[-1] in ".,;:!?'":
            return None  # a sentence, a clause or a list ends
        if word not in _CONNECTORS:
            initials = _initial(word).upper() + initials
            if not letters.endswith(initials):
                return None
            if initials == letters:
                name = " ".join(text[m.start():end].split())
                return name if _capitalised(word) and _ORG_WORDS.intersection(name.split()) else None
    return None


def _head_bounded(chain: list[str]) -> int:
    """Where the name starts in ``chain`` (last word first): over capitalised words and "and", and
    over "of the", "for", "in" ... only while the words so far have no head noun."""
    start, i = 0, 1
    while i < len(chain):
        if _capitalised(chain[i]):
            if chain[i] == "The" or chain[i].endswith(","):
                break  # a sentence's first word; a list or an apposition
            start, i = i, i + 1
            continue
        j = i
        while j < len(chain) and chain[j] in _CONNECTORS:
            j += 1
        if j == len(chain) or chain[j] == "The" or chain[j].endswith(","):
            break
        run = set(chain[i:j])
        if run != {"and"} and not run <= _FRENCH and _ORG_WORDS.intersection(chain[:start + 1]):
            break  # "Head of the | United Nations Mission ...": a title, not part of the name
        start, i = j, j + 1
    return start


def _learned_organisation(name: str, acronym: str) -> Entity:
    """A node for an organisation the document names and defines, outside the reference lists."""
    words = set(name.split())
    guess = unknown_organization(name, "ArmedGroup" if words & _ARMED_WORDS else None)
    return Entity(kind="org", key=guess.key, name=guess.name, category=guess.category, acronym=acronym,
                  in_reference=False)


# Heads of proper names that are not organisations: conferences, programmes, instruments, reports.
# A group named after "on", "for", "to" in such a name is its subject, not a party to the text:
# "the Fourth United Nations Conference on the Least Developed Countries", "the Istanbul Programme
# of Action for the Least Developed Countries".
_EMBEDDING_HEADS = frozenset([
    "Conference", "Summit", "Forum", "Dialogue", "Meeting", "Session", "Review", "Decade", "Year", "Day", "Week",
    "Programme", "Program", "Plan", "Agenda", "Strategy", "Framework", "Pathway", "Roadmap", "Initiative",
    "Declaration", "Consensus", "Compact", "Convention", "Protocol", "Treaty", "Agreement", "Accord", "Accords",
    "Charter", "Statute", "Report",
])
_TOPIC_CONNECTORS = frozenset(["on", "for", "to", "against", "concerning"])


def _subject_of_a_longer_name(text: str, pos: int, floor: int) -> bool:
    """Whether the name at ``pos`` ends a longer proper name that is about it (see _EMBEDDING_HEADS)."""
    words = text[max(floor, pos - 160):pos].split()  # the runs of non-spaces (\S+), by str.split in C
    i = len(words) - 1
    if i >= 0 and words[i] == "the":
        i -= 1
    if i < 1 or words[i] not in _TOPIC_CONNECTORS or not _capitalised(words[i - 1]):
        return False  # "a conference on the least developed countries" names no conference in particular
    for word in reversed(words[max(0, i - 12):i]):
        if word[-1] in ".,;:!?\"'()" or not (_capitalised(word) or word in _CONNECTORS):
            return False
        if word in _EMBEDDING_HEADS:
            return True
    return False


def organisation_mentions(text: str, start: int, end: int, places: Gazetteer,
                          acronyms: dict[str, Entity]) -> list[Match]:
    """Organisations named in ``text[start:end]`` (States are left out: they are delegations, not mentions).

    A name that is the subject of a longer proper name ("the Conference on the Least Developed
    Countries") is not a mention; its span still hides the words from the acronym scan.
    """
    named = [m for m in places.find_all(text, start, end) if m.entity.kind == "org"]
    found = [m for m in named if not _subject_of_a_longer_name(text, m.start, start)]
    taken = [(m.start, m.end) for m in named]
    # Only taught acronyms count, and each such match starts where the acronym occurs; no match of _ACRONYM can
    # start inside another (a run of letters between word boundaries), so trying it only there is exact.
    for m in scan(_ACRONYM, text, start, end, tuple((acronym, 0) for acronym in acronyms)):
        entity = acronyms.get(m.group())
        if entity is not None and not any(a < m.end() and m.start() < b for a, b in taken):
            found.append(Match(entity, m.start(), m.end()))
    return sorted(found, key=lambda m: m.start)
