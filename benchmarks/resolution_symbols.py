"""Measure: document symbols printed in resolution texts vs. those the extractor cites.

For every stand-alone resolution text in a directory, a loose pattern finds the documents
printed in it (symbols such as S/1380, A/1775, $/4429 or S/ 12402, Security Council
resolutions "N (YYYY)" and General Assembly resolutions "N (XV)"), leaving out the file's
own heading and its own symbol printed as a page header. A printed symbol counts as cited
when a citation's span overlaps it. Figures are given per occurrence and per distinct
(file, document) pair, for the whole text and for the part after the resolution's last
paragraph (adoption record and footnotes). Not a test: it reads real data. From the
repository root (with the package importable):

    python3 benchmarks/resolution_symbols.py ../shared/data/resolutions [--missed]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from councilgraph.extract.read import read_source
from councilgraph.extract.resolution_document import extract_resolution

# Loose on purpose: OCR forms ("$/4429", "S/ 12402", "s/21183") are printed symbols too.
_SLASH = re.compile(r"(?<![\w/$])(?:[SAE]|ST|\$|s)/ ?(?:[A-Z]{1,6}[\d.]*/)*\d[\w.]*(?:/[\w.]+)*")
_SC = re.compile(r"(?<![\d/.\w-])(?P<number>\d{1,4})\s*\(\s*(?P<year>\d{4})\s*\)")
_GA = re.compile(r"(?<![\d/.\w-])(?P<number>\d{1,4})(?:\s[A-H])?\s*\((?P<session>(?:E?S-)?[IVXL]{1,6})\)")


def printed(text: str, floor: int, own: str) -> list[tuple[int, int, str]]:
    """(start, end, normalised symbol) of every document printed after ``floor``."""
    found: list[tuple[int, int, str]] = []
    for m in _SLASH.finditer(text, floor):
        symbol = re.sub(r"\s", "", m.group()).replace("$", "S").rstrip(".")
        symbol = symbol[0].upper() + symbol[1:]
        if not symbol.startswith("S/RES/"):  # "S/RES/889 (1993)" is the page header of 889 itself
            found.append((m.start(), m.end(), symbol))
    for m in _SC.finditer(text, floor):
        symbol = f"S/RES/{int(m['number'])} ({m['year']})"
        if symbol != own:
            found.append((m.start(), m.end(), symbol))
    for m in _GA.finditer(text, floor):
        found.append((m.start(), m.end(), f"A/RES/{int(m['number'])} ({m['session']})"))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--missed", action="store_true", help="list every printed symbol not cited")
    args = parser.parse_args(argv)
    keys = ("occurrences", "after text", "documents", "documents after text", "symbols (S/, A/, E/ ...)")
    totals = {key: [0, 0] for key in keys}
    files = sorted(args.directory.glob("S_RES_*.txt"))
    for path in files:
        source = read_source(path)
        record = extract_resolution(source)
        text = source.text
        spans = [(c.start, c.end) for c in record.citations if c.document is not None]
        floor = record.text.paragraphs[0].start if record.text.paragraphs else 0
        # The last paragraph proper: before the change, footnotes printed "1/ S/24476" were read as one.
        last = max((p.end for p in record.text.paragraphs if not re.match(r"\d{1,3}/\s", text[p.start:p.end])),
                   default=record.text.end)
        docs: dict[str, list[bool]] = {}
        for start, end, symbol in printed(text, floor, record.text.document.symbol):
            cited = any(s < end and start < e for s, e in spans)
            after = start >= last
            for key, counts in (("occurrences", True), ("after text", after)):
                if counts:
                    totals[key][0] += 1
                    totals[key][1] += cited
            if "/RES/" not in symbol:
                totals[keys[-1]][0] += 1
                totals[keys[-1]][1] += cited
            seen = docs.setdefault(symbol, [False, True])
            seen[0] = seen[0] or cited
            seen[1] = seen[1] and after  # printed only after the text
            if not cited and args.missed:
                print(f"  missed {symbol:24} {'footnote' if after else 'text    '} {path.name}")
        for cited, after in docs.values():
            totals["documents"][0] += 1
            totals["documents"][1] += cited
            if after:
                totals["documents after text"][0] += 1
                totals["documents after text"][1] += cited
    print(f"{len(files)} resolution texts in {args.directory}")
    for key, (total, cited) in totals.items():
        share = f"{100 * cited / total:.1f}%" if total else "-"
        print(f"  {key:24} printed {total:5d}  cited {cited:5d}  ({share})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
