"""Citations of UN documents and instruments, in press releases and resolution texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from councilgraph.extract.citations import document_refs
from councilgraph.extract.mentions import instrument_refs
from councilgraph.extract.read import decode_source, normalise, read_source
from councilgraph.extract.resolution_document import extract_resolution

RESOLUTIONS = Path(__file__).resolve().parent.parent / "data" / "resolutions"


def _symbols(text: str) -> list[str]:
    text = normalise(text)
    return [r.symbol for r in document_refs(text, 0, len(text))[0]]


FORMS = [
    pytest.param("resolution 2331 (2016)", ["S/RES/2331 (2016)"], id="resolution"),
    pytest.param("Resolution 1261 (1999)", ["S/RES/1261 (1999)"], id="capitalised"),
    pytest.param("resolutions 2359 (2017) and 2374 (2017)", ["S/RES/2359 (2017)", "S/RES/2374 (2017)"], id="pair"),
    pytest.param("resolutions 2195 (2014), 2253 (2015), 2199 (2015) and 2368 (2017), which express concern "
                 "that terrorists benefit, as well as 2242 (2015), which expresses concern",
                 ["S/RES/2195 (2014)", "S/RES/2253 (2015)", "S/RES/2199 (2015)", "S/RES/2368 (2017)",
                  "S/RES/2242 (2015)"], id="list-with-relative-clause"),
    pytest.param("its resolution 889 (1993) of 15 December 1993", ["S/RES/889 (1993)"], id="with-date"),
    pytest.param("resolutions 831 (1993) of 27 May 1993 and 839\n(1993) of 11 June", ["S/RES/831 (1993)",
                 "S/RES/839 (1993)"], id="line-break"),
    pytest.param("resolution\u00a02331\u00a0(2016)", ["S/RES/2331 (2016)"], id="non-breaking-spaces"),
    pytest.param("resolutions 300 (1971) and 310(1972)", ["S/RES/300 (1971)", "S/RES/310 (1972)"], id="no-space"),
    pytest.param("reso-\nlutions 435 (1978) and 632 (1989)", ["S/RES/435 (1978)", "S/RES/632 (1989)"],
                 id="hyphenated-trigger"),
    pytest.param("abide by resoiutions 262 (1968) and 270 (1969)", ["S/RES/262 (1968)", "S/RES/270 (1969)"],
                 id="ocr-trigger"),
    pytest.param("resolutions on the question of Namibia, particularly 435 (1978)", ["S/RES/435 (1978)"],
                 id="particularly"),
    pytest.param("resolutions 269 (1969) of 12 August 1969, 276 (1970) of 30 January. 282 (1970) of 23 July",
                 ["S/RES/269 (1969)", "S/RES/276 (1970)", "S/RES/282 (1970)"], id="full-stop-for-comma"),
    pytest.param("presidential statement 2015/25", ["S/PRST/2015/25"], id="presidential-statement"),
    pytest.param("its presidential statements S/PRST/2015/25 and S/PRST/2016/3",
                 ["S/PRST/2015/25", "S/PRST/2016/3"], id="presidential-statements-by-symbol"),
    pytest.param("the Secretary-General's report (document S/2017/939)", ["S/2017/939"], id="report-symbol"),
    pytest.param("documents S/1994/262 and A/72/L.1.", ["S/1994/262", "A/72/L.1"], id="document-symbols"),
    pytest.param("in document A/47/277-S/24111", ["A/47/277", "S/24111"], id="joint-symbol"),
    pytest.param("General Assembly resolution 1514 (XV)", ["A/RES/1514 (XV)"], id="ga-roman-session"),
    pytest.param("General Assembly resolutions 3314 (XXIX) and 1514 (XV)", ["A/RES/3314 (XXIX)",
                 "A/RES/1514 (XV)"], id="ga-roman-list"),
    pytest.param("resolution 70/1 on the 2030 Agenda", ["A/RES/70/1"], id="ga-session-number"),
    pytest.param("action on Human Rights Council resolution 31/12 of 23 March", [],
                 id="other-organ-session-number-is-no-assembly-resolution"),
    pytest.param("General Assembly resolutions 377 A (V) and 2253 (ES-V)", ["A/RES/377A (V)", "A/RES/2253 (ES-V)"],
                 id="ga-part-letter-and-emergency-session"),
    pytest.param("General Assembly resolutions 1514 (XV) of 14 December 1960 and 2145 (XXI) of 27 October 1966",
                 ["A/RES/1514 (XV)", "A/RES/2145 (XXI)"], id="ga-list-with-dates"),
    pytest.param("resolutions 532 (1983). 539 (1983). and 566\n(1985)", ["S/RES/532 (1983)", "S/RES/539 (1983)",
                 "S/RES/566 (1985)"], id="ocr-full-stops-and"),
    pytest.param("S/RES/2388 (2017)", ["S/RES/2388 (2017)"], id="sc-symbol"),
    pytest.param("S/RES/2388", ["S/RES/2388 (2017)"], id="sc-symbol-without-year"),
    pytest.param("paragraph 3 of resolution 687 (1991)", ["S/RES/687 (1991)"], id="paragraph-of"),
    pytest.param("adopting resolution 1566 by consensus", ["S/RES/1566 (2004)"], id="number-without-year"),
    pytest.param("recalling resolutions 1267 and 1373, which", ["S/RES/1267 (1999)", "S/RES/1373 (2001)"],
                 id="numbers-without-year-pair"),
    pytest.param("resolutions 1267, 1333 and 1390 were", ["S/RES/1267 (1999)", "S/RES/1333 (2000)",
                 "S/RES/1390 (2002)"], id="numbers-without-year-list"),
    pytest.param("paragraph 3 of resolution 1701.", ["S/RES/1701 (2006)"], id="paragraph-of-number-without-year"),
    pytest.param("resolution 161 A (1961) of 21 February", ["S/RES/161 (1961)"], id="part-letter"),
    pytest.param("resolution 2388 and 14 other texts", ["S/RES/2388 (2017)"], id="count-after-number"),
    pytest.param("pursuant to resolution 435 (1978), 68", ["S/RES/435 (1978)"], id="footnote-mark-after-list"),
    pytest.param("resolution 9999", [], id="number-beyond-the-table"),
    pytest.param("draft resolution 2 on page 12", [], id="draft-number"),
    pytest.param("Human Rights Council resolution 5 and page 7", [], id="other-organ-number"),
    pytest.param("The Assembly reaffirmed its resolution 2758.", [], id="assembly-number-in-assembly-sentence"),
    pytest.param("(See Press Release GA/12250.)", ["GA/12250"], id="press-release"),
    pytest.param("(See Press Releases SC/8089 and SC/8090.)", ["SC/8089", "SC/8090"], id="press-releases"),
    pytest.param("see Press Release GA/SHC/3872 of 20 November", ["GA/SHC/3872"], id="press-release-with-date"),
    pytest.param("see Press Releases GA/EF/3301 of 4 November and GA/EF/3302.", ["GA/EF/3301", "GA/EF/3302"],
                 id="press-releases-with-date"),
    pytest.param("(See Press Release SG/SM/9100-SC/8300.)", ["SG/SM/9100-SC/8300"], id="joint-press-release"),
    pytest.param("a press release issued on 3 May, and SC/8089 alone", [], id="release-symbol-without-trigger"),
    pytest.param("the 2030 Agenda for Sustainable Development (2015)", [], id="no-trigger"),
    pytest.param("United Nations, Treaty Series, vol. 75 (1950)", [], id="treaty-series-volume"),
]


@pytest.mark.parametrize(("text", "symbols"), FORMS)
def test_written_forms(text: str, symbols: list[str]) -> None:
    assert _symbols(text) == symbols


# A list of resolutions that a line break cut into two paragraphs: the second paragraph's citations.
CUT_LISTS = [
    pytest.param("Recalling its resolutions 2100 (2013) of 25 April 2013, 2164 (2014) of",
                 "25 June 2014, 2227 (2015) of 29 June 2015, 2295 (2016) of 29 June 2016, and its statements,",
                 ["S/RES/2227 (2015)", "S/RES/2295 (2016)"], id="cut-after-of"),
    pytest.param("Reaffirming its resolutions 1674 (2006), 1894 (2009),", "2175 (2014) and 2222 (2015),",
                 ["S/RES/2175 (2014)", "S/RES/2222 (2015)"], id="cut-after-comma"),
    pytest.param("The Council met on the situation in Mali.", "12 (1946) was a figure.", [],
                 id="paragraph-after-a-full-stop-starts-afresh"),
    pytest.param("Recalling its resolutions 2100 (2013) and 2164 (2014). The list of", "2 (1946) things.", [],
                 id="list-ended-before-the-break"),
]


@pytest.mark.parametrize(("first", "second", "symbols"), CUT_LISTS)
def test_list_cut_by_a_paragraph_break(first: str, second: str, symbols: list[str]) -> None:
    text = normalise(f"{first}\n\n{second}")
    start = text.index(second[:6])
    assert [r.symbol for r in document_refs(text, start, len(text))[0]] == symbols


def test_press_release_is_its_own_kind() -> None:
    text = "(See Press Release GA/SHC/3872.)"
    (ref,) = document_refs(text, 0, len(text))[0]
    assert (ref.symbol, ref.kind, text[ref.start:ref.end]) == ("GA/SHC/3872", "press-release", "GA/SHC/3872")


def test_undatable_resolution_symbol_is_a_document() -> None:
    text = "see S/RES/9999"
    (ref,) = document_refs(text, 0, len(text))[0]
    assert (ref.symbol, ref.kind) == ("S/RES/9999", "document")


def test_year_contradicting_the_number_is_corrected_with_a_finding() -> None:
    text = "Security Council resolution 2331 (2661)"
    refs, findings = document_refs(text, 0, len(text))
    assert [r.symbol for r in refs] == ["S/RES/2331 (2016)"]
    assert refs[0].printed_year == 2661
    assert [f.kind for f in findings] == ["YearMismatch"]
    assert "2331" in findings[0].message and "2016" in findings[0].message


@pytest.mark.parametrize(("year", "cited", "about"), [
    pytest.param(2010, ["S/RES/1908 (2010)"], "S/RES/1908 (2010)", id="number-of-the-citing-year-is-trusted"),
    pytest.param(2001, [], None, id="either-may-be-misprinted"),
    pytest.param(None, [], None, id="year-unknown"),
])
def test_the_citing_documents_year_tells_which_is_misprinted(year, cited, about) -> None:
    text = "Unanimously adopting resolution 1908 (2001), the Council raised the ceiling."
    refs, findings = document_refs(text, 0, len(text), year=year)
    assert [r.symbol for r in refs] == cited
    assert [(f.kind, f.document.symbol if f.document else None) for f in findings] == [("YearMismatch", about)]


def _resolution(name: str):
    return extract_resolution(read_source(RESOLUTIONS / name))


def test_heading_is_not_a_citation() -> None:
    record = _resolution("S_RES_0889_1993_EN_GOLD.txt")
    cited = [c.document.symbol for c in record.citations if c.document is not None]
    assert "S/RES/889 (1993)" not in cited
    assert cited[:3] == ["S/RES/186 (1964)", "S/RES/831 (1993)", "S/RES/839 (1993)"]


def test_footnotes_are_read() -> None:
    # "Recognizing that the Security Council recommended 9 the admission ..." / "9 See resolution 142 (1960)"
    record = _resolution("S_RES_0145_1960_EN_GOLD.txt")
    source = read_source(RESOLUTIONS / "S_RES_0145_1960_EN_GOLD.txt")
    (cited,) = [c for c in record.citations if c.start >= record.text.end and c.document.kind == "resolution"]
    assert (cited.document.symbol, source.text[cited.start:cited.end]) == ("S/RES/142 (1960)", "142 (1960)")
    assert (cited.paragraph.key, cited.phrase) == ("preamble/6", "Recognizing")


def test_advisory_opinion_title() -> None:
    # "44 Legal Consequences for States ... notwithstanding Security Council Resolution 276 (1970), Advisory
    # Opinion": the footnote cites the opinion; its title names the resolution.
    record = _resolution("S_RES_0301_1971_EN_GOLD.txt")
    assert all(c.start < record.text.end for c in record.citations if c.document and c.document.kind == "resolution")


def test_page_header_is_not_a_citation() -> None:
    record = _resolution("S_RES_1445_2002_EN_GOLD.txt")
    assert "S/RES/1445 (2002)" not in {c.document.symbol for c in record.citations if c.document}


def test_treaty_series_volume() -> None:
    record = _resolution("S_RES_0271_1969_EN_GOLD.txt")
    assert "S/RES/75 (1950)" not in {c.document.symbol for c in record.citations if c.document}


def test_misprinted_number() -> None:
    record = _resolution("S_RES_0706_1991_EN_GOLD.txt")  # "resolution 587 (1991)": 687 (1991) was meant
    assert "S/RES/587 (1986)" not in {c.document.symbol for c in record.citations if c.document}
    (finding,) = [f for f in record.findings if f.kind == "YearMismatch"]
    assert "587" in finding.message and finding.document is None


def test_ocr_garbled_number_is_skipped() -> None:
    cited = [c.document.symbol for c in _resolution("S_RES_0583_1986_EN_GOLD.txt").citations if c.document]
    assert "S/RES/8 (1982)" not in cited
    assert {"S/RES/425 (1978)", "S/RES/426 (1978)", "S/RES/509 (1982)", "S/RES/520 (1982)"} <= set(cited)


INSTRUMENTS = [
    pytest.param("the Palermo Protocol", "trafficking-in-persons-protocol", None, id="palermo-protocol"),
    pytest.param("the Trafficking in Persons Protocol", "trafficking-in-persons-protocol", None, id="tip-protocol"),
    pytest.param("its Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children",
                 "trafficking-in-persons-protocol", None, id="protocol-official-title"),
    pytest.param("the Palermo Convention", "un-convention-against-transnational-organized-crime", None,
                 id="palermo-convention"),
    pytest.param("the United Nations Convention against Transnational Organized Crime",
                 "un-convention-against-transnational-organized-crime", None, id="convention-title"),
    pytest.param("in line with Article 15 of the UN Convention against Transnational Organized Crime",
                 "un-convention-against-transnational-organized-crime", "15", id="article"),
    pytest.param("the 1951 Refugee Convention", "refugee-convention-1951", None, id="refugee-convention"),
    pytest.param("the Charter of the United Nations", "charter-of-the-united-nations", None, id="charter"),
]


@pytest.mark.parametrize(("text", "key", "article"), INSTRUMENTS)
def test_instrument_aliases_resolve_to_one_node(text: str, key: str, article) -> None:
    (ref,) = instrument_refs(text, 0, len(text))
    assert (ref.entity.key, ref.article, ref.entity.in_reference) == (key, article, True)


def test_unknown_instrument_still_becomes_a_node() -> None:
    text = "He recalled the Kampala Declaration on Regional Cooperation, adopted last year."
    (ref,) = instrument_refs(text, 0, len(text))
    assert ref.entity.name == "Kampala Declaration on Regional Cooperation"
    assert ref.entity.in_reference is False and ref.entity.category == "declaration"


@pytest.mark.parametrize("text", ["the Peace Accords signed in 1992", "the General Armistice Agreement",
                                  "the Joint Declaration of the two Governments"])
def test_generic_unknown_names_are_not_instruments(text: str) -> None:
    assert instrument_refs(text, 0, len(text)) == []


def test_statement_citations_in_a_release() -> None:
    text = ("9000th Meeting (AM)\nSC/16000\n\nSecurity Council Unanimously Adopts Resolution 2700 (2023)\n\n"
            "Unanimously adopting resolution 2700 (2023), the Council acted.\n\nStatements\n\n"
            "JOHN DOE (Chile), welcoming resolution 2331 (2016), said the resolution just adopted was good.\n")
    from councilgraph.extract.press_release import extract_press_release

    release = extract_press_release(decode_source(text.encode(), "t.txt"))
    cited = [(c.statement, c.document.symbol, c.phrase, c.cito) for c in release.citations if c.statement]
    assert cited == [(1, "S/RES/2331 (2016)", "welcoming", "agreesWith"), (1, "S/RES/2700 (2023)", None, "cites")]


@pytest.mark.parametrize(("opening", "phrase"), [
    ("welcoming", "welcoming"), ("denoting", None), ("Recallings of", None), ("noting", "noting")])
def test_an_opening_phrase_is_a_whole_word(opening: str, phrase: str | None) -> None:
    text = ("9000th Meeting (AM)\nSC/16000\n\nSecurity Council Holds Debate\n\nThe Council met today.\n\nStatements\n\n"
            f"JOHN DOE (Chile), {opening} resolution 2331 (2016), said the text was good.\n")
    from councilgraph.extract.press_release import extract_press_release

    release = extract_press_release(decode_source(text.encode(), "t.txt"))
    assert [c.phrase for c in release.citations if c.statement] == [phrase]


def test_a_long_list_of_numbers_is_read_whole() -> None:
    """Each number of a long list is one reference (the overlap test is by position, linear in the list)."""
    from councilgraph.extract.citations import document_refs

    text = "recalling its resolutions " + ", ".join(["1373"] * 3000) + " and 1540."
    refs, _ = document_refs(text, 0, len(text))
    assert len(refs) == 3001 and refs[-1].symbol == "S/RES/1540 (2004)"
