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

The introduction may follow a lead-in clause or the office the speaker holds, or
come after the verb, and a roll call lists several speakers at once (``roll_call``)::

    Opening the meeting, Council President X (Chile) said ...
    The Committee Chairman, X of Ghana, said ...
    "...," said Chile's delegate.   So stated Secretary-General X ...
    The draft was introduced by Ireland's representative.

Delegation rule for presiding officers: the President of the General Assembly speaks
for the General Assembly, even where the State is printed beside the name
("X (Denmark), President of the General Assembly, said" -> General Assembly): the
Assembly elects its President, who chairs it on behalf of all Members and not as a
delegate. A Council President or a committee Chair stays the delegate of the State
printed ("Council President X (Chile)" -> Chile): the chair rotates among delegations.
A paragraph opening with a dateline ("NEW YORK, 28 March (UN Headquarters) --") is
read from after it.

An introduction at a sentence's start is followed by a reporting verb; a person's name is mixed case, at most six words,
and never a body's name. A statement runs from its introduction to the next one
or the end of the paragraph, and over the paragraphs after it that go on in the
speaker's voice ("He said ...", "She added ..."). Precision comes first: a form
not recognised here yields no speaker rather than a wrong one.
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
from councilgraph.extract.records import Layout, Paragraph, Speaker
from councilgraph.extract.roll_call import roll_call
from councilgraph.extract.statements import (
    _ASSEMBLY_PRESIDENT,
    _LOWER_WORD,
    _UN_OFFICIAL,
    DATELINE,
    Located,
    Turn,
    _lead_end,
    _named_in,
    _role,
    _speaker_turn,
    is_person_name,
)

__all__ = ["narrative_turns", "SUMMARY"]

#: The section of a statement read in the lead summary, which has no heading.
SUMMARY = "Summary"

_REPORTING = (
    r"(?:said|stated|told|noted|stressed|added|emphasi[sz]ed|expressed|welcomed|urged|called|recalled|observed|"
    r"pointed|asked|warned|reiterated|underlined|underscored|maintained|explained|agreed|declared|insisted|"
    r"(?:re)?affirmed|hoped|regretted|argued|announced|believed|highlighted|introduced|drew|commended|thanked|"
    r"described|cautioned|suggested|proposed|reported|briefed|informed|acknowledged|appealed|condemned|deplored|"
    r"supported|opposed|rejected|objected|praised|recogni[sz]ed|voiced|lamented|spoke|assured|reminded|contended|"
    r"felt|considered|outlined|presented|commented|replied|responded|echoed|indicated|confirmed|encouraged|"
    r"requested|remarked|congratulated|paid|took|gave|opened|concluded|began|hailed|provided|put|shared|"
    r"delivered|made|raised|sought|pledged|demanded|shone|addressed|declared|wondered|spotlighted)"
)
# After the speaker: a reporting verb, directly or after an aside between commas
# (", Chairman of the Ad Hoc Committee on ..., said", ", noting that ..., said").
_VERB_AFTER = re.compile(
    rf"(?:\s*,(?:[^.;:]|\.(?!\s)){{1,300}}?,|\s*,\s+who(?:[^.;:,]|\.(?!\s)){{1,200}}?(?=\s{_REPORTING}\b)|\s*,)?"
    rf"\s+(?:(?:also|further|then|later|first|today|yesterday|this\s+(?:morning|afternoon|evening))\s+)*"
    rf"{_REPORTING}\b"
)
_THE_REPRESENTATIVE = re.compile(
    r"(?P<the>[Tt]he)\s+(?P<what>representative|delegate|observer|Permanent\s+(?:Representative|Observer))\s+"
    r"(?:of|for)\s+(?:the\s+)?"
)
# "Speaking on behalf of ..., the representative of": a lead-in clause before the representative.
_LEAD_IN = re.compile(
    r"(?:[^.;:]|\.(?!\s)){1,200}?,\s+"
    r"(?=(?:[Tt]he\s+)?(?:[A-Z][^,.;:]{1,60}?(?:'s)?\s+)?(?:representative|delegate|observer|speaker"
    r"|Permanent\s+(?:Representative|Observer))\b)"
)
# "Kenya's representative", "Ethiopia's speaker", "the United States representative".
_POSSESSIVE = re.compile(r"(?:'s)?\s+(?P<what>representative|delegate|observer|speaker|Permanent\s+Representative)\b")
_ACRONYM = re.compile(r"\s*\([A-Z][A-Za-z-]{1,10}\)")
# Titles printed before a name ("Secretary-General Kofi Annan"), as heads; "for Peacekeeping Operations" may follow.
_TITLE_HEAD = re.compile(
    r"(?P<head>(?:(?:United\s+Nations|UN)\s+)?(?:(?:Deputy|Assistant|Under-)\s*Secretary-General"
    r"|Secretary-General|Emergency\s+Relief\s+Coordinator|High\s+Commissioner|Special\s+(?:Representative|Envoy|Adviser|Coordinator)"
    r"|(?:Security\s+)?Council\s+President|(?:General\s+)?Assembly\s+President|Foreign\s+Minister|Prime\s+Minister))\s"
)
# A lead-in clause ("Opening the meeting,", "In his closing remarks,") or an office ("The Committee Chairman,").
_LEAD_OPENER = re.compile(
    r"(?:[A-Z][a-z]+ing|In|At|On|After|Before|Upon|Later|Earlier|Last|Also|Today|Meanwhile|However|With|Among)\b"
    r"|(?P<office>(?:[Tt]he|[Ii]ts)\s)"
)
_COMMA_AT = re.compile(r",\s+")
# The verb before the speaker: "“...,” said Chile's delegate", "So stated ...", "introduced by the representative of".
_SPEECH = (r"(?:said|stated|declared|stressed|noted|added|emphasi[sz]ed|observed|warned|asked|urged|continued|"
           r"insisted|explained|recalled|concluded|remarked|affirmed|argued|underlined|cautioned|maintained|replied)")
