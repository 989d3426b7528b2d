"""Reading: bytes -> :class:`Source`, with a matchable twin of the text.

Offsets everywhere in councilgraph are Unicode code-point positions in the
decoded file text, exactly as stored (a byte-order mark is one character;
CRLF line endings are kept). To match patterns without caring about
typography we build ``matchable``: the same text with each character mapped
to exactly one character (non-breaking space -> space, non-breaking hyphen ->
hyphen, curly quotes -> straight quotes, CR -> space). Because the map is one
to one, an offset found in ``matchable`` is valid in ``text`` unchanged.

A page saved from the UN press site (``.html``/``.htm``, or any file whose text
opens with ``<!DOCTYPE html`` or ``<html``) is converted to the plain-text layout
of a release first (:mod:`councilgraph.extract.html`); for such a page the
offsets count characters of the text extracted from the page, not of the file.
"""

from __future__ import annotations

import hashlib
import re
import stat
from dataclasses import dataclass
from pathlib import Path

__all__ = ["InputError", "Source", "decode_source", "read_input", "read_source", "is_html", "HTML_SUFFIXES", "MAX_BYTES"]

#: Larger inputs are refused: no press release comes near 20 MB, and a
#: runaway file should fail fast instead of eating the machine's memory.
MAX_BYTES = 20 * 1024 * 1024

#: File names and openings that mark a saved web page.
HTML_SUFFIXES = (".html", ".htm")
_HTML_OPENING = re.compile(r"[\s\ufeff]*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)
# The control characters a text press release does not hold: below 32, other than \t \n \f \r.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")

_ONE_TO_ONE = {
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\u200b": " ",
    "\ufeff": " ", "\r": " ", "\t": " ",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2212": "-",
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u2032": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
}


# In ASCII text only these can occur: most names looked up, and many whole releases, need no other test.
_ASCII_ONE_TO_ONE = tuple((typographic, plain) for typographic, plain in _ONE_TO_ONE.items() if typographic.isascii())


class InputError(ValueError):
    """A user-facing problem with an input file; the message is one line."""


@dataclass(frozen=True, slots=True)
class Source:
    """One decoded input document.

    Attributes:
        name: the file name (no directories), used in messages and provenance.
        text: the decoded text; all offsets index into it. For a web page this
            is the text extracted from the page, and offsets count characters
            of the text extracted from the page.
        matchable: ``text`` with typography normalised, same length.
        sha256: hex digest of the raw bytes.
    """

    name: str
    text: str
    matchable: str
    sha256: str


def normalise(text: str) -> str:
    """Map typographic variants to plain ASCII forms, one character for one."""
    if "\r" in text and "\n" not in text:  # old Mac line endings
        text = text.replace("\r", "\n")
    # One str.replace per character present is ~30x faster than str.translate with a dict
    # (measured on the seed: 0.26 ms against 9 ms), and reading is on every document's path.
    for typographic, plain in _ASCII_ONE_TO_ONE if text.isascii() else _ONE_TO_ONE.items():
        if typographic in text:
            text = text.replace(typographic, plain)
    return text


def decode_source(data: bytes, name: str) -> Source:
    """Decode raw bytes into a :class:`Source`, refusing what is not text.

    A web page (by its name or its opening) is converted to text with
    :func:`~councilgraph.extract.html.html_to_text`; ``sha256`` is still the
    hash of the bytes given.

    Raises:
        InputError: empty, binary, non-UTF-8 or oversized input.
    """
    if len(data) > MAX_BYTES:
        raise InputError(f"file is too large ({len(data):,} bytes; the limit is {MAX_BYTES:,})")
    if not data.strip():
        raise InputError("file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("file is UTF-16 encoded; save it as UTF-8")
    if b"\x00" in data[:8192]:
        raise InputError("file looks binary (it contains NUL bytes), not a text press release")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(
            f"file is not valid UTF-8 (byte 0x{data[err.start]:02x} at position {err.start});"
            " convert it to UTF-8"
        ) from None
    controls = len(_CONTROL.findall(text, 0, 8192))  # the regex engine skips the other characters in C
    if controls > 8:
        raise InputError("file looks binary (it contains control characters), not a text press release")
    if is_html(name, text):
        from councilgraph.extract.html import html_to_text  # here: most inputs are text

        text = html_to_text(text)
    return Source(name=name, text=text, matchable=normalise(text),
                  sha256=hashlib.sha256(data).hexdigest())


def is_html(name: str, text: str) -> bool:
    """Whether a file is a web page: an ``.html``/``.htm`` name, or text opening with a doctype or ``<html>``."""
    return name.lower().endswith(HTML_SUFFIXES) or _HTML_OPENING.match(text, 0, 1024) is not None


def read_source(path: Path) -> Source:
    """Read and decode one file.

    Raises:
        InputError: unreadable, empty, binary, non-UTF-8 or oversized file.
    """
    return decode_source(read_input(path), path.name)


def read_input(path: Path) -> bytes:
    """The bytes of one input file, refusing what cannot be read as a file (a folder, a pipe, a device, a
    file over :data:`MAX_BYTES`). Separate from decoding, so that a cluster's workers decode bytes the
    client read (:mod:`councilgraph.cluster`).

    Raises:
        InputError: missing, unreadable, not a regular file, or oversized.
    """
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(status.st_mode):  # a pipe or a device would be read forever
            raise InputError("not a regular file")
        size = status.st_size
        if size > MAX_BYTES:
            raise InputError(f"file is too large ({size:,} bytes; the limit is {MAX_BYTES:,})")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as err:
        raise InputError(f"cannot read file ({err.strerror})") from None
    return data
