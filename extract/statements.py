"""Statements: every speaker turn in the sections of a release.

A turn opens with the speaker's name in capitals and the delegation, in one
of the house-style forms::

    TEKEDA ALEMU (Ethiopia) said ...
    Mr. ELKHADIR (Morocco) said ...
    ANTÓNIO GUTERRES, Secretary-General of the United Nations, said ...
    JOANNE ADAMSON, European Union delegation, said ...
    KAIRAT UMAROV (Kazakhstan), Council President for January, speaking in his national capacity, ...
    The representative of Japan said ...

and runs over its continuation paragraphs until the next turn or heading.
The lead summary paraphrases the same speakers and is not read then. A release
whose sections hold no such turn (older releases, round-ups, releases without
headings) reports its speakers in running text: see ``narrative``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from councilgraph.extract.gazetteer import Gazetteer, Match
from councilgraph.extract.read import Source
from councilgraph.extract.records import Finding, Layout, Paragraph, Speaker, Statement
from councilgraph.extract.verbs import verbs
from councilgraph.ontology.reference import Entity, unknown_organization

__all__ = ["extract_statements", "display_name", "is_person_name"]

_UPPER = "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isupper())
#: Honorifics printed before a surname ("Mr. ELKHADIR"); not part of the person's name.
TITLES = ("Mr", "Ms", "Mrs", "Dr", "Sir", "Dame", "Lord", "Lady", "Archbishop", "Monsignor", "Msgr", "Bishop",
          "Cardinal", "Prince", "Princess", "Sheikh", "Sheikha", "Judge", "General", "Ambassador")
# One name word: capitals with inner apostrophes, optionally after a mixed-case prefix ("DiCARLO", "McDONALD"),
# or an initial ("T."). Words are joined by exactly one space or hyphen, so the pattern cannot backtrack
# exponentially on long runs of capitals.
_NAME_WORD = rf"(?:Mc|Mac|Di|De|Da|Du|La|Le|O')?[{_UPPER}](?:[{_UPPER}']*[{_UPPER}])?\.?"
_SPEAKER = re.compile(
    # An office printed before the name: "General Assembly President DIDIER OPERTTI (Uruguay) said".
    r"(?:(?P<office>(?:General\s+)?Assembly\s+President|(?:Security\s+)?Council\s+President"
    r"|(?:Deputy\s+)?Secretary-General)\s+)?"
    rf"(?P<name>(?:(?P<title>{'|'.join(TITLES)})\.?\s+)?(?P<bare>{_NAME_WORD}(?:[ -]{_NAME_WORD})*))"
    r"(?:\s*\((?P<paren>[^()\n]*(?:\([^()\n]*\)[^()\n]*)?)\)|(?=,\s)|(?(office)(?=\s[a-z])|(?!)))"
)
_UNNAMED = re.compile(
    r"(?:(?:Also\s+)?(?:Speaking|Explaining|Taking\s+the\s+floor)\b[^,.\n]{0,80},\s+)?"
    r"(?P<the>[Tt]he) (?P<what>representative|delegate|observer|speaker) (?:of|for) (?P<rest>[^\n]{1,200})"
)
# A verb ends a speaker's titles: any reporting verb (irregular ones too: "paid tribute", "shone a light"), or a
# word that looks like one.
_VERB = re.compile(rf"(?:{verbs('after')}|says|saw|[a-z]+ed|[a-z]+ing|also|who|was|had|[a-z]+s)\b")
_ROMAN = {"II", "III", "IV", "VI", "VII", "VIII"}
_MIXED_PREFIX = re.compile(r"^(Mc|Mac|Di|De|Da|Du|La|Le)([A-Z].*)$")
_PARTICLES = {"van", "von", "de", "da", "der", "den", "del", "della", "di", "du", "dos", "das", "la", "le", "y", "e"}
_UN_OFFICIAL = re.compile(
    r"Secretary[-\s]General|Special Representative|Special Envoy|Special Rapporteur|Special Adviser|High Commissioner"
    r"|Emergency Relief Coordinator|Officer-in-Charge\s+of\s+the\s+Department\s+(?:for|of)\s+[A-Z]"
    # "Director of the Programme Planning and Budget Division": a division of the Secretariat.
    r"|Director\s+of\s+the\s+(?:[A-Z][a-z]+,?\s+(?:and\s+)?){1,6}Division\b"
)
_COMMA = re.compile(r"\s*,\s*")
# A title the verb follows without a comma: "X, the Secretary-General's Special Representative and head of UNMIK told".
ROLE_INTO_VERB = re.compile(rf"\s{verbs('into-title')}\b")
_ADVERBIAL = frozenset({"in", "at", "during", "via", "through"})
_SENTENCE_END = re.compile(r"\.(?:\s|$)|$")
_OBSERVER = re.compile(r"(?:Permanent\s+)?Observer\s+(?:for|of)\s", re.I)
_TO_THE_UN = re.compile(r"\s+to\s+the\s+United\s+Nations(?:\s+(?:Office\s+)?(?:at|in)\s+[A-Z]\w+)?")
_OF = re.compile(r"\bof(?:\s+the)?\s*$")
_PROCEDURAL = re.compile(r"The (?:meeting|Council|Assembly|Committee|President)\s+(?:was|then|opened|closed|resumed|suspended|began|ended|adjourned|proceeded|voted|adopted)\b")
# Words of a body's or a headline's name, never of a person's: "SECURITY COUNCIL REFERS SITUATION IN DARFUR, SUDAN,
# TO PROSECUTOR" repeated as the first body line must not become a speaker who swallows the body.
NOT_NAME_WORDS = frozenset({
    "council", "assembly", "committee", "security", "nations", "united", "general-assembly", "secretary-general",
    "secretariat", "commission", "conference", "session", "meeting", "resolution", "statement", "president",
    "government", "republic", "kingdom", "states", "union", "group", "mission", "office", "department",
    "programme", "fund", "organization", "agency", "court", "tribunal", "press", "release", "refers",
})
#: A person's name has at most this many words ("KAREL JAN GUSTAAF VAN OOSTEROM" has five).
MAX_NAME_WORDS = 6
_LOWER_WORD = re.compile(r"[a-zß-ÿ]{2,}")
#: A dateline ("NEW YORK, 28 March (UN Headquarters) --") opens a release's first paragraph: a place, never a speaker.
DATELINE = re.compile(r"[A-Z][A-Z .'-]{1,40},\s+\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?\s*(?:\([^()\n]{1,60}\))?\s*(?:--|\u2013|\u2014)\s*")
_ROLE_DELEGATION = re.compile(r"^(?:the\s+)?(?:(?:Permanent\s+)?Observer\s+(?:for|of)\s+)?(?:the\s+)?(?P<name>.+?)(?:\s+delegation)?(?:\s*\([A-Z][A-Za-z\-]{1,10}\))?$", re.I)


@lru_cache(maxsize=8192)  # a release prints the same names again and again (turns, alignments, titles)
def display_name(printed: str) -> str:
    """A readable form of a name printed in capitals: "KAREL JAN VAN OOSTEROM" -> "Karel Jan van Oosterom"."""
    words = printed.split()
    out = []
    for i, word in enumerate(words):
        if word.endswith(".") and len(word) <= 4 and word[:-1].isalpha() and not word[:-1].isupper():
            out.append(word)  # a title such as "Mr."
            continue
        lower = word.lower()
        if 0 < i < len(words) - 1 and lower in _PARTICLES:
            out.append(lower)
            continue
        if word.rstrip(".,") in _ROMAN:
            out.append(word)
        elif prefix := _MIXED_PREFIX.match(word):
            out.append(prefix[1] + _capitalise(prefix[2].lower()))  # "DiCARLO" -> "DiCarlo"
        else:
            out.append(_capitalise(lower) if word.isupper() or not word[:1].isupper() else word)
    return " ".join(out)


def _capitalise(word: str) -> str:
    """Capitalise each letter run: "schoulgin-nyoni" -> "Schoulgin-Nyoni", "o'brien" -> "O'Brien"."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), word)


