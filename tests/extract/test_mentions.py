"""Organisations mentioned, and acronyms a document defines."""

from __future__ import annotations

import pytest

from councilgraph.extract.gazetteer import gazetteer
from councilgraph.extract.mentions import document_gazetteer, learned_acronyms, organisation_mentions
from councilgraph.extract.press_release import extract_press_release
from councilgraph.extract.read import decode_source, normalise
from councilgraph.extract.records import PressRelease
from councilgraph.ontology.reference import unknown_organization

TEXT = normalise(
    "The Analytical Support and Sanctions Monitoring Team (ASMT) briefed the Council.  Later the ASMT and "
    "UNODC reported, as did the UNDOC office, on Boko Haram and ISIL/Da\u2019esh."
)


def test_full_name_with_acronym_teaches_the_acronym() -> None:
    learned = learned_acronyms(TEXT, gazetteer())
    assert learned["ASMT"].key == "analytical-support-and-sanctions-monitoring-team"


def test_mentions_resolve_names_known_acronyms_typos_and_learned_acronyms() -> None:
    mentions = organisation_mentions(TEXT, 0, len(TEXT), gazetteer(), learned_acronyms(TEXT, gazetteer()))
    assert [(TEXT[m.start:m.end], m.entity.key) for m in mentions] == [
        ("Analytical Support and Sanctions Monitoring Team", "analytical-support-and-sanctions-monitoring-team"),
        ("ASMT", "analytical-support-and-sanctions-monitoring-team"),  # in the definition
        ("ASMT", "analytical-support-and-sanctions-monitoring-team"),
        ("UNODC", "united-nations-office-on-drugs-and-crime"),
        ("UNDOC", "united-nations-office-on-drugs-and-crime"),
        ("Boko Haram", "boko-haram"),
        ("ISIL/Da'esh", "islamic-state-in-iraq-and-the-levant"),
    ]


def test_states_are_not_mentions() -> None:
    text = "Nigeria and Chad worked with the African Union."
    assert [m.entity.key for m in organisation_mentions(text, 0, len(text), gazetteer(), {})] == ["african-union"]


# Sentences in the house style of the releases, written for these tests.
MISSIONS = normalise(
    "The Council heard a briefing by the Special Representative of the Secretary\u2011General and Head of the "
    "Joint Verification and Monitoring Mechanism (JVMM), who said the Multinational Protection Force (MPF) had "
    "completed its deployment.  The JVMM would report monthly, she said, and the Multinational Protection Force "
    "would hand over to the United Nations Mission in Sierra Leone (UNAMSIL) and to the World Trade "
    "Organization (WTO).  Later, UNAMSIL and the MPF met the Comprehensive Peace Agreement (CPA) committee on "
    "Disarmament, Demobilization and Reintegration (DDR) in Mali (Mali)."
)


def test_full_name_outside_the_reference_list_teaches_an_organisation() -> None:
    learned = learned_acronyms(MISSIONS, gazetteer())
    assert {acronym: (e.name, e.in_reference) for acronym, e in learned.items()} == {
        "JVMM": ("Joint Verification and Monitoring Mechanism", False),  # not "Special Representative ... Head of"
        "MPF": ("Multinational Protection Force", False),
    }
    mpf = learned["MPF"]
    assert (mpf.key, mpf.acronym, mpf.category) == ("multinational-protection-force", "MPF", "NGO")
    # the same name makes the same IRI in every document
    assert learned_acronyms(normalise("the Multinational Protection Force (MPF) left"), gazetteer())["MPF"] == mpf


def test_taught_organisations_are_mentioned_by_name_and_bare_acronym() -> None:
    learned = learned_acronyms(MISSIONS, gazetteer())
    places = document_gazetteer(gazetteer(), learned)
    mentions = organisation_mentions(MISSIONS, 0, len(MISSIONS), places, learned)
    assert [(MISSIONS[m.start:m.end], m.entity.key) for m in mentions] == [
        ("Joint Verification and Monitoring Mechanism", "joint-verification-and-monitoring-mechanism"),
        ("JVMM", "joint-verification-and-monitoring-mechanism"),
        ("Multinational Protection Force", "multinational-protection-force"),
        ("MPF", "multinational-protection-force"),
        ("JVMM", "joint-verification-and-monitoring-mechanism"),
        ("Multinational Protection Force", "multinational-protection-force"),
        ("United Nations Mission in Sierra Leone", "united-nations-mission-in-sierra-leone"),
        ("UNAMSIL", "united-nations-mission-in-sierra-leone"),
        ("World Trade Organization", "world-trade-organization"),
        ("WTO", "world-trade-organization"),
        ("UNAMSIL", "united-nations-mission-in-sierra-leone"),
        ("MPF", "multinational-protection-force"),
    ]
    assert all(m.entity.in_reference for m in mentions if m.entity.acronym in ("UNAMSIL", "WTO"))


