"""Reference knowledge, loaded once from the CSV files beside this module: States,
organisations, instruments, opening phrases, reporting verbs and the resolution-years table."""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from types import MappingProxyType

from councilgraph.ontology import data_path

__all__ = [
    "Entity", "GROUP_WORDS", "MISSION_KINDS", "Mission", "ORG_KINDS", "OpeningPhrase", "ResolutionYears", "StateNames",
    "REPORTING_VERB_USES", "ascii_slug", "instruments", "missions", "opening_phrases", "organizations", "reporting_verbs",
    "resolution_years", "slugify_name",
    "state_names", "states", "unknown_organization",
]

#: The finer organisation classes of the ontology, by the CSV's ``kind`` value.
ORG_KINDS = (
    "UNOrgan", "UNEntity", "IntergovernmentalOrganization", "GroupOfStates",
    "ArmedGroup", "NGO", "Media",
)


@dataclass(frozen=True, slots=True)
class Entity:
    """A State, organisation or instrument councilgraph can name with a stable IRI.

    Attributes:
        kind: "state", "org" or "instrument".
        key: ISO 3166-1 alpha-3 code for a State, the slug for an organisation or instrument.
        name: the canonical name (used as rdfs:label).
        category: one of :data:`ORG_KINDS` for organisations, the kind of an instrument
            ("convention", "protocol" ...), "" for States.
        acronym: the usual acronym, or "".
        status: "member", "observer" or "historical" for States, "" otherwise.
        in_reference: False when recognised only from the text's form.
        aliases: other written forms from the reference list.
        year: an instrument's year of adoption.
    """

    kind: str
    key: str
    name: str
    category: str = ""
    acronym: str = ""
    status: str = ""
    in_reference: bool = True
    aliases: tuple[str, ...] = ()
    year: int | None = None


def _split(field: str) -> tuple[str, ...]:
    return tuple(a for a in field.split("|") if a)


@cache
def states() -> tuple[Entity, ...]:
    """All States of ``states.csv`` (members, observers, former States)."""
    with data_path("states.csv").open(encoding="utf-8", newline="") as fh:
        return tuple(
            Entity(kind="state", key=row["iso3"], name=row["short_name"], status=row["status"],
                   aliases=tuple(dict.fromkeys((row["name"], *_split(row["aliases"])))))
            for row in csv.DictReader(fh)
        )


@dataclass(frozen=True, slots=True)
class StateNames:
    """Other words a release may name a delegation by (``state_names.csv``): "Kyiv's Permanent Representative",
    "the Iranian delegate".

    Attributes:
        key: the State's ISO 3166-1 alpha-3 code, as in ``states.csv``.
        capitals: the capital as printed in English, with its other spellings ("Kyiv", "Kiev"), the other seats of a
            State with several ("Pretoria", "Cape Town", "Bloemfontein"); none where the capital is disputed (Israel,
            State of Palestine) or spoke for another State in the releases' years (Belgrade for Yugoslavia until 2006).
        demonyms: the adjectives of nationality ("Iranian", "British"); none where the usual one names two States
            ("Congolese", "Dominican", "Korean") or another thing ("American").
    """

    key: str
    capitals: tuple[str, ...]
    demonyms: tuple[str, ...]


@cache
def state_names() -> tuple[StateNames, ...]:
    """The capitals and adjectives of nationality of the Member and observer States (``state_names.csv``).

    Kept apart from ``states.csv``: these words name a delegation only before a word such as "representative"
    ("the attack in Kabul" is no mention of Afghanistan), so the gazetteer does not learn them.
    """
    with data_path("state_names.csv").open(encoding="utf-8", newline="") as fh:
        return tuple(StateNames(row["iso3"], _split(row["capitals"]), _split(row["demonyms"]))
                     for row in csv.DictReader(fh))


def _organisation(row: dict[str, str]) -> Entity:
    return Entity(kind="org", key=row["id"], name=row["name"], category=row["kind"],
                  acronym=row["acronym"], aliases=_split(row["aliases"]))


@cache
def organizations() -> tuple[Entity, ...]:
    """All organisations and groups: ``organizations.csv``, then the UN field missions of ``missions.csv``."""
    with data_path("organizations.csv").open(encoding="utf-8", newline="") as fh:
        rows = tuple(_organisation(row) for row in csv.DictReader(fh))
    return rows + tuple(m.entity for m in missions())


#: The ``operation`` values of ``missions.csv``.
MISSION_KINDS = ("peacekeeping", "political", "support", "other")


