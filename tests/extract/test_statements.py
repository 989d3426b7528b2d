"""Statements: speaker, delegation and role of every speaker turn."""

from __future__ import annotations

import pytest

from councilgraph.extract.gazetteer import gazetteer
from councilgraph.extract.press_release import extract_press_release
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
    pytest.param("MIROSLAV NOVAK (Slovakia), President of the General Assembly, said the Assembly stood ready.",
                 "MIROSLAV NOVAK", "Miroslav Novak", "general-assembly", "President of the General Assembly",
                 id="assembly-president-speaks-for-the-assembly"),
    pytest.param("KAIRAT ISMAILOV (Kazakhstan), Council President for January, said the Council met.",
                 "KAIRAT ISMAILOV", "Kairat Ismailov", "KAZ", "Council President for January",
                 id="council-president-keeps-the-state"),
    pytest.param("General Assembly President MIROSLAV NOVAK (Slovakia), speaking before the vote, said the ballot was "
                 "secret.", "MIROSLAV NOVAK", "Miroslav Novak", "general-assembly", "General Assembly President",
                 id="assembly-president-office-before-the-name"),
    pytest.param("Council President KAIRAT ISMAILOV (Kazakhstan) said the Council met.", "KAIRAT ISMAILOV",
                 "Kairat Ismailov", "KAZ", "Council President", id="council-president-office-before-the-name"),
    pytest.param("Secretary-General ANTÓNIO GUTERRES said crimes must stop.", "ANTÓNIO GUTERRES", "António Guterres",
                 "united-nations", "Secretary-General", id="secretary-general-before-the-name"),
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


# Narrative speakers: releases whose sections hold no house-style turn (here: no headings at all).

def _narrative(*paragraphs: str):
    text = "4567th Meeting (AM)\nSC/7890\n\nHEADLINE\n\nThe Security Council met today.\n\n" + "\n\n".join(paragraphs) + "\n"
    source = decode_source(text.encode("utf-8"), "t.txt")
    statements, findings = extract_statements(source, segment(source), gazetteer())
    return source, statements, findings


# (paragraph, speaker as printed, display name, delegation key, delegation as printed, role, statement text)
NARRATIVE = [
    pytest.param("The Council adopted the text.  The representative of Kenya said the text was weak.",
                 "The representative of Kenya", "Representative of Kenya", "KEN", "Kenya", None,
                 "The representative of Kenya said the text was weak.", id="representative-mid-paragraph"),
    pytest.param("Speaking on behalf of the Group of 77 and China, the representative of South Africa said debt came first.",
                 "the representative of South Africa", "Representative of South Africa", "ZAF", "South Africa", None,
                 "Speaking on behalf of the Group of 77 and China, the representative of South Africa said debt came first.",
                 id="lead-in-then-representative"),
    pytest.param("Kenya's representative said the region was ready.", "Kenya's representative",
                 "Representative of Kenya", "KEN", "Kenya", None, "Kenya's representative said the region was ready.",
                 id="possessive-representative"),
    pytest.param("Speaking after the vote, Germany’s delegate said the Union shared the concerns.", "Germany's delegate",
                 "Delegate of Germany", "DEU", "Germany", None,
                 "Speaking after the vote, Germany's delegate said the Union shared the concerns.",
                 id="lead-in-then-possessive"),
    pytest.param("The Sudan’s representative rejected the text.", "Sudan's representative",
                 "Representative of Sudan", "SDN", "Sudan", None, "The Sudan's representative rejected the text.",
                 id="possessive-with-article"),
    pytest.param("Tijjani Muhammad-Bande, President of its seventy-fourth session, recalled the Charter.",
                 "Tijjani Muhammad-Bande", "Tijjani Muhammad-Bande", "general-assembly",
                 "President of its seventy-fourth session", "President of its seventy-fourth session",
                 "Tijjani Muhammad-Bande, President of its seventy-fourth session, recalled the Charter.",
                 id="assembly-president-by-role"),
    pytest.param("Rohan Perera (Sri Lanka), Chairman of the Ad Hoc Committee on Terrorism, said a text was near.",
                 "Rohan Perera", "Rohan Perera", "LKA", "Sri Lanka", "Chairman of the Ad Hoc Committee on Terrorism",
                 "Rohan Perera (Sri Lanka), Chairman of the Ad Hoc Committee on Terrorism, said a text was near.",
                 id="mixed-case-name-delegation-and-role"),
    pytest.param("Michel Xavier Biang (Gabon), noting the work of the Commission, said the texts were ready.",
                 "Michel Xavier Biang", "Michel Xavier Biang", "GAB", "Gabon", None,
                 "Michel Xavier Biang (Gabon), noting the work of the Commission, said the texts were ready.",
                 id="participle-after-delegation"),
    pytest.param("The Council heard a statement read by François Delattre (France), its President for October.",
                 "François Delattre", "François Delattre", "FRA", "France", "its President for October",
                 "The Council heard a statement read by François Delattre (France), its President for October.",
                 id="statement-read-by-president-for-month"),
    pytest.param("The statement, read out by Council President Stefan Tafrov (Bulgaria), reads as follows:",
                 "Stefan Tafrov", "Stefan Tafrov", "BGR", "Bulgaria", "Council President",
                 "The statement, read out by Council President Stefan Tafrov (Bulgaria), reads as follows:",
                 id="statement-read-out-by-council-president"),
    pytest.param("Following is the press statement by the Security Council President, Emyr Jones Parry (United Kingdom):",
                 "Emyr Jones Parry", "Emyr Jones Parry", "GBR", "United Kingdom", "Security Council President",
                 "Following is the press statement by the Security Council President, Emyr Jones Parry (United Kingdom):",
                 id="press-statement-by-president"),
    pytest.param("Secretary-General Kofi Annan said the Court was ready.", "Kofi Annan", "Kofi Annan",
                 "united-nations", "Secretary-General", "Secretary-General",
                 "Secretary-General Kofi Annan said the Court was ready.", id="title-before-name"),
    pytest.param("Under-Secretary-General for Peacekeeping Operations Jean-Marie Guéhenno told the Council it was late.",
                 "Jean-Marie Guéhenno", "Jean-Marie Guéhenno", "united-nations",
                 "Under-Secretary-General for Peacekeeping Operations", "Under-Secretary-General for Peacekeeping Operations",
                 "Under-Secretary-General for Peacekeeping Operations Jean-Marie Guéhenno told the Council it was late.",
                 id="title-with-office-before-name"),
    pytest.param("Special Representative of the Secretary-General for Iraq Sergio Vieira de Mello said it had begun.",
                 "Sergio Vieira de Mello", "Sergio Vieira de Mello", "united-nations",
                 "Special Representative of the Secretary-General for Iraq",
                 "Special Representative of the Secretary-General for Iraq",
                 "Special Representative of the Secretary-General for Iraq Sergio Vieira de Mello said it had begun.",
                 id="office-naming-a-place-before-name"),
    pytest.param("Secretary-General Ban Ki-moon said the Court was ready.", "Ban Ki-moon", "Ban Ki-moon",
                 "united-nations", "Secretary-General", "Secretary-General",
                 "Secretary-General Ban Ki-moon said the Court was ready.", id="hyphenated-lower-case-name-part"),
    pytest.param("Jean Ping, Minister for Foreign Affairs of Gabon, said peace was near.", "Jean Ping", "Jean Ping",
                 "GAB", "Gabon", "Minister for Foreign Affairs of Gabon",
                 "Jean Ping, Minister for Foreign Affairs of Gabon, said peace was near.", id="minister-of-a-state"),
    pytest.param("The representative of the Russian Federation, speaking in explanation of vote, said it abstained.",
                 "The representative of the Russian Federation", "Representative of Russian Federation", "RUS",
                 "Russian Federation", None,
                 "The representative of the Russian Federation, speaking in explanation of vote, said it abstained.",
                 id="aside-before-verb"),
]


