"""Statements: speaker, delegation and role of every speaker turn."""

from __future__ import annotations

import pytest

from councilgraph.extract.gazetteer import gazetteer
from councilgraph.extract.read import decode_source
from councilgraph.extract.segment import segment
from councilgraph.extract.statements import display_name, extract_statements


def _statements(*paragraphs: str):
    text = "9000th Meeting (AM)\nSC/16000\n\nHeadline\n\nSummary.\n\nStatements\n\n" + "\n\n".join(paragraphs) + "\n"
    source = decode_source(text.encode("utf-8"), "t.txt")
    statements, findings = extract_statements(source, segment(source), gazetteer())
    return source, statements, findings


# (opening paragraph, printed name, display name, delegation key, role)
TURNS = [
    pytest.param("TEKEDA ALEMU (Ethiopia) said that the sale of migrants was despicable.",
                 "TEKEDA ALEMU", "Tekeda Alemu", "ETH", None, id="name-and-state"),
    pytest.param("Mr. ELKHADIR (Morocco) said that in 2013 his country had adopted a policy.",
                 "Mr. ELKHADIR", "Mr. Elkhadir", "MAR", None, id="title-and-surname"),
    pytest.param("ANTÓNIO GUTERRES, Secretary\u2011General of the United Nations, said crimes must stop.",
                 "ANTÓNIO GUTERRES", "António Guterres", "united-nations",
                 "Secretary-General of the United Nations", id="un-official-role"),
    pytest.param("YURY V. FEDOTOV, Under\u2011Secretary\u2011General and Executive Director, United Nations Office on "
                 "Drugs and Crime, said the draft would set new goals.", "YURY V. FEDOTOV", "Yury V. Fedotov",
                 "united-nations-office-on-drugs-and-crime", "Under-Secretary-General and Executive Director",
                 id="role-then-organisation"),
    pytest.param("VINCENZO AMENDOLA, Under\u2011Secretary of State for Foreign Affairs of Italy, welcomed the adoption.",
                 "VINCENZO AMENDOLA", "Vincenzo Amendola", "ITA",
                 "Under-Secretary of State for Foreign Affairs of Italy", id="minister-of-a-state"),
    pytest.param("JOANNE ADAMSON, European Union delegation, said supply and demand must be addressed.",
                 "JOANNE ADAMSON", "Joanne Adamson", "european-union", None, id="eu-delegation"),
    pytest.param("Ms. JARBUSSYNOVA, Organization for Security and Cooperation in Europe (OSCE), said it was imperative.",
                 "Ms. JARBUSSYNOVA", "Ms. Jarbussynova", "organization-for-security-and-cooperation-in-europe", None,
                 id="organisation-with-acronym"),
    pytest.param("SIMON KASSAS, observer for the Holy See, said causes must be confronted.",
                 "SIMON KASSAS", "Simon Kassas", "VAT", "observer for the Holy See", id="observer-state"),
    pytest.param("AMIERA OBAID ALHEFEITI (United Arab Emirates), said that trafficking was a concern.",
                 "AMIERA OBAID ALHEFEITI", "Amiera Obaid Alhefeiti", "ARE", None, id="comma-before-verb"),
    pytest.param("KAIRAT UMAROV (Kazakhstan), Council President for January, speaking in his national capacity, said.",
                 "KAIRAT UMAROV", "Kairat Umarov", "KAZ", "Council President for January", id="president-first"),
    pytest.param("SAMUEL MONCADA (Venezuela (Bolivarian Republic of)), speaking for the Non\u2011Aligned Movement, said.",
                 "SAMUEL MONCADA", "Samuel Moncada", "VEN", None, id="nested-official-name"),
    pytest.param("MARIA KIMARO (United Republic of Tanzania) said zones built confidence.",
                 "MARIA KIMARO", "Maria Kimaro", "TZA", None, id="long-official-name"),
    pytest.param("FERIDUN H. SINIRLIOĞLU (Turkey) said it was a global problem.",
                 "FERIDUN H. SINIRLIOĞLU", "Feridun H. Sinirlioğlu", "TUR", None, id="former-name-turkey"),
    pytest.param("KAREL JAN GUSTAAF VAN OOSTEROM (Netherlands) stressed prevention.",
                 "KAREL JAN GUSTAAF VAN OOSTEROM", "Karel Jan Gustaaf van Oosterom", "NLD", None, id="particle"),
    pytest.param("The representative of the Russian Federation, speaking in explanation of vote, said it abstained.",
                 None, "Representative of Russian Federation", "RUS", None, id="representative-of"),
    pytest.param("INGRID HALVORSEN, Under\u2011Secretary\u2011General for Political and Peacebuilding Affairs, said.",
                 "INGRID HALVORSEN", "Ingrid Halvorsen", "united-nations",
                 "Under-Secretary-General for Political and Peacebuilding Affairs", id="un-official-no-body"),
    pytest.param("Speaking before the vote, the representative of the United States said the text was balanced.",
                 None, "Representative of United States", "USA", None, id="speaking-before-the-vote"),
    pytest.param("ROSEMARY DiCARLO, Under-Secretary-General for Political and Peacebuilding Affairs, said.",
                 "ROSEMARY DiCARLO", "Rosemary DiCarlo", "united-nations",
                 "Under-Secretary-General for Political and Peacebuilding Affairs", id="mixed-case-surname"),
    pytest.param("OLOF SKOOG, Head of the Delegation of the European Union to the United Nations, said.",
                 "OLOF SKOOG", "Olof Skoog", "european-union",
                 "Head of the Delegation of the European Union to the United Nations", id="eu-head-of-delegation"),
    pytest.param("ROBERT WOOD, Deputy Permanent Representative of the United States to the United Nations, said.",
                 "ROBERT WOOD", "Robert Wood", "USA",
                 "Deputy Permanent Representative of the United States to the United Nations", id="deputy-of-a-state"),
    pytest.param("JAMES SWAN, Special Representative of the Secretary-General for Somalia and Head of the United "
                 "Nations Assistance Mission in Somalia (UNSOM), said.", "JAMES SWAN", "James Swan",
                 "united-nations-assistance-mission-in-somalia",
                 "Special Representative of the Secretary-General for Somalia and Head of the United Nations "
                 "Assistance Mission in Somalia (UNSOM)", id="head-of-mission"),
    pytest.param("CATHERINE RUSSELL, Executive Director of the United Nations Children’s Fund (UNICEF), said.",
                 "CATHERINE RUSSELL", "Catherine Russell", "united-nations-childrens-fund",
                 "Executive Director of the United Nations Children's Fund (UNICEF)", id="head-of-agency"),
    pytest.param("POPE JOHN III (Holy See) said.", "POPE JOHN III", "Pope John III", "VAT", None, id="roman-numeral"),
]


