"""Adoption and votes: what was adopted (or failed) at the meeting, by how many votes.

Forms handled::

    Unanimously adopting resolution 2388 (2017) ...
    In a unanimous vote, the Council ... by adopting resolution 1656 (2006)      (also "Acting unanimously, ...")
    adopting resolution 1566 by consensus          the Committee approved the text without a vote
    adopted resolution 2401 (2018) by a vote of 13 in favour to none against, with 2 abstentions (China, Russian Federation)
    The draft received 13 votes in favour to 1 against (Russian Federation), with 1 abstention (China)
    failed to adopt ... owing to the negative vote of a permanent member
    was defeated by a vote of 10 in favour to 1 against / failed to be adopted / was rejected /
    did not obtain the required number of votes / failed to pass owing to the negative vote of the United States
    adopted by a recorded vote of 122 in favour to 5 against (...), with 12 abstentions (...)
    The Assembly adopted the resolution on ... by a recorded vote of ...      (no symbol: an unnamed draft)
    Adopted at the 39th meeting by 10 votes to none, with 1 abstention (Union of Soviet Socialist Republics).
    Adopted unanimously at the 3318th meeting.
    by a vote of 11 in favour, none against with 4 abstentions      received 11 affirmative votes, two abstentions
    (...), and two negative votes (...)      4 in favour (...) to 9 against (...), with 2 abstaining (...)
    27 in favour and 19 opposed      Adopted by Vote of 11-0-4 / by 14-0-1 (headlines)
    by a vote of 2 against to 2 in favour, with 11 abstentions      14 in favour and 1 abstention (United States)
    An amendment ... was rejected / the Council rejected the amendment / That amendment was adopted by a vote of
    with 14 Members Voting in Favour, United States Abstaining      the text failed - by a vote of ... - to garner
    It took that action by a vote of ...      Also, by a vote of ..., the Assembly urged ...
    the Committee retained preambular paragraph 32, by a vote of ...      (a separate vote: an action on a text)
    deciding to retain it by a vote of ...      rejected a counterproposal by a recorded vote of ...
    by a recorded vote of 109 in favour to 1against, with 48abstentions      (figures fused with their words)
    drew 9 votes in favour with 4 abstentions ... negative votes of two permanent members (China, Russian Federation)
    adopted two resolutions by consensus      (two actions)
    a resolution unanimously adopted today ... By the terms of resolution 1315 (2000), the Council ...
    On 10 April, the Assembly adopted ...      (a paragraph opening on a date looks back: no action)

An amendment put to the vote is an action on a text of its own; a procedural motion put to the vote (to
adjourn, to take no action, the provisional agenda) is a vote on no text, a "motion", which no permanent
member can veto.
A text the release names by no symbol is keyed by the sentence that reports it, so that several
such texts in one release stay apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from councilgraph.extract.citations import document_refs
from councilgraph.extract.gazetteer import Gazetteer
from councilgraph.extract.records import DocumentRef, Finding, Vote
from councilgraph.extract.scan import lower_ascii, may_hold
from councilgraph.ontology.reference import Entity

__all__ = ["ADOPTION", "votes_in_release", "votes_in_resolution_file", "vote_findings", "PERMANENT_MEMBERS"]

#: Permanent members of the Security Council (China's seat was held by the Republic of China until 1971,
#: the Russian Federation's by the USSR until 1991).
PERMANENT_MEMBERS = {"CHN", "FRA", "RUS", "GBR", "USA", "SUN"}

_NUMBER = r"(?:[\dIl]?\d|\d?[Il]|\d{3}|none|no|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen)"
_WORDS = {"none": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
          "fifteen": 15}
_LIST = r"(?:\s*\((?P<{0}>[^()]*(?:\([^()]*\)[^()]*)*)\))?"
# Counts in order, as resolution files and most releases print them: "13 in favour to none against, with 2
# abstentions (...)", "by 10 votes to none, with 1 abstention", "by 9 votes to 2 (France, United Kingdom)".
_COUNTS = re.compile(
    rf"(?P<favour>{_NUMBER})\s+(?:votes\s+)?(?:in\s+favour\s+)?to\s+(?P<against>{_NUMBER})(?:\s+(?:votes\s+)?against)?"
    + _LIST.format("against_list")
    + rf"(?:,?\s+(?:with|and)\s+(?P<abstentions>{_NUMBER})\s+(?:abstentions?|abstaining)"
    + _LIST.format("abstaining_list") + ")?",
    re.I,
)
# "23 to 27 September" is no vote: a count says "votes", "in favour" or "against".
_COUNT_WORD = re.compile(r"\b(?:votes?|favour|against)\b", re.I)
# Counts each named by its word, in any order and with any joint: "11 in favour, none against with 4
# abstentions", "4 in favour (China, ...) to 9 against (...)", "11 affirmative votes, two abstentions (...),
# and two negative votes (...)", "27 in favour and 19 opposed", "with 2 abstaining (China, Egypt)".
# A figure may be fused with its word in reading ("1against", "48abstentions").
_GAP = r"(?:\s+|(?<=\d)(?=[a-z]))"
# "10 Council members voted in favour ..., one voted against (United States), and four members (...) abstained".
# "151 delegates in favour", "with 99 countries voting in favour of it to 52 against".
_WHO = r"(?:(?:Council\s+)?members?|countries|delegates|delegations|(?:Member\s+)?States)\s+"
_VOTED = rf"(?:{_WHO})?(?:voted|voting)\s+"
_KEYED_FAVOUR = re.compile(
    rf"\b(?P<n>{_NUMBER}){_GAP}(?:(?:votes?\s+)?in\s+favou?r|affirmative\s+votes?|{_VOTED}in\s+favou?r|{_WHO}in\s+favou?r)\b"
    + _LIST.format("list"), re.I)
_KEYED_AGAINST = re.compile(
    rf"\b(?P<n>{_NUMBER}){_GAP}(?:(?:votes?\s+)?against|negative\s+votes?|opposed|{_VOTED}against)\b" + _LIST.format("list"),
    re.I)
_KEYED_ABSTAINING = re.compile(rf"\b(?P<n>{_NUMBER}){_GAP}(?:(?:(?:Council\s+)?members?\s+)?(?=\()"
                               + _LIST.format("list") + r"\s+abstained|(?:abstentions?|abstaining|abstained)\b"
                               + _LIST.format("list_after") + ")", re.I)
# Each keyed pattern with the words (lower case) one of which any match of it contains.
_KEYED = (("favour", _KEYED_FAVOUR, ("favo", "affirmative")), ("against", _KEYED_AGAINST, ("against", "negative", "opposed")),
          ("abstaining", _KEYED_ABSTAINING, ("abst",)))
_COUNT_WORDS = ("vote", "favour", "against")  # a counted _COUNTS match contains one (see _COUNT_WORD)
# A vetoed draft told by its support: "garnered support from 13 Council members, ..., with another permanent
# member (United Kingdom) abstaining", "despite affirmative votes by the other 14 members".
_SUPPORT = re.compile(rf"\b(?:support\s+(?:from|of)|(?:affirmative|favourable)\s+votes?\s+(?:by|from|of))\s+"
                      rf"(?P<other>the\s+other\s+)?(?P<n>{_NUMBER})\s+(?:Council\s+)?members\b", re.I)
_SUPPORT_WORDS = ("support", "vote")  # every match of _SUPPORT holds one
_NAMED_ABSTAINING = re.compile(r",?\s+(?:(?:[Ww]ith|and)\s+)?(?:[Tt]he\s+)?"
                               r"(?P<list>[A-Z][\w'.-]*(?:\s+(?:[A-Z][\w'.-]*|and|of|the))*?)\s+[Aa]bstain(?:ing|ed)\b")
_ABSTAINING_NAMED = re.compile(r"\((?P<list>[^()]*)\)\s+abstaining\b", re.I)
# A tally in headlines: "by Vote of 11-0-4", "Adopted by 13-0-2 Vote", "by 14-0-1".
_TALLY = re.compile(r"(?:\bby\s+(?:a\s+)?(?:(?:recorded\s+)?vote\s+of\s+)?)(?P<f>\d{1,3})-(?P<a>\d{1,3})-(?P<b>\d{1,3})(?![\d-])"
                    r"|(?<![\d-])(?P<f2>\d{1,3})-(?P<a2>\d{1,3})-(?P<b2>\d{1,3})\s+vote\b", re.I)


@dataclass(frozen=True)
class _Counts:
    """One set of counts, with the spans of the lists of States voting against and abstaining."""

    favour: int
    against: int | None  # None: told only by the support a vetoed draft had, worked out from the vetoes
    abstentions: int | None
    start: int
    end: int
    against_list: tuple[int, int] | None = None
    abstaining_list: tuple[int, int] | None = None
    against_told: bool = True  # False: favour and abstentions only, "14 in favour and 1 abstention (United States)"


# The text ends within three short words, no sentence closed: a page copied short of its end ("70 in favour t",
# "52 aga"); not "70 in favour of the amendment", which is no count.
_CUT_OFF = re.compile(r"(?!\s+of\b)(?:\s+\w{1,12}){0,3}\s*")


def _list_span(m: re.Match[str] | None, group: str) -> tuple[int, int] | None:
    return (m.start(group), m.end(group)) if m is not None and m[group] is not None else None


def _counts(text: str, start: int, end: int) -> list[_Counts]:
    """Every set of counts in ``text[start:end]``, left to right (a sentence may tell of two votes)."""
    found: list[_Counts] = []
    # Each count is named by its word, so their order is free ("2 against to 2 in favour"); a kind told twice
    # opens the next vote's counts. A vote is counted by its votes in favour and either other count: "14 in
    # favour and 1 abstention (United States)" tells of no vote against.
    # Most sentences name no count word: a substring test on the lower-cased ASCII sentence skips the three
    # case-insensitive scans (a sentence outside ASCII, where re.I folds more than lower(), is always scanned).
    low = lower_ascii(text, start, end)
    keyed = sorted(((m.start(), kind, m) for kind, pattern, words in _KEYED
                    if may_hold(low, words)
                    for m in pattern.finditer(text, start, end)), key=lambda k: k[0])
    groups: list[dict[str, re.Match[str]]] = []
    cut = None  # the votes in favour of a sentence the text cuts off, if nothing else is counted
    for _, kind, m in keyed:
        if not groups or kind in groups[-1]:
            groups.append({})
        groups[-1][kind] = m
    for i, group in enumerate(groups):
        favour, against, abstaining = group.get("favour"), group.get("against"), group.get("abstaining")
        if favour is not None and against is None and abstaining is None:
            # "with 14 members voting in favour, United States abstaining": the abstainers named, not counted.
            stop = min(groups[i + 1].values(), key=lambda m: m.start()).start() if i + 1 < len(groups) else end
            named = _NAMED_ABSTAINING.match(text, favour.end(), stop)
            if named is not None:
                found.append(_Counts(_count(favour["n"]), None, None, favour.start(), named.end(),
                                     abstaining_list=_list_span(named, "list"), against_told=False))
            elif i + 1 == len(groups) and _CUT_OFF.fullmatch(text, favour.end()):
                # "adopted by a recorded vote of 70 in favour t": the copy of the page ends there.
                cut = _Counts(_count(favour["n"]), None, None, favour.start(), favour.end(), against_told=False)
            continue
        if favour is None:
            continue
        told = [m for m in (favour, against, abstaining) if m is not None]
        found.append(_Counts(_count(favour["n"]), _count(against["n"]) if against else None,
                             _count(abstaining["n"]) if abstaining else 0,
                             min(m.start() for m in told), max(m.end() for m in told),
                             _list_span(against, "list"),
                             # "two members (...) abstained" or "with 2 abstentions (...)"
                             _list_span(abstaining, "list") or _list_span(abstaining, "list_after"),
                             against_told=against is not None))
    if found:
        return found
    for m in (_COUNTS.finditer(text, start, end) if may_hold(low, _COUNT_WORDS) else ()):
        if _COUNT_WORD.search(m[0]):
            # No abstentions told: none, unless the text is cut off before they could be ("52 aga").
            abstentions = _count(m["abstentions"]) if m["abstentions"] else (
                None if _CUT_OFF.fullmatch(text, m.end()) else 0)
            found.append(_Counts(_count(m["favour"]), _count(m["against"]), abstentions, m.start(), m.end(),
                                 _list_span(m, "against_list"), _list_span(m, "abstaining_list")))
    if found:
        return found
    found = [_Counts(int(m["f"] or m["f2"]), int(m["a"] or m["a2"]), int(m["b"] or m["b2"]), m.start(), m.end())
             for m in (_TALLY.finditer(text, start, end) if text.find("-", start, end) >= 0 else ())]
    if found:
        return found
    for m in (_SUPPORT.finditer(text, start, end) if may_hold(low, _SUPPORT_WORDS) else ()):
        named = _ABSTAINING_NAMED.search(text, m.end(), end)
        # "the other 14 members": every member but the vetoing ones voted in favour.
        found.append(_Counts(_count(m["n"]), None, 0 if m["other"] else None, m.start(), m.end(),
                             abstaining_list=_list_span(named, "list")))
    return found or ([cut] if cut is not None else [])


# The nominal forms name this meeting's action: "By the unanimous adoption of resolution 1566 (2004)", "through
# its adoption of", "It also saw the adoption of"; bare "since the adoption of resolution 1325" looks back.
_ADOPTING = re.compile(
    r"\b(?:adopting|adopted|adopts|passed(?=\s+(?:by|with|unanimously)\b)|(?P<approving>approving|approved|approves|retain(?:ing|ed|s)?)|"
    r"(?P<nominal>(?:(?:by|through|with|saw)\s+(?:its|the)\s+(?:unanimous\s+)?|the\s+unanimous\s+|"
    r"(?:Assembly|Council|Committee)['\u2019]s\s+)adoption(?:,\s+[^,.]{1,40},)?\s+of)|"
    r"(?P<consensus>reach(?:ed|es|ing)?\s+consensus\s+on))\b", re.I)
_ADOPTING_WORDS = ("adopt", "pass", "approv", "retain", "consensus")  # every match of _ADOPTING holds one
# An adoption told as past or unreal ("the Council had adopted resolution 1373", "Had the draft been adopted",
# "would have been adopted") or denied ("did not adopt", "failed to reach consensus on") is no action of the meeting.
_NOT_THIS_MEETING = re.compile(
    r"(?:\bhad|\bwould\s+have|\bif|\bunless|\bnot|\bfail(?:ed|s)?\s+to|\bunable\s+to)\s+(?:[\w'\u2019-]+\s+){0,3}?(?:been\s+)?$", re.I)
# "five years later", "a decade ago", "On that date, the Council adopted": the adoption told is older.
# Not "the draft, previously introduced on 7 November": that tells of the text, not of its adoption.
_EARLIER = re.compile(r"\b(?:prior\s+to|before)\s+today|\bpreviously\b(?!\s+(?:introduced|submitted|presented|circulated|"
                      r"tabled|considered|discussed)\b)|\b(?:years?|decades?)\s+(?:later|ago)\b"
                      r"|\b[Oo]n\s+that\s+(?:date|day|occasion)\b", re.I)  # a date the sentence before gave
# A release does not date the meeting's own action: "adopted on 28 September", "adopted in 2001", "adopted a
# revised scale in 2000" look back.
_DATED = re.compile(r"(?:\s+[a-z][\w'-]*){0,3}?\s+(?:on|in)\s+(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|"
                    r"October|November|December|(?:19|20)\d\d)\b|\s+last\s+(?:year|month|week)\b")
# A paragraph that opens on a date ("On 10 April, the Assembly adopted ...") recounts an earlier meeting: a release
# tells of its own meeting's action as "today".
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATED_PARAGRAPH = re.compile(rf"\s*On\s+(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}})(?:,?\s+(?:19|20)\d\d)?,")
# The text adopted comes right after the verb ("adopted, by a recorded vote of ..., draft resolution A/64/L.12",
# "adopted the draft contained in document A/69/L.85"); a symbol further on is cited in the text's description.
_OBJECT_GAP = 70
_QUOTED_TITLE = re.compile(r"\"[^\"]{1,200}\"")  # a text's title does not count: "the draft, "The law of ..." (A/C.6/77/L.12)"
# Or right before it: "Resolution 1203 (1998), Adopted by 13-0-2 Vote", "Through resolution 2182 (2014), adopted
# ... by a vote of", "draft resolution A/69/L.85, which was adopted as orally revised", "The amendment
# (document A/80/L.7) was adopted".
_BEFORE_THE_VERB = re.compile(r"\)?\s*,?\s*(?:(?:which\s+)?(?:was|were)\s+)?(?:(?:also|then|today|subsequently)\s+)?$", re.I)
# The text is the sentence's subject: "Resolution 2177 (2014) was adopted unanimously".
_SUBJECT = re.compile(r"(?:(?:The|Draft)\s+)?(?:draft\s+)?(?:[Rr]esolution\s+)?")
_REVISED = re.compile(r"\s+as\s+(?:orally\s+)?(?:revised|amended)\b", re.I)
_DRAFT_SYMBOL = re.compile(r"/L\.\d")  # "A/69/L.85", "A/C.3/61/L.20": drafts, only ever acted upon at a meeting
# Anywhere in the sentence: "In a unanimous vote, the Council ... by adopting", "Acting unanimously, ...".
_UNANIMOUS = re.compile(r"\bunanimously\b|\bunanimous\s+(?:vote|decision|adoption)\b", re.I)
_WITHOUT_VOTE = re.compile(r"\bwithout\s+(?:a\s+)?votes?\b|\bby\s+(?:consensus|acclamation)\b|\bconsensus\s+on\b", re.I)
# An aside between dashes ("failed -- by a vote of ... -- to garner"); reading prints a dash as "-" or "--".
_ASIDE = r"(?:-{1,2}|[\u2014\u2013])\s[^\u2014\u2013]*?\s(?:-{1,2}|[\u2014\u2013])\s+"
# Only a failure of the text itself: "veto" alone also names a subject ("a resolution on the use of the veto").
_FAILED = re.compile(
    # "failed to pass", "the text failed -- by a vote of ... -- to garner the required number of votes"
    r"\b(?:failed\s+(?:" + _ASIDE + r"|(?:today|again|once\s+again|this\s+(?:morning|afternoon|evening))\s+)?"
    r"to\s+(?:adopt|be\s+adopted|pass|carry|"
    r"(?:garner|obtain|receive|win|get)\s+the\s+(?:required|requisite|necessary))|(?:was|were)\s+not\s+adopted|"
    r"(?:owing|due)\s+to\s+the\s+negative\s+votes?|(?:was|were)\s+vetoed|vetoed\s+(?:a|the)\s+draft|"
    r"(?:was|were)\s+(?:defeated|rejected)|defeated\s+by|"
    # "rejected the amendment", "rejected -- by a vote of ... -- amendments proposed by ...", "rejected, also by
    # recorded vote, an oral amendment"
    r"(?:rejected|defeated)(?:\s+" + _ASIDE + r"|,\s[^,.]{1,50},\s+|\s+)"
    r"(?:(?:(?:the|a|an|its)\s+|[A-Z][\w-]*['\u2019]s\s+)(?:[\w'\u2019-]+\s+){0,3}?"
    r"(?:draft|text|amendment|counter-?proposal|motion|proposal)|amendments)|"
    r"did\s+not\s+(?:obtain|receive|win|garner)\s+the\s+(?:required|requisite|necessary)\s+(?:number\s+of\s+)?votes|"
    r"lack(?:ed|ing)\s+the\s+(?:minimum|required|requisite|necessary)\s+number\s+of\s+(?:affirmative\s+)?votes)\b",
    re.I)
_FAILED_WORDS = ("fail", "not", "negative", "veto", "defeat", "reject", "lack")  # every match of _FAILED holds one
# "while two others ... were defeated": more texts, called "others", their fate told at the clause's end.
_OTHERS = r"others(?=\s[^.;]*\b(?:were|was)\s+(?:defeated|rejected))"
# A text without symbol is acted upon only in a sentence that names one ("the text", "the draft
# resolution"); "ISIL was defeated" is no vote. An amendment put to the vote is an action on a text of
# its own, and so is a paragraph put to a separate vote ("retained operative paragraph 5 by a vote of ...");
# a procedural motion, a proposal, an adjournment is not, when the sentence names it before any text (its vote is
# on a "motion").
_TEXT_OR_NOT = re.compile(r"\b(?:(?P<text>(?:draft|resolution|text|decision|report|amendment|paragraph|"
                          rf"counter-?proposal)s?|(?:two|three)\s+{_OTHERS})|"
                          r"(?P<procedure>motions?|proposals?|adjourn\w*|no-action|postpone\w*|defer\w*|(?:provisional\s+)?agenda))\b", re.I)
# A round-up's tally ("failed to adopt a total of seven draft resolutions") reports no one action.
# So does a share of many: "adopted -- among 32 development-related actions -- a series of resolutions", "out of 38".
_TALLY_OF_TEXTS = re.compile(r"\b(?:a\s+total\s+of\s+[\w-]+|(?:among|out\s+of)\s+(?:more\s+than\s+|some\s+|the\s+)?\d[\w-]*)"
                             r"\s+(?:[\w-]+\s+){0,2}?"
                             r"(?:draft\s+)?(?:resolutions|texts|drafts|decisions|actions)\b"
                             # "each proposed amendment was defeated": every one of texts not counted
                             r"|\b(?:each|every)\s+(?:[\w-]+\s+)?(?:draft|text|amendment|proposal)\b", re.I)
_INCLUDING_ONE = re.compile(r",\s+including\s+(?P<text>(?:a|one)\s+(?:new\s+)?(?:draft\s+)?(?:resolution|text|draft|decision)"
                            r"\s+on)\b", re.I)
_WERE_PASSED = re.compile(r"\b(?:were|was)\s+passed\b")
_SEVERAL = re.compile(r"\b(?P<n>two|three|[23])\s+(?:(?:competing|rival|separate|other)\s+)?(?:draft\s+)?"
                      rf"(?:resolutions|texts|drafts|{_OTHERS})\b", re.I)
# The object of the verb is a draft: "approving a new draft resolution on ...", "adopted a draft decision".
_DRAFT_OBJECT = re.compile(r"\s+(?:a|the|an)\s+(?:new\s+|revised\s+|further\s+|separate\s+)?draft\s+"
                           r"(?:resolution|text|decision)\b", re.I)
# "adopted two resolutions by consensus": one action each, when no count tells them apart.
_SEVERAL_ADOPTED = re.compile(r"\s+(?P<n>two|three|[23])\s+(?:draft\s+)?(?:resolutions|texts|drafts|decisions)\b",
                              re.I)
# "according to one of 12 draft resolutions approved without a vote": the lead of a committee's round-up, which
# then describes the other texts one by one ("By another draft, on ..., the Assembly would ...").
_ONE_OF_SEVERAL = re.compile(r"\bone\s+of\s+(?:the\s+)?(?P<n>\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                             r"twelve|thirteen|fourteen|fifteen)\s+(?:[\w-]+\s+){0,3}?(?:approved|adopted)\b", re.I)
_ANOTHER_TEXT = re.compile(r"(?:By\s+(?:the\s+terms\s+of\s+)?|Under\s+|In\s+)?(?:another|a\s+(?:further|separate|second|"
                           r"third)|the\s+(?:second|third|next|other))\s+(?:draft\s+)?(?:resolution|text|draft)\b", re.I)
# The counts of the text approved in the sentence before: "The vote was 141 in favour to 1 against".
_THE_VOTE_WAS = re.compile(r"(?:The|That|Its|The\s+recorded)\s+vote\s+(?:was|stood\s+at)\b")
# "By the terms of resolution 1315 (2000), the Council ...": the text a release told of unnamed.
_BY_THE_TERMS = re.compile(r"By\s+the\s+terms\s+of\s+(?=resolution\b)")
_LOOKS_BACK = re.compile(r"\b(?:had|has|have)\b")
_REPORTED = re.compile(r"\b(?:said|says|stated|stressed|added|argued|explained|warned|declared)\b", re.I)
_VETOED_BY = re.compile(r"\b(?:(?:negative\s+votes?|vetoe?s?)\s+(?:cast\s+)?(?:of|by)|vetoed\s+by)\s+", re.I)
# "the negative votes of two permanent Council members (China, Russian Federation)": the States in brackets.
_MEMBERS_NAMED = re.compile(rf"(?:the\s+)?{_NUMBER}\s+permanent\s+(?:Council\s+)?members?\s*\(", re.I)
_LEADING_THE = re.compile(r"(^|,\s*|\s+and\s+)the\s+")
_TITLE = re.compile(r"[.!?][)\"\u201d\u2019]?\s*$")  # a paragraph that ends like a sentence is no headline
# Nor is one with a sentence ending inside it: the last paragraph of a text cut mid-sentence.
_SENTENCE_INSIDE = re.compile(r"[a-z\d)][.!?][)\"\u201d\u2019]?\s+[A-Z\u201c\"]")
# The adoption record of a resolution file; resolution_text uses it to skip that record under the title.
ADOPTION = re.compile(
    r"Adopted\s+(?P<unanimous>unanimously\b)?,?\s*(?:without\s+(?:a\s+)?vote,?\s*)?"
    r"(?:(?:at|ai)\s+the|the|by\s+the\s+Security\s+Council\s+at\s+its)\s+"
    r"(?P<meeting>\d{1,5})\s?(?:st|nd|rd|th|h)\s+(?:\(\w+\)\s+)?meet-?\s*ings?"  # "(private) meeting", "meet-\ning"
)
# A sentence the layout broke across two paragraphs: one ends on a joining word, the next goes on in lower case.
_BROKEN_OFF = re.compile(r"\b(?:with|to|of|by|and|in|a|the|for|on)\s*$")
_GOES_ON = re.compile(r"[a-z\d]")
# A vote told by its counts alone, of the action the sentence before told: "It took that action by a vote of".
_TOOK_ACTION = re.compile(r"\b(?:took|takes|taking)\s+(?:that|this|the|such)\s+(?:action|decision)\s+by\s+(?:a\s+)?"
                          r"(?:(?:recorded|roll-call)\s+)?vote\s+of\b", re.I)
# Or of the action the sentence goes on to tell: "Also, by a vote of ..., the Assembly urged".
_BY_A_VOTE_FIRST = re.compile(r"(?:(?:also|then|next|further|finally|similarly|in\s+addition),?\s+)?by\s+(?:a\s+)?"
                              r"(?:(?:recorded|roll-call|procedural)\s+)?vote\s+of\b", re.I)
_IN_YEAR = re.compile(r"\b[Ii]n\s+((?:19|20)\d\d)\b")
_ORGAN_ACTS = re.compile(r"[^,]{0,40},\s+the\s+(?:General\s+Assembly|Security\s+Council|Assembly|Council|"
                         r"(?:[A-Z]\w+\s+)?Committee)\s+[a-z]+ed\b")
# ", and approved without a vote a draft on ...": a second action in the sentence.
# Or ", while two others ..., were defeated": more texts, their fate told at the clause's end.
_SECOND_ACTION = re.compile(r",\s+and\s+(?:then\s+|also\s+)?(?=(?:adopted|approved)\s+(?:without|by|unanimously|a\s|the\s))"
                            r"|,\s+while\s+(?=(?:two|three|another|the\s+other)\s+(?:others?|drafts?|texts?)\b)")
_SENTENCE = re.compile(r"(?:[^.]|\.(?!\s|$))+(?:\.|$)")  # full stops inside symbols ("A/78/L.30") do not end it
_HYPHENATION = re.compile(r"(?<=[a-z])-\s+(?=[a-z])")
_INVERTED = re.compile(r"(?P<name>[A-Z][a-z]+), (?P<qualifier>(?:[A-Z][a-z]+ )+of(?: the)?)(?=,|$| and)")
_STATE_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")


_OCR_DIGITS = str.maketrans("IilL", "1111")


def _count(word: str) -> int:
    digits = word.translate(_OCR_DIGITS)  # OCR: "I abstention", "I1 votes"
    return int(digits) if digits.isdigit() else _WORDS[word.lower()]


def _states(text: str, start: int, end: int, places: Gazetteer) -> tuple[Entity, ...]:
    # Lists in resolution files are hard-wrapped and hyphenated ("United King- dom", "( Yugoslavia)"):
    # read a cleaned copy; the States matter here, not their offsets.
    text = " ".join(_HYPHENATION.sub("", text[start:end]).split())
    text = _INVERTED.sub(lambda m: f"{m['qualifier']} {m['name']}", text)  # "Germany, Federal Republic of"
    start, end = 0, len(text)
    found = []
    pos = start
    while pos < end:
        match = places.match_at(text, pos)
        if match is None:
            break
        found.append(match.entity)
        sep = _STATE_SEPARATOR.match(text, match.end, end)
        if sep is None:
            break
        pos = sep.end()
    return tuple(e for e in found if e.kind == "state")


def _vote(text: str, counts: _Counts | None, document: DocumentRef, meeting: int | None, adopted: bool,
          unanimous: bool, places: Gazetteer, start: int, end: int, without_vote: bool = False,
          security_council: bool = True) -> Vote:
    against_states: tuple[Entity, ...] = ()
    abstaining: tuple[Entity, ...] = ()
    favour = against = abstentions = None
    if counts is not None:
        favour, against, abstentions = counts.favour, counts.against, counts.abstentions
        if counts.against_list is not None:
            against_states = _states(text, *counts.against_list, places)
        if counts.abstaining_list is not None:
            abstaining = _states(text, *counts.abstaining_list, places)
            if abstentions is None and (abstaining or counts.against_told):
                abstentions = len(abstaining)
        members = 15 if (document.year or 9999) >= 1966 else 11
        if (not counts.against_told and security_council and abstentions is not None
                and favour + abstentions == members):
            against = 0  # every member of the Council voted in favour or abstained
    elif unanimous and adopted and security_council:
        # Every member voted in favour: 15 since the enlargement of 1966, 11 before.
        favour = 15 if (document.year or 9999) >= 1966 else 11
        abstentions, against = 0, 0
    vetoed: tuple[Entity, ...] = ()
    if not adopted and security_council and document.kind != "motion" and _had_the_votes(favour, document):
        vetoed = tuple(dict.fromkeys(state for state in (*against_states, *_named_vetoes(text, start, end, places))
                                     if state.key in PERMANENT_MEMBERS))
    if (counts is not None and not counts.against_told and against is None and vetoed and abstentions is not None
            and favour + abstentions + len(vetoed) == (15 if (document.year or 9999) >= 1966 else 11)):
        against = len(vetoed)  # "drew 9 votes in favour with 4 abstentions": the two vetoes were the votes against
    return Vote(document=document, meeting=meeting, adopted=adopted, unanimous=unanimous, in_favour=favour,
                against=against, abstentions=abstentions, against_states=against_states,
                abstaining_states=abstaining, vetoed_by=vetoed, start=start, end=end, without_vote=without_vote)


def _had_the_votes(favour: int | None, document: DocumentRef) -> bool:
    """Whether a failed draft had the votes to pass (9 of 15; 7 of 11 before 1966): only then is a
    permanent member's negative vote a veto."""
    return favour is None or favour >= (9 if (document.year or 9999) >= 1966 else 7)


