"""A ruled PDF table's cells from its ruling lines (pdfminer's line and rectangle objects): the lines cut
the table into a lattice, cells without a line between them are one merged cell, and each word goes to
the cell it stands in, so a ruled PDF table reaches the grid as its DOCX would."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from ..grid import Cell, words_confidence

# Points within which two ruling lines are the same line, or a line reaches another.
SNAP = 2.0
# A rule thinner than this (points) is a line, not a filled box.
THIN = 2.5
# A border must cover this share of a cell's side to separate two cells.
COVER = 0.6
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
    """The page's ruling lines: thin rectangles and lines, and the four sides of wider rectangles."""
    from pdfminer.layout import LTCurve, LTLine, LTRect

    out: list[Segment] = []
    stack = [layout]
    while stack:
        node = stack.pop()
        for child in node:
            if isinstance(child, (LTRect, LTLine)) or (isinstance(child, LTCurve) and len(child.pts) == 2):
                x0, y0, x1, y1 = child.bbox
                top, bottom = height - y1, height - y0
                out.extend(_sides(x0, top, x1, bottom, isinstance(child, LTRect)))
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


def _groups(lines: list[Segment]) -> list[list[Segment]]:
    """Ruling lines that touch one another, as separate tables."""
    parent = list(range(len(lines)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    horizontal = [i for i, s in enumerate(lines) if s.horizontal]
    vertical = [i for i, s in enumerate(lines) if not s.horizontal]
    for h, v in itertools.product(horizontal, vertical):
        a, b = lines[h], lines[v]
        if a.start - SNAP <= b.at <= a.end + SNAP and b.start - SNAP <= a.at <= b.end + SNAP:
            parent[find(h)] = find(v)
    out: dict[int, list[Segment]] = {}
    for i, line in enumerate(lines):
        out.setdefault(find(i), []).append(line)
    return list(out.values())


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
    """Collinear pieces of one ruling line (a border drawn cell by cell) joined into one segment."""
    out: list[Segment] = []
    for horizontal in (True, False):
        same = [s for s in lines if s.horizontal is horizontal]
        for at in _cluster([s.at for s in same]):
            pieces = sorted((s.start, s.end) for s in same if abs(s.at - at) <= SNAP)
            start, end = pieces[0]
            for a, b in pieces[1:]:
                if a <= end + SNAP:
                    end = max(end, b)
                else:
                    out.append(Segment(horizontal, at, start, end))
                    start, end = a, b
            out.append(Segment(horizontal, at, start, end))
    return out


def find_lattices(lines: list[Segment]) -> list[Lattice]:
    """The ruled tables of a page, top to bottom."""
    found = [_lattice(group) for group in _groups(_merged(lines))]
    return sorted((t for t in found if t is not None), key=lambda t: t.ys[0])


def _region_of(lattice: Lattice, word: dict) -> Region | None:
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    for region in lattice.regions:
        x0, top, x1, bottom = region.box
        if x0 - 0.5 <= cx <= x1 + 0.5 and top - 0.5 <= cy <= bottom + 0.5:
            return region
    return None


def cell_lines(words: list[dict], tolerance: float) -> list[tuple[str, float]]:
    """A cell's words as its lines of text, each with the top of the line."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (w["bottom"], w["x0"])):
        if lines and abs(lines[-1][0]["bottom"] - word["bottom"]) <= tolerance:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [
        (" ".join(w["text"] for w in sorted(line, key=lambda w: w["x0"])), min(w["top"] for w in line))
        for line in lines
    ]


def full_lines(words: list[dict], tolerance: float, limit: float) -> list[bool]:
    """For each of a cell's lines, whether its text reaches `limit` (within about one character)."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (w["bottom"], w["x0"])):
        if lines and abs(lines[-1][0]["bottom"] - word["bottom"]) <= tolerance:
            lines[-1].append(word)
        else:
            lines.append([word])
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
    for region in lattice.regions:
        lines = cell_lines(region.words, tolerance)
        padding = min((w["x0"] for w in region.words), default=region.box[0]) - region.box[0]
        limit = region.box[2] - min(max(padding, 1.0), 8.0)
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
