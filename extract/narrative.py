"""Narrative speakers: who spoke, in releases that print no house-style turns.

Releases before ~2010, round-ups, General Assembly and committee releases report
their speakers in running text, often with no section headings at all::

    The representative of Kenya said ...
    Speaking on behalf of the Group of 77 and China, the representative of South Africa said ...
    Kenya's representative said ...
    Rohan Perera (Sri Lanka), Chairman of the Ad Hoc Committee on ..., said ...
    Michel Xavier Biang (Gabon), noting ..., said ...
    Tijjani Muhammad-Bande, President of its seventy-fourth session, recalled ...
    Secretary-General Kofi Annan said ...
    Under-Secretary-General for Peacekeeping Operations Jean-Marie Guéhenno told the Council ...
    ... a statement read by François Delattre (France), its President for October, ...
    ... press statement by the Security Council President, Emyr Jones Parry (United Kingdom):

An introduction opens a sentence (the reader of a statement excepted) and is
followed by a reporting verb; a person's name is mixed case, at most six words,
and never a body's name. A statement runs from its introduction to the next one
or the end of the paragraph, and over the paragraphs after it that go on in the
speaker's voice ("He said ...", "She added ..."). Precision comes first: a form
not recognised here yields no speaker rather than a wrong one.
"""

from __future__ import annotations

import re

from councilgraph.extract.gazetteer import Gazetteer, Match
from councilgraph.extract.records import Layout, Paragraph, Speaker
from councilgraph.extract.statements import (
    _LOWER_WORD,
    _UN_OFFICIAL,
    TITLES,
    Located,
    Turn,
    _lead_end,
    _named_in,
    _role,
    _speaker_turn,
    display_name,
    is_person_name,
)

__all__ = ["narrative_turns", "SUMMARY"]

#: The section of a statement read in the lead summary, which has no heading.
SUMMARY = "Summary"

