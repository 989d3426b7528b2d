"""Adoption and votes, in releases and in resolution files."""

from __future__ import annotations

import pytest

from councilgraph.extract.gazetteer import gazetteer
from councilgraph.extract.records import DocumentRef
from councilgraph.extract.votes import votes_in_release, votes_in_resolution_file


def _votes(summary: str):
    text = summary
    return votes_in_release(text, [(0, len(text))], 9000, gazetteer())


def _row(vote):
    return (vote.document.symbol or vote.document.kind, vote.adopted, vote.unanimous, vote.in_favour, vote.against,
            vote.abstentions, [s.key for s in vote.against_states], [s.key for s in vote.abstaining_states],
            [s.key for s in vote.vetoed_by])


CASES = [
    pytest.param("Unanimously adopting resolution 2388 (2017), the Council condemned trafficking.",
                 [("S/RES/2388 (2017)", True, True, 15, 0, 0, [], [], [])], id="unanimous"),
    pytest.param("The Council adopted resolution 2401 (2018) by a vote of 13 in favour to none against, with 2 "
                 "abstentions (China, Russian Federation).",
                 [("S/RES/2401 (2018)", True, False, 13, 0, 2, [], ["CHN", "RUS"], [])], id="vote-with-abstentions"),
    pytest.param("The Council failed to adopt a draft resolution owing to the negative vote of a permanent member.  "
                 "The draft received 11 votes in favour to 2 against (China, Russian Federation), with 2 "
                 "abstentions (India, Kazakhstan).",
                 [("draft", False, False, 11, 2, 2, ["CHN", "RUS"], ["IND", "KAZ"], ["CHN", "RUS"])],
                 id="double-veto"),
    pytest.param("The Assembly adopted draft resolution A/64/L.12 by a recorded vote of 122 in favour to 3 against "
                 "(Israel, Nauru, United States), with 8 abstentions (Australia, Canada, Fiji, Georgia, Mexico, "
                 "Panama, Tonga, Ukraine).",
                 [("A/64/L.12", True, False, 122, 3, 8, ["ISR", "NRU", "USA"],
                   ["AUS", "CAN", "FJI", "GEO", "MEX", "PAN", "TON", "UKR"], [])], id="ga-recorded-vote"),
    pytest.param("Speakers discussed resolution 2331 (2016) at length.", [], id="no-action"),
    pytest.param("Security Council Adopts Resolution 2700 (2023) on Haiti.  The Security Council today unanimously "
                 "adopted resolution 2700 (2023).", [("S/RES/2700 (2023)", True, True, 15, 0, 0, [], [], [])],
                 id="headline-then-unanimous-summary"),
    pytest.param("The Assembly today unanimously adopted resolution 2716 (2023), which regulates the use of the veto.",
                 [("S/RES/2716 (2023)", True, True, 15, 0, 0, [], [], [])], id="veto-as-subject"),
    pytest.param("Recalling resolution 2231 (2015), the Council today adopted resolution 2713 (2023) by 14 votes to "
                 "none, with 1 abstention (Russian Federation), despite unanimous support for its aims.",
                 [("S/RES/2713 (2023)", True, False, 14, 0, 1, [], ["RUS"], [])], id="cited-before-the-verb"),
]


@pytest.mark.parametrize(("summary", "expected"), CASES)
def test_votes_in_releases(summary: str, expected) -> None:
    assert [_row(v) for v in _votes(summary)] == expected


def _release_votes(paragraphs: list[str], council: bool):
    text, spans = "", []
    for paragraph in paragraphs:
        spans.append((len(text), len(text) + len(paragraph)))
        text += paragraph + "\n\n"
    return votes_in_release(text, spans, 9000, gazetteer(), security_council=council)


def _outcome(vote):
    """(text, adopted, unanimous, without a vote, in favour, against, abstentions, against, abstaining, vetoed)"""
    return (vote.document.symbol or vote.document.kind, vote.adopted, vote.unanimous, vote.without_vote,
            vote.in_favour, vote.against, vote.abstentions, [s.key for s in vote.against_states],
            [s.key for s in vote.abstaining_states], [s.key for s in vote.vetoed_by])


UNANIMOUS = ("In a unanimous vote, the Security Council today extended the mandate of the Mission until 31 March "
             "2007 by adopting resolution 1656 (2006).")