@pytest.mark.parametrize(("paragraph", "printed", "display", "delegation", "written", "role", "said"), NARRATIVE)
def test_narrative_speaker(paragraph: str, printed: str, display: str, delegation: str, written: str, role, said: str,
                           ) -> None:
    source, statements, findings = _narrative(paragraph)
    assert len(statements) == 1
    statement = statements[0]
    speaker = statement.speaker
    assert source.matchable[speaker.start:speaker.end] == printed
    assert speaker.display_name == display
    assert statement.delegation.key == delegation
    assert source.matchable[statement.delegation_start:statement.delegation_end] == written
    assert statement.role == role
    assert source.matchable[statement.start:statement.end] == said
    assert statement.section == "Summary"
    assert findings == []


NOT_NARRATIVE = [
    pytest.param("SECURITY COUNCIL REFERS SITUATION IN DARFUR,\nSUDAN, TO PROSECUTOR", id="headline-in-capitals"),
    pytest.param("The representative of Kenya was elected Vice-Chairman.", id="no-reporting-verb"),
    pytest.param("The Council welcomed the appointment of Jean Ping as Special Envoy.", id="person-merely-mentioned"),
    pytest.param("Mr. Annan said it was fine.", id="surname-without-delegation"),
    pytest.param("Kofi Annan was elsewhere.  Mr. Annan said it was fine.", id="surname-after-a-name-without-delegation"),
    pytest.param("Addis Ababa, Ethiopia, said it was ready.", id="place-and-state-no-title"),
    pytest.param("New Zealand (Pacific Islands Forum) said nothing.", id="state-is-not-a-person"),
    pytest.param("NEW YORK, 12 March (UN Headquarters) -- The Council today extended the Mission in Liberia.",
                 id="dateline-is-a-place"),
    pytest.param("The Assembly will act on a draft to be introduced by the representative of Peru.", id="future-introducer"),
    pytest.param("The Council met with the representatives of Kenya and Somalia.", id="list-not-about-speaking"),
    pytest.param("Peru and Chile agreed on the text.", id="states-listed-without-speaking"),
    pytest.param("Attending the ceremony were Presidents Jan Roe of Chile and Ann Doe of Peru.",
                 id="heads-of-state-merely-attending"),
    pytest.param("Joining President Roe were Presidents Ed Poe of Peru and Li Wu of Fiji.",
                 id="heads-of-state-joining-a-leader-who-did-not-speak"),
    pytest.param("The delegates of Japan and Peru voted in favour.", id="list-before-another-verb"),
    pytest.param("“Reform cannot wait,” said Jane Roe, Executive Director of Council Watch Report.",
                 id="body-name-inside-a-longer-name"),
    pytest.param("The Council, in its statement, said Jean Ping (Gabon) was welcome.", id="council-is-no-office"),
    pytest.param("Secretary-General Kofi Annan's report said the mission was ready.", id="possessive-after-name"),
    pytest.param("A letter signed by Jean Ping (Gabon) was circulated.", id="signed-by-is-not-read-by"),
    pytest.param("Council President Stefan Tafrov said the meeting was closed.", id="council-president-no-delegation"),
    pytest.param("Council members heard Jean Ping (Gabon) and then said nothing.", id="name-not-at-sentence-start"),
    pytest.param("The Council, in its statement, welcomed Jean Ping, Minister of Gabon, and the envoy.",
                 id="named-after-comma-without-verb"),
    pytest.param("Many speakers took the floor, with the representative of Chile in the chair.", id="with-representative-no-participle"),
    pytest.param("The Council heard briefings from Jan Doe and Ann Roe on the situation.", id="briefers-without-title"),
    pytest.param("The Council heard from the leaders of civil society, Chair of nothing.", id="briefers-not-officials"),
    pytest.param("Peru's Minister of Health was elected Chair.", id="possessive-minister-no-verb"),
    pytest.param("Santiago, said its mayor, was ready.", id="place-then-said-its-mayor"),
    pytest.param("The letter, read out by Jan Roe, Director of the Chile Office, was circulated.",
                 id="read-by-a-director-no-presidency"),
    pytest.param("The Council heard a briefing from Ann Roe, Coordinator in Haiti.", id="briefer-posted-in-a-state"),
    pytest.param("The Speaker of the Parliament of Kenya said the Assembly was welcome.", id="parliament-speaker-is-no-delegate"),
    pytest.param("The Secretary-General, along with 41 speakers, spoke at that meeting in August.",
                 id="office-alone-with-an-aside-tells-of-another-meeting"),
    pytest.param("The Secretary-General's report said the Mission was ready.", id="office-alone-possessive"),
    pytest.param("In that letter, the Secretary-General stated that the leader had set no dates.", id="office-in-a-letter"),
    pytest.param("Recalling a December 2005 briefing by Jan Roe, Under-Secretary-General for Political Affairs, he said the "
                 "official had described grave conditions.", id="an-earlier-briefing-recalled"),
    pytest.param("Israel took control of the crossing.", id="state-named-alone-without-a-reporting-verb"),
    pytest.param("The draft text, presented by India and approved without a vote, would urge States to act.",
                 id="sponsor-of-a-draft-is-no-speaker"),
    pytest.param("The debate was opened at the request of the representatives of Peru and Fiji, which the Council "
                 "agreed to.", id="delegates-in-passing-without-words"),
    pytest.param("Kabul said the attack in Kabul had killed 12 civilians.", id="a-capital-alone-is-no-delegate"),
    pytest.param("Moscow's 'nuclear blackmail' was condemned by many.", id="a-capital-possessive-without-a-title"),
    pytest.param("The Russian counterpart was not present at the talks.", id="counterpart-without-a-reporting-verb"),
    pytest.param("The Turkish Cypriot representative said the talks had stalled.", id="a-demonym-inside-a-longer-name"),
    pytest.param("The Russian Federation delegation said nothing new.", id="russian-federation-is-no-demonym"),
]


