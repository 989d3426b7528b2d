"""Benchmark: build throughput on the bundled seed release, and extraction on resolution texts.

Prints documents/s and triples/s for each stage (read, extract, map,
serialise), extraction alone on the 301 resolution texts of the test data,
and peak resident memory. Not a test: figures depend on the machine. Run
from the repository root:

    python3 benchmarks/bench_build.py [--repeat N]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from councilgraph.exports import NQuadsExporter, TurtleExporter
from councilgraph.exports.base import DocumentGraph
from councilgraph.exports.nquads import ntriples_lines
from councilgraph.extract.press_release import extract_press_release
from councilgraph.extract.read import decode_source, read_source
from councilgraph.extract.resolution_document import extract_resolution
from councilgraph.graph.mapping import press_release_triples, release_iri
from councilgraph.validate import validate_graph, validate_ntriples

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "SC-13081.txt"
RESOLUTIONS = ROOT / "tests" / "data" / "resolutions"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50, help="how many times to build the seed (default 50)")
    parser.add_argument("--merged", type=int, default=1000,
                        help="validate a merged graph of this many seed-size documents (default 1000)")
    args = parser.parse_args()

    timings = {"read": 0.0, "extract": 0.0, "map": 0.0, "validate": 0.0, "serialise": 0.0}
    triples = 0
    with tempfile.TemporaryDirectory() as tmp:
        turtle, nquads = TurtleExporter(Path(tmp) / "graph.ttl"), NQuadsExporter(Path(tmp) / "graph.nq")
        seed_bytes = SEED.read_bytes()
        merged: list[str] = []
        per_document = 0
        for n in range(args.repeat):
            # Each copy is a distinct release (its own symbol and meeting), so statements, citations
            # and findings are new nodes, as in an archive; States, people and resolutions are shared.
            data = seed_bytes.replace(b"SC/13081", f"SC/{20000 + n}".encode()).replace(
                b"8111th Meeting", f"{9000 + n}th Meeting".encode())
            t0 = time.perf_counter()
            source = decode_source(data, f"SC-{20000 + n}.txt")
            t1 = time.perf_counter()
            release = extract_press_release(source)
            t2 = time.perf_counter()
            graph = tuple(press_release_triples(source, release))
            document = DocumentGraph(release_iri(release), graph, ntriples_lines(graph))
            t3 = time.perf_counter()
            validate_graph(document)
            t3v = time.perf_counter()
            turtle.write(document)
            nquads.write(document)
            t4 = time.perf_counter()
            timings["read"] += t1 - t0
            timings["extract"] += t2 - t1
            timings["map"] += t3 - t2
            timings["validate"] += t3v - t3
            timings["serialise"] += t4 - t3v
            merged.extend(document.lines)
            per_document = per_document or len(document.lines)
            triples += len(document.triples)
        t5 = time.perf_counter()
        turtle.finalize()
        nquads.finalize()
        timings["serialise"] += time.perf_counter() - t5

    total = sum(timings.values())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents: {args.repeat} distinct copies of {SEED.name} ({triples // args.repeat} triples each)")
    print(f"end to end: {args.repeat / total:.1f} documents/s, {triples / total:,.0f} triples/s")
    for stage, seconds in timings.items():
        print(f"  {stage:<10} {seconds / args.repeat * 1000:8.1f} ms/document  ({seconds / total:5.1%})")
    print(f"extraction alone, seed: {args.repeat / timings['extract']:.1f} documents/s")
    # The merged graph: the first copy's lines, renamed per document (same shape as an archive's union).
    first = "".join(merged[:per_document])
    text = "".join(first.replace("/doc/SC-20000", f"/doc/SC-{30000 + n}") for n in range(args.merged))
    started = time.perf_counter()
    merged_report = validate_ntriples("merged", text)
    print(f"validation of a merged graph of {args.merged} documents ({text.count(chr(10)):,} triples): "
          f"{time.perf_counter() - started:.2f} s, conforms: {merged_report.conforms}")
    sources = [read_source(p) for p in sorted(RESOLUTIONS.glob("S_RES_*.txt"))]
    started = time.perf_counter()
    for source in sources:
        extract_resolution(source)
    seconds = time.perf_counter() - started
    print(f"extraction alone, {len(sources)} resolution texts: {len(sources) / seconds:.1f} documents/s")
    print(f"peak resident memory: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