@pytest.mark.parametrize(("paragraph", "printed", "display", "delegation", "role"), TURNS)
def test_speaker_turn(paragraph: str, printed, display: str, delegation: str, role) -> None:
    source, statements, findings = _statements(paragraph)
    assert len(statements) == 1
    statement = statements[0]
    speaker = statement.speaker
    assert speaker.printed_name == printed
    assert speaker.display_name == display
    assert statement.delegation.key == delegation
    assert statement.role == role
    assert findings == []
    if printed:
        assert source.text[speaker.start:speaker.end] == printed


NOT_TURNS = [
    pytest.param("ISIL (also known as Da’esh) continued to traffic persons.", id="acronym-in-capitals"),
    pytest.param("He said that the Council must act.", id="continuation"),
    pytest.param("“1.   Reaffirms its condemnation of trafficking;", id="operative-paragraph"),
    pytest.param("ECOWAS (Economic Community of West African States) had played a key role.", id="acronym-and-expansion"),
    pytest.param("UNHCR, UNICEF and the World Food Programme were working together.", id="acronym-list"),
    pytest.param("-".join(["AB"] * 40) + "!", id="long-run-of-capitals"),
    pytest.param("SECURITY COUNCIL REFERS SITUATION IN DARFUR, SUDAN, TO PROSECUTOR", id="headline-in-capitals"),
    pytest.param("COUNCIL EXTENDS MISSION IN HAITI, WELCOMES PROGRESS (MINUSTAH) said", id="capitals-naming-a-body"),
    pytest.param("ONE TWO THREE FOUR FIVE SIX SEVEN (Chile) said the list was long.", id="seven-word-name"),
]