def test_the_reference_list_wins_over_a_taught_name() -> None:
    text = normalise("the Economic Community of West African States Monitoring Group (ECOMOG) and the Force")
    assert learned_acronyms(text, gazetteer()) == {}  # ECOMOG is a reference acronym already
    places = document_gazetteer(gazetteer(), {"EU": unknown_organization("European Union")})
    assert places.lookup("European Union").in_reference


@pytest.mark.parametrize("text", [
    "the Comprehensive Peace Agreement (CPA)",  # an instrument
    "Disarmament, Demobilization and Reintegration (DDR)",  # a programme's subject, no head noun
    "the Government of National Unity (GNU)",
    "met in Bamako, Mali (Mali)",  # not an acronym
    "The national police force (NPF)",  # lower-case words that spell no name from a capital
    "Members of the international support group (MISG)",  # the initials spell it, but there is no head noun
    "The Sudan Liberation Army/Abdul Wahid (SLA/AW)",  # not read as an acronym
])
def test_phrases_that_are_not_organisations_teach_nothing(text: str) -> None:
    assert learned_acronyms(normalise(text), gazetteer()) == {}


@pytest.mark.parametrize(("text", "name"), [
    ("Head of the United Nations Observer Mission in Freedonia (UNOMF)", "United Nations Observer Mission in Freedonia"),
    ("the Office of the Special Coordinator for Freedonia (OSCF)", "Office of the Special Coordinator for Freedonia"),
    ("President of the Economic Community of Freedonian States (ECOFS)", "Economic Community of Freedonian States"),
    ("Mission de l'Organisation des Nations Unies en Freedonie (MONUF)",
     "Mission de l'Organisation des Nations Unies en Freedonie"),
    ("The Freedonia National Liberation Front (FNLF) attacked", "Freedonia National Liberation Front"),
    ("the African Union-led Regional Task Force (RTF)", "Regional Task Force"),  # the initials spell the acronym
    # French names keep their later words in lower case; the initials, connectors and elisions aside, spell it
    ("a petitioner of the Front de libération nationale kanak et socialiste (FLNKS) said",
     "Front de libération nationale kanak et socialiste"),
    ("the Coordination des mouvements de l'Azawad (CMA) signed", "Coordination des mouvements de l'Azawad"),
    # Spanish and Portuguese heads and connectors: parties keep their own names in English texts too
    ("signed by the Government and the Unidad Revolucionaria Freedoniana (URF).", "Unidad Revolucionaria Freedoniana"),
    ("the Movimiento Popular de los Trabajadores (MPT) said", "Movimiento Popular de los Trabajadores"),
    ("the União Nacional dos Camponeses (UNC) said", "União Nacional dos Camponeses"),
])
def test_where_a_taught_name_starts(text: str, name: str) -> None:
    (entity,) = learned_acronyms(normalise(text), gazetteer()).values()
    assert entity.name == name


@pytest.mark.parametrize("text", ["the Freedonia National Liberation Front (FNLF)",
                                  "the Unidad Revolucionaria Freedoniana (URF)"])
def test_armed_groups_are_told_by_their_name(text: str) -> None:
    (entity,) = learned_acronyms(text, gazetteer()).values()
    assert entity.category == "ArmedGroup"


def test_a_second_acronym_for_a_taught_name_is_not_learnt() -> None:
    text = "the Freedonian Defence Force (FDF) and the Commission for the Freedonian Defence Force (CCFDF)"
    assert list(learned_acronyms(text, gazetteer())) == ["FDF"]


# A name inside a longer proper name that is about it is not a mention of it.
EMBEDDED = normalise(
    "She welcomed the outcome of the Fourth United Nations Conference on the Least Developed Countries and the "
    "Istanbul Programme of Action for the Least Developed Countries, adding that the Least Developed Countries "
    "needed support.  The Chair of the Group of Least Developed Countries, speaking for the Least Developed "
    "Countries, cited the Report of the Peacebuilding Commission."
)


def test_a_group_named_inside_a_conference_or_programme_is_not_mentioned() -> None:
    mentions = organisation_mentions(EMBEDDED, 0, len(EMBEDDED), gazetteer(), {})
    assert [(m.start, EMBEDDED[m.start:m.end], m.entity.key) for m in mentions] == [
        (EMBEDDED.index("United Nations"), "United Nations", "united-nations"),  # the conference's convenor
        (EMBEDDED.index("Least Developed Countries needed"), "Least Developed Countries", "least-developed-countries"),
        (EMBEDDED.index("Group of Least"), "Group of Least Developed Countries", "least-developed-countries"),
        (EMBEDDED.rindex("Least Developed"), "Least Developed Countries", "least-developed-countries"),
        (EMBEDDED.index("Peacebuilding"), "Peacebuilding Commission", "peacebuilding-commission"),  # "of": its author
    ]


