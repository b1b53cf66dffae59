"""One page of a borderless table: its header found and its labels set to their columns, its columns
taken from the page before where they still hold, its lines cut into rows."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from ..grid import Cell, Row
from ..words import COMMON
from .aligned import (
    GUTTER,
    HEADER_LINES,
    OPEN_SHARE,
    PHRASE_SPACE,
    REACH,
    Columns,
    _before_other_blocks,
    _column,
    _header_line,
    _heading,
    _overprinted,
    _spans_columns,
    _split_words,
    aligned_rows,
    gutters,
    line_step,
    lines_of,
    split_at_column_starts,
)
from .aligned_middle import TOP, alignment, middle_rows

# A header cell's next line stands at most this many line steps below.
WRAPPED_STEP = 1.1
# A header's rows stand at most this many line steps apart.
ROW_STEP = 1.5
# A line this many line steps below another stands beside it, not under it.
INTERLEAVED = 0.9


@dataclass
class Carried:
    """What a page hands the next: its columns, and the lines under its header's first line (a header
    repeated on the next page repeats them)."""

    cuts: list[float] = field(default_factory=list)
    header: tuple[str, ...] = ()
    how: str | None = None  # how its cells stand on their rows (top, middle, bottom), where its rows told
    unsure: bool = False  # its rows may be cut wrong: its cells stand neither all alike nor on rows


def page_rows(
    words: list[dict], page: int, offset: float, is_header: Callable[[Row], bool], carried: Carried | None = None
) -> tuple[list[Row], Carried]:
    """A page without ruling lines: lines above the table's header as one-cell rows, the rest cut into
    cells by alignment (columns from the body's gutters, and from the page before where this page's body
    leaves its gutters free: a page that continues a table has its columns)."""
    carried = carried or Carried()
    lines = lines_of(split_at_column_starts(words))
    if not lines:
        return [], carried
    step = line_step(lines)
    found = _header_line(lines, step, is_header, carried.cuts)
    header_at, size = found if found is not None else (None, 0)
    start = header_at if header_at is not None else 0
    while (
        header_at is not None
        and start > 0
        and size < 2 * HEADER_LINES
        and (_interleaved(lines[start - 1], lines[start], step) or _over_labels(lines[start - 1], lines[start], step))
    ):
        start, size = start - 1, size + 1  # a header label of two lines in the middle of one-line labels
    above = [
        Row([Cell([_text(line)], [offset + line[0]["top"]])], page, number)
        for number, line in enumerate(lines[:start], start=1)
    ]
    table = lines[start:]
    while (
        size
        and size < len(table)
        and (
            _label_line(table[size])
            or _text(table[size]) in carried.header
            or _wrapped_label(table[:size], table[size], step)
            or _interleaved(table[size - 1], table[size], step)
        )
    ):
        size += 1
    under = tuple(_text(line) for line in table[1 : size + 2]) if header_at is not None else carried.header
    body = [line for line in _before_other_blocks(table[size:]) if not _numbers(line)]
    header = table[:HEADER_LINES] if header_at is not None else []
    cuts = gutters(body, step * 0.6, header)
    kept = [_free_near(body, x, step * 0.6) for x in carried.cuts]
    if carried.cuts and all(x is not None for x in kept):
        cuts = _continued(kept, cuts, body)
    head = _part_run_together([_split_at_cuts(line, cuts) for line in table[:size]], cuts, body)
    table = head + table[size:]
    starts = Counter(round(w["x0"]) for line in body for w in line)
    body_rows, how, unsure = _body_rows(table[size:], cuts, step, offset, page, start + size + 1, carried.how)
    rows = _header_rows(table[:size], cuts, step, offset, page, start + 1, starts, how) if size else []
    return above + rows + body_rows, Carried(cuts, under, how, unsure)


def _header_rows(
    lines: list[list[dict]],
    cuts: list[float],
    step: float,
    offset: float,
    page: int,
    first: int,
    starts: Counter[int],
    how: str | None,
) -> list[Row]:
    """The header's rows, its labels set on them as the body's cells are (a label over two rows stands
    in the middle of both)."""
    if how not in (None, TOP):
        return middle_rows(Columns(lines, cuts, step, starts), step, how, lines, offset, page, first, header=True)[0]
    return aligned_rows(lines, cuts, step, offset, page, first, header=starts)


def _body_rows(
    lines: list[list[dict]], cuts: list[float], step: float, offset: float, page: int, first: int, how: str | None
) -> tuple[list[Row], str | None, bool]:
    """The body's rows as its cells stand on them (top, middle or bottom, as the page before where this
    page's rows do not tell), whether that is in doubt, and the alignment to hand on."""
    if not lines:
        return [], how, False
    columns = Columns(lines, cuts, step, None)
    found, mixed = alignment(columns, step, how)
    if found == TOP:
        return aligned_rows(lines, cuts, step, offset, page, first), found, mixed
    rows, unplaced = middle_rows(columns, step, found, lines, offset, page, first)
    return rows, found, mixed or unplaced


