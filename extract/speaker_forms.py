"""Speaker forms: one speaker introduced at a position of running text, with the delegation.

Used by ``narrative`` (which finds where introductions are) and ``briefings``::

    the representative of Kenya said ...      Kenya's delegate said ...
    Rohan Perera (Sri Lanka), Chairman of ..., said ...
    Jean Ping, Minister for Foreign Affairs of Gabon, said ...
    Secretary-General Kofi Annan said ...

Each form reads at ``pos`` only; with ``verb`` it needs a reporting verb after the
speaker, without it the verb came before ("..., said Chile's delegate").
"""

from __future__ import annotations

import re

from councilgraph.extract.gazetteer import Gazetteer, Match
from councilgraph.extract.person_names import (
    _PAREN,
    _PERSON,
    _TITLE_WORD,
    _clause_end,
    _known,
    _person,
    _speaker,
    _split_name,
)
from councilgraph.extract.records import Speaker
from councilgraph.extract.state_words import state_word_at
from councilgraph.extract.statements import (
    _ASSEMBLY_PRESIDENT,
    _UN_OFFICIAL,
    ROLE_INTO_VERB,
    Turn,
    _lead_end,
    _named_in,
    _role,
    is_person_name,
)
from councilgraph.extract.verbs import verbs

_REPORTING = verbs("after")
# After the speaker: a reporting verb, directly or after an aside between commas
# (", Chairman of the Ad Hoc Committee on ..., said", ", noting that ..., said", ", speaking for the co-penholders --
# Kuwait, Sweden and her own country -- said").
_VERB_AFTER = re.compile(
    rf"(?:\s*,(?:(?!\s(?:he|she|they)\s)[^.;:]|\.(?!\s)|(?<=\b[A-Z])\.\s){{1,300}}?(?:,|\s(?:--?|[\u2014\u2013]))|\s*,?\s+who(?:[^.;:]|\.(?!\s)){{1,200}}?(?=\s{_REPORTING}\b)"
    rf"|\s+(?:--?|[\u2014\u2013])\s[^\u2014\u2013.;:]{{1,120}}?\s(?:--?|[\u2014\u2013])"
    rf"|\s*,\s(?=[^,.;:]{{0,150}}?{_TITLE_WORD.pattern})[^,.;:]{{1,150}}?(?={ROLE_INTO_VERB.pattern})|\s*,)?"
    rf"(?:\s+|(?<=,))(?:(?:also|further|then|later|first|today|yesterday|meanwhile|likewise|similarly|"
    rf"this\s+(?:morning|afternoon|evening))\s+)*"
    # "Gambia's representative was among several speakers who supported ...": one of those who spoke.
    rf"(?:{_REPORTING}\b|was\s+(?:among|one\s+of)\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}"
    rf"(?:speakers|delegations|delegates|those|[a-z]+ing)\b)"
)
# The clause a cut text leaves open after the speaker: a participle ("welcoming the resol") or a word's first letters.
_CUT_CLAUSE = re.compile(r"\s*,\s+(?:(?:also\s+)?[a-z]+ing\b[^.;:!?]{0,200}|[a-z]{0,3})\s*")
_TEXT_ENDS = re.compile(r"\s*\Z")  # only blanks after: the clause is the text's last (not a copy of the text)
_THE_REPRESENTATIVE = re.compile(
    r"(?P<the>[Tt]he)\s+(?P<what>representative|delegate|observer|speaker|Permanent\s+(?:Representative|Observer))\s+"
    r"(?:of|for|from)\s+(?:the\s+)?"
)
# "the representative of the European Union delegation": the word after the delegation's name.
_DELEGATION_WORD = re.compile(r"\s+delegation\b")
# "Speaking on behalf of ..., the representative of": a lead-in clause before the representative.
_LEAD_IN = re.compile(
    r"(?:[^.;:]|\.(?!\s)){1,200}?,\s+"
    r"(?=(?:[Tt]he\s+)?(?:[A-Z][^,.;:]{1,60}?(?:'s)?\s+)?(?:representative|delegate|observer|speaker"
    r"|Permanent\s+(?:Representative|Observer))\b)"
)
# "Kenya's representative", "Belarus' delegate", "Ethiopia's speaker", "the United States representative".
# A minister named by the office only: "Cuba's Vice Minister for External Affairs", "Chile's Foreign Minister".
_DELEGATE_WORD = (
    r"representative|delegate|observer|speaker|Permanent\s+Representative"
    r"|(?:(?:Vice|Deputy)[\s-])?(?:Foreign\s+)?Minister(?:\s+(?:for|of)\s+(?:Foreign|External)\s+Affairs)?"
)
_POSSESSIVE = re.compile(rf"(?:'s|(?<=s)')?\s+(?P<what>{_DELEGATE_WORD})\b")
# A capital ("Pyongyang's representative", "Kabul representative") or an adjective of nationality ("the Iranian
# delegate", never possessive) stands for a delegation only before these words; "counterpart" too, as a speaker
# answers another ("the Russian counterpart said").
_CAPITAL_DELEGATE = re.compile(rf"(?:'s)?\s+(?P<what>{_DELEGATE_WORD}|counterpart)\b")
_DEMONYM_DELEGATE = re.compile(rf"\s+(?P<what>{_DELEGATE_WORD}|counterpart)\b")
_BEHALF_ASIDE = re.compile(r"\s*\((?:speaking\s+)?(?:on\s+behalf\s+of|for)\s[^()]{2,120}\)")
_ACRONYM = re.compile(r"\s*\([A-Z][A-Za-z-]{1,10}\)")
# Titles printed before a name ("Secretary-General Kofi Annan"), as heads; "for Peacekeeping Operations" may follow.
_TITLE_HEAD = re.compile(
    r"(?P<head>(?:(?:Outgoing|Incoming|Newly[\s-]elected)\s+)?(?:(?:United\s+Nations|UN)\s+)?(?:(?:Deputy|Assistant|Under-)\s*Secretary-General"
    r"|Secretary-General|Emergency\s+Relief\s+Coordinator|High\s+Commissioner|Special\s+(?:Representative|Envoy|Adviser|Coordinator)"
    r"|(?:Security\s+)?Council\s+President|(?:General\s+)?Assembly\s+President|President\s+of\s+the\s+General\s+Assembly"
    r"|Foreign\s+Minister|Prime\s+Minister"
    r"|Committee\s+(?:Chair(?:man|person|woman)?|Vice-Chair(?:man|person|woman)?|Rapporteur)))\s"
)

