"""Citations, resolution structure, instruments and votes in the graph, on the seed and other releases."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, URIRef

from councilgraph.graph.namespace import CG, CITO, ID, SKOS
from councilgraph.pipeline import build_path

DATA = Path(__file__).resolve().parent.parent / "data"
R2388 = ID["doc/S-RES-2388-2017"]


def _graph(path: Path) -> Graph:
    graph = Graph()
    for triple in build_path(path).graph.triples:
        graph.add(triple)
    return graph


@pytest.fixture(scope="module")
def seed_graph(seed_path: Path) -> Graph:
    return _graph(seed_path)


def _slugs(nodes) -> set[str]:
    return {str(n).rsplit("/", 1)[-1] for n in nodes}


def test_resolution_2388_cites_exactly_its_documents(seed_graph: Graph) -> None:
    documents = {n for n in seed_graph.objects(R2388, CG.cites) if str(n).startswith(str(ID["doc/"]))}
    assert _slugs(documents) == {
        "S-RES-2331-2016", "S-RES-2359-2017", "S-RES-2374-2017", "S-RES-2240-2015", "S-RES-2380-2017",
        "S-RES-2195-2014", "S-RES-2253-2015", "S-RES-2199-2015", "S-RES-2368-2017", "S-RES-2242-2015",
        "S-RES-1267-1999", "S-RES-1989-2011", "S-RES-1261-1999", "S-RES-1612-2005", "S-RES-2379-2017",
        "S-PRST-2015-25", "S-2017-939",
    }
    assert set(seed_graph.objects(R2388, CITO.cites)) >= documents


def _citations_of(graph: Graph, cited: URIRef) -> list[tuple[str, str, URIRef]]:
    return sorted((str(graph.value(c, CG.openingPhrase)), str(graph.value(c, CG.characterisation)),
                   graph.value(c, CG.citing))
                  for c in graph.subjects(CG.cited, cited))


def test_citations_are_typed_by_the_paragraphs_opening_phrase(seed_graph: Graph) -> None:
    prst = _citations_of(seed_graph, ID["doc/S-PRST-2015-25"])
    assert [(p, c) for p, c, _ in prst] == [("Recalling", str(CITO.citesForInformation))]
    assert str(prst[0][2]).endswith("/resolution/S-RES-2388-2017/preamble/1")
    report = _citations_of(seed_graph, ID["doc/S-2017-939"])
    assert [(p, c) for p, c, _ in report] == [("Taking note of", str(CITO.citesForInformation))]
    reiterating = [c for p, c, n in _citations_of(seed_graph, ID["doc/S-RES-2195-2014"]) if "preamble" in str(n)]
    assert reiterating == [str(CITO.confirms)]
    assert (R2388, CITO.confirms, ID["doc/S-RES-2195-2014"]) in seed_graph


def test_paragraph_structure(seed_graph: Graph) -> None:
    paragraphs = list(seed_graph.objects(R2388, CG.hasParagraph))
    preambular = [p for p in paragraphs if (p, RDF.type, CG.PreambularParagraph) in seed_graph]
    operative = [p for p in paragraphs if (p, RDF.type, CG.OperativeParagraph) in seed_graph]
    assert (len(preambular), len(operative)) == (24, 35)
    fourth = next(p for p in operative if seed_graph.value(p, CG.ordinal) == Literal(4))
    assert seed_graph.value(fourth, CG.openingPhrase) == Literal("Further calls upon")
    assert (fourth, RDF.type, URIRef("http://data.europa.eu/eli/ontology#LegalResourceSubdivision")) in seed_graph


@pytest.mark.parametrize(("delegation", "expected"), [
    ("JPN", {"S-RES-2331-2016"}),
    ("IRQ", {"S-RES-2331-2016", "S-RES-2379-2017", "S-RES-2388-2017"}),  # "the resolution just adopted"
    ("KEN", {"S-RES-1973-2011"}),
    ("ESP", {"S-RES-2331-2016"}),
])
def test_statements_cite_what_they_cite(seed_graph: Graph, delegation: str, expected: set[str]) -> None:
    (statement,) = seed_graph.subjects(CG.delegation, ID[f"state/{delegation}"])
    documents = {n for n in seed_graph.objects(statement, CG.cites) if "/doc/" in str(n)}
    assert _slugs(documents) == expected


def test_reported_speech_types_statement_citations(seed_graph: Graph) -> None:
    (austria,) = seed_graph.subjects(CG.delegation, ID["state/AUT"])  # "welcomed the adoption of resolution 2388"
    (citation,) = [c for c in seed_graph.objects(austria, CG.citation)
                   if seed_graph.value(c, CG.cited) == R2388]
    assert seed_graph.value(citation, CG.characterisation) == CITO.agreesWith
    assert (austria, CITO.agreesWith, R2388) in seed_graph


def test_year_typo_is_a_finding_not_a_second_resolution(seed_graph: Graph) -> None:
    assert (ID["doc/S-RES-2331-2661"], None, None) not in seed_graph
    findings = [f for f in seed_graph.subjects(CG.findingKind, CG.YearMismatch)]
    assert len(findings) == 2
    assert {seed_graph.value(f, CG.about) for f in findings} == {ID["doc/S-RES-2331-2016"]}
    assert {str(seed_graph.value(f, CG.quote)) for f in findings} == {"2331\u00a0(2661)"}  # as printed


SEED_INSTRUMENTS = {
    "trafficking-in-persons-protocol": {"Palermo Protocol", "Trafficking in Persons Protocol"},
    "un-convention-against-transnational-organized-crime": {"Palermo Convention"},
    "political-declaration-on-the-global-plan-of-action-to-combat-trafficking-in-persons": set(),
    "global-plan-of-action-to-combat-trafficking-in-persons": set(),
    "charter-of-the-united-nations": set(),
    "2030-agenda-for-sustainable-development": set(),
    "refugee-convention-1951": {"1951 Refugee Convention"},
    "asean-convention-against-trafficking-in-persons": set(),
    "bali-declaration-on-people-smuggling-trafficking-in-persons-and-related-transnational-crime": set(),
    "global-compact-for-safe-orderly-and-regular-migration": set(),
    "vancouver-principles": set(),
}


def test_instruments_are_one_node_each_with_their_aliases(seed_graph: Graph) -> None:
    nodes = set(seed_graph.subjects(RDF.type, CG.Instrument))
    assert _slugs(nodes) == set(SEED_INSTRUMENTS)
    for key, aliases in SEED_INSTRUMENTS.items():
        node = ID[f"instrument/{key}"]
        assert {str(a) for a in seed_graph.objects(node, SKOS.altLabel)} >= aliases
        assert (node, CG.inReferenceList, Literal(False)) not in seed_graph
    article = next(c for c in seed_graph.subjects(CG.article, Literal("15")))
    assert seed_graph.value(article, CG.cited) == ID["instrument/un-convention-against-transnational-organized-crime"]


def test_organisations_are_mentioned(seed_graph: Graph) -> None:
    (spain,) = seed_graph.subjects(CG.delegation, ID["state/ESP"])
    assert ID["org/united-nations-office-on-drugs-and-crime"] in set(seed_graph.objects(spain, CG.mentions))
    (myanmar,) = seed_graph.subjects(CG.delegation, ID["state/MMR"])  # the typo "UNDOC"
    assert ID["org/united-nations-office-on-drugs-and-crime"] in set(seed_graph.objects(myanmar, CG.mentions))


def test_unanimous_adoption_at_meeting_8111(seed_graph: Graph) -> None:
    meeting = ID["meeting/S-PV-8111"]
    assert (R2388, CG.adoptedAt, meeting) in seed_graph
    assert (R2388, CG.unanimous, Literal(True)) in seed_graph
    assert (R2388, CG.votesInFavour, Literal(15)) in seed_graph
    assert list(seed_graph.subjects(CG.adoptedAt, meeting)) == [R2388]


def test_veto_of_a_draft() -> None:
    graph = _graph(DATA / "releases" / "sc-veto-multipart.txt")
    (draft,) = graph.subjects(CG.consideredAt, ID["meeting/S-PV-9310"])
    assert (draft, CG.adopted, Literal(False)) in graph
    assert [graph.value(draft, p).toPython() for p in (CG.votesInFavour, CG.votesAgainst, CG.abstentions)] == \
        [13, 1, 1]
    assert set(graph.objects(draft, CG.vetoedBy)) == {ID["state/RUS"]}
    assert set(graph.objects(draft, CG.abstained)) == {ID["state/CHN"]}


def test_general_assembly_recorded_vote() -> None:
    graph = _graph(DATA / "releases" / "ga-g77.txt")
    draft = ID["doc/A-78-L.30"]
    assert (draft, CG.adoptedAt, ID["meeting/A-78-PV-45"]) in graph
    assert [graph.value(draft, p).toPython() for p in (CG.votesInFavour, CG.votesAgainst, CG.abstentions)] == \
        [122, 5, 12]
    assert len(set(graph.objects(draft, CG.abstained))) == 12
    assert ID["state/GBR"] in set(graph.objects(draft, CG.votedAgainst))


def test_stand_alone_resolution_file() -> None:
    graph = _graph(DATA / "resolutions" / "S_RES_0889_1993_EN_GOLD.txt")
    r889 = ID["doc/S-RES-889-1993"]
    assert (r889, CG.adoptedAt, ID["meeting/S-PV-3322"]) in graph
    assert {ID["doc/S-RES-186-1964"], ID["doc/S-RES-831-1993"], ID["doc/S-RES-839-1993"]} <= \
        set(graph.objects(r889, CG.cites))
    first = ID["doc/S-RES-889-1993/preamble/1"]
    assert graph.value(first, CG.openingPhrase) == Literal("Recalling")


def test_footnote_citations_in_the_graph() -> None:
    """A footnote with a mark is cited by its paragraph (and so by the resolution); one without a readable mark
    by the resolution itself, with the symbol's words as the quote. Both conform to the shapes."""
    from councilgraph.extract.read import decode_source
    from councilgraph.pipeline import build_source
    from councilgraph.validate import validate_graph

    text = ("Resolution 500 (1982)\n\nThe Security Council,\n\nRecalling the report of the Commission 1/ on the "
            "question,\n\n1. Decides to remain seized.\n\nAdopted unanimously at the 2000th meeting.\n\n"
            "1/ Official Records of the Security Council, Fourth Year, document S/1380.\n2 See S/2049, sect. IV.\n")
    built = build_source(decode_source(text.encode(), "t.txt")).graph
    graph = Graph()
    for triple in built.triples:
        graph.add(triple)
    r500, paragraph = ID["doc/S-RES-500-1982"], ID["doc/S-RES-500-1982/preamble/1"]
    s1380, s2049 = ID["doc/S-1380"], ID["doc/S-2049"]
    assert (paragraph, CG.cites, s1380) in graph and (r500, CG.cites, s1380) in graph
    assert (paragraph, CITO.citesForInformation, s1380) in graph
    (whole,) = graph.subjects(CG.cited, s2049)
    assert graph.value(whole, CG.citing) == r500 and (r500, CG.cites, s2049) in graph
    assert graph.value(whole, CG.quote) == Literal("S/2049")
    assert graph.value(whole, CG.characterisation) == CITO.cites
    report = validate_graph(built)
    assert report.conforms, report.results


