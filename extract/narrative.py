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
    The draft was introduced by Ireland's representative.   His view was echoed by Chile's delegate.

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
from dataclasses import replace

from councilgraph.extract.briefings import briefings
from councilgraph.extract.gazetteer import Gazetteer
from councilgraph.extract.heads import heads_of_state
from councilgraph.extract.person_names import _PAREN, _PERSON, _TITLE_WORD, _known, _person, _speaker
from councilgraph.extract.records import Layout, Paragraph, Speaker
from councilgraph.extract.roll_call import roll_call, roll_items
from councilgraph.extract.speaker_forms import (
    _OF_STATE,
    _named,
    _office,
    _representative,
    _state_speaks,
    _title_only,
    _titled,
    _verb_follows,
    office_key,
)
from councilgraph.extract.state_words import state_word_at
from councilgraph.extract.statements import _LOWER_WORD, DATELINE, Located, Turn, _lead_end, _speaker_turn
from councilgraph.extract.surnames import surname_turn
from councilgraph.extract.verbs import verbs

__all__ = ["narrative_turns", "SUMMARY"]

#: The section of a statement read in the lead summary, which has no heading.
SUMMARY = "Summary"

# A lead-in clause ("Opening the meeting,", "In his closing remarks,") or an office ("The Committee Chairman,",
# "Assembly President, X (Finland), paid tribute").
_LEAD_OPENER = re.compile(
    r"(?:[A-Z][a-z]+ing|In|At|On|After|Before|Upon|Later|Earlier|Last|Also|Today|Meanwhile|However|With|Among)\b"
    r"|(?P<office>(?:[Tt]he|[Ii]ts)\s|(?=[A-Z][\w-]*(?:\s+[A-Za-z][\w-]*){0,6},))"
)
_COMMA_AT = re.compile(r",\s+")
# The verb before the speaker: "“...,” said Chile's delegate", "So stated ...", "introduced by the representative of".
_SPEECH = verbs("inverted")
_INVERTED = re.compile(
    rf"(?:[,\"”’]\s*|\bSo\s+)(?:also\s+)?{_SPEECH}\s+|(?<!to be )(?<!will be )\b{verbs('introduced-by')}\s+by\s+"
)
# "Introducing the reports of the First Committee was X (Algeria)", "Contributing to that debate was the
# representative of New Zealand": the speaker after "was".
_INTRODUCING_WAS = re.compile(r"(?:Introducing|Presenting|Opening|Closing|Briefing|Addressing|Contributing)\b[^.;:]{0,200}?"
                              r"\s(?:was|were)\s+")
# "Australia, said its speaker, was willing ...": the delegation opens the sentence, its speaker comes after the verb.
_ITS_SPEAKER = re.compile(rf",\s+(?:also\s+)?{_SPEECH}\s+(?P<what>its\s+(?:representative|delegate|speaker))\b")
# Where a speaker may come inside a sentence: after a comma, or after a closing quote and its comma.
_MID_COMMA = re.compile(r",[\"”’]?\s+")
# An office between two commas: "the Assembly President" in ", the Assembly President, X (Namibia), informed".
_OFFICE_BEFORE = re.compile(r"(?:the|its)\s+[A-Z][^,;:.]{1,80}")
_WITH_REPRESENTATIVE = re.compile(r"\bwith\s+(?=the\s+(?:representative|delegate)\s)")
# The speaker's words in an absolute clause: "with the representative of X stressing that ...".
_PARTICIPLE = re.compile(rf"\s+(?:also\s+|[\"\u201c][a-z]+[\"\u201d]\s+)?{verbs('participle')}\b")
_SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019)]*\s*$")
# Where a headline's clause opens: at its start, after a semicolon, colon or comma.
_HEADLINE_CLAUSE = re.compile(r"(?:^|(?<=[;:,])\s*|(?<=\n))", re.M)
# A headline's delegation and its verb, in title case: "Pakistan Says", "Syria's Speaker Denounces".
_HEADLINE_VERB = rf"\s+{verbs('headline')}\b"
_HEADLINE_SAYS = re.compile(
    r"(?:['\u2019]s\s+(?:Speaker|(?:Permanent\s+)?Representative|Delegate|Delegation|(?:Foreign\s+|Prime\s+)?Minister"
    rf"|President))?{_HEADLINE_VERB}")
