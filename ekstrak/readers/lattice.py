"""A ruled PDF table's cells from its ruling lines (pdfminer's line and rectangle objects): the lines cut
the table into a lattice, cells without a line between them are one merged cell, and each word goes to
the cell it stands in, so a ruled PDF table reaches the grid as its DOCX would."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..grid import Cell, words_confidence

# Points within which two ruling lines are the same line, or a line reaches another.
SNAP = 2.0
# A rule thinner than this (points) is a line, not a filled box.
THIN = 2.5
# Pieces of one ruling line this close (points) are one line: a dashed border, or one drawn cell by cell
# (no cell is this narrow).
DASH_GAP = 6.0
# A border must cover this share of a cell's side to separate two cells.
COVER = 0.6
# A gap between columns of a table ruled only across is at least this many narrow character widths.
GUTTER = 1.0
# Most lines of a table ruled only across stand in rows of at most this many lines: rules between rows.
BAND_LINES = 8
# The most a table's cells are padded (points): more is a text set in from the cell's side.
MAX_PADDING = 20.0
# A lattice needs at least this many columns and rows to be a table.
MIN_COLUMNS = 2
MIN_ROWS = 2


@dataclass
class Segment:
    """A horizontal (y fixed) or vertical (x fixed) ruling line, in points from the page's top-left."""

    horizontal: bool
    at: float
    start: float
    end: float


def segments(layout, height: float) -> list[Segment]:
    """The page's ruling lines: thin rectangles and lines, and the four sides of wider rectangles drawn
    as boxes (a filled one, unless thin, is a cell's shading: it rules nothing)."""
    from pdfminer.layout import LTCurve, LTLine, LTRect

    out: list[Segment] = []
    stack = [layout]
    while stack:
        node = stack.pop()
        for child in node:
            if isinstance(child, (LTRect, LTLine)) or (isinstance(child, LTCurve) and len(child.pts) == 2):
                x0, y0, x1, y1 = child.bbox
                top, bottom = height - y1, height - y0
                box = isinstance(child, LTRect) and (child.stroke or not child.fill)  # a filled box is shading
                out.extend(_sides(x0, top, x1, bottom, box))
            elif hasattr(child, "_objs"):
                stack.append(child)
    return out


def _sides(x0: float, top: float, x1: float, bottom: float, box: bool) -> list[Segment]:
    if bottom - top <= THIN and x1 - x0 > THIN:
        return [Segment(True, (top + bottom) / 2, x0, x1)]
    if x1 - x0 <= THIN and bottom - top > THIN:
        return [Segment(False, (x0 + x1) / 2, top, bottom)]
    if not box or x1 - x0 <= THIN or bottom - top <= THIN:
        return []
    return [
        Segment(True, top, x0, x1),
        Segment(True, bottom, x0, x1),
        Segment(False, x0, top, bottom),
        Segment(False, x1, top, bottom),
    ]


def _cluster(values: list[float]) -> list[float]:
    """Positions within SNAP of each other as one (their mean)."""
    groups: list[list[float]] = []
    for value in sorted(values):
        if groups and value - groups[-1][-1] <= SNAP:
            groups[-1].append(value)
        else:
            groups.append([value])
    return [sum(g) / len(g) for g in groups]


def _covered(lines: list[Segment], at: float, start: float, end: float) -> bool:
    """Whether ruling lines at `at` cover most of [start, end]."""
    pieces = sorted((max(s.start, start), min(s.end, end)) for s in lines if abs(s.at - at) <= SNAP)
    total, reach = 0.0, start
    for a, b in pieces:
        if b <= reach:
            continue
        total += b - max(a, reach)
        reach = b
    return total >= COVER * (end - start)


@dataclass
class Region:
    """A cell of the lattice, perhaps merged over several lattice cells: its first row and column, its
    spans, its box, and the words standing in it."""

    row: int
    column: int
    rowspan: int
    colspan: int
    box: tuple[float, float, float, float]
    words: list[dict] = field(default_factory=list)


@dataclass
class Lattice:
    """One ruled table: its column and row lines, and its cells."""

    xs: list[float]
    ys: list[float]
    regions: list[Region]

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def holds(self, word: dict) -> bool:
        x0, top, x1, bottom = self.box
        cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
        return x0 - SNAP <= cx <= x1 + SNAP and top - SNAP <= cy <= bottom + SNAP


