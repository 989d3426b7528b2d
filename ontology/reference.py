"""Reference knowledge: States and organisations, loaded once from CSV."""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from councilgraph.ontology import data_path

__all__ = ["Entity", "ORG_KINDS", "states", "organizations", "slugify_name"]

#: The finer organisation classes of the ontology, by the CSV's ``kind`` value.
ORG_KINDS = (
    "UNOrgan", "UNEntity", "IntergovernmentalOrganization", "GroupOfStates",
    "ArmedGroup", "NGO", "Media",
)


@dataclass(frozen=True, slots=True)
class Entity:
    """A State or organisation councilgraph can name with a stable IRI.

    Attributes:
        kind: "state" or "org".
        key: ISO 3166-1 alpha-3 code for a State, the slug for an organisation.
        name: the canonical name (used as rdfs:label).
        category: one of :data:`ORG_KINDS` for organisations, "" for States.
        acronym: the usual acronym, or "".
        status: "member", "observer" or "historical" for States, "" otherwise.
        in_reference: False when recognised only from the text's form.
        aliases: other written forms from the reference list.
    """

    kind: str
    key: str
    name: str
    category: str = ""
    acronym: str = ""
    status: str = ""
    in_reference: bool = True
    aliases: tuple[str, ...] = ()


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


@cache
def organizations() -> tuple[Entity, ...]:
    """All organisations and groups of ``organizations.csv``."""
    with data_path("organizations.csv").open(encoding="utf-8", newline="") as fh:
        return tuple(
            Entity(kind="org", key=row["id"], name=row["name"], category=row["kind"],
                   acronym=row["acronym"], aliases=_split(row["aliases"]))
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


_GROUP_WORDS = re.compile(r"\b(?:Group|Countries|countries|States|Movement|Alliance|Coalition|Friends)\b")


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
