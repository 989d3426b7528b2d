"""Mapping: extracted records -> RDF triples in the councilgraph ontology.

``press_release_triples`` is a pure function of the source and its records.
It yields each triple once, in a deterministic order, and materialises the
standard-vocabulary types and superproperties the ontology declares, so the
data answers FOAF, ORG, CiTO, PROV or schema.org queries without a reasoner.
Only document-scoped nodes (the release, its statements, alignments and
findings) carry offsets: shared nodes such as States, people and meetings
appear in many documents, and an offset on them would be ambiguous.
"""

from __future__ import annotations

from rdflib import XSD, URIRef

from councilgraph.extract.read import Source
from councilgraph.extract.records import Alignment, Finding, MeetingRef, PressRelease, ResolutionDocument, Statement
from councilgraph.graph import iris
from councilgraph.graph.citations import (
    map_citations,
    map_mentions,
    map_resolution_text,
    map_votes,
    meeting_node,
)
from councilgraph.graph.emit import COMMENT, DERIVED_FROM, LABEL, NAME, Triples, document_node, entity_node, evidence
from councilgraph.graph.namespace import CG, SH
from councilgraph.graph.terms import Lit, TermTriple, literal, typed_literal

__all__ = ["press_release_triples", "release_iri", "resolution_document_triples"]


_ALIGNMENT_KINDS = {
    "associating": (CG.Associating, CG.alignsWith),
    "aligning": (CG.Aligning, CG.alignsWith),
    "on-behalf-of": (CG.SpeakingOnBehalfOf, CG.onBehalfOf),
    "co-sponsoring": (CG.CoSponsoring, None),
}
_VERBS = {"associating": "associates with", "aligning": "aligns with",
          "on-behalf-of": "speaks on behalf of", "co-sponsoring": "co-sponsors"}
_SEVERITY = {"Warning": SH.Warning, "Info": SH.Info}


def release_iri(release: PressRelease, source: Source) -> URIRef:
    """The press release's IRI, also the name of its graph in N-Quads."""
    return iris.document_iri(iris.release_key(release.layout.header.symbol, source))


def press_release_triples(source: Source, release: PressRelease) -> list[TermTriple]:
    """All triples describing one press release, in a deterministic order."""
    out = Triples()
    header = release.layout.header
    symbol = iris.release_key(header.symbol, source)
    doc = iris.document_iri(symbol)

    out.typed(doc, CG.PressRelease)
    if header.symbol is not None:
        out.add(doc, CG.symbol, literal(header.symbol))
    out.add(doc, LABEL, literal(header.symbol or f"{source.name}: {header.headline or 'untitled'}"))
    if header.headline is not None:
        out.add(doc, CG.headline, literal(header.headline))
    if header.date is not None:
        out.add(doc, CG.issued, typed_literal(header.date, XSD.date))
    if header.sub_headline:
        out.add(doc, CG.subHeadline, literal(header.sub_headline))
    out.add(doc, CG.sourceName, literal(source.name))
    out.add(doc, CG.sha256, literal(source.sha256))

    meetings = [meeting_node(out, ref, symbol) for ref in header.meetings]
    for ref, meeting in zip(header.meetings, meetings, strict=True):
        out.add(doc, CG.reportsOn, meeting)
        if ref.part:
            out.add(meeting, CG.meetingPart, literal(ref.part))
        if ref.session is not None:
            out.add(meeting, CG.session, literal(ref.session))
        times = release.layout.times
        if times is not None and len(meetings) == 1:
            out.add(meeting, CG.openedAt, _time(times.opened))
            out.add(meeting, CG.closedAt, _time(times.closed))
    for item in release.participants:
        for meeting in meetings:
            out.add(meeting, CG.listedParticipant, entity_node(out, item.entity, source.text[item.start:item.end]))

    statements = {s.order: iris.statement_iri(symbol, s.order) for s in release.statements}
    for statement in release.statements:
        _statement(out, source, doc, statements[statement.order], statement, meetings, symbol)
    _alignments(out, source, doc, release, statements)
    for text in release.resolutions:
        map_resolution_text(out, source, doc, text)
    map_citations(out, source, doc, doc, release.citations, statements)
    map_mentions(out, doc, doc, release.mentions, statements, source)
    map_votes(out, doc, release.votes, meetings[0] if meetings else None)
    for number, finding in enumerate(release.findings, start=1):
        _finding(out, source, doc, URIRef(f"{doc}/finding/{number}"), finding, statements)
    return list(out)


def _time(clock: str | None) -> Lit | None:
    return typed_literal(f"{clock}:00", XSD.time) if clock else None


