"""Reporting verbs as patterns: each use matches its own forms, whole words, the longest form first."""

from __future__ import annotations

import re

import pytest

from councilgraph.extract.verbs import alternation, verbs


@pytest.mark.parametrize(("use", "text", "matched"), [
    pytest.param("after", "said", "said", id="plain-form"),
    pytest.param("after", "read out", "read", id="read-only-before-out"),
    pytest.param("after", "read the text", None, id="read-alone-is-no-reporting-verb"),
    pytest.param("state", "called  for", "called  for", id="phrase-across-blanks"),
    pytest.param("state", "called", None, id="called-alone-is-not-for-a-state"),
    pytest.param("participle", "emphasizing", "emphasizing", id="both-spellings"),
    pytest.param("headline", "Says", "Says", id="headline-title-case"),
    pytest.param("headline", "says", None, id="headline-is-case-sensitive"),
    pytest.param("headline-plural", "Take the Floor", "Take the Floor", id="headline-plural-phrase"),
])
def test_a_use_matches_its_forms(use: str, text: str, matched: str | None) -> None:
    m = re.match(verbs(use) + r"\b", text)
    assert (m[0] if m else None) == matched


def test_a_form_that_begins_another_does_not_hide_it() -> None:
    pattern = re.compile(alternation(["called", "called for", "read [out]"]))
    assert pattern.match("called for peace")[0] == "called for"
    assert pattern.match("read out the text")[0] == "read"
    assert alternation(["b", "a b"]) == alternation(["a b", "b"])  # the table's order does not matter
