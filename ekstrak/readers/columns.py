"""`pdftotext -layout` text read by its character columns, as a borderless print is read by its words'
positions: columns where a strip of character places stays empty through the table, rows where the
value columns (numbers, list numbers) start a new entry; a row's other lines are its cells' further lines."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from ..grid import Cell, Grid, Row
from .aligned import _before_other_blocks, _column, _header_line, gutters, lines_of
from .broken import code_goes_on, decimal_goes_on, glued, goes_on, numbers_go_on, right_edges
from .carried import moved_cuts
from .text import Line, _drop_page_furniture

# A character's width and a line's height, in the points the aligned reader measures in.
CHAR = 5.0
LINE = 12.0
_WORD_RE = re.compile(r"\S+")
# What a value column holds on a row's first line: a number, a percentage, a list number, a code.
_VALUE_RE = re.compile(r"^(?:[<>≤≥±]?\s?\d[\d.,]*\s?%?|\(?\d{1,3}[.)]|[A-Za-z]{1,5}[ .\-]?\d+(?:[.\-]\w+)*)$")
# A column is a value column when this share of its filled lines hold a value.
VALUES = 0.7


def _words(line: Line, index: int) -> list[dict]:
    top = index * LINE
    return [
        {"text": m.group(), "x0": m.start() * CHAR, "x1": m.end() * CHAR - 1, "top": top, "bottom": top + LINE * 0.8}
        for m in _WORD_RE.finditer(line.text)
    ]


def read_columns(lines: list[Line], is_header: Callable[[Row], bool], source: str = "") -> Grid | None:
    """Layout text into a grid by its character columns, page by page (a page continuing the table keeps
    its columns); None when no page has a table header."""
    lines = _drop_page_furniture(lines, is_header)
    pages: dict[int, list[Line]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line)
    rows = _pages(pages, is_header, headerless=False)
    if rows is None:
        # no header on any page: the columns from the body alone, their roles for the table stage to
        # guess from what they hold (with its warning that the table has no header row)
        rows = _pages(pages, is_header, headerless=True)
    return Grid(rows, source, wrapped=True, loose=True, fallback=True) if rows is not None else None


def _pages(pages: dict[int, list[Line]], is_header: Callable[[Row], bool], headerless: bool) -> list[Row] | None:
    rows: list[Row] = []
    cuts: list[float] = []
    before: list[dict] = []
    values: set[int] = set()
    found = False
    for page, page_lines in sorted(pages.items()):
        got, cuts, header, values = _page(page_lines, page, is_header, (cuts, values), before, headerless)
        if headerless and not cuts:
            return None
        rows.extend(got)
        found = found or header is not None
        before = header if header is not None else before
    return rows if found or (headerless and cuts) else None


def _page(
    lines: list[Line],
    page: int,
    is_header: Callable[[Row], bool],
    columns: tuple[list[float], set[int]],
    before: list[dict],
    headerless: bool = False,
) -> tuple[list[Row], list[float], list[dict] | None, set[int]]:
    """A page's rows, its columns, its header's words (None: no header found) and its value columns;
    `columns` are the page before's columns and value columns, `before` its header; `headerless`: the
    table has no header row, its columns are where the page's lines leave strips blank."""
    carried, carried_values = columns
    numbered = [(line, word) for index, line in enumerate(lines) for word in _words(line, index)]
    number_of = {id(word): line.number for line, word in numbered}
    text_lines = _years_joined(lines_of([word for _, word in numbered]))
    if not text_lines:
        return [], carried, None, carried_values
    found = None if headerless else _header_line(text_lines, LINE, is_header, carried)
    if found is None and not carried and not headerless:
        rows = [_plain(line, page, number_of) for line in text_lines]
        return rows, carried, None, carried_values
    start, size = found if found is not None else (0, 0)
    body_guess = text_lines[start + size :]
    cuts = gutters(_before_other_blocks(body_guess), CHAR * 1.5, text_lines[start : start + size])
    header_words = [w for line in _label_lines(text_lines, start, size) for w in line]
    moved = moved_cuts(carried, before, header_words, body_guess, CHAR) if found and carried else None
    if moved is not None:
        cuts = moved
    elif (found is None and not headerless) or (carried and len(cuts) < len(carried)):
        cuts = list(carried)
    while start > 0 and _header_above(text_lines[start - 1], text_lines[start], cuts):
        start, size = start - 1, size + 1
    # a page continuing the table may hold too few rows to show which columns hold values
    values = _value_columns(body_guess, cuts) | (carried_values if len(cuts) == len(carried) else set())
    if headerless and not carried and not _starts_row(_cells(text_lines[:1], cuts), values):
        return [], [], None, set()  # no header, yet the first line is not a row: no table to read this way
    end = start + size
    while (
        not headerless
        and end < len(text_lines)
        and not _starts_row(_cells([text_lines[end]], cuts), values, years=False)
    ):
        if _heading_line(text_lines[end], cuts) or (carried and _prose(text_lines[end])):
            break  # a group heading; on a later page, the rest of a row the page break cut
        end += 1
    header = text_lines[start:end]
    above = [_plain(line, page, number_of) for line in text_lines[:start]]
    rows = _header_rows(header, cuts, page, number_of)
    rows += _body_rows(text_lines[end:], cuts, page, number_of, values)
    return above + rows, cuts, header_words if found is not None else None, values


_YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
_LABEL_NUMBER_RE = re.compile(r"^\(?(?:[1-9]|[12]\d|30|(?:19|20)\d\d)\)?$")


def _column_numbers(line: list[dict]) -> bool:
    """The header's last line numbering its columns: `1  2  3 …` or `(1)  (2)  (3) …`."""
    numbers = [w["text"].strip("()") for w in line]
    return (
        len(numbers) >= 3 and numbers == [str(n) for n in range(int(numbers[0]), int(numbers[0]) + len(numbers))]
        if all(n.isdigit() and len(n) <= 2 for n in numbers)
        else False
    )


def _label_lines(lines: list[list[dict]], start: int, size: int) -> list[list[dict]]:
    """The header's lines with the label lines right above and below it (capitals, years, column numbers
    `1 2 3 …`): the words that show where a page's columns stand."""

    def label(line: list[dict]) -> bool:
        texts = [w["text"] for w in line]
        return not any(ch.islower() for t in texts for ch in t) and all(
            _LABEL_NUMBER_RE.match(t) for t in texts if any(ch.isdigit() for ch in t)
        )

    low, high = start, start + size
    while low > max(0, start - 2) and label(lines[low - 1]):
        low -= 1
    while high < min(len(lines), start + size + 3) and label(lines[high]):
        high += 1
    return lines[low:high]


def _heading_line(line: list[dict], cuts: list[float]) -> bool:
    """A line of one phrase running across columns (a group heading above the first rows)."""
    phrase = all(b["x0"] - a["x1"] < CHAR * 1.5 for a, b in itertools.pairwise(line))
    return phrase and len(line) > 2 and len({_column((w["x0"] + w["x1"]) / 2, cuts) for w in line}) > 1


def _header_rows(header: list[list[dict]], cuts: list[float], page: int, number_of: dict[int, int]) -> list[Row]:
    """The header's lines as one row of stacked labels, and its years (`TARGET` over `2026 … 2030`) as a
    row of their own below it, so that a label centred over them spans them."""
    if not header:
        return []
    labels = [[w for w in line if not _YEAR_RE.match(w["text"])] for line in header]
    years = [w for line in header[1:] for w in line if _YEAR_RE.match(w["text"])]
    rows = [_one_row([line for line in labels if line], cuts, page, number_of)]
    return rows + ([_one_row([years], cuts, page, number_of)] if len(years) >= 2 else [])


def _years_joined(lines: list[list[dict]]) -> list[list[dict]]:
    """The lines with years a narrow header column broke (`202` above `6`) joined on the upper line, in the
    lines without small letters at the top of the page (titles and the header)."""
    top = next((i for i, line in enumerate(lines) if any(ch.islower() for w in line for ch in w["text"])), len(lines))
    for index, upper in enumerate(lines[:top]):
        for word in upper:
            if not re.fullmatch(r"(?:19|20)\d", word["text"]):
                continue
            for lower in lines[index + 1 : min(index + 3, top)]:  # the next line, or the one after (`AN` between)
                under = [
                    w for w in lower if re.fullmatch(r"\d", w["text"]) and word["x0"] <= w["x0"] <= word["x1"] + CHAR
                ]
                if len(under) == 1:
                    word["text"] += under[0]["text"]
                    lower.remove(under[0])
                    break
    return [line for line in lines if line]


