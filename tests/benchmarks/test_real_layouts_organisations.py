"""How the real-layouts scorer judges the organisations an annotator lists."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from real_layouts import Scores, score_document  # noqa: E402 - the script sits in benchmarks/

# A release written for this test, in the house style.
RELEASE = (
    "4100th Meeting (AM)\nSC/6900\n\nSecurity Council Hears Briefing\n\nSummary.\n\nStatements\n\n"
    "The representative of Chile welcomed the work of the World Trade Organization (WTO) and of UNICEF.\n\n"
    "* *** *\n\nFor information media. Not an official record.\n"
)


def test_an_organisation_annotated_with_its_acronym_is_found_by_either(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text(RELEASE, "utf-8")
    (tmp_path / "doc.json").write_text(json.dumps({"organisations": [
        "World Trade Organization (WTO)", "United Nations Children's Fund (UNICEF)", "Freedonian Red Cross (FRC)"]}))
    scores = Scores()
    score_document(tmp_path / "doc.txt", scores)
    assert (scores.organisations.found, scores.organisations.missed) == (2, 1)
    assert scores.organisations.misses == ["doc: missed organisation Freedonian Red Cross (FRC)"]
