"""Plain text into a grid: tab-separated rows, space-separated rows, or `pdftotext -layout` columns."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..grid import Cell, Grid, Row

_CHUNK_RE = re.compile(r"\S+(?: \S+)*")
_PAGE_FURNITURE_RE = re.compile(
    r"^(?:-?\s*\d{1,4}\s*-?|halaman\s+\d+(?:\s+dari\s+\d+)?|page\s+\d+(?:\s+of\s+\d+)?)$", re.IGNORECASE
)
_DIGITS_RE = re.compile(r"\d+")
# A header may stand over this many lines.
HEADER_LINES = 3
# Lines at the top and at the bottom of a page where running headers and footers stand.
FURNITURE_LINES = 3
_ROW_NUMBER_RE = re.compile(r"^(?:\d{1,3}|[IVXL]{1,5}|[A-Za-z])[.)]?$")
_SEPARATOR_RE = re.compile(r"^[-=_.*~\s|+]+$")
# pdftotext -layout sets a word up to this many characters left of its column's edge.
EDGE_TOLERANCE = 2
# How far a row's columns may sit from its page's (pdftotext lays out each row on its own).
ROW_SHIFT = 10
# How far a page's columns may sit from the previous page's when the header is not repeated.
LAYOUT_SHIFT = 6
# Text is laid out in columns when this share of its lines are indented continuation lines.
LAYOUT_INDENTED_SHARE = 0.15


@dataclass
class Line:
    """One line of laid-out text: its page, its number as a user finds it, and its vertical position
    (increasing through the document, so rows continued on the next page sort after their start)."""

    text: str
    page: int
    number: int
    top: float = -1.0

    def __post_init__(self) -> None:
        if self.top < 0:
            self.top = float(self.number)


def read_text(text: str, is_header: Callable[[Row], bool], source: str = "") -> Grid:
    """Read the text of an IKU document (already decoded) into a grid; `is_header` spots header rows,
    which anchor the columns of `pdftotext -layout` text."""
    lines = split_lines(text)
    if any("\t" in line.text for line in lines):
        lines = _drop_page_furniture(lines, is_header)
        rows = [_delimited_row(line, line.text.split("\t")) for line in lines if line.text.strip()]
        return Grid(rows, source)
    grid = read_lines(lines, is_header, source)
    # laid-out text: a cell's lines may run on beside the next rows (a sasaran cell spanning them)
    return replace(grid, loose=True) if grid.wrapped else grid


def read_lines(lines: list[Line], is_header: Callable[[Row], bool], source: str = "") -> Grid:
    """Lines laid out in columns (pdftotext, or a PDF page set out by the PDF reader) into a grid;
    lines that are not laid out are split at runs of two or more spaces."""
    lines = _drop_page_furniture(lines, is_header)
    blocks = _layout_blocks(lines, is_header)
    if blocks is not None:
        return Grid(_layout_rows(blocks, is_header), source, wrapped=True)
    return Grid(_spaced_rows(lines), source)


def split_lines(text: str) -> list[Line]:
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
    return out


def _drop_page_furniture(lines: list[Line], is_header: Callable[[Row], bool]) -> list[Line]:
    """Drop what a printer repeats on every page: page numbers, and running headers and footers (a line
    that stands, digits aside, among the first or last lines of several pages, with space between it and
    the page's content). The table's repeated header stays: it anchors the columns."""
    by_page: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        if line.text.strip():
            by_page.setdefault(line.page, []).append(index)
    if len(by_page) < 2:
        return lines

    def key(index: int) -> str:
        return _DIGITS_RE.sub("#", " ".join(lines[index].text.split()))

    tops = {page: indexes[:FURNITURE_LINES] for page, indexes in by_page.items()}
    bottoms = {page: indexes[-FURNITURE_LINES:] for page, indexes in by_page.items()}
    top_pages: dict[str, set[int]] = {}
    bottom_pages: dict[str, set[int]] = {}
    for page in by_page:
        for index in tops[page]:
            top_pages.setdefault(key(index), set()).add(page)
        for index in bottoms[page]:
            bottom_pages.setdefault(key(index), set()).add(page)

    def set_apart(index: int, step: int) -> bool:
        """A blank line between this line and the page's content (furniture stands in the margin)."""
        neighbour = index + step
        return 0 <= neighbour < len(lines) and not lines[neighbour].text.strip()

    drop = set()
    for page, indexes in by_page.items():
        for index in (indexes[0], indexes[-1]):
            if _PAGE_FURNITURE_RE.match(lines[index].text.strip()):
                drop.add(index)
        for index in bottoms[page]:
            if len(bottom_pages[key(index)]) >= 2 and (set_apart(index, -1) or index - 1 in drop):
                drop.add(index)
        for index in tops[page]:
            pages = top_pages[key(index)]
            if len(pages) >= 2 and set_apart(index, +1) and not is_header(_row_of(_chunks(lines[index].text))):
                drop.add(index)
    return [line for index, line in enumerate(lines) if index not in drop]


def _cell(text: str, line: Line) -> Cell:
    text = text.strip()
    return Cell([text], [line.top]) if text else Cell([], [])


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
class Block:
    """Lines between double blank lines (one table, or a paragraph), and its column edges if a table."""

    lines: list[Line]
    edges: list[int] | None = None
    header_at: int | None = None
    header_end: int | None = None


def _blocks(lines: list[Line]) -> list[Block]:
    """Cut the text at pages and at two or more blank lines: pdftotext keeps a table's rows together."""
    blocks: list[Block] = []
    current: list[Line] = []
    blanks = 0
    for line in lines:
        if not line.text.strip():
            blanks += 1
            continue
        # One blank line before capital labels (`PROGRAM   ANGGARAN (Rp)`) ends the table too: a budget follows.
        if current and (blanks >= 2 or line.page != current[-1].page or (blanks == 1 and _capital_labels(line.text))):
            blocks.append(Block(current))
            current = []
        blanks = 0
        current.append(line)
    if current:
        blocks.append(Block(current))
    return blocks


def _merge_chunks(lines: list[list[tuple[int, int, str]]]) -> list[tuple[int, int, str]]:
    """The pieces of several lines as one row: pieces that overlap across the lines are one cell."""
    pieces = sorted(((start, end, number, text) for number, chunks in enumerate(lines) for start, end, text in chunks))
    merged: list[list] = []
    for start, end, number, text in pieces:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].append((number, text))
        else:
            merged.append([start, end, [(number, text)]])
    return [(start, end, " ".join(t for _, t in sorted(texts))) for start, end, texts in merged]


