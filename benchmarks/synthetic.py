"""Synthetic archive for archive-scale benchmarks: many distinct, realistic releases made from one seed.

The seed (examples/SC-13081.txt) is read once with councilgraph's own reader, which says where its
States, speakers, resolution numbers, statements and resolution paragraphs are. Each synthetic
release rewrites those spans and chooses which parts to keep, deterministically from
(index, rng_seed):

- header: symbol SC/<15000 + index>, meeting <10000 + index> (AM or PM), meeting times, date line if any;
- States: one injective renaming of every Member State named anywhere in the text, so that
  "X, speaking for Y and Z" and the participants list stay coherent;
- speakers: names from small lists, drawn per delegation from three "slots", so ambassadors recur;
- resolutions: a new adopted number and year; cited resolutions move by the same amount, some to
  another number of their year, always below the adopted one (a resolution never cites a later one);
- length: a target between 20 and 150 KB, reached by dropping statements, lead, briefing and
  resolution paragraphs, or by re-using statements under fresh delegations.

    python3 benchmarks/synthetic.py 1000 archive/ [--seed 0]
"""

from __future__ import annotations

import argparse
import calendar
import random
import re
import time
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from councilgraph.extract.gazetteer import gazetteer
from councilgraph.extract.read import decode_source, normalise
from councilgraph.extract.resolution_text import resolutions_in_release
from councilgraph.extract.segment import paragraphs, segment
from councilgraph.extract.statements import extract_statements
from councilgraph.ontology.reference import resolution_years, states

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "SC-13081.txt"
MIN_SIZE, MAX_SIZE = 20_000, 150_000  # bytes of UTF-8
FIRST_SYMBOL, FIRST_MEETING = 15_000, 10_000  # above any real number, so never the seed's
MAX_INDEX = 89_999  # the reader takes meeting numbers of at most five digits
YEARS = (1995, 2024)  # complete rows of resolution_years.csv, late enough to leave older resolutions to cite
SLOTS = 3  # people per delegation: few enough that the same ambassadors recur across releases

# Invented names; a State's name among them would be read as a delegation.
_FEMALE = ("Amina", "Sofia", "Leila", "Ingrid", "Mei", "Olga", "Carmen", "Nadia", "Akosua", "Hanna", "Lucia",
           "Priya", "Yasmin", "Elena", "Rosa", "Keiko")
_MALE = ("Ahmed", "Jonas", "Kwame", "Pablo", "Dmitri", "Hiroshi", "Omar", "Lars", "Rafael", "Tomas", "Emeka",
         "Arjun", "Karim", "Stefan", "Diego", "Yusuf")
_SURNAMES = ("Okafor", "Lindqvist", "Moreau", "Tanaka", "Haddad", "Kovalenko", "Mensah", "Oliveira", "Novak",
             "Rahman", "Castillo", "Petrov", "Nakamura", "Osei", "Bergman", "Farouk", "Delgado", "Kariuki",
             "Schneider", "Mahmoud", "Andersen", "Quispe", "Sato", "Diallo", "Herrera", "Vasquez", "Adeyemi",
             "Larsen", "Hussain", "Fonseca", "Karimov", "Nguyen", "Molina", "Abubakar", "Virtanen", "Mwangi",
             "Santos", "Eriksen")

_NUMBER_YEAR = re.compile(r"(?<![\d/.\w-])(?P<number>\d{1,4})\s*\(\s*(?P<year>\d{4})\s*\)")
_PRST = re.compile(r"[Pp]residential\s+[Ss]tatements?\s+(?:S/PRST/)?(?P<ref>\d{4}/\d{1,3})\b")
_DOCUMENT = re.compile(r"(?<![\w/])S/(?P<ref>\d{4}/\d{1,4})\b")
_DATE_LINE = re.compile(r"^\d{1,2} [A-Z][a-z]+ \d{4}$", re.M)
_CLOCK = re.compile(r"\d{1,2}(?::\d{2})?\s*[ap]\.\s?m\.")
_COUNT = re.compile(r"more than \d+(?= speakers)")
_LISTING = re.compile(r"Also speaking (?:today )?were representatives of ")
_CORE_LEAD = re.compile(r"Also speaking|(?:The )?Representatives of .*also spoke|The meeting opened")
_OPERATIVE_NUMBER = re.compile(r"^([\"“]?\s*)\d{1,3}(?=\.)")
_SEPARATOR = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
_PRONOUNS = re.compile(r"\b(?:(?P<f>she|her|herself)|he|his|him|himself)\b")


