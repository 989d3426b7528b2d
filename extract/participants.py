"""The participants sentence, and its reconciliation with the statements.

Releases list who spoke besides the briefers::

    Also speaking today were representatives of Ethiopia, Sweden, ..., Venezuela
    (for the Non-Aligned Movement), ..., Netherlands and Armenia.
    Representatives of the European Union, the Organization for Security and
    Cooperation in Europe and the International Organization for Migration also
    spoke, as did the observer for the Holy See.

The list is edited by hand and often wrong. Reconciling it with the
statements gives findings: a name listed twice, a delegation that spoke but
is missing, a listed delegation with no statement. Briefers (sections whose
heading mentions a briefing) are never in the list and are left out, and so are
officials speaking for the United Nations or one of its organs (the
Secretary-General, the Assembly's President), whom releases without headings
introduce in running text.
"""

from __future__ import annotations

import re

from councilgraph.extract.gazetteer import Gazetteer
from councilgraph.extract.read import Source
from councilgraph.extract.records import Finding, Layout, Participant, Statement

__all__ = ["extract_participants", "reconcile"]

_OPENING = re.compile(
    r"(?:Also\s+(?:speaking|participating|taking\s+the\s+floor|addressing\s+the\s+(?:Council|Assembly|meeting))"
    r"(?:\s+(?:today|this\s+morning|this\s+afternoon|during\s+the\s+(?:meeting|debate)))?\s+(?:were|was)\s+"
    r"(?:the\s+)?(?:representatives?|delegates?|speakers?)\s+(?:of|for|from)\s+"
    r"|(?:The\s+)?(?:[Rr]epresentatives|[Oo]bservers)\s+(?:of|for)\s+(?:the\s+)?(?=[^.]*\balso\s+(?:spoke|participated|took\s+the\s+floor)))"
)
_ITEM_LEAD = re.compile(r"(?:,?\s+as\s+(?:did|well\s+as)\s+|,?\s+also\s+spoke,?\s+as\s+did\s+|\s*,\s*(?:and\s+)?|\s+and\s+)?(?:the\s+)?(?:(?:Permanent\s+)?[Oo]bservers?\s+(?:for|of)\s+(?:the\s+)?)?")
_UN_ORGANS = frozenset({"united-nations", "general-assembly", "security-council", "secretariat"})
_ASIDE = re.compile(r"\s*\((?:speaking\s+)?(?:also\s+)?(?:for|on\s+behalf\s+of)\s+(?:the\s+)?")


def extract_participants(source: Source, layout: Layout, places: Gazetteer) -> list[Participant]:
    """Entries of the participants sentences in the summary, in order, duplicates kept."""
    text = source.matchable
    found: list[Participant] = []
    for para in layout.summary:
        for opening in _OPENING.finditer(text, para.start, para.end):
            pos = opening.end()
            while True:
                lead = _ITEM_LEAD.match(text, pos, para.end)
                at = lead.end() if lead else pos
                match = places.match_at(text, at)
                if match is None:
                    break
                end, behalf = match.end, None
                extra = _ASIDE.match(text, end, para.end)
                if extra is not None and (group := places.match_at(text, extra.end())) is not None:
                    behalf = group.entity
                    close = text.find(")", group.end, para.end)
                    end = close + 1 if close != -1 else group.end
                found.append(Participant(entity=match.entity, on_behalf_of=behalf, start=match.start, end=match.end))
                pos = end
    return found


def reconcile(participants: list[Participant], statements: list[Statement]) -> list[Finding]:
    """Findings where the participants list and the statements disagree."""
    if not participants:
        return []
    findings: list[Finding] = []
    seen: set[str] = set()
    for item in participants:
        key = item.entity.key
        if key in seen:
            findings.append(Finding(
                kind="DuplicateParticipant", severity="Warning",
                message=f"{item.entity.name} is listed more than once among the participants",
                start=item.start, end=item.end, entity=item.entity,
            ))
        seen.add(key)
    speakers = [s for s in statements if "briefing" not in s.section.lower() and s.delegation.key not in _UN_ORGANS]
    spoke = {s.delegation.key for s in speakers}
    for statement in speakers:
        if statement.delegation.key not in seen:
            seen.add(statement.delegation.key)  # one finding per missing delegation
            findings.append(Finding(
                kind="SpeakerNotListed", severity="Warning",
                message=f"{statement.delegation.name} made a statement but is missing from the participants list",
                start=statement.delegation_start, end=statement.delegation_end,
                statement=statement.order, entity=statement.delegation,
            ))
    reported: set[str] = set()
    for item in participants:
        if item.entity.key not in spoke and item.entity.key not in reported:
            reported.add(item.entity.key)
            findings.append(Finding(
                kind="ListedParticipantNotSpeaking", severity="Info",
                message=f"{item.entity.name} is listed among the participants but no statement of theirs was found",
                start=item.start, end=item.end, entity=item.entity,
            ))
    return findings