def _release_graph(text: str):
    from councilgraph.extract.read import decode_source
    from councilgraph.pipeline import build_source

    return build_source(decode_source(text.encode(), "t.txt")).graph


def test_a_cited_press_release_is_the_node_that_release_has_as_a_document() -> None:
    from councilgraph.graph.iris import document_iri
    from councilgraph.validate import validate_graph

    built = _release_graph("9000th Meeting (AM)\nSC/16000\n\nSecurity Council Extends Mission\n\n"
                           "The Council extended the mission for a year.  (See Press Release SC/15990.)\n")
    graph = Graph()
    for triple in built.triples:
        graph.add(triple)
    cited = document_iri("SC/15990")
    (citation,) = graph.subjects(CG.cited, cited)
    assert graph.value(citation, CG.citing) == document_iri("SC/16000")
    assert (cited, RDF.type, CG.PressRelease) in graph and (cited, CG.symbol, Literal("SC/15990")) in graph
    assert (document_iri("SC/16000"), CG.cites, cited) in graph
    report = validate_graph(built)
    assert report.conforms, report.results


def test_unnamed_drafts_each_get_their_own_node() -> None:
    from councilgraph.validate import validate_graph

    built = _release_graph(
        "Sixty-First Session,\n70th Meeting (AM)\nGA/10600\n\nGeneral Assembly Acts on Third Committee Texts\n\n"
        "The Assembly adopted the resolution on assistance to refugees without a vote.  It then adopted the text on "
        "the occupied territories by a recorded vote of 160 in favour to 6 against (Israel, Marshall Islands, Nauru, "
        "Palau, Tuvalu, United States), with 9 abstentions.  The Assembly also unanimously adopted the text on the "
        "rights of the child.  (See Press Release GA/SHC/3872.)\n")
    graph = Graph()
    for triple in built.triples:
        graph.add(triple)
    meeting = ID["meeting/A-61-PV-70"]
    first, second = URIRef(f"{meeting}/draft/1"), URIRef(f"{meeting}/draft/2")
    assert (first, CG.withoutVote, Literal(True)) in graph and (first, CG.adoptedAt, meeting) in graph
    assert graph.value(first, CG.votesInFavour) is None
    assert [graph.value(second, p).toPython() for p in (CG.votesInFavour, CG.votesAgainst, CG.abstentions)] == \
        [160, 6, 9]
    assert ID["state/USA"] in set(graph.objects(second, CG.votedAgainst))
    assert not set(graph.objects(second, CG.vetoedBy))  # the Assembly has no veto
    third = URIRef(f"{meeting}/draft/3")
    assert (third, CG.unanimous, Literal(True)) in graph
    assert graph.value(third, CG.votesInFavour) is None  # not the Council's 15: the Assembly's count is not given
    report = validate_graph(built)
    assert report.conforms, report.results


def test_the_single_unnamed_draft_keeps_its_iri() -> None:
    graph = _graph(DATA / "releases" / "sc-veto-multipart.txt")
    assert set(graph.subjects(CG.consideredAt, ID["meeting/S-PV-9310"])) == {ID["meeting/S-PV-9310/draft/1"]}
