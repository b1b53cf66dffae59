"""Column roles settled by what the columns hold: a number or code column under a spanning header, a
code column beside the indicator, one text column holding sasaran and indicator rows, a table with no
header row at all."""

from __future__ import annotations

import re
from dataclasses import replace

from .grid import Row
from .header import Columns, Header
from .targets import looks_like_target

_LIST_NUMBER_RE = re.compile(r"^\(?(?:\d{1,2}|[a-zA-Z])[.)]?\)?$")
_CODE_RE = re.compile(r"^[A-Za-z]{0,5}[ .-]?\d{1,3}[a-z]?(?:[.,\-][0-9A-Za-z]{1,3}){0,4}[.)]?$")
_UNIT_WORDS_RE = re.compile(r"^[A-Za-z%][A-Za-z%/. ]{0,24}$")
# Share of a column's cells that must fit a kind for the column to be taken as that kind.
MOST = 0.8
# A text column holds sentences: its cells are this long on average.
TEXT_LENGTH = 15
# Two data columns' names side by side in one header cell: a borderless print whose columns ran together.
_MERGED_RE = re.compile(
    r"\b(?:SATUAN\s*TARGET|TARGET\s*SATUAN|TARGET\s*REALISASI|REALISASI\s*CAPAIAN|SATUAN\s*REALISASI)\b"
)
MERGED = 'judul kolom "{}" tampak menggabungkan dua kolom; periksa isi kolom itu'
HEADERLESS = "tabel tanpa baris judul kolom: peran kolom (sasaran, indikator, target) ditebak dari isinya; periksa"


def values(rows: list[Row], column: int | None) -> list[str]:
    if column is None:
        return []
    return [row.cell(column).text for row in rows if not row.cell(column).empty and len(row.filled()) > 1]


def _share(texts: list[str], fits) -> float:
    return sum(1 for t in texts if fits(t)) / len(texts) if texts else 0.0


def is_list_number(text: str) -> bool:
    return bool(_LIST_NUMBER_RE.match(text.strip()))


def is_code(text: str) -> bool:
    text = text.strip()
    return len(text) <= 14 and bool(_CODE_RE.match(text))


def _code_column(rows: list[Row], column: int | None) -> bool:
    texts = values(rows, column)
    return bool(texts) and _share(texts, lambda t: is_code(t) or is_list_number(t)) >= MOST


def assigned_columns(columns: Columns) -> set[int]:
    found = (columns.no, columns.sasaran, columns.indikator, columns.target, columns.satuan, columns.kode)
    return {c for c in (*found, columns.kode_sasaran, columns.no_indikator) if c is not None}


def _text_beside(header: Header, columns: Columns, rows: list[Row], column: int) -> int | None:
    """The column right of a code column that holds the indicator's text (same header, or none)."""
    nxt = column + 1
    if nxt >= len(header.names) or (nxt in assigned_columns(columns) and nxt != columns.indikator):
        return None
    if header.names[nxt] not in ("", header.names[column]):
        return None
    texts = values(rows, nxt)
    return nxt if texts and sum(len(t) for t in texts) / len(texts) >= TEXT_LENGTH else None


def _split_number_column(header: Header, columns: Columns, rows: list[Row]) -> tuple[Columns, bool]:
    """Settle a code or number column found where the indicator's text was expected."""
    mixed = False
    if columns.no_indikator is not None and not _all_list_numbers(rows, columns.no_indikator):
        columns = replace(columns, kode=columns.no_indikator, no_indikator=None)
    if columns.indikator is not None and _code_column(rows, columns.indikator):
        code = columns.indikator
        text = _text_beside(header, columns, rows, code)
        as_number = _all_list_numbers(rows, code)
        if text is not None:
            columns = replace(columns, indikator=text)
        elif columns.sasaran is not None:
            columns = replace(columns, indikator=columns.sasaran, sasaran=None)
            mixed = True
        else:
            return columns, False
        columns = replace(columns, no_indikator=code) if as_number and not mixed else replace(columns, kode=code)
    return columns, mixed


def _all_list_numbers(rows: list[Row], column: int) -> bool:
    texts = values(rows, column)
    return bool(texts) and _share(texts, is_list_number) >= MOST