def _statement(out: Triples, source: Source, doc: URIRef, node: URIRef, statement: Statement,
               meetings: list[URIRef], symbol: str) -> None:
    speaker = statement.speaker
    person = (iris.person_iri(speaker, statement.delegation) if speaker.printed_name
              else iris.id_iri(f"doc/{iris.symbol_slug(symbol)}/statement/{statement.order}/speaker"))
    out.typed(person, CG.Person)
    out.add(person, LABEL, literal(speaker.display_name))
    out.add(person, NAME, literal(speaker.display_name))

    delegation = entity_node(out, statement.delegation, source.text[statement.delegation_start:statement.delegation_end])
    out.typed(node, CG.Statement)
    out.add(node, LABEL, literal(f"{symbol} statement {statement.order}: {speaker.display_name} ({statement.delegation.name})"))
    out.add(node, CG.order, literal(statement.order))
    out.add(node, CG.reportedIn, doc)
    if meetings:
        out.add(node, CG.atMeeting, meetings[0])
    out.add(node, CG.speaker, person)
    out.add(node, CG.delegation, delegation)
    out.add(node, CG.role, literal(statement.role) if statement.role else None)
    out.add(node, CG.printedName, literal(source.text[speaker.start:speaker.end]) if speaker.printed_name else None)
    out.add(node, CG.section, literal(statement.section))
    out.add(node, CG.text, literal(source.text[statement.start:statement.end]))
    out.add(node, DERIVED_FROM, doc)
    out.add(node, CG.startOffset, literal(statement.start))
    out.add(node, CG.endOffset, literal(statement.end))


def _alignments(out: Triples, source: Source, doc: URIRef, release: PressRelease,
                statements: dict[int, URIRef]) -> None:
    by_order = {s.order: s for s in release.statements}
    spoken_by = _statements_by_speaker_side(release)
    counts: dict[int, int] = {}
    for alignment in release.alignments:
        counts[alignment.statement] = counts.get(alignment.statement, 0) + 1
        statement = statements[alignment.statement]
        node = URIRef(f"{statement}/alignment/{counts[alignment.statement]}")
        kind, shortcut = _ALIGNMENT_KINDS[alignment.kind]
        written = source.text[alignment.target_start:alignment.target_end]
        if alignment.target is not None:
            target = entity_node(out, alignment.target, written)
        else:
            assert alignment.document is not None  # co-sponsoring targets a document
            target = document_node(out, alignment.document)
        speaker = by_order[alignment.statement]
        out.typed(node, CG.Alignment)
        out.add(node, LABEL, literal(
            f"{speaker.delegation.name} {_VERBS[alignment.kind]} {_target_name(alignment)}"))
        out.add(statement, CG.alignment, node)
        out.add(node, CG.alignmentKind, kind)
        out.add(node, CG.alignmentTarget, target)
        evidence(out, source, doc, node, alignment.start, alignment.end)
        if shortcut is not None:
            out.add(statement, shortcut, target)
        if alignment.kind in ("associating", "aligning") and alignment.target is not None:
            for other in spoken_by.get(alignment.target.key, ()):
                if other != alignment.statement:
                    out.add(node, CG.targetStatement, statements[other])
        if alignment.kind == "co-sponsoring":
            out.add(iris.entity_iri(speaker.delegation), CG.coSponsorOf, target)


def _target_name(alignment: Alignment) -> str:
    if alignment.target is not None:
        return alignment.target.name
    return alignment.document.symbol if alignment.document is not None else ""


def _statements_by_speaker_side(release: PressRelease) -> dict[str, list[int]]:
    """Entity key -> orders of the statements delivered by it or on its behalf (the EU's own
    statement; Venezuela speaking for the Non-Aligned Movement)."""
    sides: dict[str, list[int]] = {}
    for statement in release.statements:
        sides.setdefault(statement.delegation.key, []).append(statement.order)
    for alignment in release.alignments:
        if alignment.kind == "on-behalf-of" and alignment.target is not None:
            orders = sides.setdefault(alignment.target.key, [])
            if alignment.statement not in orders:
                orders.append(alignment.statement)
    return sides


def _finding(out: Triples, source: Source, doc: URIRef, node: URIRef, finding: Finding,
             statements: dict[int, URIRef]) -> None:
    out.typed(node, CG.Finding)
    out.add(doc, CG.finding, node)
    out.add(node, LABEL, literal(finding.message))
    out.add(node, COMMENT, literal(finding.message))
    out.add(node, CG.findingKind, CG[finding.kind])
    out.add(node, CG.severity, _SEVERITY[finding.severity])
    if finding.statement is not None:
        out.add(node, CG.about, statements[finding.statement])
    elif finding.entity is not None:
        out.add(node, CG.about, entity_node(out, finding.entity))
    elif finding.document is not None:
        out.add(node, CG.about, document_node(out, finding.document))
    else:
        out.add(node, CG.about, doc)  # about the text as a whole: the validation report shows it there
    evidence(out, source, doc, node, finding.start, finding.end)


def resolution_document_triples(source: Source, record: ResolutionDocument) -> list[TermTriple]:
    """All triples describing a stand-alone resolution text; its graph is named by the resolution's IRI."""
    out = Triples()
    symbol = record.text.document.symbol
    doc = map_resolution_text(out, source, iris.document_iri(symbol), record.text)
    out.add(doc, CG.sourceName, literal(source.name))
    out.add(doc, CG.sha256, literal(source.sha256))
    meeting = None
    if record.votes and record.votes[0].meeting is not None:
        meeting = meeting_node(out, MeetingRef(record.votes[0].meeting, "SC", None, None, 0, 0), symbol)
    map_citations(out, source, doc, doc, record.citations, {})
    map_mentions(out, doc, doc, record.mentions, {}, source)
    map_votes(out, doc, record.votes, meeting)
    for number, finding in enumerate(record.findings, start=1):
        _finding(out, source, doc, URIRef(f"{doc}/finding/{number}"), finding, {})
    return list(out)