# The President of the General Assembly speaks for the Assembly, whatever State is printed beside the
# name: the Assembly elects its President to preside for all Members. (A Council President or committee
# Chair keeps the State printed: the chair rotates among delegations.)
_ASSEMBLY_PRESIDENT = re.compile(
    r"President\s+of\s+(?:its|the\s+(?:General\s+)?Assembly'?s?|this\s+year's)\s+[\w-]+\s+session"
    r"|President\s+of\s+the\s+[\w-]+\s+session\s+of\s+the\s+General\s+Assembly"
    r"|(?:General\s+)?Assembly\s+President|President\s+of\s+the\s+(?:General\s+)?Assembly\b(?!'s?\s+[A-Z])"
)


def _for_the_assembly(turn: Turn, places: Gazetteer) -> Turn:
    """A house-style turn of the Assembly's President, given the Assembly as delegation (see above)."""
    if turn.role and _ASSEMBLY_PRESIDENT.search(turn.role) and (assembly := places.lookup("General Assembly")):
        return Turn(turn.speaker, Match(assembly, turn.delegation.start, turn.delegation.end), turn.role,
                    turn.lead_end)
    return turn


def extract_statements(source: Source, layout: Layout, places: Gazetteer) -> tuple[list[Statement], list[Finding]]:
    """All speaker turns of the release, numbered from 1 in document order.

    House-style turns open paragraphs of the headed sections. A release whose sections
    have none (older releases, round-ups, releases without headings) reports its speakers
    in running text: then every body paragraph is read for narrative speakers.
    """
    text = source.matchable
    turns: list[Located] = []
    for section in layout.sections:
        found: list[list] = []  # [paragraph, Turn, end of the turn's last paragraph]
        attached = False  # whether the next plain paragraph continues the open turn
        for para in section.paragraphs:
            head = _speaker_turn(text, para, places)
            if head is not None:
                found.append([para, _for_the_assembly(head, places), para.end])
                attached = True
            elif _PROCEDURAL.match(text, para.start):
                attached = False  # "The meeting was suspended ..." belongs to no speaker
            elif found and attached:
                found[-1][2] = para.end
        turns += [Located(section.heading, para.start, end, turn) for para, turn, end in found]
    if not turns:
        from councilgraph.extract.narrative import narrative_turns  # here: narrative builds on this module
        turns = narrative_turns(text, layout, places)
    statements: list[Statement] = []
    findings: list[Finding] = []
    for located in turns:
        order = len(statements) + 1
        turn, delegation = located.turn, located.turn.delegation
        statements.append(Statement(
            order=order, section=located.section, speaker=turn.speaker,
            delegation=delegation.entity, delegation_start=delegation.start,
            delegation_end=delegation.end, role=turn.role, start=located.start, end=located.end,
            lead_end=turn.lead_end,
        ))
        if not delegation.entity.in_reference:
            findings.append(Finding(
                kind="UnknownDelegation", severity="Warning",
                message=f"delegation {delegation.entity.name!r} is in neither the States nor the organisations reference list",
                start=delegation.start, end=delegation.end, statement=order,
            ))
    return statements, findings


