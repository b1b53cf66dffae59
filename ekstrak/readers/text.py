"""Plain text into a grid: tab-separated rows, space-separated rows, or `pdftotext -layout` columns."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from ..grid import Cell, Grid, Row

_CHUNK_RE = re.compile(r"\S+(?: \S+)*")
_PAGE_FURNITURE_RE = re.compile(
    r"^(?:-?\s*\d{1,4}\s*-?|halaman\s+\d+(?:\s+dari\s+\d+)?|page\s+\d+(?:\s+of\s+\d+)?)$", re.IGNORECASE
)
_SEPARATOR_RE = re.compile(r"^[-=_.*~\s|+]+$")
# pdftotext -layout sets a word up to this many characters left of its column's edge.
EDGE_TOLERANCE = 2
# How far a page's columns may sit from the previous page's when the header is not repeated.
LAYOUT_SHIFT = 6
# Text is laid out in columns when this share of its lines are indented continuation lines.
LAYOUT_INDENTED_SHARE = 0.15


@dataclass
class Line:
    text: str
    page: int
    number: int


def read_text(text: str, is_header: Callable[[Row], bool], source: str = "") -> Grid:
    """Read the text of an IKU document (already decoded) into a grid; `is_header` spots header rows,
    which anchor the columns of `pdftotext -layout` text."""
    lines = _split_lines(text)
    if any("\t" in line.text for line in lines):
        rows = [_delimited_row(line, line.text.split("\t")) for line in lines if line.text.strip()]
        return Grid(rows, source)
    layout = _layout_edges(lines, is_header)
    if layout is not None:
        return Grid(_layout_rows(lines, layout, is_header), source)
    return Grid(_spaced_rows(lines), source)


def _split_lines(text: str) -> list[Line]:
    """Lines with their page (form feeds from pdftotext start a page) and 1-based line number."""
    out: list[Line] = []
    page = 1
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, raw in enumerate(raw_lines, start=1):
        while "\f" in raw:
            before, _, raw = raw.partition("\f")
            if before.strip():
                out.append(Line(before.rstrip(), page, number))
            page += 1
        out.append(Line(raw.rstrip().expandtabs(8) if "\t" not in raw else raw.rstrip(" "), page, number))
    return _drop_page_furniture(out)


def _drop_page_furniture(lines: list[Line]) -> list[Line]:
    """Drop page numbers printed alone on the first or last line of a page."""
    by_page: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        if line.text.strip():
            by_page.setdefault(line.page, []).append(index)
    if len(by_page) < 2:
        return lines
    drop = set()
    for indexes in by_page.values():
        for index in (indexes[0], indexes[-1]):
            if _PAGE_FURNITURE_RE.match(lines[index].text.strip()):
                drop.add(index)
    return [line for index, line in enumerate(lines) if index not in drop]


def _cell(text: str, line: Line) -> Cell:
    text = text.strip()
    return Cell([text], [float(line.number)]) if text else Cell([], [])


def _delimited_row(line: Line, parts: list[str]) -> Row:
    return Row([_cell(part, line) for part in parts], line.page, line.number)


def _spaced_rows(lines: list[Line]) -> list[Row]:
    """Rows whose cells are separated by runs of two or more spaces."""
    chunked = [(line, _chunks(line.text)) for line in lines if line.text.strip()]
    widths = Counter(len(chunks) for _, chunks in chunked if len(chunks) > 1)
    columns = widths.most_common(1)[0][0] if widths else 1
    rows = []
    for line, chunks in chunked:
        parts = [text for _, _, text in chunks]
        indented = line.text[:1].isspace()
        if indented and 1 < len(parts) < columns:
            parts = [""] * (columns - len(parts)) + parts
        rows.append(_delimited_row(line, parts))
    return rows


def _chunks(text: str) -> list[tuple[int, int, str]]:
    """Runs of text separated by two or more spaces, with their start and end columns."""
    return [(m.start(), m.end(), m.group()) for m in _CHUNK_RE.finditer(text)]


def _row_of(chunks: list[tuple[int, int, str]]) -> Row:
    return Row([Cell([text]) for _, _, text in chunks])


def _header_edges(chunks: list[tuple[int, int, str]], starts: Counter[int]) -> list[int]:
    """Left edges of the columns under a header line: for each header cell, the most used start of
    text between the end of the previous header cell and its own start (headers are often centred)."""
    edges = [0]
    for index in range(1, len(chunks)):
        low, high = chunks[index - 1][1], chunks[index][0] + 1
        found = [(count, -x) for x, count in starts.items() if low <= x <= high]
        edges.append(-max(found)[1] if found else chunks[index][0])
    return edges


def _moved_edges(previous: list[int], starts: Counter[int]) -> list[int]:
    """A page without a header: the previous page's edges, each moved to the most used start near it."""
    edges = []
    for edge in previous:
        near = [(count, -abs(x - edge), x) for x, count in starts.items() if abs(x - edge) <= LAYOUT_SHIFT]
        edges.append(max(near)[2] if near else edge)
    edges[0] = 0
    return edges