def _middle_column(word: dict, cuts: list[float]) -> int:
    return _column((word["x0"] + word["x1"]) / 2, cuts)


def _prose(line: list[dict]) -> bool:
    """A line with a word in small letters (`Korban Bencana` beside a header's `AWAL`): not the header's."""
    return any(any(ch.islower() for ch in w["text"]) for w in line)


def _has_year(line: list[dict]) -> bool:
    return any(_YEAR_RE.match(w["text"]) for w in line)


def _header_above(line: list[dict], first: list[dict], cuts: list[float]) -> bool:
    """A header line above the one found (`No  Target  Realisa`): right above it, in two columns or more."""
    adjacent = abs(first[0]["top"] - line[0]["top"] - LINE) < 1
    columns = len({_column((w["x0"] + w["x1"]) / 2, cuts) for w in line})
    label = len(line) == 1 and len(line[0]["text"]) <= 12 and line[0]["text"][:1].isupper()  # `Target`
    return adjacent and (columns >= 2 or label or all(w["text"].isupper() for w in line))


def _plain(line: list[dict], page: int, number_of: dict[int, int]) -> Row:
    """A line outside the table (a title), as a row of one cell."""
    return Row([Cell([" ".join(w["text"] for w in line)])], page, number_of[id(line[0])])


def _cells(lines: list[list[dict]], cuts: list[float]) -> list[Cell]:
    columns: list[list[tuple[float, str]]] = [[] for _ in range(len(cuts) + 1)]
    for line in lines:
        parts: dict[int, list[str]] = {}
        for word in line:
            parts.setdefault(_column((word["x0"] + word["x1"]) / 2, cuts), []).append(word["text"])
        for column, texts in parts.items():
            columns[column].append((line[0]["top"], " ".join(texts)))
    return [Cell([text for _, text in found], [top for top, _ in found]) for found in columns]


def _one_row(lines: list[list[dict]], cuts: list[float], page: int, number_of: dict[int, int]) -> Row:
    return Row(_cells(lines, cuts), page, number_of[id(lines[0][0])])


def _value_columns(body: list[list[dict]], cuts: list[float]) -> set[int]:
    """Columns whose filled lines mostly hold a value: a row starts where one of them has one."""
    seen: dict[int, list[bool]] = {}
    for line in body:
        for cell_index, cell in enumerate(_cells([line], cuts)):
            if cell.lines:
                seen.setdefault(cell_index, []).append(bool(_VALUE_RE.match(cell.text)))
    return {c for c, marks in seen.items() if len(marks) >= 2 and sum(marks) >= VALUES * len(marks)}


_BROKEN_NUMBER_RE = re.compile(r"^0[.)]$")  # the rest of `10.` broken by a narrow column (`1` / `0.`)


_PERIOD_RE = re.compile(r"^(?:Q|TW|Tw|Smt|S|Sem)\s?(?:\d|I{1,3}|IV)$")  # a quarter's or semester's label


def _starts_row(cells: list[Cell], values: set[int], years: bool = True) -> bool:
    """Whether a line (its cells) has a value in a value column: it starts a row."""
    return any(
        c in values
        and cells[c].lines
        and _VALUE_RE.match(cells[c].text)
        and not _PERIOD_RE.match(cells[c].text)
        and not _BROKEN_NUMBER_RE.match(cells[c].text)
        and (years or not _YEAR_RE.match(cells[c].text))
        for c in range(len(cells))
    )


def _dotted_columns(body: list[list[dict]], cuts: list[float], values: set[int]) -> set[int]:
    """Value columns of list numbers written with a dot (`1.`, `2.`)."""
    texts: dict[int, list[str]] = {}
    for line in body:
        for c, cell in enumerate(_cells([line], cuts)):
            if c in values and cell.lines:
                texts.setdefault(c, []).append(cell.text)
    return {
        c
        for c, found in texts.items()
        if sum(1 for t in found if re.fullmatch(r"\d{1,3}[.)]", t)) >= VALUES * len(found)
    }


