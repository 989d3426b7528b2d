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
    "PressRelease",
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
    """The top of a release: meetings, symbol, headline, sub-headline."""

    symbol: str
    symbol_start: int
    symbol_end: int
    meetings: tuple[MeetingRef, ...]
    headline: str
    headline_start: int
    headline_end: int
    sub_headline: str | None
    sub_headline_start: int | None
    sub_headline_end: int | None


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
    """A UN document named in the text, e.g. resolution 2388 (2017)."""

    symbol: str  # canonical: "S/RES/2388 (2017)"
    kind: str  # "resolution", "presidential-statement", "document"
    number: int | None
    year: int | None
    start: int
    end: int


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


@dataclass(frozen=True, slots=True)
class PressRelease:
    """Everything extracted from one press release."""

    layout: Layout
    statements: tuple[Statement, ...]
    alignments: tuple[Alignment, ...]
    participants: tuple[Participant, ...]
    findings: tuple[Finding, ...]