_U = "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isupper())
_L = "".join(chr(c) for c in range(0x61, 0x250) if chr(c).islower())
# A mixed-case name word ("Guéhenno", "Jean-Marie", "Muhammad-Bande", "ElBaradei", "O'Brien") or an initial ("L.").
_PART = rf"[{_U}][{_U}{_L}']*[{_L}][{_U}{_L}']*"
_TOKEN = rf"(?:{_PART}(?:-[{_U}{_L}][{_U}{_L}']*)*|[{_U}]\.)"
_PARTICLE = r"(?:de|da|das|do|dos|du|van|von|der|den|del|della|di|la|le|bin|ibn|al|el|y|e|ter|af)"
# Tokens are joined by exactly one space, so the pattern cannot backtrack badly on long capitalised runs.
_NAME = rf"(?P<name>(?:(?P<title>{'|'.join(TITLES)})\.?\s)?(?P<bare>{_TOKEN}(?:\s(?:{_PARTICLE}\s)*{_TOKEN}){{0,5}}))"
_PERSON = re.compile(_NAME)
_PAREN = re.compile(r"\s*\((?P<paren>[^()]{2,80}(?:\([^()]*\)[^()]*)?)\)")
_REPORTING = (
    r"(?:said|stated|told|noted|stressed|added|emphasi[sz]ed|expressed|welcomed|urged|called|recalled|observed|"
    r"pointed|asked|warned|reiterated|underlined|underscored|maintained|explained|agreed|declared|insisted|"
    r"(?:re)?affirmed|hoped|regretted|argued|announced|believed|highlighted|introduced|drew|commended|thanked|"
    r"described|cautioned|suggested|proposed|reported|briefed|informed|acknowledged|appealed|condemned|deplored|"
    r"supported|opposed|rejected|objected|praised|recogni[sz]ed|voiced|lamented|spoke|assured|reminded|contended|"
    r"felt|considered|outlined|presented|commented|replied|responded|echoed|indicated|confirmed|encouraged|"
    r"requested|remarked|congratulated|paid|took|gave|opened|concluded|began)"
)
# After the speaker: a reporting verb, directly or after an aside between commas
# (", Chairman of the Ad Hoc Committee on ..., said", ", noting that ..., said").
_VERB_AFTER = re.compile(
    rf"(?:\s*,(?:[^.;:]|\.(?!\s)){{1,300}}?,|\s*,)?\s+(?:also\s+|further\s+|then\s+|later\s+|first\s+)?{_REPORTING}\b"
)
_THE_REPRESENTATIVE = re.compile(
    r"(?P<the>[Tt]he)\s+(?P<what>representative|delegate|observer|Permanent\s+Representative)\s+(?:of|for)\s+(?:the\s+)?"
)
# "Speaking on behalf of ..., the representative of": a lead-in clause before the representative.
_LEAD_IN = re.compile(
    r"(?:[^.;:]|\.(?!\s)){1,200}?,\s+"
    r"(?=(?:[Tt]he\s+|[A-Z][^,.;:]{1,60}?'s\s+)(?:representative|delegate|observer|Permanent\s+Representative)\b)"
)
_POSSESSIVE = re.compile(r"'s\s+(?P<what>representative|delegate|observer|Permanent\s+Representative)\b")
_ACRONYM = re.compile(r"\s*\([A-Z][A-Za-z-]{1,10}\)")
# Titles printed before a name ("Secretary-General Kofi Annan"), as heads; "for Peacekeeping Operations" may follow.
_TITLE_HEAD = re.compile(
    r"(?P<head>(?:(?:United\s+Nations|UN)\s+)?(?:(?:Deputy|Assistant|Under-)\s*Secretary-General"
    r"|Secretary-General|Emergency\s+Relief\s+Coordinator|High\s+Commissioner|Special\s+(?:Representative|Envoy|Adviser|Coordinator)"
    r"|(?:Security\s+)?Council\s+President|(?:General\s+)?Assembly\s+President|Foreign\s+Minister|Prime\s+Minister))\s"
)
# Words of an office or a place, never of the name after it: "for Peacekeeping Operations Jean-Marie Guéhenno".
_OFFICE_WORDS = frozenset({
    "affairs", "operations", "support", "coordination", "information", "management", "services", "communications",
    "security", "safety", "disarmament", "rights", "refugees", "relief", "humanitarian", "political", "legal",
    "economic", "social", "peacekeeping", "peacebuilding", "development", "children", "armed", "conflict", "policy",
    "general", "assembly", "conference", "field", "public", "human", "coordinator", "counter-terrorism", "africa",
    "asia", "europe", "america", "middle", "east", "west", "central", "great", "lakes", "region", "horn", "sahel",
    "balkans", "pacific", "caribbean", "prevention", "genocide", "violence", "sexual", "women", "gender",
    "migration", "environment",
})
_CONNECTORS = frozenset({"for", "of", "on", "in", "and", "the", "to"})
_OFFICE_OPENERS = frozenset({"for", "of", "on", "in"})
_PARTICLE_SET = frozenset(_PARTICLE[3:-1].split("|"))
# Where the words after a title stop being a name: a parenthesis, a comma, a lower-case word that is no particle.
_AFTER_NAME = re.compile(rf"\s*[(,]|\s(?!(?:{_PARTICLE}|{'|'.join(sorted(_CONNECTORS))})\s)[a-z]")
# Words a sentence opens with that never begin a person's name.
_NOT_FIRST = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "he", "she", "it", "they", "we", "his", "her", "its",
    "their", "in", "on", "at", "by", "for", "with", "after", "before", "during", "also", "however", "meanwhile",
    "following", "members", "several", "many", "some", "other", "both", "all", "most", "such", "as", "while",
    "when", "since", "according", "speaking", "council", "delegates", "speakers",
})
# Heads of state, ministers, envoys: a title word makes a role out of ", ... ,".
_TITLE_WORD = re.compile(
    r"\b(?:President|Vice-President|Chairman|Chairperson|Chair|Chairwoman|Rapporteur|Secretary-General|"
    r"Under-Secretary-General|Representative|Envoy|Adviser|Coordinator|Commissioner|Director|Director-General|"
    r"Administrator|Prosecutor|Registrar|Minister|Ambassador|Head|Chief|Commander|Judge|Observer|Secretary)\b"
)
_ASSEMBLY_PRESIDENT = re.compile(
    r"President\s+of\s+(?:its|the\s+(?:General\s+)?Assembly'?s?|this\s+year's)\s+[\w-]+\s+session"
    r"|(?:General\s+)?Assembly\s+President|President\s+of\s+the\s+General\s+Assembly"
)
# The reader of a presidential or press statement, anywhere in a sentence.
_READ_BY = re.compile(
    r"\b(?:(?:read(?:\s+out)?|delivered|issued|made|presented)"
    r"(?:\s+(?:today|yesterday|this\s+(?:morning|afternoon|evening)|on\s+behalf\s+of\s+the\s+Council))?"
    r"|statement(?:\s+to\s+the\s+press)?(?:\s+on\s+[^,.:;()]{1,80}?)?)\s+by\s+"
    r"(?:(?P<pre>(?:the\s+)?(?:(?:Security\s+)?Council\s+President|President\s+of\s+the\s+(?:Security\s+)?Council"
    r"(?:\s+for\s+[A-Z][a-z]+)?)),?\s+)?"
)
_READER_POST = re.compile(
    r",\s+(?P<post>(?:its|the\s+Council's|the\s+Council)\s+President(?:\s+for\s+(?:the\s+month\s+of\s+)?[A-Z][a-z]+)?)"
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“]?[A-Z])")
_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Ms|Mrs|Dr|St|No|Nos|Messrs|Jr|Sr|Gen|Amb|H\.E|U\.S|U\.K|U\.N)|\b[A-Z])\.$")
# A paragraph going on in the speaker's voice: "He said ...", "Her country ...", "“...,” she added."
_CONTINUES = re.compile(r"(?:He|She|His|Her)\b|[\"“][^\"”]{1,600}[\"”],?\s+(?:he|she)\s+(?:said|added)\b")