@dataclass(frozen=True, slots=True)
class _Edit:
    """A span of the seed that every release rewrites: what it holds, and which one."""

    start: int
    end: int
    kind: str  # "symbol", "meeting", "date", "clock", "state", "speaker", "surname", "fullname", "res", "year" ...
    key: str = ""  # an ISO code, a statement order, a resolution number ...


@dataclass(frozen=True, slots=True)
class _Unit:
    """Paragraphs kept or dropped together, in seed order."""

    start: int
    end: int
    kind: str  # "text", "turn" (a Member State's statement), "operative" (renumbered), "listing"
    optional: bool
    state: str = ""  # a turn's delegation
    order: int = 0  # a turn's statement order in the seed

    def size(self, text: str) -> int:
        return len(text[self.start:self.end].encode()) + 2  # and the blank line after it


@dataclass(frozen=True)
class _Seed:
    """The seed as read once: its text cut into units, and the spans every release rewrites."""

    text: str
    units: tuple[_Unit, ...]
    edits: tuple[_Edit, ...]
    items: tuple[tuple[int, int, str], ...]  # participants list entries: span and State ("" for others)
    statements: int  # how many statements the seed prints
    speakers: dict[int, tuple[str, str, str | None]]  # order -> (delegation key, gender, honorific)
    states: tuple[str, ...]  # Member States named in the seed, renamed in every release
    adopted: int  # number of the resolution the seed's meeting adopted
    cited: tuple[int, ...]  # other resolution numbers printed in the seed


@cache
def _member_names() -> dict[str, str]:
    """ISO code -> the name to print, for Member States the reader finds back from that name alone."""
    places, names = gazetteer(), {}
    for state in states():
        name = state.name
        if state.status != "member" or any(c in name for c in "(),") or " and " in name:
            continue  # parentheses, commas and "and" would split delegations and participants lists
        match = places.match_at(normalise(name), 0)
        if match is not None and match.entity.key == state.key and match.end == len(name):
            names[state.key] = name
    return names


