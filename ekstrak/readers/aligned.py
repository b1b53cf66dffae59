"""A borderless PDF table (a web page printed to PDF) cut into cells by the words' own geometry: columns
where a vertical strip stays empty through the table's body, rows where the cells of a top-aligned table
start (a cell's lines follow one another at the line step; a new cell starts after a larger step)."""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Callable

from ..grid import Cell, Row, words_confidence
from .lattice import cell_lines, full_lines

# Points within which words stand on one line, and new cells start on one row.
LINE_TOLERANCE = 2.5
ROW_TOLERANCE = 3.0
# A step this much over the usual line step starts a new cell in a column.
NEW_CELL = 1.25
# A vertical strip this wide (points) with no word in the body parts two columns.
GUTTER = 6.0
# A header may stand over this many lines.
HEADER_LINES = 3
# A gutter may be crossed by this share of the body's lines.
OPEN_SHARE = 0.04
# A line of one phrase wider than this share of the table is a group heading across the columns.
SPANNING = 0.5


def lines_of(words: list[dict]) -> list[list[dict]]:
    """Words grouped into lines by their bottoms, top to bottom, each line left to right."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (w["bottom"], w["x0"])):
        if lines and abs(lines[-1][0]["bottom"] - word["bottom"]) <= LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _spans_columns(line: list[dict], width: float, space: float) -> bool:
    """A line whose words run on as one phrase across much of the table (a group heading)."""
    gaps = [b["x0"] - a["x1"] for a, b in itertools.pairwise(line)]
    return all(g < space for g in gaps) and line[-1]["x1"] - line[0]["x0"] > SPANNING * width


def _heading(line: list[dict], left: float, space: float) -> bool:
    """A group heading: one phrase set from the table's left edge (it runs across the first columns)."""
    gaps = [b["x0"] - a["x1"] for a, b in itertools.pairwise(line)]
    return len(line) > 1 and line[0]["x0"] - left <= 3 and all(g < space for g in gaps)


def gutters(body: list[list[dict]], space: float) -> list[float]:
    """Where one column ends and the next starts: strips of the page that (nearly) no line of the body
    writes in; a few lines running across (group headings, a budget block, a signature) do not close them."""
    if not body:
        return []
    left = int(min(w["x0"] for line in body for w in line))
    right = int(max(w["x1"] for line in body for w in line)) + 1
    covered = [0] * (right - left + 1)
    for line in body:
        if _spans_columns(line, right - left, space) or _heading(line, left, space):
            continue
        marks = set()
        for word in line:
            marks.update(range(int(word["x0"]) - left, int(word["x1"]) - left + 1))
        for x in marks:
            covered[x] += 1
    allowed = int(OPEN_SHARE * len(body))
    cuts: list[float] = []
    run = None
    for x, count in enumerate(covered):
        if count <= allowed and 0 < x < len(covered) - 1:
            run = x if run is None else run
            continue
        if run is not None and x - run >= GUTTER:
            cuts.append(left + (run + x) / 2)
        run = None
    return cuts


def _column(x: float, cuts: list[float]) -> int:
    return sum(1 for cut in cuts if cut < x)


def _blocks(words: list[dict], step: float) -> list[list[dict]]:
    """One column's words as cells: lines that follow one another at about the line step."""
    blocks: list[list[dict]] = []
    last_bottom = None
    for line in lines_of(words):
        bottom = line[0]["bottom"]
        if blocks and last_bottom is not None and bottom - last_bottom <= NEW_CELL * step:
            blocks[-1].extend(line)
        else:
            blocks.append(list(line))
        last_bottom = bottom
    return blocks