COUNCIL_CASES = [
    pytest.param([UNANIMOUS], [("S/RES/1656 (2006)", True, True, False, 15, 0, 0, [], [], [])],
                 id="in-a-unanimous-vote"),
    pytest.param(["Acting unanimously under Chapter VII of the Charter, the Council this afternoon renewed the "
                  "sanctions regime, adopting resolution 1807 (2008)."],
                 [("S/RES/1807 (2008)", True, True, False, 15, 0, 0, [], [], [])], id="acting-unanimously"),
    pytest.param(["The Council today condemned all acts of terrorism by adopting resolution 1566 by consensus."],
                 [("S/RES/1566 (2004)", True, False, True, None, None, None, [], [], [])],
                 id="number-without-year-by-consensus"),
    pytest.param(["The Council adopted resolution 1373 unanimously."],
                 [("S/RES/1373 (2001)", True, True, False, 15, 0, 0, [], [], [])], id="number-without-year"),
    pytest.param([UNANIMOUS + "  Speaking after the text was adopted unanimously, the representative of France "
                  "welcomed it."], [("S/RES/1656 (2006)", True, True, False, 15, 0, 0, [], [], [])],
                 id="the-text-is-the-resolution-named"),
    pytest.param(["The Security Council this morning unanimously adopted its annual report to the General Assembly, "
                  "covering the period from 1 August 2012 to 31 July 2013."],
                 [("draft", True, True, False, 15, 0, 0, [], [], [])], id="annual-report-adopted"),
    pytest.param(["Members discussed the report of the Secretary-General adopted by the Commission last year."], [],
                 id="report-mentioned-is-no-action"),
    pytest.param(["The draft resolution was defeated by a vote of 10 in favour to 1 against (United States), with 4 "
                  "abstentions (Brazil, China, Russian Federation, South Africa)."],
                 [("draft", False, False, False, 10, 1, 4, ["USA"], ["BRA", "CHN", "RUS", "ZAF"], ["USA"])],
                 id="defeated"),
    pytest.param(["Submitted by Algeria, the draft failed to be adopted, 14 in favour to 1 against (United States)."],
                 [("draft", False, False, False, 14, 1, 0, ["USA"], [], ["USA"])], id="failed-to-be-adopted"),
    pytest.param(["The text was rejected by a vote of 4 in favour to 2 against (United Kingdom, United States), with "
                  "9 abstentions."], [("draft", False, False, False, 4, 2, 9, ["GBR", "USA"], [], [])],
                 id="rejected-without-the-votes-to-pass-is-no-veto"),
    pytest.param(["A draft resolution tabled by the Russian Federation did not obtain the required number of votes, "
                  "receiving 5 votes in favour to 4 against (France, Japan, United Kingdom, United States), with 6 "
                  "abstentions."], [("draft", False, False, False, 5, 4, 6, ["FRA", "JPN", "GBR", "USA"], [], [])],
                 id="required-number-of-votes"),
    pytest.param(["The draft failed to pass owing to the negative vote of the United States, a permanent member.  "
                  "It received 13 votes in favour to 1 against, with 1 abstention (United Kingdom)."],
                 [("draft", False, False, False, 13, 1, 1, [], ["GBR"], ["USA"])], id="negative-vote-of-named"),
    pytest.param(["The Council failed to adopt a draft resolution owing to the negative votes of China and the "
                  "Russian Federation."], [("draft", False, False, False, None, None, None, [], [], ["CHN", "RUS"])],
                 id="negative-votes-of-two"),
    pytest.param(["A draft resolution tabled by the United States failed to be adopted, receiving 10 votes in favour "
                  "to 3 against (Algeria, China, Russian Federation), with 2 abstentions.  A second draft, tabled by "
                  "the Russian Federation, was rejected, with 4 in favour to 2 against (United Kingdom, United States) "
                  "and 9 abstentions."],
                 [("draft", False, False, False, 10, 3, 2, ["DZA", "CHN", "RUS"], [], ["CHN", "RUS"]),
                  ("draft", False, False, False, 4, 2, 9, ["GBR", "USA"], [], [])], id="two-failed-drafts"),
    pytest.param(["The Council failed to adopt a draft resolution owing to the negative vote of the Russian "
                  "Federation.  It then adopted the text tabled by Brazil by 12 votes to none, with 3 abstentions."],
                 [("draft", False, False, False, None, None, None, [], [], ["RUS"]),
                  ("draft", True, False, False, 12, 0, 3, [], [], [])], id="adopted-after-a-failed-draft"),
    # An amendment put to the vote is an action on a text of its own (it was refused as no draft before).
    pytest.param(["An amendment proposed by the Russian Federation was rejected by a vote of 4 in favour to 8 "
                  "against, with 3 abstentions."], [("draft", False, False, False, 4, 8, 3, [], [], [])],
                 id="amendment-rejected-is-an-action"),
    pytest.param(["By a vote of 5 in favour (China, Russian Federation, Mozambique, Algeria, Guyana) to 2 against "
                  "(United Kingdom, United States), with 8 abstentions, the Council rejected the oral amendment."],
                 [("draft", False, False, False, 5, 2, 8, ["GBR", "USA"], [], [])],
                 id="counts-first-then-rejected-the-amendment"),
    pytest.param(["The motion to adjourn the debate on the draft resolution was rejected by a vote of 4 in favour to 9 "
                  "against, with 2 abstentions."], [("motion", False, False, False, 4, 9, 2, [], [], [])],
                 id="a-procedural-motion-is-a-vote-on-no-text-and-no-veto"),
    pytest.param(["The provisional agenda failed to be adopted by a vote of none against to 6 in favour, with 9 "
                  "abstentions."], [("motion", False, False, False, 6, 0, 9, [], [], [])], id="vote-on-the-agenda"),
    pytest.param(["Terrorism would be defeated, he said, and the group was defeated by the army last year."], [],
                 id="defeated-without-a-text"),
    # Counts are written with any joint and in any order, each named by its word.
    pytest.param(["The Council adopted resolution 2455 (2019) by a vote of 12 in favour, none against with 3 "
                  "abstentions (Bolivia, China, Russian Federation)."],
                 [("S/RES/2455 (2019)", True, False, False, 12, 0, 3, [], ["BOL", "CHN", "RUS"], [])],
                 id="counts-joined-by-commas"),
    pytest.param(["The Council adopted resolution 2460 (2019) by 13 in favour, 0 against and 2 abstentions (China, "
                  "Russian Federation)."],
                 [("S/RES/2460 (2019)", True, False, False, 13, 0, 2, [], ["CHN", "RUS"], [])],
                 id="counts-joined-by-and"),
    pytest.param(["The draft resolution failed to be adopted, receiving 9 affirmative votes, four abstentions (Brazil, "
                  "India, Kenya, Mexico), and two negative votes (China, Russian Federation)."],
                 [("draft", False, False, False, 9, 2, 4, ["CHN", "RUS"], ["BRA", "IND", "KEN", "MEX"],
                   ["CHN", "RUS"])], id="affirmative-abstentions-negative-in-any-order"),
    pytest.param(["The draft was rejected by 5 votes in favour (China, Gabon, Mozambique, Russian Federation, Viet "
                  "Nam) to 8 against (Albania, Ecuador, France, Japan, Malta, Switzerland, United Kingdom, United "
                  "States), with 2 abstaining (Ghana, India)."],
                 [("draft", False, False, False, 5, 8, 2, ["ALB", "ECU", "FRA", "JPN", "MLT", "CHE", "GBR", "USA"],
                   ["GHA", "IND"], [])], id="states-listed-after-the-favour-count"),
    pytest.param(["Defeated by 10 votes in favour, to 2 against (Mali, Russian Federation), with 3 abstentions (China, "
                  "India, Kenya), the draft would have renewed the Mechanism for a year."],
                 [("draft", False, False, False, 10, 2, 3, ["MLI", "RUS"], ["CHN", "IND", "KEN"], ["RUS"])],
                 id="comma-before-to"),
    pytest.param(["The Council adopted resolution 2465 (2019) by a vote of 14 in favour and 1 abstention (Russian "
                  "Federation)."],
                 [("S/RES/2465 (2019)", True, False, False, 14, 0, 1, [], ["RUS"], [])],
                 id="favour-and-abstention-without-against"),
    pytest.param(["The draft resolution was rejected by a vote of 3 against (France, United Kingdom, United States) to "
                  "2 in favour (China, Russian Federation), with 10 abstentions."],
                 [("draft", False, False, False, 2, 3, 10, ["FRA", "GBR", "USA"], [], [])],
                 id="against-told-before-favour"),
    pytest.param(["Council Renews Sanctions, Adopting Resolution 2531 (2020) with 13 Members Voting in Favour, China "
                  "and Russian Federation Abstaining"],
                 [("S/RES/2531 (2020)", True, False, False, 13, 0, 2, [], ["CHN", "RUS"], [])],
                 id="headline-members-voting-in-favour-states-abstaining"),
    pytest.param(["The Council adopted resolution 2532 (2020), with 14 members voting in favour and the United States "
                  "abstaining."], [("S/RES/2532 (2020)", True, False, False, 14, 0, 1, [], ["USA"], [])],
                 id="members-voting-in-favour-and-one-abstaining"),
    pytest.param(["Security Council Adopts Resolution 2520 (2020) by Vote of 12-0-3"],
                 [("S/RES/2520 (2020)", True, False, False, 12, 0, 3, [], [], [])], id="tally-by-vote-of"),
    pytest.param(["Council Extends Mission, Adopting Resolution 2521 (2020) by 14-0-1"],
                 [("S/RES/2521 (2020)", True, False, False, 14, 0, 1, [], [], [])], id="tally-by"),
    pytest.param(["The Council failed to adopt a draft resolution that would have declared the polls held from 23 to "
                  "27 September invalid."], [("draft", False, False, False, None, None, None, [], [], [])],
                 id="dates-from-to-are-no-counts"),
    pytest.param(["Two draft resolutions, one tabled by Brazil and the other by the Russian Federation, failed to be "
                  "adopted by the Council today.",
                  "The text tabled by Brazil received 12 affirmative votes, one abstention (China) and two negative "
                  "votes (Russian Federation, United States).",
                  "The Russian Federation's text received a vote of 5 in favour (China, Gabon, Mozambique, Russian "
                  "Federation, Viet Nam) to 7 against, with 3 abstentions."],
                 [("draft", False, False, False, 12, 2, 1, ["RUS", "USA"], ["CHN"], ["RUS", "USA"]),
                  ("draft", False, False, False, 5, 7, 3, [], [], [])], id="two-drafts-failed-then-counted-in-turn"),
    pytest.param(["It rejected the Swiss draft on the Mechanism in a vote of 11 in favour to 2 against (China, Russian "
                  "Federation), with 2 abstaining (Guyana, Mozambique)."],
                 [("draft", False, False, False, 11, 2, 2, ["CHN", "RUS"], ["GUY", "MOZ"], ["CHN", "RUS"])],
                 id="rejected-the-draft"),
    pytest.param(["In a videoconference, the draft failed \u2014 by a vote of 2 in favour to 3 against, with 10 "
                  "abstentions \u2014 to obtain the required number of votes."],
                 [("draft", False, False, False, 2, 3, 10, [], [], [])], id="failed-with-the-counts-aside"),
    pytest.param(["The text failed - by a vote of 3 against to 2 in favour, with 10 abstentions - to garner the required "
                  "number of votes."], [("draft", False, False, False, 2, 3, 10, [], [], [])],
                 id="failed-with-the-counts-aside-between-hyphens"),
    pytest.param(["The draft resolution failed to be adopted, receiving 14 votes in favour to 1 against (Russian "
                  "Federation).  Explaining his vote, the representative of the Russian Federation said his delegation "
                  "rejected the text as unbalanced."],
                 [("draft", False, False, False, 14, 1, 0, ["RUS"], [], ["RUS"])],
                 id="a-delegation-that-rejected-the-text-is-no-second-draft"),
    pytest.param(["The Council rejected the notion that the resolution could be reinterpreted."], [],
                 id="rejected-a-notion-is-no-vote"),
    pytest.param(["Over the year, the Council adopted 54 resolutions and failed to adopt a total of seven draft "
                  "resolutions, three of them owing to a veto."], [], id="a-round-up-tally-is-no-action"),
    # A vetoed draft told by the support it had: the rest of the fifteen abstained or voted against.
    pytest.param(["The Council failed to adopt a draft resolution owing to a veto cast by the United States.",
                  "The text garnered support from 12 Council members, with two members (Ecuador, United Kingdom) "
                  "abstaining."],
                 [("draft", False, False, False, 12, 1, 2, [], ["ECU", "GBR"], ["USA"])],
                 id="support-from-members-abstainers-named"),
    pytest.param(["The draft garnered support from 11 members but was vetoed by the Russian Federation."],
                 [("draft", False, False, False, 11, 1, 3, [], [], ["RUS"])], id="support-from-members-vetoed-by"),
    pytest.param(["The Council failed to adopt the draft, as a permanent member cast a negative vote despite "
                  "affirmative votes by the other 14 members."],
                 [("draft", False, False, False, 14, 1, 0, [], [], [])], id="affirmative-votes-by-the-other-members"),
    # Which text the verb adopts, and whether the adoption is this meeting's.
    pytest.param(["Through resolution 2532 (2020), adopted under Chapter VII of the Charter by a vote of 13 in favour, "
                  "0 against and 2 abstentions (China, Russian Federation), the Council asked the Secretary-General "
                  "to review the measures set out in resolution 2500 (2019)."],
                 [("S/RES/2532 (2020)", True, False, False, 13, 0, 2, [], ["CHN", "RUS"], [])],
                 id="symbol-then-adopted-with-counts"),
    pytest.param(["Resolution 2510 (2020), Adopted by 14-0-1 Vote, Endorses Conference Conclusions",
                  "The Council adopted resolution 2510 (2020) by 14 votes in favour to none against, with 1 abstention "
                  "(Russian Federation)."],
                 [("S/RES/2510 (2020)", True, False, False, 14, 0, 1, [], ["RUS"], [])],
                 id="headline-symbol-then-adopted-summary-names-the-states"),
    pytest.param(["By the unanimous adoption of resolution 2501 (2019), the Council split the sanctions regime."],
                 [("S/RES/2501 (2019)", True, True, False, 15, 0, 0, [], [], [])], id="by-the-unanimous-adoption-of"),
    pytest.param(["It took that action through its adoption of resolution 2502 (2019), by a vote of 13 in favour to "
                  "none against, with 2 abstentions (China, Russian Federation)."],
                 [("S/RES/2502 (2019)", True, False, False, 13, 0, 2, [], ["CHN", "RUS"], [])],
                 id="through-its-adoption-of"),
    pytest.param(["Speakers noted progress since the adoption of resolution 1325 (2000) twenty years ago."], [],
                 id="since-the-adoption-of-looks-back"),
    pytest.param(["On 18 September, the Council had adopted resolution 1373 (2001) under Chapter VII."], [],
                 id="had-adopted-is-past"),
    pytest.param(["Had the draft been adopted, it would have extended the Mechanism established by resolution 2235 "
                  "(2015)."], [], id="had-the-draft-been-adopted-is-unreal"),
    pytest.param(["The resolution, which was unanimously adopted on 28 September, set up the Committee."], [],
                 id="adopted-on-a-date-is-past"),
    pytest.param(["Prior to today's action, the Council unanimously adopted resolution 1866 (2009), extending the "
                  "Mission."], [], id="prior-to-today"),
    pytest.param(["The Council unanimously adopted the report, which will be reflected in a note by the President, to "
                  "be issued as document S/2024/900."], [("draft", True, True, False, 15, 0, 0, [], [], [])],
                 id="the-report-is-adopted-not-the-document-named-after-it"),
    pytest.param(["The Council failed to adopt a draft resolution that would have renewed the Mechanism established by "
                  "resolution 2235 (2015)."], [("draft", False, False, False, None, None, None, [], [], [])],
                 id="resolution-cited-by-a-failed-draft-did-not-fail"),
    pytest.param(["The Council this morning asked the Secretary-General to report on the Mission, in a resolution "
                  "unanimously adopted today.", "By the terms of resolution 1500 (2003), the Council established the "
                  "Mission for an initial period of 12 months."],
                 [("S/RES/1500 (2003)", True, True, False, 15, 0, 0, [], [], [])],
                 id="unnamed-adoption-named-by-the-terms-of"),
    pytest.param(["The Council unanimously adopted a text on Haiti.", "By the terms of resolution 1542 (2004), the "
                  "Council had established the Mission."],
                 [("draft", True, True, False, 15, 0, 0, [], [], [])], id="by-the-terms-of-an-earlier-resolution"),
    pytest.param(["The draft, which failed owing to the negative votes of two permanent members (France, United "
                  "Kingdom), received 10 votes in favour with 3 abstentions (Ghana, India, Peru)."],
                 [("draft", False, False, False, 10, 2, 3, [], ["GHA", "IND", "PER"], ["FRA", "GBR"])],
                 id="against-counted-by-the-vetoes"),
    pytest.param(["Security Council Adopts Resolution 2177 (2014) Urging Immediate Action",
                  "Resolution 2177 (2014) was adopted unanimously during a meeting that heard the Secretary-General."],
                 [("S/RES/2177 (2014)", True, True, False, 15, 0, 0, [], [], [])],
                 id="resolution-as-the-subject-adopted-unanimously"),
    pytest.param(["Owing to the negative vote of the United States, the Council failed to adopt a draft resolution.  Ten "
                  "Council members voted in favour of the draft resolution, one voted against (United States), and four "
                  "members (Bulgaria, Cameroon, Germany, United Kingdom) abstained."],
                 [("draft", False, False, False, 10, 1, 4, ["USA"], ["BGR", "CMR", "DEU", "GBR"], ["USA"])],
                 id="members-voted-in-favour-against-and-abstained"),
    pytest.param(["The settlements measure passed by 14 votes in favour, with the United States abstaining."],
                 [("draft", True, False, False, 14, 0, 1, [], ["USA"], [])], id="passed-by-votes"),
    pytest.param(["By a procedural vote of 10 in favour to 4 against (China, Congo, Qatar, Russian Federation) and 1 "
                  "abstention (United Republic of Tanzania), the Security Council acted this afternoon to include the item "
                  "on its agenda."], [("motion", True, False, False, 10, 4, 1, ["CHN", "COG", "QAT", "RUS"], ["TZA"], [])],
                 id="a-procedural-vote-on-the-agenda-counted-first"),
    pytest.param(["The draft resolution, which lacked the minimum number of affirmative votes for passage, would have "
                  "urged a peaceful settlement."], [("draft", False, False, False, None, None, None, [], [], [])],
                 id="lacked-the-minimum-number-of-votes"),
    pytest.param(["The Security Council failed today to adopt two competing draft resolutions \u2014 one from the Russian "
                  "Federation, the other from the United States \u2014 on the situation.",
                  "The draft put forward by the United States was vetoed by China and the Russian Federation."],
                 [("draft", False, False, False, None, None, None, [], [], [])] * 2,
                 id="failed-today-to-adopt-two-competing-drafts"),
    pytest.param(["The Security Council today unanimously adopted a resolution extending for 13 months the mandate of "
                  "the Panel of Experts.",
                  "In adopting resolution 2141 (2014), the Council extended the mandate of the Panel."],
                 [("S/RES/2141 (2014)", True, True, False, 15, 0, 0, [], [], [])],
                 id="the-vote-told-unnamed-then-the-resolution-named"),
    pytest.param(["Adopting resolution 2334 (2016), the Council demanded that settlement building end.",
                  "The settlements measure passed by 14 votes in favour, with the United States abstaining."],
                 [("S/RES/2334 (2016)", True, False, False, 14, 0, 1, [], ["USA"], [])],
                 id="the-resolution-named-then-its-counts-told"),
]
ASSEMBLY_CASES = [
    pytest.param(["Also this morning, the Committee unanimously approved a text on the rights of the child."],
                 [("draft", True, True, False, None, None, None, [], [], [])], id="unanimously-approved"),
    pytest.param(["The Assembly adopted resolution 61/105 without a vote."],
                 [("A/RES/61/105", True, False, True, None, None, None, [], [], [])], id="without-a-vote"),
    pytest.param(["Acting without a vote, the Third Committee approved draft resolution A/C.3/61/L.20 on the girl "
                  "child."], [("A/C.3/61/L.20", True, False, True, None, None, None, [], [], [])],
                 id="draft-symbol-without-a-vote"),
    pytest.param(["The Committee then approved the text without a vote."],
                 [("draft", True, False, True, None, None, None, [], [], [])], id="unnamed-text-without-a-vote"),
    pytest.param(["The Committee adopted draft resolution A/C.3/61/L.20 by a recorded vote of 122 in favour to 47 "
                  "against, with 8 abstentions."], [("A/C.3/61/L.20", True, False, False, 122, 47, 8, [], [], [])],
                 id="draft-symbol-recorded-vote"),
    pytest.param(["By the text on the right to food, approved by a recorded vote of 122 in favour to 47 against, with "
                  "8 abstentions, the Assembly would urge States to act."],
                 [("draft", True, False, False, 122, 47, 8, [], [], [])], id="approved-by-a-recorded-vote"),
    pytest.param(["The Assembly adopted the resolution on the occupied Syrian Golan by a recorded vote of 170 in "
                  "favour to 4 against (Israel, Marshall Islands, Palau, United States), with 3 abstentions "
                  "(Cameroon, Panama, Tonga)."],
                 [("draft", True, False, False, 170, 4, 3, ["ISR", "MHL", "PLW", "USA"], ["CMR", "PAN", "TON"], [])],
                 id="unnamed-resolution-recorded-vote-no-veto-in-the-assembly"),
    pytest.param(["The Assembly adopted the resolution on assistance to refugees without a vote.  It then adopted the "
                  "text on the occupied territories by a recorded vote of 160 in favour to 6 against, with 9 "
                  "abstentions.  The text on Palestine refugees' properties was adopted by a recorded vote of 158 in "
                  "favour to 6 against, with 8 abstentions."],
                 [("draft", True, False, True, None, None, None, [], [], []),
                  ("draft", True, False, False, 160, 6, 9, [], [], []),
                  ("draft", True, False, False, 158, 6, 8, [], [], [])], id="several-unnamed-texts"),
    pytest.param(["General Assembly Adopts Text on Embargo by Recorded Vote of 187 in Favour to 2 Against",
                  "The General Assembly today adopted the resolution on the embargo by a recorded vote of 187 in "
                  "favour to 2 against (Israel, United States), with 3 abstentions (Colombia, Ukraine, Brazil)."],
                 [("draft", True, False, False, 187, 2, 3, ["ISR", "USA"], ["COL", "UKR", "BRA"], [])],
                 id="headline-told-again-in-the-summary"),
    pytest.param(["The Committee then rejected -- by a recorded vote of 40 in favour to 90 against, with 7 abstentions "
                  "(see annex) -- amendments proposed by the European Union."],
                 [("draft", False, False, False, 40, 90, 7, [], [], [])], id="rejected-with-the-counts-aside"),
    pytest.param(["That amendment (document A/79/L.40) was adopted by a recorded vote of 120 in favour to 2 against, "
                  "with 30 abstentions."], [("A/79/L.40", True, False, False, 120, 2, 30, [], [], [])],
                 id="amendment-symbol-in-parentheses-adopted"),
    pytest.param(["By a separate text, adopted by consensus, the Assembly welcomed the proposal of its President to "
                  "hold a debate."], [("draft", True, False, True, None, None, None, [], [], [])],
                 id="a-proposal-named-after-the-text-is-its-content"),
    pytest.param(["The Assembly called on all parties to protect civilians.  It took that action by a recorded vote of "
                  "150 in favour to three against (Israel, Nauru, United States) with five abstentions."],
                 [("draft", True, False, False, 150, 3, 5, ["ISR", "NRU", "USA"], [], [])],
                 id="took-that-action-by-a-vote"),
    pytest.param(["Also, by a vote of 98 in favour to one against (United States) with 40 abstentions, the Assembly "
                  "urged States to refrain from unilateral measures."],
                 [("draft", True, False, False, 98, 1, 40, ["USA"], [], [])], id="counts-first-then-the-organ-acts"),
    pytest.param(["By a recorded vote of 80 in favour to 70 against, with 12 abstentions, the Committee decided to "
                  "adjourn the debate on the draft resolution."], [("motion", True, False, False, 80, 70, 12, [], [], [])],
                 id="an-adjournment-voted-is-a-motion"),
    pytest.param(["Then, by a recorded vote of 98 in favour to one against (United States) with",
                  "40 abstentions, the Assembly urged States to refrain from unilateral measures."],
                 [("draft", True, False, False, 98, 1, 40, ["USA"], [], [])], id="sentence-broken-across-paragraphs"),
    pytest.param(["First, the Committee retained preambular paragraph 12, by a recorded vote of 110 in favour to 40 "
                  "against, with 15 abstentions.  It then retained that paragraph by a vote of 150 in favour to 2 "
                  "against (India, Pakistan), with 10 abstentions."],
                 [("draft", True, False, False, 110, 40, 15, [], [], []),
                  ("draft", True, False, False, 150, 2, 10, ["IND", "PAK"], [], [])],
                 id="paragraphs-retained-by-separate-votes"),
    pytest.param(["The Committee retained its practice of consensus."], [], id="retained-a-practice-is-no-vote"),
    pytest.param(["The compromise reached in adopting resolution 60/12 rested on pledges that, four years later, had "
                  "not been honoured."], [], id="adopting-told-years-later-looks-back"),
    pytest.param(["When it adopted a new scale in 2003, the Assembly, by the terms of resolution 58/1, set the ceiling "
                  "rate."], [], id="adopted-an-object-in-a-year-looks-back"),
    pytest.param(["The Committee approved its programme of work for the session."], [], id="approved-a-programme"),
    pytest.param(["The Committee adopted the text on rural women by a recorded vote of 12 in favour and 3 abstentions."],
                 [("draft", True, False, False, 12, None, 3, [], [], [])], id="favour-and-abstentions-no-council"),
    pytest.param(["The text on technical cooperation was adopted by a roll-call vote of 31 in favour and 14 opposed, "
                  "with 8 abstentions."], [("draft", True, False, False, 31, 14, 8, [], [], [])],
                 id="in-favour-and-opposed"),
    pytest.param(["The Assembly also adopted the Committee's recommendations on the Declaration on the Granting of "
                  "Independence to Colonial Countries and Peoples (Assembly resolution 1514 (XV))."], [],
                 id="resolution-in-the-description-is-not-the-text"),
    pytest.param(["The Agenda, annexed in draft resolution A/79/L.12, which was adopted as orally revised, sets 17 "
                  "goals."], [("A/79/L.12", True, False, False, None, None, None, [], [], [])],
                 id="draft-symbol-which-was-adopted"),
    pytest.param(["The Assembly adopted the budget by a recorded vote of 150 in favour to 2 against (Israel, United "
                  "States), with no abstentions."],
                 [("draft", True, False, False, 150, 2, 0, ["ISR", "USA"], [], [])], id="counted-adoption-of-a-budget"),
    pytest.param(["That decision was adopted by a recorded vote of 160 in favour to none against, with 5 abstentions."],
                 [("draft", True, False, False, 160, 0, 5, [], [], [])], id="decision-adopted-by-a-recorded-vote"),
    pytest.param(["The Assembly adopted a resolution paying tribute to the outgoing Secretary-General by acclamation."],
                 [("draft", True, False, True, None, None, None, [], [], [])], id="by-acclamation"),
    pytest.param(["Reaching consensus on a draft resolution on the law of the sea, the Assembly called on States to "
                  "ratify the Convention."], [("draft", True, False, True, None, None, None, [], [], [])],
                 id="reaching-consensus-on-a-draft"),
    pytest.param(["The Committee failed to reach consensus on the draft text."], [], id="failed-to-reach-consensus"),
    pytest.param(["The Committee approved the text by a recorded vote of 120 in favour to 2against (Israel, United "
                  "States), with 51abstentions."],
                 [("draft", True, False, False, 120, 2, 51, ["ISR", "USA"], [], [])], id="figures-fused-with-words"),
    pytest.param(["The Assembly rejected a counterproposal tabled by Norway by a recorded vote of 70 in favour to 88 "
                  "against, with 20 abstentions."],
                 [("draft", False, False, False, 70, 88, 20, [], [], [])], id="counterproposal-rejected"),
    pytest.param(["The Committee voted separately on operative paragraph 7, deciding to retain it by a recorded vote "
                  "of 150 in favour to 4 against, with 6 abstentions."],
                 [("draft", True, False, False, 150, 4, 6, [], [], [])], id="deciding-to-retain-a-paragraph"),
    pytest.param(["On 12 March, the Assembly adopted a text on the question of Cyprus.  It adopted that resolution by "
                  "a recorded vote of 110 in favour to 5 against, with 30 abstentions.",
                  "Today the Assembly continued its debate."], [], id="paragraph-dated-earlier-looks-back"),
    pytest.param(["The Assembly adopted two resolutions without a vote today, one on oceans and one on fisheries."],
                 [("draft", True, False, True, None, None, None, [], [], []),
                  ("draft", True, False, True, None, None, None, [], [], [])], id="two-texts-adopted-without-a-vote"),
    pytest.param(["The Sixth Committee this morning approved three draft resolutions, without votes, and concluded its "
                  "debate.", "The Committee approved a draft resolution on the teaching of international law."],
                 [("draft", True, False, True, None, None, None, [], [], [])] * 3, id="three-texts-without-votes"),
    pytest.param(["The Committee defeated a draft resolution submitted by Iraq on depleted uranium.  The vote was 35 "
                  "in favour to 60 against, with 20 abstentions."],
                 [("draft", False, False, False, 35, 60, 20, [], [], [])], id="defeated-a-draft-counted-after"),
    pytest.param(["After weeks of debate, the Assembly's adoption, by consensus, of a resolution on the policy review "
                  "would shape development work."],
                 [("draft", True, False, True, None, None, None, [], [], [])], id="the-assemblys-adoption-of"),
    pytest.param(["The Assembly today unanimously adopted -- among more than 40-plus development-related resolutions "
                  "put forward by its Second Committee -- a text on globalization."], [],
                 id="one-among-many-texts-is-a-round-up"),
    pytest.param(["The Assembly today laid the groundwork by unanimously adopting -- out of 38 development-related "
                  "actions put forward by its Second Committee -- several comprehensive resolutions."], [],
                 id="out-of-many-actions-is-a-round-up"),
    pytest.param(["The Third Committee today approved a draft resolution on the rights of the child by a recorded vote "
                  "of 161 in favour to 1 against (United States), with no abstentions, and approved without a vote a "
                  "draft on drug control."],
                 [("draft", True, False, False, 161, 1, 0, ["USA"], [], []),
                  ("draft", True, False, True, None, None, None, [], [], [])], id="two-actions-in-one-sentence"),
    pytest.param(["The Committee then rejected Iran's proposal to adjourn the meeting by a recorded vote of 16 in favour "
                  "to 78 against, with 31 abstentions."], [("motion", False, False, False, 16, 78, 31, [], [], [])],
                 id="a-states-proposal-to-adjourn-rejected"),
    pytest.param(["By a recorded vote of 57 in favour to 65 against, with 32 abstentions, the Assembly rejected a motion "
                  "by Yemen that the text was not an amendment."],
                 [("motion", False, False, False, 57, 65, 32, [], [], [])], id="counts-first-then-a-motion-rejected"),
    pytest.param(["The Assembly decided to postpone the item."], [], id="a-procedure-without-a-vote-is-no-action"),
    pytest.param(["Approving a new draft resolution on protecting children from bullying, the Third Committee sent 14 "
                  "texts to the Assembly."], [("draft", True, False, False, None, None, None, [], [], [])],
                 id="approving-a-draft-with-nothing-said-of-the-vote"),
    pytest.param(["Approving a new draft resolution on protecting children from bullying, the Third Committee took "
                  "action on and sent a total of 14 draft texts to the Assembly."],
                 [("draft", True, False, False, None, None, None, [], [], [])],
                 id="one-draft-approved-before-the-round-up-tally"),
    pytest.param(["The Committee approved, without a vote, the draft resolution, \"The law of transboundary aquifers\" "
                  "(document A/C.6/77/L.12), previously introduced on 7 November."],
                 [("A/C.6/77/L.12", True, False, True, None, None, None, [], [], [])],
                 id="a-draft-previously-introduced-is-adopted-today"),
    pytest.param(["Prior to approval of the draft as a whole, the Committee held two separate votes.  By the first, it "
                  "approved the ninth preambular paragraph, welcoming the Treaty.  The vote was 141 in favour to 1 "
                  "against (India), with 4 abstentions (Bhutan, Libya, Syria, United Republic of Tanzania)."],
                 [("draft", True, False, False, 141, 1, 4, ["IND"], ["BTN", "LBY", "SYR", "TZA"], [])],
                 id="a-paragraph-approved-then-the-vote-was"),
    pytest.param(["The Committee approved its programme of work.  The vote was 141 in favour to 1 against."], [],
                 id="the-vote-was-after-no-text-approved"),
    pytest.param(["The Committee rejected, also by recorded vote, an oral amendment proposed by Israel to delete four "
                  "paragraphs."], [("draft", False, False, False, None, None, None, [], [], [])],
                 id="rejected-an-amendment-after-a-comma-aside"),
    pytest.param(["Most of the resolutions were adopted by consensus, as was the case with a resolution on youth.",
                  "The Assembly adopted without a vote the resolution on the situation in the Democratic People's "
                  "Republic of Korea, yet several countries disassociated themselves.  The represent"],
                 [("draft", True, False, True, None, None, None, [], [], [])] * 2,
                 id="a-paragraph-cut-mid-sentence-is-no-headline"),
    pytest.param(["The Assembly would call on all countries to act, according to one of three draft resolutions approved "
                  "without a vote by the Second Committee this afternoon.",
                  "By the draft on the financial crisis, the Assembly would also call on donors to help.",
                  "By another draft, on operational activities, the Assembly would urge developed countries to act.",
                  "Another text, on external debt, would have the Assembly emphasize the role of investment.",
                  "By another draft, on biodiversity, the Assembly would urge States to act."],
                 [("draft", True, False, True, None, None, None, [], [], [])] * 3,
                 id="a-round-ups-other-texts-described-one-by-one"),
    pytest.param(["The Committee approved a draft resolution requesting the Ad Hoc Committee to continue its work.",
                  "While the draft resolution was approved without a vote, several delegates spoke."],
                 [("draft", True, False, True, None, None, None, [], [], [])], id="a-draft-approved-then-told-again"),
    pytest.param(["The Committee approved the draft programme of work."], [], id="approving-a-programme-is-no-action"),
]