def _find_header(
    chunked: list[list[tuple[int, int, str]]], lines: list[Line], is_header: Callable[[Row], bool]
) -> tuple[int, int, list[tuple[int, int, str]]] | None:
    """Where the table's header stands: one line, or up to three lines in capitals (a header whose cells
    are centred vertically puts short headings on another line than long ones), and its pieces. A window
    of lines is taken over a one-line header when it names a target column the one line does not."""
    single = None
    for index, chunks in enumerate(chunked):
        if len(chunks) >= 3 and is_header(_row_of(chunks)):
            single = (index, index, chunks)
            break
    for size in range(1, HEADER_LINES):
        starts = range(len(chunked) - size) if single is None else range(max(0, single[0] - size), single[0] + 1)
        for index in starts:
            window = chunked[index : index + size + 1]
            if len(window) <= size or not all(_capitals(line.text) for line in lines[index : index + size + 1]):
                continue
            merged = _merge_chunks(window)
            better = single is None or (_names_target(merged) and not _names_target(single[2]))
            if len(merged) >= 3 and is_header(_row_of(merged)) and better:
                return index, index + size, merged
    return single


def _names_target(chunks: list[tuple[int, int, str]]) -> bool:
    return any("".join(text.upper().split()).startswith("TARGET") for _, _, text in chunks)