# (paragraph, delegation keys in order): forms beyond "Name (State) said" at a sentence's start.
NARRATIVE_FORMS = [
    pytest.param("Statements were made by the representatives of Haiti, Italy, on behalf of the European Community, "
                 "Russian Federation and Indonesia.", ["HTI", "ITA", "RUS", "IDN"], id="roll-call-group-between-commas"),
    pytest.param("The representatives of Belgium, speaking on behalf of the European Union and its associated States, "
                 "and the United States, as Host Country, gave statements.", ["BEL", "USA"],
                 id="roll-call-group-and-its-associated-states-and-a-role-between-commas"),
    pytest.param("Also speaking were representatives of Kenya, Uganda and Japan.", ["KEN", "UGA", "JPN"],
                 id="participants-sentence-names-speakers-not-quoted"),
    pytest.param("The representative of Kenya said the text was balanced.  Also speaking were the representatives of "
                 "Kenya and Uganda.", ["KEN", "UGA"], id="participants-sentence-adds-no-one-twice"),
    pytest.param("Speaking in explanation of vote, the representatives of China and Algeria said they abstained.",
                 ["CHN", "DZA"], id="several-representatives"),
    pytest.param("Other speakers on the item were the representatives of Peru, Chile (on behalf of the Rio Group), "
                 "Saint Vincent and the Grenadines and Fiji.", ["PER", "CHL", "VCT", "FJI"], id="roll-call-other-speakers"),
    pytest.param("Statements in explanation of position were made by the representatives of the United States, "
                 "Japan and Egypt.", ["USA", "JPN", "EGY"], id="roll-call-statements-made-by"),
    pytest.param("Speaking on the text were the representatives of Ghana and Peru.", ["GHA", "PER"],
                 id="roll-call-speaking-were"),
    pytest.param("The representative of Norway (on behalf of the Nordic countries), Chile and Fiji spoke in "
                 "explanation of vote.", ["NOR", "CHL", "FJI"], id="roll-call-list-then-spoke"),
    pytest.param("Several delegations spoke in exercise of the right of reply: Peru, Chile and Fiji.",
                 ["PER", "CHL", "FJI"], id="roll-call-after-colon"),
    pytest.param("The Council voted.  The United States and France spoke in explanation of vote.", ["USA", "FRA"],
                 id="roll-call-states-open-the-sentence"),
    pytest.param("The world must act now, Secretary-General Jan Doe told the Assembly today.", ["united-nations"],
                 id="paraphrase-then-titled-speaker"),
    pytest.param("Growth must be shared, Jan Doe, Under-Secretary-General for Economic and Social Affairs, stressed today.",
                 ["united-nations"], id="paraphrase-then-named-official"),
    pytest.param("Prior to the vote, the Assembly President, Jan Doe (Chile), informed the Assembly.",
                 ["general-assembly"], id="office-between-commas-mid-sentence"),
    pytest.param("Before the vote, the Assembly President, Jan Doe (Chile), informed the Assembly.",
                 ["general-assembly"], id="lead-in-then-office-between-commas"),
    pytest.param("“We must act,” the representative of Canada said.", ["CAN"], id="quote-then-representative-then-verb"),
    pytest.param("Many speakers took the floor, with the representative of Chile stressing that reform was due.", ["CHL"],
                 id="with-representative-participle"),
    pytest.param("The Council heard briefings from Jan Doe, Special Representative of the Secretary-General for "
                 "Freedonia, and Ann Roe, Director-General of the International Atomic Energy Agency (IAEA).",
                 ["united-nations", "international-atomic-energy-agency"], id="briefings-name-then-title"),
    pytest.param("The members of the Council heard a briefing by the Deputy Special Representative of the "
                 "Secretary-General, Jan Doe, and by Ann Roe (Chile), on the situation in Freedonia.",
                 ["united-nations", "CHL"], id="briefing-title-then-name-and-name-with-state"),
    pytest.param("The ceremony also heard from Deputy Secretary-General Ann Roe and Jan Doe, Permanent "
                 "Representative of Chile.", ["united-nations", "CHL"], id="heard-from-titled-and-named"),
    pytest.param("The Council was briefed several times by Jan Doe, Assistant Secretary-General for Programme "
                 "Planning, Finance and Budget, and Ann Roe, Executive Director of the United Nations Office on Drugs "
                 "and Crime (UNODC), both of whom reported progress.",
                 ["united-nations", "united-nations-office-on-drugs-and-crime"], id="briefed-by-title-with-commas"),
    pytest.param("The debate started with several briefings, from Secretary-General Jan Doe, as well as from the head "
                 "of the United Nations Entity for Gender Equality and the Empowerment of Women (UN-Women), and "
                 "leaders of civil society.",
                 ["united-nations", "united-nations-entity-for-gender-equality-and-the-empowerment-of-women"],
                 id="briefings-titled-and-unnamed-head"),
    pytest.param("Assembly President, Jan Roe (Finland), paid tribute to the late Prime Minister.", ["general-assembly"],
                 id="office-without-article-opens-the-sentence"),
    pytest.param("Committee Rapporteur Jan Roe (Ghana), introducing the body's report (document A/80/545), said the "
                 "Committee met.", ["GHA"], id="committee-rapporteur-titled"),
    pytest.param("The representative of the United States cited the law.", ["USA"], id="cited-is-a-reporting-verb"),
    pytest.param("The Council heard statements by United Nations Secretary-General Jan Doe and United States Secretary "
                 "of State Ann Roe.  The Secretary-General stressed the Council's role.  In her statement, United States "
                 "Secretary of State Ann Roe called for action.", ["united-nations", "USA"],
                 id="listed-then-quoted-by-name-is-one-speaker"),
    pytest.param("Through a statement read out by Jan Doe, Permanent Representative of Panama, who holds the rotating "
                 "Council Presidency for February, the body welcomed the talks.", ["PAN"],
                 id="read-out-by-title-of-state-who-holds-the-presidency"),
    pytest.param("Following is today's press statement on Freedonia by Security Council President Jan Doe:",
                 ["security-council"], id="press-statement-by-the-president-state-not-printed"),
    pytest.param("Contributing to that debate was the representative of New Zealand, who said the treaty was near.",
                 ["NZL"], id="contributing-was-the-representative"),
    pytest.param("The largest contributor took with one hand what it gave with the other, Libya's representative "
                 "continued.", ["LBY"], id="paraphrase-then-representative-continued"),
    pytest.param("The members of the Council were briefed on 10 August by Jan Doe, Assistant Secretary-General for "
                 "Political Affairs, on the situation in Freedonia.", ["united-nations"], id="briefed-on-a-date-by"),
    pytest.param("Members of the Council heard a briefing today, 14 December, from the Representative of the "
                 "Secretary-General for Freedonia, Jan Doe, on recent developments.", ["united-nations"],
                 id="briefing-today-with-date-from"),
    pytest.param("The Council heard a briefing by the Chairman of the Committee, Jan Roe (Chile).  Opening the "
                 "debate, Mr. Roe said the work went on.", ["CHL"], id="surname-of-a-briefer-is-no-new-speaker"),
    pytest.param("The Committee elected Ann Doe Roe (Chile) as its Chair.  Opening the session, Ms. Doe Roe said "
                 "the agenda was long.", ["CHL"], id="surname-after-election"),
    pytest.param("Jan Roe, United Nations Controller and Assistant Secretary-General for Programme Planning, Finance "
                 "and Budget, noted the shortfall.", ["united-nations"], id="controller-is-a-title"),
    pytest.param("In February, United States Secretary of State Jan Roe presented what he said was evidence.", ["USA"],
                 id="state-then-title-then-name"),
    pytest.param("This will be confirmed by the Committee Chair, Jan Roe of Chile.  Mr. Roe said the work would "
                 "start in October.", ["CHL"], id="surname-after-name-of-state"),
    pytest.param("The Assembly appointed Jan Roe of Chile.  Mr. Roe, speaking as the Secretary-General elect after "
                 "the oath, said the Organization must change.", ["united-nations"], id="surname-speaking-as-office"),
    pytest.param("NEW YORK, 12 March (UN Headquarters) -- Council President Jean Roe (Chile) said the text was fair.",
                 ["CHL"], id="speaker-after-dateline"),
    pytest.param("Opening the meeting, Council President Jean Roe (Chile) said the agenda was long.", ["CHL"],
                 id="lead-in-then-titled"),
    pytest.param("In his closing remarks, Jean Roe (Chile), the Committee Chairman, thanked delegations.", ["CHL"],
                 id="lead-in-then-named"),
    pytest.param("The Chairman of the Working Group, where the text was drafted, Jean Roe (Chile), said it was ready.",
                 ["CHL"], id="office-then-name"),
    pytest.param("The Committee Chairman, Jean Roe of Chile, thanked the Secretariat.", ["CHL"],
                 id="office-then-name-of-state"),
    pytest.param("Jean Roe (Chile), who chairs the talks told the Committee that a text was near.", ["CHL"],
                 id="relative-clause-before-verb"),
    pytest.param("Jean Roe, (Chile), whose delegation drafted the text, thanked members.", ["CHL"],
                 id="comma-before-delegation"),
    pytest.param("“The time is now,” said Chile’s delegate.", ["CHL"], id="quote-then-verb-then-possessive"),
    pytest.param("“The time is now,” emphasized the representative of the United States.", ["USA"],
                 id="quote-then-verb-then-representative"),
    pytest.param("“Peace is near,” declared Jean Roe (Chile), Chair of the Committee.", ["CHL"],
                 id="quote-then-verb-then-name"),
    pytest.param("So stated Secretary-General Jan Doe to the Assembly.", ["united-nations"], id="so-stated"),
    pytest.param("The draft was introduced by Ireland’s representative.", ["IRL"], id="introduced-by"),
    pytest.param("Before the vote, the Russian Federation’s delegate, saying the text was flawed, requested a vote.",
                 ["RUS"], id="lead-in-then-the-possessive"),
    pytest.param("Ethiopia’s speaker expressed regret.", ["ETH"], id="possessive-speaker"),
    pytest.param("Speaking before that vote, the United States representative said it would join.", ["USA"],
                 id="state-as-adjective"),
    pytest.param("The Permanent Observer for Palestine said the decision was welcome.", ["PSE"],
                 id="permanent-observer"),
    pytest.param("The Permanent Representative of Georgia provided the Council with an account.", ["GEO"],
                 id="verb-provided"),
    pytest.param("Assembly President Jan Doe (Chile) said the session was open.", ["general-assembly"],
                 id="assembly-president-titled-with-state"),
    pytest.param("Jan Doe (Chile), President of the General Assembly, said the session was open.",
                 ["general-assembly"], id="assembly-president-named-with-state"),
    pytest.param("Jan Doe (Chile), President of the Assembly, said the session was open.", ["general-assembly"],
                 id="president-of-the-assembly"),
    pytest.param("General Assembly President Jan d’Escoto Roe hailed the budget.", ["general-assembly"],
                 id="particle-with-apostrophe"),
    pytest.param("The statement was delivered by Council President Jan Th. Roe (Greece):", ["GRC"],
                 id="two-letter-initial"),
    pytest.param("In a statement read out by its President for May, Jan Roe (Chile), the Council condemned the attack.",
                 ["CHL"], id="read-by-its-president-then-name"),
    pytest.param("In the statement read out by Jan Roe (Chile), Council President for June, the Council called for calm.",
                 ["CHL"], id="read-by-name-then-council-president"),
    pytest.param("In a statement read by President Jan Roe (Chile), the Council called upon the parties.", ["CHL"],
                 id="read-by-president"),
    pytest.param("In a statement read out by Council President for July, Jan Roe of Chile, the Council spoke.", ["CHL"],
                 id="read-by-name-of-state"),
    pytest.param("Turning to the budget, Peru's Vice Minister for Foreign Affairs said savings were possible.", ["PER"],
                 id="possessive-minister"),
    pytest.param("Chile's Foreign Minister told the Assembly that trade mattered.", ["CHL"], id="possessive-foreign-minister"),
    pytest.param("Even so, the representative of the European Union delegation voiced regret at the vote.",
                 ["european-union"], id="representative-of-a-delegation"),
    pytest.param("The speaker for the Russian Federation said the wording was weak.", ["RUS"], id="the-speaker-for"),
    pytest.param("Chile, said its representative, was ready to help.", ["CHL"], id="state-then-said-its-representative"),
    pytest.param("The Council adopted a statement, read out by its President Jan Roe, Minister for Foreign Affairs of "
                 "Chile.", ["CHL"], id="read-by-its-president-then-ministers-title"),
    pytest.param("In a statement read out by Jan Roe of Chile, which holds the Council's rotating presidency for the "
                 "month, the Council called for calm.", ["CHL"], id="read-by-name-of-the-state-holding-the-presidency"),
    pytest.param("The Council heard briefings by Jan Doe, the Secretary-General's Special Representative and Head of the "
                 "United Nations Mission in Liberia (UNMIL); and Ann Roe, the Head of the Liberian Red Cross in Liberia.",
                 ["united-nations-mission-in-liberia", "liberian-red-cross"], id="briefer-with-two-offices-and-an-unlisted-body"),
    pytest.param("Reviewing the year, Jan Roe, Officer-in-Charge of the Department for Disarmament Affairs, said "
                 "progress was slow.", ["department-for-disarmament-affairs"], id="officer-in-charge-of-a-un-department"),
    pytest.param("Committee Chair Jan Roe Doe (Chile), who proposed the schedule after talks with the delegations, said "
                 "the debate would run for five days.", ["CHL"], id="committee-chair-with-who-clause"),
    pytest.param("At the start of the meeting, Belarus' delegate, objecting to the text, called for a vote.", ["BLR"],
                 id="possessive-of-a-name-ending-in-s"),
    pytest.param("Peru's delegate called for a vote.  His position was echoed by Chile's representative, who decried "
                 "the text.", ["PER", "CHL"], id="position-echoed-by-a-representative"),
    pytest.param("The summit was addressed by Presidents Jan Roe of Chile, Ann Doe of Peru and Ed Poe of Fiji, as well as "
                 "Prime Ministers Li Wu of Kenya and Bo Ma of the United Kingdom.", ["CHL", "PER", "FJI", "KEN", "GBR"],
                 id="heads-of-state-list-addressing-a-summit"),
    pytest.param("The representative of Peru meanwhile called for calm.", ["PER"], id="adverb-between-speaker-and-verb"),
    pytest.param("President Jan Roe of Chile presided and spoke.\n\nJoining President Roe, whose country holds the "
                 "presidency, were Secretary-General Ann Doe, Presidents Ed Poe of Peru and Li Wu of Fiji.",
                 ["CHL", "united-nations", "PER", "FJI"], id="heads-of-state-joining-a-leader-who-spoke"),
    pytest.param("Also addressing the summit were Jan Roe, Permanent Representative of Chile, and Ann Doe, Director-"
                 "General of the World Health Organization (WHO).", ["CHL", "world-health-organization"], id="also-addressing-the-summit-were"),
    pytest.param("[Later, the representative of Peru noted that he had abstained, and the representative of Fiji noted "
                 "that he had voted in favour.]", ["PER", "FJI"], id="second-representative-in-one-sentence"),
    pytest.param("States praised the host country, with the representative of Chile citing its efforts to host refugees.",
                 ["CHL"], id="representative-with-a-participle"),
    pytest.param("The Council failed to adopt the text, with the representatives of Peru and Fiji denouncing the measure."
                 "\n\nObjecting to the draft, Fiji's representative said it was unbalanced.", ["PER", "FJI"],
                 id="delegates-named-in-passing-and-quoted-later-speak-once"),
    pytest.param("Following the presidential statement, the Secretary-General said that all should feel humbled.",
                 ["united-nations"], id="secretary-general-by-office-alone"),
    pytest.param("Secretary-General Ann Doe said the Court was ready.  The Secretary-General added that it was late.",
                 ["united-nations"], id="office-alone-after-the-holder-spoke-is-the-same-speaker"),
    pytest.param("The Council heard a statement from Secretary-General Ann Doe and briefings by the Special Envoy for "
                 "Peru, Jan Roe, and the Director-General of the World Health Organization (WHO), Ed Poe.",
                 ["united-nations", "united-nations", "world-health-organization"], id="a-statement-and-briefings-heard"),
    pytest.param("Members heard a briefing on 26 February by Jan Roe, Assistant Secretary General for Peacekeeping "
                 "Operations.", ["united-nations"], id="briefing-on-a-date-title-without-hyphen"),
    pytest.param("Jan de Roe Doe, Under-Secretary-General for Legal Affairs and United Nations Legal Counsel, emphasized "
                 "that progress was needed.", ["united-nations"], id="un-office-naming-the-un-inside-a-longer-title"),
    pytest.param("The representative of Nigeria, U. Jan Roe,said the text was weak.", ["NGA"],
                 id="name-with-an-initial-and-a-fused-comma"),
    pytest.param("The representative of Peru who introduced the draft, as orally amended, said it was fair.", ["PER"],
                 id="who-clause-without-a-comma"),
    pytest.param("The representative of France — a permanent member of the Security Council — proposed a code.", ["FRA"],
                 id="dash-aside-before-the-verb"),
    pytest.param("Mexico said the statement did not reflect the draft.", ["MEX"], id="state-named-alone-with-its-verb"),
    pytest.param("The Council must change, said President of the General Assembly Jan Roe, as he opened the debate.",
                 ["general-assembly"], id="president-of-the-general-assembly-after-the-verb"),
    pytest.param("Council President Jan Roe (Guatemala) read out a statement on behalf of the members.", ["GTM"],
                 id="council-president-read-out"),
    pytest.param("The Director of the Programme Planning and Budget Division, Jan Roe, introduced the report.",
                 ["united-nations"], id="director-of-a-secretariat-division"),
    pytest.param("The Assembly President said those Powers had assured him.", ["general-assembly"],
                 id="assembly-president-by-office-alone"),
    pytest.param("The President of the General Assembly called for unity.\n\nJan Roe (Peru), President of the Assembly's "
                 "sixty-fifth session, said terror was cowardice.", ["general-assembly"],
                 id="office-alone-before-its-holder-is-named-is-the-holder"),
    pytest.param("Explaining his vote, the speaker from the Democratic People's Republic of Korea said the code was flawed.",
                 ["PRK"], id="the-speaker-from"),
    pytest.param("Gambia's representative was among several speakers who supported the text.  Cuba's delegate was among "
                 "many decrying the resolutions.", ["GMB", "CUB"], id="was-among-the-speakers"),
    pytest.param("Following a briefing on the latest developments in Bougainville by Assistant Secretary-General for "
                 "Political Affairs Jan Roe, speakers welcomed progress.", ["united-nations"], id="a-briefing-on-a-subject-by"),
    pytest.param("According to a presidential statement read out by Jan Roe, First Deputy Prime Minister of Uganda, the "
                 "Council supported indicators presented by the Secretary-General.", ["UGA"],
                 id="presidential-statement-read-by-a-minister"),
    pytest.param("The representative of Ireland (on behalf of the European Union) said that mechanisms must be found.",
                 ["IRL"], id="group-in-parentheses-after-the-delegation"),
    pytest.param("The debate was intense, with Peru's delegate \u201ctotally\u201d rejecting the text as unwarranted.",
                 ["PER"], id="possessive-delegate-later-in-a-sentence"),
    pytest.param("Jan Roe, Special Representative of the Secretary-General, in his briefing to the Security Council this "
                 "morning, stressed that the Agreement was critical.", ["united-nations"],
                 id="adverbial-aside-is-no-title"),
    pytest.param("The Assistant Secretary-General for Political Affairs provided an update to the Council.",
                 ["united-nations"], id="assistant-secretary-general-by-office-alone"),
    pytest.param("Digital technologies are opening new domains, the United Nations High Representative for Disarmament "
                 "Affairs said today.", ["united-nations"], id="un-high-representative-by-office-alone"),
    pytest.param("Introducing the reports of the First Committee was Jan Roe (Algeria), who said the texts were balanced.",
                 ["DZA"], id="introducing-was-a-name"),
    pytest.param("\u201cWe need a resilient economy,\u201d Mr. Doe said in remarks delivered by Jan Roe, Assistant "
                 "Secretary-General for Policy Coordination and Inter-Agency Affairs in the Department of Economic and "
                 "Social Affairs.", ["department-of-economic-and-social-affairs"], id="remarks-delivered-by-an-official"),
    pytest.param("Outgoing Assembly President Jan Roe (Serbia) called for further action on global challenges.",
                 ["general-assembly"], id="outgoing-assembly-president"),
    pytest.param("Jan Roe (Nigeria), President of the seventy-fourth session of the General Assembly, said the results "
                 "were in.", ["general-assembly"], id="president-of-the-nth-session-of-the-general-assembly"),
    pytest.param("Briefing the Council, Jan Roe, Executive Director of Security Council Report, said the Council met "
                 "more often.", ["security-council-report"], id="an-ngo-whose-name-holds-the-council's"),
    pytest.param("Jan Roe (Netherlands), speaking after the adoption on behalf of the co-penholders \u2014 Kuwait, Sweden "
                 "and her own country \u2014 said the debate had shown the need.", ["NLD"],
                 id="an-aside-between-dashes-closes-the-role"),
    pytest.param("The delegates of both Uganda and of the United Kingdom referred to the bombing.  The United Kingdom "
                 "delegate also noted that many had died.", ["UGA", "GBR"],
                 id="representatives-listed-with-a-reporting-verb-each-once"),
    pytest.param("The representatives of Belgium and the United States gave statements.", ["BEL", "USA"],
                 id="representatives-listed-gave-statements"),
    pytest.param("Jan Roe (Nigeria), President of the seventy-fourth session of the General Assembly announced the "
                 "results.", ["general-assembly"], id="a-title-running-into-the-verb-without-a-comma"),
    pytest.param("Jan Roe, the Special Representative of the Secretary-General told the Council that all was well.",
                 ["united-nations"], id="an-office-running-into-the-verb-without-a-comma"),
    pytest.param("Committee Chairman Jan Roe of Cameroon, elected by the Assembly in early June, said the work was good.",
                 ["CMR"], id="title-name-of-state"),
    pytest.param("General Assembly President Jan Roe of Nicaragua declared in a statement that it was bad.",
                 ["general-assembly"], id="assembly-president-name-of-state"),
    pytest.param("Special Representative for Darfur Jan Roe of Sweden said it was good.", ["united-nations"],
                 id="un-official-name-of-state-serves-no-state"),
    pytest.param("Council members also heard several briefings, including from the Under-Secretary-General for "
                 "Political Affairs and the Special Envoy of the African Union.", ["united-nations", "african-union"],
                 id="briefings-including-from"),
    pytest.param("The Council heard a briefing from the senior United Nations official responsible for gender equality.",
                 ["united-nations"], id="a-un-official-by-office-without-a-title-word"),
    pytest.param("The reviews offered an opportunity, said Jan Roe, Executive Director of Security Council Report, "
                 "especially for consultations among the Council, the Secretariat and troop contributors.",
                 ["security-council-report"], id="an-adverb-after-the-title-ends-it"),
    # A delegation named by its capital or by the adjective of its nationality, before a delegate's title.
    pytest.param("Pyongyang's representative said the resolution was driven by politics.", ["PRK"],
                 id="capital-possessive-representative"),
    pytest.param("Kyiv’s Permanent Representative said the strikes on the plant had to stop.", ["UKR"],
                 id="capital-possessive-permanent-representative"),
    pytest.param("The Iranian delegate said the text was unbalanced.", ["IRN"], id="demonym-delegate"),
    pytest.param("Rejecting the draft, the Syrian representative added that it ignored the facts.", ["SYR"],
                 id="lead-in-then-demonym-representative"),
    pytest.param("“The embargo must end,” said the Cuban delegate.", ["CUB"], id="demonym-after-the-verb"),
    pytest.param("The representative of Ukraine said the attacks had to stop.  The Russian counterpart said the "
                 "nationalists were to blame.", ["UKR", "RUS"], id="demonym-counterpart-with-a-verb"),
    pytest.param("The representative of Egypt said the talks had stalled, while the Israeli representative said they "
                 "went on.", ["EGY", "ISR"], id="demonym-representative-after-a-joint"),
    pytest.param("The Palestinian observer said the settlements were illegal.", ["PSE"], id="demonym-of-an-observer-state"),
    pytest.param("Slovakia's delegate praised the Chinese delegation for its work.  The Chinese delegation voted in "
                 "favour.", ["SVK"], id="a-demonym-delegation-is-no-speaker"),
]