# A capital or an adjective of nationality speaks in a headline only with a delegate's title before the verb:
# "Kyiv's Permanent Representative Condemns", "Kabul Representative Says", "Russian Counterpart Says"; not "Moscow's
# 'Nuclear Blackmail'", nor "Kyiv Says" (a Government's words, often said elsewhere).
_HEADLINE_DELEGATE = (r"\s+(?:Speaker|(?:Permanent\s+)?Representative|Delegate|Counterpart"
                      r"|Foreign\s+Minister|Minister\s+for\s+Foreign\s+Affairs)")
_CAPITAL_SAYS = re.compile(rf"(?:'s)?{_HEADLINE_DELEGATE}{_HEADLINE_VERB}")
_DEMONYM_SAYS = re.compile(rf"{_HEADLINE_DELEGATE}{_HEADLINE_VERB}")
# Several delegations a headline lists with their verb: "Guinea-Bissau, Rwanda, Haiti, Uzbekistan Address Assembly".
_HEADLINE_SAY = re.compile(rf"\s+{verbs('headline-plural')}\b")
# An office a headline names as the one speaking: "General Assembly President Welcomes ...". Not the Secretary-General:
# a headline "Secretary-General Expresses Hope ..." on a Council page often tells of a statement issued elsewhere.
# Unless it says the Secretary-General spoke at the meeting: "Secretary-General Briefs on ...".
_HEADLINE_OFFICE = re.compile(r"(?:General\s+)?Assembly\s+President(?=\s)|Secretary-General(?=\s+(?:Briefs|Tells)\b)")
# A delegate later in a sentence, after a clause's joint: ", and the representative of", "; the delegate of",
# ", with the representatives of".
_LATER_DELEGATE = re.compile(
    r"(?:[,;]\s+|\s)(?:(?:and|while|whereas|with|but)\s+)?(?P<the>the\s+(?:representative|delegate)(?P<plural>s)?"
    r"\s+(?:of|for)\s+)"
    # "..., with Myanmar's delegate rejecting the text", "..., while the Israeli representative said": the possessive
    # or adjective form, after a joint only.
    r"|(?:,\s+|\s)(?:and|while|whereas|with|but)\s+(?=(?P<poss>(?:the\s+)?[A-Z][\w'\u2019. -]{1,40}?(?:['\u2019]s?)?\s+"
    r"(?:representative|delegate)\b))")
_CLAUSE_GOES_ON = re.compile(r"\)?\s+(?:was|were|is|are|had|has|have|would|could|should|will|did)\b")
# The reader of a presidential or press statement, anywhere in a sentence.
_READ_BY = re.compile(
    r"\b(?:(?:read(?:\s+out)?|delivered|issued|made|presented)"
    r"(?:\s+(?:today|yesterday|this\s+(?:morning|afternoon|evening)|on\s+behalf\s+of\s+the\s+Council))?"
    r"|statement(?:\s+to\s+the\s+press)?(?:\s+on\s+[^,.:;()]{1,80}?)?)\s+by\s+"
    r"(?:(?P<pre>(?:the\s+|its\s+)?(?:(?:Security\s+)?Council\s+President|President(?:\s+of\s+the\s+(?:Security\s+)?Council)?)"
    r"(?:\s+for\s+(?:the\s+month\s+of\s+)?[A-Z][a-z]+)?),?\s+)?"
)
# Only the Council's President reads out a presidential statement.
_PRESIDENTIAL = re.compile(r"\bpresidential\s+statement\b[^.;:]{0,40}$", re.I)
_READER_POST = re.compile(
    r",\s+(?:(?P<post>(?:its|the\s+Council's|the\s+Council|(?:Security\s+)?Council)\s+President"
    r"(?:\s+for\s+(?:the\s+month\s+of\s+)?[A-Z][a-z]+)?)"
    # "X of Bosnia and Herzegovina, which holds the Council's rotating presidency for the month", "X, Permanent
    # Representative of Panama, who holds the rotating Council Presidency"
    r"|(?:which|who)\s+holds\s+the\s+(?:Council's\s+)?(?:rotating\s+)?(?:Council\s+)?(?:[A-Z][a-z]+\s+)?"
    r"(?P<holds>[Pp]residency))"
)
# Nothing more said of the reader: the statement follows.
_OFFICE_ENDS = re.compile(r"\s*(?::|$)")
# The reader's State named in a title after the name: "..., Minister for Foreign Affairs of Colombia".
_READER_TITLE = re.compile(r",\s+(?P<title>[A-Z][^,.;:()]{2,160}?)(?=[,.;:]|$)")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“]?[A-Z])")
_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Ms|Mrs|Dr|St|No|Nos|Messrs|Jr|Sr|Gen|Amb|H\.E|U\.S|U\.K|U\.N)|\b[A-Z])\.$")
# A paragraph going on in the speaker's voice: "He said ...", "Her country ...", "“...,” she added."
_CONTINUES = re.compile(r"(?:He|She|His|Her)\b|[\"“][^\"”]{1,600}[\"”],?\s+(?:he|she)\s+(?:said|added)\b")


