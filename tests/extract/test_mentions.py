"""Organisations mentioned, and acronyms a document defines."""

from __future__ import annotations

from councilgraph.extract.gazetteer import gazetteer
from councilgraph.extract.mentions import learned_acronyms, organisation_mentions
from councilgraph.extract.read import normalise

TEXT = normalise(
    "The Analytical Support and Sanctions Monitoring Team (ASMT) briefed the Council.  Later the ASMT and "
    "UNODC reported, as did the UNDOC office, on Boko Haram and ISIL/Da\u2019esh."
)


def test_full_name_with_acronym_teaches_the_acronym() -> None:
    learned = learned_acronyms(TEXT, gazetteer())
    assert learned["ASMT"].key == "analytical-support-and-sanctions-monitoring-team"


def test_mentions_resolve_names_known_acronyms_typos_and_learned_acronyms() -> None:
    mentions = organisation_mentions(TEXT, 0, len(TEXT), gazetteer(), learned_acronyms(TEXT, gazetteer()))
    assert [(TEXT[m.start:m.end], m.entity.key) for m in mentions] == [
        ("Analytical Support and Sanctions Monitoring Team", "analytical-support-and-sanctions-monitoring-team"),
        ("ASMT", "analytical-support-and-sanctions-monitoring-team"),  # in the definition
        ("ASMT", "analytical-support-and-sanctions-monitoring-team"),
        ("UNODC", "united-nations-office-on-drugs-and-crime"),
        ("UNDOC", "united-nations-office-on-drugs-and-crime"),
        ("Boko Haram", "boko-haram"),
        ("ISIL/Da'esh", "islamic-state-in-iraq-and-the-levant"),
    ]


def test_states_are_not_mentions() -> None:
    text = "Nigeria and Chad worked with the African Union."
    assert [m.entity.key for m in organisation_mentions(text, 0, len(text), gazetteer(), {})] == ["african-union"]