@pytest.mark.parametrize(("paragraph", "delegations"), NARRATIVE_FORMS)
def test_narrative_forms(paragraph: str, delegations: list[str]) -> None:
    _, statements, _ = _narrative(paragraph)
    assert [s.delegation.key for s in statements] == delegations


@pytest.mark.parametrize("paragraph", NOT_NARRATIVE)
def test_not_narrative_speakers(paragraph: str) -> None:
    _, statements, _ = _narrative(paragraph)
    assert statements == []


def test_narrative_statement_runs_to_the_next_introduction() -> None:
    source, statements, _ = _narrative(
        "The representative of Kenya said that the representative of Uganda, speaking for the African Group, had "
        "agreed.  The representative of Japan said the text was fair.")
    assert [source.text[s.start:s.end] for s in statements] == [
        "The representative of Kenya said that the representative of Uganda, speaking for the African Group, had agreed.",
        "The representative of Japan said the text was fair."]


def test_narrative_continuations_attach_to_the_speaker() -> None:
    source, statements, _ = _narrative(
        "The representative of Algeria said his delegation had abstained.", "He added that the text was flawed.",
        "“We cannot wait,” he said.", "The Council then adjourned.", "She said nothing more.")
    assert [source.text[s.start:s.end] for s in statements] == [
        "The representative of Algeria said his delegation had abstained.\n\nHe added that the text was flawed."
        "\n\n“We cannot wait,” he said."]