def _body_rows(
    body: list[list[dict]], cuts: list[float], page: int, number_of: dict[int, int], values: set[int]
) -> list[Row]:
    """The body's lines gathered into rows: a row starts at a line with a value in a value column (or a
    line across the columns, a group heading), and takes the lines below it up to the next."""
    dotted = _dotted_columns(body, cuts, values)
    edges = right_edges(body, cuts)
    previous: list[dict] = []
    groups: list[list[list[dict]]] = []
    headings: set[int] = set()
    closed: set[int] = set()  # rows no line joins
    before: list[Cell] = []
    started = False
    for index, line in enumerate(body):
        after = body[index + 1] if index + 1 < len(body) else None
        heading = _heading_line(line, cuts) or _alone(_cells([line], cuts), line, cuts)
        if heading and (after is None or _starts_row(_cells([after], cuts), values)):
            # a group heading across the table (`Program …, Anggaran 3.665.771.000.000`, `TUJUAN` standing
            # alone), a row starting below it
            groups.append([line])
            headings.add(id(groups[-1]))
            before, previous, started = [], line, True
            continue
        if _column_numbers(line):
            # the header's column numbers (`1  2  3 …`), a row of their own: what follows starts a row
            groups.append([line])
            closed.add(id(groups[-1]))
            before, previous, started = [], line, True
            continue
        cells = _cells([line], cuts)
        # `1` above `1.` in a column of list numbers is `11.` broken by the column's width
        broken = any(c < len(before) and before[c].lines and not before[c].text.endswith((".", ")")) for c in dotted)
        broken = broken or any(
            c < len(before) and before[c].lines and cells[c].lines and goes_on(before[c].text, cells[c].text)
            for c in values
        )
        broken = broken or (started and code_goes_on(before, cells, values))
        broken = broken or (started and decimal_goes_on(previous, line, cuts, values, edges, CHAR))
        broken = broken or (started and numbers_go_on(before, cells, values))
        set_apart = bool(previous) and line[0]["top"] - previous[0]["top"] > 1.5 * LINE
        started = not groups or (_starts_row(cells, values) and not broken) or _alone(cells, line, cuts)
        started = started or (set_apart and _labels(line, cuts))
        below = bool(groups) and id(groups[-1]) not in headings and _values_below(groups, cells, cuts, values)
        started = (started and not below) or id(groups[-1]) in closed
        if started:
            groups.append([line])
        else:
            if broken:
                line = glued(previous, line, cuts, values | dotted)
            groups[-1].append(line)
        before, previous = cells, line
    return [_across(group[0], cuts, page, number_of) if id(group) in headings
            else _one_row(group, cuts, page, number_of) for group in groups]  # fmt: skip


def _values_below(groups: list[list[list[dict]]], cells: list[Cell], cuts: list[float], values: set[int]) -> bool:
    """A line of values only under a row's one line that has none (pdftotext set the row's first line
    beside the header's last, `Jumlah …  AWAL`, and its values a line lower): the values of that row."""
    if not groups or len(groups[-1]) != 1:
        return False
    filled = {c for c, cell in enumerate(cells) if cell.lines}
    above = _cells(groups[-1], cuts)
    return (
        bool(filled)
        and filled <= values
        and not any(above[c].lines and _VALUE_RE.match(above[c].text) for c in values)
        and any(cell.lines for c, cell in enumerate(above) if c not in values)
    )


def _across(line: list[dict], cuts: list[float], page: int, number_of: dict[int, int]) -> Row:
    """A line across the table as one cell spanning every column."""
    top = line[0]["top"]
    cells = [Cell([" ".join(w["text"] for w in line)], [top], len(cuts) + 1), *(Cell() for _ in cuts)]
    return Row(cells, page, number_of[id(line[0])])


def _labels(line: list[dict], cuts: list[float]) -> bool:
    """Capital labels in two columns or more (`PROGRAM   ANGGARAN (Rp)` of the budget block below a table)."""
    capitals = all(w["text"].isupper() for w in line if not w["text"].startswith("("))
    return capitals and len({_column((w["x0"] + w["x1"]) / 2, cuts) for w in line}) >= 2


def _alone(cells: list[Cell], line: list[dict], cuts: list[float]) -> bool:
    """A line of one phrase in capitals starting in the first column (`SASARAN PROGRAM`, or `TUJUAN` where the
    first column is a narrow `NO`): a group heading."""
    filled = [c for c, cell in enumerate(cells) if cell.lines]
    starts_first = bool(cuts) and line[0]["x0"] < cuts[0]
    return (
        len(filled) == 1
        and (filled == [0] or starts_first)
        and cells[filled[0]].text.isupper()
        and len(cells[filled[0]].text) > 3
    )
