"""The layout fixtures: hand-written releases in the layouts real pages of 1996-2025 use, each with
the facts a reader finds in it; the measuring script meets the issue's targets on them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from real_layouts import FIXTURES, Scores, Tally, pooled, score_folder  # noqa: E402 - the script sits in benchmarks/


@pytest.fixture(scope="module")
def scores() -> Scores:
    return score_folder(FIXTURES)


def test_every_layout_fixture_builds(scores: Scores) -> None:
    assert scores.documents == len(list(FIXTURES.glob("*.json"))) >= 12
    assert scores.failures == []
    assert scores.built == scores.documents


@pytest.mark.parametrize(("field", "least"), [
    ("symbol", 1.0), ("date", 1.0), ("meetings", 1.0), ("resolutions", 0.98), ("actions", 0.95), ("speakers", 0.95),
    ("alignments", 0.95), ("organisations", 0.95),
])
def test_fields_meet_their_targets(scores: Scores, field: str, least: float) -> None:
    tally: Tally = getattr(scores, field)
    assert tally.f1 >= least, "\n".join(tally.misses)


def test_no_speaker_is_a_headline(scores: Scores) -> None:
    assert scores.not_a_person == []


def test_tally_counts_misses_and_extras() -> None:
    tally = Tally()
    tally.add(["a", "b", "b"], ["b", "c"], "doc")
    assert (tally.found, tally.missed, tally.extra) == (1, 2, 1)
    assert tally.misses == ["doc: missed a", "doc: missed b", "doc: extra c"]
    assert (round(tally.precision, 2), round(tally.recall, 2)) == (0.5, 0.33)


def test_script_prints_every_field(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "real_layouts.py"), "-v"],
                            capture_output=True, text=True, timeout=120, check=True)
    lines = result.stdout.splitlines()
    assert lines[0].endswith("built (100%)")
    for field in Scores.FIELDS:
        assert any(line.startswith(field) for line in lines), field


def test_script_compares_folders_side_by_side() -> None:
    fixtures = str(ROOT / "tests" / "data" / "layouts")
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "real_layouts.py"), fixtures, fixtures],
                            capture_output=True, text=True, timeout=120, check=True)
    lines = result.stdout.splitlines()
    assert lines[0].startswith("| field | layouts (") and lines[0].count("layouts (") == 2
    assert "| symbol | 100% / 100% | 100% / 100% |" in lines
    assert lines[-1] == "| speakers that are no person | 0 | 0 |"


def test_actions_are_split_by_what_was_acted_on(scores: Scores) -> None:
    split = (scores.resolution_actions, scores.draft_actions)
    assert all(t.found for t in split)  # the fixtures hold both kinds
    assert [sum(t.found for t in split), sum(t.missed for t in split), sum(t.extra for t in split)] == [
        scores.actions.found, scores.actions.missed, scores.actions.extra]


def test_pooled_figures_sum_the_folders(scores: Scores) -> None:
    total = pooled([scores, scores])
    assert (total.documents, total.built) == (2 * scores.documents, 2 * scores.built)
    for _, name in Scores.ROWS:
        one, both = getattr(scores, name), getattr(total, name)
        assert (both.found, both.missed, both.extra) == (2 * one.found, 2 * one.missed, 2 * one.extra), name
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "real_layouts.py"), "--pooled", str(FIXTURES),
                             str(FIXTURES)], capture_output=True, text=True, timeout=120, check=True)
    assert result.stdout.splitlines()[0] == f"{2 * scores.documents} documents, {2 * scores.built} built (100%)"