def test_continuation_ends_before_the_next_speaker_in_its_paragraph() -> None:
    source, statements, _ = _narrative(
        "Secretary-General Kofi Annan said the Court was ready.",
        "He said time was short.  Also speaking, the representative of Brazil said the Court mattered.")
    assert [source.text[s.start:s.end] for s in statements] == [
        "Secretary-General Kofi Annan said the Court was ready.\n\nHe said time was short.",
        "Also speaking, the representative of Brazil said the Court mattered."]


def test_wrapped_lines_and_exact_offsets() -> None:
    source, statements, _ = _narrative("The Council agreed.  Also speaking, the representative\nof Brazil said the Court"
                                       "\nmattered.")
    (statement,) = statements
    assert source.text[statement.speaker.start:statement.speaker.end] == "the representative\nof Brazil"
    assert source.text[statement.delegation_start:statement.delegation_end] == "Brazil"
    assert source.text[statement.start:statement.end] == "Also speaking, the representative\nof Brazil said the Court\nmattered."


def test_house_style_turns_keep_the_summary_unread() -> None:
    text = ("9000th Meeting (AM)\nSC/16000\n\nHeadline\n\nThe representative of Kenya said the text was weak.\n\n"
            "Statements\n\nJOHN DOE (Chile) said one.\n")
    source = decode_source(text.encode("utf-8"), "t.txt")
    statements, _ = extract_statements(source, segment(source), gazetteer())
    assert [s.delegation.key for s in statements] == ["CHL"]