@lru_cache(maxsize=4)
def _parse(seed_text: str) -> _Seed:
    """Where the seed's rewritable spans and droppable parts are, as the reader sees them."""
    source = decode_source(seed_text.encode("utf-8"), "seed.txt")
    text, places, years = source.matchable, gazetteer(), resolution_years()
    layout = segment(source)
    statements, _ = extract_statements(source, layout, places)
    texts = resolutions_in_release(source, layout)
    header = layout.header
    edits = [_Edit(header.symbol_start, header.symbol_end, "symbol")]
    edits += [_Edit(m.start, m.end, "meeting") for m in header.meetings[:1]]
    edits += [_Edit(m.start(), m.end(), "date") for m in _DATE_LINE.finditer(text, 0, header.headline_start)]
    if layout.times is not None:
        clocks = _CLOCK.finditer(text, layout.times.start, layout.times.end)
        edits += [_Edit(m.start(), m.end(), "clock", str(i)) for i, m in enumerate(clocks)]
    speakers: dict[int, tuple[str, str, str | None]] = {}
    for s in statements:
        if s.speaker.printed_name is None:
            continue
        edits.append(_Edit(s.speaker.start, s.speaker.end, "speaker", str(s.order)))
        pronouns = [m["f"] is not None for m in _PRONOUNS.finditer(text, s.start, s.end)]
        gender = "f" if s.speaker.title in ("Ms", "Mrs") or pronouns.count(True) > len(pronouns) / 2 else "m"
        speakers[s.order] = (s.delegation.key, gender, s.speaker.title)
        *given, surname = s.speaker.name.split()
        # "Mr. Fedotov", "Secretary-General Guterres"; with a given name ("Yuri Fedotov") the whole name
        first = rf"|(?P<given>{re.escape(' '.join(given))}|[A-Z][^\W\d_]+)\s+" if given else ""
        for m in re.finditer(rf"(?:(?:Mr|Ms|Mrs|Dr)\.\s+|Secretary-General\s+{first}){re.escape(surname)}\b", text):
            full = m.groupdict().get("given") is not None
            edits.append(_Edit(m.start() if full else m.end() - len(surname), m.end(),
                               "fullname" if full else "surname", str(s.order)))
    for m in places.find_all(text):
        if m.entity.kind == "state" and m.entity.status == "member":
            edits.append(_Edit(m.start, m.end, "state", m.entity.key))
    cited: set[int] = set()
    for m in _NUMBER_YEAR.finditer(text):
        number, year = int(m["number"]), int(m["year"])
        if years.year_of(number) is None:
            continue
        cited.add(number)
        edits.append(_Edit(m.start("number"), m.end("number"), "res", str(number)))
        if years.year_of(number) == year:  # a misprinted year ("2331 (2661)") stays misprinted
            edits.append(_Edit(m.start("year"), m.end("year"), "year", str(number)))
    edits += [_Edit(m.start("ref"), m.end("ref"), "prst") for m in _PRST.finditer(text)]
    edits += [_Edit(m.start("ref"), m.end("ref"), "document") for m in _DOCUMENT.finditer(text)]
    edits += [_Edit(m.start(), m.end(), "count") for m in _COUNT.finditer(text)]
    accepted: list[_Edit] = []  # first come first kept: header and speakers win over what overlaps them
    for edit in edits:
        if all(edit.end <= a.start or a.end <= edit.start for a in accepted):
            accepted.append(edit)
    accepted.sort(key=lambda e: e.start)
    adopted = texts[0].document.number if texts and texts[0].document.number else max(cited, default=1) + 1
    return _Seed(seed_text, _units(text, layout, statements, texts), tuple(accepted), _items(text, layout, accepted),
                 len(statements), speakers, tuple(sorted({e.key for e in accepted if e.kind == "state"})), adopted,
                 tuple(sorted(cited - {adopted})))


def _units(text: str, layout, statements, texts) -> tuple[_Unit, ...]:
    """Every paragraph in a unit; what a release may drop is marked optional."""
    lead = {p.start: i for i, p in enumerate(layout.summary)}
    turns = {s.start: s for s in statements}
    paras = [p for t in texts for p in t.paragraphs]
    preambles = [p.start for p in paras if p.kind == "preambular"]
    operatives = [p.start for p in paras if p.kind == "operative"]
    # The resolution keeps its first preambular and first and last operative paragraphs ("Decides to remain seized").
    core_paras = {*preambles[:1], *operatives[:1], *operatives[-1:]}
    resolution_paras = {*preambles, *operatives}
    units: list[_Unit] = []
    current = None  # the statement whose paragraphs come next
    for para in paragraphs(text):
        if current is not None and para.start >= current.end:
            current = None
        current = turns.get(para.start, current)
        if current is not None:
            member = current.delegation.status == "member" and "briefing" not in current.section.lower()
            if para.start == current.start:
                units.append(_Unit(current.start, current.end, "turn", True, current.delegation.key, current.order)
                             if member else _Unit(para.start, para.end, "text", False))
            elif not member:
                units.append(_Unit(para.start, para.end, "text", True))  # a briefer's further paragraphs
        elif para.start in lead:
            listing = _LISTING.match(text, para.start) is not None
            core = lead[para.start] < 2 or _CORE_LEAD.match(text, para.start) is not None
            units.append(_Unit(para.start, para.end, "listing" if listing else "text", not core))
        elif para.start in resolution_paras:
            kind = "operative" if para.start in operatives else "text"
            units.append(_Unit(para.start, para.end, kind, para.start not in core_paras))
        else:
            units.append(_Unit(para.start, para.end, "text", False))  # headings, header, footer
    return tuple(units)