def _named_vetoes(text: str, start: int, end: int, places: Gazetteer) -> tuple[Entity, ...]:
    """The States after "owing to the negative vote of" or "vetoed by" ("... of China and the Russian Federation")."""
    m = _VETOED_BY.search(text, start, end)
    if m is None:
        return ()
    members = _MEMBERS_NAMED.match(text, m.end(), end)
    named = _LEADING_THE.sub(lambda g: g[1], text[members.end() if members else m.end():end])
    return _states(named, 0, len(named), places)


def votes_in_release(text: str, paragraphs: list[tuple[int, int]], meeting: int | None, places: Gazetteer,
                     security_council: bool = True, year: int | None = None) -> list[Vote]:
    """Votes reported in the summary paragraphs of a release, one per text acted upon.

    ``year``, the release's, tells an action of this meeting from one a sentence recalls: a resolution of another
    year ("spurred by the adoption of resolution 1325 (2000)" in 2010) or a draft "vetoed in 1980" was no action
    of this meeting.

    ``security_council`` says whose rules apply: the Council's membership for unanimous counts, and
    its permanent members' vetoes; other organs have neither.
    """
    votes: dict[str | int, Vote] = {}  # by symbol, or by sentence offset for a text without symbol
    pending: list[str | int] = []  # failed texts (by symbol, or sentence offset), whose counts may follow
    headlines: list[int] = []  # texts without symbol named in a headline, until the summary tells of them
    titled_refs: set[str] = set()  # texts whose counts so far come from a headline
    described: list[DocumentRef] = []  # "By the terms of resolution 1315 (2000), the Council decided ..."
    announced = 0  # texts a sentence adopted together ("approved three drafts"), whose details may follow
    untold: list[int] = []  # texts adopted with nothing said of the vote, which a later sentence may tell again
    series: Vote | None = None  # "one of 12 drafts approved without a vote": the lead's action
    series_left = 0  # how many more of its texts the release may go on to describe
    counted_next: int | None = None  # a text approved with nothing said of the vote, whose counts may follow

    for start, end in _unbroken(text, paragraphs):
        titled = _TITLE.search(text, start, end) is None and _SENTENCE_INSIDE.search(text, start, end) is None
        if _DATED_PARAGRAPH.match(text, start, end):
            continue
        for s, e in _clauses(text, start, end):
            if _BY_THE_TERMS.match(text, s, e) and not _LOOKS_BACK.search(text, s, e):
                described += [r for r in document_refs(text, s, e, year=year)[0][:1] if r.kind == "resolution" and r.year]
            if series is not None and series_left and _ANOTHER_TEXT.match(text, s, e):
                series_left -= 1  # "By another draft, on ..., the Assembly would": one more of the round-up's texts
                votes[s] = replace(series, document=_draft(s), start=s, end=e)
                continue
            counts = next(iter(_counts(text, s, e)), None)
            approved, counted_next = counted_next, None  # a text approved in the sentence before, its vote untold
            low = lower_ascii(text, s, e)
            adopting = _adoption_verb(text, s, e) if may_hold(low, _ADOPTING_WORDS) else None
            failed = _FAILED.search(text, s, e) if may_hold(low, _FAILED_WORDS) else None
            if failed is not None and _REPORTED.search(text, s, failed.start()):
                failed = None  # "his delegation rejected the text", he said: a speaker's stand, not the outcome
            if failed is not None and year is not None and any(int(y) != year for y in _IN_YEAR.findall(text, s, e)):
                failed = None  # "... in 1980, when the Soviet Union vetoed a draft resolution": years ago
            if not (adopting or failed or counts or (text.find("passed", s, e) >= 0 and _WERE_PASSED.search(text, s, e))):
                continue  # most sentences: no need to look for the documents they name
            tally = _TALLY_OF_TEXTS.search(text, s, e)
            if tally and not (adopting and adopting.end() < tally.start() and _DRAFT_OBJECT.match(text, adopting.end())):
                # A round-up's tally, unless the sentence first adopts one draft ("Approving a new draft ...") or
                # singles one out: "A total of 55 drafts were passed without a vote, including a text on privacy".
                if (adopting is not None or _WERE_PASSED.search(text, s, e)) \
                        and (one := _INCLUDING_ONE.search(text, tally.end(), e)) is not None:
                    votes[one.start("text")] = _vote(text, counts, _draft(one.start("text")), meeting, True, False,
                                                     places, one.start("text"), e,
                                                     counts is None and bool(_WITHOUT_VOTE.search(text, s, e)),
                                                     security_council)
                continue

            def vote(document: DocumentRef, adopted: bool, unanimous: bool = False, without_vote: bool = False,
                     s: int = s, e: int = e, counts: _Counts | None = counts) -> Vote:
                return _vote(text, counts, document, meeting, adopted, unanimous, places, s, e, without_vote,
                             security_council)
            if approved is not None and counts is not None and _THE_VOTE_WAS.match(text, s, e):
                votes[approved] = vote(_draft(approved), True, s=approved)  # the two sentences are the evidence
                continue

            refs = [r for r in document_refs(text, s, e, year=year)[0]
                    if r.kind in ("resolution", "ga-resolution", "document")]
            named = _TEXT_OR_NOT.search(text, s, e)
            text_named = named is not None and named["text"] is not None
            procedure = named is not None and named["procedure"] is not None
            others = text_named and named.group().lower().endswith("others")  # "while two others ... were defeated"
            if pending and not refs and (failed or (counts and not adopting)) and not others:
                if counts is not None:  # the failure told again, or only counted: "The draft received 13 votes"
                    key = pending.pop(0)
                    votes[key] = _counted(votes[key], vote(votes[key].document, False))
                continue
            if failed:
                # Only a draft fails: a resolution named in the sentence is cited by the draft, not voted on.
                drafts = [r for r in refs if r.kind == "document"]
                if drafts and (drafts[0].symbol not in votes or votes[drafts[0].symbol].in_favour is None):
                    votes[drafts[0].symbol] = vote(drafts[0], False)
                    pending = [drafts[0].symbol] if counts is None else []  # "The result was 13 votes in favour ..."
                elif not drafts and text_named:
                    # "Two draft texts ... failed to be adopted": one draft each, counted in the sentences after.
                    several = _SEVERAL.search(text, s, e) if counts is None else None
                    keys = [s + i for i in range(_count(several["n"]) if several else 1)]
                    for key in keys:
                        votes[key] = vote(_draft(s), False)
                    pending = keys if counts is None else []
                elif not drafts and procedure and counts is not None:
                    votes[s] = vote(_motion(s), False)  # "the motion was defeated by a vote of ...": a procedural vote
                continue
            if adopting is None and counts is not None and _counted_action(text, s, e, counts):
                # "It took that action by a vote of ...": the text told before; "By a procedural vote of ..., the
                # Council acted to include the item on its agenda": a motion.
                votes[s] = vote(_motion(s) if procedure else _draft(s), True)
                pending = []
                continue
            if adopting is None or _EARLIER.search(text, s, e):
                continue
            unanimous = bool(_UNANIMOUS.search(text, s, e)) and counts is None
            without_vote = ((bool(_WITHOUT_VOTE.search(text, s, e)) or bool(adopting["consensus"])) and counts is None
                            and not unanimous)
            # "Approving a new draft resolution on bullying, the Committee ...": the verb's object is a draft.
            drafted = _DRAFT_OBJECT.match(text, adopting.end()) is not None
            told = bool(counts or unanimous or without_vote)  # something said of the vote
            if adopting["approving"] and not (told or drafted):
                if text_named and not refs:
                    counted_next = s  # "it approved the ninth preambular paragraph. The vote was 141 in favour ..."
                continue  # "approved the programme of work", "retained its position": not the adoption of a text
            ref = _adopted_ref(text, refs, adopting, counts, titled or ((unanimous or without_vote) and bool(refs)
                                                                    and _SUBJECT.fullmatch(text, s, refs[0].start)))
            if ref is not None and year is not None and ref.year is not None and ref.year not in (year, year - 1):
                continue  # a resolution of another year was adopted at another meeting
            if ref is not None:
                # A headline's tally ("by 14-0-1") yields to the summary's counts, which name the States.
                if (ref.symbol not in votes or votes[ref.symbol].in_favour is None
                        or (ref.symbol in titled_refs and not titled and counts is not None)):
                    votes[ref.symbol] = vote(ref, True, unanimous, without_vote)
                    (titled_refs.add if titled else titled_refs.discard)(ref.symbol)
            elif procedure and counts is not None and not text_named:
                votes[s] = vote(_motion(s), True)  # "The motion to adjourn was adopted by a recorded vote of ..."
            elif (text_named or (counts and not procedure)) and (told or drafted):
                # A counted adoption is of a text even when the sentence calls it "the budget".
                several = _SEVERAL_ADOPTED.match(text, adopting.end()) if without_vote or unanimous else None
                if several is None and counts is None and announced:
                    announced -= 1  # "The Committee approved a draft on X": one of the texts the lead announced
                    continue
                if told and untold:
                    del votes[untold.pop(0)]  # "approved a draft on X" told again: "The draft was approved without a vote"
                for i in range(_count(several["n"]) if several else 1):
                    votes[s + i] = vote(_draft(s + i), True, unanimous, without_vote)
                if (one_of := _ONE_OF_SEVERAL.search(text, s, e)) is not None and told:
                    series, series_left = votes[s], _count(one_of["n"]) - 1
                if several is not None:
                    announced += _count(several["n"])
                if not told:
                    untold.append(s)
                pending = []
                if titled:
                    headlines.append(s)
    kept = _without_repeats(votes, headlines, security_council)
    unnamed = [i for i, v in enumerate(kept) if v.adopted and not v.document.symbol]
    if described and len(unnamed) == 1 and not any(v.document.symbol for v in kept):
        # The one text adopted unnamed is the resolution the release goes on to describe.
        told = kept[unnamed[0]]
        kept[unnamed[0]] = replace(told, document=replace(described[0], start=told.document.start,
                                                          end=told.document.end))
    return [_worked_out(v, text) for v in kept]


