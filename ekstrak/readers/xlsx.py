"""Spreadsheets into a grid: each cell as the sheet displays it in Indonesian form (0,8 formatted as
a percentage is `80%`), merged cells read once, on the first sheet that holds an IKU table."""

from __future__ import annotations

from collections.abc import Callable

from inti.cells import display, open_workbook

from ..grid import Cell, Grid, Row

# Rows looked at for a header when choosing the sheet.
HEADER_SEARCH_ROWS = 40


def _sheet_rows(sheet) -> list[Row]:
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    covered: set[tuple[int, int]] = set()
    for merged in sheet.merged_cells.ranges:
        spans[(merged.min_row, merged.min_col)] = (
            merged.max_col - merged.min_col + 1,
            merged.max_row - merged.min_row + 1,
        )
        for r in range(merged.min_row, merged.max_row + 1):
            for c in range(merged.min_col, merged.max_col + 1):
                if (r, c) != (merged.min_row, merged.min_col):
                    covered.add((r, c))
    rows = []
    for excel_row in sheet.iter_rows():
        cells = []
        for cell in excel_row:
            key = (cell.row, cell.column)
            if key in covered:
                cells.append(Cell())
                continue
            text = display(cell.value, cell.number_format)
            colspan, rowspan = spans.get(key, (1, 1))
            cells.append(Cell([part for part in text.split("\n") if part.strip()], None, colspan, rowspan))
        while cells and cells[-1].empty and cells[-1].colspan == 1:
            cells.pop()
        if cells:
            rows.append(Row(cells, None, excel_row[0].row))
    return rows


def read_xlsx(data: bytes, is_header: Callable[[Row], bool], source: str = "") -> Grid:
    """The first sheet with an IKU header (or else the first sheet) as a grid."""
    book = open_workbook(data)
    chosen = None
    for sheet in book.worksheets:
        rows = _sheet_rows(sheet)
        if any(is_header(row) for row in rows[:HEADER_SEARCH_ROWS]):
            chosen = rows
            break
    if chosen is None:
        chosen = _sheet_rows(book.worksheets[0]) if book.worksheets else []
    return Grid(chosen, source)
