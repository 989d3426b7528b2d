"""Measure extraction against hand-annotated releases: per-field figures over a folder.

Each ``NAME.txt`` in the folder has ``NAME.json`` beside it, written by a person who read the
text: the symbol, the meetings of the header, the resolutions cited, each action on a text (with
its counts), each speaker with the delegation, the alignments and the organisations named.
The committed fixtures in ``tests/data/layouts/`` reproduce, in hand-written UN house style,
the layouts of real releases of 1996–2025; a local folder of real pages annotated the same way
measures the extractor on real text. From the repository root:

    python3 benchmarks/real_layouts.py                 # the committed fixtures
    python3 benchmarks/real_layouts.py ~/real-pages -v # a local folder, with every miss
    python3 benchmarks/real_layouts.py DIR1 DIR2 ...   # folders side by side (precision / recall)
    python3 benchmarks/real_layouts.py --pooled DIR1 DIR2 ...  # one table over all their documents

Figures: the share of documents that build at all, symbol, date and meetings right; precision, recall
and F1 of resolution citations, actions with their votes (split into actions on numbered
resolutions and on drafts a release names by symbol or subject), speakers with their delegation,
alignments and organisations; and the speakers that are no person (a headline read as a name).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from councilgraph.extract.gazetteer import gazetteer, normalise_name
from councilgraph.extract.read import InputError
from councilgraph.extract.records import PressRelease
from councilgraph.ontology.reference import Entity, slugify_name
from councilgraph.pipeline import build_path

__all__ = ["Tally", "Scores", "pooled", "score_document", "score_folder", "FIXTURES"]

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "data" / "layouts"
_SC_RESOLUTION = re.compile(r"S/RES/(\d+)")
_DEFINED = re.compile(r"(?P<name>.+?)\s*\((?P<acronym>[^()]+)\)$")
# Words that never stand in a person's name: a speaker so named is a headline or a heading read as one.
_NOT_A_NAME = re.compile(r"\b(?:COUNCIL|ASSEMBLY|COMMITTEE|SECURITY|RESOLUTION|ADOPTS|UNITED NATIONS)\b", re.I)


@dataclass
class Tally:
    """Matches, misses and extras of one field, summed over documents."""

    found: int = 0  # extracted and annotated
    missed: int = 0  # annotated, not extracted
    extra: int = 0  # extracted, not annotated
    misses: list[str] = field(default_factory=list)
    #: Only what the annotation lists is looked for: extras are not counted (the annotations leave
    #: out the meeting's own organ and the UN itself, which the extractor rightly finds).
    recall_only: bool = False

    def add(self, want: Iterable[str], got: Iterable[str], name: str) -> None:
        want_count, got_count = Counter(want), Counter(got)
        common = want_count & got_count
        self.found += sum(common.values())
        self.missed += sum((want_count - common).values())
        self.extra += sum((got_count - common).values())
        for item in (want_count - common).elements():
            self.misses.append(f"{name}: missed {item}")
        for item in (got_count - common).elements():
            self.misses.append(f"{name}: extra {item}")

    def __iadd__(self, other: Tally) -> Tally:
        self.found, self.missed, self.extra = self.found + other.found, self.missed + other.missed, self.extra + other.extra
        self.misses += other.misses
        return self

    @property
    def precision(self) -> float:
        return self.found / (self.found + self.extra) if self.found + self.extra else 1.0

    @property
    def recall(self) -> float:
        return self.found / (self.found + self.missed) if self.found + self.missed else 1.0

    def shown(self) -> tuple[str, str]:
        """Precision and extras as printed: "n/a" when only recall is scored."""
        return ("n/a", "n/a") if self.recall_only else (f"{self.precision:.1%}", str(self.extra))

    @property
    def f1(self) -> float:
        if self.recall_only:
            return self.recall
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    """Per-field figures over a folder."""

    documents: int = 0
    built: int = 0
    failures: list[str] = field(default_factory=list)
    symbol: Tally = field(default_factory=Tally)
    date: Tally = field(default_factory=Tally)
    meetings: Tally = field(default_factory=Tally)
    resolutions: Tally = field(default_factory=Tally)
    actions: Tally = field(default_factory=Tally)
    resolution_actions: Tally = field(default_factory=Tally)  # the actions on numbered resolutions
    draft_actions: Tally = field(default_factory=Tally)  # on drafts, named by symbol or subject only
    speakers: Tally = field(default_factory=Tally)
    alignments: Tally = field(default_factory=Tally)
    organisations: Tally = field(default_factory=lambda: Tally(recall_only=True))
    not_a_person: list[str] = field(default_factory=list)

    FIELDS = ("symbol", "date", "meetings", "resolutions", "actions", "speakers", "alignments", "organisations")
    #: The rows printed: the fields, and the actions split by what was acted on.
    ROWS = (("symbol", "symbol"), ("date", "date"), ("meetings", "meetings"), ("resolutions", "resolutions"), ("actions", "actions"),
            ("- resolutions", "resolution_actions"), ("- drafts", "draft_actions"), ("speakers", "speakers"),
            ("alignments", "alignments"), ("organisations", "organisations"))


def _key(name: str | None) -> str:
    """A State or organisation by its reference key, else by its normalised name."""
    if not name:
        return "-"
    entity = gazetteer().lookup(name)
    return entity.key if entity else slugify_name(name)


def _org_forms(annotated: str) -> list[str]:
    """An annotated organisation and, when written "Full Name (ACRONYM)", the name and the acronym apart:
    annotators copy the text's definition, and an extraction found by either form is right."""
    m = _DEFINED.match(annotated)
    return [annotated, m["name"], m["acronym"]] if m else [annotated]