def _interleaved(above: list[dict], line: list[dict], step: float) -> bool:
    """A line less than a line step below the header's: a label of the header's next row beside one set
    in the middle of two rows (`Sasaran` halfway between `Target` and `2024`)."""
    return line[0]["bottom"] - above[0]["bottom"] < INTERLEAVED * step and not _numbers(line)


def _over_labels(line: list[dict], header: list[dict], step: float) -> bool:
    """A line just above the header's first line whose phrases each stand over some of its labels but not
    over the first (`Target` over the years, `KONDISI` over `AWAL`: labels set at the bottom of two rows)."""
    if header[0]["bottom"] - line[0]["bottom"] > ROW_STEP * step or _numbers(line):
        return False
    labels = _phrases(header)
    return all(
        any(_overlap(phrase, label) for label in labels[1:]) and not _overlap(phrase, labels[0])
        for phrase in _phrases(line)
    )


def _wrapped_label(header: list[list[dict]], line: list[dict], step: float) -> bool:
    """The next line of header cells that wrapped (`Kode` / `Program`, `Kondisi` / `Awal 2014`): one line
    step below the header, each phrase under a label it continues, and only some labels continued (a
    first row of data fills most columns)."""
    above = header[-1]
    if line[0]["bottom"] - above[0]["bottom"] > WRAPPED_STEP * step or _numbers(line):
        return False
    labels = _phrases(above)
    over = [next((i for i, p in enumerate(labels) if _overlap(p, phrase)), None) for phrase in _phrases(line)]
    return None not in over and 2 * len(set(over)) < len(labels)


def _overlap(one: list[dict], other: list[dict]) -> bool:
    return one[0]["x0"] < other[-1]["x1"] and other[0]["x0"] < one[-1]["x1"]


def _phrases(line: list[dict]) -> list[list[dict]]:
    phrases: list[list[dict]] = []
    for word in line:
        space = PHRASE_SPACE * (word["bottom"] - word["top"])
        if phrases and 0 <= word["x0"] - phrases[-1][-1]["x1"] <= space:
            phrases[-1].append(word)
        else:
            phrases.append([word])
    return phrases


def _text(line: list[dict]) -> str:
    return " ".join(w["text"] for w in line)


def _split_at_cuts(line: list[dict], cuts: list[float]) -> list[dict]:
    """A header line's words parted where a small gap inside one falls on a column's gutter (`TARGETSATUAN`
    set across two narrow columns)."""
    return _split_words(line, lambda x: any(abs(x - cut) <= GUTTER for cut in cuts))


def _part_run_together(header: list[list[dict]], cuts: list[float], body: list[list[dict]]) -> list[list[dict]]:
    """Header words printed against each other across a gutter (`SATUAN` touching `KONDISI`, too wide for
    its column): a word standing alone (no phrase around it) across a cut, beside a column that no other
    header word names, is parted where (to half a point) the body's words of the column right of the cut
    start, else between two header words (`TARGETSATUAN`, each label centred in its column)."""
    names = Counter(_column((w["x0"] + w["x1"]) / 2, cuts) for line in header for w in line)
    by_column: dict[int, list[dict]] = {}
    for word in (w for line in body for w in line):
        by_column.setdefault(_column((word["x0"] + word["x1"]) / 2, cuts), []).append(word)
    starts = {column: _exact_start(words) for column, words in by_column.items()}
    out = []
    for line in header:
        parted = []
        for index, word in enumerate(line):
            own = names - Counter([_column((word["x0"] + word["x1"]) / 2, cuts)])
            crossed = [_column(cut, cuts) + 1 for cut in cuts if word["x0"] < cut < word["x1"]]
            edges = [starts[c] for c in crossed if c in starts and not (own[c - 1] and own[c])]
            if not _alone(line, index, cuts) or not edges:
                parted.append(word)
                continue
            parted += _split_words([word], lambda x, edges=edges: any(abs(x - e) <= 0.5 for e in edges), "joints")
            if len(parted[-1]["text"]) == len(word["text"]):
                parted[-1:] = _split_words([word], _two_labels(word), "joints")
        out.append(parted)
    return out


