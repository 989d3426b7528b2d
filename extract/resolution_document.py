"""One stand-alone resolution text, end to end: Source -> ResolutionDocument records."""

from __future__ import annotations

from councilgraph.extract.cited import Citing, cite_and_mention
from councilgraph.extract.footnotes import footnote_citations
from councilgraph.extract.gazetteer import Gazetteer, gazetteer
from councilgraph.extract.mentions import document_gazetteer, learned_acronyms
from councilgraph.extract.read import Source
from councilgraph.extract.records import Citation, Finding, Mention, ResolutionDocument
from councilgraph.extract.resolution_text import FILE_NAME, resolution_file
from councilgraph.extract.votes import vote_findings, votes_in_resolution_file

__all__ = ["extract_resolution"]


def extract_resolution(source: Source, places: Gazetteer | None = None) -> ResolutionDocument:
    """Paragraphs, citations (also those printed in the footnotes), mentions and the adoption record of a
    resolution file.

    Raises:
        InputError: the text is not a resolution.
    """
    places = places or gazetteer()
    text = source.matchable
    record = resolution_file(source)
    symbol = record.document.symbol
    acronyms = learned_acronyms(text, places)
    taught = document_gazetteer(places, acronyms)  # the organisations the text defines, for its mentions
    citations: list[Citation] = []
    mentions: list[Mention] = []
    findings: list[Finding] = []
    for paragraph in record.paragraphs:
        found, named, years = cite_and_mention(text, paragraph.start, paragraph.end,
                                               Citing(resolution=symbol, paragraph=paragraph),
                                               taught, acronyms, None, self_symbol=symbol)
        citations += found
        mentions += named
        findings += years
    # After the paragraphs: the documents the footnotes print, cited by the paragraphs that carry the marks.
    noted, years = footnote_citations(text, record, self_symbol=symbol)
    citations += noted
    findings += years
    named_file = FILE_NAME.search(source.name)
    if named_file is not None and int(named_file["number"]) != record.document.number:
        findings.append(Finding(
            kind="FileNameMismatch", severity="Info",
            message=f"the file name gives resolution {int(named_file['number'])}, but the text is {symbol}",
            start=record.document.start, end=record.document.end, document=record.document,
        ))
    votes = votes_in_resolution_file(text, record.document, places)
    findings += vote_findings(votes, security_council=True)
    return ResolutionDocument(
        text=record, votes=tuple(votes),
        citations=tuple(citations), mentions=tuple(mentions),
        findings=tuple(sorted(findings, key=lambda f: (f.start, f.kind))),
    )