# A United Nations office without the name of who holds it: "the Secretary-General", "the Under-Secretary-General
# for Political Affairs", "the United Nations High Commissioner for Refugees"; not "the Secretary-General's report".
_OFFICE_ALONE = re.compile(
    r"(?:[Tt]he|[Ii]ts)\s+(?P<un>United\s+Nations\s+)?(?P<title>(?:Deputy\s+)?Secretary-General(?!['\u2019-])"
    r"|(?:Under-|Assistant[-\s])Secretary-General\s+for\s+[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+){0,3}"
    r"|High\s+Commissioner\s+for\s+(?:Refugees|Human\s+Rights)|Emergency\s+Relief\s+Coordinator"
    r"|(?<=United Nations )High\s+Representative\s+for\s+[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+){0,3}"
    r"|(?:General\s+)?Assembly\s+President|President\s+of\s+the\s+(?:General\s+)?Assembly)\b(?!['\u2019])")
_SAID_BEFORE = re.compile(rf"\b{verbs('before-office')}\s+$")
# What the office wrote is no speech at the meeting: "In that letter, the Secretary-General stated that ...".
_WRITTEN = re.compile(r"\b(?:letter|report|note|message|communication)s?\b[^.;:]{0,60}$")

# The verbs after a State named alone that make it a speaker: "Mexico said", not "Israel took control".
_STATE_VERB = re.compile(rf"\s+(?:also\s+|then\s+|further\s+)?{verbs('state')}\b")
_DIRECT_VERB = re.compile(rf"\s+(?:(?:also|then|today|later|further)\s+)?{_REPORTING}\b")

