"""Rows of a borderless table whose cells stand in the middle of their rows or at their bottoms (as a
browser prints an HTML table by default): a row is the cells that stand beside one another, each set as
the row sets them; a merged cell belongs to the run of rows it stands in the middle (or at the bottom) of."""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from dataclasses import dataclass, field

from ..grid import Cell, Row
from .aligned import GUTTER, ROW_TOLERANCE, Columns, blocks, line_number, lines_of
from .lattice import connected

TOP, MIDDLE, BOTTOM = "top", "middle", "bottom"
# Two cells overlap (stand beside one another) when they share more than this height (points).
OVERLAP = 0.5
# A page's alignment is in doubt when fewer than this share of the rows that tell the alignments apart agree.
AGREEING = 0.8
# A cell's usual line step is taken from at least this many steps alike (a header's few lines have fewer).
USUAL_STEPS = 3
# A header label over several columns stands this near (points) the middle of them.
LABEL_CENTRE = 6.0
# A label stands at least this far (points) left of the text it numbers.
LABEL_GAP = 2.0


@dataclass
class Block:
    """One column's cell (`column` -1: a line across the table) and its height on the page."""

    column: int
    words: list[dict]
    top: float = 0.0
    bottom: float = 0.0

    def __post_init__(self) -> None:
        self.top = min(w["top"] for w in self.words)
        self.bottom = max(w["bottom"] for w in self.words)

    def key(self, how: str) -> float:
        """Where the alignment sets the cell: its top, its middle or its bottom."""
        return self.top if how == TOP else self.bottom if how == BOTTOM else (self.top + self.bottom) / 2

    def overlaps(self, other: Block) -> bool:
        return min(self.bottom, other.bottom) - max(self.top, other.top) > OVERLAP


@dataclass
class Band:
    """A row: the cells set as the alignment sets them on it, and the height they take."""

    blocks: list[Block]
    across: bool = False  # a line across the table: no merged cell runs over it
    top: float = 0.0
    bottom: float = 0.0

    def __post_init__(self) -> None:
        self.top = min(b.top for b in self.blocks)
        self.bottom = max(b.bottom for b in self.blocks)


@dataclass
class Layout:
    """A page's body cut into rows under one alignment: each block on the first row it covers."""

    how: str
    bands: list[Band]
    placed: dict[int, list[Block]] = field(default_factory=dict)  # band index: blocks starting there
    unplaced: int = 0  # cells that stand as the alignment sets them on no row or run of rows


def cell_step(columns: Columns, step: float) -> float:
    """The usual step between two lines of one cell, from each column's own lines (the page's lines
    interleave where short cells stand in the middle of tall ones); the page's step where none fits."""
    steps = [b[0]["bottom"] - a[0]["bottom"] for words in columns.words for a, b in itertools.pairwise(lines_of(words))]
    heights = [w["bottom"] - w["top"] for words in columns.words for w in words]
    if not heights:
        return step
    height = statistics.median(heights)
    counted = Counter(round(s * 4) / 4 for s in steps if 0.95 * height <= s <= 1.5 * height)
    usual = counted.most_common(1)
    return usual[0][0] if usual and usual[0][1] >= USUAL_STEPS else step


def body_blocks(columns: Columns, step: float) -> list[Block]:
    """The body's cells: each column's blocks of lines, and the lines across the table."""
    step = cell_step(columns, step)
    found = [Block(c, b) for c, words in enumerate(columns.words) for b in blocks(words, step)]
    return found + [Block(-1, line) for line in columns.spanning]


def bands_of(found: list[Block]) -> tuple[list[list[Block]], list[Block]]:
    """The groups of cells that stand beside one another (a row, before its alignment is known), and the
    cells that stand beside two cells of one other column (merged over rows)."""
    by_column: dict[int, list[Block]] = {}
    for block in found:
        by_column.setdefault(block.column, []).append(block)
    spread = [
        b
        for b in found
        if b.column >= 0
        and any(
            sum(1 for o in others if b.overlaps(o)) >= 2 for c, others in by_column.items() if c not in (b.column, -1)
        )
    ]
    single = [b for b in found if b not in spread and b.column >= 0]
    side_by_side = (
        (i, j)
        for i, j in itertools.combinations(range(len(single)), 2)
        if single[j].column != single[i].column and single[i].overlaps(single[j])
    )
    rows = [[single[i] for i in group] for group in connected(len(single), side_by_side)]
    rows += [[b] for b in found if b.column == -1]
    return sorted(rows, key=lambda g: min(b.top for b in g)), spread


def _settle(group: list[Block], how: str) -> tuple[list[Block], list[Block]]:
    """The cells of a group set alike (most of them: their tops, middles or bottoms in one place), and
    the rest (merged cells that only stand beside this row's)."""

    def alike_to(one: Block) -> list[Block]:
        return [b for b in group if abs(b.key(how) - one.key(how)) <= ROW_TOLERANCE]

    alike = alike_to(max(group, key=lambda b: (len(alike_to(b)), b.bottom - b.top)))
    return alike, [b for b in group if b not in alike]


