"""Reference knowledge, loaded once from the CSV files beside this module: States,
organisations, instruments, opening phrases and the resolution-years table."""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from councilgraph.ontology import data_path

__all__ = [
    "Entity", "GROUP_WORDS", "MISSION_KINDS", "Mission", "ORG_KINDS", "OpeningPhrase", "ResolutionYears", "instruments",
    "missions", "opening_phrases", "organizations", "resolution_years", "slugify_name", "states", "unknown_organization",
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


# Letters that Unicode decomposition does not reduce to ASCII.
_UNDECOMPOSABLE = str.maketrans({"Ø": "O", "ø": "o", "Ł": "L", "ł": "l", "ß": "ss", "Æ": "AE", "æ": "ae",
                                 "Œ": "OE", "œ": "oe", "Đ": "D", "đ": "d", "Þ": "Th", "þ": "th", "ı": "i",
                                 "Ħ": "H", "ħ": "h"})


def slugify_name(text: str) -> str:
    """ASCII slug of a name: accents dropped, lower case, words joined by '-' ("Støre" -> "store")."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSABLE)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


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