def test_a_lower_case_conference_does_not_hide_the_group() -> None:
    text = "a conference on the Least Developed Countries"
    assert [m.entity.key for m in organisation_mentions(text, 0, len(text), gazetteer(), {})] == \
        ["least-developed-countries"]


def _release(*paragraphs: str) -> PressRelease:
    text = "4100th Meeting (AM)\nSC/6900\n\nHeadline\n\nSummary.\n\nStatements\n\n" + "\n\n".join(paragraphs) + \
        "\n\n* *** *\n\nFor information media. Not an official record.\n"
    return extract_press_release(decode_source(text.encode("utf-8"), "t.txt"))


def test_speakers_of_missions_speak_for_the_mission() -> None:
    release = _release(
        "OLUYEMI ADENIJI, Special Representative of the Secretary\u2011General for Sierra Leone and Head of the United "
        "Nations Mission in Sierra Leone (UNAMSIL), said the disarmament of former combatants was nearly complete.",
        "ALAN DOSS, Special Representative and Head of UNOCI, said the elections would be held in October.",
        "HÉDI ANNABI, Head of the Joint Verification and Monitoring Mechanism (JVMM), said the Mechanism had met.",
        "The representative of Georgia thanked the United Nations Observer Mission in Georgia (UNOMIG) and MONUA.",
    )
    delegations = [(s.delegation.key, s.delegation.in_reference) for s in release.statements]
    assert delegations == [
        ("united-nations-mission-in-sierra-leone", True),
        ("united-nations-operation-in-cote-d-ivoire", True),
        ("joint-verification-and-monitoring-mechanism", False),  # taught by the release itself
        ("GEO", True),
    ]
    # still outside the reference lists, and statements.py says so
    assert [(f.kind, f.statement) for f in release.findings] == [("UnknownDelegation", 3)]
    assert [m.entity.acronym for m in release.mentions if m.statement == 4] == ["UNOMIG", "UNOMIG", "MONUA"]


def test_un_stands_for_united_nations_in_a_name() -> None:
    text = "Extension of UN Interim Force in Lebanon; the UN Mission for the Referendum in Western Sahara reported."
    assert [(text[m.start:m.end], m.entity.key) for m in organisation_mentions(text, 0, len(text), gazetteer(), {})] == [
        ("UN Interim Force in Lebanon", "united-nations-interim-force-in-lebanon"),
        ("UN Mission for the Referendum in Western Sahara", "united-nations-mission-for-the-referendum-in-western-sahara"),
    ]
    assert gazetteer().lookup("UN Observer Mission in Georgia").key == "united-nations-observer-mission-in-georgia"


# Sentences in the house style of General Assembly releases, written for these tests.
ASSEMBLY = normalise(
    "Acting on the recommendations of its General Committee, the Assembly allocated the item to the Fifth "
    "Committee (Administrative and Budgetary), and asked the Committee on Contributions to report.  The "
    "Inter-American Commission on Human Rights and the Commission on Human Rights were named, as was the "
    "Office of the Secretary-General."
)


def test_bodies_of_the_assembly_are_mentioned() -> None:
    mentions = organisation_mentions(ASSEMBLY, 0, len(ASSEMBLY), gazetteer(), {})
    assert [(ASSEMBLY[m.start:m.end], m.entity.key) for m in mentions] == [
        ("General Committee", "general-committee"),
        ("Fifth Committee", "fifth-committee"),
        ("Committee on Contributions", "committee-on-contributions"),
        # the longer name wins: the regional commission is not the United Nations one
        ("Inter-American Commission on Human Rights", "inter-american-commission-on-human-rights"),
        ("Commission on Human Rights", "united-nations-commission-on-human-rights"),
        ("Office of the Secretary-General", "executive-office-of-the-secretary-general"),
    ]


def test_the_office_of_an_envoy_is_not_the_executive_office() -> None:
    text = normalise("She thanked the Office of the Secretary-General’s Envoy on Youth.")
    assert [m.entity.key for m in organisation_mentions(text, 0, len(text), gazetteer(), {})] == [
        "office-of-the-secretary-general-s-envoy-on-youth"]


