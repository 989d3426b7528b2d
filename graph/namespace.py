"""The vocabularies councilgraph writes, as namespace objects.

``CG`` is the project's own ontology (``ontology/councilgraph.ttl``). It is a
``DefinedNamespace`` with ``_fail = True``: a misspelt term raises at import
time instead of silently minting a new IRI. A test checks that every term
declared here is defined in the Turtle file and the other way round.
"""

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = [
    "CG", "ID", "CITO", "SH", "DCTERMS", "ELI", "EU_COUNTRY", "FABIO", "FOAF", "OA",
    "OPENGOV", "ORG", "PROV", "SCHEMA", "SKOS", "UNDOCS", "PREFIXES",
]


class CG(DefinedNamespace):
    """councilgraph ontology: https://w3id.org/councilgraph/ontology#"""

    _fail = True

    # Classes (the contract of the foundation issue)
    PressRelease: URIRef
    Meeting: URIRef
    Statement: URIRef
    Person: URIRef
    State: URIRef
    Organization: URIRef
    Resolution: URIRef
    AssemblyResolution: URIRef
    PresidentialStatement: URIRef
    Document: URIRef
    Instrument: URIRef
    Alignment: URIRef
    Citation: URIRef
    # Finer organisation classes; every instance also carries cg:Organization.
    UNOrgan: URIRef
    UNEntity: URIRef
    IntergovernmentalOrganization: URIRef
    GroupOfStates: URIRef
    ArmedGroup: URIRef
    NonGovernmentalOrganization: URIRef
    MediaOrganization: URIRef
    # Data-quality findings about the source text
    Finding: URIRef
    # Resolution structure
    ResolutionParagraph: URIRef
    PreambularParagraph: URIRef
    OperativeParagraph: URIRef

    # Contract properties
    symbol: URIRef
    meetingNumber: URIRef
    reportsOn: URIRef
    atMeeting: URIRef
    reportedIn: URIRef
    order: URIRef
    speaker: URIRef
    delegation: URIRef
    role: URIRef
    onBehalfOf: URIRef
    alignsWith: URIRef
    cites: URIRef
    mentions: URIRef
    resolutionNumber: URIRef
    year: URIRef
    iso3: URIRef
    startOffset: URIRef
    endOffset: URIRef
    # Adoption and votes (contract of the citations issue)
    adoptedAt: URIRef
    votesInFavour: URIRef
    votesAgainst: URIRef
    abstentions: URIRef
    unanimous: URIRef
    withoutVote: URIRef
    votedAgainst: URIRef
    abstained: URIRef
    vetoedBy: URIRef

    # Press release and meeting
    issued: URIRef
    headline: URIRef
    subHeadline: URIRef
    sourceName: URIRef
    sha256: URIRef
    meetingPart: URIRef
    session: URIRef
    body: URIRef
    openedAt: URIRef
    closedAt: URIRef
    listedParticipant: URIRef
    # Statements
    printedName: URIRef
    section: URIRef
    text: URIRef
    quote: URIRef
    # Alignments
    alignment: URIRef
    alignmentKind: URIRef
    alignmentTarget: URIRef
    targetStatement: URIRef
    coSponsorOf: URIRef
    AlignmentKinds: URIRef
    Associating: URIRef
    Aligning: URIRef
    SpeakingOnBehalfOf: URIRef
    CoSponsoring: URIRef
    # Agents
    acronym: URIRef
    membershipStatus: URIRef
    inReferenceList: URIRef
    # Findings
    finding: URIRef
    findingKind: URIRef
    about: URIRef
    severity: URIRef
    FindingKinds: URIRef
    DuplicateParticipant: URIRef
    SpeakerNotListed: URIRef
    ListedParticipantNotSpeaking: URIRef
    UnknownDelegation: URIRef
    YearMismatch: URIRef
    FileNameMismatch: URIRef
    VoteCountMismatch: URIRef
    MissingSymbol: URIRef
    TextEndsEarly: URIRef
    # Resolution structure, citations, instruments, votes
    hasParagraph: URIRef
    paragraphOf: URIRef
    ordinal: URIRef
    resolutionPart: URIRef
    openingPhrase: URIRef
    citation: URIRef
    citing: URIRef
    cited: URIRef
    characterisation: URIRef
    article: URIRef
    instrumentKind: URIRef
    adopted: URIRef
    consideredAt: URIRef

    _NS = Namespace("https://w3id.org/councilgraph/ontology#")


# Resolve every declared term once: DefinedNamespace looks a term up on each access otherwise, and the
# mapping reads these attributes tens of thousands of times per document. Undeclared names still fail.
for _term in CG.__annotations__:
    if not _term.startswith("_"):
        type.__setattr__(CG, _term, CG._NS[_term])


#: Base of every instance IRI (documents, meetings, states, people, organisations).
ID = Namespace("https://w3id.org/councilgraph/id/")

CITO = Namespace("http://purl.org/spar/cito/")
SH = Namespace("http://www.w3.org/ns/shacl#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
EU_COUNTRY = Namespace("http://publications.europa.eu/resource/authority/country/")
FABIO = Namespace("http://purl.org/spar/fabio/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
OA = Namespace("http://www.w3.org/ns/oa#")
OPENGOV = Namespace("http://www.w3.org/ns/opengov#")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("https://schema.org/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
UNDOCS = Namespace("https://undocs.org/")

#: Prefixes bound in every serialisation, in a fixed order for stable output.
PREFIXES: tuple[tuple[str, Namespace | str], ...] = (
    ("cg", str(CG)),
    ("id", ID),
    ("cito", CITO),
    ("dcterms", DCTERMS),
    ("eli", ELI),
    ("fabio", FABIO),
    ("foaf", FOAF),
    ("oa", OA),
    ("opengov", OPENGOV),
    ("org", ORG),
    ("prov", PROV),
    ("schema", SCHEMA),
    ("skos", SKOS),
)