def test_sections_without_house_style_turns_are_read_as_narrative() -> None:
    text = ("9000th Meeting (AM)\nSC/16000\n\nHeadline\n\nThe representative of Kenya said the text was weak.\n\n"
            "Statements\n\nRohan Perera (Sri Lanka) said the draft was near.\n")
    source = decode_source(text.encode("utf-8"), "t.txt")
    statements, _ = extract_statements(source, segment(source), gazetteer())
    assert [(s.section, s.delegation.key) for s in statements] == [("Summary", "KEN"), ("Statements", "LKA")]


def test_house_style_name_in_a_release_without_headings() -> None:
    source, statements, _ = _narrative("TEKEDA ALEMU (Ethiopia) said that the sale of migrants was despicable.")
    assert [(s.speaker.printed_name, s.delegation.key) for s in statements] == [("TEKEDA ALEMU", "ETH")]


def _with_headline(sub_headline: str, *paragraphs: str):
    text = ("4567th Meeting (AM)\nSC/7890\n\nCOUNCIL ADOPTS TEXT ON SANCTIONS\n\n" + sub_headline + "\n\n"
            + "\n\n".join(paragraphs) + "\n")
    source = decode_source(text.encode("utf-8"), "t.txt")
    return source, extract_statements(source, segment(source), gazetteer())[0]


