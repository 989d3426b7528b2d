"""Adoption and votes: what was adopted (or failed) at the meeting, by how many votes.

Forms handled::

    Unanimously adopting resolution 2388 (2017) ...
    adopted resolution 2401 (2018) by a vote of 13 in favour to none against, with 2 abstentions (China, Russian Federation)
    The draft received 13 votes in favour to 1 against (Russian Federation), with 1 abstention (China)
    failed to adopt ... owing to the negative vote of a permanent member
    adopted by a recorded vote of 122 in favour to 5 against (...), with 12 abstentions (...)
    Adopted at the 39th meeting by 10 votes to none, with 1 abstention (Union of Soviet Socialist Republics).
    Adopted unanimously at the 3318th meeting.
"""

from __future__ import annotations

import re

from councilgraph.extract.citations import document_refs
from councilgraph.extract.gazetteer import Gazetteer
from councilgraph.extract.records import DocumentRef, Finding, Vote
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
_COUNTS = re.compile(
    rf"(?P<favour>{_NUMBER})\s+(?:votes\s+)?(?:in\s+favour\s+)?to\s+(?P<against>{_NUMBER})(?:\s+(?:votes\s+)?against)?"
    + _LIST.format("against_list")
    + rf"(?:,?\s+with\s+(?P<abstentions>{_NUMBER})\s+abstentions?" + _LIST.format("abstaining_list") + ")?",
    re.I,
)
_ADOPTING = re.compile(
    r"\b(?P<unanimous>unanimously\s+)?(?:adopting|adopted|adopts)\b(?P<after>\s+unanimously\b)?", re.I)
# Only a failure of the text itself: "veto" alone also names a subject ("a resolution on the use of the veto").
_FAILED = re.compile(
    r"\b(?:failed\s+to\s+adopt|was\s+not\s+adopted|(?:owing|due)\s+to\s+the\s+negative\s+vote|"
    r"(?:was|were)\s+vetoed|vetoed\s+(?:a|the)\s+draft)\b", re.I)
# The adoption record of a resolution file; resolution_text uses it to skip that record under the title.
ADOPTION = re.compile(
    r"Adopted\s+(?P<unanimous>unanimously\b)?,?\s*(?:without\s+(?:a\s+)?vote,?\s*)?"
    r"(?:(?:at|ai)\s+the|the|by\s+the\s+Security\s+Council\s+at\s+its)\s+"
    r"(?P<meeting>\d{1,5})\s?(?:st|nd|rd|th|h)\s+(?:\(\w+\)\s+)?meet-?\s*ings?"  # "(private) meeting", "meet-\ning"
)
_SENTENCE = re.compile(r"(?:[^.]|\.(?!\s|$))+(?:\.|$)")  # full stops inside symbols ("A/78/L.30") do not end it
_HYPHENATION = re.compile(r"(?<=[a-z])-\s+(?=[a-z])")
_INVERTED = re.compile(r"(?P<name>[A-Z][a-z]+), (?P<qualifier>(?:[A-Z][a-z]+ )+of(?: the)?)(?=,|$| and)")
_STATE_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")


_OCR_DIGITS = str.maketrans("IilL", "1111")


def _count(word: str | None) -> int | None:
    if word is None:
        return None
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


def _vote(text: str, counts: re.Match[str] | None, document: DocumentRef, meeting: int | None, adopted: bool,
          unanimous: bool, places: Gazetteer, start: int, end: int) -> Vote:
    against_states: tuple[Entity, ...] = ()
    abstaining: tuple[Entity, ...] = ()
    favour = against = abstentions = None
    if counts is not None:
        favour, against, abstentions = (_count(counts["favour"]), _count(counts["against"]),
                                        _count(counts["abstentions"]) if counts["abstentions"] else 0)
        if counts["against_list"] is not None:
            against_states = _states(text, counts.start("against_list"), counts.end("against_list"), places)
        if counts["abstaining_list"] is not None:
            abstaining = _states(text, counts.start("abstaining_list"), counts.end("abstaining_list"), places)
    elif unanimous and adopted:
        # Every member voted in favour: 15 since the enlargement of 1966, 11 before.
        favour = 15 if (document.year or 9999) >= 1966 else 11
        abstentions, against = 0, 0
    vetoed = tuple(state for state in against_states if state.key in PERMANENT_MEMBERS) if not adopted else ()
    return Vote(document=document, meeting=meeting, adopted=adopted, unanimous=unanimous, in_favour=favour,
                against=against, abstentions=abstentions, against_states=against_states,
                abstaining_states=abstaining, vetoed_by=vetoed, start=start, end=end)


def votes_in_release(text: str, paragraphs: list[tuple[int, int]], meeting: int | None, places: Gazetteer,
                     ) -> list[Vote]:
    """Votes reported in the summary paragraphs of a release, one per text acted upon."""
    votes: dict[str, Vote] = {}
    failure_reported = False  # a failed draft without symbol, whose counts may follow
    for start, end in paragraphs:
        for sentence in _SENTENCE.finditer(text, start, end):
            s, e = sentence.start(), sentence.end()
            if s == e:
                continue
            counts = _COUNTS.search(text, s, e)
            adopting = _ADOPTING.search(text, s, e)
            failed = _FAILED.search(text, s, e)
            if not (adopting or failed or counts):
                continue  # most sentences: no need to look for the documents they name
            refs = [r for r in document_refs(text, s, e)[0] if r.kind in ("resolution", "ga-resolution", "document")]
            if failed and not refs:
                failure_reported = True
            if failed:
                document = refs[0] if refs else DocumentRef("", "draft", None, None, s, s)
                key = document.symbol or "draft"
                if key not in votes or votes[key].in_favour is None:
                    votes[key] = _vote(text, counts, document, meeting, False, False, places, s, e)
                continue
            if counts is not None and not refs and failure_reported and "draft" in votes:
                votes["draft"] = _vote(text, counts, votes["draft"].document, meeting, False, False, places, s, e)
                continue
            after = [r for r in refs if adopting and r.start >= adopting.start()]
            if adopting and after:
                ref = after[0]  # "Recalling resolution 2231 (2015), the Council adopted resolution 2713 (2023)"
                unanimous = bool(adopting["unanimous"] or adopting["after"]) and counts is None
                if ref.symbol not in votes or votes[ref.symbol].in_favour is None:
                    votes[ref.symbol] = _vote(text, counts, ref, meeting, True, unanimous, places, s, e)
    return list(votes.values())


def votes_in_resolution_file(text: str, document: DocumentRef, places: Gazetteer) -> list[Vote]:
    """The adoption record of a stand-alone resolution file ("Adopted at the 39th meeting by ...")."""
    m = ADOPTION.search(text)
    if m is None:
        return []
    sentence = _SENTENCE.match(text, m.start())
    end = sentence.end() if sentence else m.end()
    counts = _COUNTS.search(text, m.end(), end)
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