def narrative_turns(text: str, layout: Layout, places: Gazetteer) -> list[Located]:
    """Speakers introduced in running text, over the summary and section paragraphs in order."""
    body = [(SUMMARY, p) for p in layout.summary] + [(s.heading, p) for s in layout.sections for p in s.paragraphs]
    out: list[Located] = _headline_speakers(text, layout, places)
    open_turn = False  # whether the last statement ran to the end of the previous paragraph
    for section, para in body:
        if _LOWER_WORD.search(text, para.start, para.end) is None:
            open_turn = False  # a line in capitals only: a headline or a rule, never anyone's words
            continue
        spoken = frozenset(located.turn.speaker.name.split()[-1] for located in out)
        intros = _new_speakers(_intros(text, para, places, spoken), out)
        continued = bool(out) and open_turn and _CONTINUES.match(text, para.start, para.end) is not None
        if continued:
            last = out[-1]
            out[-1] = Located(last.section, last.start, _trimmed(text, intros[0][0]) if intros else para.end, last.turn)
        for i, (start, turn) in enumerate(intros):
            end = _trimmed(text, intros[i + 1][0]) if i + 1 < len(intros) else para.end
            out.append(Located(section, start, end, turn))
        open_turn = bool(intros) or continued
    # A recap of an office gives way to that office quoted in the body; one of a delegation, to any of its statements.
    quoted = {_who(located.turn) for located in out if not located.turn.recap}
    quoted |= {located.turn.delegation.entity.key for located in out if not located.turn.recap}
    # An office named alone before its holder is named ("the President of the General Assembly said ... Joseph
    # Deiss, President of the Assembly, ...") is that person.
    held = {office_key(located.turn.role) for located in out if located.turn.role and located.turn.speaker.printed_name}
    # A person a list names ("heard statements by X and Y") and the release then quotes by name is that statement.
    quoted_by_name = {(t.speaker.printed_name, t.delegation.entity.key) for t in (located.turn for located in out)
                      if t.speaker.printed_name and not t.listed and not t.recap}
    return [located for located in out
            if not (located.turn.recap and _who(located.turn) in quoted)
            and not (located.turn.follow_up and located.turn.speaker.printed_name is None
                     and office_key(located.turn.speaker.name) in held)
            and not (located.turn.listed
                     and (located.turn.speaker.printed_name, located.turn.delegation.entity.key) in quoted_by_name)]


def _who(turn: Turn) -> str | tuple[str, str]:
    """Whom a recap stands for: a delegation, or an office of an organisation ("Secretary-General Briefs ..." is not
    the Under-Secretary-General the body quotes)."""
    if turn.delegation.entity.kind == "state":
        return turn.delegation.entity.key
    office = turn.role if turn.role else turn.speaker.name if turn.speaker.printed_name is None else None
    if office is None or office.startswith("Representative of "):
        return turn.delegation.entity.key
    return turn.delegation.entity.key, office_key(office)