@pytest.mark.parametrize(("paragraphs", "expected"), COUNCIL_CASES)
def test_council_actions(paragraphs: list[str], expected) -> None:
    assert [_outcome(v) for v in _release_votes(paragraphs, council=True)] == expected


@pytest.mark.parametrize(("paragraphs", "expected"), ASSEMBLY_CASES)
def test_assembly_and_committee_actions(paragraphs: list[str], expected) -> None:
    assert [_outcome(v) for v in _release_votes(paragraphs, council=False)] == expected


def test_unnamed_texts_are_placed_at_their_sentences() -> None:
    first = "The Assembly adopted the resolution on refugees without a vote."
    votes = _release_votes([first + "  It adopted the text on migrants without a vote."], council=False)
    assert [v.document.start for v in votes] == [0, len(first) + 2]


FILE_CASES = [
    pytest.param("Adopted at the 39th meeting by 10 votes to none, with 1 abstention (Union of Soviet Socialist "
                 "Republics).", (39, True, False, 10, 0, 1, [], ["SUN"]), id="early-with-abstention"),
    pytest.param("Adopted unanimously at the\n3322nd meeting.", (3322, True, True, 15, 0, 0, [], []),
                 id="unanimous-line-break"),
    pytest.param("Adopted unanimously at the 2828th meet-\ning.", (2828, True, True, 15, 0, 0, [], []),
                 id="hyphenated-meeting"),
    pytest.param("Adopted at the 300th meeting by 12 votes to none, with 3 abstentions (China, Germany, Federal "
                 "Republic of, United King- dom).", (300, True, False, 12, 0, 3, [], ["CHN", "DEU", "GBR"]),
                 id="hyphenated-and-inverted-names"),
    pytest.param("Adopted at the 473rd meeting by 9 votes to none, with 1 abstention ( Yugoslavia ).",
                 (473, True, False, 9, 0, 1, [], ["YUG"]), id="spaces-inside-parentheses"),
    pytest.param("Adopted unanimously, without a vote, at the 2008th meeting.", (2008, True, True, 15, 0, 0, [], []),
                 id="unanimously-without-a-vote"),
    pytest.param("Adopted at the 127th meeting by 10 votes to i, with l abstention (France).",
                 (127, True, False, 10, 1, 1, [], ["FRA"]), id="ocr-lower-case-digits"),
    pytest.param("Adopted at the 1500th meeting by I1 votes to none, with I abstention (France).",
                 (1500, True, False, 11, 0, 1, [], ["FRA"]), id="ocr-digits"),
    pytest.param("Adopted at the 1000th meeting by 9 votes to 2 (France, United Kingdom).",
                 (1000, True, False, 9, 2, 0, ["FRA", "GBR"], []), id="votes-against"),
]