# "Gert Rosenthal of Guatemala": the State after the name.
# A State's office printed after the State's name, before the person's.
_STATE_TITLE = re.compile(r"\s+(?P<head>Secretary\s+of\s+State|Foreign\s+Minister|Prime\s+Minister|Minister\s+for\s+Foreign\s+"
                          r"Affairs|President|Vice-President)\s")
_OF_STATE = re.compile(r"\s+of\s+(?:the\s+)?(?=[A-Z])")
# A capitalised word after a body's name that is no title: the body's name is part of a longer one.
_INSIDE_A_NAME = re.compile(rf"\s+(?!{_TITLE_WORD.pattern}|(?:Deputy|Special|Assistant|High|Under|Emergency|Controller)\b)[A-Z][a-z]")

def _verb_follows(text: str, pos: int, end: int, verb: bool) -> bool:
    """A reporting verb after the speaker; in an inverted sentence it came before. In a text cut inside the clause
    after the speaker ("The United Kingdom's representative, welcoming the resol"), the verb was cut off with it."""
    return (not verb or _VERB_AFTER.match(text, pos, end) is not None
            or (_TEXT_ENDS.match(text, end) is not None and _CUT_CLAUSE.fullmatch(text, pos, end) is not None))


def _representative(text: str, pos: int, end: int, places: Gazetteer, verb: bool = True) -> Turn | None:
    """"[Speaking ..., ]the representative of X said", "[Introducing the text, ]X's representative said"."""
    found = _delegate_at(text, pos, end, places)
    if found is None and (lead := _LEAD_IN.match(text, pos, end)) is not None:
        found = _delegate_at(text, lead.end(), end, places)
    if found is None:
        return None
    delegation, speaker_start, speaker_end, what = found
    after = speaker_end
    if (acronym := _ACRONYM.match(text, after, end) or _BEHALF_ASIDE.match(text, after, end)) is not None:
        after = acronym.end()  # "the representative of Ireland (on behalf of the European Union) said"
    if not _verb_follows(text, after, end, verb):
        return None  # "The representative of Kenya was elected ..." reports no words
    role, _, lead_end = _role(text, after, end, places, after_paren=True)
    what = " ".join(what.split())
    label = f"{what if 'Minister' in what else what.capitalize()} of {delegation.entity.name}"
    speaker = Speaker.unnamed(label, speaker_start, speaker_end)
    return Turn(speaker, delegation, _titled_role(role), lead_end)


def _delegate_at(text: str, pos: int, end: int, places: Gazetteer) -> tuple[Match, int, int, str] | None:
    """(delegation, speaker start, speaker end, "representative") of "the representative of X" or
    "X's representative" at ``pos``."""
    the = _THE_REPRESENTATIVE.match(text, pos, end)
    if the is not None:
        found = places.match_at(text, the.end())
        if found is None or found.end > end:
            return None
        speaker_end = (word.end() if (word := _DELEGATION_WORD.match(text, found.end, end)) else found.end)
        return found, the.start(), speaker_end, the["what"]
    at = pos + 4 if text.startswith(("The ", "the "), pos) else pos  # "The Sudan's representative"
    found = places.match_at(text, at)
    owner = _POSSESSIVE.match(text, found.end, end) if found is not None else None
    if owner is None and (word := state_word_at(text, at, end)) is not None:
        found = word.match  # "Pyongyang's representative", "the Iranian delegate"
        owner = (_DEMONYM_DELEGATE if word.demonym else _CAPITAL_DELEGATE).match(text, found.end, end)
    if owner is None:
        return None
    what = "representative" if owner["what"] == "counterpart" else owner["what"]
    return found, found.start, owner.end(), what


def _titled_role(role: str | None) -> str | None:
    """Only a segment with a title is a role: ", Chairman of the African Group," but not ", in turn,"."""
    return role if role and _TITLE_WORD.search(role) else None