def _headline_speakers(text: str, layout: Layout, places: Gazetteer) -> list[Located]:
    """"Resolution 1172 (1998) Unanimously Adopted; Pakistan Says Text Ignores Its Concerns", "Syria's Speaker Denounces
    Resolution": a delegation whose words a headline gives. The body mostly quotes it again, and then the body's
    statement is the one kept (a recap)."""
    header = layout.header
    spans = [(a, b) for a, b in ((header.headline_start, header.headline_end),
                                 (header.sub_headline_start, header.sub_headline_end)) if a is not None and b is not None]
    # A sub-headline of several lines goes on in the summary: short paragraphs that end like no sentence.
    spans += [(p.start, p.end) for p in layout.summary
              if p.end - p.start < 250 and not _SENTENCE_END.search(text, p.start, p.end)]
    out = []
    for start, end in spans:
        out += _headline_list(text, start, end, places)
        for clause in _HEADLINE_CLAUSE.finditer(text, start, end):
            says_after = _HEADLINE_SAYS
            if (office := _HEADLINE_OFFICE.match(text, clause.end(), end)) is not None:
                found, label = _office(office[0], office.span(), places), office[0]
            elif (found := places.match_at(text, clause.end())) is not None and found.entity.kind == "state":
                label = f"Representative of {found.entity.name}"
            elif (word := state_word_at(text, clause.end(), end)) is not None:
                found, label = word.match, f"Representative of {word.match.entity.name}"
                says_after = _DEMONYM_SAYS if word.demonym else _CAPITAL_SAYS
            else:
                continue
            if found is None or (says := says_after.match(text, found.end, end)) is None:
                continue
            speaker = Speaker.unnamed(label, found.start, found.end)
            stop = text.find(";", found.end, end)
            turn = Turn(speaker, found, None, says.end(), recap=True)
            out.append(Located(SUMMARY, found.start, stop if stop != -1 else end, turn))
    return out


def _headline_list(text: str, start: int, end: int, places: Gazetteer) -> list[Located]:
    """The States a headline lists as speaking together: "..., Rwanda, Haiti and Georgia Address Assembly"."""
    for clause in _HEADLINE_CLAUSE.finditer(text, start, end):
        listed = roll_items(text, clause.end(), end, places)
        if len(listed) > 1 and _HEADLINE_SAY.match(text, listed[-1][1].lead_end, end):
            return [Located(SUMMARY, at, turn.delegation.end, replace(turn, recap=True)) for at, turn in listed]
    return []


def _new_speakers(intros: list[tuple[int, Turn]], before: list[Located]) -> list[tuple[int, Turn]]:
    """The intros less those naming by surname a person who already spoke ("Mr. Roe said" after "Jan Roe
    said"), and less the participants sentence's delegations that spoke already."""
    spoken = {located.turn.speaker.name for located in before}
    # An office held by one who spoke: "Secretary-General Kofi Annan said ... the Secretary-General added".
    spoken |= {office_key(located.turn.role) for located in before if located.turn.role}
    delegations = {located.turn.delegation.entity.key for located in before}
    out = []
    for start, turn in intros:
        if turn.recap and turn.delegation.entity.key in delegations:
            continue
        if not (turn.follow_up and (turn.speaker.name in spoken or office_key(turn.speaker.name) in spoken)):
            out.append((start, turn))
            spoken.add(turn.speaker.name)
            if turn.role:
                spoken.add(office_key(turn.role))
            delegations.add(turn.delegation.entity.key)
    return out