def _side(entity: Entity | None, name: str | None) -> str:
    """A speaker's delegation for scoring: a State or body by its key, except that every entity of the UN
    system (a department, agency, mission, the Secretariat) counts as the United Nations. Annotators
    wrote "United Nations" for most officials, the extractor names the entity a title names: both say
    the speaker spoke for the UN system, not for a State."""
    entity = entity or (gazetteer().lookup(name) if name else None)
    if entity is None:
        return _key(name)
    return "united-nations" if entity.category == "UNEntity" or entity.key == "secretariat" else entity.key


def _resolution(symbol: str) -> str:
    """Security Council resolutions by number ("S/RES/1566 (2004)" = "S/RES/1566"); others as written."""
    m = _SC_RESOLUTION.match(symbol)
    return f"S/RES/{m[1]}" if m else symbol.replace(" ", "")


def _count(value: object) -> str:
    return "?" if value is None else str(value)


def _action(resolution: str | None, adopted: bool, favour: object, against: object, abstentions: object) -> str:
    return (f"{_resolution(resolution) if resolution else 'text'} {'adopted' if adopted else 'failed'}"
            f" {_count(favour)}-{_count(against)}-{_count(abstentions)}")


def _extracted_actions(release: PressRelease, want: list[dict]) -> list[str]:
    """The release's votes in the annotation's terms; counts the annotation leaves open are not compared."""
    out = []
    pool = list(want)
    for vote in release.votes:
        symbol = vote.document.symbol if vote.document.kind in ("resolution", "ga-resolution") else None
        counts = [vote.in_favour, vote.against, vote.abstentions]
        # Compare counts only where the matching annotation gives them; among texts without a number,
        # the annotation with the same counts is the match.
        same = [w for w in pool if (_resolution(w["resolution"]) if w.get("resolution") else None)
                == (_resolution(symbol) if symbol else None) and w.get("adopted", True) == vote.adopted]
        match = next((w for w in same if [w.get(k) for k in ("in_favour", "against", "abstentions")] == counts),
                     same[0] if same else None)
        if match is not None:
            pool.remove(match)
            counts = [c if match.get(k) is not None else None
                      for c, k in zip(counts, ("in_favour", "against", "abstentions"), strict=True)]
        out.append(_action(symbol, vote.adopted, *counts))
    return out