def test_a_delegation_the_sub_headline_quotes_speaks_once() -> None:
    source, statements = _with_headline(
        "Resolution 1172 (1998) Unanimously Adopted; Pakistan Says Text Ignores Its Concerns",
        "The Security Council today adopted resolution 1172 (1998).")
    assert [(s.delegation.key, source.text[s.start:s.end]) for s in statements] == [
        ("PAK", "Pakistan Says Text Ignores Its Concerns")]
    # Quoted again in the body: the body's statement is the one kept.
    source, statements = _with_headline(
        "Text Adopted; Syria's Speaker Denounces Resolution as Unbalanced",
        "The Council today adopted the text.  The representative of Syria said it was unbalanced.")
    assert [(s.delegation.key, source.text[s.start:s.end]) for s in statements] == [
        ("SYR", "The representative of Syria said it was unbalanced.")]


def test_a_delegation_a_headline_names_by_its_capital_speaks_once() -> None:
    source, statements = _with_headline(
        "Kyiv’s Permanent Representative Condemns Moscow’s ‘Nuclear Blackmail’",
        "The Council met today.  The representative of Ukraine said the strikes had to stop.")
    assert [(s.delegation.key, source.text[s.start:s.end]) for s in statements] == [
        ("UKR", "The representative of Ukraine said the strikes had to stop.")]