@pytest.mark.parametrize("paragraph", NOT_TURNS)
def test_paragraphs_that_are_not_turns(paragraph: str) -> None:
    _, statements, _ = _statements(paragraph)
    assert statements == []


def test_continuations_extend_the_turn_until_next_speaker() -> None:
    source, statements, _ = _statements(
        "JOHN DOE (Chile) said one.", "He continued with two.",
        "The meeting was suspended at 1 p.m. and resumed at 3 p.m.", "JANE ROE (Peru) said three.")
    assert [source.text[s.start:s.end] for s in statements] == [
        "JOHN DOE (Chile) said one.\n\nHe continued with two.", "JANE ROE (Peru) said three."]


def test_headline_repeated_in_the_body_swallows_nothing() -> None:
    _, statements, _ = _statements("SECURITY COUNCIL REFERS SITUATION IN DARFUR, SUDAN, TO PROSECUTOR",
                                   "The Council today decided to refer the situation to the Prosecutor.")
    assert statements == []


def test_unknown_delegation_is_kept_with_a_finding() -> None:
    _, statements, findings = _statements("JOHN DOE (Atlantis) said that the tide was rising.")
    assert statements[0].delegation.name == "Atlantis"
    assert statements[0].delegation.in_reference is False
    assert [f.kind for f in findings] == ["UnknownDelegation"]


@pytest.mark.parametrize(("printed", "display"), [
    ("IRINA SCHOULGIN-NYONI", "Irina Schoulgin-Nyoni"), ("JOHN O'BRIEN", "John O'Brien"),
    ("ALEX GIACOMELLI DA SILVA", "Alex Giacomelli da Silva"), ("Ms. JARBUSSYNOVA", "Ms. Jarbussynova"),
])
def test_display_name(printed: str, display: str) -> None:
    assert display_name(printed) == display


def test_seed_has_71_statements_4_briefings(seed) -> None:
    _, release = seed
    sections = [s.section for s in release.statements]
    assert len(release.statements) == 71
    assert sections.count("Briefings") == 4 and sections.count("Statements") == 67
    assert [s.order for s in release.statements] == list(range(1, 72))


def test_seed_statement_offsets_point_at_the_speakers_name(seed) -> None:
    source, release = seed
    for statement in release.statements:
        printed = statement.speaker.printed_name
        assert source.text[statement.start:statement.start + len(printed)] == printed
        assert statement.start < statement.end


SEED_DELEGATIONS = [
    "united-nations", "united-nations-office-on-drugs-and-crime", "united-nations", "african-union", "ETH",
    "SWE", "UKR", "RUS", "FRA", "USA", "BOL", "SEN", "JPN", "KAZ", "EGY", "URY", "CHN", "GBR", "ITA", "VEN",
    "COL", "IRL", "ESP", "HUN", "LIE", "IRN", "LBY", "PAK", "BRA", "EST", "BEL", "PER", "european-union",
    "organization-for-security-and-cooperation-in-europe", "IDN", "SVK", "DEU", "TUR", "CHE", "ZAF", "VAT",
    "QAT", "JOR", "ISR", "PAN", "NOR", "MAR", "SDN", "AUT", "PHL", "GTM", "ARG", "CAN", "BGD", "IRQ",
    "international-organization-for-migration", "GEO", "BGR", "NGA", "BWA", "MDV", "MYS", "BLZ", "PRT", "KWT",
    "AZE", "ARE", "KEN", "MMR", "NLD", "ARM",
]


def test_seed_delegations_in_order(seed) -> None:
    _, release = seed
    assert [s.delegation.key for s in release.statements] == SEED_DELEGATIONS
