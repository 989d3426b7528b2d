"""Imported by the build's fork server, so that every worker it forks starts warm.

A document's build fills caches on first use: the gazetteer of States and
organisations, the instrument names, the opening-phrase lexicon, the table of
resolution years, the ontology's class and property hierarchy and the
compiled SHACL shapes. A fresh worker spent about 95 ms on them with its
first document, and workers are replaced every 25 documents; made here once,
the workers share them copy-on-write. They are also frozen out of the garbage
collector: its full collections would walk them all (20 ms each) and, by
touching them, copy their pages into every worker.
"""

from __future__ import annotations

import contextlib
import gc

from councilgraph.exports.base import DocumentGraph
from councilgraph.extract.gazetteer import gazetteer
from councilgraph.extract.mentions import instrument_refs
from councilgraph.extract.resolution_text import lexicon
from councilgraph.graph.namespace import CG
from councilgraph.graph.vocabulary import superclasses, superproperties, terms
from councilgraph.ontology.reference import opening_phrases, resolution_years
from councilgraph.validate import validate_graph

__all__ = ["warm_up"]


def warm_up() -> None:
    """Fill the caches a document's build would fill on first use."""
    gazetteer()
    instrument_refs("", 0, 0)
    lexicon()
    resolution_years()
    opening_phrases()
    validate_graph(DocumentGraph(CG.Resolution, ()))  # compiles the shapes and lists the predicates they read
    for term in terms():
        if str(term).startswith(str(CG)):
            superclasses(term)
            superproperties(term)


# A failure here must not kill the fork server (and with it the build): the first document that
# needs the cache meets the same error and reports it as its own failure.
with contextlib.suppress(Exception):
    warm_up()
gc.freeze()
