"""Resolution structure: preambular and operative paragraphs with opening phrases."""

from __future__ import annotations

from pathlib import Path

import pytest

from councilgraph.extract.read import decode_source, read_source
from councilgraph.extract.resolution_text import looks_like_resolution, resolution_file

RESOLUTIONS = Path(__file__).resolve().parent.parent / "data" / "resolutions"


def _structure(name: str):
    source = read_source(RESOLUTIONS / name)
    record = resolution_file(source)
    return source, record


def test_seed_full_text(seed) -> None:
    _, release = seed
    (text,) = release.resolutions
    assert text.document.symbol == "S/RES/2388 (2017)"
    kinds = [p.kind for p in text.paragraphs]
    assert (kinds.count("preambular"), kinds.count("operative")) == (24, 35)
    assert [p.phrase for p in text.paragraphs[:4]] == ["Recalling", "Taking note of", "Recalling", "Taking note of"]
    assert [(p.ordinal, p.phrase) for p in text.paragraphs if p.kind == "operative"][:5] == [
        (1, "Reaffirms"), (2, "Urges"), (3, "Calls upon"), (4, "Further calls upon"), (5, "Also calls upon")]


# (file, symbol, preambular, operative, first preambular phrase, first operative phrase)
FILES = [
    pytest.param("S_RES_0889_1993_EN_GOLD.txt", "S/RES/889 (1993)", 4, 13, "Recalling", "Extends", id="1993"),
    pytest.param("S_RES_0004_1946_EN_GOLD.txt", "S/RES/4 (1946)", 2, 2, "The", "Hereby", id="1946-unnumbered"),
    pytest.param("S_RES_0772_1992_EN_GOLD.txt", "S/RES/772 (1992)", 8, 9, "Reaffirming", "Welcomes",
                 id="adopted-line-under-title"),
    pytest.param("S_RES_1445_2002_EN_GOLD.txt", "S/RES/1445 (2002)", 8, 25, "Recalling", "Welcomes",
                 id="page-breaks-and-dash-items"),
    pytest.param("S_RES_0160_1960_EN_GOLD.txt", "S/RES/160 (1960)", 1, 1, "Having examined", "Recommends",
                 id="footnote-marker-then-new-line"),
    pytest.param("S_RES_0781_1992_EN_GOLD.txt", "S/RES/781 (1992)", 9, 7, "Reaffirming", "Decides",
                 id="slash-footnotes-are-not-a-paragraph"),
    pytest.param("S_RES_0895_1994_EN_GOLD.txt", "S/RES/895 (1994)", 4, 5, "Recalling", "Decides to extend",
                 id="slash-footnotes-after-the-last-paragraph"),
]


@pytest.mark.parametrize(("name", "symbol", "preambular", "operative", "first_pre", "first_op"), FILES)
def test_resolution_files(name: str, symbol: str, preambular: int, operative: int, first_pre: str,
                          first_op: str) -> None:
    source, record = _structure(name)
    assert record.document.symbol == symbol
    pre = [p for p in record.paragraphs if p.kind == "preambular"]
    op = [p for p in record.paragraphs if p.kind == "operative"]
    assert (len(pre), len(op)) == (preambular, operative)
    assert (pre[0].phrase, op[0].phrase) == (first_pre, first_op)
    assert looks_like_resolution(source)


def test_adverb_before_a_known_phrase() -> None:
    _, record = _structure("S_RES_0772_1992_EN_GOLD.txt")
    sixth = record.paragraphs[5]
    assert (sixth.phrase, sixth.cito) == ("Further bearing in mind", "citesForInformation")


def test_page_break_continuation_is_one_paragraph() -> None:
    source, record = _structure("S_RES_1445_2002_EN_GOLD.txt")
    second = next(p for p in record.paragraphs if p.kind == "operative" and p.ordinal == 2)
    assert "progress in the implementation" in source.text[second.start:second.end]


def test_file_whose_name_disagrees_with_its_heading() -> None:
    from councilgraph.extract.resolution_document import extract_resolution

    record = extract_resolution(read_source(RESOLUTIONS / "S_RES_0778_1992_EN_GOLD.txt"))
    assert record.text.document.symbol == "S/RES/773 (1992)"  # the heading wins
    assert [f.kind for f in record.findings] == ["FileNameMismatch"]


def test_quoted_full_text_in_a_release() -> None:
    from councilgraph.extract.press_release import extract_press_release

    text = ("9000th Meeting (AM)\nSC/16000\n\nSecurity Council Adopts Resolution 2700 (2023)\n\nSummary.\n\n"
            "Resolution\n\nThe full text of resolution 2700 (2023) reads as follows:\n\n\u201cThe Security Council,\n\n"
            "\u201cRecalling its resolution 2331 (2016),\n\n\u201c1.   Decides to remain seized of the matter.\u201d\n\n"
            "__________\n\n* *** *\n")
    (resolution,) = extract_press_release(decode_source(text.encode(), "t.txt")).resolutions
    assert [(p.key, p.phrase) for p in resolution.paragraphs] == [("preamble/1", "Recalling"),
                                                                   ("operative/1", "Decides")]


