"""N-Quads shards of a build, for a large RDF store to bulk-load (``councilgraph build --shards N``).

The merge into one store and one set of files is the part of a build that does not
scale out (see "On a cluster" in the README). Past what one machine's store holds, a
build can hand its documents to a store made for billions of quads: ``DIR/shards/``
holds ``part-00001.nq``, ``part-00002.nq``, ... each with N documents in graph order,
each document its own named graph (its IRI), the lines exactly as in ``graph.nq``, so
the shards together are ``graph.nq`` cut at document boundaries. The files are made
from the documents' N-Quads fragments kept in ``DIR/.councilgraph/`` (the store and
``graph.nq`` are not read), one fragment at a time: memory stays flat.

The folder is a derived output, like ``tables/``: ``shards/build.stamp`` carries the
stamp of the build it was made from (:func:`councilgraph.derived.build_stamp`) and the
documents per shard. It is written beside the old one (``DIR/.shards.new-PID/``, each
file fsynced) and renamed into place; an unchanged build with the same N leaves it as it
is, and a later build without ``--shards`` names it stale.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from councilgraph.derived import SHARDS_DIR, SHARDS_STAMP, build_stamp
from councilgraph.loading import STORE_FRAGMENT
from councilgraph.manifest import MANIFEST, Manifest
from councilgraph.output import CACHE_DIR, fsync_directory, locked

__all__ = ["shard_name", "write_shards"]


def shard_name(index: int) -> str:
    """The file of the ``index``-th shard (from 0): names sort in the order of the documents."""
    return f"part-{index + 1:05d}.nq"


def write_shards(out_dir: Path, per_shard: int) -> list[Path]:
    """Write the documents of the build in ``out_dir`` as N-Quads shards of ``per_shard`` documents each;
    the shard files. Waits for a build writing to ``out_dir`` (it would change the fragments underneath).

    Raises:
        OSError: the shards cannot be written, or the build's fragments are gone (build again).
    """
    if per_shard < 1:
        raise ValueError("a shard holds at least one document")
    with locked(out_dir, wait=True):
        stamp = build_stamp(out_dir)
        if stamp is None:
            raise FileNotFoundError(f"no {MANIFEST} in {out_dir}: build it first")
        label = f"{stamp}\ndocuments per shard {per_shard}\n"
        target = out_dir / SHARDS_DIR
        if _read(target / SHARDS_STAMP) == label:
            return sorted(target.glob("part-*.nq"))  # made from this build already
        for leftover in out_dir.glob(f".{SHARDS_DIR}.*-*"):  # of a write that was killed: the lock is ours
            shutil.rmtree(leftover, ignore_errors=True)
        staged = out_dir / f".{SHARDS_DIR}.new-{os.getpid()}"
        staged.mkdir()
        try:
            _write(staged, Manifest.load(out_dir / MANIFEST), out_dir / CACHE_DIR, per_shard, label)
            old = out_dir / f".{SHARDS_DIR}.old-{os.getpid()}"
            if target.exists():
                os.replace(target, old)
            os.replace(staged, target)
            fsync_directory(out_dir)
            shutil.rmtree(old, ignore_errors=True)
        finally:
            shutil.rmtree(staged, ignore_errors=True)
        return sorted(target.glob("part-*.nq"))


def _write(folder: Path, manifest: Manifest, cache: Path, per_shard: int, label: str) -> None:
    entries = sorted(manifest.entries.values(), key=lambda e: e.graph)  # the order of graph.nq
    for index in range(0, len(entries), per_shard):
        with (folder / shard_name(index // per_shard)).open("wb") as out:
            for entry in entries[index:index + per_shard]:
                out.write((cache / f"{entry.fragments}.{STORE_FRAGMENT}").read_bytes())
            out.flush()
            os.fsync(out.fileno())
    # Last: a folder with a stamp is complete.
    with (folder / SHARDS_STAMP).open("w", encoding="utf-8") as out:
        out.write(label)
        out.flush()
        os.fsync(out.fileno())
    fsync_directory(folder)


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
