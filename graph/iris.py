"""Stable IRIs: the same thing gets the same IRI in every document.

=========================  ===========================================
thing                      IRI (under https://w3id.org/councilgraph/id/)
=========================  ===========================================
press release SC/13081     doc/SC-13081
resolution 2388 (2017)     doc/S-RES-2388-2017
statement 5 of SC/13081    doc/SC-13081/statement/5
Security Council mtg 8111  meeting/S-PV-8111
GA plenary, 72nd, mtg 66   meeting/A-72-PV-66
Ethiopia                   state/ETH
European Union             org/european-union
Tekeda Alemu               person/tekeda-alemu
Mr. Elkhadir (Morocco)     person/elkhadir-mar
=========================  ===========================================
"""

from __future__ import annotations

import re
from functools import lru_cache

from rdflib import URIRef

from councilgraph.extract.read import Source
from councilgraph.extract.records import MeetingRef, Speaker
from councilgraph.graph.namespace import EU_COUNTRY, ID, UNDOCS
from councilgraph.ontology.reference import Entity, ascii_slug, slugify_name

__all__ = [
    "id_iri", "symbol_slug", "release_key", "document_iri", "meeting_iri", "entity_iri", "person_iri",
    "statement_iri", "undocs_iri", "eu_country_iri",
]


_ID = str(ID)


def id_iri(path: str) -> URIRef:
    """``ID[path]``, made directly: the namespace's lookup costs twice the IRI, and a release makes hundreds."""
    return URIRef(_ID + path)


_SLUG_SEPARATORS = re.compile(r"[-\s/()]+")


@lru_cache(maxsize=8192)  # a release names the same few documents hundreds of times (paragraphs, citations)
def symbol_slug(symbol: str) -> str:
    """"S/RES/2388 (2017)" -> "S-RES-2388-2017"; "SC/13081" -> "SC-13081"."""
    return _SLUG_SEPARATORS.sub("-", symbol.strip()).strip("-")


def release_key(symbol: str | None, source: Source) -> str:
    """What a press release's IRIs are made from: its symbol, or for a text that prints none its file
    name and the first hex digits of its content hash ("sc8198.html" -> "file/sc8198-1a2b3c4d"), so that
    rebuilding the same file gives the same IRIs and two files of one name (index.html in two folders,
    names with no Latin letters) never share them."""
    if symbol is not None:
        return symbol
    name = source.name
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    return f"file/{ascii_slug(stem) or 'unnamed'}-{source.sha256[:8]}"  # the content hash tells names apart


def document_iri(symbol: str) -> URIRef:
    """IRI of any UN-symbol-bearing document (press release, resolution, report)."""
    return id_iri(f"doc/{symbol_slug(symbol)}")


def undocs_iri(symbol: str) -> URIRef:
    """The document's page on undocs.org ("S/RES/2388 (2017)" -> .../S/RES/2388(2017))."""
    return UNDOCS[symbol.replace(" ", "")]


def meeting_iri(meeting: MeetingRef, release_symbol: str) -> URIRef:
    """Meetings are named after their verbatim record: S/PV.8111 -> meeting/S-PV-8111."""
    if meeting.body == "SC":
        return id_iri(f"meeting/S-PV-{meeting.number}")
    if meeting.body == "GA" and meeting.session is not None:
        return id_iri(f"meeting/A-{meeting.session}-PV-{meeting.number}")
    # Without the session or for other organs the number is not unique: scope it to the release.
    return id_iri(f"doc/{symbol_slug(release_symbol)}/meeting/{meeting.number}")


def entity_iri(entity: Entity) -> URIRef:
    """state/<ISO3> for States, org/<slug> for organisations."""
    return id_iri(f"state/{entity.key}") if entity.kind == "state" else id_iri(f"org/{entity.key}")


def eu_country_iri(entity: Entity) -> URIRef | None:
    """The EU Publications Office country authority entry, for current States."""
    return EU_COUNTRY[entity.key] if entity.kind == "state" and entity.status != "historical" else None


def person_iri(speaker: Speaker, delegation: Entity) -> URIRef:
    """person/<slug of the name without honorific>: "Tekeda Alemu" -> person/tekeda-alemu.

    A surname printed alone ("Mr. KIM") is not unique across the archive, so it is qualified by
    the delegation: "Mr. KIM (Republic of Korea)" -> person/kim-kor.
    """
    slug = slugify_name(speaker.name)
    if " " not in speaker.name.strip():
        slug = f"{slug}-{delegation.key.lower()}"
    return id_iri(f"person/{slug}")


def statement_iri(release_symbol: str, order: int) -> URIRef:
    """doc/<release>/statement/<order>."""
    return id_iri(f"doc/{symbol_slug(release_symbol)}/statement/{order}")