def _items(text: str, layout, edits: list[_Edit]) -> tuple[tuple[int, int, str], ...]:
    """Entries of "Also speaking today were representatives of A, B (for X) ... and Z."."""
    for para in layout.summary:
        if (m := _LISTING.match(text, para.start)) is None:
            continue
        items, start = [], m.end()
        end = para.end - (text[para.end - 1] == ".")
        for sep in _SEPARATOR.finditer(text, start, end):
            if text.count("(", start, sep.start()) == text.count(")", start, sep.start()):  # not inside "(for X)"
                items.append((start, sep.start()))
                start = sep.end()
        items.append((start, end))
        state = {e.start: e.key for e in edits if e.kind == "state"}
        return tuple((a, b, state.get(a, "")) for a, b in items)
    return ()


@cache
def _adopted_numbers(rng_seed: int) -> tuple[int, ...]:
    """The resolutions of YEARS in a seeded order: release i adopts the i-th, so that no resolution is
    adopted twice in the first ~1,800 releases of an archive."""
    low, high = YEARS
    numbers = [n for year, first, last in resolution_years().ranges if low <= year <= high
               for n in range(first, last + 1)]
    random.Random(f"adopted/{rng_seed}").shuffle(numbers)
    return tuple(numbers)


def _cited_numbers(seed: _Seed, adopted: int, rng: random.Random) -> dict[int, int]:
    """Seed resolution number -> new number. Cited ones move with the adopted one, and some to another
    resolution of their year so citation networks differ; all stay below the adopted one (SHACL)."""
    years, numbers = resolution_years(), {seed.adopted: adopted}
    for old in seed.cited:
        new = old + adopted - seed.adopted if old < seed.adopted else 0
        if new < 1:
            new = rng.randint(1, adopted - 1)
        if rng.random() < 0.4:
            first, last = next((f, la) for y, f, la in years.ranges if y == years.year_of(new))
            new = rng.randint(first, min(last, adopted - 1))
        numbers[old] = new
    return numbers


def _choose_parts(seed: _Seed, rng: random.Random, fresh: list[str]) -> tuple[set[_Unit], dict[_Unit, list]]:
    """Units to keep and statements to re-use (kept turn -> [(model turn, new State)]), to reach a target size."""
    text = seed.text
    target = rng.randint(MIN_SIZE + 1_000, MAX_SIZE - 1_000)  # rewritten names move sizes by a few hundred bytes
    turns = [u for u in seed.units if u.kind == "turn"]
    listed = {iso for _, _, iso in seed.items}
    keep = set(rng.sample([u for u in turns if u.state in listed] or turns, min(2, len(turns))))
    size = sum(u.size(text) for u in seed.units if not u.optional or u in keep)
    rest = sorted((u for u in seed.units if u.optional and u not in keep), key=lambda u: u.start)
    rng.shuffle(rest)  # statements, lead, briefing and resolution paragraphs compete for the same room
    for unit in rest:
        if size + unit.size(text) <= target or size < MIN_SIZE + 1_000:
            keep.add(unit)
            size += unit.size(text)
    clones: dict[_Unit, list[tuple[_Unit, str]]] = {}
    kept_turns = [u for u in turns if u in keep]
    while fresh and kept_turns and size + (model := rng.choice(turns)).size(text) <= target:
        clones.setdefault(rng.choice(kept_turns), []).append((model, fresh.pop()))
        size += model.size(text)
    return keep, clones