def test_press_release_is_not_a_resolution(seed) -> None:
    source, _ = seed
    assert not looks_like_resolution(decode_source(source.text.encode(), "SC-13081.txt"))


def _footnoted(preamble: str, operative: str, notes: str, adopted: str = "Adopted unanimously at the 2000th meeting."):
    from councilgraph.extract.resolution_document import extract_resolution

    text = (f"Resolution 500 (1982)\n\nThe Security Council,\n\n{preamble}\n\n1. {operative}\n\n{adopted}\n\n"
            f"{notes}\n")
    source = decode_source(text.encode(), "t.txt")
    record = extract_resolution(source)
    return [(c.paragraph.key if c.paragraph else None, c.document.symbol, source.text[c.start:c.end])
            for c in record.citations if c.start >= record.text.end]


# (preamble, operative paragraph, footnotes, adoption record) -> (citing paragraph or None, symbol, quoted words)
FOOTNOTES = [
    pytest.param("Recalling the report of the Commission 1/ on the question,", "Decides to remain seized.",
                 "1/ Official Records of the Security Council, Fourth Year, Supplement for July, August and\n"
                 "September 1949, document S/1380.", None,
                 [("preamble/1", "S/1380", "S/1380")], id="slash-mark-official-records"),
    pytest.param("Having considered the report of the Secretary-General 8 on the situation,",
                 "Endorses the report.", "8 See S/2049, sect. IV.", None,
                 [("preamble/1", "S/2049", "S/2049")], id="bare-number-mark-see"),
    pytest.param("Noting the report of the Committee, 3", "Takes note of the recommendations. 4",
                 "3 Official Records of the General Assembly, Fifth Session, Supplement No. 17 (A/1775).\n"
                 "4 Ibid., para. 12.", None,
                 [("preamble/1", "A/1775", "A/1775"), ("operative/1", "A/1775", "Ibid.")],
                 id="ga-supplement-then-ibid-pinpoint"),
    pytest.param("Noting the letter of 4 June 1982, 5", "Requests a report. 6",
                 "5 Official Records of the Security Council, Thirty-seventh Year, document S/15161.\n"
                 "6 Ibid., document S/15162.", None,
                 [("preamble/1", "S/15161", "S/15161"), ("operative/1", "S/15162", "S/15162")],
                 id="ibid-with-a-new-symbol"),
    pytest.param("Noting the letter of 4 June 1982, 5", "Requests a report. 6",
                 "5 Ibid., document S/15161.\n6 Ibid., Thirty-seventh Year, 2374th meeting.", None,
                 [("preamble/1", "S/15161", "S/15161")], id="ibid-with-a-new-source-cites-nothing"),
    pytest.param("Noting the letter of 4 June 1982, 6", "Requests a report. 7",
                 "6 Ibid.\n7 Ibid., document S/15162.", None,
                 [("operative/1", "S/15162", "S/15162")], id="ibid-of-an-unknown-footnote-cites-nothing"),
    pytest.param("Noting the letter of 4 June 1982,", "Requests a report.",
                 "9 Ibid,, document $/4429.\n10 Ibid., document S/ 12402.", None,
                 [(None, "S/4429", "$/4429"), (None, "S/12402", "S/ 12402")], id="no-mark-ocr-symbols"),
    pytest.param("Noting the reports,", "Requests a report.",
                 "56 See S/17170.\n57 The eighth paragraph of the draft resolution contained in document S/17172\n"
                 "was not adopted.", "Adopted at the 2580th meeting, following a separate vote, 57",
                 [(None, "S/17170", "S/17170")], id="footnote-to-the-adoption-record"),
    pytest.param("Noting the report 12 and the letter 13 of the Secretary-General,", "Approves the plan.",
                 "12 See Official Records of the General Assembly, Twentieth Session, Annexes (document A/6000/\n"
                 "Rev.1), chap. III.\n13 See resolution 500 (1982) and resolution 478 (1980).", None,
                 [("preamble/1", "A/6000/Rev.1", "A/6000/\nRev.1"), ("preamble/1", "S/RES/478 (1980)", "478 (1980)")],
                 id="broken-symbol-and-its-own-number"),
]


@pytest.mark.parametrize(("preamble", "operative", "notes", "adopted", "expected"), FOOTNOTES)
def test_footnote_citations(preamble: str, operative: str, notes: str, adopted: str | None, expected) -> None:
    found = _footnoted(preamble, operative, notes, *([adopted] if adopted else []))
    assert found == expected


def test_slash_footnotes_cite_the_marked_paragraphs() -> None:
    from councilgraph.extract.resolution_document import extract_resolution

    source = read_source(RESOLUTIONS / "S_RES_0781_1992_EN_GOLD.txt")
    record = extract_resolution(source)
    cited = [(c.paragraph.key, c.phrase, c.document.symbol) for c in record.citations if c.document
             and c.document.kind == "document"]
    assert cited == [("preamble/4", "Recalling", "S/24476"), ("preamble/5", "Recalling also", "S/24634"),
                     ("preamble/7", "Noting", "S/24616")]