@dataclass(frozen=True, slots=True)
class Turn:
    """The opening of a speaker turn, before it is numbered."""

    speaker: Speaker
    delegation: Match
    role: str | None
    lead_end: int
    follow_up: bool = False  # named by surname after an introduction earlier in the text ("Mr. Roe said")
    recap: bool = False  # listed in the participants sentence: a speaker only if not quoted already
    listed: bool = False  # one of several a sentence names ("heard statements by X and Y"): X quoted later is X


@dataclass(frozen=True, slots=True)
class Located:
    """A turn placed in the text: its section and the span of its statement."""

    section: str
    start: int
    end: int
    turn: Turn


def _speaker_turn(text: str, para: Paragraph, places: Gazetteer) -> Turn | None:
    """Parse the opening of a paragraph as a speaker turn, or return None."""
    if _LOWER_WORD.search(text, para.start, para.end) is None:
        return None  # a line in capitals only (a headline repeated in the body) is never a turn
    if DATELINE.match(text, para.start, para.end):
        return None
    m = _SPEAKER.match(text, para.start, para.end)
    if m is not None and _plausible_name(m):
        if m["paren"] is not None:
            delegation = _resolve(text, m.start("paren"), m.end("paren"), places)
            role, _, lead_end = _role(text, m.end(), para.end, places, after_paren=True)
        else:
            role, found, lead_end = _role(text, m.end(), para.end, places, after_paren=False)
            if found is None and m["office"] and _UN_OFFICIAL.search(m["office"]):
                found = Match(places.lookup("United Nations"), m.start("office"), m.end("office"))
            if found is None:
                return None
            delegation = found
        if m["office"]:
            role = " ".join(m["office"].split()) + (f", {role}" if role else "")
        speaker = Speaker(printed_name=m["name"], title=m["title"], name=display_name(m["bare"]),
                          display_name=display_name(m["name"]), start=m.start("name"), end=m.end("name"))
        return Turn(speaker, delegation, role, lead_end)
    u = _UNNAMED.match(text, para.start, para.end)
    if u is not None:
        pos = u.start("rest")
        if text.startswith("the ", pos):
            pos += 4
        found = places.match_at(text, pos)
        if found is None:
            return None
        role, _, lead_end = _role(text, found.end, para.end, places, after_paren=True)
        label = f"{u['what'].capitalize()} of {found.entity.name}"
        speaker = Speaker.unnamed(label, u.start("the"), found.end)
        return Turn(speaker, found, role, lead_end)
    return None


def _plausible_name(m: re.Match[str]) -> bool:
    """A title and a surname, or at least two words in capitals: one capitalised word alone is
    usually an acronym opening a sentence ("ECOWAS (Economic Community ...) had played ...")."""
    bare = m["bare"]
    return (sum(c.isalpha() for c in bare) >= 3 and (m["title"] is not None or any(sep in bare for sep in " -"))
            and is_person_name(bare))