class _Writer:
    """Rewrites spans of the seed for one release."""

    def __init__(self, seed: _Seed, sigma: dict[str, str], numbers: dict[int, int], other: dict[str, str],
                 clocks: tuple[int, int]) -> None:
        self.seed, self.sigma, self.numbers, self.other, self.clocks = seed, sigma, numbers, other, clocks
        self.starts = [e.start for e in seed.edits]
        self.people: dict[int, tuple[str, str]] = {}  # seed statement order -> (printed, full name)

    def __call__(self, start: int, end: int, states: dict[str, str] | None = None,
                 speaker: tuple[str, str] | None = None) -> str:
        """``seed.text[start:end]`` rewritten; ``states`` and ``speaker`` override for a re-used statement."""
        text, edits, out, pos = self.seed.text, self.seed.edits, [], start
        names, years = _member_names(), resolution_years()
        i = bisect_left(self.starts, start)
        while i < len(edits) and edits[i].start < end:
            edit = edits[i]
            out.append(text[pos:edit.start])
            pos, i = edit.end, i + 1
            if edit.kind == "state":
                out.append(names[(states or {}).get(edit.key) or self.sigma[edit.key]])
            elif edit.kind in ("speaker", "surname", "fullname"):
                printed, full = speaker or self.people[int(edit.key)]
                out.append({"speaker": printed, "surname": full.split()[-1], "fullname": full}[edit.kind])
            elif edit.kind in ("res", "year"):
                number = self.numbers[int(edit.key)]
                out.append(str(number if edit.kind == "res" else years.year_of(number)))
            elif edit.kind == "clock":
                minutes = self.clocks[int(edit.key) % 2]
                out.append(f"{(minutes // 60 - 1) % 12 + 1}:{minutes % 60:02d} {'a' if minutes < 720 else 'p'}.m.")
            else:
                out.append(self.other[edit.kind])
        return "".join(out) + text[pos:end]

    def listing(self, unit: _Unit, keep: set[_Unit], clones: list[tuple[_Unit, str]]) -> str:
        """The participants list with the States whose statements are printed (the seed's slips kept)."""
        items = self.seed.items
        spoke = {u.state for u in keep if u.kind == "turn"}
        entries = [self(a, b) for a, b, iso in items if not iso or iso in spoke]
        for model, iso in clones:
            own = next(((a, b) for a, b, state in items if state == model.state), None)
            entries.append(self(*own, {model.state: iso}) if own else _member_names()[iso])
        if not entries:
            return ""
        joined = entries[0] if len(entries) == 1 else ", ".join(entries[:-1]) + " and " + entries[-1]
        return self(unit.start, items[0][0]) + joined + self(items[-1][1], unit.end)