@pytest.mark.parametrize(("line", "expected"), FILE_CASES)
def test_votes_in_resolution_files(line: str, expected) -> None:
    ref = DocumentRef("S/RES/889 (1993)", "resolution", 889, 1993, 0, 10)
    (vote,) = votes_in_resolution_file("Resolution 889 (1993)\n\n" + line, ref, gazetteer())
    assert (vote.meeting, vote.adopted, vote.unanimous, vote.in_favour, vote.against, vote.abstentions,
            [s.key for s in vote.against_states], [s.key for s in vote.abstaining_states]) == expected


def test_counts_that_do_not_add_up_are_findings() -> None:
    from councilgraph.extract.votes import vote_findings

    votes = _votes("The Council adopted resolution 2401 (2018) by a vote of 13 in favour to none against, with 3 "
                   "abstentions (China, Russian Federation).")
    (finding,) = vote_findings(votes, security_council=True)
    assert finding.kind == "VoteCountMismatch"
    assert "3 abstaining but 2 States named" in finding.message and "16 votes for a Council of 15" in finding.message


def test_an_action_of_another_year_is_no_action_of_this_meeting() -> None:
    text = ("Despite the wide range of activities spurred by the adoption of resolution 1325 (2000), the Council noted "
            "gaps.  The Council this morning adopted resolution 1960 (2010).  In 1980, the Soviet Union vetoed a draft "
            "resolution on Afghanistan.")
    votes = votes_in_release(text, [(0, len(text))], 6453, gazetteer(), year=2010)
    assert [(v.document.symbol, v.adopted) for v in votes] == [("S/RES/1960 (2010)", True)]


