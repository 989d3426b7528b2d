"""Segmenting: header, headline, summary, sections and meeting times."""

from __future__ import annotations

import pytest

from councilgraph.extract.press_release import extract_press_release
from councilgraph.extract.read import InputError, decode_source
from councilgraph.extract.segment import segment


def _layout(text: str):
    return segment(decode_source(text.encode("utf-8"), "t.txt"))


def test_seed_header(seed) -> None:
    source, release = seed
    header = release.layout.header
    assert header.symbol == "SC/13081"
    assert source.text[header.symbol_start:header.symbol_end] == "SC/13081"
    assert [(m.number, m.body, m.part) for m in header.meetings] == [(8111, "SC", "AM")]
    assert header.headline.startswith("Security Council Reiterates its Condemnation")
    assert header.sub_headline == "Secretary-General Underlines Collective Responsibility to 'Stop These Crimes'"


def test_seed_sections_and_times(seed) -> None:
    _, release = seed
    layout = release.layout
    assert [s.heading for s in layout.sections] == ["Briefings", "Statements", "Resolution"]
    assert len(layout.summary) == 19
    assert (layout.times.opened, layout.times.closed) == ("10:08", "17:09")


HEADERS = [
    pytest.param("8111th Meeting (AM)\nSC/13081", [(8111, "SC", None, "AM")], "SC/13081", id="security-council"),
    pytest.param("Seventy-Second Session,\n66th Meeting (PM)\nGA/11995", [(66, "GA", 72, "PM")], "GA/11995",
                 id="general-assembly-session"),
    pytest.param("8234th & 8235th Meetings (AM & PM)\nSC/13300", [(8234, "SC", None, "AM & PM"),
                 (8235, "SC", None, "AM & PM")], "SC/13300", id="two-meetings"),
    pytest.param("7641st Meeting* (AM)\nSC/12345", [(7641, "SC", None, "AM")], "SC/12345", id="starred-meeting"),
    pytest.param("SG/SM/18800-SC/13100\n20 November 2017", [], "SG/SM/18800-SC/13100", id="joint-symbol-no-meeting"),
]


@pytest.mark.parametrize(("header", "meetings", "symbol"), HEADERS)
def test_header_forms(header: str, meetings, symbol: str) -> None:
    layout = _layout(header + "\n\nHeadline Here\n\nThe Council met today.\n")
    assert layout.header.symbol == symbol
    assert [(m.number, m.body, m.session, m.part) for m in layout.header.meetings] == meetings
    assert layout.header.headline == "Headline Here"
    assert layout.header.sub_headline is None


TIMES = [
    pytest.param("The meeting opened at 10:08 a.m. and closed at 5:09 p.m.", ("10:08", "17:09"), id="opened-closed"),
    pytest.param("The meeting began at 10:03 a.m. and ended at 10:07 a.m.", ("10:03", "10:07"), id="began-ended"),
    pytest.param("The meeting opened at 3 p.m. and adjourned at 6.15 p.m.", ("15:00", "18:15"), id="no-minutes"),
    pytest.param("The meeting opened at 11:30 a.m. and closed at noon.", ("11:30", "12:00"), id="noon"),
    pytest.param("The meeting opened at 12:05 p.m.", ("12:05", None), id="opened-only"),
    pytest.param("The meeting opened at 10:00 a.m., was suspended at 1:05 p.m., resumed at 3:00 p.m. and closed at "
                 "5:15 p.m.", ("10:00", "17:15"), id="suspended-and-resumed"),
]


@pytest.mark.parametrize(("sentence", "expected"), TIMES)
def test_meeting_times(sentence: str, expected) -> None:
    layout = _layout(f"9000th Meeting (AM)\nSC/16000\n\nHeadline\n\n{sentence}\n")
    assert (layout.times.opened, layout.times.closed) == expected


def test_not_a_press_release() -> None:
    with pytest.raises(InputError, match="not a press release"):
        _layout("Dear colleagues,\n\nPlease find attached the minutes.\n")


def test_truncated_after_header() -> None:
    with pytest.raises(InputError, match="truncated"):
        _layout("8111th Meeting (AM)\nSC/13081\n")


def test_headline_alone_builds_and_says_the_text_ends_early() -> None:
    source = decode_source(b"8111th Meeting (AM)\nSC/13081\n\nSecurity Council Adopts Resolution\n", "t.txt")
    release = extract_press_release(source)
    assert release.layout.header.headline == "Security Council Adopts Resolution"
    assert not release.layout.closed
    assert [(f.kind, f.severity) for f in release.findings] == [("TextEndsEarly", "Warning")]
    assert "its last sentence is cut" in release.findings[0].message


def test_complete_text_has_no_ending_finding(seed) -> None:
    _, release = seed
    assert release.layout.closed
    assert not [f for f in release.findings if f.kind in ("TextEndsEarly", "MissingSymbol")]


def test_footer_is_not_content() -> None:
    layout = _layout("9000th Meeting (AM)\nSC/16000\n\nHeadline\n\nSummary.\n\n"
                     "Statements\n\nJOHN DOE (Chile) said yes.\n\nFor information media. Not an official record.\n")
    assert layout.sections[0].paragraphs[-1].end == layout.sections[0].end
    assert len(layout.sections[0].paragraphs) == 1
