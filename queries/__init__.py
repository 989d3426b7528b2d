"""Named SPARQL queries shipped with councilgraph, one ``.rq`` file each.

Each file opens with comment lines: the first says what the query answers,
the others how to read its rows and which variable to bind to narrow it
("Bind ?symbol ..."): those variables are the query's parameters.
The queries declare their own prefixes, so they run unchanged on any SPARQL
1.1 endpoint that treats the default graph as the union of the documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["NamedQuery", "named_queries", "named_query"]


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """A shipped query: its name (the file name without .rq), what it answers, its text, and the
    variables its comments say to bind (its parameters)."""

    name: str
    title: str
    description: str
    text: str
    parameters: tuple[str, ...] = ()


@cache
def named_queries() -> dict[str, NamedQuery]:
    """Every shipped query by name, sorted by name."""
    queries = {}
    for entry in sorted(resources.files(__package__).iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[:-3]
            queries[name] = _parse(name, entry.read_text(encoding="utf-8"))
    return queries


def named_query(name: str) -> NamedQuery:
    """One shipped query; KeyError names the queries there are."""
    queries = named_queries()
    if name not in queries:
        raise KeyError(f"no query named {name!r}; the named queries are: {', '.join(queries)}")
    return queries[name]


_PARAMETER = re.compile(r"\bBind \?(\w+)")


def _parse(name: str, text: str) -> NamedQuery:
    comments = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        comments.append(line.lstrip("#").strip())
    title = comments[0] if comments else name
    parameters = tuple(dict.fromkeys(_PARAMETER.findall("\n".join(comments))))
    return NamedQuery(name, title, " ".join(comments[1:]), text, parameters)
