"""The reference data under ontology/: States, organisations, instruments, opening phrases, reporting verbs,
resolution years."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from councilgraph.extract.gazetteer import gazetteer, normalise_name
from councilgraph.ontology import data_path
from councilgraph.ontology.reference import (
    MISSION_KINDS,
    ORG_KINDS,
    REPORTING_VERB_USES,
    instruments,
    missions,
    opening_phrases,
    organizations,
    reporting_verbs,
    resolution_years,
    slugify_name,
    state_names,
    states,
)


def test_states_cover_the_un_membership() -> None:
    status = Counter(s.status for s in states())
    assert status["member"] == 193
    assert {s.key for s in states() if s.status == "observer"} == {"VAT", "PSE"}
    assert all(re.fullmatch(r"[A-Z]{3}", s.key) for s in states())
    assert len({s.key for s in states()}) == len(states())


def test_state_names_cover_the_members_and_observers_once() -> None:
    keys = [row.key for row in state_names()]
    assert len(keys) == len(set(keys))
    assert set(keys) == {s.key for s in states() if s.status in {"member", "observer"}}


def test_no_capital_or_demonym_names_two_states() -> None:
    owners: dict[str, set[str]] = {}
    for row in state_names():
        for word in (*row.capitals, *row.demonyms):
            owners.setdefault(word, set()).add(row.key)
    assert {word: keys for word, keys in owners.items() if len(keys) > 1} == {}
    # The usual adjective of two States, or of a continent, is left out.
    assert not {"American", "Congolese", "Dominican", "Korean"} & set(owners)
    # A word the gazetteer already reads as a State's name ("Djibouti", "Monaco") is that State's.
    places = gazetteer()
    for word, (key,) in owners.items():
        found = places.match_at(word, 0)
        assert found is None or found.end < len(word) or found.entity.key == key, word
    assert all(re.fullmatch(r"[A-Z][\w'. -]*\w", word) for word in owners), "each word as printed in English"


def test_a_sample_of_capitals_and_demonyms_resolves() -> None:
    by_word = {word: row.key for row in state_names() for word in (*row.capitals, *row.demonyms)}
    assert {word: by_word.get(word) for word in (
        "Kabul", "Kyiv", "Kiev", "Moscow", "Pyongyang", "Damascus", "Brazzaville", "Kinshasa", "Iranian", "British",
        "Chinese", "Russian", "Syrian", "Israeli", "Palestinian", "Cuban", "South Sudanese", "Sudanese",
    )} == {"Kabul": "AFG", "Kyiv": "UKR", "Kiev": "UKR", "Moscow": "RUS", "Pyongyang": "PRK", "Damascus": "SYR",
           "Brazzaville": "COG", "Kinshasa": "COD", "Iranian": "IRN", "British": "GBR", "Chinese": "CHN",
           "Russian": "RUS", "Syrian": "SYR", "Israeli": "ISR", "Palestinian": "PSE", "Cuban": "CUB",
           "South Sudanese": "SSD", "Sudanese": "SDN"}
    # "Russian Federation" is the State's name, not a demonym.
    assert "Russian Federation" not in by_word


def test_organisations_are_well_formed() -> None:
    orgs = organizations()
    assert len({o.key for o in orgs}) == len(orgs)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", o.key) for o in orgs)
    assert {o.category for o in orgs} <= set(ORG_KINDS)
    acronyms = [o.acronym for o in orgs if o.acronym]
    assert len(acronyms) == len(set(acronyms))


def test_missions_are_well_formed() -> None:
    rows = missions()
    assert len({m.entity.key for m in rows}) == len(rows)
    assert all(m.entity.key == slugify_name(m.entity.name) for m in rows)
    assert {m.operation for m in rows} <= set(MISSION_KINDS)
    assert all(m.entity.category == "UNEntity" for m in rows)
    assert all(m.established is not None and 1945 <= m.established <= (m.closed or 9999) for m in rows)
    # every mission is an organisation, listed once
    keys = [o.key for o in organizations()]
    assert len(keys) == len(set(keys))
    assert {m.entity.key for m in rows} <= set(keys)


def test_missions_have_distinct_acronyms_that_resolve_to_them() -> None:
    for mission in missions():
        entity = mission.entity
        assert entity.acronym or entity.key in {"united-nations-mission-in-colombia",
                                                "united-nations-verification-mission-in-colombia"}
        if entity.acronym:
            assert entity.acronym.isupper()
            assert gazetteer().lookup(entity.acronym) is entity
        assert gazetteer().lookup(entity.name) is entity


def test_missions_cover_past_and_present_operations() -> None:
    running = {m.entity.acronym for m in missions() if m.operation == "peacekeeping" and m.closed is None}
    assert running == {"UNTSO", "UNMOGIP", "UNFICYP", "UNDOF", "UNIFIL", "MINURSO", "UNMIK", "MONUSCO", "UNISFA",
                       "UNMISS", "MINUSCA"}
    closed = {m.entity.acronym for m in missions() if m.closed is not None}
    assert {"UNAMSIL", "UNOCI", "UNOMIG", "MONUA", "MINUJUSTH", "ONUC", "UNPROFOR", "UNTAC", "UNAVEM III",
            "UNOSOM II", "MONUC", "UNMIL", "MINUSTAH", "MINUSMA", "UNAMID", "UNIOGBIS", "UNMIN"} <= closed
    assert len([m for m in missions() if m.operation == "peacekeeping"]) >= 70  # the UN's list since 1948
    assert len([m for m in missions() if m.operation == "political"]) >= 30


def test_no_written_form_names_two_entities() -> None:
    owner: dict[str, str] = {}
    clashes = []
    for entity in states() + organizations():
        for form in {normalise_name(f) for f in (entity.name, *entity.aliases)}:
            if owner.setdefault(form, entity.key) != entity.key:
                clashes.append((form, owner[form], entity.key))
    assert clashes == []


def test_no_acronym_names_two_entities() -> None:
    owner: dict[str, str] = {}
    clashes = []
    for entity in states() + organizations():
        forms = {entity.acronym} | {f for f in (entity.name, *entity.aliases) if f.isupper() and len(f) <= 8}
        for form in forms - {""}:
            if owner.setdefault(form, entity.key) != entity.key:
                clashes.append((form, owner[form], entity.key))
    assert clashes == []


def test_no_typographic_quotes_in_reference_data() -> None:
    forms = [f for e in states() + organizations() for f in (e.name, *e.aliases)]
    assert not [f for f in forms if re.search("[\u2018\u2019\u201c\u201d\u2011]", f)]


@pytest.mark.parametrize(("written", "key"), [
    ("Iran", "IRN"), ("Iran (Islamic Republic of)", "IRN"), ("Venezuela (Bolivarian Republic of)", "VEN"),
    ("Bolivia", "BOL"), ("Russian Federation", "RUS"), ("United Kingdom", "GBR"), ("Türkiye", "TUR"),
    ("Turkey", "TUR"), ("Holy See", "VAT"), ("State of Palestine", "PSE"), ("Côte d'Ivoire", "CIV"),
    ("Democratic Republic of the Congo", "COD"), ("Congo", "COG"), ("Republic of Korea", "KOR"),
    ("Democratic People's Republic of Korea", "PRK"), ("Lao People's Democratic Republic", "LAO"),
    ("Micronesia (Federated States of)", "FSM"), ("Viet Nam", "VNM"), ("United States", "USA"),
    ("Non-Aligned Movement", "non-aligned-movement"), ("Group of 77 and China", "group-of-77-and-china"),
    ("Nordic countries", "nordic-countries"), ("Nordic Countries", "nordic-countries"),
    ("UNODC", "united-nations-office-on-drugs-and-crime"), ("UNDOC", "united-nations-office-on-drugs-and-crime"),
    ("Organization for Security and Cooperation in Europe", "organization-for-security-and-cooperation-in-europe"),
    ("European Union", "european-union"), ("African Union", "african-union"),
    ("World Trade Organization", "world-trade-organization"), ("WTO", "world-trade-organization"),
    ("UNCTAD", "united-nations-conference-on-trade-and-development"), ("ECOMOG", "ecowas-monitoring-group"),
    ("International Criminal Tribunal for the former Yugoslavia", "international-tribunal-for-the-former-yugoslavia"),
    ("Revolutionary United Front", "revolutionary-united-front"), ("UNITA", "national-union-for-the-total-independence-of-angola"),
    ("UNAMSIL", "united-nations-mission-in-sierra-leone"), ("MONUA", "united-nations-observer-mission-in-angola"),
    ("United Nations Operation in Côte d'Ivoire", "united-nations-operation-in-cote-d-ivoire"),
    ("United Nations Observer Mission in Georgia", "united-nations-observer-mission-in-georgia"),
    ("MINUJUSTH", "united-nations-mission-for-justice-support-in-haiti"), ("UNOSOM II", "united-nations-operation-in-somalia-ii"),
    # bodies of the General Assembly and the Secretariat that releases of every era name
    ("Fifth Committee", "fifth-committee"), ("General Committee", "general-committee"),
    ("Committee on Contributions", "committee-on-contributions"), ("Board of Auditors", "board-of-auditors"),
    ("Ad Hoc Committee on Terrorism", "ad-hoc-committee-on-terrorism"),
    ("Office of the Secretary-General", "executive-office-of-the-secretary-general"),
    ("Office for Drug Control and Crime Prevention", "united-nations-office-for-drug-control-and-crime-prevention"),
    ("Commission on Human Rights", "united-nations-commission-on-human-rights"),
    ("Inter-American Commission on Human Rights", "inter-american-commission-on-human-rights"),
    ("Sub-Commission on Prevention of Discrimination and Protection of Minorities",
     "sub-commission-on-the-promotion-and-protection-of-human-rights"),
    ("United Nations Logistics Base at Brindisi", "united-nations-logistics-base"),
    ("United Nations Country Team", "united-nations-country-team"), ("HLPF", "high-level-political-forum-on-sustainable-development"),
    ("Open-ended Working Group on Security Council Reform", "open-ended-working-group-on-security-council-reform"),
    # groups, armed groups and joint bodies
    ("Group of 8", "group-of-eight"), ("GUUAM", "guam-organization-for-democracy-and-economic-development"),
    ("EurAsEC", "eurasian-economic-community"), ("Janjaweed", "janjaweed"), ("Ansar Al Shari'a", "ansar-al-sharia"),
    ("RCD-Goma", "rassemblement-congolais-pour-la-democratie-goma"), ("ISIL/ISIS", "islamic-state-in-iraq-and-the-levant"),
    ("Al-Qaida/Taliban Sanctions Committee", "isil-daesh-and-al-qaida-sanctions-committee"),
    ("Group of Friends of the Secretary-General on Georgia", "group-of-friends-of-the-secretary-general-on-georgia"),
    ("OPCW-United Nations Joint Investigative Mechanism", "opcw-united-nations-joint-investigative-mechanism"),
    ("Somalia and Eritrea Monitoring Group", "somalia-and-eritrea-monitoring-group"),
    ("Popular Front for the Liberation of Saguia el-Hamra and Rio de Oro",
     "frente-popular-para-la-liberacion-de-saguia-el-hamra-y-de-rio-de-oro"),
    ("United Nations Mission in Democratic Republic of Congo",
     "united-nations-organization-mission-in-the-democratic-republic-of-the-congo"),
    # bodies, groups and parties named in releases of the 1990s to the 2020s
    ("Department for Disarmament Affairs", "department-for-disarmament-affairs"),
    ("Security Council Affairs Division", "security-council-affairs-division"),
    ("Economic Community of the Central African States", "economic-community-of-central-african-states"),
    ("New Agenda Coalition", "new-agenda-coalition"), ("International Olympic Committee", "international-olympic-committee"),
    ("URNG", "unidad-revolucionaria-nacional-guatemalteca"),
    ("Darfur Hybrid Operation", "african-union-united-nations-hybrid-operation-in-darfur"),
    ("Eastern Mediterranean Oil Spill Restoration Trust Fund", "eastern-mediterranean-oil-spill-restoration-trust-fund"),
    ("Group of Governmental Experts on advancing responsible State behaviour in cyberspace in the context of "
     "international security", "group-of-governmental-experts-on-ict-in-international-security"),
    ("Open-Ended Working Group on developments in the field of information and telecommunications in the context "
     "of international security", "open-ended-working-group-on-ict-in-international-security"),
    # subsidiary bodies, commissions, forces and initiatives the releases name without an acronym
    ("Committee on Conferences", "committee-on-conferences"),
    ("Committee on the Admission of New Members", "committee-on-the-admission-of-new-members"),
    ("Working Group on Peacekeeping Operations", "security-council-working-group-on-peacekeeping-operations"),
    ("Preparatory Commission for the International Criminal Court",
     "preparatory-commission-for-the-international-criminal-court"),
    ("International, Impartial and Independent Mechanism", "international-impartial-and-independent-mechanism-for-syria"),
    ("IIIM", "international-impartial-and-independent-mechanism-for-syria"),
    ("Logistics Base in Brindisi", "united-nations-logistics-base"), ("Pacific Forum", "pacific-islands-forum"),
    ("South Pacific Forum", "pacific-islands-forum"), ("Multinational Interim Force", "multinational-interim-force"),
    ("Multinational Security Support Mission", "multinational-security-support-mission"),
    ("Montevideo Mechanism", "montevideo-mechanism"),
    # the Council's sanctions committees, by their long names and the short ones releases use
    ("Sudan Sanctions Committee", "security-council-committee-1591"), ("1718 Committee", "security-council-committee-1718"),
    ("Sanctions Committee on the Democratic People's Republic of Korea", "security-council-committee-1718"),
    ("Security Council Committee established pursuant to resolution 1533 (2004) concerning the Democratic Republic of "
     "the Congo", "security-council-committee-1533"), ("Somalia and Eritrea Sanctions Committee", "security-council-committee-751"),
    ("South Sudan Sanctions Committee", "security-council-committee-2206"), ("1540 Committee", "security-council-committee-1540"),
    # observers the Assembly admitted, and parties of the 1990s and 2000s
    ("Cooperation Council of Turkic-speaking States", "cooperation-council-of-turkic-speaking-states"),
    ("Eurasian Economic Union", "eurasian-economic-union"), ("GEF", "global-environment-facility"),
    ("International Trade Union Confederation", "international-trade-union-confederation"),
    ("UTO", "united-tajik-opposition"), ("Forces nouvelles", "forces-nouvelles"),
])
def test_names_used_in_un_texts_resolve(written: str, key: str) -> None:
    entity = gazetteer().lookup(written)
    assert entity is not None and entity.key == key


def test_acronyms_are_case_sensitive() -> None:
    assert gazetteer().lookup("NAM").key == "non-aligned-movement"
    assert gazetteer().lookup("nam") is None


def test_instruments_are_well_formed() -> None:
    items = instruments()
    assert len(items) >= 60
    assert len({i.key for i in items}) == len(items)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i.key) for i in items)
    assert {i.category for i in items} <= {"charter", "treaty", "convention", "protocol", "declaration",
                                           "plan-of-action", "agenda", "compact", "statute", "agreement"}
    assert all(i.year and 1899 <= i.year <= 2025 for i in items)
    owner: dict[str, str] = {}
    for item in items:
        for form in {normalise_name(f) for f in (item.name, *item.aliases)}:
            assert owner.setdefault(form, item.key) == item.key, form


def test_opening_phrases_map_to_cito_properties() -> None:
    phrases = opening_phrases()
    known = {"cites", "citesForInformation", "confirms", "agreesWith", "disagreesWith", "citesAsAuthority",
             "reviews", "supports", "extends"}
    assert {p.cito for p in phrases} <= known
    assert {p.part for p in phrases} == {"preambular", "operative", "statement"}
    table = {p.phrase: p.cito for p in phrases}
    assert (table["Recalling"], table["Taking note of"], table["Reaffirming"], table["Welcoming"],
            table["Acting under"], table["Guided by"]) == (
        "citesForInformation", "citesForInformation", "confirms", "agreesWith", "citesAsAuthority",
        "citesAsAuthority")
    assert [len(p.phrase) for p in phrases] == sorted((len(p.phrase) for p in phrases), reverse=True)


def test_resolution_years_table() -> None:
    years = resolution_years()
    assert years.year_of(1) == 1946 and years.year_of(2331) == 2016 and years.year_of(2388) == 2017
    assert not years.agrees(2331, 2661) and years.agrees(2331, 2016)
    assert years.year_of(99_999) is None
    previous_last = 0
    for _, first, last in years.ranges:  # contiguous: every number belongs to exactly one year
        assert first == previous_last + 1 and last >= first
        previous_last = last


def test_acronyms_are_looked_up_in_plain_typography() -> None:
    # the scorer and the alignments look up names as written, with non-breaking hyphens
    assert gazetteer().lookup("UN\u2011Women").key == "united-nations-entity-for-gender-equality-and-the-empowerment-of-women"


def test_reporting_verbs_are_well_formed() -> None:
    rows = data_path("reporting_verbs.csv").read_text(encoding="utf-8").splitlines()[1:]
    forms = [row.split(",")[0] for row in rows]
    assert len(forms) == len(set(forms)), "a form listed twice"
    by_use = reporting_verbs()
    assert set(by_use) == set(REPORTING_VERB_USES) and all(by_use.values())
    for use, listed in by_use.items():
        for form in listed:
            assert re.fullmatch(r"[A-Za-z-]+(?: [A-Za-z-]+)*(?: \[[a-z]+\])?", form), (use, form)
            # Headlines are in title case, the running text in lower case.
            assert form[0].isupper() == use.startswith("headline"), (use, form)
    # The narrower lists stay inside the general one: a verb that makes a State named alone a speaker, or that
    # a title runs into, is a reporting verb after any speaker too.
    for use in ("state", "before-office", "into-title"):
        assert set(by_use[use]) - {"called for", "called on"} <= set(by_use["after"]), use