def _two_labels(word: dict) -> Callable[[float], bool]:
    """Where a word splits into two words of IKU table headers (`TARGET` / `SATUAN`), centred labels run
    together; nowhere if not exactly once."""
    text = word["text"].lower()
    splits = [x for i, x in word.get("joints", ()) if text[:i] in COMMON and text[i:] in COMMON]
    return lambda x: len(splits) == 1 and x == splits[0]


def _exact_start(words: list[dict]) -> float:
    """Where most of a column's words start, to the point's fraction."""
    usual = Counter(round(w["x0"]) for w in words).most_common(1)[0][0]
    return min(w["x0"] for w in words if round(w["x0"]) == usual)


def _alone(line: list[dict], index: int, cuts: list[float]) -> bool:
    """A word with no other word of its phrase beside it (a space away, in a column it covers: a label
    of the next column set against it is no part of it)."""
    word = line[index]
    space = PHRASE_SPACE * (word["bottom"] - word["top"])
    covered = range(_column(word["x0"] + GUTTER / 2, cuts), _column(word["x1"] - GUTTER / 2, cuts) + 1)

    def beside(other: dict, gap: float) -> bool:
        return 0 <= gap <= space and _column((other["x0"] + other["x1"]) / 2, cuts) in covered

    before = index > 0 and beside(line[index - 1], word["x0"] - line[index - 1]["x1"])
    after = index + 1 < len(line) and beside(line[index + 1], line[index + 1]["x0"] - word["x1"])
    return not (before or after)


def _continued(carried: list[float], own: list[float], body: list[list[dict]]) -> list[float]:
    """A page that continues the table above keeps its columns; its own gutters add a column only where
    lines have words on both sides between two of those (a column the page before could not see), on two
    lines at least (a cell's last short line beside another cell's word is no column)."""
    bounds = [float("-inf"), *carried, float("inf")]
    added = []
    for cut in own:
        low = max(b for b in bounds if b < cut)
        high = min(b for b in bounds if b > cut)
        both = sum(1 for line in body if _sides(line, low, cut) and _sides(line, cut, high))
        if min(abs(cut - b) for b in bounds) >= GUTTER and both >= 2:
            added.append(cut)
    return sorted(carried + added)


def _sides(line: list[dict], low: float, high: float) -> bool:
    return any(low < (w["x0"] + w["x1"]) / 2 < high for w in line)


_LABEL_WORD_RE = re.compile(r"^(?:[A-Z][A-Z.,/&()-]*|\(?(?:19|20)\d\d\)?|\([^()]{1,12}\)|[IVX]+|-)$")


def _label_line(line: list[dict]) -> bool:
    """A further line of the header: capitals, years, units in brackets (`AWAL`, `2026`, `(%)`)."""
    return all(_LABEL_WORD_RE.match(w["text"]) for w in line) and not all(
        w["text"].strip("()").isdigit() and len(w["text"].strip("()")) <= 2 for w in line
    )


def _numbers(line: list[dict]) -> bool:
    """The row numbering the columns (`1 2 3 … 11`): set centred in the columns, not where their text starts."""
    texts = [w["text"].strip("()") for w in line]
    if len(texts) < 3 or not texts[0].isdigit():
        return False
    return texts == [str(n) for n in range(int(texts[0]), int(texts[0]) + len(texts))]


def _free_near(body: list[list[dict]], x: float, space: float) -> float | None:
    """The carried cut `x`, or the nearest free place within its gutter's half-width (a wider code on this
    page reaches into the gutter: `10.1` below `1.1`); None where the page writes across."""
    shifts = sorted((d / 10 for d in range(-int(GUTTER * 5), int(GUTTER * 5) + 1)), key=abs)
    return next((x + d for d in shifts if _free(body, x + d, space)), None)


def _free(body: list[list[dict]], x: float, space: float) -> bool:
    """Whether (nearly) no line of the body writes across `x`."""
    if not body:
        return False
    left = min(w["x0"] for line in body for w in line)
    width = max(w["x1"] for line in body for w in line) - left
    crossing = sum(
        1
        for line in body
        if not (_spans_columns(line, width, space) or _heading(line, left, space) or _overprinted(line))
        and any(w["x0"] - REACH <= x <= w["x1"] + REACH for w in line)
    )
    return crossing <= int(OPEN_SHARE * len(body))
