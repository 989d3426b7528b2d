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
