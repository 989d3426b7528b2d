"""Segmenting: header, headline, summary, sections and meeting times."""

from __future__ import annotations

import pytest

from councilgraph.extract.header import read_line
from councilgraph.extract.press_release import extract_press_release
from councilgraph.extract.read import InputError, decode_source
from councilgraph.extract.segment import release_evidence, segment


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
    pytest.param("Seventieth Session,\n43rd & 44th (AM & PM)\nGA/11715", [(43, "GA", 70, "AM & PM"),
                 (44, "GA", 70, "AM & PM")], "GA/11715", id="meetings-without-the-word"),
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


# Real page layouts, each reduced to its header: (text, symbol, meetings, date, headline, sub-headline).
LAYOUTS = [
    pytest.param("In progress at UNHQ\n\nSC/6230\n\nSECURITY COUNCIL ACTS\n\n14 June 1996\n\nPress Release\nSC/6230\n\n"
                 "SECURITY COUNCIL ACTS\n\n19960614 Resolution 1059 (1996) Adopted Unanimously\n\nThe Council met today.",
                 "SC/6230", [], "1996-06-14", "SECURITY COUNCIL ACTS", "Resolution 1059 (1996) Adopted Unanimously",
                 id="banner-repeat-and-date-stamp"),
    pytest.param("SC/8650\n\nCouncil Extends Mission\n\n31/03/2006\nSecurity CouncilSC/8650\n"
                 "Department of Public Information \u2022 News and Media Division \u2022 New York\n\nSecurity Council\n\n"
                 "5401st Meeting (AM)\n\nCOUNCIL EXTENDS\n\nMISSION\n\nThe Council met today.",
                 "SC/8650", [5401], "2006-03-31", "Council Extends Mission", None, id="symbol-run-into-organ"),
    pytest.param("SC/7431\nCOUNCIL EXTENDS MANDATE\n21/06/2002\nPress Release SC/7431 |\nSecurity Council\n"
                 "4563rd Meeting (PM)\nCOUNCIL EXTENDS MANDATE\nThe Council met today.",
                 "SC/7431", [4563], "2002-06-21", "COUNCIL EXTENDS MANDATE", None, id="single-newlines-table-bar"),
    pytest.param("Fifty-third General Assembly\nPlenary\n97thMeeting (PM)\n\nASSEMBLY ACTS\n\nThe Assembly met today.\n\n"
                 "Press Release GA/9502 97thMeeting (PM) 10 November 1998",
                 "GA/9502", [97], "1998-11-10", "ASSEMBLY ACTS", None, id="symbol-in-footer"),
    pytest.param("6 September 2000\n\nPress Release\n\nThe Council met today.\n\n"
                 "Security Council - 2 - Press Release SC/6922 4197th Meeting (AM) 6 September 2000\n\nIt decided.",
                 "SC/6922", [4197], "2000-09-06", None, None, id="running-header-at-page-break"),
    pytest.param("Print\nGA/12412\n2 March 2022\nEleventh Emergency Special Session, 5th Meeting (AM)\n\nAssembly Acts\n\n"
                 "The Assembly met today.", "GA/12412", [5], "2022-03-02", "Assembly Acts", None,
                 id="emergency-special-session"),
    pytest.param("In progress at UNHQ\n\n7533rd Meeting (Resumed) (PM)\nSC/12080\n\nSpeakers Urge Action\n\n"
                 "The Council met today.", "SC/12080", [7533], None, "Speakers Urge Action", None, id="resumed-meeting"),
    pytest.param("Seventy-fifth Session,\n48th Meeting (resumed) (AM)\nGA/12307\n\nAssembly Adopts Budget\n\n"
                 "The Assembly met today.", "GA/12307", [48], None, "Assembly Adopts Budget", None, id="resumed-lower-case"),
    pytest.param("Fifty-first General Assembly\nFifth Committee\nOrganizational Meeting (AM)\nGA/AB/3100\n\n"
                 "Committee Elects Bureau\n\nThe Committee met today.", "GA/AB/3100", [], None, "Committee Elects Bureau",
                 None, id="organizational-meeting"),
    pytest.param("7893rd Meeting* (PM)\nSC/12805-AFR/700\n\nCouncil Acts\n\nThe Council met today.",
                 "SC/12805-AFR/700", [7893], None, "Council Acts", None, id="joint-symbol"),
    pytest.param("22 April 2004\n\nSecurity Council Fails to Adopt Draft\n\nNEW YORK, 21 April (UN Headquarters) -- The "
                 "Council met today.", None, [], "2004-04-22", "Security Council Fails to Adopt Draft", None,
                 id="unis-no-symbol"),
    pytest.param("Security Council Press Statement on Attack\nThe following Security Council press statement was issued "
                 "today.\nThe members condemned the attack.", None, [], None, "Security Council Press Statement on Attack",
                 None, id="headline-only"),
    pytest.param("Security Council Adopts Report Covering Period 1 August 2012 to 31 July 2013\n\nSecurity Council Adopts "
                 "Report Covering Period\n\n1 August 2012 to 31 July 2013\n\nThe Council met today.", None, [], None,
                 "Security Council Adopts Report Covering Period 1 August 2012 to 31 July 2013", None,
                 id="title-case-repeat-in-pieces"),
    pytest.param("Security Council Fails to Adopt Resolution\n\nMeetings Coverage, Security Council\n\n18 September 2025\n\n"
                 "10,000th Meeting (PM)\n\nIn its 10,000th meeting, the Security Council today failed to adopt a text.",
                 None, [10000], "2025-09-18", "Security Council Fails to Adopt Resolution", None,
                 id="meeting-number-with-a-thousands-comma"),
    # A date stamp glued to the sub-headline or the first paragraph, single newlines: the 1990s pages print no
    # other date.
    pytest.param("SECURITY COUNCIL IMPOSES TRAVEL RESTRICTIONS\nPress Release\nSC/6433\nSECURITY COUNCIL IMPOSES TRAVEL "
                 "RESTRICTIONS\n19971029 Resolution 1135 (1997) Adopted Unanimously; More Measures ContemplatedActing "
                 "under Chapter VII, the Security Council this afternoon decided to impose restrictions.", "SC/6433", [],
                 "1997-10-29", "SECURITY COUNCIL IMPOSES TRAVEL RESTRICTIONS", None, id="date-stamp-glued-to-sub-headline"),
    pytest.param("FOURTH COMMITTEE HEARS PETITIONERS\nPress Release\nGA/SPD/186\nFOURTH COMMITTEE HEARS PETITIONERS\n"
                 "20000929As the Fourth Committee met this morning, it heard petitioners.\nA petitioner spoke.",
                 "GA/SPD/186", [], "2000-09-29", "FOURTH COMMITTEE HEARS PETITIONERS", None,
                 id="date-stamp-glued-to-first-paragraph"),
    pytest.param(" date 2018-05-17 The following Security Council press statement was issued today by Council President "
                 "Jane Doe (Poland):\n\nThe members of the Security Council condemned the attack.", None, [], "2018-05-17",
                 None, None, id="iso-date-opening-the-text"),
    pytest.param("GA/DIS/3266\n\nSTATES CALLED ON TO HALT STOCKPILING\n\n03/11/03\nPress Release\nGA/DIS/3266\n\n"
                 "First Committee\n\n20th Meeting (PM)\n\nSTATES CALLED ON TO HALT STOCKPILING\n\nThe Committee met today.",
                 "GA/DIS/3266", [20], "2003-11-03", "STATES CALLED ON TO HALT STOCKPILING", None, id="two-digit-year"),
]


