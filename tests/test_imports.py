"""Start-up cost: the command line and a build import only what they use (issue 14).

Importing rdflib, NetworkX, Matplotlib or the SHACL engine costs 60-100 ms each, more than a
document takes to build: `councilgraph --help`, `query` and `serve` need none of them, and a
build needs no NetworkX. Checked by the modules loaded in a fresh interpreter, not by time.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("rdflib", "networkx", "matplotlib", "shacl", "pyshacl", "numpy")


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True,
                            cwd=ROOT.parent)
    return set(json.loads(result.stdout.splitlines()[-1]))


def _heavy(loaded: set[str]) -> list[str]:
    return sorted({name.split(".")[0] for name in loaded} & set(HEAVY))


def test_the_command_line_starts_without_rdf_network_or_plotting_libraries() -> None:
    loaded = _loaded_after("import councilgraph.cli")
    assert not _heavy(loaded)
    assert "councilgraph.extract" not in loaded  # the extractors' patterns: compiled on import


def test_help_and_query_list_do_not_import_the_http_client() -> None:
    # urllib.request and http.client: 15 ms of every command's start, for `serve` asking its server if it is up
    # (a build imports them anyway: rdflib does).
    loaded = _loaded_after("from click.testing import CliRunner\nfrom councilgraph.cli import main\n"
                           "assert CliRunner().invoke(main, ['--help']).exit_code == 0\n"
                           "assert CliRunner().invoke(main, ['query', '--list']).exit_code == 0")
    assert not loaded & {"urllib.request", "http.client"}


def test_help_and_query_list_run_without_them() -> None:
    loaded = _loaded_after("from click.testing import CliRunner\nfrom councilgraph.cli import main\n"
                           "assert CliRunner().invoke(main, ['--help']).exit_code == 0\n"
                           "assert CliRunner().invoke(main, ['query', '--list']).exit_code == 0")
    assert not _heavy(loaded)


def test_a_build_makes_the_network_fragment_without_networkx() -> None:
    loaded = _loaded_after("from pathlib import Path\nfrom councilgraph.pipeline import build_path\n"
                           "from councilgraph.exports import EXPORTERS\n"
                           f"document = build_path(Path({str(ROOT / 'examples' / 'SC-13081.txt')!r}))\n"
                           "assert EXPORTERS['graphml'].fragment(document.graph)")
    assert "networkx" not in loaded


def test_a_local_build_of_one_text_imports_only_what_it_uses(tmp_path: Path) -> None:
    # distributed takes a second to import and starts nothing a local build needs: only --scheduler loads it.
    # asyncio (10 ms) comes with it, and only then. One text needs no worker pool, and no web page reader.
    loaded = _loaded_after("from click.testing import CliRunner\nfrom councilgraph.cli import main\n"
                           "assert CliRunner().invoke(main, ['build', '--help']).exit_code == 0\n"
                           f"result = CliRunner().invoke(main, ['build', {str(ROOT / 'examples')!r}, '--out', "
                           f"{str(tmp_path)!r}, '-j', '1'])\n"
                           "assert result.exit_code == 0, result.output")
    assert "councilgraph.cluster" not in loaded  # its error type is batch's
    assert "councilgraph.pool" not in loaded and "councilgraph.extract.html" not in loaded  # one text: no worker
    assert not {name.split(".")[0] for name in loaded} & {"dask", "distributed", "asyncio"}


def test_the_ontology_and_shapes_are_read_without_rdflibs_turtle_parser() -> None:
    # rdflib's parser took 15 ms for the ontology and 16 for the shapes, in every build process.
    loaded = _loaded_after("from councilgraph.graph.namespace import CG\n"
                           "from councilgraph.graph.vocabulary import superclasses\n"
                           "from councilgraph.validate import validate_ntriples\n"
                           "assert superclasses(CG.PressRelease)\n"
                           "assert validate_ntriples('x', '').conforms")
    assert "rdflib.plugins.parsers.notation3" not in loaded