def _named(text: str, pos: int, end: int, places: Gazetteer, verb: bool = True,
           office: tuple[str, int, int] | None = None) -> Turn | None:
    """"Rohan Perera (Sri Lanka), Chairman of ..., said", "Tijjani Muhammad-Bande, President of its ... session, recalled",
    "Gert Rosenthal of Guatemala, ... said"; ``office`` is the title printed before the name, if any."""
    m = _PERSON.match(text, pos, end)
    if m is None or not _person(m, places):
        return None
    paren = _PAREN.match(text, m.end(), end)
    of_state = _OF_STATE.match(text, m.end(), end) if paren is None else None
    if paren is not None or of_state is not None:
        at = paren.span("paren") if paren is not None else (of_state.end(), of_state.end())
        delegation = _known(text, *at, places) if paren is not None else places.match_at(text, at[0])
        after = paren.end() if paren is not None else delegation.end if delegation else at[0]
        if delegation is None or delegation.entity.kind != "state" and paren is None \
                or not _verb_follows(text, after, end, verb):
            return None
        role, _, lead_end = _role(text, after, end, places, after_paren=True)
        role = _titled_role(role) or (office[0] if office else None)
        return Turn(_speaker(m), _presiding(role, office, delegation, places), role, lead_end)
    if not _verb_follows(text, m.end(), end, verb):
        return None
    role, delegation, lead_end = _role(text, m.end(), end, places, after_paren=False)
    if office is not None and (role is None or not _TITLE_WORD.search(role)):
        found = _office(office[0], office[1:], places)  # "The Mayor of X, Rudolph Giuliani, said"
        return Turn(_speaker(m), found, office[0], lead_end) if found is not None else None
    if role is None or not _TITLE_WORD.search(role):
        return None  # "Addis Ababa, Ethiopia, said": a name and a place, no title
    printed = re.compile(r"\s+".join(map(re.escape, role.split()))).search(text, m.end(), end)
    role_span = printed.span() if printed else (m.end(), m.end())
    if delegation is not None and _INSIDE_A_NAME.match(text, delegation.end):
        delegation = None  # "Security Council Report" is not the Security Council
    delegation = _office(role, role_span, places) or (delegation if delegation and delegation.entity.in_reference else None)
    if delegation is None:
        return None
    return Turn(_speaker(m), delegation, role, lead_end)


def _presiding(role: str | None, office: tuple[str, int, int] | None, delegation: Match,
               places: Gazetteer) -> Match:
    """The Assembly's President speaks for the General Assembly, whatever State is printed beside the name."""
    for title in (role, office[0] if office else None):
        if title and _ASSEMBLY_PRESIDENT.search(title) and (assembly := places.lookup("General Assembly")):
            return Match(assembly, delegation.start, delegation.end)
    return delegation


def _titled(text: str, pos: int, end: int, places: Gazetteer, verb: bool = True) -> Turn | None:
    """"Secretary-General Kofi Annan said", "Under-Secretary-General for Peacekeeping Operations Jean-Marie Guéhenno told"."""
    head = _TITLE_HEAD.match(text, pos, end)
    if head is None and (state := places.match_at(text, pos)) is not None and state.entity.kind == "state":
        head = _STATE_TITLE.match(text, state.end, end)  # "United States Secretary of State Colin Powell"
    if head is None:
        return None
    clause_end = _clause_end(text, head.end(), end)
    of_state = _of_state_at_end(text, head.end(), clause_end, places)  # "Committee Chairman X of Cameroon said"
    name_end = text.rfind(" of ", head.end(), of_state.start) if of_state else clause_end
    tokens = list(re.finditer(r"\S+", text[head.end():name_end]))
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
        if delegation is not None:
            delegation = _presiding(title, None, delegation, places)
    elif of_state is not None:  # a United Nations official serves no State: "Special Envoy X of Sweden"
        delegation = (_office(title, (pos, title_end), places) if _UN_OFFICIAL.search(title)
                      else _presiding(title, None, Match(of_state.entity, of_state.start, of_state.end), places))
        after = of_state.end
    else:
        delegation = _office(title, (pos, title_end), places)
    if delegation is None or not _verb_follows(text, after, end, verb):
        return None
    return Turn(_speaker(m), delegation, title, _lead_end(text, after, end))


