"""Alignments: associating, aligning, speaking on behalf of, co-sponsoring."""

from __future__ import annotations

import pytest

from councilgraph.extract.alignments import extract_alignments
from councilgraph.extract.gazetteer import gazetteer
from councilgraph.extract.read import decode_source
from councilgraph.extract.segment import segment
from councilgraph.extract.statements import extract_statements


def _alignments(paragraph: str):
    text = "9000th Meeting (AM)\nSC/16000\n\nHeadline\n\nSummary.\n\nStatements\n\n" + paragraph + "\n"
    source = decode_source(text.encode("utf-8"), "t.txt")
    statements, _ = extract_statements(source, segment(source), gazetteer())
    return source, extract_alignments(source, statements, gazetteer())


def _key(alignment) -> str:
    return alignment.target.key if alignment.target is not None else alignment.document.symbol


# (statement paragraph, [(kind, target key)])
CASES = [
    pytest.param("ANNE GUEGUEN (France), associating herself with the European Union, said.",
                 [("associating", "european-union")], id="associating"),
    pytest.param("IRINA SCHOULGIN-NYONI (Sweden), aligning herself with the statement to be made by the European Union "
                 "and the Nordic countries, said.", [("aligning", "european-union"), ("aligning", "nordic-countries")],
                 id="aligning-two-targets"),
    pytest.param("MINNA-LIINA LIND (Estonia), speaking for Latvia and Lithuania, aligned herself with the statement to be "
                 "made by the European Union.", [("on-behalf-of", "LVA"), ("on-behalf-of", "LTU"),
                                                  ("aligning", "european-union")], id="speaking-for-two-states"),
    pytest.param("The representative of Canada, speaking for a group of States and the European Union, said more was due.",
                 [("on-behalf-of", "european-union")], id="unnamed-group-then-named-group"),
    pytest.param("The representative of Ireland, speaking on behalf of 78 countries and the European Union, stressed it.",
                 [("on-behalf-of", "european-union")], id="counted-countries-then-named-group"),
    pytest.param("TORE HATTREM (Norway), speaking on behalf of the Nordic Countries, said.",
                 [("on-behalf-of", "nordic-countries")], id="on-behalf-of"),
    pytest.param("JAN KICKERT (Austria), aligning him with the European Union, welcomed it.",
                 [("aligning", "european-union")], id="typo-aligning-him"),
    pytest.param("ANA PÉREZ (Cuba), speaking on behalf of the Group of 77 and China, said.",
                 [("on-behalf-of", "group-of-77-and-china")], id="g77-and-china-is-one-target"),
    pytest.param('ANA PÉREZ (Cuba), speaking on behalf of the "Group of 77" developing countries and China, said.',
                 [("on-behalf-of", "group-of-77-and-china")], id="group-name-in-quotes"),
    pytest.param("RAHMAN KHAN (Bangladesh), associating himself with the Group of 77 and China and the Group of Least "
                 "Developed Countries, said.", [("associating", "group-of-77-and-china"),
                                                ("associating", "least-developed-countries")], id="two-groups"),
    pytest.param("BRIAN FLYNN (Ireland), associating himself with the European Union and noting that his country was a "
                 "co\u2011sponsor of resolution 2388 (2017), said.",
                 [("associating", "european-union"), ("co-sponsoring", "S/RES/2388 (2017)")], id="co-sponsor"),
    pytest.param("LARS BERG (Finland) said his delegation had co-sponsored resolution 2417\u00a0(2018).",
                 [("co-sponsoring", "S/RES/2417 (2018)")], id="co-sponsored-with-nbsp"),
    pytest.param("SAMUEL MONCADA (Venezuela), speaking for the Non\u2011Aligned Movement, said.",
                 [("on-behalf-of", "non-aligned-movement")], id="nam-nonbreaking-hyphen"),
    pytest.param("KAHA IMNADZE (Georgia) said that the crimes were associated with ISIL and aligned with Al-Qaida.",
                 [], id="associated-with-is-not-an-alignment"),
    pytest.param("JOHN DOE (Chile), speaking for the first time, said.", [], id="speaking-for-no-target"),
    pytest.param("JOHN DOE (Chile), speaking on behalf of the Group of Friends of Mediation, said.",
                 [("on-behalf-of", "group-of-friends-of-mediation")], id="unknown-group"),
    pytest.param("ANA ROSE (Barbados), speaking on behalf of the Caribbean Community (CARICOM) and the Alliance of Small "
                 "Island States, said.", [("on-behalf-of", "caribbean-community"),
                                          ("on-behalf-of", "alliance-of-small-island-states")], id="acronym-in-list"),
    pytest.param("ISAAC OKO (Nigeria), associating himself with the African Group, as well as with the Non-Aligned "
                 "Movement, said.", [("associating", "african-group"), ("associating", "non-aligned-movement")],
                 id="as-well-as-with"),
    pytest.param("LI WEI (Singapore), aligning himself with the statement delivered by the representative of Cuba on "
                 "behalf of the Group of 77 and China, and with that of Barbados on behalf of CARICOM, said.",
                 [("aligning", "group-of-77-and-china"), ("aligning", "caribbean-community")],
                 id="statement-by-a-state-for-a-group"),
    pytest.param("MOHAMED ALI (Egypt) said that, as the representative of Cuba, speaking on behalf of the Group of 77 "
                 "and China, had noted, debt was crushing.", [], id="someone-elses-behalf-later-in-sentence"),
    pytest.param("PIERRE DUPONT (France) said so.  Last year he had called, speaking for France and Germany, for calm.",
                 [], id="speaking-for-outside-opening-clause"),
    pytest.param("PIERRE DUPONT (France) said so.  He also aligned himself with the European Union.",
                 [("aligning", "european-union")], id="he-aligned-himself-later"),
    pytest.param("JOHN DOE (Chile) said his country was not a co-sponsor of resolution 2712 (2023).", [],
                 id="not-a-co-sponsor"),
    pytest.param("JOHN DOE (Chile) thanked the co-sponsors of resolution 2467 (2019).", [], id="thanked-co-sponsors"),
    pytest.param("JOHN DOE (Chile) said his country was a co-sponsor of resolution 2331 (2661).",
                 [("co-sponsoring", "S/RES/2331 (2016)")], id="co-sponsor-year-typo-corrected"),
    pytest.param("JUAN GIL (Spain), speaking also on behalf of Venezuela (Bolivarian Republic of) and Bolivia "
                 "(Plurinational State of), said.", [("on-behalf-of", "VEN"), ("on-behalf-of", "BOL")],
                 id="un-list-names"),
]


