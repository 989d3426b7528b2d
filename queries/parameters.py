"""The values a named query's parameters take, read the way people write them.

``--param instrument=Palermo Protocol`` binds the instrument's official title,
``--param symbol=2331`` (or ``S/RES/2331(2016)``) the canonical symbol
``S/RES/2331 (2016)``: the same reference lists and symbol reader the build
uses, so a parameter names what the graph holds. A value a parameter cannot
take (``meetingNumber=abc``) is a ValueError saying what it takes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache

from pyoxigraph import Literal, NamedNode

from councilgraph.extract.citations import document_refs
from councilgraph.graph.namespace import ID
from councilgraph.ontology.reference import Entity, instruments, organizations, states
from councilgraph.store import Term

__all__ = ["PARAMETER_KINDS", "parameter_value"]

_INTEGER = NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def _key(text: str) -> str:
    """How names are compared: case, accents' composition and spacing do not count."""
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


def _names(entities: Iterable[Entity]) -> dict[str, str]:
    """Every written form of the entities (name, aliases, acronym) -> the name the graph labels them with."""
    names: dict[str, str] = {}
    for entity in entities:
        for form in (entity.name, *entity.aliases, entity.acronym):
            if form:
                names.setdefault(_key(form), entity.name)  # the first entity keeps a form two share
    return names


@cache
def _instrument_names() -> dict[str, str]:
    return _names(instruments())


@cache
def _party_names() -> dict[str, str]:
    return _names((*states(), *organizations()))


def _text(value: str) -> str:
    text = " ".join(value.split())
    if not text:
        raise ValueError("is empty")
    return text


def _meeting_number(value: str) -> Term:
    if not value.strip().isdigit():
        raise ValueError("must be a meeting number, such as 8111")
    return Literal(str(int(value)), datatype=_INTEGER)


# A resolution number alone, with or without its year: "2331", "2331 (2016)".
_RESOLUTION_NUMBER = re.compile(r"\d{1,4}(?:\s*\(\s*\d{4}\s*\))?")


def _symbol(value: str) -> Term:
    """A document symbol as the build writes it: "2331", "resolution 2331", "S/RES/2331(2016)" -> "S/RES/2331 (2016)"."""
    text = _text(value)
    written = f"resolution {text}" if _RESOLUTION_NUMBER.fullmatch(text) else text
    refs, _ = document_refs(written, 0, len(written))
    return Literal(refs[0].symbol if len(refs) == 1 else text)  # a press release's symbol reads as it is


def _instrument(value: str) -> Term:
    text = _text(value)
    return Literal(_instrument_names().get(_key(text), text))


def _party(value: str) -> Term:
    """A State, organisation or group of States by its name, another name or its acronym ("EU")."""
    text = _text(value)
    return Literal(_party_names().get(_key(text), text))


def _iri(value: str) -> Term:
    """<IRI>, an absolute IRI, or a path under the project's id namespace ("doc/SC-13081/statement/15")."""
    text = value.strip().removeprefix("<").removesuffix(">")
    if not text or any(c.isspace() or c in '<>"{}|\\^`' for c in text):
        raise ValueError("must be an IRI, such as <https://w3id.org/councilgraph/id/doc/SC-13081/statement/15>")
    if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", text):
        text = f"{ID}{text.removeprefix('id:').lstrip('/')}"
    return NamedNode(text)


#: How each parameter of the shipped queries reads its value, by the variable's name.
PARAMETER_KINDS: dict[str, Callable[[str], Term]] = {
    "meetingNumber": _meeting_number,
    "symbol": _symbol,
    "instrument": _instrument,
    "group": _party,
    "fact": _iri,
}


def parameter_value(name: str, value: str) -> Term:
    """The term ``--param name=value`` binds; ValueError("name ...") when the value does not fit."""
    try:
        return PARAMETER_KINDS[name](value)
    except ValueError as err:
        raise ValueError(f"{name} {err}") from None
