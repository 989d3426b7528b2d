"""The synthetic archive generator (benchmarks/synthetic.py): deterministic, varied, and every
release it writes builds and conforms to the shapes."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from councilgraph.extract.gazetteer import gazetteer
from councilgraph.extract.read import decode_source
from councilgraph.extract.records import PressRelease
from councilgraph.extract.segment import segment
from councilgraph.pipeline import BuiltDocument, build_path
from councilgraph.validate import validate_graph

ROOT = Path(__file__).resolve().parents[2]


def _load() -> ModuleType:
    """benchmarks/ is not a package: load the script as a module."""
    spec = importlib.util.spec_from_file_location("synthetic_archive", ROOT / "benchmarks" / "synthetic.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the classes are made
    spec.loader.exec_module(module)
    return module


synthetic = _load()


@pytest.fixture(scope="module")
def seed_text(seed_path: Path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, seed_text: str) -> list[BuiltDocument]:
    paths = synthetic.write_archive(5, tmp_path_factory.mktemp("archive"), seed_text, rng_seed=11)
    return [build_path(path) for path in paths]


def _header(text: str) -> tuple[str, int]:
    header = segment(decode_source(text.encode("utf-8"), "x.txt")).header
    return header.symbol, header.meetings[0].number


def test_same_arguments_give_the_same_release(seed_text: str) -> None:
    first = synthetic.synthetic_release(seed_text, 7, rng_seed=3)
    assert synthetic.synthetic_release(seed_text, 7, rng_seed=3) == first
    assert synthetic.synthetic_release(seed_text, 7, rng_seed=4)[1] != first[1]
    assert synthetic.synthetic_release(seed_text, 8, rng_seed=3)[1] != first[1]


def test_symbols_and_meeting_numbers_are_distinct(seed_text: str) -> None:
    releases = [synthetic.synthetic_release(seed_text, i) for i in range(20)]
    headers = [_header(text) for _, text in releases]
    symbols, meetings = {s for s, _ in headers}, {m for _, m in headers}
    assert len(symbols) == len(meetings) == 20
    assert "SC/13081" not in symbols and 8111 not in meetings
    for (name, text), (symbol, meeting) in zip(releases, headers, strict=True):
        assert name == symbol.replace("/", "-") + ".txt"
        assert re.match(rf"{meeting}(st|nd|rd|th) Meeting \((AM|PM)\)\n", text)
    for index, ordinal in ((1, "10001st"), (2, "10002nd"), (3, "10003rd"), (11, "10011th")):
        assert releases[index][1].startswith(f"{ordinal} Meeting")


def test_sizes_vary_within_the_range(seed_text: str) -> None:
    sizes = [len(synthetic.synthetic_release(seed_text, i)[1].encode("utf-8")) for i in range(20)]
    assert all(synthetic.MIN_SIZE <= size <= synthetic.MAX_SIZE for size in sizes), sizes
    assert max(sizes) - min(sizes) > 60_000, sizes


def test_speakers_and_states_vary_but_people_recur(seed_text: str) -> None:
    names = [set(re.findall(r"^([A-Z][A-Z. ]+[A-Z]) \(", text, re.M))
             for _, text in (synthetic.synthetic_release(seed_text, i) for i in range(10))]
    assert all(len(n) > 1 for n in names)
    assert len(set.union(*names)) > max(map(len, names))  # releases differ ...
    assert any(a & b for i, a in enumerate(names) for b in names[i + 1:])  # ... and some ambassadors recur
    for name in (*synthetic._FEMALE, *synthetic._MALE, *synthetic._SURNAMES):
        assert not gazetteer().find_all(name) and not gazetteer().find_all(name.upper()), name


def test_release_index_is_bounded(seed_text: str) -> None:
    with pytest.raises(ValueError):
        synthetic.synthetic_release(seed_text, -1)
    with pytest.raises(ValueError):
        synthetic.synthetic_release(seed_text, synthetic.MAX_INDEX + 1)


def test_generated_releases_build_and_conform(built: list[BuiltDocument]) -> None:
    for document in built:
        record = document.record
        assert isinstance(record, PressRelease)
        report = validate_graph(document.graph)
        assert report.conforms, [r.message for r in report.results if r.severity == "Violation"]
        assert record.resolutions and len(record.statements) >= 10
        # Renamed States are all found back; the only findings are the seed's own slips.
        assert {f.kind for f in record.findings} <= {"YearMismatch", "DuplicateParticipant", "SpeakerNotListed"}


def test_the_adopted_resolution_cites_only_earlier_ones(built: list[BuiltDocument]) -> None:
    adopted_numbers = []
    for document in built:
        record = document.record
        assert isinstance(record, PressRelease)
        adopted = record.resolutions[0].document
        assert adopted.number is not None
        adopted_numbers.append(adopted.number)
        cited = [c.document.number for c in record.citations
                 if c.resolution == adopted.symbol and c.document is not None and c.document.kind == "resolution"]
        assert cited and all(n is not None and n < adopted.number for n in cited), (adopted.symbol, cited)
    assert len(set(adopted_numbers)) == len(adopted_numbers)


def test_command_line_writes_the_archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str], seed_text: str) -> None:
    monkeypatch.setattr(sys, "argv", ["synthetic.py", "3", str(tmp_path / "out"), "--seed", "5"])
    synthetic.main()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["SC-15000.txt", "SC-15001.txt", "SC-15002.txt"]
    assert "wrote 3 releases" in capsys.readouterr().out
    assert (tmp_path / "out" / "SC-15001.txt").read_text(encoding="utf-8") == \
        synthetic.synthetic_release(seed_text, 1, rng_seed=5)[1]