def score_document(txt: Path, scores: Scores) -> None:
    """Build one annotated text as ``councilgraph build`` does and add its figures to ``scores``."""
    want = json.loads(txt.with_suffix(".json").read_text("utf-8"))
    name = txt.stem
    scores.documents += 1
    try:
        release = build_path(txt).record
    except InputError as err:
        scores.failures.append(f"{name}: {err}")
        return
    if not isinstance(release, PressRelease):
        scores.failures.append(f"{name}: read as a resolution text")
        return
    scores.built += 1
    header = release.layout.header
    symbol = header.symbol or "none"
    if want.get("symbol") and want["symbol"] in symbol.split("-"):
        symbol = want["symbol"]  # a joint symbol ("SC/7749-AFR/613") holds the one annotated
    scores.symbol.add([want.get("symbol") or "none"], [symbol], name)
    if "date" in want:  # the date the page prints, none when it prints none
        scores.date.add([want["date"]] if want["date"] else [], [header.date] if header.date else [], name)
    scores.meetings.add(map(str, want.get("meetings", [])), (str(m.number) for m in header.meetings), name)
    cited = {_resolution(c.document.symbol) for c in release.citations
             if c.document is not None and c.document.kind in ("resolution", "ga-resolution")}
    cited |= {_resolution(v.document.symbol) for v in release.votes if v.document.kind in ("resolution", "ga-resolution")}
    scores.resolutions.add({_resolution(s) for s in want.get("resolutions_cited", [])}, cited, name)
    # Actions on one text: a resolution, a failed draft, or a draft with its counts, adopted unanimously or
    # without a vote.
    actions = [a for a in want.get("adoptions", [])
               if a.get("resolution") or a.get("in_favour") is not None or a.get("without_vote") or a.get("unanimous")
               or a.get("adopted") is False]
    # An action the annotation records with nothing said of the vote is not scored either way: the extracted
    # action on an unnamed text it matches is neither found nor extra.
    untold = Counter(_action(None, a.get("adopted", True), None, None, None) for a in want.get("adoptions", [])
                     if a not in actions and not a.get("resolution"))
    scored = [_action(a.get("resolution"), a.get("adopted", True), a.get("in_favour"), a.get("against"),
                      a.get("abstentions")) for a in actions]
    extracted = _extracted_actions(release, actions)
    neutral = (Counter(extracted) - Counter(scored)) & untold  # extras that are the unscored annotated actions
    extracted = list((Counter(extracted) - neutral).elements())
    scores.actions.add(scored, extracted, name)
    for tally, on_drafts in ((scores.resolution_actions, False), (scores.draft_actions, True)):
        tally.add([a for a in scored if a.startswith("text ") == on_drafts],
                  [a for a in extracted if a.startswith("text ") == on_drafts], name)
    scores.speakers.add([_side(None, s.get("delegation")) for s in want.get("speakers", [])],
                        [_side(s.delegation, None) for s in release.statements], name)
    kinds = {"on_behalf_of": "on-behalf-of", "associates": "associating", "aligns": "aligning"}
    scores.alignments.add(
        [f"{_key(a.get('delegation'))} {kinds.get(a['kind'], a['kind'])} {_key(a.get('group'))}"
         for a in want.get("alignments", [])],
        [f"{release.statements[a.statement - 1].delegation.key} {a.kind} "
         f"{a.target.key if a.target else a.document.symbol if a.document else '-'}" for a in release.alignments],
        name)
    named = {m.entity.key for m in release.mentions} | {s.delegation.key for s in release.statements}
    named_forms = {normalise_name(m.entity.name) for m in release.mentions}
    named_forms |= {m.entity.acronym for m in release.mentions if m.entity.acronym}
    wanted_orgs = [o for o in want.get("organisations", [])]
    hit = [o for o in wanted_orgs if any(_key(f) in named or normalise_name(f) in named_forms or f in named_forms
                                         for f in _org_forms(o))]
    scores.organisations.found += len(hit)
    scores.organisations.missed += len(wanted_orgs) - len(hit)
    scores.organisations.misses += [f"{name}: missed organisation {o}" for o in wanted_orgs if o not in hit]
    for statement in release.statements:
        printed = statement.speaker.printed_name or ""
        if _NOT_A_NAME.search(printed) or len(printed.split()) > 6:
            scores.not_a_person.append(f"{name}: {printed!r}")