def _trimmed(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _intros(text: str, para: Paragraph, places: Gazetteer, spoken: frozenset[str] = frozenset()
            ) -> list[tuple[int, Turn]]:
    """(statement start, turn) of every speaker introduced in the paragraph, in order."""
    found: dict[int, Turn] = {}
    house = _speaker_turn(text, para, places)
    if house is not None and house.speaker.printed_name is not None:
        found[para.start] = house  # a name in capitals, as in the house style
    starts = _sentence_starts(text, para)
    for pos, stop in zip(starts, [*starts[1:], para.end], strict=True):
        if pos in found:
            continue
        if listed := briefings(text, pos, stop, places):
            # "The Council heard briefings from X, Title, and Y, Title."
            found.update((at, replace(turn, listed=True)) for at, turn in listed)
        elif (turn := _introduced_at(text, pos, stop, para.end, places)) is not None:
            found[pos] = turn
        else:  # "The representatives of Peru and Fiji spoke", "addressed by Presidents X of Peru and Y of Fiji"
            found.update(roll_call(text, pos, stop, places) or heads_of_state(text, pos, stop, places, spoken))
        taken = {t.speaker.start for t in found.values()}
        found.update((at, t) for at, t in _further_delegates(text, pos, stop, para.end, places) if at not in taken)
    for m in _READ_BY.finditer(text, para.start, para.end):
        start = max(s for s in starts if s <= m.start())
        if (turn := _reader(text, m, para.end, places)) is not None \
                and all(t.speaker.start != turn.speaker.start for t in found.values()):
            # Another speaker the sentence introduced keeps its start; the reader's statement opens at its name.
            found[start if start not in found else turn.speaker.start] = turn
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
            or _inverted(text, pos, stop, end, places) or _mid_sentence(text, pos, stop, end, places)
            or _its_speaker(text, pos, end, places))


def _forms(text: str, pos: int, end: int, places: Gazetteer, verb: bool = True,
           office: tuple[str, int, int] | None = None) -> Turn | None:
    return (_representative(text, pos, end, places, verb) or _titled(text, pos, end, places, verb)
            or _named(text, pos, end, places, verb, office) or surname_turn(text, pos, end, places, verb)
            or _title_only(text, pos, end, places, verb) or _state_speaks(text, pos, end, places, verb))


def _after_lead(text: str, pos: int, stop: int, end: int, places: Gazetteer) -> Turn | None:
    """"Opening the meeting, Council President X (Y) said", "The Committee Chairman, X of Y, said":
    the speaker after a lead-in clause, or after the office they hold ("The Chairman of ..., X (Y), said")."""
    opener = _LEAD_OPENER.match(text, pos, stop)
    if opener is None:
        return None
    office, previous = None, pos
    for comma in _COMMA_AT.finditer(text, pos, min(stop, pos + 300)):
        if opener["office"] is not None and office is None:
            if not _TITLE_WORD.search(text, pos, comma.start()):
                return None  # "The Council, ...": no office, no apposition
            office = (" ".join(text[pos:comma.start()].split()), pos, comma.start())
        elif opener["office"] is None:
            office = _office_between(text, previous, comma.start())  # "Before the vote, the Assembly President, X"
        previous = comma.end()
        turn = (_titled(text, comma.end(), end, places) or _named(text, comma.end(), end, places, office=office)
                or _title_only(text, comma.end(), end, places))
        if turn is not None:
            return turn
    return None


def _inverted(text: str, pos: int, stop: int, end: int, places: Gazetteer) -> Turn | None:
    """"“...,” said Chile's delegate", "So stated Secretary-General X", "introduced by Ireland's representative",
    "Introducing the reports of the Committee was X (Algeria), who said"."""
    if (lead := _INTRODUCING_WAS.match(text, pos, stop)) is not None \
            and (turn := _forms(text, lead.end(), end, places, verb=False)) is not None:
        return turn
    for m in _INVERTED.finditer(text, pos, stop):
        turn = _forms(text, m.end(), end, places, verb=False)
        if turn is not None and not _CLAUSE_GOES_ON.match(text, max(turn.speaker.end, turn.delegation.end)):
            return turn  # not "The Council, in its statement, said X (Y) was welcome": X is no speaker there
    return None



def _its_speaker(text: str, pos: int, end: int, places: Gazetteer) -> Turn | None:
    """"Australia, said its speaker, was always willing ...": the State opening the sentence is the delegation."""
    state = places.match_at(text, pos + 4 if text.startswith("The ", pos) else pos)
    said = _ITS_SPEAKER.match(text, state.end, end) if state is not None else None
    if said is None or state.entity.kind != "state":
        return None
    label = f"{said['what'].split()[-1].capitalize()} of {state.entity.name}"
    speaker = Speaker.unnamed(label, said.start("what"), said.end("what"))
    return Turn(speaker, state, None, _lead_end(text, said.end(), end))


