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