def layout(groups: list[list[Block]], spread: list[Block], how: str, edges: list[float] | None = None) -> Layout:
    """The rows under one alignment, each merged cell given to the run of rows it is set on (in a body,
    cells left of the indicators' column may be merged cells as tall as one row; in a header, whose
    columns' `edges` are given, any label not under a label over several columns may be)."""
    bands: list[Band] = []
    loose = list(spread)
    for group in groups:
        alike, rest = _settle(group, how)
        bands.append(Band(alike, across=alike[0].column == -1))
        loose += rest
    bands.sort(key=lambda band: band.top)
    result = Layout(how, bands)
    taken: dict[int, set[int]] = {}  # column: rows it has a cell on
    merging: set[int] = set()  # columns with a cell over a run of rows
    for index, band in enumerate(bands):
        for block in band.blocks:
            result.placed.setdefault(index, []).append(block)
            taken.setdefault(block.column, set()).add(index)
    for block in sorted(loose, key=lambda b: b.top):
        rows = _run(bands, taken.setdefault(block.column, set()), block, how)
        if rows is None:
            result.unplaced += 1
            rows = range(_nearest(bands, block), _nearest(bands, block) + 1)
        result.placed.setdefault(rows[0], []).append(block)
        taken[block.column].update(rows)
        merging.add(block.column) if len(rows) > 1 else None
    if edges is None:
        for column in sorted(merging | set(range(_key_column(bands)))):
            _widen(result, taken.setdefault(column, set()), column)
        return result
    under = _under_labels(bands, edges)
    for column in range(len(edges) - 1):
        _widen(result, taken.setdefault(column, set()) | {i for i, c in under if c == column}, column)
    return result


def _under_labels(bands: list[Band], edges: list[float]) -> set[tuple[int, int]]:
    """The (row, column) places a header label centred over several columns stands over (`TARGET` over
    the years): the widest run of columns around its own, free on its row, whose middle is its middle."""
    under = set()
    for index, band in enumerate(bands):
        own = {b.column for b in band.blocks}
        for block in band.blocks:
            if block.column < 0:
                continue
            middle = (min(w["x0"] for w in block.words) + max(w["x1"] for w in block.words)) / 2
            runs = [
                (first, last)
                for first in range(block.column + 1)
                for last in range(block.column, len(edges) - 1)
                if last > first
                and not own & (set(range(first, last + 1)) - {block.column})
                and abs((edges[first] + edges[last + 1]) / 2 - middle) <= LABEL_CENTRE
            ]
            if runs:
                first, last = max(runs, key=lambda r: r[1] - r[0])
                under.update((index, c) for c in range(first, last + 1) if c != block.column)
    return under


def _key_column(bands: list[Band]) -> int:
    """The column with a cell on most rows (the indicators'): merged cells stand left of it."""
    counted = Counter(b.column for band in bands if not band.across for b in band.blocks)
    return counted.most_common(1)[0][0] if counted else 0


def _widen(result: Layout, taken: set[int], column: int) -> None:
    """A column's cells that stand as the alignment sets them both on their own row and on a run of free
    rows around it (a merged cell as tall as a row of the run) given to the run: from the first free row."""
    bands = result.bands
    for index in sorted(taken):
        block = next((b for b in result.placed.get(index, []) if b.column == column), None)
        first = index
        while first > 0 and first - 1 not in taken and not bands[first - 1].across:
            first -= 1
        if block is None or first == index:
            continue
        last = index
        while True:
            if abs(_band_key(bands[first], bands[last], result.how) - block.key(result.how)) <= ROW_TOLERANCE:
                result.placed[index].remove(block)
                result.placed.setdefault(first, []).append(block)
                taken.update(range(first, last + 1))
                break
            if last + 1 >= len(bands) or last + 1 in taken or bands[last + 1].across:
                break
            last += 1


def _run(bands: list[Band], taken: set[int], block: Block, how: str) -> range | None:
    """The run of free rows a merged cell is set on: from the first row after the column's cell above
    (and after a line across the table) where one fits, else the shortest; a centred cell the page break
    cuts, its lines from the top of its first row down to the page's last, on those."""
    above = max((i for i in taken if bands[i].top < block.top), default=-1)
    fits = []
    for first in range(above + 1, len(bands)):
        if first in taken:
            break
        if bands[first].across:
            above = first
            continue
        for last in range(first, len(bands)):
            if last in taken or bands[last].across or bands[first].top > block.bottom:
                break
            key = _band_key(bands[first], bands[last], how)
            if abs(key - block.key(how)) <= ROW_TOLERANCE:
                fits.append(range(first, last + 1))
    if fits:
        return next((r for r in fits if r[0] == above + 1), min(fits, key=len))
    first = next((i for i in range(above + 1, len(bands)) if abs(bands[i].top - block.top) <= ROW_TOLERANCE), None)
    rest = range(first, len(bands)) if first is not None else range(0)
    if how == MIDDLE and rest and all(i not in taken and not bands[i].across for i in rest):
        return rest
    return None


