"""Reporting verbs as regular-expression alternations, one per use (``ontology/reporting_verbs.csv``).

The speaker forms need the same verbs in several places with different reach: any reporting verb
after a named speaker, a narrower set after a State named alone ("Mexico said", not "Israel took
control"), title-case forms in headlines. Keeping them in one table says which verb serves where.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from councilgraph.ontology.reference import reporting_verbs

__all__ = ["alternation", "verbs"]

_LOOKAHEAD = re.compile(r"(?P<verb>\S+) \[(?P<next>[^\]]+)\]")  # "read [out]": "read", said only before "out"


@cache
def verbs(use: str) -> str:
    """"(?:said|stated|...)": a non-capturing alternation of the forms of ``use`` (see :func:`alternation`)."""
    return alternation(reporting_verbs()[use])


def alternation(forms: Iterable[str]) -> str:
    """The forms as one alternation, longest first, so that a form that begins another ("called", "called for")
    never hides it, and in the same order whatever the table's; blanks match any run of blanks."""
    return "(?:" + "|".join(_form(f) for f in sorted(forms, key=lambda f: (-len(f), f))) + ")"


def _form(form: str) -> str:
    if (m := _LOOKAHEAD.fullmatch(form)) is not None:
        return rf"{re.escape(m['verb'])}(?=\s+{re.escape(m['next'])}\b)"
    return r"\s+".join(re.escape(word) for word in form.split())