def _capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _other_header(chunked: list[list[tuple[int, int, str]]], lines: list[Line]) -> int | None:
    """The header of another table (a budget): the first line of two or more cells, all capitals."""
    for index in range(len(chunked)):
        if _capital_labels(lines[index].text):
            return index
    return None


def _capital_labels(text: str) -> bool:
    """Two pieces or more, (nearly) all in capitals: a table's header."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(_chunks(text)) >= 2 and bool(letters) and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def _layout_blocks(lines: list[Line], is_header: Callable[[Row], bool]) -> list[Block] | None:
    """The text as blocks, each table block with its column edges; None when it is not laid out in columns."""
    blocks = _blocks(lines)
    previous: list[int] | None = None
    seen_table = False
    indented = total = 0
    for number, block in enumerate(blocks):
        chunked = [_chunks(line.text) for line in block.lines]
        found = _find_header(chunked, block.lines, is_header)
        header_at, header_end, header = found if found else (None, None, [])
        new_page = number == 0 or blocks[number - 1].lines[-1].page != block.lines[0].page
        if header_at is None and seen_table and not (new_page and previous is not None):
            header_at = header_end = _other_header(chunked, block.lines)
            if header_at is None:
                continue
            header = chunked[header_at]
        body = chunked[header_end + 1 :] if header_end is not None else chunked
        starts: Counter[int] = Counter(start for chunks in body for start, _, _ in chunks)
        if header_at is not None:
            block.edges = _header_edges(header, starts)
            block.header_at, block.header_end = header_at, header_end
            previous = block.edges
            seen_table = seen_table or is_header(_row_of(header))
        elif previous is not None:
            block.edges = _moved_edges(previous, starts)
        if block.edges is not None:
            indented += sum(1 for line in block.lines if line.text[:3] == "   ")
            total += len(block.lines)
    if not seen_table or indented < LAYOUT_INDENTED_SHARE * total:
        return None
    return blocks


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
        straddles = (
            _column(start, edges) == 0 and _column(words[-1][0], edges) > 0 and not _ROW_NUMBER_RE.match(words[0][2])
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


def _blank_runs(texts: list[str]) -> list[tuple[int, int]]:
    """Runs of positions blank on every line of a row, as (first, last) inclusive."""
    width = max(len(text) for text in texts) + 1
    blank = [all(x >= len(text) or text[x] == " " for text in texts) for x in range(width)]
    runs, x = [], 0
    while x < width:
        if blank[x]:
            end = x
            while end + 1 < width and blank[end + 1]:
                end += 1
            runs.append((x, end))
            x = end + 1
        else:
            x += 1
    return runs


def _row_edges(texts: list[str], edges: list[int]) -> tuple[list[int], list[bool]]:
    """The page's column edges moved to where this row's own lines leave a gap (pdftotext shifts rows);
    and for each edge whether a gap was found (else words may sit a little left of it)."""
    # One blank position shared by two lines is often just two spaces between words.
    narrowest = 1 if len(texts) >= 3 else 2
    runs = [(a, b) for a, b in _blank_runs(texts) if a > 0 and b - a + 1 >= narrowest]
    # The first column holds short row numbers: its edge stays where the page has it.
    out, exact = [0, edges[1]] if len(edges) > 1 else [0], [True, False]
    for edge in edges[2:]:
        near = [
            (min(b - a + 1, 3), -abs(b + 1 - edge), b + 1)
            for a, b in runs
            if a - ROW_SHIFT <= edge <= b + 1 + ROW_SHIFT and b + 1 > out[-1]
        ]
        if near:
            out.append(max(near)[2])
            exact.append(True)
        else:
            out.append(max(edge, out[-1]))
            exact.append(False)
    return out, exact


_GLUED_RE = re.compile(r"^[^\W\d_]{2,}$")


def _glued_apart(
    found: list[tuple[int, int, str]], edges: list[int], words: Counter[str]
) -> list[tuple[int, int, str]]:
    """Words pdftotext glued across a column edge (`publikterintegrasi`: the sasaran's last word and the
    indicator's next) cut at the edge: where the glued word occurs nowhere else in the document and one
    piece does (`Hu` + `kum` stay `Hukum`)."""
    out = []
    for start, end, word in found:
        cut = next((e for e in edges if e > 0 and start + 2 <= e <= end - 2), None)
        left, right = (word[: cut - start], word[cut - start :]) if cut is not None else ("", "")
        apart = (
            cut is not None
            and _GLUED_RE.match(left)
            and _GLUED_RE.match(right)
            and right[0].islower()
            and words[word.lower()] <= 1
            and (words[left.lower()] >= 1 or words[right.lower()] >= 1)
        )
        if apart:
            out.extend([(start, cut, left), (cut, end, right)])
        else:
            out.append((start, end, word))
    return out


def _row_cells(lines: list[Line], edges: list[int], vocab: Counter[str]) -> list[Cell]:
    row_edges, exact = _row_edges([line.text for line in lines], edges)
    cells = [Cell([], []) for _ in edges]
    for line in lines:
        pieces: dict[int, list[str]] = {}
        for start, _, word in _glued_apart(_words(line.text), row_edges, vocab):
            column = 0
            for index, edge in enumerate(row_edges):
                if start >= edge or (not exact[index] and start + EDGE_TOLERANCE >= edge):
                    column = index
            pieces.setdefault(column, []).append(word)
        for column, words in pieces.items():
            cells[column].lines.append(" ".join(words))
            cells[column].tops = [*(cells[column].tops or []), line.top]
    return cells


def _block_rows(block: Block, edges: list[int], is_header: Callable[[Row], bool], vocab: Counter[str]) -> list[Row]:
    """The rows of one table block: a row starts where the first column has text and runs until the next."""
    rows: list[Row] = []
    pending: list[Line] = []
    header_open = False
    for index, line in enumerate(block.lines):
        if block.header_at is not None and index < block.header_at:
            rows.append(Row([_cell(line.text, line)], line.page, line.number))
            continue
        if block.header_at is not None and block.header_end is not None and index <= block.header_end:
            if index == block.header_at and pending:
                rows.append(Row(_row_cells(pending, edges, vocab), pending[0].page, pending[0].number))
                pending = []
            pending.append(line)
            header_open = True
            continue
        cells, spanning = _layout_cells(line.text, edges, line.top)
        # A header's own next lines are in capitals (even in the NO column: `N` / `O` in a narrow one);
        # anything else after it is the table's text carried over from the previous page, a row of
        # its own for the table stage to stitch.
        filled = sum(1 for cell in cells if not cell.empty)
        header_goes_on = header_open and line.text.isupper() and (cells[0].empty or filled > 1)
        starts_row = not cells[0].empty and not header_goes_on
        if spanning or starts_row or not pending or (header_open and not header_goes_on):
            if pending:
                rows.append(Row(_row_cells(pending, edges, vocab), pending[0].page, pending[0].number))
            pending = []
            header_open = not spanning and is_header(Row(cells))
        if spanning:
            rows.append(Row(cells, line.page, line.number))
        else:
            pending.append(line)
    if pending:
        rows.append(Row(_row_cells(pending, edges, vocab), pending[0].page, pending[0].number))
    return rows


def _layout_rows(blocks: list[Block], is_header: Callable[[Row], bool]) -> list[Row]:
    """Rows of layout tables; lines outside tables are rows of their own, cells split at wide gaps."""
    vocab: Counter[str] = Counter(
        w.lower() for block in blocks for line in block.lines for w in re.findall(r"[^\W\d_]+", line.text)
    )
    rows: list[Row] = []
    for block in blocks:
        if block.edges is None:
            rows.extend(_delimited_row(line, [t for _, _, t in _chunks(line.text)]) for line in block.lines)
        else:
            rows.extend(_block_rows(block, block.edges, is_header, vocab))
    return rows