def _band_key(first: Band, last: Band, how: str) -> float:
    return first.top if how == TOP else last.bottom if how == BOTTOM else (first.top + last.bottom) / 2


def _nearest(bands: list[Band], block: Block) -> int:
    middle = (block.top + block.bottom) / 2
    return min(range(len(bands)), key=lambda i: abs((bands[i].top + bands[i].bottom) / 2 - middle))


def votes(groups: list[list[Block]]) -> Counter[str]:
    """For each row whose cells differ in height, the alignment that sets all its cells alike."""
    counted: Counter[str] = Counter()
    for group in groups:
        heights = [b.bottom - b.top for b in group]
        if len(group) < 2 or max(heights) - min(heights) <= ROW_TOLERANCE:
            continue
        fitting = [how for how in (TOP, MIDDLE, BOTTOM) if not _settle(group, how)[1]]
        if len(fitting) == 1:
            counted[fitting[0]] += 1
    return counted


def alignment(columns: Columns, step: float, carried: str | None) -> tuple[str, bool]:
    """How the page sets its cells on their rows, and whether that is in doubt (rows that tell the
    alignments apart disagree). With no row to tell, the page before's; else top."""
    groups, _ = bands_of(body_blocks(columns, step))
    return decide(votes(groups), carried)


def decide(counted: Counter[str], carried: str | None) -> tuple[str, bool]:
    """The alignment most rows vote for, and whether that is in doubt; with no vote the page before's (or
    top), and with votes that disagree the page before's way when some rows here vote for it too."""
    if not counted:
        return carried or TOP, False
    how, most = counted.most_common(1)[0]
    unclear = most < AGREEING * sum(counted.values())
    if unclear and carried is not None and counted[carried]:
        return carried, True
    return how, unclear


def middle_rows(
    columns: Columns,
    step: float,
    how: str,
    lines: list[list[dict]],
    offset: float,
    page: int,
    first_line: int,
    header: bool = False,
) -> tuple[list[Row], bool]:
    """The body's (or header's) rows under an alignment, and whether some cell stands on no row or run of
    rows."""
    groups, spread = bands_of(body_blocks(columns, step))
    found = layout(groups, spread, how, _edges(columns) if header else None)
    rows = []
    for index, band in enumerate(found.bands):
        cells = [Cell([], []) for _ in range(columns.count)]
        for block in sorted(found.placed.get(index, []), key=lambda b: b.top):
            cell = columns.cell(_label_first(block.words), block.column, offset)
            if block.column == -1 or cells[0].colspan > 1:
                cells[0] = cell
            elif cells[block.column].empty:
                cells[block.column] = cell
            else:
                cells[block.column].extend(cell)
        rows.append(Row(cells, page, first_line + line_number(lines, band.top)))
    return rows, found.unplaced > 0


def _edges(columns: Columns) -> list[float]:
    """Where a header's columns start and end: at the gutters, the outer ones as far out as their labels,
    centred in them, put them."""
    if not columns.cuts:
        words = [w for column in columns.words for w in column]
        return [min(w["x0"] for w in words), max(w["x1"] for w in words)]
    first, last = columns.words[0], columns.words[-1]
    left = 2 * (min(w["x0"] for w in first) + max(w["x1"] for w in first)) / 2 - columns.cuts[0] if first else None
    right = 2 * (min(w["x0"] for w in last) + max(w["x1"] for w in last)) / 2 - columns.cuts[-1] if last else None
    return [
        left if left is not None else columns.cuts[0] - GUTTER,
        *columns.cuts,
        right if right is not None else columns.cuts[-1] + GUTTER,
    ]


def _label_first(words: list[dict]) -> list[dict]:
    """A cell's words with a label set apart left of its text (`3.` in the middle or at the bottom of a
    two-line indicator, the text's lines all starting further right) moved onto the text's first line."""
    lines = lines_of(words)
    if len(lines) < 2:
        return words
    left = max(line[0]["x0"] for line in lines)
    label = [w for w in words if w["x1"] < left - LABEL_GAP]
    holding = [line for line in lines if any(w in label for w in line)]
    if len(holding) != 1:
        return words
    rest = holding[0][len(label) :]
    if holding[0][: len(label)] != label or (rest and abs(rest[0]["x0"] - left) > LABEL_GAP):
        return words
    first = next(line for line in lines if line is not holding[0] or rest)
    top, bottom = first[0]["top"], first[0]["bottom"]
    return [{**w, "top": top, "bottom": bottom} if w in label else w for w in words]