HEADLINE_LISTS = [
    pytest.param("'Unique Opportunity' Says Assembly President, Guinea-Bissau, Rwanda, Haiti, Georgia Address Assembly",
                 ["GNB", "RWA", "HTI", "GEO"], id="states-listed-address-the-assembly"),
    pytest.param("Kenya, Peru and Chile Speak on Draft; Sudan Says Text Fails", ["KEN", "PER", "CHL", "SDN"],
                 id="list-then-a-single-speaker"),
    pytest.param("Peace in Kenya, Peru and Chile Addressed by Council", [], id="states-as-subject-matter"),
    pytest.param("Kenya Addresses Refugee Crisis", [], id="one-state-no-list"),
    pytest.param("Secretary-General Briefs on Political, Security, Humanitarian Situations", ["united-nations"],
                 id="the-secretary-general-briefs"),
    pytest.param("Secretary-General Expresses Hope for Peace", [], id="the-secretary-generals-words-from-elsewhere"),
    # A capital or an adjective of nationality, with a delegate's title before the verb.
    pytest.param("Kyiv’s Permanent Representative Condemns Moscow’s ‘Nuclear Blackmail’, Russian Counterpart Says "
                 "Nationalists to Blame", ["UKR", "RUS"], id="capital-and-demonym-with-their-titles"),
    pytest.param("World Learns More about Rulers, Kabul Representative Says, as Speakers Demand End to Ties",
                 ["AFG"], id="capital-with-a-title-after-a-comma"),
    pytest.param("Administration Speaks with Voice of Predecessors, Cuban Foreign Minister Says", ["CUB"],
                 id="demonym-foreign-minister"),
    pytest.param("Ukraine’s Permanent Representative Condemns Strikes", ["UKR"], id="state-permanent-representative"),
    pytest.param("Moscow’s ‘Nuclear Blackmail’ Condemned by Members", [], id="capital-possessive-without-a-title"),
    pytest.param("Kyiv Says Strikes Must End", [], id="capital-without-a-title"),
    pytest.param("Russian Federation Tells Council Strikes Must End", ["RUS"], id="the-states-name-not-a-demonym"),
    pytest.param("Council Condemns Attack in Kabul", [], id="a-capital-as-a-place"),
]


@pytest.mark.parametrize(("sub_headline", "delegations"), HEADLINE_LISTS)
def test_states_a_headline_lists_as_speaking(sub_headline: str, delegations: list[str]) -> None:
    _, statements = _with_headline(sub_headline, "The Assembly concluded its general debate this afternoon.")
    assert [s.delegation.key for s in statements] == delegations


CUT_TEXTS = [
    pytest.param("The United Kingdom's representative, welcoming the resol", ["GBR"], id="cut-in-a-participle-clause"),
    pytest.param("Canada's representative, w", ["CAN"], id="cut-after-the-first-letter"),
    pytest.param("The representative of El Salvador, also speaking for Colombia, Italy and Mexi", ["SLV"],
                 id="cut-in-the-groups-spoken-for"),
    pytest.param("Last Thursday, Secretary-General Jan Roe, who was present at today's", [], id="who-clause-reports-nothing"),
]


@pytest.mark.parametrize(("last_line", "delegations"), CUT_TEXTS)
def test_a_text_cut_inside_the_clause_after_the_speaker(last_line: str, delegations: list[str]) -> None:
    # Single newlines, as pages are copied; the text stops before the verb.
    text = "4567th Meeting (AM)\nSC/7890\nHEADLINE\nThe Security Council met today to discuss the region.\n" + last_line
    source = decode_source(text.encode("utf-8"), "t.txt")
    statements = extract_statements(source, segment(source), gazetteer())[0]
    assert [s.delegation.key for s in statements] == delegations


def test_the_groups_spoken_for_in_a_cut_text_are_alignments() -> None:
    text = ("4567th Meeting (AM)\nSC/7890\nHEADLINE\nThe Security Council met today to discuss the region.\n"
            "The representative of El Salvador, also speaking for Colombia, Italy and Mexi")
    release = extract_press_release(decode_source(text.encode("utf-8"), "t.txt"))
    assert [(a.kind, a.target.key) for a in release.alignments] == [("on-behalf-of", "COL"), ("on-behalf-of", "ITA")]


def test_a_headline_office_is_not_replaced_by_another_official_of_its_organisation() -> None:
    source, statements = _with_headline(
        "Secretary-General Briefs on Political, Security Situations",
        "The Council heard a briefing by the Under-Secretary-General for Political Affairs.")
    assert [s.speaker.name for s in statements] == ["Secretary-General", "Under-Secretary-General for Political Affairs"]
    # The body quotes the Secretary-General himself: the body's statement is the one kept.
    source, statements = _with_headline(
        "Secretary-General Briefs on Political, Security Situations",
        "Secretary-General Jan Roe said the situation was grave.")
    assert [s.speaker.name for s in statements] == ["Jan Roe"]


def test_capitals_and_demonyms_outside_speaker_forms_name_no_state() -> None:
    text = ("4567th Meeting (AM)\nSC/7890\n\nCOUNCIL CONDEMNS ATTACK IN KABUL\n\nThe Council condemned the attack in "
            "Kabul and Moscow's decision.  The Iranian people, Russian forces and the Chinese delegation were named.  "
            "Kabul said the toll was rising.\n\nThe representative of Kenya said the attack in Kabul was grave.\n")
    release = extract_press_release(decode_source(text.encode("utf-8"), "t.txt"))
    named = ({s.delegation.key for s in release.statements} | {a.target.key for a in release.alignments}
             | {m.entity.key for m in release.mentions})
    assert "KEN" in named and not {"AFG", "RUS", "IRN", "CHN"} & named
