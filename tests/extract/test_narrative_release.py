"""A release whose speakers are reported in running text, end to end: who cites, who is listed."""

from __future__ import annotations

from councilgraph.extract.press_release import extract_press_release
from councilgraph.extract.read import decode_source

HEADER = "4567th Meeting (AM)\nSC/7890\n\nSECURITY COUNCIL HEADLINE\n\n"


def _release(*paragraphs: str):
    source = decode_source((HEADER + "\n\n".join(paragraphs) + "\n").encode("utf-8"), "t.txt")
    return source, extract_press_release(source)


def test_what_a_narrative_statement_cites_is_cited_once_by_the_statement() -> None:
    source, release = _release(
        "The Council today recalled resolution 1325 (2000).  The representative of Italy, associating himself with "
        "the European Union, said resolution 1373 (2001) was key.")
    (statement,) = release.statements
    assert [(c.statement, c.document.symbol) for c in release.citations] == [
        (None, "S/RES/1325 (2000)"), (statement.order, "S/RES/1373 (2001)")]
    assert [(m.statement, m.entity.key) for m in release.mentions if m.entity.key == "european-union"] == [
        (statement.order, "european-union")]


def test_the_release_still_reports_the_vote_around_a_narrative_statement() -> None:
    _, release = _release(
        "The Security Council this morning unanimously adopted resolution 1508 (2003).  Speaking after the vote, the "
        "representative of Sierra Leone said the decision was welcome.")
    assert [(v.document.symbol, v.adopted, v.unanimous) for v in release.votes] == [("S/RES/1508 (2003)", True, True)]
    assert [s.delegation.key for s in release.statements] == ["SLE"]


def test_officials_introduced_in_running_text_are_not_missing_from_the_participants_list() -> None:
    _, release = _release(
        "Secretary-General Kofi Annan said the Court was ready.  The representative of Italy said it was not.",
        "Also speaking were the representatives of Italy and Guinea.")
    # Guinea, quoted nowhere else, spoke according to the participants sentence; Italy is not counted twice.
    assert [s.delegation.key for s in release.statements] == ["united-nations", "ITA", "GIN"]
    listed = {"SpeakerNotListed", "ListedParticipantNotSpeaking", "DuplicateParticipant"}
    assert [(f.kind, f.entity.key) for f in release.findings if f.kind in listed] == []


def test_a_page_without_date_still_tells_a_veto_of_years_ago_from_the_meetings_action() -> None:
    # Many copied pages show no date: the newest resolution the release names gives its year.
    _, release = _release(
        "By a recorded vote of 11 in favour to 1 against, with 3 abstentions, the Council adopted resolution 2623 "
        "(2022).",
        "[The Council had last called for such a session in 1982, and in 1980, when the Soviet Union vetoed a draft "
        "resolution.]")
    assert [(v.document.symbol, v.adopted) for v in release.votes] == [("S/RES/2623 (2022)", True)]


def test_a_page_without_date_keeps_an_adoption_older_than_a_resolution_named_by_number_only() -> None:
    # The newest resolution named is the one adopted, printed without its year: the tables date it (2005).
    _, release = _release("The Council this morning unanimously adopted resolution 1624, recalling its resolution "
                          "1373 (2001).")
    assert [(v.document.symbol, v.adopted) for v in release.votes] == [("S/RES/1624 (2005)", True)]