def is_person_name(name: str) -> bool:
    """At most six words, none of which names a body ("COUNCIL", "ASSEMBLY") or a headline's verb."""
    words = name.split()
    return len(words) <= MAX_NAME_WORDS and not any(w.casefold().strip(".,") in NOT_NAME_WORDS for w in words)


def _role(text: str, pos: int, end: int, places: Gazetteer,
          after_paren: bool) -> tuple[str | None, Match | None, int]:
    """Read ", role, role-continued, verb ..." after the name.

    Returns the role as printed (typography normalised), the delegation named
    in it (None when it names none and the delegation came in parentheses),
    and the end of the opening clause.
    """
    lead_end = _lead_end(text, pos, end)
    segments = []
    cursor = pos
    while True:
        comma = _COMMA.match(text, cursor, end)
        if comma is None:
            break
        seg_start = comma.end()
        nxt = text.find(",", seg_start, lead_end)
        seg_end = nxt if nxt != -1 else lead_end
        word = text[seg_start:seg_end].split(" ", 1)[0]
        # A verb ends the titles, and so does an adverbial ("..., in his briefing to the Council, stressed").
        if not word or (word[0].islower() and (_VERB.fullmatch(word) or word in _ADVERBIAL or word.endswith("ly"))):
            break  # "..., especially for timely consultations": the sentence goes on
        if (verb := ROLE_INTO_VERB.search(text, seg_start, seg_end)) is not None:
            segments.append((seg_start, verb.start()))  # the title runs into the verb
            break
        segments.append((seg_start, seg_end))
        cursor = seg_end
    if not segments:
        return None, None, lead_end
    delegation = None
    role_segments = segments
    last_start, last_end = segments[-1]
    whole = _designated(text[last_start:last_end], places)
    if whole is not None:
        delegation = Match(whole, last_start, last_end)
        role_segments = segments[:-1]  # the last segment names the delegation, not a title
        if _OBSERVER.match(text, last_start):
            role_segments = segments  # "observer for the Holy See" is a title as well
        if not role_segments:
            return None, delegation, lead_end
    elif not after_paren:
        role_text = text[segments[0][0]:segments[-1][1]]
        found = _named_in(role_text, places)
        if found is not None:
            delegation = Match(found.entity, segments[0][0] + found.start, segments[0][0] + found.end)
        elif _UN_OFFICIAL.search(role_text) and (un := places.lookup("United Nations")) is not None:
            # "Under-Secretary-General for Political and Peacebuilding Affairs": a UN official
            delegation = Match(un, segments[0][0], segments[-1][1])
        else:
            name = text[last_start:last_end]
            delegation = Match(unknown_organization(name), last_start, last_end)
    role = " ".join(text[role_segments[0][0]:role_segments[-1][1]].split())
    return role or None, delegation, lead_end


def _lead_end(text: str, pos: int, end: int) -> int:
    """End of the opening clause: the first full stop that ends a sentence."""
    m = _SENTENCE_END.search(text, pos, end)
    return m.start() if m and m.start() > pos else end


def _designated(segment: str, places: Gazetteer) -> Entity | None:
    """The entity a role segment names outright ("European Union delegation", "observer for the Holy See")."""
    m = _ROLE_DELEGATION.match(segment.strip())
    if m is None:
        return None
    return places.lookup(m["name"]) or places.lookup(segment)


def _named_in(role: str, places: Gazetteer) -> Match | None:
    """The State or organisation a title names.

    "Secretary-General of the United Nations" -> United Nations; "Under-Secretary of State for
    Foreign Affairs of Italy" -> Italy; "Head of the Delegation of the European Union to the United
    Nations" -> European Union; "Special Representative ... and Head of the United Nations
    Assistance Mission in Somalia (UNSOM)" -> UNSOM.
    """
    core = _TO_THE_UN.sub("", role)  # "... to the United Nations" names the host, not the sender
    matches = places.find_all(core)
    organisations = [m for m in matches if m.entity.kind == "org" and m.entity.key != "united-nations"]
    if _UN_OFFICIAL.search(core):
        return organisations[-1] if organisations else next((m for m in matches if m.entity.kind == "org"), None)
    of_states = [m for m in matches if m.entity.kind == "state" and _OF.search(core, 0, m.start)]
    for candidates in (of_states, organisations, matches):
        if candidates:
            return candidates[-1]
    return None


def _resolve(text: str, start: int, end: int, places: Gazetteer) -> Match:
    """The delegation printed in parentheses; an unknown name becomes an organisation outside the reference list."""
    name = text[start:end]
    entity = places.lookup(name) or _designated(name, places) or unknown_organization(name)
    return Match(entity, start, end)