@pytest.mark.parametrize(("paragraph", "expected"), CASES)
def test_alignment_forms(paragraph: str, expected) -> None:
    _, alignments = _alignments(paragraph)
    assert [(a.kind, _key(a)) for a in alignments] == expected


def test_alignment_evidence_is_the_supporting_words() -> None:
    source, alignments = _alignments("ANNE GUEGUEN (France), associating herself with the European Union, said.")
    (alignment,) = alignments
    assert source.text[alignment.start:alignment.end] == "associating herself with the European Union"
    assert source.text[alignment.target_start:alignment.target_end] == "European Union"


SEED_ALIGNMENTS = [
    ("SWE", "aligning", "european-union"), ("SWE", "aligning", "nordic-countries"),
    ("FRA", "associating", "european-union"), ("EGY", "associating", "non-aligned-movement"),
    ("VEN", "on-behalf-of", "non-aligned-movement"), ("IRL", "associating", "european-union"),
    ("IRL", "co-sponsoring", "S/RES/2388 (2017)"), ("IRN", "associating", "non-aligned-movement"),
    ("EST", "on-behalf-of", "LVA"), ("EST", "on-behalf-of", "LTU"), ("EST", "aligning", "european-union"),
    ("BEL", "associating", "european-union"), ("SVK", "associating", "european-union"),
    ("DEU", "associating", "european-union"), ("NOR", "on-behalf-of", "nordic-countries"),
    ("AUT", "aligning", "european-union"), ("GEO", "aligning", "european-union"),
    ("BGR", "associating", "european-union"), ("KWT", "associating", "non-aligned-movement"),
]


def test_seed_has_the_18_alignments_and_the_co_sponsorship(seed) -> None:
    _, release = seed
    delegation = {s.order: s.delegation.key for s in release.statements}
    got = [(delegation[a.statement], a.kind, _key(a)) for a in release.alignments]
    assert got == SEED_ALIGNMENTS
    assert sum(1 for a in release.alignments if a.kind != "co-sponsoring") == 18


def _narrative_alignments(paragraph: str):
    """A release without headings: its speakers are read in running text."""
    text = "4567th Meeting (AM)\nSC/7890\n\nHEADLINE\n\nThe Council met today.  " + paragraph + "\n"
    source = decode_source(text.encode("utf-8"), "t.txt")
    statements, _ = extract_statements(source, segment(source), gazetteer())
    return [(s.delegation.key, a.kind, _key(a)) for s in statements
            for a in extract_alignments(source, statements, gazetteer()) if a.statement == s.order]