def _clauses(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The sentences of a paragraph, each cut where a second action begins: "approved a draft ... by a recorded vote
    of ..., and approved without a vote a draft on ..." tells of two texts."""
    for sentence in _SENTENCE.finditer(text, start, end):
        s, e = sentence.start() + len(sentence[0]) - len(sentence[0].lstrip()), sentence.end()
        if s == e:
            continue
        for cut in _SECOND_ACTION.finditer(text, s, e):
            yield s, cut.start()
            s = cut.end()
        yield s, e


def _unbroken(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The paragraphs, with a sentence broken across two of them ("by a vote of 100 in favour to one against
    with" / "46 abstentions, the Assembly urged ...") made whole again."""
    whole: list[tuple[int, int]] = []
    for start, end in paragraphs:
        if (whole and whole[-1][1] <= start and not text[whole[-1][1]:start].strip()
                and _BROKEN_OFF.search(text, whole[-1][0], whole[-1][1]) and _GOES_ON.match(text, start)):
            whole[-1] = (whole[-1][0], end)
        else:
            whole.append((start, end))
    return whole


def _counted_action(text: str, start: int, end: int, counts: _Counts) -> bool:
    """Whether a sentence without an adoption verb tells, by its counts, of a text adopted: "It took that action
    by a vote of ...", "Also, by a vote of 100 in favour ... with 46 abstentions, the Assembly urged ..."."""
    if _TOOK_ACTION.search(text, start, end):
        return True
    return bool(_BY_A_VOTE_FIRST.match(text, start)) and bool(_ORGAN_ACTS.match(text, counts.end, end))


def _adoption_verb(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first adoption verb of the sentence that tells of this meeting's action."""
    for m in _ADOPTING.finditer(text, start, end):
        if not _NOT_THIS_MEETING.search(text, max(start, m.start() - 60), m.start()) and not _DATED.match(text, m.end()):
            return m
    return None


def _adopted_ref(text: str, refs: list[DocumentRef], verb: re.Match[str], counts: _Counts | None,
                 titled: bool) -> DocumentRef | None:
    """The text the verb adopts: the symbol right after it ("Recalling resolution 2231 (2015), the Council
    adopted resolution 2713 (2023)"), else one right before a participle, where the sentence shows it is
    this meeting's action (counts, a headline, a draft symbol, "as orally revised")."""
    for ref in refs:
        if ref.start < verb.end():
            continue
        gap = text[verb.end():ref.start]
        if counts is not None and verb.end() <= counts.start and counts.end <= ref.start:
            gap = text[verb.end():counts.start] + text[counts.end:ref.start]  # "adopted, by a vote of ..., resolution"
        if len(_QUOTED_TITLE.sub("", gap).strip()) <= _OBJECT_GAP and ";" not in gap and "which" not in gap:
            return ref
        break
    if verb["nominal"] or verb["consensus"]:
        return None
    for ref in reversed(refs):
        if ref.end <= verb.start() and _BEFORE_THE_VERB.fullmatch(text, ref.end, verb.start()):
            if counts or titled or _DRAFT_SYMBOL.search(ref.symbol) or _REVISED.match(text, verb.end()):
                return ref
            break
    return None


def _without_repeats(votes: dict[str | int, Vote], headlines: list[int], security_council: bool) -> list[Vote]:
    """Drop the second account of one action: a headline's text told again in the summary, and (in the
    Council, which adopts a text or two a meeting) "the text" adopted that a symbol already names."""
    kept = dict(votes)
    for key in headlines:  # a headline gives the result, and often leaves out the abstentions
        told = votes[key]
        if any(other != key and vote.adopted == told.adopted and (vote.in_favour, vote.against) ==
               (told.in_favour, told.against) for other, vote in kept.items()):
            del kept[key]
    if security_council:
        named = [v for v in kept.values() if v.adopted and v.document.symbol]
        untold = [key for key, v in kept.items() if v in named and not _told(v)]
        told = [key for key, v in kept.items() if v.adopted and not v.document.symbol and _told(v)]
        if len(untold) == 1 and len(told) == 1 and len(named) == 1:
            # "The Council unanimously adopted a resolution extending ..." and "In adopting resolution 2141 (2014),
            # the Council ...": one action, the vote told by the first sentence, the text named by the second.
            kept[told[0]] = replace(kept[told[0]], document=kept.pop(untold[0]).document)
            return list(kept.values())
        kept = {key: vote for key, vote in kept.items()
                if vote.document.symbol or not vote.adopted or not any(_same_outcome(v, vote) for v in named)}
    return list(kept.values())


def _told(vote: Vote) -> bool:
    """Whether something is said of the vote: counts, unanimity, or adoption without a vote."""
    return vote.in_favour is not None or vote.unanimous or vote.without_vote


def _worked_out(vote: Vote, text: str) -> Vote:
    """The counts a vetoed draft's account leaves implicit: the Council's members who did not vote in favour
    abstained or voted against; with the abstentions named, the rest voted against, and with none named,
    only the vetoing members did."""
    members = 15 if (vote.document.year or 9999) >= 1966 else 11
    # Only the support form leaves "against" open, and it counts Council members (a release may not say
    # which organ met: "9499th Meeting (PM)").
    if (vote.in_favour is None or vote.against is not None or vote.in_favour > members
            or not _SUPPORT.search(text, vote.start, vote.end)):  # "12 in favour and 3 abstentions": against untold
        return vote
    if vote.abstentions is not None:
        return replace(vote, against=members - vote.in_favour - vote.abstentions)
    if vote.vetoed_by:
        return replace(vote, against=len(vote.vetoed_by), abstentions=members - vote.in_favour - len(vote.vetoed_by))
    return vote


def _counted(told: Vote, counted: Vote) -> Vote:
    """A failure told first ("owing to the negative vote of the United States"), then counted: the
    counts are the second sentence's, the vetoes both sentences'."""
    if not _had_the_votes(counted.in_favour, counted.document):
        return counted
    return replace(counted, vetoed_by=tuple(dict.fromkeys((*told.vetoed_by, *counted.vetoed_by))))


def _draft(offset: int) -> DocumentRef:
    """A text the release names by no symbol, placed at the sentence that reports the action."""
    return DocumentRef("", "draft", None, None, offset, offset)


def _motion(offset: int) -> DocumentRef:
    """A procedural motion put to the vote (to adjourn, to take no action, the provisional agenda): a vote, but on
    no text; it needs no unanimity of the permanent members in the Council."""
    return DocumentRef("", "motion", None, None, offset, offset)


def _same_outcome(a: Vote, b: Vote) -> bool:
    """Whether two reports can be of the same action: same result, and no count that differs."""
    return (a.adopted == b.adopted and a.unanimous == b.unanimous and a.without_vote == b.without_vote
            and all(x is None or y is None or x == y for x, y in ((a.in_favour, b.in_favour), (a.against, b.against),
                                                                  (a.abstentions, b.abstentions))))


def votes_in_resolution_file(text: str, document: DocumentRef, places: Gazetteer) -> list[Vote]:
    """The adoption record of a stand-alone resolution file ("Adopted at the 39th meeting by ...")."""
    m = ADOPTION.search(text)
    if m is None:
        return []
    sentence = _SENTENCE.match(text, m.start())
    end = sentence.end() if sentence else m.end()
    counts = next(iter(_counts(text, m.end(), end)), None)
    unanimous = bool(m["unanimous"])
    return [_vote(text, counts, document, int(m["meeting"]), True, unanimous, places, m.start(), end)]


def vote_findings(votes: list[Vote], security_council: bool) -> list[Finding]:
    """Votes whose numbers do not add up: a list of States longer or shorter than its count, or more
    votes than the Security Council has members (15 since 1966, 11 before)."""
    findings = []
    for vote in votes:
        problems = []
        for label, count, states in (("against", vote.against, vote.against_states),
                                     ("abstaining", vote.abstentions, vote.abstaining_states)):
            if states and count is not None and len(states) != count:
                problems.append(f"{count} {label} but {len(states)} States named")
        given = [n for n in (vote.in_favour, vote.against, vote.abstentions) if n is not None]
        members = 15 if (vote.document.year or 9999) >= 1966 else 11
        if security_council and len(given) == 3 and sum(given) > members:
            problems.append(f"{sum(given)} votes for a Council of {members}")
        if problems:
            findings.append(Finding(kind="VoteCountMismatch", severity="Warning",
                                    message=f"vote on {vote.document.symbol or 'the draft'}: " + "; ".join(problems),
                                    start=vote.start, end=vote.end,
                                    document=vote.document if vote.document.symbol else None))
    return findings