def refine(header: Header, rows: list[Row]) -> tuple[Columns, bool, list[str]]:
    """The header's columns settled by their content; whether sasaran and indicators share one column;
    and notes on what was guessed."""
    columns = header.columns
    if columns.no is None and header.names and not header.names[0] and _all_list_numbers(rows, 0):
        columns = replace(columns, no=0)
    columns, mixed = _split_number_column(header, columns, rows)
    if columns.kode is not None and columns.sasaran is not None and columns.kode < columns.sasaran:
        columns = replace(columns, kode_sasaran=columns.kode, kode=None)
    columns = _unnamed_codes(header, columns, rows)
    lain = {name: c for name, c in columns.lain.items() if c not in assigned_columns(columns)}
    return replace(columns, lain=lain), mixed, list(header_notes(header))


def _unnamed_codes(header: Header, columns: Columns, rows: list[Row]) -> Columns:
    """A column without a header of its own, of codes, just left of the indicator's or the sasaran's text:
    their codes, under a header centred over both (a borderless print shows it over one)."""
    used = assigned_columns(columns)
    for role, code_role in (("indikator", "kode"), ("sasaran", "kode_sasaran")):
        text = getattr(columns, role)
        c = text - 1 if text is not None else -1
        if c < 0 or c in used or getattr(columns, code_role) is not None or c >= len(header.names):
            continue
        texts = values(rows, c)
        if not header.names[c] and texts and _share(texts, is_code) >= MOST:
            numbers = role == "indikator" and _share(texts, is_list_number) >= MOST
            columns = replace(columns, **{"no_indikator" if numbers else code_role: c})
            used.add(c)
    return columns


def header_notes(header: Header) -> list[str]:
    notes = [HEADERLESS] if header.names and header.names[0] == "?" else []  # roles guessed from content
    return notes + [MERGED.format(name) for name in header.names if _MERGED_RE.search(name.upper())]


def _rows_of_width(rows: list[Row]) -> tuple[int, list[Row]]:
    widths: dict[int, int] = {}
    for row in rows:
        if len(row.filled()) >= 3:
            widths[len(row.cells)] = widths.get(len(row.cells), 0) + 1
    if not widths:
        return 0, []
    width = max(widths, key=lambda w: (widths[w], w))
    return width, [r for r in rows if len(r.cells) == width]


def guess_header(rows: list[Row]) -> Header | None:
    """For a table without a header row: NO | SASARAN | INDIKATOR | TARGET for numbered four-column rows,
    else roles from what each column holds (sentences, numbered items, units, targets)."""
    first = next((i for i, r in enumerate(rows) if len(r.filled()) >= 3), None)
    if first is None:
        return None
    numbered = [r for r in rows if len(r.filled()) >= 3 and re.match(r"^\(?\d{1,3}[.)]?\)?(?:\s|$)", r.cell(0).text)]
    if numbered and max(len(r.cells) for r in numbered) == 4:
        names = ["NO", "SASARAN", "INDIKATOR", "TARGET"]
        return Header(first - 1, first - 1, names, Columns(no=0, sasaran=1, indikator=2, target=3))
    width, table = _rows_of_width(rows[first:])
    if width < 4 or len(table) < 3:
        return None
    columns = _columns_by_content(table, width)
    if columns is None:
        return None
    return Header(first - 1, first - 1, ["?"] * width, columns)


def _columns_by_content(rows: list[Row], width: int) -> Columns | None:
    """Target: the last column of targets; satuan: unit words beside it; the text columns: sasaran then
    indicator; a code column before the sasaran."""
    targets = [c for c in range(width) if _share(values(rows, c), looks_like_target) >= MOST]
    if not targets:
        return None
    target = targets[-1]
    texts = [c for c in range(target) if _mean_length(values(rows, c)) >= TEXT_LENGTH]
    if not texts:
        return None
    indikator = texts[-1]
    sasaran = texts[-2] if len(texts) > 1 else None
    satuan = next(
        (c for c in range(indikator + 1, target) if _share(values(rows, c), _UNIT_WORDS_RE.match) >= MOST), None
    )
    codes = [c for c in range(sasaran if sasaran is not None else indikator) if _code_column(rows, c)]
    return Columns(
        indikator=indikator,
        sasaran=sasaran,
        target=target,
        satuan=satuan,
        kode_sasaran=codes[-1] if codes else None,
    )


def _mean_length(texts: list[str]) -> float:
    return sum(len(t) for t in texts) / len(texts) if texts else 0.0