def line_step(lines: list[list[dict]]) -> float:
    """The usual distance between two lines of one cell (the smallest common step)."""
    steps = sorted(b[0]["bottom"] - a[0]["bottom"] for a, b in itertools.pairwise(lines))
    steps = [s for s in steps if s > LINE_TOLERANCE]
    if not steps:
        return 12.0
    low = steps[: max(1, len(steps) // 3)]
    return statistics.median(low)


def aligned_rows(
    lines: list[list[dict]], cuts: list[float], step: float, offset: float, page: int, first_line: int
) -> list[Row]:
    """The table's rows: each column's cells, gathered on the rows where cells start."""
    columns = len(cuts) + 1
    width = (max(w["x1"] for line in lines for w in line) - min(w["x0"] for line in lines for w in line)) or 1.0
    space = step * 0.6
    per_column: list[list[dict]] = [[] for _ in range(columns)]
    spanning: list[list[dict]] = []
    for line in lines:
        if _spans_columns(line, width, space) and len(line) > 1:
            spanning.append(line)
            continue
        for word in line:
            per_column[_column((word["x0"] + word["x1"]) / 2, cuts)].append(word)
    limits = [max((w["x1"] for w in words), default=0.0) for words in per_column]
    starts: list[tuple[float, int, list[dict]]] = []
    for column, words in enumerate(per_column):
        starts.extend((min(w["top"] for w in block), column, block) for block in _blocks(words, step))
    starts.extend((min(w["top"] for w in line), -1, line) for line in spanning)
    rows: list[tuple[float, list[Cell]]] = []
    for top, column, block in sorted(starts, key=lambda s: (s[0], s[1])):
        if not rows or top - rows[-1][0] > ROW_TOLERANCE or column == -1 or rows[-1][1][0].colspan > 1:
            rows.append((top, [Cell([], []) for _ in range(columns)]))
        texts = cell_lines(block, LINE_TOLERANCE)
        full = full_lines(block, LINE_TOLERANCE, limits[column]) if column >= 0 else None
        box = (min(w["x0"] for w in block), top, max(w["x1"] for w in block), max(w["bottom"] for w in block))
        span = columns if column == -1 else 1
        cell = Cell([t for t, _ in texts], [offset + y for _, y in texts], span, 1, full, box, words_confidence(block))
        rows[-1][1][max(column, 0)] = cell
    tops = sorted({round(line[0]["top"], 1) for line in lines})
    return [Row(cells, page, first_line + sum(1 for t in tops if t < top - LINE_TOLERANCE)) for top, cells in rows]


def page_rows(words: list[dict], page: int, offset: float, is_header: Callable[[Row], bool]) -> list[Row]:
    """A page without ruling lines: lines above the table's header as one-cell rows, the rest cut into
    cells by alignment (columns from the body's gutters)."""
    lines = lines_of(words)
    if not lines:
        return []
    step = line_step(lines)
    header_at = _header_line(lines, step, is_header)
    start = header_at if header_at is not None else 0
    above = [
        Row([Cell([" ".join(w["text"] for w in line)], [offset + line[0]["top"]])], page, number)
        for number, line in enumerate(lines[:start], start=1)
    ]
    table = lines[start:]
    body = table[1:] if header_at is not None else table
    cuts = gutters(_before_other_blocks(body), step * 0.6)
    return above + aligned_rows(table, cuts, step, offset, page, start + 1)


_OTHER_BLOCK_RE = re.compile(
    r"^(?:NO\.?\s+)?(?:PROGRAM|KEGIATAN|URAIAN)\b.*\b(?:ANGGARAN|PAGU)\b|^(?:PIHAK\s+(?:PERTAMA|KEDUA)|Mengetahui"
    r"|Menyetujui|Ditetapkan\s+di)\b|^[A-Z][a-zA-Z]+(?:\s[A-Z][a-zA-Z]+)?,\s*\d{1,2}\s+[A-Za-z]+\s+\d{4}",
    re.IGNORECASE,
)


def _before_other_blocks(body: list[list[dict]]) -> list[list[dict]]:
    """The table's lines up to a budget block's header or the signature block (their lines run across)."""
    for index, line in enumerate(body):
        if _OTHER_BLOCK_RE.match(" ".join(w["text"] for w in line)):
            return body[:index]
    return body


def _header_line(lines: list[list[dict]], step: float, is_header: Callable[[Row], bool]) -> int | None:
    """The line where the table's header starts: its words (of one line, or of up to three lines close
    together, a header cell broken over lines) split at the gutters of the lines below."""
    for size in range(1, HEADER_LINES + 1):  # one line anywhere first, then windows of lines
        for index in range(len(lines) - size + 1):
            group = lines[index : index + size]
            if size > 1 and group[-1][0]["bottom"] - group[0][0]["bottom"] > size * 2 * step:
                continue
            below = _before_other_blocks(lines[index + size : index + size + 40])
            cuts = gutters(below, step * 0.6)
            cells: dict[int, list[str]] = {}
            for word in (w for line in group for w in line):
                cells.setdefault(_column((word["x0"] + word["x1"]) / 2, cuts), []).append(word["text"])
            row = Row([Cell([" ".join(t)]) for _, t in sorted(cells.items())])
            if len(cells) >= 3 and is_header(row):
                return index
    return None