@dataclass
class Layout:
    """Column edges per page, and the line where the table's first header starts."""

    edges: dict[int, list[int]]
    first_header: int


def _layout_edges(lines: list[Line], is_header: Callable[[Row], bool]) -> Layout | None:
    """Per page, the left edge of each column of a `pdftotext -layout` table, found from its header."""
    pages: dict[int, list[Line]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line)
    found: dict[int, list[int]] = {}
    previous: list[int] | None = None
    first_header: int | None = None
    indented = total = 0
    for page, page_lines in sorted(pages.items()):
        chunked = [_chunks(line.text) for line in page_lines]
        header_at = next(
            (i for i, chunks in enumerate(chunked) if len(chunks) >= 3 and is_header(_row_of(chunks))), None
        )
        body = chunked[header_at + 1 :] if header_at is not None else chunked
        starts: Counter[int] = Counter(start for chunks in body for start, _, _ in chunks)
        if header_at is not None:
            previous = _header_edges(chunked[header_at], starts)
            if first_header is None:
                first_header = page_lines[header_at].number
        elif previous is not None:
            previous = _moved_edges(previous, starts)
        if previous is not None:
            found[page] = previous
            indented += sum(1 for line in page_lines if line.text[:3] == "   " and line.text.strip())
            total += sum(1 for line in page_lines if line.text.strip())
    if not found or first_header is None or indented < LAYOUT_INDENTED_SHARE * total:
        return None
    return Layout(found, first_header)


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", text)]


def _column(position: int, edges: list[int]) -> int:
    """The column a word starting at `position` belongs to; pdftotext may set it a little left of the edge."""
    column = 0
    for index, edge in enumerate(edges):
        if position + EDGE_TOLERANCE >= edge:
            column = index
    return column


def _layout_cells(text: str, edges: list[int], top: float) -> tuple[list[Cell], bool]:
    """The cells of one line, and whether a piece of it spans several columns (a group heading)."""
    cells = [Cell([], []) for _ in edges]
    spanning = False
    for start, end, chunk in _chunks(text):
        words = [(start + s, start + e, w) for s, e, w in _words(chunk)]
        # The first column holds row numbers, so words running on from it head a group row.
        from_first = _column(start, edges) == 0 and _column(words[-1][0], edges) > 0
        straddles = from_first or any(
            s + EDGE_TOLERANCE < edge and e > edge + 1 for s, e, _ in words for edge in edges[1:]
        )
        if straddles:
            first, last = _column(start, edges), _column(end - 1, edges)
            pieces = [(first, chunk)]
            cells[first].colspan = max(cells[first].colspan, last - first + 1)
            spanning = spanning or last > first
        else:
            pieces = [(_column(s, edges), w) for s, _, w in words]
        for column, piece in pieces:
            cell = cells[column]
            if cell.lines:
                cell.lines[-1] += " " + piece
            else:
                cell.lines.append(piece)
                cell.tops = [top]
    return cells, spanning


def _layout_rows(lines: list[Line], layout: Layout, is_header: Callable[[Row], bool]) -> list[Row]:
    """Rows of a layout table: a row starts where the first column has text and runs until the next."""
    rows: list[Row] = []
    open_row: Row | None = None
    for line in lines:
        if not line.text.strip():
            continue
        edges = layout.edges.get(line.page)
        if edges is None or line.number < layout.first_header:
            rows.append(Row([_cell(line.text, line)], line.page, line.number))
            open_row = None
            continue
        cells, spanning = _layout_cells(line.text, edges, float(line.number))
        # A header's own second line is in capitals; anything else after it is the table's text
        # carried over from the previous page, a row of its own for the table stage to stitch.
        after_header = open_row is not None and is_header(open_row) and not line.text.isupper()
        if spanning or not cells[0].empty or open_row is None or after_header:
            open_row = Row(cells, line.page, line.number)
            rows.append(open_row)
            if spanning:
                open_row = None
        else:
            for mine, more in zip(open_row.cells, cells):
                mine.extend(more)
    return rows