@dataclass(frozen=True, slots=True)
class Mission:
    """A United Nations field mission, past or present (``missions.csv``).

    Attributes:
        entity: the organisation, as :func:`organizations` lists it.
        operation: one of :data:`MISSION_KINDS` ("peacekeeping" operation, special "political" mission ...).
        established: the year the mission was set up.
        closed: the year it closed; None while it runs.
    """

    entity: Entity
    operation: str
    established: int | None
    closed: int | None


@cache
def missions() -> tuple[Mission, ...]:
    """The UN peacekeeping operations and special political missions of ``missions.csv``.

    Kept apart from ``organizations.csv`` because releases of every era name missions long closed
    ("UNAMSIL", "MONUA"): the file is meant to be the complete list, with the years each ran.
    """
    with data_path("missions.csv").open(encoding="utf-8", newline="") as fh:
        return tuple(
            Mission(_organisation(row), row["operation"], int(row["established"]) if row["established"] else None,
                    int(row["closed"]) if row["closed"] else None)
            for row in csv.DictReader(fh)
        )


# Letters that Unicode decomposition does not reduce to ASCII, as English texts print them. Schwa is "a":
# it is Azerbaijani's letter, and "Əliyev", "Məmmədov" are printed "Aliyev", "Mammadov".
_UNDECOMPOSABLE = str.maketrans({"Ø": "O", "ø": "o", "Ł": "L", "ł": "l", "ß": "ss", "Æ": "AE", "æ": "ae",
                                 "Œ": "OE", "œ": "oe", "Đ": "D", "đ": "d", "Þ": "Th", "þ": "th", "ı": "i",
                                 "Ħ": "H", "ħ": "h", "Ð": "D", "ð": "d", "Ŋ": "NG", "ŋ": "ng", "Ə": "A", "ə": "a",
                                 "Ʒ": "Z", "ʒ": "z", "Ɣ": "G", "ɣ": "g"})
# Other Latin letters with a hook, stroke or bar, or open, turned or dotless: their base letter, from their
# Unicode name ("LATIN CAPITAL LETTER N WITH LEFT HOOK" -> N, "LATIN SMALL LETTER OPEN E" -> e).
_LATIN_BASE = re.compile(r"LATIN (?:CAPITAL |SMALL )?(?:LETTER|LIGATURE) (?:SMALL CAPITAL )?"
                         r"(?:(?:OPEN|TURNED|REVERSED|DOTLESS|AFRICAN|CLOSED|BARRED|SCRIPT) )?([A-Z]{1,2})(?: WITH .*)?")
_LETTERS = frozenset({"Lu", "Ll", "Lt", "Lo", "Nd", "Nl", "No"})  # not Lm: modifier letters are apostrophes
_OPTIONAL_MARKS = re.compile("[\u0300-\u036f\u064b-\u065f\u0670\u0591-\u05c7]")
_SLUG_HASH = 10  # hex digits of the name's hash that a lossy slug ends with


# The same speakers recur in every release of an archive, and a name's slug costs ~1 us a character.
@lru_cache(maxsize=8192)
def slugify_name(text: str) -> str:
    """ASCII slug of a name: accents dropped, lower case, words joined by '-' ("Støre" -> "store").

    A letter with no ASCII form (Greek, Cyrillic, Arabic, CJK ...) would be lost, and two names would share a
    slug, or have an empty one: then the slug ends with a short hash of the name as written, up to case,
    accents and punctuation ("Παπαδόπουλος" -> "8c1d...", "Ana Ʃ" -> "ana-3f0a...").
    """
    slug, lossy = _ascii_slug(text)
    if (slug and not lossy) or not text.strip():
        return slug
    digest = hashlib.sha256((_comparable(text) or text).encode("utf-8")).hexdigest()[:_SLUG_HASH]
    return f"{slug}-{digest}" if slug else digest


def ascii_slug(text: str) -> str:
    """The readable part of :func:`slugify_name` alone: empty when nothing of the name has an ASCII form."""
    return _ascii_slug(text)[0]


def _ascii_slug(text: str) -> tuple[str, bool]:
    """The slug of the letters that have an ASCII form, and whether any letter had none."""
    parts, lossy = [], False
    for char in text.translate(_UNDECOMPOSABLE):
        ascii_form = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
        if not ascii_form and not char.isascii():
            base = _LATIN_BASE.fullmatch(unicodedata.name(char, ""))
            if base is not None:
                ascii_form = base.group(1)
            lossy = lossy or (not ascii_form and unicodedata.category(char) in _LETTERS)
        parts.append(ascii_form)
    return re.sub(r"[^a-z0-9]+", "-", "".join(parts).lower()).strip("-"), lossy


