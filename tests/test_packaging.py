"""The wheel installs one package, councilgraph, with the ontology and shapes inside."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    (path,) = out.glob("councilgraph-*.whl")
    return zipfile.ZipFile(path)


def test_wheel_has_one_top_level_package(wheel: zipfile.ZipFile) -> None:
    tops = {name.split("/")[0] for name in wheel.namelist() if not name.split("/")[0].endswith(".dist-info")}
    assert tops == {"councilgraph"}


def test_wheel_carries_ontology_reference_data_and_shapes(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    for required in ("councilgraph/ontology/councilgraph.ttl", "councilgraph/ontology/states.csv",
                     "councilgraph/ontology/organizations.csv", "councilgraph/ontology/context.jsonld",
                     "councilgraph/shapes/councilgraph-shapes.ttl",
                     "councilgraph/cli.py", "councilgraph/graph/mapping.py", "councilgraph/exports/nquads.py",
                     "councilgraph/py.typed", "councilgraph/viz/static/cytoscape.min.js",
                     "councilgraph/queries/speakers.rq"):
        assert required in names
    assert not any(name.startswith(("councilgraph/tests/", "councilgraph/benchmarks/")) for name in names)


def test_wheel_declares_console_script(wheel: zipfile.ZipFile) -> None:
    entry_points = next(n for n in wheel.namelist() if n.endswith("entry_points.txt"))
    assert "councilgraph = councilgraph.cli:main" in wheel.read(entry_points).decode()


def test_installed_wheel_builds_the_seed(wheel: zipfile.ZipFile, tmp_path: Path) -> None:
    target = tmp_path / "site"
    install = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target",
                              str(target), wheel.filename], capture_output=True, text=True)
    assert install.returncode == 0, install.stderr
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]); import councilgraph, councilgraph.cli as cli; "
        "assert councilgraph.__file__.startswith(sys.argv[1]), councilgraph.__file__; "
        "sys.argv = ['councilgraph', 'build', sys.argv[2], '--out', sys.argv[3], '-q']; cli.main()"
    )
    run = subprocess.run([sys.executable, "-c", script, str(target), str(ROOT / "examples" / "SC-13081.txt"),
                          str(tmp_path / "out")], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "out" / "graph.nq").stat().st_size > 100_000
