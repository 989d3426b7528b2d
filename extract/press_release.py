"""One press release, end to end: Source -> PressRelease records."""

from __future__ import annotations

from councilgraph.extract.alignments import extract_alignments
from councilgraph.extract.gazetteer import Gazetteer, gazetteer
from councilgraph.extract.participants import extract_participants, reconcile
from councilgraph.extract.read import Source
from councilgraph.extract.records import PressRelease
from councilgraph.extract.segment import segment
from councilgraph.extract.statements import extract_statements

__all__ = ["extract_press_release"]


def extract_press_release(source: Source, places: Gazetteer | None = None) -> PressRelease:
    """Segment a release and extract its statements, alignments and participants.

    Raises:
        InputError: the text is not a press release.
    """
    places = places or gazetteer()
    layout = segment(source)
    statements, findings = extract_statements(source, layout, places)
    alignments = extract_alignments(source, statements, places)
    participants = extract_participants(source, layout, places)
    findings += reconcile(participants, statements)
    return PressRelease(
        layout=layout,
        statements=tuple(statements),
        alignments=tuple(alignments),
        participants=tuple(participants),
        findings=tuple(sorted(findings, key=lambda f: (f.start, f.kind))),
    )