def synthetic_release(seed_text: str, index: int, rng_seed: int = 0) -> tuple[str, str]:
    """The file name and text of synthetic release ``index``; the same arguments give the same text."""
    if not 0 <= index <= MAX_INDEX:
        raise ValueError(f"index must be between 0 and {MAX_INDEX}")
    seed, rng = _parse(seed_text), random.Random(f"{rng_seed}:{index}")
    # States: one injective renaming, so no delegation ends up speaking on behalf of itself.
    pool = sorted(_member_names())
    sigma = dict(zip(seed.states, rng.sample(pool, len(seed.states)), strict=True))
    fresh = sorted(set(pool) - set(sigma.values()))
    rng.shuffle(fresh)
    adopted_numbers = _adopted_numbers(rng_seed)
    adopted = adopted_numbers[index % len(adopted_numbers)]
    year = resolution_years().year_of(adopted) or YEARS[1]
    numbers = _cited_numbers(seed, adopted, rng)
    keep, clones = _choose_parts(seed, rng, fresh)
    turns = [u for u in seed.units if u.kind == "turn"]
    statements = seed.statements - len(turns) + len(keep.intersection(turns)) + sum(map(len, clones.values()))
    meeting = FIRST_MEETING + index
    suffix = "th" if meeting % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(meeting % 10, "th")
    part = rng.choice(("AM", "PM"))
    opened = (600 if part == "AM" else 900) + rng.randint(0, 35)
    clocks = (opened, min(23 * 60, opened + 20 + 4 * statements + rng.randint(0, 30)))  # ~4 minutes a speaker
    other = {"symbol": f"SC/{FIRST_SYMBOL + index}", "meeting": f"{meeting}{suffix} Meeting ({part})",
             "date": f"{rng.randint(1, 28)} {calendar.month_name[rng.randint(1, 12)]} {year}",
             "prst": f"{year - rng.randint(0, 3)}/{rng.randint(1, 40)}", "document": f"{year}/{rng.randint(100, 999)}",
             "count": f"more than {(statements - 1) // 10 * 10}" if statements > 10 else f"some {statements}"}
    write = _Writer(seed, sigma, numbers, other, clocks)

    # Speakers: a delegation's people come from a few slots (ambassadors recur), unique within a release.
    used: set[str] = set()

    def person(key: str, order: int) -> tuple[str, str]:
        _, gender, title = seed.speakers.get(order, (key, "m", None))  # unnamed speakers have no name to print
        slot = rng.randrange(SLOTS)
        while True:
            pick = random.Random(f"{rng_seed}/{key}/{gender}/{slot}")
            given, surname = pick.choice(_FEMALE if gender == "f" else _MALE), pick.choice(_SURNAMES)
            printed = f"{title}. {surname.upper()}" if title else f"{given} {surname}".upper()
            if printed not in used:
                used.add(printed)
                return printed, f"{given} {surname}"
            slot += SLOTS

    write.people = {order: person(sigma.get(key, key), order) for order, (key, _, _) in sorted(seed.speakers.items())}
    plain = sorted((u for u in keep if u.kind == "text"), key=lambda u: u.start)
    repeated = rng.choice(plain) if plain and rng.random() < 0.25 else None  # an editing slip: a paragraph twice
    pieces: list[str] = []
    operative = 0
    for unit in seed.units:
        if unit.optional and unit not in keep:
            continue
        if unit.kind == "listing":
            pieces.append(write.listing(unit, keep, [c for added in clones.values() for c in added]))
        elif unit.kind == "operative":
            operative += 1  # dropped operative paragraphs leave no gap in the numbering
            pieces.append(_OPERATIVE_NUMBER.sub(rf"\g<1>{operative}", write(unit.start, unit.end)))
        else:
            pieces.append(write(unit.start, unit.end))
        pieces += [pieces[-1]] if unit is repeated else []
        for model, iso in clones.get(unit, []):
            pieces.append(write(model.start, model.end, {model.state: iso}, person(iso, model.order)))
    text = seed.text
    lead_in, tail = text[:seed.units[0].start], text[len(text.rstrip()):]  # a byte-order mark, the final newline
    return f"SC-{FIRST_SYMBOL + index}.txt", lead_in + "\n\n".join(p for p in pieces if p) + tail


def write_archive(n: int, out_dir: Path, seed_text: str | None = None, rng_seed: int = 0) -> list[Path]:
    """Write releases 0..n-1 into ``out_dir`` (created if needed); returns their paths."""
    seed_text = SEED.read_text(encoding="utf-8") if seed_text is None else seed_text
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(n):
        name, text = synthetic_release(seed_text, index, rng_seed)
        path = out_dir / name
        path.write_text(text, encoding="utf-8", newline="")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="how many releases to write")
    parser.add_argument("out_dir", type=Path, help="folder to write them into")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0); same seed, same archive")
    args = parser.parse_args()
    started = time.perf_counter()
    paths = write_archive(args.n, args.out_dir, rng_seed=args.seed)
    sizes = [p.stat().st_size for p in paths]
    print(f"wrote {len(paths)} releases to {args.out_dir} in {time.perf_counter() - started:.1f} s"
          + (f" ({min(sizes):,} to {max(sizes):,} bytes, {sum(sizes):,} in all)" if sizes else ""))


if __name__ == "__main__":
    main()