def test_an_adoption_whose_printed_year_is_misprinted_is_of_the_number_of_the_releases_year() -> None:
    text = "Unanimously adopting resolution 1908 (2001), the Council decided to raise the ceiling of the Mission."
    votes = votes_in_release(text, [(0, len(text))], 6261, gazetteer(), year=2010)
    assert [(v.document.symbol, v.adopted, v.unanimous) for v in votes] == [("S/RES/1908 (2010)", True, True)]


def test_a_failed_draft_named_by_symbol_takes_its_counts_from_the_next_paragraph() -> None:
    first = ("The Council announced that a draft resolution (document S/2020/654), presented by Belgium and Germany, "
             "was not adopted owing to the negative vote of two permanent Council members.")
    second = "The result was 13 votes in favour to 2 against (China, Russian Federation)."
    text = f"{first}\n\n{second}"
    votes = votes_in_release(text, [(0, len(first)), (len(first) + 2, len(text))], None, gazetteer(), year=2020)
    assert [(v.document.symbol, v.adopted, v.in_favour, v.against, v.abstentions) for v in votes] == [
        ("S/2020/654", False, 13, 2, 0)]


@pytest.mark.parametrize(("text", "counts"), [
    pytest.param("No consensus was reached on Western Sahara, which was adopted by a recorded vote of 70 in favour t",
                 (70, None, None), id="cut-after-the-votes-in-favour"),
    pytest.param("The text was approved by a recorded vote of 114 in favour to 52 aga", (114, 52, None),
                 id="cut-inside-against-abstentions-unknown"),
    pytest.param("The text was approved by a recorded vote of 114 in favour to 52 against.", (114, 52, 0),
                 id="a-whole-sentence-without-abstentions-has-none"),
    pytest.param("The text was adopted by a recorded vote of 70 in favour, the Chair said, of a revised text.", None,
                 id="a-sentence-not-cut-needs-two-counts"),
    pytest.param("The amendment was approved by a recorded vote of 70 in favour of the amendment", None,
                 id="in-favour-of-is-no-count"),
])
def test_a_vote_the_copied_page_cuts_off_keeps_the_counts_it_gives(text: str, counts) -> None:
    votes = votes_in_release(text, [(0, len(text))], None, gazetteer(), security_council=False, year=2010)
    assert [(v.in_favour, v.against, v.abstentions) for v in votes if v.in_favour is not None][:1] == (
        [counts] if counts else [])