def _comparable(text: str) -> str:
    """A name up to case, spacing, punctuation and the marks a script may leave out: accents (Latin, Greek,
    Cyrillic), Arabic vowel marks, Hebrew points. Other marks, such as Devanagari's vowel signs, are kept."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text).casefold() if not _OPTIONAL_MARKS.match(c))
    words = "".join(" " if unicodedata.category(c)[0] in "PZSC" else c for c in unicodedata.normalize("NFC", plain))
    return "-".join(words.split())


#: Words that mark the name of a group of States ("the Group of Friends of Mediation").
GROUP_WORDS = ("Group", "Countries", "countries", "States", "Movement", "Union", "Alliance", "Community", "Forum",
               "Network", "Coalition", "Friends")
_GROUP_WORDS = re.compile(rf"\b(?:{'|'.join(GROUP_WORDS)})\b")


def unknown_organization(name: str, category: str | None = None) -> Entity:
    """An organisation named in a text but absent from the reference list.

    Its class is ``category`` when the context tells (an alignment target is a group of
    States), else a guess from the name; the node is marked ``in_reference=False``.
    """
    clean = " ".join(name.split())
    if category is None:
        if clean.startswith(("United Nations", "UN ")):
            category = "UNEntity"
        elif _GROUP_WORDS.search(clean):
            category = "GroupOfStates"
        else:
            category = "NGO"  # civil-society briefers are the usual unknown delegations
    return Entity(kind="org", key=slugify_name(clean), name=clean, category=category, in_reference=False)


@dataclass(frozen=True, slots=True)
class ResolutionYears:
    """First and last Security Council resolution number of each year (``resolution_years.csv``)."""

    ranges: tuple[tuple[int, int, int], ...]  # (year, first, last), by year

    def year_of(self, number: int) -> int | None:
        """The year resolution ``number`` was adopted, or None beyond the table."""
        for year, first, last in self.ranges:
            if first <= number <= last:
                return year
        return None

    def agrees(self, number: int, year: int) -> bool:
        """Whether the table allows resolution ``number`` in ``year`` (unknown years are allowed)."""
        actual = self.year_of(number)
        return actual is None or actual == year


@cache
def resolution_years() -> ResolutionYears:
    """The resolution-years table, loaded once."""
    with data_path("resolution_years.csv").open(encoding="utf-8", newline="") as fh:
        rows = [(int(r["year"]), int(r["first"]), int(r["last"])) for r in csv.DictReader(fh)]
    return ResolutionYears(tuple(sorted(rows)))


@cache
def instruments() -> tuple[Entity, ...]:
    """All instruments of ``instruments.csv`` (treaties, protocols, declarations ...)."""
    with data_path("instruments.csv").open(encoding="utf-8", newline="") as fh:
        return tuple(
            Entity(kind="instrument", key=row["id"], name=row["name"], category=row["kind"],
                   aliases=_split(row["aliases"]), year=int(row["year"]) if row["year"] else None)
            for row in csv.DictReader(fh)
        )


@dataclass(frozen=True, slots=True)
class OpeningPhrase:
    """An opening phrase of resolution paragraphs and the CiTO property it gives citations."""

    phrase: str
    part: str  # "preambular" or "operative"
    cito: str  # local name in http://purl.org/spar/cito/


@cache
def opening_phrases() -> tuple[OpeningPhrase, ...]:
    """The lexicon of ``opening_phrases.csv``, longest phrase first."""
    with data_path("opening_phrases.csv").open(encoding="utf-8", newline="") as fh:
        rows = [OpeningPhrase(r["phrase"], r["part"], r["cito"]) for r in csv.DictReader(fh)]
    return tuple(sorted(rows, key=lambda p: (-len(p.phrase), p.phrase)))


#: Where a reporting verb may stand, the ``uses`` of ``reporting_verbs.csv``: after the speaker ("X said"),
#: inverted before it ("..., said X"), before "by" in an inverted introduction ("introduced by X"), as the
#: participle of an absolute clause ("with X stressing"), after a State named alone ("Mexico said"), just before
#: an office ("said the Secretary-General"), right after a title without a comma ("X, head of UNMIK told"), and in
#: title-case headlines, singular ("Pakistan Says") and plural ("Peru, Chile Address Assembly").
REPORTING_VERB_USES = ("after", "inverted", "introduced-by", "participle", "state", "before-office", "into-title",
                       "headline", "headline-plural")


@cache
def reporting_verbs() -> Mapping[str, tuple[str, ...]]:
    """The forms of ``reporting_verbs.csv`` by use (see :data:`REPORTING_VERB_USES`), in the file's order
    (read-only: the table is shared by every caller)."""
    by_use: dict[str, list[str]] = {use: [] for use in REPORTING_VERB_USES}
    with data_path("reporting_verbs.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for use in row["uses"].split():
                by_use[use].append(row["form"])  # an unknown use is a KeyError: a typo in the file
    return MappingProxyType({use: tuple(forms) for use, forms in by_use.items()})
