"""The participants sentence and its reconciliation with the statements."""

from __future__ import annotations

import pytest

from councilgraph.extract.gazetteer import gazetteer
from councilgraph.extract.participants import extract_participants
from councilgraph.extract.read import decode_source
from councilgraph.extract.segment import segment


def _participants(sentence: str) -> list[str]:
    text = f"9000th Meeting (AM)\nSC/16000\n\nHeadline\n\n{sentence}\n\nStatements\n\nJOHN DOE (Chile) said.\n"
    source = decode_source(text.encode("utf-8"), "t.txt")
    return [p.entity.key for p in extract_participants(source, segment(source), gazetteer())]


SENTENCES = [
    pytest.param("Also speaking today were representatives of Ethiopia, Sweden and Ukraine.",
                 ["ETH", "SWE", "UKR"], id="simple-list"),
    pytest.param("Also speaking today were representatives of Bosnia and Herzegovina, Trinidad and Tobago and Saint "
                 "Vincent and the Grenadines.", ["BIH", "TTO", "VCT"], id="names-with-and"),
    pytest.param("Also speaking were representatives of Venezuela (for the Non\u2011Aligned Movement), Iran and Estonia "
                 "(also on behalf of Latvia and Lithuania).", ["VEN", "IRN", "EST"], id="on-behalf-asides"),
    pytest.param("Representatives of the European Union and the International Organization for Migration also spoke, "
                 "as did the observer for the Holy See.",
                 ["european-union", "international-organization-for-migration", "VAT"], id="organisations"),
    pytest.param("The observers for the Holy See and the State of Palestine also spoke.", ["VAT", "PSE"],
                 id="observers"),
    pytest.param("Speakers said many things about the United Kingdom.", [], id="no-participants-sentence"),
    pytest.param("Also speaking were representatives of Venezuela (Bolivarian Republic of), Iran (Islamic Republic of), "
                 "Bolivia (Plurinational State of), Netherlands (Kingdom of the) and Peru.",
                 ["VEN", "IRN", "BOL", "NLD", "PER"], id="un-list-names"),
]


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES)
def test_participants_sentence(sentence: str, expected: list[str]) -> None:
    assert _participants(sentence) == expected


def test_seed_participants_and_findings(seed) -> None:
    source, release = seed
    keys = [p.entity.key for p in release.participants]
    assert len(keys) == 63 + 4 and keys.count("BWA") == 2  # 63 names (Botswana twice), then EU, OSCE, IOM, Holy See
    assert "LBY" not in keys
    findings = [(f.kind, f.entity.key if f.entity else None, f.statement) for f in release.findings
                if f.kind in ("DuplicateParticipant", "SpeakerNotListed", "ListedParticipantNotSpeaking")]
    assert findings == [("DuplicateParticipant", "BWA", None), ("SpeakerNotListed", "LBY", 27)]
    duplicate = next(f for f in release.findings if f.kind == "DuplicateParticipant")
    assert source.text[duplicate.start:duplicate.end] == "Botswana"
    assert source.text[duplicate.start - 10:duplicate.start] == "Botswana, "
