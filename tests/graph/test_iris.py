"""Stable IRIs."""

from __future__ import annotations

import pytest

from councilgraph.extract.records import MeetingRef, Speaker
from councilgraph.graph import iris
from councilgraph.ontology.reference import Entity

ID = "https://w3id.org/councilgraph/id/"


@pytest.mark.parametrize(("symbol", "slug"), [
    ("SC/13081", "SC-13081"), ("S/RES/2388 (2017)", "S-RES-2388-2017"), ("S/PRST/2015/25", "S-PRST-2015-25"),
    ("S/2017/939", "S-2017-939"), ("A/72/L.1", "A-72-L.1"), ("SG/SM/18800-SC/13100", "SG-SM-18800-SC-13100"),
])
def test_document_iris(symbol: str, slug: str) -> None:
    assert str(iris.document_iri(symbol)) == f"{ID}doc/{slug}"


def test_undocs_link() -> None:
    assert str(iris.undocs_iri("S/RES/2388 (2017)")) == "https://undocs.org/S/RES/2388(2017)"


@pytest.mark.parametrize(("meeting", "iri"), [
    (MeetingRef(8111, "SC", None, "AM", 0, 1), "meeting/S-PV-8111"),
    (MeetingRef(66, "GA", 72, "PM", 0, 1), "meeting/A-72-PV-66"),
    (MeetingRef(66, "GA", None, "PM", 0, 1), "doc/GA-12000/meeting/66"),
])
def test_meeting_iris(meeting: MeetingRef, iri: str) -> None:
    assert str(iris.meeting_iri(meeting, "GA/12000")) == ID + iri


@pytest.mark.parametrize(("name", "title", "delegation", "slug"), [
    ("Tekeda Alemu", None, "ETH", "tekeda-alemu"),
    ("Katalin Annamária Bogyay", None, "HUN", "katalin-annamaria-bogyay"),
    ("Feridun H. Sinirlioğlu", None, "TUR", "feridun-h-sinirlioglu"),
    ("Jonas Gahr Støre", None, "NOR", "jonas-gahr-store"),
    ("Michał Włosowicz", None, "POL", "michal-wlosowicz"),
    ("Alya Ahmed Saif Al-Thani", "Sheikha", "QAT", "alya-ahmed-saif-al-thani"),
    ("Elkhadir", "Mr", "MAR", "elkhadir-mar"),
    ("Kim", "Mr", "PRK", "kim-prk"),
    ("Kim", "Mr", "KOR", "kim-kor"),
])
def test_person_iris(name: str, title, delegation: str, slug: str) -> None:
    speaker = Speaker(printed_name=name.upper(), title=title, name=name, display_name=name, start=0, end=1)
    state = Entity(kind="state", key=delegation, name=delegation)
    assert str(iris.person_iri(speaker, state)) == f"{ID}person/{slug}"


def test_state_and_organisation_iris() -> None:
    holy_see = Entity(kind="state", key="VAT", name="Holy See", status="observer")
    assert str(iris.entity_iri(holy_see)) == f"{ID}state/VAT"
    assert str(iris.eu_country_iri(holy_see)) == "http://publications.europa.eu/resource/authority/country/VAT"
    assert iris.eu_country_iri(Entity(kind="state", key="SUN", name="USSR", status="historical")) is None
    assert str(iris.entity_iri(Entity(kind="org", key="european-union", name="European Union"))) == \
        f"{ID}org/european-union"


def test_release_key_without_symbol_is_the_file_name_and_content_hash() -> None:
    from councilgraph.extract.read import decode_source
    from councilgraph.graph.iris import release_key

    first = decode_source(b"Headline\n\nThe Security Council met.\n", "index.html.txt")
    again = decode_source(b"Headline\n\nThe Security Council met.\n", "index.html.txt")
    other = decode_source(b"Headline\n\nThe General Assembly met.\n", "index.html.txt")
    assert release_key(None, first) == release_key(None, again) == f"file/index-html-{first.sha256[:8]}"
    assert release_key(None, other) != release_key(None, first)
    assert release_key(None, decode_source(b"x", "\u5b89\u5168.txt")).startswith("file/unnamed-")
    assert release_key("SC/13081", first) == "SC/13081"