def connected(count: int, links: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The items 0 … count-1 in groups joined by the links (each group in order, groups by first item)."""
    parent = list(range(count))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in links:
        parent[find(i)] = find(j)
    out: dict[int, list[int]] = {}
    for i in range(count):
        out.setdefault(find(i), []).append(i)
    return list(out.values())


def _groups(lines: list[Segment]) -> list[list[Segment]]:
    """Ruling lines that touch one another, as separate tables."""
    horizontal = [i for i, s in enumerate(lines) if s.horizontal]
    vertical = [i for i, s in enumerate(lines) if not s.horizontal]
    touching = (
        (h, v)
        for h, v in itertools.product(horizontal, vertical)
        if lines[h].start - DASH_GAP <= lines[v].at <= lines[h].end + DASH_GAP
        and lines[v].start - DASH_GAP <= lines[h].at <= lines[v].end + DASH_GAP
    )
    return [[lines[i] for i in group] for group in connected(len(lines), touching)]


def _lattice(lines: list[Segment]) -> Lattice | None:
    xs = _cluster([s.at for s in lines if not s.horizontal])
    ys = _cluster([s.at for s in lines if s.horizontal])
    if len(xs) < MIN_COLUMNS + 1 or len(ys) < MIN_ROWS + 1:
        return None
    rows, columns = len(ys) - 1, len(xs) - 1
    horizontal = [s for s in lines if s.horizontal]
    vertical = [s for s in lines if not s.horizontal]
    parent = {(r, c): (r, c) for r in range(rows) for c in range(columns)}

    def find(key: tuple[int, int]) -> tuple[int, int]:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for r, c in itertools.product(range(rows), range(columns)):
        if c + 1 < columns and not _covered(vertical, xs[c + 1], ys[r], ys[r + 1]):
            parent[find((r, c + 1))] = find((r, c))
        if r + 1 < rows and not _covered(horizontal, ys[r + 1], xs[c], xs[c + 1]):
            parent[find((r + 1, c))] = find((r, c))
    members: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for key in parent:
        members.setdefault(find(key), []).append(key)
    regions = []
    for cells in members.values():
        r0, c0 = min(r for r, _ in cells), min(c for _, c in cells)
        r1, c1 = max(r for r, _ in cells), max(c for _, c in cells)
        regions.append(Region(r0, c0, r1 - r0 + 1, c1 - c0 + 1, (xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1])))
    return Lattice(xs, ys, regions)


def _merged(lines: list[Segment]) -> list[Segment]:
    """Collinear pieces of one ruling line (a border drawn cell by cell, or dashed) joined into one segment."""
    out: list[Segment] = []
    for horizontal in (True, False):
        same = [s for s in lines if s.horizontal is horizontal]
        for at in _cluster([s.at for s in same]):
            pieces = sorted((s.start, s.end) for s in same if abs(s.at - at) <= SNAP)
            start, end = pieces[0]
            for a, b in pieces[1:]:
                if a <= end + DASH_GAP:
                    end = max(end, b)
                else:
                    out.append(Segment(horizontal, at, start, end))
                    start, end = a, b
            out.append(Segment(horizontal, at, start, end))
    return out


def find_lattices(lines: list[Segment], words: list[dict] | None = None) -> list[Lattice]:
    """The ruled tables of a page, top to bottom; with the page's words, tables ruled only across too."""
    found, unused = [], []
    for group in _groups(_merged(lines)):
        lattice = _lattice(group)
        found.append(lattice)
        if lattice is None:
            unused.extend(s for s in group if s.horizontal)
    for stack in _stacks(unused) if words else []:
        found.append(_lattice(stack + _text_columns(stack, words or [])))
    return sorted((t for t in found if t is not None), key=lambda t: t.ys[0])


def _stacks(horizontal: list[Segment]) -> list[list[Segment]]:
    """Rules one above another within the extent of the widest, at least MIN_ROWS + 2 at different heights:
    a table ruled only across (its rows between the rules, shorter rules under a cell merged down), with
    rules between its body rows, not only under its header."""
    stacks: list[list[Segment]] = []
    for rule in sorted(horizontal, key=lambda s: s.start - s.end):
        for stack in stacks:
            if stack[0].start - 2 * SNAP <= rule.start and rule.end <= stack[0].end + 2 * SNAP:
                stack.append(rule)
                break
        else:
            stacks.append([rule])
    return [stack for stack in stacks if len(_cluster([s.at for s in stack])) >= MIN_ROWS + 2]


def _text_columns(stack: list[Segment], words: list[dict]) -> list[Segment]:
    """Column lines for a table ruled only across: its sides, and a line down each gap between columns that
    no phrase of a line with several phrases crosses, drawn in each row where no phrase crosses it."""
    left, right = min(s.start for s in stack), max(s.end for s in stack)
    ys = _cluster([s.at for s in stack])
    inside = [w for w in words if left <= (w["x0"] + w["x1"]) / 2 <= right and ys[0] <= w["bottom"] <= ys[-1]]
    widths = sorted((w["x1"] - w["x0"]) / len(w["text"]) for w in inside if w["text"])
    if not widths:
        return []
    unit = widths[len(widths) // 10]
    bands = [
        [w for w in inside if top < (w["top"] + w["bottom"]) / 2 < bottom] for top, bottom in itertools.pairwise(ys)
    ]
    band_phrases = [_line_phrases(band, GUTTER * unit) for band in bands]
    crowded = sum(len(lines) for lines in band_phrases if len(lines) > BAND_LINES)
    if 2 * crowded > sum(len(lines) for lines in band_phrases):
        return []  # rules that frame blocks of rows (a header's underline, the table's top and bottom)
    spans = sorted(p for lines in band_phrases for line in lines if len(line) > 1 for p in line)
    cuts: list[float] = []
    if spans:
        reach = spans[0][1]
        for x0, x1 in spans[1:]:
            if x0 - reach >= GUTTER * unit:
                cuts.append((x0 + reach) / 2)
            reach = max(reach, x1)
    out = [Segment(False, left, ys[0], ys[-1]), Segment(False, right, ys[0], ys[-1])]
    for (top, bottom), lines in zip(itertools.pairwise(ys), band_phrases):
        phrases = [p for line in lines for p in line]
        out.extend(Segment(False, cut, top, bottom) for cut in cuts if not _merged_over(cut, phrases, cuts))
    return out


def _merged_over(cut: float, phrases: list[tuple[float, float]], cuts: list[float]) -> bool:
    """Whether a row's cell is merged over the column gap at `cut`: a phrase crosses it, or a phrase that
    crosses another gap reaches on over empty cells to it (a group heading across the whole row)."""
    if any(a < cut < b for a, b in phrases):
        return True
    for a, b in phrases:
        if b < cut and any(a < other < b for other in cuts):
            return not any(b <= a2 < cut for a2, _ in phrases)
    return False


def _line_phrases(words: list[dict], gap: float) -> list[list[tuple[float, float]]]:
    """A row's words line by line, each line as the extents of its runs of words closer than `gap`."""
    out = []
    for line in word_lines(words, THIN):
        phrases: list[tuple[float, float]] = []
        for word in sorted(line, key=lambda w: w["x0"]):
            if phrases and word["x0"] - phrases[-1][1] < gap:
                phrases[-1] = (phrases[-1][0], max(phrases[-1][1], word["x1"]))
            else:
                phrases.append((word["x0"], word["x1"]))
        out.append(phrases)
    return out


def word_lines(words: list[dict], tolerance: float) -> list[list[dict]]:
    """Words in lines: those whose bottoms are within `tolerance` of the line's first word, top to bottom."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (w["bottom"], w["x0"])):
        if lines and abs(lines[-1][0]["bottom"] - word["bottom"]) <= tolerance:
            lines[-1].append(word)
        else:
            lines.append([word])
    return lines


def _region_of(lattice: Lattice, word: dict) -> Region | None:
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    for region in lattice.regions:
        x0, top, x1, bottom = region.box
        if x0 - 0.5 <= cx <= x1 + 0.5 and top - 0.5 <= cy <= bottom + 0.5:
            return region
    return None


def cell_lines(words: list[dict], tolerance: float) -> list[tuple[str, float]]:
    """A cell's words as its lines of text, each with the top of the line."""
    lines = word_lines(words, tolerance)
    return [
        (" ".join(w["text"] for w in sorted(line, key=lambda w: w["x0"])), min(w["top"] for w in line))
        for line in lines
    ]


def full_lines(words: list[dict], tolerance: float, limit: float) -> list[bool]:
    """For each of a cell's lines, whether its text reaches `limit` (within about one character)."""
    lines = word_lines(words, tolerance)
    out = []
    for line in lines:
        last = max(line, key=lambda w: w["x1"])
        char = (last["x1"] - last["x0"]) / max(1, len(last["text"]))
        out.append(last["x1"] >= limit - 1.5 * char)
    return out


def lattice_rows(
    lattice: Lattice, words: list[dict], tolerance: float, offset: float
) -> list[tuple[float, list[Cell]]]:
    """The table's rows: each a list of cells, one per lattice column (a merged cell at its first row and
    column, empty cells where it spans), with the top of the row; `offset` places tops in the document."""
    for word in words:
        region = _region_of(lattice, word)
        if region is not None:
            region.words.append(word)
    columns = len(lattice.xs) - 1
    grid: list[list[Cell]] = [[Cell([], []) for _ in range(columns)] for _ in range(len(lattice.ys) - 1)]
    # the cells' padding is the table's: the least space before a cell's text (a centred text has more)
    offsets = [min(w["x0"] for w in region.words) - region.box[0] for region in lattice.regions if region.words]
    padding = min(max(min(offsets, default=1.0), 1.0), MAX_PADDING)
    for region in lattice.regions:
        lines = cell_lines(region.words, tolerance)
        limit = region.box[2] - padding
        grid[region.row][region.column] = Cell(
            [text for text, _ in lines],
            [offset + top for _, top in lines],
            region.colspan,
            region.rowspan,
            full_lines(region.words, tolerance, limit),
            region.box,
            words_confidence(region.words),
        )
    return [(offset + lattice.ys[r], cells) for r, cells in enumerate(grid) if any(not c.empty for c in cells)]