@pytest.mark.parametrize(("text", "actions"), [
    pytest.param("The draft was approved by a recorded vote, with 99 countries voting in favour of it to 52 against, with "
                 "33 abstentions.", [(True, 99, 52, 33)], id="countries-voting-in-favour-of-it"),
    pytest.param("The Committee approved the text, with 151 delegates in favour, 5 against (Belarus, Sudan) and 1 "
                 "abstention (Togo).", [(True, 151, 5, 1)], id="delegates-in-favour"),
    pytest.param("Yet each proposed amendment was defeated, as 18 separate votes brought the text closer to the "
                 "Assembly.", [], id="each-amendment-defeated-is-no-one-action"),
])
def test_counts_told_by_who_voted_and_failures_of_every_text(text: str, actions) -> None:
    votes = votes_in_release(text, [(0, len(text))], None, gazetteer(), security_council=False, year=2010)
    assert [(v.adopted, v.in_favour, v.against, v.abstentions) for v in votes] == actions


def test_an_adoption_on_that_date_is_of_an_earlier_meeting() -> None:
    text = ("Unanimously adopting resolution 1420 (2002), the Council extended the provisions.  On that date, the "
            "Council adopted resolution 1418 (2002), extending the provision until 30 June.")
    votes = votes_in_release(text, [(0, len(text))], 4563, gazetteer(), year=2002)
    assert [v.document.symbol for v in votes] == ["S/RES/1420 (2002)"]


@pytest.mark.parametrize(("text", "actions"), [
    pytest.param("The Council failed to adopt two draft resolutions on Aleppo as they met with vetoes, while two others "
                 "intended, respectively, to halt bombardments and to ban arms sales, were defeated.",
                 [False, False, False, False], id="while-two-others-were-defeated"),
    pytest.param("A total of 55 drafts were passed without a vote, including a text on privacy in the digital age.",
                 [True], id="a-tally-singling-out-one-text"),
    pytest.param("A total of 55 drafts were passed without a vote.", [], id="a-tally-alone-is-no-action"),
    pytest.param("The Assembly called on States to join the treaties, according to one of two resolutions adopted without "
                 "a vote this afternoon.  The other text, on the centennial of the Peace Conference, directed attention "
                 "to its reports.", [True, True], id="one-of-two-then-the-other-text"),
])
def test_texts_a_round_up_counts_or_singles_out(text: str, actions: list[bool]) -> None:
    votes = votes_in_release(text, [(0, len(text))], None, gazetteer(), security_council=False, year=2010)
    assert [v.adopted for v in votes] == actions
