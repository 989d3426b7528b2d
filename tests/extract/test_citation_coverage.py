"""All 301 resolution texts parse, and our resolution citations are compared with the plain pattern.

The plain pattern ``[0-9]{1,4} \\([0-9]{4}\\)`` is what a quick search would use. Every place
where it and the extractor disagree falls in one of the categories below, and each category has
its own test in ``test_citations.py`` showing why the extractor is right.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from councilgraph.extract.read import read_source
from councilgraph.extract.resolution_document import extract_resolution

RESOLUTIONS = sorted((Path(__file__).resolve().parent.parent / "data" / "resolutions").glob("S_RES_*.txt"))
PLAIN = re.compile(r"[0-9]{1,4} \([0-9]{4}\)")

# category -> number of occurrences over the 301 files; explained by the named test
EXPECTED = {
    "plain only: the file's own heading, not a citation (test_heading_is_not_a_citation)": 301,
    "plain only: Treaty Series volume in a footnote, 'vol. 75 (1950)' (test_treaty_series_volume)": 2,
    "plain only: a footnote's title of an ICJ opinion naming a resolution (test_advisory_opinion_title)": 2,
    "plain only: the file's own symbol as page header (test_page_header_is_not_a_citation)": 4,
    "plain only: OCR-garbled number, e.g. 'SO8 (1982)' (test_ocr_garbled_number_is_skipped)": 1,
    "plain only: number and year disagree, both possible: a finding, no citation (test_misprinted_number)": 2,
    "extractor only: line break between number and year (test_written_forms[line-break])": 111,
    "extractor only: no space before the year (test_written_forms[no-space])": 3,
    "extractor only: number without its year, dated by the table (test_written_forms[number-without-year])": 2,
}


@pytest.fixture(scope="module")
def parsed():
    return [(path, read_source(path)) for path in RESOLUTIONS]


def test_there_are_301_resolution_files() -> None:
    assert len(RESOLUTIONS) == 301


def test_every_resolution_parses(parsed) -> None:
    failures = []
    for path, source in parsed:
        try:
            record = extract_resolution(source)
        except Exception as err:  # noqa: BLE001 - the report lists every failure
            failures.append(f"{path.name}: {err}")
            continue
        kinds = Counter(p.kind for p in record.text.paragraphs)
        if not record.text.paragraphs or not kinds["operative"] + kinds["preambular"]:
            failures.append(f"{path.name}: no paragraphs")
    assert failures == []


def _category(source, record, start: int, plain: bool) -> str:
    text = source.text
    if plain:
        if start < record.text.paragraphs[0].start:
            return next(k for k in EXPECTED if "own heading" in k)
        if start >= record.text.end and text.startswith("vol. ", start - 5):
            return next(k for k in EXPECTED if "Treaty Series" in k)
        if start >= record.text.end and "Advisory Opinion" in text[start:start + 120]:
            return next(k for k in EXPECTED if "ICJ opinion" in k)
        if text.startswith("S/RES/", start - 6):
            return next(k for k in EXPECTED if "page header" in k)
        if any(f.kind == "YearMismatch" and f.start <= start < f.end for f in record.findings):
            return next(k for k in EXPECTED if "both possible" in k)
        if re.match(r"[A-Z]{1,2}\d", text[start - 2:start + 1]):
            return next(k for k in EXPECTED if "OCR" in k)
        return f"UNEXPLAINED plain match {text[max(0, start - 40):start + 15]!r} in {source.name}"
    written = text[start:start + 20]
    if re.match(r"\d{1,4}\s*\n\s*\(", written):
        return next(k for k in EXPECTED if "line break" in k)
    if re.match(r"\d{1,4}\(", written):
        return next(k for k in EXPECTED if "no space" in k)
    if not re.match(r"\d{1,4}\s*\(", written):  # "resolution 418", "resolution 161 A (1961)"
        return next(k for k in EXPECTED if "without its year" in k)
    return f"UNEXPLAINED extractor match {written!r} in {source.name}"


def test_citations_compared_with_the_plain_pattern(parsed) -> None:
    report: Counter[str] = Counter()
    plain_total = ours_total = 0
    for _, source in parsed:
        record = extract_resolution(source)
        ours = {c.start for c in record.citations if c.document is not None and c.document.kind == "resolution"}
        plain = {m.start() for m in PLAIN.finditer(source.text)}
        plain_total += len(plain)
        ours_total += len(ours)
        for start in sorted(plain - ours):
            report[_category(source, record, start, plain=True)] += 1
        for start in sorted(ours - plain):
            report[_category(source, record, start, plain=False)] += 1
    print(f"\nplain pattern: {plain_total}, extractor: {ours_total} Security Council resolution citations")
    for category, count in sorted(report.items()):
        print(f"  {count:4d}  {category}")
    assert dict(report) == EXPECTED
