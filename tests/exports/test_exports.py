"""Turtle and N-Quads exporters: parse back, one graph per document, byte-identical output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from councilgraph.exports import atomic_write, export_documents
from councilgraph.exports.nquads import nquad_term
from councilgraph.pipeline import build_path

DATA = Path(__file__).resolve().parent.parent / "data"
INPUTS = [DATA / "golden" / "mini-release.txt", DATA / "releases" / "sc-observers.txt"]


def _export(tmp_path: Path, inputs: list[Path]) -> tuple[Path, Path]:
    written = export_documents([build_path(path).graph for path in inputs], tmp_path, ("turtle", "nquads"))
    return written["turtle"], written["nquads"]


def test_nquads_has_one_named_graph_per_release(tmp_path: Path) -> None:
    _, nq = _export(tmp_path, INPUTS)
    dataset = Dataset()
    dataset.parse(nq, format="nquads")
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert names == {"https://w3id.org/councilgraph/id/doc/SC-16001", "https://w3id.org/councilgraph/id/doc/SC-16231"}


def test_turtle_is_the_union_of_the_quads(tmp_path: Path, assert_isomorphic) -> None:
    ttl, nq = _export(tmp_path, INPUTS)
    dataset = Dataset()
    dataset.parse(nq, format="nquads")
    union = Graph()
    for s, p, o, _ in dataset.quads():
        union.add((s, p, o))
    assert_isomorphic(union, Graph().parse(ttl))


def test_input_order_does_not_change_the_files(tmp_path: Path) -> None:
    first = _export(tmp_path / "a", INPUTS)
    second = _export(tmp_path / "b", list(reversed(INPUTS)))
    assert first[1].read_bytes() == second[1].read_bytes()
    assert first[0].read_bytes() == second[0].read_bytes()


def test_output_is_byte_identical_across_processes(tmp_path: Path, seed_path: Path) -> None:
    # Different hash seeds change set and dict iteration order; the files must not change.
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "councilgraph.cli", "build", str(seed_path), "--out", str(out), "-q"],
                       check=True, env=env)
        # The store is a database (its files hold write-ahead logs); its content is checked in tests/test_store.py.
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()})
    assert sorted(outputs[0]) == ["citations.gexf", "citations.graphml", "citations.json", "failures.tsv", "graph.nq",
                                  "graph.ttl", "manifest.json", "ontology.ttl", "shapes.ttl", "validation.md",
                                  "validation.ttl"]
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize(("term", "written"), [
    (Literal('say "no"\nthen\\stop'), r'"say \"no\"\nthen\\stop"'),
    (Literal(5), '"5"^^<http://www.w3.org/2001/XMLSchema#integer>'),
    (Literal("Paix", lang="fr"), '"Paix"@fr'),
    (URIRef("https://undocs.org/S/RES/2388(2017)"), "<https://undocs.org/S/RES/2388(2017)>"),
])
def test_nquad_terms(term, written: str) -> None:
    assert nquad_term(term) == written


def test_atomic_write_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    target.write_text("old")
    atomic_write(target, b"new")
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's private 0600


def test_a_verbatim_file_is_its_fragments_copied_one_after_another(tmp_path: Path) -> None:
    """N-Quads is the fragments as they are: copied by the kernel, the same bytes as written by the exporter."""
    from io import BytesIO

    from councilgraph.exports.base import StagedFiles, _copy, copy_into, write_file
    from councilgraph.exports.nquads import NQuadsExporter

    parts = [b"<a> <b> <c> <g1> .\n" * 1000, b"", "<d> <e> \"\u00e9\" <g2> .\n".encode() * 3]
    paths = []
    for i, data in enumerate(parts):
        paths.append(tmp_path / f"part{i}.nquads")
        paths[-1].write_bytes(data)
    files = StagedFiles()
    with files.open(tmp_path / "copied.nq") as out:
        copy_into(out, paths)
    write_file(files, tmp_path / "written.nq", NQuadsExporter, parts)
    files.commit()
    assert NQuadsExporter.verbatim
    assert (tmp_path / "copied.nq").read_bytes() == (tmp_path / "written.nq").read_bytes() == b"".join(parts)
    out = BytesIO()  # no descriptor: the copy falls back to reading and writing
    with paths[0].open("rb") as source:
        _copy(source, out)
    assert out.getvalue() == parts[0]