def _of_state_at_end(text: str, start: int, end: int, places: Gazetteer) -> Match | None:
    """The State in "... Martin Belinga-Eboutou of Cameroon" when it closes ``text[start:end]``."""
    at = text.rfind(" of ", start, end)
    if at == -1:
        return None
    of = _OF_STATE.match(text, at, end)
    state = places.match_at(text, of.end()) if of is not None else None
    return state if state is not None and state.entity.kind == "state" and state.end == end else None



def _state_speaks(text: str, pos: int, end: int, places: Gazetteer, verb: bool = True) -> Turn | None:
    """"Mexico said the statement ...": a State named alone as the one speaking."""
    state = places.match_at(text, pos)
    if state is None or state.entity.kind != "state" or state.end > end:
        return None
    # Only with its verb after it: a draft "introduced by Azerbaijan" or "presented by India" names its sponsor, who
    # may not have spoken at the meeting.
    if not verb or not _STATE_VERB.match(text, state.end, end):
        return None
    label = f"Representative of {state.entity.name}"
    speaker = Speaker.unnamed(label, state.start, state.end)
    return Turn(speaker, state, None, _lead_end(text, state.end, end))


def _title_only(text: str, pos: int, end: int, places: Gazetteer, verb: bool = True) -> Turn | None:
    """"the Secretary-General said", "the Under-Secretary-General for Political Affairs told the Council": a
    United Nations official named by the office alone. The person stays unnamed (the office changes hands)."""
    m = _OFFICE_ALONE.match(text, pos, end)
    # The verb right after the office: "The Secretary-General, along with 41 speakers, spoke at that meeting" is
    # often a meeting before this one.
    if m is None or (verb and not _DIRECT_VERB.match(text, m.end(), end)) \
            or (not verb and not _SAID_BEFORE.search(text, max(0, pos - 20), pos)) \
            or _WRITTEN.search(text, max(0, pos - 80), pos):
        return None  # nor "indicators presented by the Secretary-General": his report, not his words
    title = " ".join(m["title"].split())
    body = _office(title, m.span("title"), places)  # the United Nations, or the Assembly for its President
    if body is None and m["un"] and (un := places.lookup("United Nations")) is not None:
        body = Match(un, *m.span("title"))  # "the United Nations High Representative for Disarmament Affairs"
    if body is None:
        return None
    speaker = Speaker.unnamed(title, m.start("title"), m.end("title"))
    # A follow-up when the release named the holder before ("Secretary-General Kofi Annan said ... the
    # Secretary-General said"): the narrative reader then keeps the named speaker's statement going.
    return Turn(speaker, body, title, _lead_end(text, m.end(), end), follow_up=True)


_UN_BEFORE = re.compile(r"^(?:United\s+Nations|UN)\s+")


def office_key(title: str) -> str:
    """An office as compared between its mentions: "President of the General Assembly" and "the Assembly President"
    are one; "Secretary-General of the United Nations" and "United Nations Secretary-General" are
    "Secretary-General"."""
    if _ASSEMBLY_PRESIDENT.search(title):
        return "Assembly President"
    return _UN_BEFORE.sub("", title.split(" of ")[0])


def _office(role: str, span: tuple[int, int], places: Gazetteer) -> Match | None:
    """The body a title speaks for: the General Assembly for its President, the United Nations for its
    officials, or the State or organisation the title names ("Minister for Foreign Affairs of Kenya")."""
    if _ASSEMBLY_PRESIDENT.search(role) and (assembly := places.lookup("General Assembly")) is not None:
        return Match(assembly, *span)
    named = _named_in(role, places)
    if named is not None and _INSIDE_A_NAME.match(role, named.end):
        # A body's name inside a longer one: "Executive Director of Security Council Report" names no known body,
        # but "Under-Secretary-General ... and United Nations Legal Counsel" is still a United Nations office.
        if not _UN_OFFICIAL.search(role):
            return None
        named = None
    if named is not None and named.entity.in_reference:
        return Match(named.entity, span[0] + named.start, span[0] + named.end)
    if _UN_OFFICIAL.search(role) and (un := places.lookup("United Nations")) is not None:
        return Match(un, *span)
    return None
