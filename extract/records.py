"""The small immutable records extraction produces.

Every record carries ``start``/``end`` character offsets into
``Source.text`` (end exclusive), so each fact can be traced back to the
words that support it. Records hold plain Python values only; turning them
into RDF is the job of ``councilgraph.graph.mapping``.
"""

from __future__ import annotations

from dataclasses import dataclass

from councilgraph.ontology.reference import Entity

__all__ = [
    "Paragraph", "Section", "MeetingRef", "Header", "MeetingTimes", "Layout",
    "Speaker", "Statement", "DocumentRef", "Alignment", "Participant", "Finding",
    "PressRelease", "ResolutionParagraph", "ResolutionText", "Citation", "Mention", "Vote", "ResolutionDocument",
]


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of text between blank lines, trimmed of surrounding whitespace."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Section:
    """A headed part of the release ("Briefings", "Statements", "Resolution")."""

    heading: str
    start: int  # of the heading line
    end: int  # end of the last paragraph in the section
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True, slots=True)
class MeetingRef:
    """One meeting named in the header, e.g. "8111th Meeting (AM)"."""

    number: int
    body: str  # "SC", "GA", ... the prefix of the press-release symbol
    session: int | None  # General Assembly session, when printed
    part: str | None  # "AM", "PM", "AM & PM" ...
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Header:
    """The top of a release: meetings, symbol, headline, sub-headline, date.

    ``symbol`` is None when the text prints none (the page showed none); ``date`` is the
    release's date as printed in its header (ISO 8601), if any.
    """

    symbol: str | None
    symbol_start: int | None
    symbol_end: int | None
    meetings: tuple[MeetingRef, ...]
    headline: str | None  # None when the text opens with its first paragraph
    headline_start: int | None
    headline_end: int | None
    sub_headline: str | None
    sub_headline_start: int | None
    sub_headline_end: int | None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class MeetingTimes:
    """"The meeting opened at 10:08 a.m. and closed at 5:09 p.m." (24-hour "HH:MM")."""

    opened: str | None
    closed: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Layout:
    """A release cut into its parts."""

    header: Header
    summary: tuple[Paragraph, ...]
    sections: tuple[Section, ...]
    times: MeetingTimes | None
    closed: bool = True  # the text reaches the closing line "For information media. Not an official record."


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who spoke.

    Attributes:
        printed_name: as printed ("TEKEDA ALEMU", "Mr. ELKHADIR"); None when the text names no one
            ("The representative of Japan said").
        title: the honorific printed before the name ("Mr."), if any.
        name: the readable name without honorific ("Tekeda Alemu", "Elkhadir").
        display_name: the readable name as printed ("Mr. Elkhadir").
    """

    printed_name: str | None
    title: str | None
    name: str
    display_name: str
    start: int
    end: int

    @classmethod
    def unnamed(cls, label: str, start: int, end: int) -> Speaker:
        """A speaker the text names by office or delegation only ("Representative of Kenya", "Secretary-General")."""
        return cls(printed_name=None, title=None, name=label, display_name=label, start=start, end=end)


@dataclass(frozen=True, slots=True)
class Statement:
    """One speaker turn, from the speaker's name to the end of the turn's last paragraph."""

    order: int
    section: str
    speaker: Speaker
    delegation: Entity
    delegation_start: int
    delegation_end: int
    role: str | None
    start: int
    end: int
    lead_end: int  # end of the opening clause ("..., said"), where alignments are declared


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """A UN document named in the text, e.g. resolution 2388 (2017).

    ``kind`` is "resolution" (Security Council), "ga-resolution", "presidential-statement",
    "press-release" (another release, "See Press Release GA/12250") or "document". ``printed_year`` is set when the text gives a year that contradicts the number
    ("resolution 2331 (2661)"); ``year`` is then the corrected one.
    """

    symbol: str  # canonical: "S/RES/2388 (2017)", "S/PRST/2015/25", "A/RES/70/1", "S/2017/939"
    kind: str
    number: int | None
    year: int | None
    start: int
    end: int
    printed_year: int | None = None


@dataclass(frozen=True, slots=True)
class Alignment:
    """A declared relation of a statement to a State, group or document.

    ``kind`` is one of "associating", "aligning", "on-behalf-of", "co-sponsoring".
    Exactly one of ``target`` (State/organisation) and ``document`` is set.
    """

    statement: int  # order of the statement
    kind: str
    target: Entity | None
    document: DocumentRef | None
    start: int
    end: int
    target_start: int
    target_end: int


@dataclass(frozen=True, slots=True)
class Participant:
    """An entry of the participants sentence ("Also speaking today were ...")."""

    entity: Entity
    on_behalf_of: Entity | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Finding:
    """A data-quality observation about the source text.

    ``kind`` names a concept of cg:FindingKinds ("DuplicateParticipant", ...);
    ``statement`` or ``entity`` says what it is about.
    """

    kind: str
    severity: str  # "Warning" or "Info"
    message: str
    start: int
    end: int
    statement: int | None = None
    entity: Entity | None = None
    document: DocumentRef | None = None


@dataclass(frozen=True, slots=True)
class ResolutionParagraph:
    """A preambular or operative paragraph of a resolution text.

    ``phrase`` is its opening phrase ("Recalling", "Taking note of", "Calls upon"), ``cito`` the
    local name of the CiTO property that phrase gives its citations ("citesForInformation").
    """

    kind: str  # "preambular" or "operative"
    ordinal: int
    phrase: str
    cito: str
    start: int
    end: int
    phrase_start: int
    phrase_end: int
    section: str | None = None  # "A", "B" ... in resolutions printed in parts
    key: str = ""  # unique within the resolution: "operative/3", "B/operative/3", "operative/3-2"


@dataclass(frozen=True, slots=True)
class ResolutionText:
    """The text of one resolution (inside a release or a file of its own)."""

    document: DocumentRef  # the resolution itself; its span is the line that names it
    start: int
    end: int
    paragraphs: tuple[ResolutionParagraph, ...]


@dataclass(frozen=True, slots=True)
class Citation:
    """One act of citation.

    The citing side is a statement (``statement``), a resolution paragraph (``resolution`` and
    ``paragraph``), or the release's own summary (neither). The cited side is a UN document or an
    instrument; ``article`` keeps "Article 15 of the Convention ...".
    """

    statement: int | None
    resolution: str | None
    paragraph: ResolutionParagraph | None
    document: DocumentRef | None
    instrument: Entity | None
    article: str | None
    phrase: str | None
    cito: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """An organisation named in a statement, a resolution paragraph or the summary."""

    statement: int | None
    resolution: str | None
    paragraph: ResolutionParagraph | None
    entity: Entity
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Vote:
    """The outcome of action on a text at a meeting.

    ``document`` is the resolution adopted, or the draft acted upon: a "document" kind reference
    when the release prints its symbol, else a "draft" kind reference without symbol, placed (an
    empty span) at the start of the sentence that reports the action; the vote's own offsets
    cover that sentence. ``without_vote`` is set for texts adopted
    "without a vote" or "by consensus": no vote was taken, so there are no counts.
    """

    document: DocumentRef
    meeting: int | None
    adopted: bool
    unanimous: bool
    in_favour: int | None
    against: int | None
    abstentions: int | None
    against_states: tuple[Entity, ...]
    abstaining_states: tuple[Entity, ...]
    vetoed_by: tuple[Entity, ...]
    start: int
    end: int
    without_vote: bool = False


@dataclass(frozen=True, slots=True)
class PressRelease:
    """Everything extracted from one press release."""

    layout: Layout
    statements: tuple[Statement, ...]
    alignments: tuple[Alignment, ...]
    participants: tuple[Participant, ...]
    findings: tuple[Finding, ...]
    resolutions: tuple[ResolutionText, ...] = ()
    citations: tuple[Citation, ...] = ()
    mentions: tuple[Mention, ...] = ()
    votes: tuple[Vote, ...] = ()


@dataclass(frozen=True, slots=True)
class ResolutionDocument:
    """Everything extracted from a stand-alone resolution text."""

    text: ResolutionText
    votes: tuple[Vote, ...]
    citations: tuple[Citation, ...]
    mentions: tuple[Mention, ...]
    findings: tuple[Finding, ...]
