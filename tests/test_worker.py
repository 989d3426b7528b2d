"""The fork server's warm-up: the caches a document's build fills are filled before any worker is forked."""

from __future__ import annotations

import json
import subprocess
import sys

# In a fresh interpreter: importing the module is what the fork server does.
_PROBE = """
import gc, json
from councilgraph.extract.gazetteer import gazetteer
from councilgraph.graph.vocabulary import superclasses
from councilgraph.extract.resolution_text import lexicon
from councilgraph import validate
before = (gazetteer.cache_info().currsize, superclasses.cache_info().currsize, gc.get_freeze_count())
import councilgraph.worker
after = (gazetteer.cache_info().currsize, lexicon.cache_info().currsize, superclasses.cache_info().currsize,
         gc.get_freeze_count())
print(json.dumps([before, after, [validate._shapes.cache_info().currsize, validate._named_iris.cache_info().currsize]]))
"""


def test_importing_the_worker_module_fills_the_caches_and_freezes_them() -> None:
    result = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True)
    before, after, validation = json.loads(result.stdout)
    assert before == [0, 0, 0]
    gazetteer_size, lexicon_size, classes, frozen = after
    assert gazetteer_size == 1 and lexicon_size == 1
    assert classes > 50  # every class and property of the ontology
    assert frozen > 10_000  # out of the collector's reach, shared by the workers
    assert validation == [1, 1]  # the compiled shapes, and the predicates they read (validate.validated_ntriples)