_INVERTED = re.compile(
    rf"(?:[,\"”’]\s*|\bSo\s+)(?:also\s+)?{_SPEECH}\s+|(?<!to be )(?<!will be )\b(?:introduced|presented)\s+by\s+"
)
_CLAUSE_GOES_ON = re.compile(r"\)?\s+(?:was|were|is|are|had|has|have|would|could|should|will|did)\b")
# "Gert Rosenthal of Guatemala": the State after the name.
_OF_STATE = re.compile(r"\s+of\s+(?:the\s+)?(?=[A-Z])")
# A capitalised word after a body's name that is no title: the body's name is part of a longer one.
_INSIDE_A_NAME = re.compile(rf"\s+(?!{_TITLE_WORD.pattern}|(?:Deputy|Special|Assistant|High|Under|Emergency)\b)[A-Z][a-z]")
# The reader of a presidential or press statement, anywhere in a sentence.
_READ_BY = re.compile(
    r"\b(?:(?:read(?:\s+out)?|delivered|issued|made|presented)"
    r"(?:\s+(?:today|yesterday|this\s+(?:morning|afternoon|evening)|on\s+behalf\s+of\s+the\s+Council))?"
    r"|statement(?:\s+to\s+the\s+press)?(?:\s+on\s+[^,.:;()]{1,80}?)?)\s+by\s+"
    r"(?:(?P<pre>(?:the\s+|its\s+)?(?:(?:Security\s+)?Council\s+President|President(?:\s+of\s+the\s+(?:Security\s+)?Council)?)"
    r"(?:\s+for\s+(?:the\s+month\s+of\s+)?[A-Z][a-z]+)?),?\s+)?"
)
_READER_POST = re.compile(
    r",\s+(?P<post>(?:its|the\s+Council's|the\s+Council|(?:Security\s+)?Council)\s+President"
    r"(?:\s+for\s+(?:the\s+month\s+of\s+)?[A-Z][a-z]+)?)"
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
    for pos, stop in zip(starts, [*starts[1:], para.end], strict=True):
        if pos in found:
            continue
        if (turn := _introduced_at(text, pos, stop, para.end, places)) is not None:
            found[pos] = turn
        else:
            found.update(roll_call(text, pos, stop, places))
    for m in _READ_BY.finditer(text, para.start, para.end):
        start = max(s for s in starts if s <= m.start())
        if start not in found and (turn := _reader(text, m, para.end, places)) is not None:
            found[start] = turn
    return sorted(found.items())


def _sentence_starts(text: str, para: Paragraph) -> list[int]:
    starts = [para.start]
    if (dateline := DATELINE.match(text, para.start, para.end)) is not None:
        starts = [dateline.end()]  # "NEW YORK, 28 March (UN Headquarters) -- The Council ..."
    for m in _SENTENCE_BREAK.finditer(text, para.start, para.end):
        if not _ABBREVIATION.search(text, max(para.start, m.start() - 6), m.start()):  # "Mr. Annan" goes on
            starts.append(m.end())
    return starts


def _introduced_at(text: str, pos: int, stop: int, end: int, places: Gazetteer) -> Turn | None:
    """The speaker the sentence ``text[pos:stop]`` introduces, if any: at its start, after a lead-in
    clause, or after the verb ("..., said Chile's delegate")."""
    return (_forms(text, pos, end, places) or _after_lead(text, pos, stop, end, places)
            or _inverted(text, pos, stop, end, places))


def _forms(text: str, pos: int, end: int, places: Gazetteer, verb: bool = True,
           office: tuple[str, int, int] | None = None) -> Turn | None:
    return (_representative(text, pos, end, places, verb) or _titled(text, pos, end, places, verb)
            or _named(text, pos, end, places, verb, office))


def _after_lead(text: str, pos: int, stop: int, end: int, places: Gazetteer) -> Turn | None:
    """"Opening the meeting, Council President X (Y) said", "The Committee Chairman, X of Y, said":
    the speaker after a lead-in clause, or after the office they hold ("The Chairman of ..., X (Y), said")."""
    opener = _LEAD_OPENER.match(text, pos, stop)
    if opener is None:
        return None
    office = None
    for comma in _COMMA_AT.finditer(text, pos, min(stop, pos + 300)):
        if opener["office"] is not None and office is None:
            if not _TITLE_WORD.search(text, pos, comma.start()):
                return None  # "The Council, ...": no office, no apposition
            office = (" ".join(text[pos:comma.start()].split()), pos, comma.start())
        turn = _titled(text, comma.end(), end, places) or _named(text, comma.end(), end, places, office=office)
        if turn is not None:
            return turn
    return None


def _inverted(text: str, pos: int, stop: int, end: int, places: Gazetteer) -> Turn | None:
    """"“...,” said Chile's delegate", "So stated Secretary-General X", "introduced by Ireland's representative"."""
    for m in _INVERTED.finditer(text, pos, stop):
        turn = _forms(text, m.end(), end, places, verb=False)
        if turn is not None and not _CLAUSE_GOES_ON.match(text, max(turn.speaker.end, turn.delegation.end)):
            return turn  # not "The Council, in its statement, said X (Y) was welcome": X is no speaker there
    return None


def _verb_follows(text: str, pos: int, end: int, verb: bool) -> bool:
    """A reporting verb after the speaker; in an inverted sentence it came before."""
    return not verb or _VERB_AFTER.match(text, pos, end) is not None


def _representative(text: str, pos: int, end: int, places: Gazetteer, verb: bool = True) -> Turn | None:
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
    if not _verb_follows(text, after, end, verb):
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
    at = pos + 4 if text.startswith(("The ", "the "), pos) else pos  # "The Sudan's representative"
    found = places.match_at(text, at)
    owner = _POSSESSIVE.match(text, found.end, end) if found is not None else None
    if owner is None:
        return None
    return found, found.start, owner.end(), owner["what"]


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
        if delegation is not None:
            delegation = _presiding(title, None, delegation, places)
    else:
        delegation = _office(title, (pos, title_end), places)
    if delegation is None or not _verb_follows(text, after, end, verb):
        return None
    return Turn(_speaker(m), delegation, title, _lead_end(text, after, end))


def _reader(text: str, m: re.Match[str], end: int, places: Gazetteer) -> Turn | None:
    """"... read by François Delattre (France), its President for October", "... by the Security Council President, X (Y):"."""
    person = _PERSON.match(text, m.end(), end)
    if person is None or not _person(person, places):
        return None
    paren = _PAREN.match(text, person.end(), end)
    if paren is not None:
        delegation, after = _known(text, paren.start("paren"), paren.end("paren"), places), paren.end()
    elif (of_state := _OF_STATE.match(text, person.end(), end)) is not None:  # "Peter Wittig of Germany"
        delegation = places.match_at(text, of_state.end())
        after = delegation.end if delegation is not None else of_state.end()
    else:
        return None
    post = _READER_POST.match(text, after, end)
    office = m["pre"] or (post["post"] if post else None)
    if delegation is None or office is None:
        return None  # "signed by X (Y)": only a statement read out by the Council's President
    role = " ".join(re.sub(r"^the\s+", "", office).split())
    after = post.end() if post else after
    return Turn(_speaker(person), delegation, role, _lead_end(text, after, end))


def _office(role: str, span: tuple[int, int], places: Gazetteer) -> Match | None:
    """The body a title speaks for: the General Assembly for its President, the United Nations for its
    officials, or the State or organisation the title names ("Minister for Foreign Affairs of Kenya")."""
    if _ASSEMBLY_PRESIDENT.search(role) and (assembly := places.lookup("General Assembly")) is not None:
        return Match(assembly, *span)
    named = _named_in(role, places)
    if named is not None and _INSIDE_A_NAME.match(role, named.end):
        return None  # a body's name inside a longer one: "Executive Director of Security Council Report"
    if named is not None and named.entity.in_reference:
        return Match(named.entity, span[0] + named.start, span[0] + named.end)
    if _UN_OFFICIAL.search(role) and (un := places.lookup("United Nations")) is not None:
        return Match(un, *span)
    return None