@pytest.mark.parametrize(("text", "symbol", "meetings", "date", "headline", "sub"), LAYOUTS)
def test_real_layouts(text: str, symbol, meetings, date, headline, sub) -> None:
    layout = _layout(text)
    header = layout.header
    assert header.symbol == symbol
    assert [m.number for m in header.meetings] == meetings
    assert header.date == date
    assert header.headline == headline
    assert header.sub_headline == sub
    assert layout.summary or layout.sections


def test_dateline_is_not_part_of_the_paragraph() -> None:
    source = decode_source(b"SC/8072\n\nHeadline\n\nNEW YORK, 21 April (UN Headquarters) -- The Council met today.\n", "t")
    first = segment(source).summary[0]
    assert source.text[first.start:first.end] == "The Council met today."


def test_wrapped_lines_join_sentences_cut_mid_way() -> None:
    text = "9000th Meeting (AM)\nSC/16000\n\nHeadline\n\nThe Council met today and\nadopted a text.\nIt then rose.\n"
    layout = _layout(text)
    assert [text[p.start:p.end] for p in layout.summary] == ["The Council met today and\nadopted a text.",
                                                             "It then rose."]


@pytest.mark.parametrize(("text", "evidence"), [
    pytest.param("8111th Meeting (AM)\n\nHeadline\n\nResolution 2149 (2014) Mandates Protection\n\nThe Council met.",
                 "header", id="meeting-line"),
    pytest.param("21 November 2017\n\nHeadline\n\nThe Security Council met today.", "opening", id="date-only"),
    pytest.param("Headline\n\nThe General Assembly met today.", "opening", id="organ-named"),
    pytest.param("Dear colleagues,\n\nPlease find attached the minutes.", None, id="a-letter"),
])
def test_release_evidence(text: str, evidence) -> None:
    assert release_evidence(decode_source(text.encode(), "t.txt")) == evidence


