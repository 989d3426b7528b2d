"""Mapping resolution texts, citations, mentions and votes to RDF.

Shared by press releases (which may carry the full text of a resolution) and
stand-alone resolution files. A citation is a ``cg:Citation`` node (citing,
cited, opening phrase, CiTO characterisation, evidence) plus shortcuts:
``?citing cg:cites ?cited`` (also ``cito:cites``), the characterising CiTO
property itself (``?citing cito:confirms ?cited``), and for a paragraph the
same shortcuts from the resolution it belongs to.
"""

from __future__ import annotations

from collections import Counter

from rdflib import URIRef

from councilgraph.extract.gazetteer import gazetteer
from councilgraph.extract.read import Source
from councilgraph.extract.records import Citation, MeetingRef, Mention, ResolutionParagraph, ResolutionText, Vote
from councilgraph.graph import iris
from councilgraph.graph.emit import DERIVED_FROM, LABEL, Triples, document_node, entity_node, evidence
from councilgraph.graph.namespace import CG, CITO
from councilgraph.graph.terms import literal

__all__ = ["BODIES", "paragraph_iri", "map_resolution_text", "map_citations", "map_mentions", "map_votes", "meeting_node"]

#: The organ that meets, by the prefix of the press-release symbol.
BODIES = {"SC": "Security Council", "GA": "General Assembly", "GA/DIS": "First Committee",
          "GA/EF": "Second Committee", "GA/SHC": "Third Committee", "GA/SPD": "Fourth Committee",
          "GA/AB": "Fifth Committee", "GA/L": "Sixth Committee", "ECOSOC": "Economic and Social Council"}
_PART = {"preambular": ("preamble", CG.PreambularParagraph), "operative": ("operative", CG.OperativeParagraph)}


def paragraph_iri(scope: URIRef, resolution: str, paragraph: ResolutionParagraph) -> URIRef:
    """<scope>/preamble/3 when the scope is the resolution itself, else <scope>/resolution/<slug>/preamble/3.

    Parts of a resolution printed in sections are prefixed: <scope>/B/operative/2.
    """
    if scope == iris.document_iri(resolution):
        return URIRef(f"{scope}/{paragraph.key}")
    return URIRef(f"{scope}/resolution/{iris.symbol_slug(resolution)}/{paragraph.key}")


def map_resolution_text(out: Triples, source: Source, scope: URIRef, text: ResolutionText) -> URIRef:
    """The resolution node and its paragraphs (scoped to the source that carries the text)."""
    resolution = document_node(out, text.document)
    if scope != resolution:
        out.add(resolution, DERIVED_FROM, scope)
    for paragraph in text.paragraphs:
        node = paragraph_iri(scope, text.document.symbol, paragraph)
        out.typed(node, _PART[paragraph.kind][1])
        out.add(node, LABEL, literal(f"{text.document.symbol} {paragraph.kind} paragraph {paragraph.ordinal}"))
        out.add(resolution, CG.hasParagraph, node)
        out.add(node, CG.paragraphOf, resolution)
        out.add(node, CG.ordinal, literal(paragraph.ordinal))
        out.add(node, CG.resolutionPart, literal(paragraph.section) if paragraph.section else None)
        out.add(node, CG.openingPhrase, literal(paragraph.phrase) if paragraph.phrase else None)
        evidence(out, source, scope, node, paragraph.start, paragraph.end)
    return resolution


def map_citations(out: Triples, source: Source, doc: URIRef, scope: URIRef, citations: tuple[Citation, ...],
                  statements: dict[int, URIRef]) -> None:
    """Citation nodes and their shortcuts. ``doc`` names the source; ``scope`` prefixes paragraph IRIs."""
    counts: dict[URIRef, int] = {}
    for citation in citations:
        citing = _part_node(citation, doc, scope, statements)
        counts[citing] = counts.get(citing, 0) + 1
        node = URIRef(f"{citing}/citation/{counts[citing]}")
        written = source.text[citation.start:citation.end]
        if citation.document is not None:
            cited = document_node(out, citation.document)
            label = citation.document.symbol
        else:
            assert citation.instrument is not None  # a citation names a document or an instrument
            cited = entity_node(out, citation.instrument, written)
            label = citation.instrument.name
        characterisation = CITO[citation.cito]
        out.typed(node, CG.Citation)
        out.add(node, LABEL, literal(f"citation of {label}"))
        out.add(citing, CG.citation, node)
        out.add(node, CG.citing, citing)
        out.add(node, CG.cited, cited)
        out.add(node, CG.characterisation, characterisation)
        out.add(node, CG.openingPhrase, literal(citation.phrase) if citation.phrase else None)
        out.add(node, CG.article, literal(citation.article) if citation.article else None)
        evidence(out, source, doc, node, citation.start, citation.end)
        for source_node in _citing_sides(citing, citation):
            out.add(source_node, CG.cites, cited)
            if citation.cito != "cites":
                out.add(source_node, characterisation, cited)