def _mid_sentence(text: str, pos: int, stop: int, end: int, places: Gazetteer) -> Turn | None:
    """A speaker after a comma inside the sentence, followed by the verb: the lead summary's
    "[paraphrase], Secretary-General X told the Assembly", "[paraphrase], X, Under-Secretary-General ...,
    stressed", "Prior to the vote, the Assembly President, X (Namibia), informed", "“...,” the representative
    of Canada said"; and "..., with the representative of X stressing that ...".
    """
    previous = pos
    for comma in _MID_COMMA.finditer(text, pos, stop):
        turn = _forms(text, comma.end(), end, places, office=_office_between(text, previous, comma.start()))
        if turn is not None:
            return turn
        previous = comma.end()
    for m in _WITH_REPRESENTATIVE.finditer(text, pos, stop):
        turn = _representative(text, m.end(), end, places, verb=False)
        if turn is not None and _PARTICIPLE.match(text, turn.speaker.end, end):
            return turn
    return None


def _further_delegates(text: str, pos: int, stop: int, end: int, places: Gazetteer) -> list[tuple[int, Turn]]:
    """Delegates introduced after the first clause of a sentence: "..., and the representative of Yemen noted
    that ...", "..., with the representative of X citing ...", "the representatives of China and the Russian
    Federation denouncing the measure": each one followed by a reporting verb or a participle."""
    out: list[tuple[int, Turn]] = []
    for m in _LATER_DELEGATE.finditer(text, pos, stop):
        if m["plural"]:
            items = roll_items(text, m.end(), stop, places)
            if len(items) > 1 and _speaks_after(text, items[-1][1].lead_end, end):
                out += items
            continue
        at = m.start("the") if m["the"] else m.start("poss")
        turn = _representative(text, at, end, places)
        if turn is None and (bare := _representative(text, at, end, places, verb=False)) is not None \
                and _PARTICIPLE.match(text, bare.speaker.end, end):
            turn = bare
        if turn is not None:
            out.append((at, turn))
    # A delegate named in passing is often quoted again in full further on: it speaks here only if not.
    return [(at, replace(turn, recap=True)) for at, turn in out]


def _speaks_after(text: str, at: int, end: int) -> bool:
    return _PARTICIPLE.match(text, at, end) is not None or _verb_follows(text, at, end, True)


def _office_between(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """An office printed between two commas before a name ("the Assembly President"), if any."""
    if _OFFICE_BEFORE.fullmatch(text, start, end) and _TITLE_WORD.search(text, start, end):
        return " ".join(text[start:end].split()), start, end
    return None


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
    elif (titled := _READER_TITLE.match(text, person.end(), end)) is not None and _TITLE_WORD.search(titled["title"]):
        delegation = _office(titled["title"], titled.span("title"), places)
        after = titled.end()
        if delegation is not None and (delegation.entity.key == "united-nations"
                                       or delegation.entity.category == "UNEntity"):
            # "remarks delivered by X, Assistant Secretary-General for ...": an official speaking for the Organization
            return Turn(_speaker(person), delegation, " ".join(titled["title"].split()), _lead_end(text, after, end))
        if delegation is not None and delegation.entity.kind != "state":
            return None  # only a State holds the Council's presidency
    elif m["pre"] and _OFFICE_ENDS.match(text, person.end(), end):
        # "press statement on Liberia by Security Council President X:", the State not printed: the office's organ.
        delegation, after = _office(m["pre"], m.span("pre"), places), person.end()
    else:
        return None
    post = _READER_POST.match(text, after, end)
    office = m["pre"] or (post["post"] or "Council President" if post else None)
    if office is None and _PRESIDENTIAL.search(text, max(0, m.start() - 80), m.start()):
        office = "Council President"  # "a presidential statement read out by X, First Deputy Prime Minister of Y"
    if delegation is None or office is None:
        return None  # "signed by X (Y)": only a statement read out by the Council's President
    role = " ".join(re.sub(r"^the\s+", "", office).split())
    after = post.end() if post else after
    return Turn(_speaker(person), delegation, role, _lead_end(text, after, end))