def test_a_plural_possessive_still_names_the_body() -> None:
    text = normalise("Delegates discussed the Board of Auditors\u2019 recommendations and the United Nations\u2019 role.")
    assert [(text[m.start:m.end], m.entity.key) for m in organisation_mentions(text, 0, len(text), gazetteer(), {})] == [
        ("Board of Auditors", "board-of-auditors"), ("United Nations", "united-nations")]


def test_a_long_name_written_in_lower_case_is_a_mention_a_short_one_is_not() -> None:
    text = normalise("Ministers at the high\u2011level political forum on sustainable development spoke for the "
                     "least developed countries.")
    assert [(text[m.start:m.end], m.entity.key) for m in organisation_mentions(text, 0, len(text), gazetteer(), {})] == [
        ("high-level political forum on sustainable development", "high-level-political-forum-on-sustainable-development")]


def test_an_acronym_with_a_capital_possessive_still_names_the_body() -> None:
    # Headlines in title case write the possessive of an acronym in capitals.
    text = normalise("Committee Weighs UNAMSIL\u2019S Budget as Debate Opens")
    assert [(text[m.start:m.end], m.entity.key) for m in organisation_mentions(text, 0, len(text), gazetteer(), {})] == [
        ("UNAMSIL", "united-nations-mission-in-sierra-leone")]


@pytest.mark.parametrize("compound", ["led", "brokered", "backed", "mandated"])
def test_a_name_compounded_with_led_or_brokered_still_names_the_body(compound: str) -> None:
    text = normalise(f"Members welcomed the East African Community-{compound} talks and the AU-{compound} force.")
    assert [(text[m.start:m.end], m.entity.key) for m in organisation_mentions(text, 0, len(text), gazetteer(), {})] == [
        ("East African Community", "east-african-community"), ("AU", "african-union")]


def test_a_hyphen_inside_a_name_is_not_cut() -> None:
    text = normalise("The Non-Aligned Movement met.")
    assert [(text[m.start:m.end]) for m in organisation_mentions(text, 0, len(text), gazetteer(), {})] == [
        "Non-Aligned Movement"]


def test_the_human_rights_verification_mission_is_minugua_not_the_un() -> None:
    # Its first name; without it only "United Nations" matched, a mention of the wrong body.
    text = normalise("Observers would join the United Nations Human Rights Verification Mission in Guatemala.")
    assert [m.entity.key for m in organisation_mentions(text, 0, len(text), gazetteer(), {})] == [
        "united-nations-verification-mission-in-guatemala"]


def test_bodies_named_without_an_acronym_are_mentioned() -> None:
    text = normalise(
        "The Committee on Conferences met after the Council sent the request to its Committee on the Admission of "
        "New Members and heard from the Working Group on peacekeeping operations.  Fiji spoke for the Pacific "
        "Forum; funds went to the Logistics Base in Brindisi, and the Multinational Interim Force handed over.")
    mentions = organisation_mentions(text, 0, len(text), gazetteer(), {})
    assert [(text[m.start:m.end], m.entity.key) for m in mentions] == [
        ("Committee on Conferences", "committee-on-conferences"),
        ("Committee on the Admission of New Members", "committee-on-the-admission-of-new-members"),
        ("Working Group on peacekeeping operations", "security-council-working-group-on-peacekeeping-operations"),
        ("Pacific Forum", "pacific-islands-forum"),
        ("Logistics Base in Brindisi", "united-nations-logistics-base"),
        ("Multinational Interim Force", "multinational-interim-force"),
    ]


def test_a_name_with_commas_in_it_is_matched_whole() -> None:
    text = normalise("Estonia spoke for the Accountability, Coherence and Transparency Group and backed the "
                     "International, Impartial and Independent Mechanism, as did Peru.")
    mentions = organisation_mentions(text, 0, len(text), gazetteer(), {})
    assert [(text[m.start:m.end], m.entity.key) for m in mentions] == [
        ("Accountability, Coherence and Transparency Group", "accountability-coherence-and-transparency-group"),
        ("International, Impartial and Independent Mechanism", "international-impartial-and-independent-mechanism-for-syria"),
    ]


def test_courts_oversight_and_regional_bodies_of_the_reference_are_mentioned() -> None:
    text = ("The judge had sat on the European Court of Human Rights and the Inter-American Court of Human Rights.  "
            "OIOS reported to the Commission on Narcotic Drugs, and SFOR handed over to the Peace and Security Council.")
    assert [m.entity.key for m in organisation_mentions(text, 0, len(text), gazetteer(), {})] == [
        "european-court-of-human-rights", "inter-american-court-of-human-rights", "office-of-internal-oversight-services",
        "commission-on-narcotic-drugs", "stabilization-force", "peace-and-security-council-of-the-african-union"]