def narrative_turns(text: str, layout: Layout, places: Gazetteer) -> list[Located]:
    """Speakers introduced in running text, over the summary and section paragraphs in order."""
    body = [(SUMMARY, p) for p in layout.summary] + [(s.heading, p) for s in layout.sections for p in s.paragraphs]
    out: list[Located] = []
    open_turn = False  # whether the last statement ran to the end of the previous paragraph
    for section, para in body:
        if _LOWER_WORD.search(text, para.start, para.end) is None:
            open_turn = False  # a line in capitals only: a headline or a rule, never anyone's words
            continue
        intros = _intros(text, para, places)
        continued = bool(out) and open_turn and _CONTINUES.match(text, para.start, para.end) is not None
        if continued:
            last = out[-1]
            out[-1] = Located(last.section, last.start, _trimmed(text, intros[0][0]) if intros else para.end, last.turn)
        for i, (start, turn) in enumerate(intros):
            end = _trimmed(text, intros[i + 1][0]) if i + 1 < len(intros) else para.end
            out.append(Located(section, start, end, turn))
        open_turn = bool(intros) or continued
    return out


def _trimmed(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _intros(text: str, para: Paragraph, places: Gazetteer) -> list[tuple[int, Turn]]:
    """(statement start, turn) of every speaker introduced in the paragraph, in order."""
    found: dict[int, Turn] = {}
    house = _speaker_turn(text, para, places)
    if house is not None and house.speaker.printed_name is not None:
        found[para.start] = house  # a name in capitals, as in the house style
    starts = _sentence_starts(text, para)
    for pos in starts:
        if pos not in found and (turn := _introduced_at(text, pos, para.end, places)) is not None:
            found[pos] = turn
    for m in _READ_BY.finditer(text, para.start, para.end):
        start = max(s for s in starts if s <= m.start())
        if start not in found and (turn := _reader(text, m, para.end, places)) is not None:
            found[start] = turn
    return sorted(found.items())


def _sentence_starts(text: str, para: Paragraph) -> list[int]:
    starts = [para.start]
    for m in _SENTENCE_BREAK.finditer(text, para.start, para.end):
        if not _ABBREVIATION.search(text, max(para.start, m.start() - 6), m.start()):  # "Mr. Annan" goes on
            starts.append(m.end())
    return starts


def _introduced_at(text: str, pos: int, end: int, places: Gazetteer) -> Turn | None:
    """The speaker a sentence starting at ``pos`` introduces, if any."""
    return (_representative(text, pos, end, places) or _titled(text, pos, end, places)
            or _named(text, pos, end, places))


def _representative(text: str, pos: int, end: int, places: Gazetteer) -> Turn | None:
    """"[Speaking ..., ]the representative of X said", "[Introducing the text, ]X's representative said"."""
    found = _delegate_at(text, pos, end, places)
    if found is None and (lead := _LEAD_IN.match(text, pos, end)) is not None:
        found = _delegate_at(text, lead.end(), end, places)
    if found is None:
        return None
    delegation, speaker_start, speaker_end, what = found
    after = speaker_end
    if (acronym := _ACRONYM.match(text, after, end)) is not None:
        after = acronym.end()
    if _VERB_AFTER.match(text, after, end) is None:
        return None  # "The representative of Kenya was elected ..." reports no words
    role, _, lead_end = _role(text, after, end, places, after_paren=True)
    label = f"{' '.join(what.split()).capitalize()} of {delegation.entity.name}"
    speaker = Speaker(printed_name=None, title=None, name=label, display_name=label, start=speaker_start, end=speaker_end)
    return Turn(speaker, delegation, _titled_role(role), lead_end)


def _delegate_at(text: str, pos: int, end: int, places: Gazetteer) -> tuple[Match, int, int, str] | None:
    """(delegation, speaker start, speaker end, "representative") of "the representative of X" or
    "X's representative" at ``pos``."""
    the = _THE_REPRESENTATIVE.match(text, pos, end)
    if the is not None:
        found = places.match_at(text, the.end())
        if found is None or found.end > end:
            return None
        return found, the.start(), found.end, the["what"]
    at = pos + 4 if text.startswith("The ", pos) else pos  # "The Sudan's representative"
    found = places.match_at(text, at)
    owner = _POSSESSIVE.match(text, found.end, end) if found is not None else None
    if owner is None:
        return None
    return found, found.start, owner.end(), owner["what"]


def _titled_role(role: str | None) -> str | None:
    """Only a segment with a title is a role: ", Chairman of the African Group," but not ", in turn,"."""
    return role if role and _TITLE_WORD.search(role) else None


def _named(text: str, pos: int, end: int, places: Gazetteer) -> Turn | None:
    """"Rohan Perera (Sri Lanka), Chairman of ..., said", "Tijjani Muhammad-Bande, President of its ... session, recalled"."""
    m = _PERSON.match(text, pos, end)
    if m is None or not _person(m, places):
        return None
    if (paren := _PAREN.match(text, m.end(), end)) is not None:
        delegation = _known(text, paren.start("paren"), paren.end("paren"), places)
        if delegation is None or _VERB_AFTER.match(text, paren.end(), end) is None:
            return None
        role, _, lead_end = _role(text, paren.end(), end, places, after_paren=True)
        return Turn(_speaker(m), delegation, _titled_role(role), lead_end)
    if _VERB_AFTER.match(text, m.end(), end) is None:
        return None
    role, delegation, lead_end = _role(text, m.end(), end, places, after_paren=False)
    if role is None or not _TITLE_WORD.search(role):
        return None  # "Addis Ababa, Ethiopia, said": a name and a place, no title
    printed = re.compile(r"\s+".join(map(re.escape, role.split()))).search(text, m.end(), end)
    role_span = printed.span() if printed else (m.end(), m.end())
    delegation = _office(role, role_span, places) or (delegation if delegation and delegation.entity.in_reference else None)
    if delegation is None:
        return None
    return Turn(_speaker(m), delegation, role, lead_end)


def _titled(text: str, pos: int, end: int, places: Gazetteer) -> Turn | None:
    """"Secretary-General Kofi Annan said", "Under-Secretary-General for Peacekeeping Operations Jean-Marie Guéhenno told"."""
    head = _TITLE_HEAD.match(text, pos, end)
    if head is None:
        return None
    tokens = list(re.finditer(r"\S+", text[head.end():_clause_end(text, head.end(), end)]))
    name_at = _split_name(tokens, places)
    if name_at is None:
        return None
    m = _PERSON.fullmatch(text, head.end() + tokens[name_at].start(), head.end() + tokens[-1].end())
    if m is None or not is_person_name(m["bare"]):
        return None
    title_end = head.end() + tokens[name_at - 1].end() if name_at else head.end("head")
    title = " ".join(text[pos:title_end].split())
    after = m.end()
    if (paren := _PAREN.match(text, m.end(), end)) is not None:
        delegation = _known(text, paren.start("paren"), paren.end("paren"), places)
        after = paren.end()
    else:
        delegation = _office(title, (pos, title_end), places)
    if delegation is None or _VERB_AFTER.match(text, after, end) is None:
        return None
    return Turn(_speaker(m), delegation, title, _lead_end(text, after, end))


def _clause_end(text: str, pos: int, end: int) -> int:
    """Where the name after a title ends: before a parenthesis, a comma or the first lower-case word."""
    m = _AFTER_NAME.search(text, pos, end)
    return m.start() if m else end


def _split_name(tokens: list[re.Match[str]], places: Gazetteer) -> int | None:
    """Index of the first token of the name in "for Peacekeeping Operations Jean-Marie Guéhenno" (3), or None.

    The name is the longest run of words at the end that belong to no office and no place; the
    word after "for" or "of" always belongs to the office ("for Darfur Jan Eliasson").
    """
    words = [t.group() for t in tokens]
    i = len(words)
    while i > 0 and _name_word(words, i - 1, places):
        i -= 1
    while i < len(words) and words[i].casefold() in _PARTICLE_SET:
        i += 1  # a name does not start with "de"
    if i >= len(words) or len(words) - i > 6:
        return None
    if i and words[0].casefold() not in _OFFICE_OPENERS:
        return None  # between the title and the name comes the office only: "for Political Affairs"
    return i


def _name_word(words: list[str], k: int, places: Gazetteer) -> bool:
    word = words[k]
    lower = word.casefold()
    if lower in _PARTICLE_SET:
        return True
    if lower in _OFFICE_WORDS or lower in _CONNECTORS or lower in _NOT_FIRST or places.lookup(word) is not None:
        return False
    return not (k and words[k - 1].casefold() in _OFFICE_OPENERS)


def _reader(text: str, m: re.Match[str], end: int, places: Gazetteer) -> Turn | None:
    """"... read by François Delattre (France), its President for October", "... by the Security Council President, X (Y):"."""
    person = _PERSON.match(text, m.end(), end)
    if person is None or not _person(person, places):
        return None
    paren = _PAREN.match(text, person.end(), end)
    if paren is None:
        return None
    delegation = _known(text, paren.start("paren"), paren.end("paren"), places)
    post = _READER_POST.match(text, paren.end(), end)
    office = m["pre"] or (post["post"] if post else None)
    if delegation is None or office is None:
        return None  # "signed by X (Y)": only a statement read out by the Council's President
    role = " ".join(re.sub(r"^the\s+", "", office).split())
    after = post.end() if post else paren.end()
    return Turn(_speaker(person), delegation, role, _lead_end(text, after, end))


def _person(m: re.Match[str], places: Gazetteer) -> bool:
    """A person's name: not a sentence's first word, not a body's, not a place's ("Sierra Leone (UNAMSIL)")."""
    bare = m["bare"]
    words = bare.split()
    if words[0].casefold() in _NOT_FIRST or not is_person_name(bare):
        return False
    if m["title"] is None and len([w for w in words if w.casefold() not in _PARTICLE_SET]) < 2:
        return False  # one capitalised word alone opens many sentences
    if any(w.casefold() in _OFFICE_WORDS or _TITLE_WORD.fullmatch(w) for w in words):
        return False
    place = places.match_at(m.string, m.start("bare"))
    return place is None or place.end < m.end("bare")


def _speaker(m: re.Match[str]) -> Speaker:
    return Speaker(printed_name=m["name"], title=m["title"], name=display_name(m["bare"]),
                   display_name=display_name(m["name"]), start=m.start("name"), end=m.end("name"))


def _known(text: str, start: int, end: int, places: Gazetteer) -> Match | None:
    """The delegation in parentheses, when the reference lists it: "(Sri Lanka)", not "(UNAMSIL)" of a place."""
    entity = places.lookup(text[start:end])
    return Match(entity, start, end) if entity is not None and entity.in_reference else None


def _office(role: str, span: tuple[int, int], places: Gazetteer) -> Match | None:
    """The body a title speaks for: the General Assembly for its President, the United Nations for its
    officials, or the State or organisation the title names ("Minister for Foreign Affairs of Kenya")."""
    if _ASSEMBLY_PRESIDENT.search(role) and (assembly := places.lookup("General Assembly")) is not None:
        return Match(assembly, *span)
    named = _named_in(role, places)
    if named is not None and named.entity.in_reference:
        return Match(named.entity, span[0] + named.start, span[0] + named.end)
    if _UN_OFFICIAL.search(role) and (un := places.lookup("United Nations")) is not None:
        return Match(un, *span)
    return None
