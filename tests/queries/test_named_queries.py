"""Every shipped query, run on the seed (SC/13081) with the answer read off the release by hand."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pytest
from pyoxigraph import Literal, NamedNode

from councilgraph.extract.read import read_source
from councilgraph.queries import named_queries, named_query
from councilgraph.queries.results import plain_value
from councilgraph.store import Answer, DocumentStore

Rows = list[dict[str, str]]
INTEGER = NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def _rows(answer: Answer) -> Rows:
    return [{name: plain_value(term) for name, term in zip(answer.variables, row, strict=True)} for row in answer.rows]


def _run(store: DocumentStore, name: str, **bindings) -> Rows:
    terms = {key: NamedNode(value[1:-1]) if value.startswith("<") else
             Literal(value, datatype=INTEGER) if value.isdigit() else Literal(value) for key, value in bindings.items()}
    return _rows(store.query(named_query(name).text, terms))


EU_ALIGNED = ["Sweden", "France", "Ireland", "Estonia", "Belgium", "Slovakia", "Germany", "Austria", "Georgia",
              "Bulgaria"]
CITED_BY_2388 = {"S/RES/1261 (1999)", "S/RES/1267 (1999)", "S/RES/1612 (2005)", "S/RES/1989 (2011)",
                 "S/RES/2195 (2014)", "S/RES/2199 (2015)", "S/RES/2240 (2015)", "S/RES/2242 (2015)",
                 "S/RES/2253 (2015)", "S/RES/2331 (2016)", "S/RES/2359 (2017)", "S/RES/2368 (2017)",
                 "S/RES/2374 (2017)", "S/RES/2379 (2017)", "S/RES/2380 (2017)", "S/PRST/2015/25", "S/2017/939"}
PALERMO = ("Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, "
           "supplementing the United Nations Convention against Transnational Organized Crime")
UNTOC = "United Nations Convention against Transnational Organized Crime"


def check_speakers(store: DocumentStore) -> None:
    rows = _run(store, "speakers", meetingNumber="8111")
    assert [int(r["order"]) for r in rows] == list(range(1, 72))
    first = rows[0]
    assert (first["speaker"], first["delegation"], first["role"]) == (
        "António Guterres", "United Nations", "Secretary-General of the United Nations")
    sweden = rows[5]
    assert sweden["delegation"] == "Sweden"
    assert set(sweden["alignment"].split("; ")) == {"aligning European Union", "aligning Nordic countries"}
    assert rows[19]["delegation"].startswith("Venezuela")
    assert rows[19]["alignment"] == "speaking on behalf of Non-Aligned Movement"


def check_alignments(store: DocumentStore) -> None:
    rows = _run(store, "alignments", group="European Union")
    assert [r["delegation"] for r in rows] == EU_ALIGNED
    assert {r["kind"] for r in rows} == {"aligning", "associating"}
    everything = _run(store, "alignments")
    assert len(everything) == 19
    assert ("Estonia", "speaking on behalf of", "Latvia") in {(r["delegation"], r["kind"], r["group"])
                                                             for r in everything}


def check_resolution_cites(store: DocumentStore) -> None:
    rows = _run(store, "resolution-cites", symbol="S/RES/2388 (2017)")
    documents = {r["cited"] for r in rows if r["cited"].startswith("S/")}
    assert documents == CITED_BY_2388
    first = rows[0]
    assert (first["paragraphKind"], first["ordinal"], first["openingPhrase"]) == ("preambular", "1", "Recalling")
    assert first["characterisation"] == "http://purl.org/spar/cito/citesForInformation"
    reiterating = {r["cited"] for r in rows if r["openingPhrase"] == "Reiterating"}
    assert reiterating == {"S/RES/2195 (2014)", "S/RES/2199 (2015)", "S/RES/2242 (2015)", "S/RES/2253 (2015)",
                           "S/RES/2368 (2017)"}
    assert {r["paragraphKind"] for r in rows} == {"preambular", "operative"}


def check_cited_by(store: DocumentStore) -> None:
    rows = _run(store, "cited-by", symbol="S/RES/2331 (2016)")
    kinds = Counter(r["citingKind"] for r in rows)
    assert set(kinds) == {"resolution paragraph", "statement", "press release"}
    citing = {r["citing"] for r in rows}
    assert "S/RES/2388 (2017) preambular paragraph 1" in citing
    assert "SC/13081 statement 13: Koro Bessho (Japan)" in citing
    assert any("(Iraq)" in c for c in citing)
    assert "2331\xa0(2661)" in {r["quote"] for r in rows}  # the misprinted year is linked, not lost


def check_most_cited_resolutions(store: DocumentStore) -> None:
    rows = _run(store, "most-cited-resolutions")
    assert rows[0] == {"symbol": "S/RES/2331 (2016)", "citations": "14", "documents": "1"}
    assert rows[1]["symbol"] == "S/RES/2388 (2017)"
    counts = [int(r["citations"]) for r in rows]
    assert counts == sorted(counts, reverse=True)
    # The query picks resolutions by their IRI; the same set as by their class, and nothing else.
    typed = store.query("SELECT DISTINCT ?symbol WHERE { GRAPH ?d { ?c cg:cited ?r . ?r a cg:Resolution ; "
                        "cg:symbol ?symbol } }")
    assert {r["symbol"] for r in rows} == {row[0].value for row in typed.rows}
    assert len(rows) > 10 and not {"S/PRST/2015/25", "S/2017/939"} & {r["symbol"] for r in rows}


def check_most_cited_instruments(store: DocumentStore) -> None:
    rows = _run(store, "most-cited-instruments")
    assert [r["instrument"] for r in rows[:2]] == [UNTOC, PALERMO]
    assert len(rows) == 11


def check_instrument_mentions(store: DocumentStore) -> None:
    rows = _run(store, "instrument-mentions", instrument=PALERMO)
    guterres = [r for r in rows if r["speaker"] == "ANTÓNIO GUTERRES"]
    assert {r["quote"] for r in guterres} == {"Palermo Protocol", PALERMO}
    sentence = guterres[0]["sentence"]
    assert sentence.startswith("He said a framework of action to counter trafficking")
    assert sentence.endswith("Political Declaration on the implementation of the Global Plan of Action.")
    assert all(r["quote"] in r["sentence"] for r in rows)


def check_provenance(store: DocumentStore, seed_text: str) -> None:
    fact = "https://w3id.org/councilgraph/id/doc/SC-13081/statement/15/alignment/1"
    (row,) = _run(store, "provenance", fact=f"<{fact}>")
    assert (row["class"], row["document"], row["sourceFile"]) == ("Alignment", "SC/13081", "SC-13081.txt")
    assert row["text"] == "associating himself with the Non‑Aligned Movement"
    rows = _run(store, "provenance")
    assert Counter(r["class"] for r in rows)["Statement"] == 71
    quoted = [r for r in rows if r["class"] != "Statement"]
    assert quoted and all(seed_text[int(r["start"]):int(r["end"])] == r["text"] for r in quoted)


def check_findings(store: DocumentStore) -> None:
    rows = _run(store, "findings")
    assert Counter(r["kind"] for r in rows) == {"YearMismatch": 2, "DuplicateParticipant": 1, "SpeakerNotListed": 1}
    assert {r["severity"] for r in rows} == {"Warning"}
    assert {r["about"] for r in rows if r["kind"] == "YearMismatch"} == {"S/RES/2331 (2016)"}
    assert [r["quote"] for r in rows if r["kind"] == "DuplicateParticipant"] == ["Botswana"]


def check_votes(store: DocumentStore) -> None:
    (row,) = _run(store, "votes")
    assert row["document"] == "S/RES/2388 (2017)"
    assert (row["adopted"], row["meeting"], row["unanimous"]) == ("true", "Security Council meeting 8111", "true")
    assert (row["inFavour"], row["against"], row["abstentions"]) == ("15", "0", "0")
    assert row["vetoedBy"] == row["votedAgainst"] == ""


def check_statements(store: DocumentStore, seed_text: str) -> None:
    rows = _run(store, "statements")
    assert len(rows) == 71
    assert Counter(r["section"] for r in rows) == {"Briefings": 4, "Statements": 67}
    assert rows[4]["speaker"] == "TEKEDA ALEMU" and rows[4]["delegation"] == "Ethiopia"
    assert all(seed_text[int(r["start"]):int(r["end"])] == r["text"] for r in rows)


def check_citations(store: DocumentStore) -> None:
    rows = _run(store, "citations")
    assert len(rows) == 104
    assert {r["document"] for r in rows} == {"SC/13081"}
    assert [int(r["start"]) for r in rows] == sorted(int(r["start"]) for r in rows)


def check_organisations(store: DocumentStore) -> None:
    rows = {r["organisation"]: r for r in _run(store, "organisations")}
    assert rows["United Nations Office on Drugs and Crime"]["acronym"] == "UNODC"
    assert rows["United Nations Office on Drugs and Crime"]["statements"] == "1"  # Mr. Fedotov's briefing
    assert rows["Boko Haram"]["class"] == "ArmedGroup"
    assert rows["European Union"]["statements"] == "1"
    assert int(rows["United Nations"]["mentions"]) >= int(rows["Boko Haram"]["mentions"]) > 0


def check_instruments(store: DocumentStore) -> None:
    rows = {r["instrument"]: r for r in _run(store, "instruments")}
    assert "Palermo Protocol" in rows[PALERMO]["aliases"].split("; ")
    assert rows[UNTOC]["kind"] == "convention" and rows[UNTOC]["year"] == "2000"
    assert rows["Convention relating to the Status of Refugees"]["aliases"] == "1951 Refugee Convention"


CHECKS: dict[str, Callable[..., None]] = {
    "speakers": check_speakers, "alignments": check_alignments, "resolution-cites": check_resolution_cites,
    "cited-by": check_cited_by, "most-cited-resolutions": check_most_cited_resolutions,
    "most-cited-instruments": check_most_cited_instruments, "instrument-mentions": check_instrument_mentions,
    "provenance": check_provenance, "findings": check_findings, "votes": check_votes,
    "statements": check_statements, "citations": check_citations, "organisations": check_organisations,
    "instruments": check_instruments,
}


def test_every_shipped_query_has_a_check_and_they_are_at_least_ten() -> None:
    assert set(named_queries()) == set(CHECKS)
    assert len(CHECKS) >= 10


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_named_query_on_the_seed(name: str, seed_store: DocumentStore, seed_path) -> None:
    check = CHECKS[name]
    if check.__code__.co_argcount == 2:
        check(seed_store, read_source(seed_path).text)
    else:
        check(seed_store)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_named_query_says_what_it_answers(name: str) -> None:
    query = named_query(name)
    assert query.title.endswith(".") and len(query.title) > 20
    assert query.description
    assert "ORDER BY" in query.text or "ASK" in query.text  # stable row order, in the store and over HTTP


@pytest.fixture(scope="module")
def archive_store(seed_path, releases_dir) -> DocumentStore:
    """The seed and the hand-written releases: States and organisations shared by several documents."""
    from councilgraph.ontology import ontology_path
    from councilgraph.pipeline import build_path

    store = DocumentStore.create(None)
    for path in [seed_path, *sorted(releases_dir.glob("*.txt"))]:
        _load(store, build_path(path).graph)
    store.load_ontology(ontology_path())
    return store


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_shared_nodes_do_not_repeat_rows(name: str, archive_store: DocumentStore) -> None:
    """A State's label is in every document's graph; the union must not turn that into repeated rows."""
    rows = [tuple(r.values()) for r in _run(archive_store, name)]
    assert len(rows) > 0
    assert [row for row, n in Counter(rows).items() if n > 1] == []


def test_answers_for_one_meeting_do_not_change_when_other_documents_are_added(archive_store, seed_store) -> None:
    assert _run(archive_store, "speakers", meetingNumber="8111") == _run(seed_store, "speakers", meetingNumber="8111")
    assert _run(archive_store, "resolution-cites", symbol="S/RES/2388 (2017)") == \
        _run(seed_store, "resolution-cites", symbol="S/RES/2388 (2017)")


def _load(store, document) -> None:
    store.replace(str(document.name), document.ntriples())


def test_most_cited_resolutions_leaves_out_documents_with_resolution_like_symbols() -> None:
    """"S/RES/1325/Add.1" and a number past the table of years are documents, not resolutions."""
    from pathlib import Path

    from councilgraph.extract.read import decode_source
    from councilgraph.pipeline import build_source

    path = Path(__file__).resolve().parent.parent / "data" / "releases" / "sc-no-statements.txt"
    text = path.read_text(encoding="utf-8").replace(
        "The meeting began at", "The Council recalled S/RES/2900, S/RES/2900 and S/RES/1325/Add.1.\n\nThe meeting began at", 1)
    document = build_source(decode_source(text.encode(), "sc-no-statements.txt")).graph
    store = DocumentStore.create(None)
    store.replace(str(document.name), document.ntriples())
    symbols = {r["symbol"] for r in _run(store, "most-cited-resolutions")}
    cited = {row[0].value for row in store.query("SELECT DISTINCT ?s WHERE { ?c cg:cited ?d . ?d cg:symbol ?s }").rows}
    assert {"S/RES/2900", "S/RES/1325/Add.1"} <= cited  # cited, as documents
    assert symbols == {"S/RES/2737 (2024)", "S/RES/338 (1973)"}


def test_releases_without_symbol_are_named_by_their_file() -> None:
    """A page that prints no symbol still answers the queries that name documents: by its file name."""
    from pathlib import Path

    from councilgraph.pipeline import build_path

    layouts = Path(__file__).resolve().parent.parent / "data" / "layouts"
    store = DocumentStore.create(None)
    for name in ("headline-only-2015.txt", "unis-assembly-2000.txt"):
        _load(store, build_path(layouts / name).graph)
    from councilgraph.ontology import ontology_path

    store.load_ontology(ontology_path())
    findings = _run(store, "findings")
    assert {(r["document"], r["kind"]) for r in findings} >= {("headline-only-2015.txt", "MissingSymbol"),
                                                               ("headline-only-2015.txt", "TextEndsEarly")}
    assert [(r["release"], r["delegation"]) for r in _run(store, "statements")][:1] == \
        [("headline-only-2015.txt", "Nigeria")]
    assert [(r["release"], r["group"]) for r in _run(store, "alignments")] == [("UNIS/GA/1690", "European Union")]
    assert {r["document"] for r in _run(store, "provenance")} == {"headline-only-2015.txt", "UNIS/GA/1690"}


#: For each query taking a parameter: the parameter, a value as people write it, and the rows it gives on the seed.
SHORT_FORMS = {"alignments": ("group", "EU", 10), "cited-by": ("symbol", "2331", 14),
               "instrument-mentions": ("instrument", "Palermo Protocol", 11),
               "provenance": ("fact", "doc/SC-13081/statement/15/alignment/1", 1),
               "resolution-cites": ("symbol", "S/RES/2388(2017)", 33), "speakers": ("meetingNumber", "8111", 71)}


def test_parameters_are_the_variables_the_comments_say_to_bind_and_each_has_a_reader(seed_store) -> None:
    from councilgraph.queries.parameters import PARAMETER_KINDS, parameter_value

    taking = {q.name: q.parameters for q in named_queries().values() if q.parameters}
    assert taking == {name: (parameter,) for name, (parameter, _, _) in SHORT_FORMS.items()}
    assert {parameter for parameter, _, _ in SHORT_FORMS.values()} == set(PARAMETER_KINDS)
    for name, (parameter, value, rows) in SHORT_FORMS.items():
        answer = seed_store.query(named_query(name).text, {parameter: parameter_value(parameter, value)})
        assert len(answer.rows) == rows, name
