"""Spreadsheets into a grid: each cell as the sheet displays it in Indonesian form (0,8 formatted as
a percentage is `80%`, 5 formatted `0" Dokumen"` is `5 Dokumen`), merged cells read once, hidden rows and
columns left out as the sheet prints them (and named), on the first sheet that holds an IKU table."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

from openpyxl.utils import get_column_letter

from inti.cells import display, format_affixes, open_workbook

from ..grid import Cell, Grid, Row

# Rows looked at for a header when choosing the sheet.
HEADER_SEARCH_ROWS = 40


HIDDEN = (
    'lembar "{}": {} yang disembunyikan tidak dibaca, seperti tidak tercetak ({}); bila isinya bagian tabel, '
    "tampilkan lalu baca lagi"
)
UNCALCULATED = (
    'lembar "{}": sel {} berisi rumus yang hasilnya tidak tersimpan di berkas (berkas belum pernah dibuka dan '
    "disimpan di Excel atau LibreOffice), jadi terbaca kosong; buka dan simpan ulang berkasnya, lalu baca lagi"
)


def _shown(cell) -> str:
    text = display(cell.value, cell.number_format)
    if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
        before, after = format_affixes(cell.number_format)
        text = f"{before}{text}{after}"
    return text


def _hidden(sheet) -> tuple[set[int], set[int]]:
    rows = {number for number, dimension in sheet.row_dimensions.items() if dimension.hidden}
    columns = set()
    for dimension in sheet.column_dimensions.values():
        if dimension.hidden and dimension.min:
            columns.update(range(dimension.min, (dimension.max or dimension.min) + 1))
    return rows, columns


def _sheet_rows(sheet) -> tuple[list[Row], list[str]]:
    hidden_rows, hidden_columns = _hidden(sheet)
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    covered: set[tuple[int, int]] = set()
    for merged in sheet.merged_cells.ranges:
        shown_columns = [c for c in range(merged.min_col, merged.max_col + 1) if c not in hidden_columns]
        shown_rows = [r for r in range(merged.min_row, merged.max_row + 1) if r not in hidden_rows]
        spans[(merged.min_row, merged.min_col)] = (max(len(shown_columns), 1), max(len(shown_rows), 1))
        for r in range(merged.min_row, merged.max_row + 1):
            for c in range(merged.min_col, merged.max_col + 1):
                if (r, c) != (merged.min_row, merged.min_col):
                    covered.add((r, c))
    rows = []
    skipped_rows: list[int] = []
    skipped_columns: set[int] = set()
    for excel_row in sheet.iter_rows():
        cells = []
        for cell in excel_row:
            key = (cell.row, cell.column)
            if cell.row in hidden_rows or cell.column in hidden_columns:
                if key not in covered and cell.value not in (None, ""):
                    if cell.row not in hidden_rows:
                        skipped_columns.add(cell.column)
                    elif cell.row not in skipped_rows:
                        skipped_rows.append(cell.row)
                continue
            if key in covered:
                cells.append(Cell())
                continue
            colspan, rowspan = spans.get(key, (1, 1))
            lines = [part for part in _shown(cell).split("\n") if part.strip()]
            cells.append(Cell(lines, None, colspan, rowspan))
        while cells and cells[-1].empty and cells[-1].colspan == 1:
            cells.pop()
        if cells:
            rows.append(Row(cells, None, excel_row[0].row))
    notes = []
    if skipped_rows:
        notes.append(HIDDEN.format(sheet.title, "baris", ", ".join(map(str, skipped_rows))))
    if skipped_columns:
        letters = ", ".join(get_column_letter(c) for c in sorted(skipped_columns))
        notes.append(HIDDEN.format(sheet.title, "kolom", letters))
    return rows, notes


_FORMULA_RE = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _has_formulas(data: bytes) -> bool:
    """Whether any sheet of the file holds a formula (so that the file need not be opened again for them)."""
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        sheets = [n for n in book.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        return any(_FORMULA_RE.search(book.read(name)) for name in sheets)


def _uncalculated(data: bytes, sheet) -> list[str]:
    """Cells holding a formula whose result the file does not keep (written by a program, never opened)."""
    empty = {(c.row, c.column) for row in sheet.iter_rows() for c in row if c.value is None}
    if not empty or not _has_formulas(data):
        return []
    formulas = open_workbook(data, read_only=True, values=False)[sheet.title]
    found = [
        f"{get_column_letter(c.column)}{c.row}"
        for row in formulas.iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value.startswith("=") and (c.row, c.column) in empty
    ]
    return [UNCALCULATED.format(sheet.title, ", ".join(found[:5]) + (" …" if len(found) > 5 else ""))] if found else []


def read_xlsx(data: bytes, is_header: Callable[[Row], bool], source: str = "") -> Grid:
    """The first sheet with an IKU header (or else the first sheet) as a grid."""
    book = open_workbook(data)
    chosen = None
    for sheet in book.worksheets:
        rows, notes = _sheet_rows(sheet)
        if any(is_header(row) for row in rows[:HEADER_SEARCH_ROWS]):
            chosen = sheet, rows, notes
            break
    if chosen is None and book.worksheets:
        chosen = book.worksheets[0], *_sheet_rows(book.worksheets[0])
    if chosen is None:
        return Grid([], source)
    sheet, rows, notes = chosen
    return Grid(rows, source, notes=(*notes, *_uncalculated(data, sheet)))
