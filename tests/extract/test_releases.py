"""The hand-written releases in UN house style, checked against their expected facts.

Each ``tests/data/releases/NAME.txt`` has ``NAME.expected.json`` (written by
hand from the text): symbol, meetings, times, headline, every statement with
printed name, delegation, role and alignments, and the participants list.
Votes in those files belong to the citations issue and are not checked here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from councilgraph.extract.gazetteer import gazetteer, normalise_name
from councilgraph.extract.press_release import extract_press_release
from councilgraph.extract.read import read_source
from councilgraph.ontology.reference import slugify_name

RELEASES = sorted((Path(__file__).resolve().parent.parent / "data" / "releases").glob("*.txt"))
KINDS = {"on_behalf_of": "on-behalf-of", "associates": "associating", "aligns": "aligning", "cosponsor": "co-sponsoring"}


def _key(label: str) -> str:
    """Expected files name organisations as printed ("org:Nordic countries"): resolve like the extractor does."""
    if not label.startswith("org:"):
        return label
    entity = gazetteer().lookup(label[4:])
    return entity.key if entity else slugify_name(label[4:])


def _typography(text: str | None) -> str | None:
    return text.replace("\u2011", "-").replace("\u2019", "'") if text else text


@pytest.fixture(params=RELEASES, ids=lambda p: p.stem)
def case(request):
    path = request.param
    source = read_source(path)
    return source, extract_press_release(source), json.loads(path.with_suffix(".expected.json").read_text("utf-8"))


def test_header(case) -> None:
    _, release, expected = case
    header = release.layout.header
    assert header.symbol == expected["symbol"]
    assert [m.number for m in header.meetings] == expected["meeting_numbers"]
    assert {m.part for m in header.meetings} == {expected["meeting_part"]}
    assert normalise_name(header.headline) == normalise_name(_typography(expected["headline"]))
    times = release.layout.times
    assert (times.opened, times.closed) == (expected["opened"], expected["closed"])


def test_statements(case) -> None:
    source, release, expected = case
    want = [(" ".join(filter(None, [s["title"], s["printed_name"]])) or None, _key(s["delegation"]),
             _typography(s["role"])) for s in expected["statements"]]
    got = [(s.speaker.printed_name and source.text[s.speaker.start:s.speaker.end], s.delegation.key, s.role)
           for s in release.statements]
    assert got == want


def test_alignments(case) -> None:
    _, release, expected = case
    want = [(order, KINDS[a["kind"]], _key(a["target"]))
            for order, s in enumerate(expected["statements"], start=1) for a in s["alignments"]
            # "a co-sponsor of the draft" needs coreference with the draft voted on: the citations issue.
            if a["target"] != "draft"]
    got = [(a.statement, a.kind, a.target.key if a.target else a.document.symbol) for a in release.alignments]
    assert got == want


def test_participants(case) -> None:
    _, release, expected = case
    assert [p.entity.key for p in release.participants] == [_key(p) for p in expected["participants_listed"]]