NARRATIVE_CASES = [
    pytest.param("Statements were made by the representatives of Haiti, Italy, on behalf of the European Community, "
                 "and Chile.", [("ITA", "on-behalf-of", "european-community")], id="roll-call-group-between-commas"),
    pytest.param("Speaking on behalf of the Group of 77 and China, the representative of South Africa said debt "
                 "mattered.", [("ZAF", "on-behalf-of", "group-of-77-and-china")], id="lead-in-on-behalf-of"),
    pytest.param("The representative of Norway, speaking on behalf of the Nordic Countries, said aid mattered.",
                 [("NOR", "on-behalf-of", "nordic-countries")], id="on-behalf-of-after-delegation"),
    pytest.param("Kenya's representative, associating himself with the African Group, said the region was ready.",
                 [("KEN", "associating", "african-group")], id="possessive-associating"),
    pytest.param("Gunnar Lind (Sweden), aligning himself with the European Union, said the text was fair.  "
                 "The representative of Cuba said the text was unfair.", [("SWE", "aligning", "european-union")],
                 id="alignment-stays-with-its-speaker"),
    pytest.param("The representative of Egypt said that the representative of Cuba, speaking on behalf of the Group "
                 "of 77 and China, had noted the debt.", [], id="someone-elses-behalf"),
    pytest.param("Other speakers were the representatives of Peru, Finland (on behalf of the European Union) and Chile.",
                 [("FIN", "on-behalf-of", "european-union")], id="roll-call-group-in-parentheses"),
    pytest.param("The representative of France said so.  He also associated himself with the European Union.",
                 [("FRA", "associating", "european-union")], id="he-associated-himself-later"),
    pytest.param("After the debate that followed, the representative of Chile, speaking on behalf of the Rio Group, said "
                 "aid mattered.", [("CHL", "on-behalf-of", "rio-group")], id="on-behalf-of-after-a-that-clause"),
    pytest.param("For the European Union and associated States, the representative of Austria told the Assembly so.",
                 [("AUT", "on-behalf-of", "european-union")], id="for-group-opening-the-sentence"),
    pytest.param("Trade, noted Chile's representative, was key.  Speaking on behalf of the Rio Group, he said aid "
                 "mattered.", [("CHL", "on-behalf-of", "rio-group")], id="speaking-for-in-a-later-sentence"),
    pytest.param("The representative of Chile said so.  Speaking on behalf of the Rio Group, Peru had disagreed.",
                 [], id="later-speaking-for-of-someone-else"),
    pytest.param("For the first time, the representative of Chile said so.", [], id="for-without-a-group"),
    pytest.param("Speaking on behalf of the African Group, Kenya's representative said aid mattered.",
                 [("KEN", "on-behalf-of", "african-group")], id="group-list-stops-at-the-speaker"),
    pytest.param("Presenting the report on behalf of the European Union, Austria's representative said aid mattered.",
                 [("AUT", "on-behalf-of", "european-union")], id="on-behalf-of-in-another-lead-in"),
    pytest.param("Tabling the text on behalf of the 10 elected Council members, the representative of Malta stressed "
                 "unity.", [("MLT", "on-behalf-of", "elected-members-of-the-security-council")],
                 id="elected-members-by-number"),
    pytest.param("The draft, introduced by the representative of Malta on behalf of the ten elected members of the "
                 "Council, failed.", [("MLT", "on-behalf-of", "elected-members-of-the-security-council")],
                 id="on-behalf-of-right-after-the-introducer"),
    pytest.param("The representative of Chile said Peru had acted on behalf of the Rio Group.", [],
                 id="on-behalf-of-in-reported-words"),
    pytest.param("The Rio Group — Chile, Peru and Uruguay — was united, said Chile's delegate, on debt.",
                 [("CHL", "on-behalf-of", "rio-group")], id="group-with-members-then-inverted-speaker"),
    pytest.param("The Rio Group — Peru and Uruguay — was divided, said Chile's delegate, on debt.", [],
                 id="group-without-the-speaker-among-its-members"),
    pytest.param("The Rio Group was united, said Chile's delegate, on debt.", [], id="group-without-members-printed"),
    pytest.param("Peru's delegate called for a vote.  His position was reiterated by Chile's representative on behalf "
                 "of the Non-Aligned Movement, who decried the text.", [("CHL", "on-behalf-of", "non-aligned-movement")],
                 id="reiterated-by-a-representative-on-behalf-of"),
    pytest.param("Malta's representative, speaking for the elected Council members, stressed unity.",
                 [("MLT", "on-behalf-of", "elected-members-of-the-security-council")],
                 id="elected-council-members-without-a-number"),
    pytest.param("Malta's representative, speaking for the elected members, stressed unity.", [],
                 id="elected-members-of-no-named-body"),
]


@pytest.mark.parametrize(("paragraph", "expected"), NARRATIVE_CASES)
def test_alignments_of_narrative_statements(paragraph: str, expected) -> None:
    assert _narrative_alignments(paragraph) == expected
