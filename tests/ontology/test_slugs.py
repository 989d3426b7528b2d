"""Name slugs (person, organisation and instrument IRIs): readable ASCII, never empty, never shared by two names."""

from __future__ import annotations

import re
from itertools import combinations

import pytest

from councilgraph.extract.records import Speaker
from councilgraph.graph.iris import person_iri
from councilgraph.ontology.reference import Entity, slugify_name, unknown_organization

HASH = r"[0-9a-f]{10}"


# Stable IRIs: what ASCII and ordinary accented Latin names gave before must not change.
KEPT = [
    ("Tekeda Alemu", "tekeda-alemu"),
    ("Katalin Annamária Bogyay", "katalin-annamaria-bogyay"),
    ("Feridun H. Sinirlioğlu", "feridun-h-sinirlioglu"),
    ("Jonas Gahr Støre", "jonas-gahr-store"),
    ("Michał Włosowicz", "michal-wlosowicz"),
    ("Alya Ahmed Saif Al-Thani", "alya-ahmed-saif-al-thani"),
    ("Mehmet Ali Çevik", "mehmet-ali-cevik"),
    ("Nguyễn Phương Nga", "nguyen-phuong-nga"),
    ("O’Brien", "obrien"),
    ("Strauß", "strauss"),
    ("Đặng Đình Quý", "dang-dinh-quy"),
    ("Þórdís Kolbrún", "thordis-kolbrun"),
    ("Hawaiʻi Ocean Forum", "hawaii-ocean-forum"),  # a modifier letter is an apostrophe, not a lost letter
]


@pytest.mark.parametrize(("name", "slug"), [pytest.param(*row, id=row[1]) for row in KEPT])
def test_latin_names_keep_their_slugs(name: str, slug: str) -> None:
    assert slugify_name(name) == slug


# Latin letters that Unicode does not decompose: transliterated, no hash needed.
TRANSLITERATED = [
    ("ƏLIYEV", "aliyev"), ("Məmmədyarov", "mammadyarov"),  # Azerbaijani schwa, printed "a" in English texts
    ("ŊƝ ƝŊ", "ngn-nng"), ("ƝŊ ŊƝ", "nng-ngn"),
    ("Guðmundur", "gudmundur"), ("Ɓello Ɗaura", "bello-daura"), ("Kɔfi Ɛsi", "kofi-esi"),
]


@pytest.mark.parametrize(("name", "slug"), [pytest.param(*row, id=row[1]) for row in TRANSLITERATED])
def test_latin_letters_without_decomposition_are_transliterated(name: str, slug: str) -> None:
    assert slugify_name(name) == slug


# Letters with no ASCII form: the readable part, then a hash of the name.
@pytest.mark.parametrize(("name", "pattern"), [
    ("Παπαδόπουλος", HASH), ("Иванов", HASH), ("محمد", HASH), ("习近平", HASH), ("कुमार", HASH),
    ("Ana Ʃ", f"ana-{HASH}"), ("Sergei Иванов", f"sergei-{HASH}"),
], ids=["greek", "cyrillic", "arabic", "chinese", "devanagari", "latin-esh", "latin-and-cyrillic"])
def test_letters_without_ascii_form_add_a_hash(name: str, pattern: str) -> None:
    assert re.fullmatch(pattern, slugify_name(name))


DIFFERENT_NAMES = ["ŊƝ ƝŊ", "ƝŊ ŊƝ", "ƏLIYEV", "ELIYEV", "Παπαδόπουλος", "Παπαδάκης", "Иванов", "Иваново", "Петров",
                   "محمد", "أحمد", "习近平", "王毅", "कुमार", "कमार", "Ana Ʃ", "Ana", "Sergei Иванов", "Sergei Петров"]


def test_different_names_never_share_a_slug_and_none_is_empty() -> None:
    slugs = {name: slugify_name(name) for name in DIFFERENT_NAMES}
    assert all(slugs.values())
    shared = [(a, b) for a, b in combinations(DIFFERENT_NAMES, 2) if slugs[a] == slugs[b]]
    assert shared == []


@pytest.mark.parametrize(("one", "other"), [
    ("Παπαδόπουλος", "ΠΑΠΑΔΟΠΟΥΛΟΣ"), ("Παπαδόπουλος", "Παπαδοπουλος"), ("مُحَمَّد", "محمد"),
    ("Иванов  Иван", "ИВАНОВ, Иван"),
], ids=["greek capitals", "greek without accents", "arabic vowel marks", "spacing and punctuation"])
def test_the_same_name_printed_differently_keeps_one_slug(one: str, other: str) -> None:
    assert slugify_name(one) == slugify_name(other)


def test_person_and_organisation_iris_use_the_same_slugs() -> None:
    speaker = Speaker(printed_name="ИВАНОВ", title="Mr", name="Иванов", display_name="Иванов", start=0, end=1)
    iri = str(person_iri(speaker, Entity(kind="state", key="RUS", name="Russian Federation")))
    assert re.fullmatch(rf"https://w3id.org/councilgraph/id/person/{HASH}-rus", iri)
    assert unknown_organization("Ассоциация Иванова").key != unknown_organization("Ассоциация Петрова").key