def test_hard_wrapped_paragraphs_stay_whole() -> None:
    text = ("8111th Meeting (AM)\nSC/13081\n\nSecurity Council Extends Mission in Liberia\n\nThe Security Council today "
            "extended the mandate of the Mission in Liberia, unanimously adopting resolution\n1509 (2003)."
            "\n\nThe Council recalled its resolution\n1497 (2003).\n\nFor information media. Not an official record.\n")
    release = extract_press_release(decode_source(text.encode(), "t.txt"))
    assert len(release.layout.summary) == 2
    assert [c.document.symbol for c in release.citations] == ["S/RES/1509 (2003)", "S/RES/1497 (2003)"]
    assert [(v.document.symbol, v.in_favour) for v in release.votes] == [("S/RES/1509 (2003)", 15)]


@pytest.mark.parametrize(("titles", "headline", "sub"), [
    pytest.param("What Future for Peacekeeping?\n\nSecretary-General Calls for Reform", "What Future for Peacekeeping?",
                 "Secretary-General Calls for Reform", id="question-headline"),
    pytest.param("Security Council Extends Mission in Liberia\nfor Six Months\n\nSpeakers Welcome Progress",
                 "Security Council Extends Mission in Liberia for Six Months", "Speakers Welcome Progress",
                 id="headline-wrapped-before-a-lower-case-word"),
])
def test_headline_forms(titles: str, headline: str, sub: str) -> None:
    layout = _layout(f"9000th Meeting (AM)\nSC/16000\n\n{titles}\n\nThe Council met today.\n")
    assert (layout.header.headline, layout.header.sub_headline) == (headline, sub)


def test_short_body_lines_stay_paragraphs_and_say_nothing_of_the_header() -> None:
    text = ("Fifty-third General Assembly\n97th Meeting (AM)\n\nAssembly Acts\n\nThe Assembly met today.\n\n"
            "Background\n\nThe letter was dated as follows.\n\n12 March 2018\n\nSecurity Council\n\nIt ended.\n")
    layout = _layout(text)
    assert [s.heading for s in layout.sections] == ["Background", "Security Council"]
    assert layout.header.date is None
    assert [(m.number, m.body) for m in layout.header.meetings] == [(97, "GA")]


def test_footer_after_the_closing_line_gives_the_symbol() -> None:
    layout = _layout("Fifty-third General Assembly\n97th Meeting (PM)\n\nAssembly Acts\n\nThe Assembly met today.\n\n"
                     "* *** *\n\nPress Release GA/9502 97th Meeting (PM) 10 November 1998\n")
    assert (layout.header.symbol, layout.header.date, layout.closed) == ("GA/9502", "1998-11-10", True)


def test_a_run_of_ordinals_is_no_meeting_line() -> None:
    line = ", ".join(["1st"] * 2000) + " Meeting (AM)"
    read = read_line(line, 0, len(line))
    assert all(number == 1 for number, *_ in read.meetings) and len(read.meetings) <= 9


def test_a_report_naming_an_organ_late_is_no_release() -> None:
    text = ("Annual Report\n\n" + "The programme grew. " * 60 + "\n\nIt grew again.\n\n"
            "The Secretary-General welcomed it.\n")
    assert release_evidence(decode_source(text.encode(), "t.txt")) is None