def _part_node(part: Citation | Mention, doc: URIRef, scope: URIRef, statements: dict[int, URIRef]) -> URIRef:
    """The statement, paragraph or document a citation or mention belongs to."""
    if part.statement is not None:
        return statements[part.statement]
    if part.paragraph is not None and part.resolution is not None:
        return paragraph_iri(scope, part.resolution, part.paragraph)
    return doc


def _citing_sides(citing: URIRef, citation: Citation) -> list[URIRef]:
    """The paragraph cites, and so does the resolution it belongs to."""
    sides = [citing]
    if citation.paragraph is not None and citation.resolution is not None:
        sides.append(iris.document_iri(citation.resolution))
    return sides


def map_mentions(out: Triples, doc: URIRef, scope: URIRef, mentions: tuple[Mention, ...],
                 statements: dict[int, URIRef], source: Source) -> None:
    """``?part cg:mentions ?organisation`` for statements, paragraphs and the document itself."""
    for mention in mentions:
        part = _part_node(mention, doc, scope, statements)
        out.add(part, CG.mentions, entity_node(out, mention.entity, source.text[mention.start:mention.end]))


def meeting_node(out: Triples, meeting: MeetingRef, release_symbol: str) -> URIRef:
    """A meeting, its number and the organ that held it (times come from the release that reports it)."""
    node = iris.meeting_iri(meeting, release_symbol)
    out.typed(node, CG.Meeting)
    out.add(node, CG.meetingNumber, literal(meeting.number))
    body_name = BODIES.get(meeting.body)
    organ = body_name or meeting.body
    out.add(node, LABEL, literal(f"{organ} meeting {meeting.number}" if organ else f"Meeting {meeting.number}"))
    body = gazetteer().lookup(body_name) if body_name else None
    if body is not None:
        out.add(node, CG.body, entity_node(out, body))
    return node


def map_votes(out: Triples, doc: URIRef, votes: tuple[Vote, ...], meeting: URIRef | None) -> None:
    """Adoption, counts and the States voting against, abstaining or vetoing, on the text voted on.

    A draft named by no symbol in the release is <meeting>/draft/<n>, n counting such drafts in the
    order the release reports them; a procedural motion put to the vote is <meeting>/motion/<n>.
    """
    unnamed: Counter[str] = Counter()
    for vote in votes:
        if vote.document.symbol:
            text = document_node(out, vote.document)
        else:
            kind = "motion" if vote.document.kind == "motion" else "draft"
            unnamed[kind] += 1
            text = URIRef(f"{meeting or doc}/{kind}/{unnamed[kind]}")
            out.typed(text, CG.Document)
            out.add(text, LABEL, literal("procedural motion put to the vote" if kind == "motion"
                                              else "draft resolution adopted without a vote" if vote.without_vote
                                              else "draft resolution put to the vote"))
        if text != doc:
            out.add(text, DERIVED_FROM, doc)
        if meeting is not None:
            out.add(text, CG.consideredAt, meeting)
            if vote.adopted:
                out.add(text, CG.adoptedAt, meeting)
        out.add(text, CG.adopted, literal(vote.adopted))
        if vote.unanimous:
            out.add(text, CG.unanimous, literal(True))
        if vote.without_vote:
            out.add(text, CG.withoutVote, literal(True))
        for prop, value in ((CG.votesInFavour, vote.in_favour), (CG.votesAgainst, vote.against),
                            (CG.abstentions, vote.abstentions)):
            out.add(text, prop, literal(value) if value is not None else None)
        for prop, states in ((CG.votedAgainst, vote.against_states), (CG.abstained, vote.abstaining_states),
                             (CG.vetoedBy, vote.vetoed_by)):
            for state in states:
                out.add(text, prop, entity_node(out, state))