def score_folder(folder: Path) -> Scores:
    """Figures over every annotated text of ``folder``."""
    scores = Scores()
    for txt in sorted(folder.glob("*.txt")):
        if txt.with_suffix(".json").exists():
            score_document(txt, scores)
    return scores


def pooled(all_scores: Iterable[Scores]) -> Scores:
    """The figures of several folders as one."""
    total = Scores()
    for scores in all_scores:
        total.documents += scores.documents
        total.built += scores.built
        total.failures += scores.failures
        total.not_a_person += scores.not_a_person
        for _, name in Scores.ROWS:
            tally: Tally = getattr(total, name)
            tally += getattr(scores, name)
    return total


def report(scores: Scores, verbose: bool = False) -> str:
    """The figures as a table, and with ``verbose`` every miss."""
    lines = [f"{scores.documents} documents, {scores.built} built ({scores.built / max(scores.documents, 1):.0%})",
             f"{'field':<14} {'precision':>9} {'recall':>7} {'F1':>6} {'found':>6} {'missed':>7} {'extra':>6}"]
    for label, name in Scores.ROWS:
        t: Tally = getattr(scores, name)
        precision, extra = t.shown()
        lines.append(f"{label:<14} {precision:>9} {t.recall:>7.1%} {t.f1:>6.1%} {t.found:>6} {t.missed:>7} {extra:>6}")
    lines.append(f"speakers that are no person: {len(scores.not_a_person)}")
    if verbose:
        lines += scores.failures + scores.not_a_person
        for name in Scores.FIELDS:
            lines += getattr(scores, name).misses
    return "\n".join(lines)


def markdown(scores: Scores) -> str:
    """The figures as a Markdown table, for the README."""
    lines = [f"{scores.built} of {scores.documents} documents build.", "",
             "| field | precision | recall | F1 | found | missed | extra |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for label, name in Scores.ROWS:
        t: Tally = getattr(scores, name)
        precision, extra = t.shown()
        lines.append(f"| {label} | {precision} | {t.recall:.1%} | {t.f1:.1%} | {t.found} | {t.missed} | {extra} |")
    lines += ["", f"Speakers that are no person (a headline or heading read as a name): {len(scores.not_a_person)}."]
    return "\n".join(lines)


def comparison(folders: list[Path], all_scores: list[Scores]) -> str:
    """Several folders side by side, as a Markdown table: precision / recall of each field."""
    head = " | ".join(f"{folder.name} ({scores.documents})" for folder, scores in zip(folders, all_scores, strict=True))
    lines = [f"| field | {head} |", "| --- |" + " ---: |" * len(folders),
             "| build | " + " | ".join(f"{s.built / max(s.documents, 1):.0%}" for s in all_scores) + " |"]
    for label, name in Scores.ROWS:
        cells = []
        for scores in all_scores:
            t: Tally = getattr(scores, name)
            cells.append(f"{t.recall:.0%}" if t.recall_only else f"{t.precision:.0%} / {t.recall:.0%}")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines.append("| speakers that are no person | " + " | ".join(str(len(s.not_a_person)) for s in all_scores) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[FIXTURES],
                        help="folders of NAME.txt + NAME.json (default: the committed fixtures); several are "
                             "compared side by side")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and extra")
    parser.add_argument("--markdown", action="store_true", help="print the figures as a Markdown table")
    parser.add_argument("--pooled", action="store_true", help="one table over the documents of all the folders")
    args = parser.parse_args(argv)
    all_scores = [score_folder(folder) for folder in args.folders]
    if args.pooled:
        all_scores = [pooled(all_scores)]
    if len(all_scores) > 1:
        print(comparison(args.folders, all_scores))
    else:
        print(markdown(all_scores[0]) if args.markdown else report(all_scores[0], args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
